#!/usr/bin/env python3
"""Benchmark: apkaudit's code-evidence scan against androguard's AnalyzeAPK, side by side in one run.

Also times apkaudit without its data-flow search, to show what following the data costs.

Each measurement runs in a fresh process, so wall time and peak RSS are that job's alone. After timing,
the AnalyzeAPK process also answers the correctness question: which (method, API) pairs use the source
catalogue's methods, fields and content-URI strings according to androguard's xrefs. apkaudit must find
the same pairs.

    python bench/bench_code.py [APK ...]        (default: the APKs in ../shared/corpus)
"""

from __future__ import annotations

import json
import resource
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


def _xref_pairs(dx) -> set[tuple[str, str]]:  # noqa: ANN001 - androguard's Analysis
    import re

    from apkaudit.analysis.sources import entries

    def sig(m) -> str:  # noqa: ANN001
        m = m.get_method() if hasattr(m, "get_method") else m
        return f"{m.get_class_name()}->{m.get_name()}{m.get_descriptor()}".replace(" ", "")

    found: set[tuple[str, str]] = set()
    field_sigs: set[str] = set()
    for e in entries():
        if e.category is None:
            continue
        if e.kind == "method":
            cls, _, rest = e.signature.partition("->")
            name, paren, proto = rest.partition("(")
            for ma in dx.find_methods(classname=re.escape(cls) + "$", methodname="^" + re.escape(name) + "$"):
                if paren and sig(ma.get_method()) != e.signature:
                    continue
                api = sig(ma.get_method())
                for _, caller, _ in ma.get_xref_from():
                    found.add((sig(caller), api))
        elif e.kind == "field":
            field_sigs.add(e.signature.partition(":")[0])
    # androguard keeps no xrefs for fields the app does not define, so read sget/iget operands instead
    for ma in dx.get_methods():
        if ma.is_external():
            continue
        for ins in ma.get_method().get_instructions():
            if 0x52 <= ins.get_op_value() <= 0x58 or 0x60 <= ins.get_op_value() <= 0x66:
                field = ins.cm.get_field(ins.get_ref_kind())
                api = f"{field[0]}->{field[2]}:{field[1]}"
                if api.partition(":")[0] in field_sigs:
                    found.add((sig(ma), api))
    uris = sorted((e for e in entries() if e.kind == "uri"), key=lambda e: len(e.value))
    for sa in dx.find_strings("^content://"):
        text = sa.get_value()
        if any(text == u.value or (text.startswith(u.value) and text[len(u.value)] in "/?#") for u in uris):
            for _, caller in sa.get_xref_from():
                found.add((sig(caller), text))
    return found


def _child(mode: str, path: str) -> None:
    result = _androguard(path) if mode == "androguard" else _ours(path, flows=mode == "apkaudit")
    print(json.dumps(result))


def _run(mode: str, path: Path) -> dict:
    proc = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(path)], capture_output=True, text=True, check=True
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> int:
    if len(argv) >= 3 and argv[0] == "--child":
        _child(argv[1], argv[2])
        return 0
    apks = [Path(a) for a in argv] or sorted(CORPUS.glob("*.apk"))
    if not apks:
        print(f"no APKs given and none in {CORPUS}", file=sys.stderr)
        return 2
    from tabulate import tabulate

    rows, mismatches = [], 0
    for apk in apks:
        ours, bare, theirs = _run("apkaudit", apk), _run("apkaudit-noflows", apk), _run("androguard", apk)
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
        "memory ratio",
        "source uses (ours / xrefs)",
    ]
    print(tabulate(rows, headers=headers))
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
