"""The terminal report: identity, grade, then findings with evidence and citation, as tabulate tables."""

from __future__ import annotations

from collections.abc import Sequence

from tabulate import tabulate

from apkaudit.model import DataAccess, Finding, Report, Verdict
from apkaudit.report import disclosure as policy_words
from apkaudit.report import sections
from apkaudit.report.coverage import coverage_line, hiding
from apkaudit.report.text import MAX_PATH, MAX_SHOWN, bounded, one_line, where
from apkaudit.report.verdicts import (
    CONFIDENCE_NOTE,
    category_line,
    complaint_line,
    grade_columns,
    needs_confidence_note,
)


def _clean(text: str | None, limit: int = MAX_SHOWN) -> str:
    """Strip control characters an app may put in its label to rewrite the terminal, and bound the length."""
    if text is None:
        return "-"
    return bounded("".join(ch if ch.isprintable() else "?" for ch in text), limit)


def render_one(r: Report) -> str:
    lines = _identity(r)
    lines += _bundle(r)
    lines += _data_access(r.facts.data_access)
    lines += _servers(r)
    lines += _webshell(r)
    lines += _disclosure(r)
    lines += _sdks(r)
    for v in r.verdicts:
        lines += _verdict(v)
    return "\n".join(lines) + "\n"


def _identity(r: Report) -> list[str]:
    app = r.facts.app
    lines = [
        f"{_clean(app.label)} ({_clean(app.package)}) {_clean(app.version_name)}",
        f"  file    {_clean(app.path)}",
        f"  sha256  {app.sha256}",
        f"  signer  {_clean(app.signer.subject) if app.signer else 'unsigned'}",
        f"  sdk     min {app.min_sdk} / target {app.target_sdk}",
        f"  code    {_clean(coverage_line(r.facts.analysis))}",
    ]
    for i, (kind, found) in enumerate(hiding(r.facts.analysis)):
        lines.append(f"  {'signs' if i == 0 else '':7} {kind}: {_clean(found)}")
    app_kind = category_line(app.category)
    if app_kind:
        lines.append(f"  kind    {_clean(app_kind)}")
    lines += [f"  note    {_clean(note)}" for note in r.facts.analysis.notes]
    return lines


def _data_access(accesses: Sequence[DataAccess]) -> list[str]:
    rows = [
        (d.category, d.evidence.value, ", ".join(p.rsplit(".", 1)[-1] for p in d.permissions) or "-", len(d.sites))
        for d in accesses
    ]
    if not rows:
        return []
    return ["", tabulate(rows, headers=["Data", "Evidence", "Permissions", "Code sites"], tablefmt="simple")]


def _bundle(r: Report) -> list[str]:
    """The files of an app package (issue 21): what was audited as the app, what was left out and why."""
    view = sections.bundle(r)
    if view is None:
        return []
    rows = [[_clean(cell) for cell in sections.member_row(m)] for m in view["members"]]
    lines = ["", _clean(view["title"])]
    lines.append(
        tabulate(rows, headers=sections.bundle_headers(), tablefmt="simple", maxcolwidths=[40, 24, None, 64, 24, 40])
    )
    if view["more"]:
        lines.append(f"  {sections.words()('more_rows', count=view['more'])}")
    return lines


def _servers(r: Report) -> list[str]:
    """Where the data goes (issue 19): per destination what is sent, how, whose server; network settings; the
    inventory of servers, its first rows."""
    view = sections.servers(r)
    if view is None:
        return []
    w = sections.words()
    lines = ["", w("servers_title")]
    if view["rows"]:
        rows = [
            [
                _clean(sections.destination_where(d)),
                _clean(d["what"]),
                _clean(d["how"]),
                _clean(d["owner"]),
                "\n".join(_clean(e) for e in d["endpoints"]) or "-",
            ]
            for d in view["rows"]
        ]
        headers = [w(k) for k in ("dest_col_where", "dest_col_what", "dest_col_how", "dest_col_owner")]
        headers.append(w("dest_col_endpoints"))
        lines.append(tabulate(rows, headers=headers, tablefmt="simple", maxcolwidths=[30, 24, 30, 20, 50]))
    else:
        lines.append(f"  {w('dest_none')}")
    lines += [f"  {_clean(line, MAX_PATH)}" for line in sections.network_lines(view)]
    lines += [f"  note: {_clean(n)}" for n in view["notes"]]
    if view["inventory"]:
        lines.append(f"  {_clean(sections.inventory_heading(view))}:")
        shown = view["inventory"][: sections.MAX_INVENTORY_TEXT]
        lines += [f"  - {_clean(sections.inventory_line(s), MAX_PATH)}" for s in shown]
    return lines


