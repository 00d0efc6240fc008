"""Report writers: one pure renderer per format, `render(reports) -> str`; no analysis, no I/O."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from apkaudit.model import Report

FORMATS = ("table", "json", "markdown")


def renderer(fmt: str) -> Callable[[Sequence[Report]], str]:
    if fmt == "json":
        from apkaudit.report import json_report

        return json_report.render
    if fmt == "markdown":
        from apkaudit.report import markdown

        return markdown.render
    if fmt == "table":
        from apkaudit.report import table

        return table.render
    raise ValueError(f"unknown format {fmt!r}")
