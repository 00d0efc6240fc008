"""The Markdown report, for publishing: every string from the APK is escaped."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from apkaudit.model import Report
from apkaudit.report.text import EVIDENCE_WORDS, one_line, path_line, where

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def esc(text: object) -> str:
    """Markdown-escape text on one line, HTML-escape what a Markdown renderer would pass through as HTML."""
    if text is None:
        return "–"
    flat = "".join(ch if ch.isprintable() else " " for ch in one_line(str(text)))
    return _MD_SPECIAL.sub(r"\\\1", html.escape(flat, quote=True))


def render_one(r: Report) -> str:
    f = r.facts
    app = f.app
    out = [
        f"# {esc(app.label or app.package)}",
        "",
        "| | |",
        "|---|---|",
        f"| Package | {esc(app.package)} |",
        f"| Version | {esc(app.version_name)} ({esc(app.version_code)}) |",
        f"| SHA-256 | {esc(app.sha256)} |",
        f"| Signer | {esc(app.signer.subject if app.signer else 'unsigned')} |",
        f"| Code coverage | {esc(f.analysis.coverage.value)} |",
        "",
    ]
    for v in r.verdicts:
        out += [f"## Grade {esc(v.grade)} ({v.score}/100) under {esc(v.policy.title)}", ""]
        if v.caveat:
            out += [f"> {esc(v.caveat)}", ""]
        if not v.findings:
            out += ["No findings.", ""]
            continue
        out += ["| Severity | Rule | Data | Evidence | Where |", "|---|---|---|---|---|"]
        for x in v.findings:
            cells = (x.severity.value, x.rule, x.category, x.evidence.value, where(x))
            out.append("| " + " | ".join(esc(c) for c in cells) + " |")
        out.append("")
        for x in v.findings:
            c = x.citation
            out += [
                f"### {esc(x.rule)}: {esc(x.category)} ({esc(x.severity.value)})",
                "",
                esc(x.message),
                "",
                f"- Evidence: {esc(EVIDENCE_WORDS[x.evidence])}",
            ]
            for s in x.sites[:10]:
                out.append(f"  - {esc(path_line(s))}")
            if len(x.sites) > 10:
                out.append(f"  - and {len(x.sites) - 10} more")
            confidence = "" if c.confidence == "verified" else f" *(wording {esc(c.confidence)})*"
            out.append(f"- Citation: {esc(c.instrument)} {esc(c.article)}{confidence}: “{esc(c.quote)}”")
            if c.gloss:
                out.append(f"  - {esc(c.gloss)}")
            for also in x.see_also:
                confidence = "" if also.confidence == "verified" else f" *(wording {esc(also.confidence)})*"
                out.append(f"- See also: {esc(also.instrument)} {esc(also.article)}{confidence}")
            out.append("")
    if f.data_access:
        out += ["## Personal data", "", "| Data | Evidence | Permissions | Code sites |", "|---|---|---|---|"]
        for d in f.data_access:
            out.append(
                f"| {esc(d.category)} | {esc(d.evidence.value)} | {esc(', '.join(d.permissions))} | {len(d.sites)} |"
            )
        out.append("")
    if f.sdks:
        out += ["## SDKs in the code", "", "| SDK | Vendor | Kind | Its code reads |", "|---|---|---|---|"]
        for u in f.sdks:
            out.append(f"| {esc(u.name)} | {esc(u.vendor)} | {esc(u.kind)} | {esc(', '.join(u.categories) or '–')} |")
        out.append("")
    if f.analysis.notes:
        out += ["## Analysis notes", ""] + [f"- {esc(n)}" for n in f.analysis.notes] + [""]
    out.append(f"*apkaudit {esc(r.tool_version)}*")
    return "\n".join(out) + "\n"


def render(reports: Sequence[Report]) -> str:
    return "\n---\n\n".join(render_one(r) for r in reports)
