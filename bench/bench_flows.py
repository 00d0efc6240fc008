#!/usr/bin/env python3
"""Precision and recall of apkaudit's data flows on a labelled folder of APKs, and time per APK.

    python bench/bench_flows.py FOLDER [TRUTH.yaml]

TRUTH.yaml (default FOLDER/truth.yaml) lists each APK's expected number of leaks (format
apkaudit/flow-truth/v1). A found leak is one sink call reached by data from a source site that an entry
point reaches; per APK, found leaks up to the expected count are true positives, the rest false
positives, and expected leaks not found are false negatives (counted per expected leak).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import yaml
from tabulate import tabulate

from apkaudit.audit import gather_facts
from apkaudit.errors import ApkAuditError


def found_leaks(path: Path) -> list[str]:
    facts = gather_facts(path)
    leaks = set()
    for access in facts.data_access:
        for site in access.sites:
            for flow in site.flows:
                leaks.add(f"{flow.kind}:{flow.method}:{flow.at}:{flow.sink}")
    return sorted(leaks)


def evaluate(folder: Path, truth_file: Path) -> tuple[list[tuple], dict[str, float]]:
    truth = yaml.safe_load(truth_file.read_text(encoding="utf-8"))
    rows = []
    tp = fp = fn = 0
    seconds = []
    for name, expected in sorted(truth["apks"].items()):
        path = folder / name
        t = time.perf_counter()
        try:
            leaks = found_leaks(path)
        except ApkAuditError as exc:
            rows.append((name, expected["leaks"], "error", "", "", "", str(exc), "", expected.get("category", "")))
            fn += expected["leaks"]
            continue
        seconds.append(time.perf_counter() - t)
        category = str(expected.get("category", ""))
        want = int(expected["leaks"])
        hit, extra, miss = min(len(leaks), want), max(0, len(leaks) - want), max(0, want - len(leaks))
        tp, fp, fn = tp + hit, fp + extra, fn + miss
        kinds = ", ".join(sorted({leak.split(":")[0] for leak in leaks}))
        rows.append((name, want, len(leaks), hit, extra, miss, kinds, f"{seconds[-1]:.2f}", category))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return rows, {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": precision,
        "recall": recall,
        "mean_seconds": sum(seconds) / max(len(seconds), 1),
    }


def by_category(rows: list[tuple]) -> list[tuple]:
    """Per category (truth.yaml `category`): APKs, expected, TP, FP, FN, precision, recall."""
    groups: dict[str, list[int]] = {}
    for row in rows:
        g = groups.setdefault(row[-1] or "-", [0, 0, 0, 0, 0])
        g[0] += 1
        g[1] += int(row[1])
        if row[2] == "error":
            g[4] += int(row[1])
            continue
        g[2], g[3], g[4] = g[2] + row[3], g[3] + row[4], g[4] + row[5]
    out = []
    for name, (apks, want, tp, fp, fn) in sorted(groups.items()):
        precision = f"{tp / (tp + fp):.2f}" if tp + fp else "-"
        recall = f"{tp / (tp + fn):.2f}" if tp + fn else "-"
        out.append((name, apks, want, tp, fp, fn, precision, recall))
    return out


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    folder = Path(argv[0])
    truth = Path(argv[1]) if len(argv) > 1 else folder / "truth.yaml"
    rows, totals = evaluate(folder, truth)
    print(tabulate([r[:-1] for r in rows], headers=["APK", "expected", "found", "TP", "FP", "FN", "sink kinds", "s"]))
    if any(r[-1] for r in rows):
        print()
        print(
            tabulate(
                by_category(rows),
                headers=["category", "APKs", "expected", "TP", "FP", "FN", "precision", "recall"],
            )
        )
    print(
        f"\nprecision {totals['precision']:.1%}  recall {totals['recall']:.1%}  "
        f"(TP {totals['tp']}, FP {totals['fp']}, FN {totals['fn']}); mean {totals['mean_seconds']:.2f} s per APK"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
