#!/usr/bin/env python3
"""The layers of core, checked on the sources.

check_core_layers.py SOURCE_ROOT COMPONENTS_FILE, or check_core_layers.py --self-test

COMPONENTS_FILE is what core/CMakeLists.txt declares, one "name:used,used,..." a line. The check
fails (exit 1, every finding listed) when
  - a file in core/NAME includes a header of another component that NAME does not use, directly or
    through what it uses (the linker would not refuse it: static libraries resolve in any order);
  - the declared uses form a cycle;
  - core or kernels include Qt;
  - a core folder belongs to no component.
"""
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.M)
QT_HEADER = re.compile(r'^(Q[A-Z]\w*|Qt\w*/)')


def read_components(path):
    uses = {}
    with open(path, encoding="utf-8") as text:
        for line in text:
            line = line.strip()
            if not line:
                continue
            name, _, used = line.partition(":")
            uses[name] = [u for u in used.split(",") if u]
    return uses


def find_cycle(uses):
    state = {}
    stack = []

    def visit(node):
        state[node] = "open"
        stack.append(node)
        for used in uses.get(node, []):
            if used not in uses:
                continue
            if state.get(used) == "open":
                return stack[stack.index(used):] + [used]
            if used not in state:
                found = visit(used)
                if found:
                    return found
        stack.pop()
        state[node] = "done"
        return None

    for node in sorted(uses):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def reachable(uses, start):
    seen = set()
    todo = [start]
    while todo:
        node = todo.pop()
        for used in uses.get(node, []):
            if used not in seen:
                seen.add(used)
                todo.append(used)
    return seen


def sources(folder):
    for root, _, files in os.walk(folder):
        for name in sorted(files):
            if name.endswith((".h", ".cpp", ".cu", ".cuh")):
                yield os.path.join(root, name)


def check(root, uses):
    problems = []

    cycle = find_cycle(uses)
    if cycle:
        problems.append("the declared uses form a cycle: " + " -> ".join(cycle))

    core = os.path.join(root, "core")
    for folder in sorted(os.listdir(core)):
        if os.path.isdir(os.path.join(core, folder)) and folder not in uses:
            problems.append(f"core/{folder} belongs to no component in core/CMakeLists.txt")

    allowed = {name: reachable(uses, name) | {name} for name in uses}
    checked = 0
    for top in ("core", "kernels"):
        for path in sources(os.path.join(root, top)):
            relative = os.path.relpath(path, root)
            with open(path, encoding="utf-8", errors="replace") as text:
                includes = INCLUDE.findall(text.read())
            checked += 1
            owner = relative.split(os.sep)[1] if top == "core" else "kernels"
            for header in includes:
                if QT_HEADER.match(header):
                    problems.append(f"{relative} includes Qt ({header}): core and kernels never do")
                parts = header.split("/")
                if top == "kernels":
                    if parts[0] == "core":
                        problems.append(f"{relative} includes {header}: kernels sit below core")
                    continue
                used = parts[1] if parts[0] == "core" and len(parts) > 2 else parts[0] if parts[0] == "kernels" else None
                if used and used not in allowed.get(owner, set()):
                    problems.append(f"{relative} includes {header}, but core/{owner} does not use {used} "
                                    "(declare it in core/CMakeLists.txt if the layers allow it)")
                if parts[0] == "app":
                    problems.append(f"{relative} includes {header}: core never includes the programs")

    return problems, checked


def self_test():
    """The check finds what it is for: an undeclared use, a cycle, Qt in core, a stray folder."""
    import tempfile
    with tempfile.TemporaryDirectory() as root:
        def write(path, text):
            os.makedirs(os.path.dirname(os.path.join(root, path)), exist_ok=True)
            with open(os.path.join(root, path), "w", encoding="utf-8") as out:
                out.write(text)
        write("core/util/a.h", "#include <vector>\n")
        write("core/model/b.cpp", '#include "core/util/a.h"\n#include "kernels/backend.h"\n')
        write("core/train/c.cpp", '#include "core/model/b.h"\n#include "core/util/a.h"\n')
        write("kernels/backend.h", "#include <span>\n")
        uses = {"util": [], "model": ["util", "kernels"], "train": ["model"]}
        problems, _ = check(root, uses)
        assert problems == [], problems  # train reaches util through model
        write("core/model/d.cpp", '#include "core/train/c.h"\n')
        write("core/util/e.cpp", "#include <QString>\n")
        write("core/stray/f.cpp", "")
        write("kernels/g.cpp", '#include "core/util/a.h"\n')
        problems, _ = check(root, uses)
        text = "\n".join(problems)
        for expected in ("core/model/d.cpp includes core/train/c.h", "core/util/e.cpp includes Qt",
                         "core/stray belongs to no component", "kernels/g.cpp includes core/util/a.h"):
            assert expected in text, (expected, text)
        problems, _ = check(root, {"util": ["train"], "model": ["util"], "train": ["model"], "stray": []})
        assert any("cycle" in problem for problem in problems), problems
    print("self-test: every kind of finding is found")


def main():
    if sys.argv[1:] == ["--self-test"]:
        self_test()
        return 0
    root, components_file = sys.argv[1], sys.argv[2]
    problems, checked = check(root, read_components(components_file))
    for problem in problems:
        print(problem)
    print(f"{checked} files checked: {'no problem' if not problems else str(len(problems)) + ' problems'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
