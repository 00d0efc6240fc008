"""The Markdown report, for publishing: every string from the APK is escaped."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from apkaudit.model import Analysis, DataAccess, Disclosure, Finding, Report, SdkUse, Verdict
from apkaudit.report import disclosure as policy_words
from apkaudit.report import sections
from apkaudit.report.coverage import KIND_WORDS, coverage_line, hiding, hiding_signals
from apkaudit.report.coverage import where as where_signal
from apkaudit.report.text import EVIDENCE_WORDS, MAX_PATH, MAX_SHOWN, bounded, one_line, path_line, where
from apkaudit.report.verdicts import (
    CONFIDENCE_NOTE,
    category_line,
    citation_counts_line,
    citation_seen,
    complaint_line,
    grade_columns,
    local_messages,
    needs_confidence_note,
    source_line,
)

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def esc(text: object, limit: int = MAX_SHOWN, quote: bool = True) -> str:
    """Markdown-escape text on one line, HTML-escape what a Markdown renderer would pass through as HTML.

    The text is bounded to `limit` characters first: an APK's strings may be megabytes long. `quote=False` leaves
    quotes alone (harmless outside attributes): an escaped `&#x27;` whose `#` is then Markdown-escaped shows
    literally. The sections added with issues 15, 19 and 21 use it; the older ones keep their bytes.
    """
    if text is None:
        return "–"
    flat = "".join(ch if ch.isprintable() else " " for ch in one_line(str(text)))
    return _MD_SPECIAL.sub(r"\\\1", html.escape(bounded(flat, limit), quote=quote))


def _text(text: object, limit: int = MAX_SHOWN) -> str:
    """`esc` for the newer sections: quotes left as they are."""
    return esc(text, limit, quote=False)


def render_one(r: Report) -> str:
    out = _identity(r)
    for v in r.verdicts:
        out += _verdict(v)
    out += _data_access(r.facts.data_access)
    out += _servers(r)
    out += _webshell(r)
    out += _disclosure(r.facts.disclosure, r.facts.data_access)
    out += _sdks(r.facts.sdks)
    out += _hiding(r.facts.analysis)
    if r.facts.analysis.notes:
        out += ["## Analysis notes", ""] + [f"- {esc(n)}" for n in r.facts.analysis.notes] + [""]
    out.append(f"*apkaudit {esc(r.tool_version)}*")
    return "\n".join(out) + "\n"


def _identity(r: Report) -> list[str]:
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
        f"| Code coverage | {esc(coverage_line(f.analysis))} |",
    ]
    if app.category is not None:
        out.append(f"| Kind of app | {esc(category_line(app.category))} |")
    out.append("")
    if len(r.verdicts) > 1:
        headers, rows = grade_columns([r])
        out += ["| Rule book | Grade |", "|---|---|"]
        out += [f"| {esc(h)} | {esc(c)} |" for h, c in zip(headers[1:], rows[0][1:], strict=True)]
        out.append("")
    return out + _bundle(r)


def _row(cells: Sequence[str], limit: int = MAX_SHOWN) -> str:
    return "| " + " | ".join(_text(c, limit) for c in cells) + " |"


def _bundle(r: Report) -> list[str]:
    """The files of an app package (issue 21), in the identity section."""
    view = sections.bundle(r)
    if view is None:
        return []
    headers = sections.bundle_headers()
    out = [f"### {_text(view['title'])}", "", _row(headers), "|" + "---|" * len(headers)]
    out += [_row(sections.member_row(m)) for m in view["members"]]
    if view["more"]:
        out.append(_row([sections.words()("more_rows", count=view["more"])] + [""] * (len(headers) - 1)))
    return out + [""]


def _servers(r: Report) -> list[str]:
    """Where the data goes (issue 19): destinations, the network settings, the first servers of the inventory."""
    view = sections.servers(r)
    if view is None:
        return []
    w = sections.words()
    out = [f"## {_text(w('servers_title'))}", ""]
    if view["rows"]:
        keys = ("dest_col_where", "dest_col_what", "dest_col_how", "dest_col_owner", "dest_col_endpoints")
        out += [_row([w(k) for k in keys]), "|" + "---|" * len(keys)]
        for d in view["rows"]:
            endpoints = ", ".join(d["endpoints"]) or "–"
            out.append(_row([sections.destination_where(d), d["what"], d["how"], d["owner"], endpoints], MAX_PATH))
    else:
        out.append(_text(w("dest_none")))
    out.append("")
    out += [f"- {_text(line, MAX_PATH)}" for line in sections.network_lines(view)]
    out += [f"- {_text(n)}" for n in view["notes"]]
    out.append("")
    if view["inventory"]:
        out += [f"{_text(sections.inventory_heading(view))}:", ""]
        shown = view["inventory"][: sections.MAX_INVENTORY_TEXT]
        out += [f"- {_text(sections.inventory_line(s), MAX_PATH)}" for s in shown] + [""]
    return out


def _webshell(r: Report) -> list[str]:
    """What the web page of a shell app can do (issue 15): runtime, start pages, trusted sites, powers, script calls."""
    view = sections.webshell(r)
    if view is None:
        return []
    w = sections.words()
    out = [f"## {_text(w('webshell_title'))}", "", _text(w("webshell_intro", runtime=view["runtimes"]), MAX_PATH), ""]
    for label, text in sections.webshell_facts(view):
        out.append(f"- **{_text(label)}:** {_text(text, MAX_PATH)}" if label else f"- {_text(text, MAX_PATH)}")
    out.append("")
    if view["powers"]:
        headers = sections.power_headers()
        out += [_row(headers), "|" + "---|" * len(headers)]
        out += [_row(sections.power_row(p)) for p in view["powers"]] + [""]
    if view["calls_total"]:
        out += [_text(w("webshell_calls_count", count=view["calls_total"])), ""]
        out += [f"- {_text(c['call'])} ({_text(c['where'])})" for c in view["calls"][: sections.MAX_CALLS_TEXT]]
        more = view["calls_total"] - min(len(view["calls"]), sections.MAX_CALLS_TEXT)
        if more > 0:
            out.append(f"- {_text(w('more_rows', count=more))}")
        out.append("")
    return out


def _verdict(v: Verdict) -> list[str]:
    out = [f"## Grade {esc(v.grade)} ({v.score}/100) under {esc(v.policy.title)}", ""]
    if v.caveat:
        out += [f"> {esc(v.caveat)}", ""]
    for warning in v.warnings:
        out += [f"> **Warning:** {esc(warning)}", ""]
    if not v.findings:
        return out + ["No findings.", ""]
    out += ["| Severity | Rule | Data | Evidence | Where |", "|---|---|---|---|---|"]
    for x in v.findings:
        cells = (x.severity.value, x.rule, x.category, x.evidence.value)
        out.append("| " + " | ".join(esc(c) for c in cells) + f" | {esc(where(x), MAX_PATH)} |")
    out.append("")
    for x in v.findings:
        out += _finding(x)
    if needs_confidence_note(v.findings):
        out += [f"*{esc(CONFIDENCE_NOTE)}*", ""]
    counts = citation_counts_line(v.policy)
    if counts:
        out += [f"*{esc(counts)}*", ""]
    if v.complaints:
        out += [f"### Where to complain ({esc(v.policy.jurisdiction or v.policy.id)})", ""]
        out += [f"- {esc(complaint_line(c))}" for c in v.complaints]
        out.append("")
    return out


def _finding(x: Finding) -> list[str]:
    c = x.citation
    out = [f"### {esc(x.rule)}: {esc(x.category)} ({esc(x.severity.value)})", "", esc(x.message), ""]
    for lang, text in local_messages(x):
        out += [f"*{esc(lang)}:* {esc(text)}", ""]
    out.append(f"- Evidence: {esc(EVIDENCE_WORDS[x.evidence])}")
    for s in x.sites[:10]:
        out.append(f"  - {esc(path_line(s), MAX_PATH)}")
    if len(x.sites) > 10:
        out.append(f"  - and {len(x.sites) - 10} more")
    for q in x.quotes:
        out.append(f"- The app's policy: {esc(policy_words.quote_line(q, 1000), 1000)}")
    confidence = "" if c.confidence == "verified" else f" *(wording {esc(c.confidence)})*"
    out.append(f"- Citation: {esc(c.instrument)} {esc(c.article)}{confidence}: “{esc(c.quote, 2000)}”")
    if c.gloss:
        out.append(f"  - {esc(c.gloss, 2000)}")
    for line in filter(None, (source_line(c.source, c.url), *citation_seen(c))):
        out.append(f"  - {esc(line)}")
    for also in x.see_also:
        confidence = "" if also.confidence == "verified" else f" *(wording {esc(also.confidence)})*"
        out.append(f"- See also: {esc(also.instrument)} {esc(also.article)}{confidence}")
        for line in filter(None, (source_line(also.source, also.url), *citation_seen(also))):
            out.append(f"  - {esc(line)}")
    out.append("")
    return out


def _data_access(accesses: Sequence[DataAccess]) -> list[str]:
    if not accesses:
        return []
    out = ["## Personal data", "", "| Data | Evidence | Permissions | Code sites |", "|---|---|---|---|"]
    for d in accesses:
        cells = (d.category, d.evidence.value, ", ".join(d.permissions))
        out.append("| " + " | ".join(esc(c) for c in cells) + f" | {len(d.sites)} |")
    return out + [""]


def _disclosure(told: Disclosure | None, accesses: tuple[DataAccess, ...]) -> list[str]:
    if told is None:
        return []
    out = ["## What the bundled privacy policy says", "", esc(policy_words.status_line(told)), ""]
    if told.urls:
        out += ["Online policies named in the app (not fetched):", ""]
        out += [f"- {esc(u.url)} (in {esc(u.found_in)})" for u in told.urls] + [""]
    if told.categories:
        out += ["| Data | The policy | Against the code | Policy sentence | Code path |", "|---|---|---|---|---|"]
        for cells in policy_words.rows(told, accesses):
            shown = (esc(cell, MAX_PATH if i == 4 else MAX_SHOWN) for i, cell in enumerate(cells))  # 4: code path
            out.append("| " + " | ".join(shown) + " |")
        out.append("")
    return out + [f"- {esc(n)}" for n in told.notes] + ([""] if told.notes else [])


def _sdks(sdks: Sequence[SdkUse]) -> list[str]:
    if not sdks:
        return []
    out = ["## SDKs in the code", "", "| SDK | Vendor | Kind | Its code reads |", "|---|---|---|---|"]
    for u in sdks:
        out.append(f"| {esc(u.name)} | {esc(u.vendor)} | {esc(u.kind)} | {esc(', '.join(u.categories) or '–')} |")
    return out + [""]


def _hiding(analysis: Analysis) -> list[str]:
    if not hiding(analysis):
        return []
    out = ["## Signs of hidden code", "", "| Kind | Name | Where | How it was found |", "|---|---|---|---|"]
    shown = hiding_signals(analysis)
    for sig in shown[:40]:
        row = (KIND_WORDS[sig.kind], sig.name, where_signal(sig), sig.detail)
        out.append("| " + " | ".join(esc(c) for c in row) + " |")
    if len(shown) > 40:
        out.append(f"| | and {len(shown) - 40} more | | |")
    return out + [""]


def render(reports: Sequence[Report]) -> str:
    body = "\n---\n\n".join(render_one(r) for r in reports)
    if len(reports) < 2:
        return body
    headers, rows = grade_columns(reports)
    table = ["| " + " | ".join(esc(h) for h in headers) + " |", "|" + "---|" * len(headers)]
    table += ["| " + " | ".join(esc(c) for c in row) + " |" for row in rows]
    return "# Grades by rule book\n\n" + "\n".join(table) + "\n\n---\n\n" + body
