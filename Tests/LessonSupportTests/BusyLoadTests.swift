import Foundation
import LessonSupport
import MNISTData
import NeuralKit
import Testing

/// The load `benchmark --under-load` starts must end when asked, and when dropped, so no
/// busy loop outlives a measurement.
@Suite struct BusyLoadTests {
  @Test("stop() ends every load process", .timeLimit(.minutes(1)))
  func stopEndsChildren() throws {
    let load = try BusyLoad(processes: 2)
    #expect(load.processIdentifiers.count == 2)
    #expect(load.isRunning)
    for pid in load.processIdentifiers { #expect(isAlive(pid), "load \(pid) should run") }
    load.stop()
    #expect(!load.isRunning)
    for pid in load.processIdentifiers { #expect(!isAlive(pid), "load \(pid) still runs") }
    load.stop()  // a second stop does nothing
  }

  @Test("dropping the load ends it", .timeLimit(.minutes(1)))
  func deinitEndsChildren() throws {
    var pids: [Int32] = []
    do {
      let load = try BusyLoad(processes: 1)
      pids = load.processIdentifiers
      #expect(pids.allSatisfy(isAlive))
    }
    for pid in pids { #expect(!isAlive(pid), "load \(pid) outlived its BusyLoad") }
  }

  /// True while a process with this id exists (`kill` with signal 0 only checks).
  func isAlive(_ pid: Int32) -> Bool { kill(pid, 0) == 0 }
}
