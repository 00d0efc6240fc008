"""Reading a JSON report back from a file (for `apkaudit diff` and `apkaudit site --report`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from apkaudit.errors import ApkAuditError
from apkaudit.report.json_report import SCHEMA_ID

MAX_REPORT_BYTES = 256 << 20


class ReportError(ApkAuditError):
    """A file given as a JSON report is not one apkaudit can read."""


def looks_like_report(path: str | Path) -> bool:
    """True for a file that starts like JSON (an APK starts with 'PK')."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
        return False
    return head[:1] in (b"{", b"[")


def read_reports(path: str | Path) -> list[dict[str, Any]]:
    """Every report in a file written by `apkaudit scan --format json` (one object, or an array of them)."""
    p = Path(path)
    try:
        if p.stat().st_size > MAX_REPORT_BYTES:
            raise ReportError(f"{path}: over {MAX_REPORT_BYTES >> 20} MiB, not an apkaudit report")
        doc = json.loads(p.read_text("utf-8"))
    except OSError as exc:
        raise ReportError(f"{path}: cannot read file: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ReportError(f"{path}: not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise ReportError(f"{path}:{exc.lineno}: not valid JSON ({exc.msg})") from None
    docs = doc if isinstance(doc, list) else [doc]
    for n, d in enumerate(docs):
        where = f"{path}" + (f" [{n}]" if isinstance(doc, list) else "")
        if not isinstance(d, dict) or d.get("schema") != SCHEMA_ID:
            raise ReportError(f'{where}: not an apkaudit report (no "schema": "{SCHEMA_ID}")')
        app = d.get("app")
        if not isinstance(app, dict) or not isinstance(app.get("sha256"), str):
            raise ReportError(f"{where}: not an apkaudit report (no app.sha256)")
    return docs


def read_report(path: str | Path) -> dict[str, Any]:
    """The one report in a file; a file with several is refused (say which one to compare)."""
    docs = read_reports(path)
    if len(docs) != 1:
        raise ReportError(f"{path}: holds {len(docs)} reports; give a file with exactly one")
    return docs[0]
