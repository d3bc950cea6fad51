/// A named set of flags, given as `--preset NAME`: a configuration worth running again,
/// such as the one a paper or blog post used. Flags typed on the command line win over the
/// preset's, so `--preset post-notebook --epochs 2` is that configuration, shorter.
///
///     Preset(
///       name: "post-notebook", help: "what the source post's notebook ran",
///       arguments: ["--optimizer", "sgd", "--batch-size", "1000"])
///     // --help:   post-notebook   what the source post's notebook ran: --optimizer sgd
///     //                           --batch-size 1000
public struct Preset: Equatable, Sendable {
  /// The name after `--preset`.
  public var name: String
  /// What the preset is, for `--help` (which also lists its flags).
  public var help: String
  /// The flags it stands for, as they would be typed.
  public var arguments: [String]

  /// A preset `name` standing for `arguments`.
  public init(name: String, help: String, arguments: [String]) {
    self.name = name
    self.help = help
    self.arguments = arguments
  }
}
