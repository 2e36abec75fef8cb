#!/usr/bin/env python3
"""Every marked sentence of core is given as many values as it has places.

check_words_places.py SOURCE_ROOT, or check_words_places.py --self-test

A sentence is written TIERTUNE_WORDS("context", "English with %1 and %2") (core/util/words.h) and
followed by the values of its places: `Error(TIERTUNE_WORDS(...), {a, b})` or
`Words(TIERTUNE_WORDS(...), {a, b})`. Words refuses a mismatch with std::logic_error when it is
made, which happens only when the error happens: a sentence on a rare path would fail in a user's
hands, not in a test. This check reads every use in core/ and app/ and fails (exit 1, each one
listed with its file and line) when the highest place number is not the number of values, or
when the values are not written right after the sentence.
"""
import os
import re
import sys

MARK = re.compile(r'TIERTUNE_WORDS\(\s*"(?:[^"\\]|\\.)*"\s*,\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\)')
LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"')
PLACE = re.compile(r'%([1-9])')
VALUES_START = re.compile(r'\s*\)?\s*,\s*\{')


def code_outside_strings(text, start=0):
    """(index, character) of text from start, skipping what is inside string literals."""
    in_string, escaped = False, False
    for i in range(start, len(text)):
        ch = text[i]
        if in_string:
            if escaped:
                escaped = False
            elif ch == '\\':
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        else:
            yield i, ch


def brace_list(text, start):
    """The inside of the brace list opening at text[start], or None when it never closes."""
    depth = 0
    for i, ch in code_outside_strings(text, start):
        if ch in '{([':
            depth += 1
        elif ch in '})]':
            depth -= 1
            if depth == 0:
                return text[start + 1:i]
    return None


def top_level_count(inner):
    """Values in a brace list's inside: top-level commas + 1."""
    if not inner.strip():
        return 0
    depth, count = 0, 1
    for _, ch in code_outside_strings(inner):
        if ch in '{([':
            depth += 1
        elif ch in '})]':
            depth -= 1
        elif ch == ',' and depth == 0:
            count += 1
    return count


def findings_in(text, name):
    found = []
    for mark in MARK.finditer(text):
        line = text.count('\n', 0, mark.start()) + 1
        sentence = ''.join(LITERAL.findall(mark.group(1)))
        places = max([int(p) for p in PLACE.findall(sentence)] + [0])
        start = VALUES_START.match(text, mark.end())
        if not start:
            found.append(f'{name}:{line}: "{sentence[:60]}" is not followed by the values of its places')
            continue
        inner = brace_list(text, start.end() - 1)
        values = top_level_count(inner) if inner is not None else -1
        if values != places:
            found.append(f'{name}:{line}: "{sentence[:60]}" has {places} places but {values} values')
    return found


def check(root):
    findings, checked = [], 0
    for top in ('core', 'app'):
        for folder, _, files in os.walk(os.path.join(root, top)):
            for file in sorted(files):
                if not file.endswith(('.cpp', '.h')):
                    continue
                path = os.path.join(folder, file)
                with open(path, encoding='utf-8') as source:
                    text = source.read()
                if 'TIERTUNE_WORDS(' not in text or path.endswith(os.path.join('util', 'words.h')):
                    continue
                checked += text.count('TIERTUNE_WORDS(')
                findings += findings_in(text, os.path.relpath(path, root))
    return findings, checked


def self_test():
    good = 'throw Error(TIERTUNE_WORDS("c", "%1 line %2: " "%3."), {file, f(a, b), Words(x, {y})});'
    nested = 'Words(TIERTUNE_WORDS("c", "none"), {})'
    assert findings_in(good, 'g') == [], findings_in(good, 'g')
    assert findings_in(nested, 'n') == []
    assert len(findings_in('Words(TIERTUNE_WORDS("c", "%1 and %2"), {one})', 'm')) == 1
    assert len(findings_in('Words(TIERTUNE_WORDS("c", "%1"), {"a, b", c})', 's')) == 1
    assert len(findings_in('auto s = TIERTUNE_WORDS("c", "%1"); use(s);', 'v')) == 1
    print('self-test passed')
    return 0


def main(argv):
    if argv[1:] == ['--self-test']:
        return self_test()
    if len(argv) != 2:
        print(__doc__)
        return 2
    findings, checked = check(argv[1])
    for finding in findings:
        print(finding)
    if findings:
        print(f'{len(findings)} of {checked} marked sentences do not get their places\' values')
        return 1
    if checked == 0:
        print('no marked sentences found: the check reads nothing')
        return 1
    print(f'{checked} marked sentences, each given its places\' values')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
