import TestSupport

/// The lessons with an executable, in order: file and program.
let lessonPrograms: [(lesson: String, program: String)] = [
  ("Lessons/01-sigmoid.md", "lesson01-sigmoid"),
  ("Lessons/02-relu.md", "lesson02-relu"),
  ("Lessons/03-backprop.md", "lesson03-backprop"),
  ("Lessons/04-softmax.md", "lesson04-softmax"),
  ("Lessons/05-training.md", "lesson05-training"),
  ("Lessons/06-relu-vs-sigmoid.md", "lesson06-relu-vs-sigmoid"),
  ("Lessons/07-gradient-flow.md", "lesson07-gradient-flow"),
]

/// Every lesson that quotes the sources: those above, and lesson 08, whose program prints
/// timings and so has no golden output.
let quotingLessons = lessonPrograms.map(\.lesson) + ["Lessons/08-fast-matmul.md"]
