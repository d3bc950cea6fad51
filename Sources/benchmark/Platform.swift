import Foundation
import LessonSupport

/// Cores this process may use.
let activeCores = ProcessInfo.processInfo.activeProcessorCount

/// Ends the program with `code` (2 for a bad option).
func exitWithCode(_ code: Int32) -> Never {
  exit(code)
}
