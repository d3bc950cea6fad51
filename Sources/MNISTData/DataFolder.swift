#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A folder that may hold one data set's four official files, each as `name` or
/// `name.gz` (the raw file wins when both are there: it reads faster).
///
///     DataFolder(path: "data/mnist").status   // .complete, or .incomplete(missing: […])
public struct DataFolder: Equatable, Sendable {
  /// What is in the folder.
  public enum Status: Equatable, Sendable {
    /// All four files are there (not yet validated: reading them does that).
    case complete
    /// No folder at this path.
    case absent
    /// The path exists but is not a folder.
    case notAFolder
    /// The folder (or a folder above it) cannot be searched or read.
    case permissionDenied
    /// Some files are there, these are not (official names, without `.gz`).
    case incomplete(missing: [String])
  }

  /// The folder's path.
  public let path: String

  /// The folder at `path`.
  public init(path: String) { self.path = path }

  /// The file to read for `role`: `name` if present, else `name.gz` if present, else the
  /// description `name[.gz]`, which opens as a missing file naming both forms.
  public func path(of role: OfficialFile.Role) -> String {
    let plain = path + "/" + role.fileName
    if Self.isFile(plain) { return plain }
    if Self.isFile(plain + ".gz") { return plain + ".gz" }
    return plain + "[.gz]"
  }

  /// Whether the folder holds all four files; checks existence only.
  public var status: Status {
    var info = stat()
    if stat(path, &info) != 0 {
      return errno == EACCES ? .permissionDenied : .absent
    }
    if (info.st_mode & S_IFMT) != S_IFDIR { return .notAFolder }
    // A folder we cannot list or enter shows its files as missing; say why instead.
    if access(path, R_OK | X_OK) != 0 && errno == EACCES { return .permissionDenied }
    var missing: [String] = []
    for role in OfficialFile.Role.allCases {
      let plain = path + "/" + role.fileName
      if stat(plain, &info) != 0 && errno == EACCES { return .permissionDenied }
      if !Self.isFile(plain) && !Self.isFile(plain + ".gz") { missing.append(role.fileName) }
    }
    return missing.isEmpty ? .complete : .incomplete(missing: missing)
  }

  /// A short text for `status`: `all four files`, `no folder`, `missing t10k-…`.
  public var statusDescription: String {
    switch status {
    case .complete: return "all four files"
    case .absent: return "no such folder"
    case .notAFolder: return "not a folder"
    case .permissionDenied: return "permission denied"
    case .incomplete(let missing):
      return "missing " + missing.map { $0 + "[.gz]" }.joined(separator: ", ")
    }
  }

  static func isFile(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFDIR
  }
}
