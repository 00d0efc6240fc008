"""Report writers: one pure renderer per format, `render(reports) -> str`; no analysis, no I/O."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from apkaudit.model import Report

FORMATS = ("table", "json", "markdown", "html")
LANGS = ("en", "zh")  # languages of the html format (report/strings.yaml)


def renderer(fmt: str, lang: str = "en") -> Callable[[Sequence[Report]], str]:
    if fmt == "html":
        import functools

        from apkaudit.report import html

        return functools.partial(html.render, lang=lang)
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
