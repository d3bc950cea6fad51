import Foundation
import LessonSupport
import MNISTData

/// The default mode: for each data set, the sources tried and the one used, then every
/// data file found in any of them, each read in full and checked.
struct DatasetCheck {
  let locator: DataLocator
  let style: Style

  /// Prints the report; returns the exit status (0 all good, 1 a bad file).
  func run() -> Int32 {
    var bad = 0
    for kind in DatasetKind.allCases {
      print(style.bold(kind.displayName))
      do {
        let located = try locator.locate(kind)
        for attempt in located.attempts {
          print("  " + mark(attempt.succeeded) + " \(attempt.source): \(attempt.outcome)")
        }
        print("  using \(located.source): " + shape(located.dataset))
        if let banner = located.banner { print("  " + banner) }
      } catch {
        bad += 1
        print("  " + mark(false) + " " + style.bad("error: \(error)"))
      }
      print("  files:")
      bad += validateFiles(of: kind)
    }
    if bad == 0 {
      print(style.good("all data files are valid"))
      return 0
    }
    print(style.bad("\(bad) problem\(bad == 1 ? "" : "s") found (see ✗ above)"))
    return 1
  }

  /// Reads every data file in every folder source of `kind` (raw and `.gz` alike) and the
  /// folders that are complete as a whole (counts agree, one image size). Returns the number
  /// of bad files.
  private func validateFiles(of kind: DatasetKind) -> Int {
    var bad = 0
    for source in locator.folderSources(for: kind) {
      let folder = DataFolder(path: source.folder)
      var found = 0
      for role in OfficialFile.Role.allCases {
        for path in [
          source.folder + "/" + role.fileName, source.folder + "/" + role.fileName + ".gz",
        ]
        where fileExists(path) {
          found += 1
          do {
            print("    " + mark(true) + " \(display(path))  " + (try describe(path, role)))
          } catch {
            bad += 1
            print("    " + mark(false) + " " + style.bad("\(error)"))
          }
        }
      }
      if found > 0 && bad == 0 && folder.status == .complete {
        do {
          _ = try Dataset.load(kind, fromFolder: source.folder)
        } catch {
          bad += 1
          print("    " + mark(false) + " " + style.bad("\(error)"))
        }
      }
    }
    return bad
  }

  private func describe(_ path: String, _ role: OfficialFile.Role) throws -> String {
    switch role {
    case .trainImages, .testImages:
      let images = try IDXReader.readImages(at: path)
      return "\(spaced(images.count)) images \(images.rows) × \(images.columns)"
    case .trainLabels, .testLabels:
      return "\(spaced(try IDXReader.readLabels(at: path).count)) labels 0…9"
    }
  }

  private func shape(_ dataset: Dataset) -> String {
    "\(spaced(dataset.train.count)) training and \(spaced(dataset.test.count)) test images,"
      + " \(dataset.imageRows) × \(dataset.imageColumns)"
  }

  /// `path`, with the long build folder of the bundled subsets shortened to `(bundled)`.
  private func display(_ path: String) -> String {
    let root = BundledSubsets.rootFolder
    return path.hasPrefix(root) ? "(bundled)" + path.dropFirst(root.count) : path
  }

  private func mark(_ good: Bool) -> String { good ? style.good("✓") : style.bad("✗") }
}

/// `60000` → `60 000`.
func spaced(_ value: Int) -> String {
  let digits = String(value)
  var result = ""
  for (offset, digit) in digits.enumerated() {
    if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(" ") }
    result.append(digit)
  }
  return result
}

/// Whether a file (not a folder) exists at `path`.
func fileExists(_ path: String) -> Bool {
  var isFolder: ObjCBool = false
  return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
}
