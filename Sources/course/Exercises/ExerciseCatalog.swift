import Foundation

/// Which exercises exist and in what order, read from the package itself, so that a new
/// exercise needs no change here: every `@Test` in `Tests/ExerciseTests/LessonNN…Tests.swift`
/// whose name gives an exercise file is one exercise, in lesson order and then in the order
/// the suite declares them (the order the lesson introduces them).
///
///     @Suite("Lesson 01 — sigmoid (exercises/01-sigmoid)", .timeLimit(.minutes(1)))
///     struct Lesson01SigmoidTests {
///       @Test("sigmoid — exercises/01-sigmoid/Sigmoid.swift")
///       func sigmoid() async { … }
///     // → sigmoid, exercises/01-sigmoid/Sigmoid.swift, Lesson01SigmoidTests
///
/// A test whose name does not give the file (the suite's `progress` test, say) counts only
/// when a file of the lesson's folder declares `func` with the test's name.
struct ExerciseCatalog: Sendable {
  /// Every exercise, in order.
  var exercises: [CourseExercise]

  /// The exercises found under `root` (the package folder).
  static func read(packageRoot root: URL) throws -> ExerciseCatalog {
    let testsFolder = root.appendingPathComponent("Tests/ExerciseTests")
    let names = try FileManager.default.contentsOfDirectory(atPath: testsFolder.path)
      .filter { $0.hasPrefix("Lesson") && $0.hasSuffix(".swift") }.sorted()
    var exercises: [CourseExercise] = []
    for name in names {
      let source = try String(
        contentsOf: testsFolder.appendingPathComponent(name), encoding: .utf8)
      exercises += parseSuite(source) { folderPrefix, function in
        declaringFile(of: function, lessonPrefix: folderPrefix, packageRoot: root)
      }
    }
    return ExerciseCatalog(exercises: exercises)
  }

  /// The exercises one suite's source declares. `findFile` answers, for a test whose name
  /// gives no file, which learner file declares the function (`nil`: not an exercise);
  /// it gets the suite's lesson number as written (`01`) and the function's name.
  static func parseSuite(
    _ source: String, findFile: (_ lesson: String, _ function: String) -> String?
  ) -> [CourseExercise] {
    let lines = source.components(separatedBy: "\n")
    guard let suite = lines.lazy.compactMap(suiteName).first else { return [] }
    let lesson = String(suite.dropFirst("Lesson".count).prefix(2))
    var exercises: [CourseExercise] = []
    var pendingName: String?
    for line in lines {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix("@Test") {
        pendingName = quoted(trimmed) ?? ""
      } else if let name = pendingName, let function = functionName(trimmed) {
        pendingName = nil
        if let path = exercisePath(in: name) ?? findFile(lesson, function) {
          exercises.append(CourseExercise(functionName: function, path: path, suite: suite))
        }
      }
    }
    return exercises
  }

  /// The exercise called `name`: a function (`sigmoid`), a file (`Sigmoid.swift`, or its
  /// path), or a folder (`01-sigmoid`, its first exercise).
  func exercise(named name: String) -> CourseExercise? {
    let wanted = name.hasSuffix("/") ? String(name.dropLast()) : name
    return exercises.first { $0.functionName == wanted }
      ?? exercises.first { $0.path == wanted || $0.fileName == wanted }
      ?? exercises.first { $0.folder == wanted || "exercises/\($0.folder)" == wanted }
  }

  /// The exercise folders in order, each once: `01-sigmoid`, `02-relu`, …
  var folders: [String] {
    var seen: [String] = []
    for exercise in exercises where !seen.contains(exercise.folder) { seen.append(exercise.folder) }
    return seen
  }

  // MARK: - Reading a suite

  /// `Lesson01SigmoidTests` from `struct Lesson01SigmoidTests {`.
  private static func suiteName(_ line: String) -> String? {
    let words = line.split(whereSeparator: { $0 == " " || $0 == "{" || $0 == ":" })
    guard let index = words.firstIndex(of: "struct"), index + 1 < words.count else { return nil }
    let name = String(words[index + 1])
    let isLessonSuite =
      name.hasPrefix("Lesson") && name.hasSuffix("Tests")
      && name.dropFirst(6).prefix(2).allSatisfy(\.isNumber)
    return isLessonSuite ? name : nil
  }

  /// The first string literal on the line: the test's display name.
  private static func quoted(_ line: String) -> String? {
    guard let open = line.firstIndex(of: "\"") else { return nil }
    let rest = line[line.index(after: open)...]
    guard let close = rest.firstIndex(of: "\"") else { return nil }
    return String(rest[..<close])
  }

  /// `sigmoid` from `func sigmoid() async {`.
  private static func functionName(_ line: String) -> String? {
    guard let range = line.range(of: "func ") else { return nil }
    let name = line[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
    return name.isEmpty ? nil : String(name)
  }

  /// `exercises/01-sigmoid/Sigmoid.swift` from a test's name that mentions it.
  static func exercisePath(in text: String) -> String? {
    for word in text.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" || $0 == "," })
    where word.hasPrefix("exercises/") && word.hasSuffix(".swift") {
      return String(word)
    }
    return nil
  }

  /// The learner file (not a solution) in `exercises/NN-*/` that declares `func function(`.
  private static func declaringFile(of function: String, lessonPrefix: String, packageRoot: URL)
    -> String?
  {
    let exercisesFolder = packageRoot.appendingPathComponent("exercises")
    let folders =
      ((try? FileManager.default.contentsOfDirectory(atPath: exercisesFolder.path)) ?? [])
      .filter { $0.hasPrefix(lessonPrefix + "-") }.sorted()
    for folder in folders {
      let files =
        ((try? FileManager.default.contentsOfDirectory(
          atPath: exercisesFolder.appendingPathComponent(folder).path)) ?? [])
        .filter { $0.hasSuffix(".swift") }.sorted()
      for file in files {
        let url = exercisesFolder.appendingPathComponent(folder).appendingPathComponent(file)
        if let text = try? String(contentsOf: url, encoding: .utf8),
          text.contains("func \(function)(")
        {
          return "exercises/\(folder)/\(file)"
        }
      }
    }
    return nil
  }
}
