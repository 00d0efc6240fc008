"""Reading a JSON report back from a file (for `apkaudit diff` and `apkaudit site --report`)."""

from __future__ import annotations

import functools
import json
import os
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema

from apkaudit.errors import ApkAuditError
from apkaudit.files import open_regular, read_regular
from apkaudit.report.json_report import SCHEMA_ID

MAX_REPORT_BYTES = 256 << 20


class ReportError(ApkAuditError):
    """A file given as a JSON report is not one apkaudit can read."""


def looks_like_report(path: str | Path) -> bool:
    """True for a file that starts like JSON (an APK starts with 'PK')."""
    try:
        fd = open_regular(path)  # a FIFO or device is not a report (and opening it never blocks)
    except ApkAuditError:
        return False
    try:
        head = os.pread(fd, 64, 0).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
        return False
    finally:
        os.close(fd)
    return head[:1] in (b"{", b"[")


def read_reports(path: str | Path) -> list[dict[str, Any]]:
    """Every report in a file written by `apkaudit scan --format json` (one object, or an array of them)."""
    raw = read_regular(path, MAX_REPORT_BYTES, ReportError, "report")
    try:
        doc = json.loads(raw.decode("utf-8"))
    except RecursionError:
        raise ReportError(f"{path}: JSON nested too deeply") from None
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
        _validate(d, where)
    return docs


@functools.lru_cache(maxsize=1)
def _validator() -> jsonschema.protocols.Validator:
    schema = json.loads(resources.files("apkaudit").joinpath("schemas/report-v1.json").read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _validate(doc: dict[str, Any], where: str) -> None:
    """A report whose fields have the wrong type is refused here, not met as a crash further on."""
    error = jsonschema.exceptions.best_match(_validator().iter_errors(doc))
    if error is not None:
        at = "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in error.absolute_path).lstrip(".")
        message = error.message if len(error.message) < 160 else error.message[:157] + "..."
        raise ReportError(f"{where}: not a valid apkaudit report: {at or '(top level)'}: {message}")


def read_report(path: str | Path) -> dict[str, Any]:
    """The one report in a file; a file with several is refused (say which one to compare)."""
    docs = read_reports(path)
    if len(docs) != 1:
        raise ReportError(f"{path}: holds {len(docs)} reports; give a file with exactly one")
    return docs[0]
