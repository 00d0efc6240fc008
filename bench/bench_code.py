#!/usr/bin/env python3
"""Benchmark: apkaudit's code-evidence scan against androguard's AnalyzeAPK, side by side in one run.

Also times apkaudit without its data-flow search, to show what following the data costs.

Each measurement runs in a fresh process, so wall time and peak RSS are that job's alone. After timing,
the AnalyzeAPK process also answers the correctness question: which (method, API) pairs use the source
catalogue's methods, fields and content-URI strings according to androguard's xrefs. apkaudit must find
the same pairs.

    python bench/bench_code.py [--runs N] [APK ...]        (default: the APKs in ../shared/corpus)

With --runs N each of the three measurements runs N times, interleaved round by round (apkaudit, apkaudit
without flows, AnalyzeAPK, then again), and the table shows each one's best time and its highest peak memory:
on a shared machine one run of a second or two moves by 20-30% from run to run. It also shows the speed-up of
each round (AnalyzeAPK's time over apkaudit's in that round): their median and range.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _ours(path: str, flows: bool = True) -> dict:
    from apkaudit.audit import gather_facts

    t = time.perf_counter()
    facts = gather_facts(path, flows=flows)
    elapsed = time.perf_counter() - t
    pairs = sorted(
        {
            (s.method, s.api)
            for d in facts.data_access
            for s in d.sites
            if s.note is None and (s.api.startswith("content://") or "->" in s.api) and _is_source(s.api)
        }
    )
    return {"seconds": elapsed, "peak_mb": _peak_mb(), "pairs": pairs}


def _is_source(api: str) -> bool:
    from apkaudit.analysis.sources import entries

    kinds = {e.signature or e.value: e.kind for e in entries()}
    if api.startswith("content://"):
        return True
    short = api.split("(")[0] if "(" in api else api.split(":")[0]
    return kinds.get(api) in ("method", "field") or kinds.get(short) in ("method", "field")


def _androguard(path: str) -> dict:
    from loguru import logger

    logger.remove()
    from androguard.misc import AnalyzeAPK

    t = time.perf_counter()
    _, _, dx = AnalyzeAPK(path)
    elapsed = time.perf_counter() - t
    peak = _peak_mb()
    pairs = sorted(_xref_pairs(dx))
    return {"seconds": elapsed, "peak_mb": peak, "pairs": pairs}


def _sig(m) -> str:  # noqa: ANN001 - androguard's MethodAnalysis or EncodedMethod
    m = m.get_method() if hasattr(m, "get_method") else m
    return f"{m.get_class_name()}->{m.get_name()}{m.get_descriptor()}".replace(" ", "")


def _xref_pairs(dx) -> set[tuple[str, str]]:  # noqa: ANN001 - androguard's Analysis
    """(caller, source API) pairs androguard's full analysis finds for the catalogue's methods, fields and URIs."""
    from apkaudit.analysis.sources import entries

    found = _method_pairs(dx, [e for e in entries() if e.category is not None and e.kind == "method"])
    fields = {e.signature.partition(":")[0] for e in entries() if e.category is not None and e.kind == "field"}
    found |= _field_pairs(dx, fields)
    found |= _uri_pairs(dx, sorted((e for e in entries() if e.kind == "uri"), key=lambda e: len(e.value)))
    return found


def _method_pairs(dx, methods) -> set[tuple[str, str]]:  # noqa: ANN001
    import re

    found: set[tuple[str, str]] = set()
    for e in methods:
        cls, _, rest = e.signature.partition("->")
        name, paren, _ = rest.partition("(")
        for ma in dx.find_methods(classname=re.escape(cls) + "$", methodname="^" + re.escape(name) + "$"):
            if paren and _sig(ma.get_method()) != e.signature:
                continue
            api = _sig(ma.get_method())
            found |= {(_sig(caller), api) for _, caller, _ in ma.get_xref_from()}
    return found


def _field_pairs(dx, field_sigs: set[str]) -> set[tuple[str, str]]:  # noqa: ANN001
    """androguard keeps no xrefs for fields the app does not define, so read sget/iget operands instead."""
    found: set[tuple[str, str]] = set()
    for ma in dx.get_methods():
        if ma.is_external():
            continue
        for ins in ma.get_method().get_instructions():
            if 0x52 <= ins.get_op_value() <= 0x58 or 0x60 <= ins.get_op_value() <= 0x66:
                field = ins.cm.get_field(ins.get_ref_kind())
                api = f"{field[0]}->{field[2]}:{field[1]}"
                if api.partition(":")[0] in field_sigs:
                    found.add((_sig(ma), api))
    return found


def _uri_pairs(dx, uris) -> set[tuple[str, str]]:  # noqa: ANN001
    found: set[tuple[str, str]] = set()
    for sa in dx.find_strings("^content://"):
        text = sa.get_value()
        if any(text == u.value or (text.startswith(u.value) and text[len(u.value)] in "/?#") for u in uris):
            found |= {(_sig(caller), text) for _, caller in sa.get_xref_from()}
    return found


def _child(mode: str, path: str) -> None:
    result = _androguard(path) if mode == "androguard" else _ours(path, flows=mode == "apkaudit")
    print(json.dumps(result))


def _run(mode: str, path: Path) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", mode, str(path)], capture_output=True, text=True)
    if proc.returncode:
        last = (proc.stderr.strip().splitlines() or ["no message"])[-1]
        raise SystemExit(f"bench_code: {path}: {mode} failed: {last}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _best(apk: Path, runs: int) -> tuple[dict, dict, dict, list[float]]:
    """(apkaudit, apkaudit without flows, AnalyzeAPK): each one's best time and highest peak over `runs` rounds;
    then AnalyzeAPK's time over apkaudit's in each round (the two run a few seconds apart, so a slow phase of
    the machine slows both: the ratio of a round moves less than either time)."""
    modes = ("apkaudit", "apkaudit-noflows", "androguard")
    best: dict[str, dict] = {}
    ratios: list[float] = []
    for _ in range(runs):
        round_seconds = {}
        for mode in modes:
            result = _run(mode, apk)
            round_seconds[mode] = result["seconds"]
            kept = best.setdefault(mode, result)
            kept["seconds"] = min(kept["seconds"], result["seconds"])
            kept["peak_mb"] = max(kept["peak_mb"], result["peak_mb"])
        ratios.append(round_seconds["androguard"] / round_seconds["apkaudit"])
    return best[modes[0]], best[modes[1]], best[modes[2]], ratios


def main(argv: list[str]) -> int:
    if len(argv) >= 3 and argv[0] == "--child":
        _child(argv[1], argv[2])
        return 0
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=1, help="rounds, interleaved; best time and highest peak shown")
    parser.add_argument("apks", nargs="*", type=Path, help=f"APKs (default: {CORPUS}/*.apk)")
    args = parser.parse_args(argv)
    runs = max(1, args.runs)
    apks = args.apks or sorted(CORPUS.glob("*.apk"))
    if not apks:
        parser.error(f"no APKs given and none in {CORPUS}")
    for apk in apks:
        if not apk.is_file():
            parser.error(f"{apk}: no such file")
    from tabulate import tabulate

    rows, mismatches = [], 0
    for apk in apks:
        ours, bare, theirs, ratios = _best(apk, runs)
        a, b = {tuple(p) for p in ours["pairs"]}, {tuple(p) for p in theirs["pairs"]}
        same = a == b
        mismatches += not same
        rows.append(
            (
                apk.name,
                f"{ours['seconds']:.2f}",
                f"{bare['seconds']:.2f}",
                f"{ours['seconds'] / bare['seconds']:.2f}x",
                f"{ours['peak_mb']:.0f}",
                f"{theirs['seconds']:.2f}",
                f"{theirs['peak_mb']:.0f}",
                f"{theirs['seconds'] / ours['seconds']:.1f}x",
                f"{statistics.median(ratios):.1f}x ({min(ratios):.1f}-{max(ratios):.1f})",
                f"{ours['peak_mb'] / theirs['peak_mb']:.2f}",
                f"{len(a)} / {len(b)}" + ("" if same else f" (only ours {len(a - b)}, only xrefs {len(b - a)})"),
            )
        )
        if not same:
            for p in sorted(a - b)[:5]:
                print("  only apkaudit:", p, file=sys.stderr)
            for p in sorted(b - a)[:5]:
                print("  only AnalyzeAPK xrefs:", p, file=sys.stderr)
    headers = [
        "APK",
        "apkaudit s",
        "without flows s",
        "flow cost",
        "MB",
        "AnalyzeAPK s",
        "MB",
        "speed-up",
        "per round (median, range)",
        "memory ratio",
        "source uses (ours / xrefs)",
    ]
    print(tabulate(rows, headers=headers))
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
