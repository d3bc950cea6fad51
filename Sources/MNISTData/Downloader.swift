import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Fetches `url` into the file `destination`, expecting about `expectedBytes` (for a
/// progress bar); throws on any failure. `Downloader.curl` is the real one; tests pass one
/// that copies local files.
public typealias DataFetch =
  @Sendable (_ url: String, _ destination: String, _ expectedBytes: Int)
  throws -> Void

/// Downloads official data files into a folder, safely.
///
///     fetch  →  folder/.train-images-idx3-ubyte.gz.download-<pid>   (temporary)
///     check  →  size and MD5 equal the published ones, else delete it and try the next mirror
///     rename →  folder/train-images-idx3-ubyte.gz                   (atomic, same folder)
///
/// The trap: writing straight to the final name. An interrupted download then leaves a
/// short file under the official name, and the next run reads it as data. Here the
/// official name appears only through `rename`, which the system performs all at once,
/// and only for a file whose checksum matched.
public struct Downloader: Sendable {
  /// How files are fetched.
  public var fetch: DataFetch
  /// The files and mirrors of a data set: `kind.officialFiles` and `kind.mirrors`, unless
  /// a test substitutes its own.
  public var catalog: @Sendable (DatasetKind) -> (files: [OfficialFile], mirrors: [String])

  /// A downloader using `fetch` (by default `curl`) and the official files and mirrors.
  public init(fetch: @escaping DataFetch = Downloader.curl) {
    self.fetch = fetch
    self.catalog = { ($0.officialFiles, $0.mirrors) }
  }

  /// Downloads every file of `kind` missing from `folder`, trying the mirrors in order;
  /// a mirror that fails once is not tried again for the other files (offline, that keeps
  /// the wait to one failure per mirror). Returns one line per file downloaded.
  public func downloadMissing(_ kind: DatasetKind, into folder: String) throws -> [String] {
    let (files, mirrors) = catalog(kind)
    var deadMirrors: Set<String> = []
    var lines: [String] = []
    for file in files {
      let existing = DataFolder(path: folder).path(of: file.role)
      if DataFolder.isFile(existing) { continue }
      let usable = mirrors.filter { !deadMirrors.contains($0) }
      var failures: [DataError] = []
      var installed = false
      for mirror in usable {
        do {
          try install(file, from: mirror + file.gzipName, into: folder)
          lines.append("\(file.gzipName) ← \(mirror)")
          installed = true
          break
        } catch let error as DataError {
          failures.append(error)
          if case .downloadFailed = error { deadMirrors.insert(mirror) }
        }
      }
      if !installed {
        throw failures.last ?? .downloadFailed(url: file.gzipName, reason: "no mirror left to try")
      }
    }
    return lines
  }

  /// Fetches `url` to a temporary file in `folder`, checks its size and MD5 against
  /// `file`, and renames it to `file.gzipName`. Returns the final path.
  @discardableResult
  public func install(_ file: OfficialFile, from url: String, into folder: String) throws
    -> String
  {
    // The folders this call creates, deepest first, to remove again if they stay empty.
    var created: [String] = []
    var ancestor = folder
    while !ancestor.isEmpty && ancestor != "/" && !FileManager.default.fileExists(atPath: ancestor)
    {
      created.append(ancestor)
      ancestor = String(ancestor[..<(ancestor.lastIndex(of: "/") ?? ancestor.startIndex)])
    }
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw DataError.downloadFailed(url: url, reason: "cannot create \(folder): \(error)")
    }
    let final = folder + "/" + file.gzipName
    let temporary = folder + "/." + file.gzipName + ".download-\(getpid())"
    unlink(temporary)
    defer {
      unlink(temporary)  // gone after a failure; after success it is already renamed
      for path in created { rmdir(path) }  // succeeds only for a folder left empty
    }
    do {
      try fetch(url, temporary, file.gzipSize)
    } catch let error as DataError {
      throw error
    } catch {
      throw DataError.downloadFailed(url: url, reason: "\(error)")
    }
    try verify(temporary, as: file, url: url)
    guard rename(temporary, final) == 0 else {
      throw DataError.downloadFailed(
        url: url, reason: "cannot rename into \(final): \(String(cString: strerror(errno)))")
    }
    return final
  }

  /// Throws `.downloadSizeMismatch` or `.checksumMismatch` unless the file at `path` is
  /// exactly the published `file`.
  public func verify(_ path: String, as file: OfficialFile, url: String) throws {
    var info = stat()
    let size = stat(path, &info) == 0 ? Int(info.st_size) : 0
    guard size == file.gzipSize else {
      throw DataError.downloadSizeMismatch(url: url, expected: file.gzipSize, found: size)
    }
    let digest = try MD5.hex(ofFileAt: path)
    guard digest == file.gzipMD5 else {
      throw DataError.checksumMismatch(url: url, expected: file.gzipMD5, found: digest)
    }
  }

  /// Fetches with the `curl` command (macOS and most Linux systems have it; Foundation's
  /// URLSession needs FoundationNetworking on Linux, a large library for one download).
  /// Gives up after 10 s without a connection. While it runs, a progress bar with bytes
  /// and speed is drawn on standard error if that is a terminal.
  public static let curl: DataFetch = { url, destination, expectedBytes in
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "curl", "--fail", "--silent", "--show-error", "--location", "--connect-timeout", "10",
      "--output", destination, url,
    ]
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      throw DataError.downloadFailed(url: url, reason: "cannot run curl: \(error)")
    }
    let progress = DownloadProgress(
      name: String(url.split(separator: "/").last ?? ""), total: expectedBytes)
    while process.isRunning {
      usleep(100_000)
      var info = stat()
      if stat(destination, &info) == 0 { progress.show(bytes: Int(info.st_size)) }
    }
    process.waitUntilExit()
    progress.finish(succeeded: process.terminationStatus == 0)
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    guard process.terminationStatus == 0 else {
      let reason =
        message.isEmpty ? "curl exited with status \(process.terminationStatus)" : message
      throw DataError.downloadFailed(url: url, reason: reason)
    }
  }
}

/// The download progress bar on standard error, drawn only on a terminal:
///
///     train-images-idx3-ubyte.gz  [########............]  4.2 / 9.9 MB  3.1 MB/s
final class DownloadProgress {
  let name: String
  let total: Int
  let start = DispatchTime.now()
  let isTerminal = isatty(2) == 1
  var lastBytes = 0

  init(name: String, total: Int) {
    self.name = name
    self.total = total
  }

  func show(bytes: Int) {
    lastBytes = bytes
    guard isTerminal else { return }
    FileHandle.standardError.write(Data(("\r" + line(bytes: bytes)).utf8))
  }

  /// Ends the bar with a newline after a success; erases it after a failure, whose
  /// message follows from the caller.
  func finish(succeeded: Bool) {
    if succeeded {
      let text = (isTerminal ? "\r" : "") + line(bytes: lastBytes) + "\n"
      FileHandle.standardError.write(Data(text.utf8))
    } else if isTerminal && lastBytes > 0 {
      FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
  }

  private func line(bytes: Int) -> String {
    let width = 20
    let fraction = total > 0 ? min(1, Double(bytes) / Double(total)) : 0
    let filled = Int(fraction * Double(width))
    let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
    let seconds = max(
      1e-3, Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
    let megabytes = { (value: Double) in String(format: "%.1f", value / 1_000_000) }
    return "\(name)  [\(bar)]  \(megabytes(Double(bytes))) / \(megabytes(Double(total))) MB"
      + "  \(megabytes(Double(bytes) / seconds)) MB/s"
  }
}
