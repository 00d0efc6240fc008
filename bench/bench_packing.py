#!/usr/bin/env python3
"""Benchmark: what the packing analysis (facts/packing.py) and APKiD's rules in it add to an audit.

For each APK, in a fresh process: the whole `gather_facts`, the time inside `packing.analyse`, and the
part of that spent in APKiD's YARA matching (apkid_rules.match), with the number of pieces APKiD saw.
Times are wall-clock and, in brackets, CPU time of the process (steadier on a busy machine). The rules
are loaded before timing starts (once per process, about 30 ms), as a batch worker would.

    python bench/bench_packing.py [APK ...]    (default: samples/apk/*.apk and the APKs in ../shared/corpus)
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def _measure(path: str) -> dict:
    from apkaudit.audit import gather_facts
    from apkaudit.facts import apkid_rules, packing

    apkid_rules.load()
    spent = {"packing": 0.0, "apkid": 0.0, "apkid_cpu": 0.0, "pieces": 0}
    analyse, match = packing.analyse, apkid_rules.match

    def timed_analyse(*args, **kwargs):  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        try:
            return analyse(*args, **kwargs)
        finally:
            spent["packing"] += time.perf_counter() - t

    def timed_match(*args, **kwargs):  # type: ignore[no-untyped-def]
        t, c = time.perf_counter(), time.process_time()
        try:
            return match(*args, **kwargs)
        finally:
            spent["apkid"] += time.perf_counter() - t
            spent["apkid_cpu"] += time.process_time() - c
            spent["pieces"] += 1

    packing.analyse, apkid_rules.match = timed_analyse, timed_match
    t, c = time.perf_counter(), time.process_time()
    facts = gather_facts(path)
    total, total_cpu = time.perf_counter() - t, time.process_time() - c
    return {
        "apk": Path(path).name,
        "total_s": round(total, 3),
        "total_cpu_s": round(total_cpu, 3),
        "packing_s": round(spent["packing"], 3),
        "apkid_s": round(spent["apkid"], 3),
        "apkid_cpu_s": round(spent["apkid_cpu"], 3),
        "apkid_pieces": spent["pieces"],
        "coverage": facts.analysis.coverage.value,
        "packers": list(facts.analysis.packers),
    }


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--one":
        print(json.dumps(_measure(argv[1])))
        return 0
    apks = argv or [str(p) for p in sorted((ROOT / "samples" / "apk").glob("*.apk"))] + [
        str(p) for p in sorted(CORPUS.glob("*.apk"))
    ]
    print(f"{'APK':40} {'total (cpu)':>14} {'packing':>8} {'APKiD (cpu)':>14} {'pieces':>6}  coverage  packers")
    for apk in apks:
        out = subprocess.run([sys.executable, __file__, "--one", apk], capture_output=True, text=True, check=True)
        r = json.loads(out.stdout)
        print(
            f"{r['apk'][:40]:40} {r['total_s']:6.2f} ({r['total_cpu_s']:5.2f}) {r['packing_s']:8.2f} "
            f"{r['apkid_s']:6.2f} ({r['apkid_cpu_s']:5.2f}) {r['apkid_pieces']:6d}  {r['coverage']:8}  "
            f"{', '.join(r['packers']) or '-'}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
