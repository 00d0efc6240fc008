#!/usr/bin/env python3
"""Benchmark: batch throughput at --jobs 1 and --jobs 2 on a folder of a few hundred distinct APKs.

The folder is made from the public corpus (../shared/corpus, with droidbench/) and the built samples, each
copied round-robin with a tag in its zip comment, so every file has its own SHA-256 and deduplication hides no
work. Each run is `apkaudit batch` of this checkout in a fresh process on a fresh database, as a user runs it.

Two settings, each at every --jobs:
  default          the batch as shipped: while the jobs leave a core idle, each audit runs APKiD's YARA matches in
                   a thread beside its analysis, so one job takes more than one core; once the jobs fill the
                   cores, each runs them on its own thread (batch/local.py)
  one core a job   that thread off at every --jobs (the matches on the audit's own thread): each job needs one core,
                   and the speed-up of two jobs shows what the second job adds per core (the batch's own scaling)

Printed per run: APKs per minute, the CPU time the batch and its children used over the wall time (cores used),
the CPU time other processes took meanwhile (a shared machine gives the batch fewer cores), the batch process's
own CPU time per APK (planning, hashing, judging, the store), the peak resident memory of the workers, failures;
then the fixed start-up of a run (an empty folder) and the speed-ups.

    python bench/bench_batch.py [--count 300] [--jobs 1 2] [--repeat 1] [--keep DIR]
"""

from __future__ import annotations

import argparse
import math
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


# `apkaudit batch` as shipped or with APKiD's thread off, reporting its own CPU time (planning, judging, the store)
RUNNER = """
import atexit, resource, sys
from apkaudit.cli import main
from apkaudit.facts import apkid_rules

if sys.argv[1] == "inline":
    apkid_rules.use_background(False)

def own_time():
    u = resource.getrusage(resource.RUSAGE_SELF)
    sys.stderr.write(f"\\nbench: batch process CPU {u.ru_utime + u.ru_stime:.3f}\\n")

atexit.register(own_time)
sys.exit(main(sys.argv[2:]))
"""


def busy_seconds() -> float | None:
    """CPU time every process of the machine has used since boot (Linux); None elsewhere."""
    try:
        with open("/proc/stat", encoding="ascii") as fh:
            fields = [int(v) for v in fh.readline().split()[1:9]]
    except (OSError, ValueError):
        return None
    return (sum(fields) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")  # all but idle and iowait


def run(folder: Path, db: Path, jobs: int, thread: bool) -> dict[str, float]:
    mode = "thread" if thread else "inline"
    cmd = [sys.executable, "-c", RUNNER, mode, "batch", str(folder), "--db", str(db), "--jobs", str(jobs)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    busy = busy_seconds()
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
    wall = time.perf_counter() - start
    busy_after = busy_seconds()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the batch and every worker it waited for
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        sys.exit(f"batch failed ({proc.returncode}): {proc.stderr[-2000:]}")
    own = float(proc.stderr.rsplit("bench: batch process CPU ", 1)[1].split()[0])
    with sqlite3.connect(db) as con:
        rss = [r[0] for r in con.execute("SELECT peak_rss FROM results WHERE peak_rss IS NOT NULL")]
        (done,) = con.execute("SELECT COUNT(*) FROM results").fetchone()
        (failed,) = con.execute("SELECT COUNT(*) FROM results WHERE report IS NULL").fetchone()
    return {
        "apks": done,
        "failed": failed,
        "wall": wall,
        "per_min": done / wall * 60 if wall else 0.0,
        "rss_max": max(rss, default=0) / 2**20,
        "rss_median": statistics.median(rss) / 2**20 if rss else 0.0,
        "cores": cpu / wall,
        "others": (busy_after - busy - cpu) / wall if busy is not None and busy_after is not None else math.nan,
        "own": own,
    }


def median_run(runs: list[dict[str, float]]) -> dict[str, float]:
    """The median run by wall time (the run itself, so that its figures belong together)."""
    return sorted(runs, key=lambda r: r["wall"])[(len(runs) - 1) // 2]


SETTINGS = (("default", True), ("one core a job", False))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=300, help="files in the benchmark folder")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--repeat", type=int, default=1, help="runs of each setting, interleaved; the median is kept")
    ap.add_argument("--keep", type=Path, help="build the folder here and keep it")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="apkaudit-bench-") as tmp:
        folder = args.keep or Path(tmp) / "apks"
        folder.mkdir(parents=True, exist_ok=True)
        mix = build(folder, args.count)
        size = sum(p.stat().st_size for p in folder.iterdir()) / 2**20
        print(
            f"{args.count} APKs ({size:.0f} MiB) from {len(mix)} distinct apps; {os.cpu_count()} cores; "
            f"load average at start {os.getloadavg()[0]:.1f}; this checkout: {ROOT}"
        )
        empty = Path(tmp) / "empty"
        empty.mkdir()
        startup = min((run(empty, Path(tmp) / f"empty{i}.sqlite", 1, True) for i in range(2)), key=lambda r: r["wall"])
        print(
            f"fixed start-up of a run (an empty folder): {startup['wall']:.2f} s, of which "
            f"{startup['own']:.2f} s CPU in the batch process"
        )
        runs: dict[tuple[str, int], list[dict[str, float]]] = {}
        for i in range(args.repeat):
            for label, thread in SETTINGS:
                for jobs in args.jobs:
                    r = run(folder, Path(tmp) / f"run{i}-{thread}-{jobs}.sqlite", jobs, thread)
                    runs.setdefault((label, jobs), []).append(r)
                    own_ms = (r["own"] - startup["own"]) / max(r["apks"], 1) * 1000
                    print(
                        f"{label:>14}, --jobs {jobs}: {r['apks']:.0f} APKs in {r['wall']:.1f} s = "
                        f"{r['per_min']:.0f} APKs/min; cores used {r['cores']:.2f} (other processes "
                        f"{r['others']:.2f}); batch process {own_ms:.1f} ms CPU per APK after start-up; "
                        f"peak RSS per worker max {r['rss_max']:.0f} MiB, median {r['rss_median']:.0f} MiB; "
                        f"{r['failed']:.0f} failed",
                        flush=True,
                    )
        for label, _ in SETTINGS:
            kept = {jobs: median_run(runs[label, jobs]) for jobs in args.jobs}
            figures = ", ".join(f"--jobs {j} {r['per_min']:.0f}/min on {r['cores']:.2f} cores" for j, r in kept.items())
            print(f"{label}: {figures}")
            if 1 in kept:
                for jobs, r in kept.items():
                    if jobs != 1:
                        fixed = startup["wall"]
                        print(
                            f"  speed-up --jobs {jobs} over --jobs 1 ({label}): {kept[1]['wall'] / r['wall']:.2f}x; "
                            f"{(kept[1]['wall'] - fixed) / (r['wall'] - fixed):.2f}x after the fixed start-up"
                        )


if __name__ == "__main__":
    main()
