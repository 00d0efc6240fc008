#!/usr/bin/env python3
"""Benchmark: batch throughput at --jobs 1 and --jobs 2 on a folder of a few hundred distinct APKs.

The folder is made from the public corpus (../shared/corpus, with droidbench/) and the built samples, each
copied round-robin with a tag in its zip comment, so every file has its own SHA-256 and deduplication hides no
work. Each run is `apkaudit batch` in a fresh process on a fresh database, as a user runs it. Printed: APKs per
minute, the peak resident memory of the workers (from the store: every APK's worker reports its own), failures,
the CPU time the batch used over its wall time (how many cores it really had: on a shared machine fewer than
--jobs), and the speed-up of two jobs over one.

    python bench/bench_batch.py [--count 300] [--jobs 1 2] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLES = ROOT / "samples" / "apk"


def sources() -> list[Path]:
    found = sorted(CORPUS.rglob("*.apk")) if CORPUS.is_dir() else []
    return found + sorted(SAMPLES.glob("*.apk"))


def distinct_copy(src: Path, dst: Path, tag: str) -> None:
    """The same APK with a tag appended to its zip comment: the same app, other bytes."""
    data = src.read_bytes()
    eocd = data.rfind(b"PK\x05\x06")
    old = int.from_bytes(data[eocd + 20 : eocd + 22], "little")
    comment = data[eocd + 22 : eocd + 22 + old] + tag.encode()
    dst.write_bytes(data[: eocd + 20] + len(comment).to_bytes(2, "little") + comment)


def build(folder: Path, count: int) -> dict[str, int]:
    apks = sources()
    if not apks:
        sys.exit("no APKs: build samples/apk or provide ../shared/corpus")
    mix: dict[str, int] = {}
    for i in range(count):
        src = apks[i % len(apks)]
        distinct_copy(src, folder / f"{i:04d}-{src.name}", f"bench {i}")
        mix[src.name] = mix.get(src.name, 0) + 1
    return mix


def run(folder: Path, db: Path, jobs: int) -> dict[str, float]:
    cmd = [sys.executable, "-m", "apkaudit.cli", "batch", str(folder), "--db", str(db), "--jobs", str(jobs)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the batch and every worker it waited for
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        sys.exit(f"batch failed ({proc.returncode}): {proc.stderr[-2000:]}")
    with sqlite3.connect(db) as con:
        rss = [r[0] for r in con.execute("SELECT peak_rss FROM results WHERE peak_rss IS NOT NULL")]
        seconds = [r[0] for r in con.execute("SELECT scan_seconds FROM results WHERE scan_seconds IS NOT NULL")]
        (done,) = con.execute("SELECT COUNT(*) FROM results").fetchone()
        (failed,) = con.execute("SELECT COUNT(*) FROM results WHERE report IS NULL").fetchone()
    return {
        "apks": done,
        "failed": failed,
        "wall": wall,
        "per_min": done / wall * 60,
        "rss_max": max(rss) / 2**20,
        "rss_median": statistics.median(rss) / 2**20,
        "cpu_sum": sum(seconds),
        "cores": cpu / wall,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=300, help="files in the benchmark folder")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--keep", type=Path, help="build the folder here and keep it")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="apkaudit-bench-") as tmp:
        folder = args.keep or Path(tmp) / "apks"
        folder.mkdir(parents=True, exist_ok=True)
        mix = build(folder, args.count)
        size = sum(p.stat().st_size for p in folder.iterdir()) / 2**20
        print(
            f"{args.count} APKs ({size:.0f} MiB) from {len(mix)} distinct apps; {os.cpu_count()} cores; "
            f"load average at start {os.getloadavg()[0]:.1f}"
        )
        results = {}
        for jobs in args.jobs:
            results[jobs] = r = run(folder, Path(tmp) / f"jobs{jobs}.sqlite", jobs)
            print(
                f"--jobs {jobs}: {r['apks']:.0f} APKs in {r['wall']:.1f} s = {r['per_min']:.0f} APKs/min; "
                f"peak RSS per worker max {r['rss_max']:.0f} MiB, median {r['rss_median']:.0f} MiB; "
                f"{r['failed']:.0f} failed; analysis time summed {r['cpu_sum']:.1f} s; "
                f"CPU time / wall time {r['cores']:.2f} (cores actually used)"
            )
        if 1 in results and len(results) > 1:
            for jobs, r in results.items():
                if jobs != 1:
                    print(f"speed-up --jobs {jobs} over --jobs 1: {results[1]['wall'] / r['wall']:.2f}x")


if __name__ == "__main__":
    main()