def _webshell(r: Report) -> list[str]:
    """What the web page of a shell app can do (issue 15): runtime, start pages, trusted sites, powers, script calls."""
    view = sections.webshell(r)
    if view is None:
        return []
    w = sections.words()
    lines = ["", w("webshell_title"), f"  {_clean(w('webshell_intro', runtime=view['runtimes']), MAX_PATH)}"]
    for label, text in sections.webshell_facts(view):
        lines.append(f"  {_clean(label + ': ' if label else '')}{_clean(text, MAX_PATH)}")
    if view["powers"]:
        rows = [[_clean(cell) for cell in sections.power_row(p)] for p in view["powers"]]
        widths = [30, 20, 24, 10, 30, 40]
        lines.append(tabulate(rows, headers=sections.power_headers(), tablefmt="simple", maxcolwidths=widths))
    if view["calls_total"]:
        lines.append(f"  {w('webshell_calls_count', count=view['calls_total'])}")
        lines += [f"  - {_clean(c['call'])} ({_clean(c['where'])})" for c in view["calls"][: sections.MAX_CALLS_TEXT]]
        more = view["calls_total"] - min(len(view["calls"]), sections.MAX_CALLS_TEXT)
        if more > 0:
            lines.append(f"  - {w('more_rows', count=more)}")
    return lines


def _disclosure(r: Report) -> list[str]:
    told = r.facts.disclosure
    if told is None:
        return []
    lines = ["", f"Privacy policy in the app: {_clean(policy_words.status_line(told))}"]
    lines += [f"  policy URL (not fetched): {_clean(u.url)}" for u in told.urls]
    if told.categories:
        rows = policy_words.rows(told, r.facts.data_access)
        cells = [[_clean(c, MAX_PATH if i == 4 else MAX_SHOWN) for i, c in enumerate(row)] for row in rows]
        headers = ["Data", "The policy", "Against the code", "Policy sentence", "Code path"]
        lines.append(tabulate(cells, headers=headers, tablefmt="simple", maxcolwidths=[None, 16, 20, 50, 40]))
    lines += [f"  note: {_clean(n)}" for n in told.notes]
    return lines


def _sdks(r: Report) -> list[str]:
    if not r.facts.sdks:
        return []
    sdks = [(u.id, u.name, u.kind, ", ".join(u.categories) or "-") for u in r.facts.sdks]
    return ["", tabulate(sdks, headers=["SDK", "Name", "Kind", "Its code reads"], tablefmt="simple")]


def _verdict(v: Verdict) -> list[str]:
    lines = ["", f"Grade {v.grade}  score {v.score}/100  under {v.policy.id} {v.policy.version}: {v.policy.title}"]
    if v.caveat:
        lines.append(f"  caveat: {v.caveat}")
    lines += [f"  warning: {warning}" for warning in v.warnings]
    if not v.findings:
        return lines + ["  no findings"]
    lines += [_findings_table(v.findings), ""]
    for rule, message in dict((f.rule, f.message) for f in v.findings).items():  # a rule's message once
        lines.append(f"  {rule}: {one_line(message)}")
    for f in v.findings:
        said = [_clean(policy_words.quote_line(q)) for q in f.quotes]
        lines += [f"  {f.rule} ({f.category}): the app's policy: {q}" for q in said]
    if needs_confidence_note(v.findings):
        lines += ["", f"  {CONFIDENCE_NOTE}"]
    if v.complaints:
        lines += ["", f"  Where to complain ({v.policy.jurisdiction or v.policy.id}):"]
        lines += [f"  - {complaint_line(c)}" for c in v.complaints]
    return lines


def _findings_table(findings: Sequence[Finding]) -> str:
    rows = [
        (
            f.severity.value,
            f.rule,
            f.category,
            f.evidence.value,
            _clean(where(f), MAX_PATH),
            f"{f.citation.instrument} {f.citation.article}"
            + ("" if f.citation.confidence == "verified" else f" ({f.citation.confidence})"),
        )
        for f in findings
    ]
    return tabulate(
        rows,
        headers=["Severity", "Rule", "Data", "Evidence", "Where", "Citation"],
        tablefmt="simple",
        maxcolwidths=[None, None, None, None, 60, 40],
    )


def render(reports: Sequence[Report]) -> str:
    body = ("\n" + "=" * 78 + "\n\n").join(render_one(r) for r in reports)
    if len(reports) < 2 and all(len(r.verdicts) < 2 for r in reports):
        return body
    headers, rows = grade_columns(reports)
    summary = tabulate([[_clean(row[0])] + row[1:] for row in rows], headers=headers, tablefmt="simple")
    warned = any(cell.endswith("!") for row in rows for cell in row[1:])
    note = "(! = the rule book is written for another kind of app: see its warning)\n" if warned else ""
    return "Grades by rule book\n\n" + summary + "\n" + note + "\n" + "=" * 78 + "\n\n" + body
