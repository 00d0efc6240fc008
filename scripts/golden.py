"""Golden reports: write every report of every known APK, or check that the current code writes the same bytes.

A refactoring must not change what apkaudit says. `write DIR` audits the project's samples (and the public
corpus and DroidBench when ../shared/corpus is there) under every shipped rule book and writes each report in
every format (JSON, Markdown, table, HTML in English and Chinese), or the one-line error; `compare DIR` does
the same into a temporary folder and lists every file whose bytes differ. Run `write` on the commit before a
change and `compare` after it:

    git stash; python scripts/golden.py write /tmp/golden; git stash pop
    python scripts/golden.py compare /tmp/golden
"""

from __future__ import annotations

import argparse
import filecmp
import multiprocessing
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SETS = {
    "samples": ROOT / "samples" / "apk",
    "flows": ROOT / "samples" / "flows" / "apk",
    "tampered": ROOT / "samples" / "tampered",
    "corpus": CORPUS,
    "droidbench": CORPUS / "droidbench",
}
FORMATS = (("json", "json", "en"), ("md", "markdown", "en"), ("txt", "table", "en"), ("html", "html", "en"))


def _apks(only: str | None) -> list[tuple[str, Path]]:
    found = []
    for name, folder in SETS.items():
        if only and name != only:
            continue
        if folder.is_dir():
            found += [(name, p) for p in sorted(folder.glob("*.apk"))]
    return found


def _one(job: tuple[str, Path, Path]) -> str:
    from apkaudit.audit import gather_facts, judge
    from apkaudit.errors import ApkAuditError
    from apkaudit.policy import load as policy_load
    from apkaudit.report import renderer

    set_name, apk, out = job
    os.chdir(apk.parent)  # reports name the APK as given: the same in every checkout
    folder = out / set_name
    folder.mkdir(parents=True, exist_ok=True)
    books = [policy_load.load(i) for i in sorted(policy_load.available())]
    try:
        facts = gather_facts(apk.name)
    except ApkAuditError as exc:
        (folder / f"{apk.name}.error").write_text(str(exc) + "\n")
        return f"{set_name}/{apk.name}: error"
    report = judge(facts, books)
    for ext, fmt, lang in FORMATS:
        (folder / f"{apk.name}.{ext}").write_text(renderer(fmt, lang)([report]), encoding="utf-8")
    (folder / f"{apk.name}.zh.html").write_text(renderer("html", "zh")([report]), encoding="utf-8")
    return f"{set_name}/{apk.name}"


def write(out: Path, only: str | None, jobs: int) -> int:
    todo = [(s, p, out.resolve()) for s, p in _apks(only)]
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        for line in pool.imap_unordered(_one, todo):
            print(line, file=sys.stderr)
    return len(todo)


def compare(golden: Path, only: str | None, jobs: int) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        count = write(Path(tmp), only, jobs)
        differ = _differences(filecmp.dircmp(golden, tmp), "")
    for line in differ:
        print(line)
    print(f"{count} APKs, {len(differ)} differences", file=sys.stderr)
    return 1 if differ else 0


def _differences(d: filecmp.dircmp[str], prefix: str) -> list[str]:
    found = [f"only in golden: {prefix}{n}" for n in d.left_only]
    found += [f"only in new: {prefix}{n}" for n in d.right_only]
    found += [f"differs: {prefix}{n}" for n in d.diff_files]
    for name, sub in sorted(d.subdirs.items()):
        found += _differences(sub, f"{prefix}{name}/")
    return sorted(found)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("action", choices=("write", "compare"))
    parser.add_argument("dir", type=Path)
    parser.add_argument("--set", choices=tuple(SETS), help="only this set of APKs")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    if args.action == "write":
        write(args.dir, args.set, args.jobs)
        return 0
    return compare(args.dir, args.set, args.jobs)


if __name__ == "__main__":
    sys.exit(main())
