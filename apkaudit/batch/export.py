"""Exports of a results store: CSV (one row per app, for spreadsheets) and JSON Lines (the full reports).

Built only on Store.reports() and Store.errors(), so an export shows exactly what other consumers of the store see.
Lines are yielded one at a time: an export of a million apps never sits in memory whole.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Sequence
from typing import Any

from apkaudit.batch.store import Store
from apkaudit.model import Evidence

FORMATS = ("csv", "jsonl")
LEVELS = tuple(e.value for e in Evidence)
CSV_COLUMNS = (
    "path",
    "sha256",
    "package",
    "label",
    "version_name",
    "version_code",
    "policy",
    "grade",
    "score",
    *(f"{level}_categories" for level in LEVELS),
    "sdks",
    "coverage",
    "error_kind",
    "error",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def lines(store: Store, fmt: str) -> Iterator[str]:
    if fmt == "csv":
        return csv_lines(store)
    if fmt == "jsonl":
        return jsonl_lines(store)
    raise ValueError(f"unknown export format {fmt!r}")


def csv_lines(store: Store) -> Iterator[str]:
    """A header, then one row per audited app (sorted by package), then one per app that could not be audited."""
    yield _csv_line(CSV_COLUMNS)
    for report in store.reports():
        yield _csv_line(csv_row(report))
    for error in store.errors():
        row = {"path": error["path"], "sha256": error["sha256"], "error_kind": error["error_kind"]}
        row["error"] = error["message"]
        yield _csv_line([row.get(c) for c in CSV_COLUMNS])


def csv_row(report: dict[str, Any]) -> list[Any]:
    app = report["app"]
    by_level: dict[str, list[str]] = {level: [] for level in LEVELS}
    for access in report["data_access"]:
        by_level.setdefault(access["evidence"], []).append(access["category"])
    policy = report.get("policy") or {}
    values: dict[str, Any] = {
        "path": app["path"],
        "sha256": app["sha256"],
        "package": app["package"],
        "label": app.get("label"),
        "version_name": app.get("version_name"),
        "version_code": app.get("version_code"),
        "policy": policy.get("id"),
        "grade": report.get("grade"),
        "score": report.get("score"),
        "sdks": ";".join(sorted(s["id"] for s in report["sdks"])),
        "coverage": report["analysis"]["coverage"],
    }
    for level, categories in by_level.items():
        values[f"{level}_categories"] = ";".join(sorted(categories))
    return [values.get(c) for c in CSV_COLUMNS]


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def _csv_line(cells: Sequence[Any]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([_cell(c) for c in cells])
    return out.getvalue()


def _cell(value: Any) -> str:
    """A cell as text; one that a spreadsheet would run as a formula (a hostile app label) is quoted as text,
    and control characters (ESC, BEL, CSI: a terminal would run them) become '?', as in every other writer."""
    if value is None:
        return ""
    text = _CONTROL.sub("?", str(value))
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


def jsonl_lines(store: Store) -> Iterator[str]:
    """One JSON report per line (as `apkaudit scan --format json` writes it), then one error object per line:
    {"path", "sha256", "error_kind", "message"}."""
    for report in store.reports():
        yield json.dumps(report, ensure_ascii=False, separators=(",", ":")) + "\n"
    for error in store.errors():
        yield json.dumps(error, ensure_ascii=False, separators=(",", ":")) + "\n"
