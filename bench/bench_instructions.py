#!/usr/bin/env python3
"""Instructions an audit executes, counted by valgrind, for this checkout and others side by side.

On a shared or virtual machine the same audit's time moves by 20-50% from one minute to the next, in CPU time
as well as wall time, which hides a change of a few percent however many runs are kept. The number of
instructions the process executes does not move (0.3% between runs here): valgrind's cachegrind counts them
(about 40x slower than a plain run, so a minute per corpus APK). A Python process's instructions are a
fair proxy for its CPU time as long as the work is the interpreter's and numpy's, as it is here.

For each APK and checkout, two processes are counted: one that imports apkaudit.audit, one that also runs
gather_facts (flows on) on the APK; the audit's count is the difference, so the imports (2.8 G) are left
out, as bench_code.py and bench_scale.py leave them out of their times. Hash randomisation is off
(PYTHONHASHSEED=0), so that set and dict orders, and with them the work, are the same every run. The cache
of parsed catalogues (apkaudit/datacache.py) is warmed first, as it is for every audit after the first.

    python bench/bench_instructions.py [--also DIR ...] [APK ...]    (default: the APKs in ../shared/corpus)

Needs valgrind (Debian: `apt-get install valgrind`). Processes run two at a time.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tabulate import tabulate

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
_IMPORT = "import apkaudit.audit"
# Under valgrind an audit runs about 40 times slower: a large APK (Yosemite.apk, 15 s) would pass the 150-second
# analysis budget and APKiD's per-target timeout, and be cut at a different place each run. Both are lifted, so
# that the whole audit is counted, the same every run.
_AUDIT = (
    "import sys, apkaudit.audit; from apkaudit.apk import Limits; from apkaudit.facts import apkid_rules; "
    "apkid_rules.TIMEOUT_SECONDS = 10**6; "
    "apkaudit.audit.gather_facts(sys.argv[1], Limits(max_analysis_seconds=10**6))"
)
_WARM = (
    "from importlib import resources; from apkaudit import catalogs; "
    "[catalogs.load(f.name[:-5]) for f in resources.files(catalogs).iterdir() if f.name.endswith('.yaml')]"
)
_REFS = re.compile(rb"I\s+refs:\s+([\d,]+)")


def count(code: str, checkout: Path, apk: Path) -> int:
    """Instructions executed by `python -c code apk` with this checkout first on the path."""
    env = dict(os.environ, PYTHONPATH=str(checkout), PYTHONHASHSEED="0")
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run(
            [
                "valgrind",
                "--tool=cachegrind",
                "--cache-sim=no",
                f"--cachegrind-out-file={tmp}/out",
                sys.executable,
                "-c",
                code,
                str(apk),
            ],
            env=env,
            cwd=checkout,  # `python -c` puts the current directory first on sys.path
            capture_output=True,
            check=False,
        )
    found = _REFS.search(done.stderr)
    if done.returncode or found is None:
        tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [f"exit {done.returncode}"]
        raise RuntimeError(f"{checkout} on {apk.name}: {tail[0]}")
    return int(found.group(1).replace(b",", b""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("apks", nargs="*", type=Path)
    parser.add_argument("--also", action="append", type=Path, default=[], help="another checkout to count")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (Debian: apt-get install valgrind)", file=sys.stderr)
        return 2
    apks = args.apks or sorted(CORPUS.glob("*.apk"))
    if not apks:
        print(f"no APKs given and none in {CORPUS}", file=sys.stderr)
        return 2
    checkouts = [ROOT, *(p.resolve() for p in args.also)]
    for checkout in checkouts:  # warm each checkout's catalogue cache: every audit after the first finds it
        subprocess.run(
            [sys.executable, "-c", _WARM],
            env=dict(os.environ, PYTHONPATH=str(checkout)),
            cwd=checkout,
            check=False,
            capture_output=True,
        )
    jobs = [(code, checkout, apk) for apk in apks for checkout in checkouts for code in (_IMPORT, _AUDIT)]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        counts = dict(zip(jobs, pool.map(lambda job: count(*job), jobs), strict=True))
    rows = []
    for apk in apks:
        first = None
        for checkout in checkouts:
            audit = counts[(_AUDIT, checkout, apk)] - counts[(_IMPORT, checkout, apk)]
            first = first or audit
            rows.append([apk.name, str(checkout), f"{audit / 1e9:.3f}", f"{audit / first:.3f}"])
    print(tabulate(rows, headers=["APK", "checkout", "audit G instructions", "vs this checkout"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
