#!/usr/bin/env python3
"""Growth benchmark: apkaudit's whole audit (flows on) against androguard's AnalyzeAPK, side by side, at growing sizes.

The APKs are the public corpus (../shared/corpus/*.apk, skipped when absent) and synthetic apps this bench builds
itself (bench/synth.py: an app DEX with a web runtime's 2000-plugin dispatch, some plugins reading contacts and
sending them, plus filler DEX files of 1500 classes each with methods that read and write thousands of fields;
about 2.5 MB of DEX per filler file). Building needs apktool once (Debian: `apt-get install apktool`); the APKs
are kept in --cache.

Each measurement is a fresh Python process (so imports, caches and peak memory are its own): the time is the
audit or AnalyzeAPK call itself, the peak memory the process's maximum resident set (getrusage). With --runs N
the best time of N is shown. --also DIR (repeatable) runs apkaudit from another checkout too (PYTHONPATH=DIR, run
from DIR), alternating run by run with this one, so a change is measured before and after in one run.
AnalyzeAPK is skipped above --androguard-max-mb of DEX (it needs about 100 MB of memory per MB of DEX).

    python bench/bench_scale.py [--sizes 2 10 20 40] [--runs 1] [--also ../main] [--no-corpus]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from tabulate import tabulate

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT / "bench"))

import synth  # noqa: E402

_CHILD = r"""
import json, resource, sys, time
which, path = sys.argv[1], sys.argv[2]
if which == "androguard":
    from loguru import logger
    logger.remove()
    from androguard.misc import AnalyzeAPK
    t = time.perf_counter()
    AnalyzeAPK(path)
    out = {}
else:
    from apkaudit.audit import gather_facts
    t = time.perf_counter()
    facts = gather_facts(path)
    sites = [s for a in facts.data_access for s in a.sites]
    budget = [n for n in facts.analysis.notes if "budget" in n]
    out = {"flows": sum(len(s.flows) for s in sites), "budget": budget}
out["seconds"] = time.perf_counter() - t
out["mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


def measure(which: str, apk: Path, pythonpath: str) -> dict:
    env = dict(os.environ, PYTHONPATH=pythonpath)
    # cwd: `python -c` puts the current directory first on sys.path, ahead of PYTHONPATH
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, which, str(apk)],
        env=env,
        cwd=pythonpath,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}"}
    result: dict = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def best(which: str, apk: Path, pythonpaths: list[str], runs: int) -> list[dict]:
    """The best of `runs` for each checkout, the checkouts alternating run by run."""
    results: list[list[dict]] = [[] for _ in pythonpaths]
    for _ in range(runs):
        for i, path in enumerate(pythonpaths):
            results[i].append(measure(which, apk, path))
    out = []
    for rs in results:
        ok = [r for r in rs if "error" not in r]
        out.append(min(ok, key=lambda r: r["seconds"]) if ok else rs[0])
    return out


def dex_mb(apk: Path) -> float:
    with zipfile.ZipFile(apk) as z:
        return sum(i.file_size for i in z.infolist() if i.filename.endswith(".dex")) / 1e6


def cell(r: dict | None) -> str:
    if r is None:
        return "skipped"
    if "error" in r:
        return "error: " + r["error"][:40]
    return f"{r['seconds']:.1f} s / {r['mb']:.0f} MB" + (" (budget hit)" if r.get("budget") else "")


def ratio(a: dict | None, b: dict | None, key: str) -> str:
    if not a or not b or "error" in a or "error" in b:
        return ""
    return f"{b[key] / a[key]:.1f}x"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[2, 10, 20, 40], help="synthetic DEX file counts")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/apkaudit-bench-synth"))
    parser.add_argument("--runs", type=int, default=1, help="best of N runs (default 1)")
    parser.add_argument(
        "--also", action="append", default=[], help="another checkout whose apkaudit runs side by side (repeatable)"
    )
    parser.add_argument("--androguard-max-mb", type=float, default=60.0, help="skip AnalyzeAPK above this DEX size")
    parser.add_argument("--no-corpus", action="store_true")
    parser.add_argument("--no-androguard", action="store_true")
    args = parser.parse_args()

    apks = [] if args.no_corpus or not CORPUS.is_dir() else sorted(CORPUS.glob("*.apk"), key=lambda p: p.stat().st_size)
    apks += [synth.build(args.cache, n) for n in args.sizes]
    ours = str(ROOT)
    rows = []
    for apk in apks:
        size = dex_mb(apk)
        *others, mine = best("apkaudit", apk, [str(Path(a).resolve()) for a in args.also] + [ours], args.runs)
        skip = args.no_androguard or size > args.androguard_max_mb
        ag = None if skip else best("androguard", apk, [ours], args.runs)[0]
        row = [apk.name, f"{size:.1f}", cell(mine)]
        row += [
            cell(o) + (f" ({o['seconds'] / mine['seconds']:.1f}x)" if "seconds" in o and "seconds" in mine else "")
            for o in others
        ]
        row += [cell(ag), ratio(mine, ag, "seconds"), ratio(mine, ag, "mb")]
        row += [mine.get("flows", ""), "; ".join(mine.get("budget", [])) or "no"]
        rows.append(row)
        print(" | ".join(str(c) for c in row), flush=True)
    headers = ["APK", "DEX MB", "apkaudit"] + [f"apkaudit in {a} (its time / ours)" for a in args.also]
    headers += ["AnalyzeAPK", "time ratio", "memory ratio", "flows", "budget hit"]
    print()
    print(tabulate(rows, headers=headers, disable_numparse=True))
    print(f"\nload average: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
