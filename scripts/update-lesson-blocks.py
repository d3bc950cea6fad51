#!/usr/bin/env python3
"""Refreshes the generated blocks of the lessons, so the text shows the real code and output.

Two kinds of block, each a fenced code block right after a marker line:

    <!-- quote: Sources/NeuralKit/Network/Network.swift#train-step -->
        replaced by the lines between `// lesson: train-step` and `// end lesson` in that
        file, de-indented by the opening marker's indentation;

    <!-- output: swift run lesson05-training --quick -->
        replaced by what that program prints (built in .build/debug, run with NO_COLOR=1
        from the package root);

    <!-- output: swift run lesson07-gradient-flow --quick, up to "2. Training" -->
        the same, cut before the first line starting with `2. Training`, trailing blank
        lines dropped.

The tests (Tests/LessonTests) check both kinds; this script only saves typing. Build first:

    swift build
    python3 scripts/update-lesson-blocks.py            # every lesson
    python3 scripts/update-lesson-blocks.py Lessons/05-training.md
"""

import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def region(path: str, name: str) -> str:
    with open(os.path.join(ROOT, path), encoding="utf-8") as file:
        lines = file.read().split("\n")
    starts = [i for i, line in enumerate(lines) if line.strip() == f"// lesson: {name}"]
    if not starts:
        sys.exit(f"{path} has no region // lesson: {name}")
    start = starts[0]
    indent = len(lines[start]) - len(lines[start].lstrip(" "))
    body = []
    for line in lines[start + 1 :]:
        if line.strip() == "// end lesson":
            return "\n".join(body) + "\n"
        spaces = len(line) - len(line.lstrip(" "))
        body.append(line[min(indent, spaces) :])
    sys.exit(f"{path}: region {name} is not closed")


def output(reference: str) -> str:
    command, _, up_to = reference.partition(', up to "')
    text = run(command)
    if not up_to:
        return text
    prefix = up_to.removesuffix('"')
    lines = text.split("\n")
    ends = [i for i, line in enumerate(lines) if line.startswith(prefix)]
    if not ends:
        sys.exit(f"{command} prints no line starting with {prefix!r}")
    kept = lines[: ends[0]]
    while kept and not kept[-1]:
        kept.pop()
    return "".join(line + "\n" for line in kept)


def run(command: str) -> str:
    words = command.split()
    if words[:2] != ["swift", "run"]:
        sys.exit(f"unexpected output command: {command}")
    binary = os.path.join(ROOT, ".build", "debug", words[2])
    if not os.path.exists(binary):
        sys.exit(f"{binary} not found: run `swift build` first")
    environment = dict(os.environ, NO_COLOR="1")
    result = subprocess.run(
        [binary] + words[3:], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    if result.returncode != 0:
        sys.exit(f"{command} exited with {result.returncode}:\n{result.stderr}")
    return result.stdout


def refresh(path: str) -> bool:
    with open(path, encoding="utf-8") as file:
        text = file.read()
    pattern = re.compile(r"(<!-- (quote|output): (.+?) -->\n(```[a-z]*)\n)(.*?)(```)", re.S)

    def replace(match: re.Match) -> str:
        kind, reference = match.group(2), match.group(3)
        if kind == "quote":
            source, name = reference.split("#", 1)
            body = region(source, name)
        else:
            body = output(reference)
        return match.group(1) + body + match.group(6)

    updated = pattern.sub(replace, text)
    if updated != text:
        with open(path, "w", encoding="utf-8") as file:
            file.write(updated)
        return True
    return False


def main() -> None:
    paths = sys.argv[1:] or sorted(
        os.path.join(ROOT, "Lessons", name)
        for name in os.listdir(os.path.join(ROOT, "Lessons"))
        if name.endswith(".md")
    )
    for path in paths:
        print(("updated  " if refresh(path) else "current  ") + os.path.relpath(path, ROOT))


if __name__ == "__main__":
    main()
