/// One way to call a program, for the usage lines at the top of `--help` and of an error:
/// the flags it needs and the flags it may take, by name. A program without forms gets
/// one listing every flag as optional.
///
///     UsageForm(required: ["show"], optional: ["count", "data-dir"])
///     // swift run datasets --show mnist|fashion-mnist [--count N] [--data-dir DIR]
///     UsageForm(invocation: "swift run -c release", required: ["benchmark", "data-dir"])
///     // swift run -c release datasets --benchmark --data-dir DIR
public struct UsageForm: Equatable, Sendable {
  /// How this form is run, when not as the program's other forms (`swift run`).
  public var invocation: String?
  /// Flags this form needs, by name without `--`.
  public var required: [String]
  /// Flags this form may take, shown in brackets.
  public var optional: [String]

  /// A form needing `required` and taking `optional`.
  public init(invocation: String? = nil, required: [String] = [], optional: [String] = []) {
    self.invocation = invocation
    self.required = required
    self.optional = optional
  }
}
