import ExerciseSupport
import Foundation

/// For the tests only: a mistake put into the learner's `denseForward` or `trainEpoch`, so
/// that the tests can see each failure reported as a learner would see it. Set in the
/// environment of the lesson program:
///
///     LEARNER_ENGINE_TEST_FAULT=crash:denseForward    an index out of range
///     LEARNER_ENGINE_TEST_FAULT=hang:trainEpoch       never returns
///     LEARNER_ENGINE_TEST_FAULT=nan:trainEpoch        a NaN loss
///     LEARNER_ENGINE_TEST_FAULT=shape:denseForward    one column short
///     LEARNER_ENGINE_TEST_FAULT=unwritten:trainEpoch  still the stub (`NotWrittenYet`)
///     LEARNER_ENGINE_TEST_FAULT=crash-late:trainEpoch  a crash in the first real epoch only
///
/// and, in the solutions build, `LEARNER_ENGINE_TEST_FUNCTIONS=stubs` runs the untouched
/// stubs instead of the worked solutions.
enum TestFault: String {
  case crash, hang, nan, shape, unwritten
  /// A crash on more than 1 000 images only: in training, after every first call passed.
  case crashLate = "crash-late"

  static let variable = "LEARNER_ENGINE_TEST_FAULT"
  static let functionsVariable = "LEARNER_ENGINE_TEST_FUNCTIONS"

  /// The functions the child runs: the learner's, unless the tests asked for others.
  static func functions(environment: [String: String]) -> LearnerFunctions {
    var functions = LearnerFunctions.learners
    #if LEARNER_ENGINE_HAS_STUBS
      if environment[functionsVariable] == "stubs" { functions = .stubs }
    #endif
    guard let text = environment[variable] else { return functions }
    let parts = text.split(separator: ":").map(String.init)
    guard parts.count == 2, let fault = TestFault(rawValue: parts[0]) else { return functions }
    switch parts[1] {
    case "denseForward":
      let original = functions.denseForward
      functions.denseForward = { inputs, weights, bias in
        if fault == .unwritten { throw NotWrittenYet() }
        let y = try original(inputs, weights, bias)
        switch fault {
        case .crash, .crashLate: return [y[y.count]]  // index out of range
        case .hang: return hang()
        case .nan: return y.map { $0.map { _ in Float.nan } }
        case .shape: return y.map { Array($0.dropLast()) }
        case .unwritten: throw NotWrittenYet()
        }
      }
    case "trainEpoch":
      let original = functions.trainEpoch
      functions.trainEpoch = { network, adam, inputs, labels, batchSize, learningRate, generator in
        if fault == .unwritten { throw NotWrittenYet() }
        let result = try original(
          &network, &adam, inputs, labels, batchSize, learningRate, &generator)
        switch fault {
        case .crash: return [result][1]
        case .crashLate: return inputs.count > 1_000 ? [result][1] : result
        case .hang: return hang()
        case .nan: return (Float.nan, result.accuracy)
        case .shape:
          network.layers.removeLast()
          return result
        case .unwritten: throw NotWrittenYet()
        }
      }
    default: break
    }
    return functions
  }

  /// An endless loop, as a learner might write one.
  private static func hang<T>() -> T {
    while true { sleep(1) }
  }
}
