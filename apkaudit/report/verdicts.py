"""Wording about verdicts shared by the table and Markdown writers: the kind of app, where to complain,
how sure a citation is, and one grade column per rule book across reports. Plain text: callers escape."""

from __future__ import annotations

from collections.abc import Sequence

from apkaudit.model import AppCategory, Citation, Complaint, Finding, InstrumentSource, PolicyRef, Report, Seen
from apkaudit.policy import sources

SIGNAL_WORDS = {
    "label": "label",
    "resource_string": "UI text",
    "dex_string": "code string",
    "sdk": "SDK",
    "permissions": "permissions",
}

CONFIDENCE_NOTE = (
    "Citations marked (secondary) rest on a secondary report of the text, whose exact wording was not seen; "
    "(unverified) ones could not be checked at all: treat them as leads to check, not as the law."
)


def category_line(c: AppCategory | None) -> str | None:
    """'online lending (confidence high): label "Fair Loan" (loan); ...', or None when not judged."""
    if c is None:
        return None
    kind = "not a recognised kind (no lending signals)" if c.id == "unknown" and not c.evidence else c.id
    line = f"{kind.replace('_', ' ')} (confidence {c.confidence}, score {c.score:g})"
    if c.evidence:
        parts = []
        for e in c.evidence[:4]:
            why = f" ({e.keyword})" if e.keyword and e.keyword != e.value else ""
            parts.append(f"{SIGNAL_WORDS.get(e.signal, e.signal)} “{e.value}”{why}")
        more = f"; and {len(c.evidence) - 4} more" if len(c.evidence) > 4 else ""
        line += ": " + "; ".join(parts) + more
    return line


def complaint_line(c: Complaint) -> str:
    """'Name (local name): phone 12377, https://... — for what [confidence]'."""
    name = c.name + (f" ({c.name_local})" if c.name_local else "")
    how = ", ".join(x for x in (c.phone and f"phone {c.phone}", c.url, c.email) if x)
    line = f"{name}: {how}. For: {c.conduct}"
    if c.confidence != "verified":
        line += f" [channel {c.confidence}: check it before relying on it]"
    return line


def needs_confidence_note(findings: Sequence[Finding]) -> bool:
    return any(f.citation.confidence != "verified" for f in findings)


def grade_columns(reports: Sequence[Report]) -> tuple[list[str], list[list[str]]]:
    """Headers (App, then one per rule book, in the order given) and one row per report: 'grade score/100'."""
    ids: list[str] = []
    for r in reports:
        for v in r.verdicts:
            if v.policy.id not in ids:
                ids.append(v.policy.id)
    rows = []
    for r in reports:
        cells = {v.policy.id: f"{v.grade} {v.score}/100" + (" !" if v.warnings else "") for v in r.verdicts}
        name = r.facts.app.label or r.facts.app.package
        name = name if len(name) <= 40 else name[:39] + "…"  # an app picks its label: keep the table readable
        rows.append([name] + [cells.get(i, "-") for i in ids])
    return ["App"] + ids, rows


def local_messages(f: Finding) -> list[tuple[str, str]]:
    """The finding's message in languages other than English."""
    return [(lang, text) for lang, text in f.messages if lang != "en"]


def source_line(s: InstrumentSource | None, url: str | None = None) -> str | None:
    """'official text: URL (regulation; RBI/...; issued ...; status superseded)': the official source first."""
    if s is None:
        return None
    facts = [sources.KIND_WORDS.get(s.kind, s.kind)]
    facts += ["not binding"] if not s.binding and s.kind != "guidance" else []
    facts += [s.number, f"issued {s.issued}" if s.issued else "", f"in force {s.in_force}" if s.in_force else ""]
    facts += [f"status {s.status.replace('_', ' ')}"]
    link = url or s.url
    where = sources.URL_STATUS_WORDS.get(s.url_status, s.url_status)
    head = f"{where}: {link}" if link and sources.is_official(link) else sources.URL_STATUS_WORDS["not_found"]
    return f"{head} ({'; '.join(x for x in facts if x)})"


def seen_line(s: Seen) -> str:
    kind = sources.SEEN_WORDS.get(s.kind, s.kind)
    return f"wording read in {s.name} ({kind})" + (f": {s.url}" if s.url and sources.is_listed(s.url) else "")


def citation_seen(c: Citation) -> list[str]:
    """Where the quoted wording was read: the citation's own record, else the instrument's."""
    if c.seen_at:
        return [seen_line(c.seen_at)]
    return [seen_line(x) for x in (c.source.seen_at if c.source else ())]


def citation_counts_line(p: PolicyRef) -> str | None:
    counts = dict(p.citations)
    if not counts:
        return None
    parts = "; ".join(f"{n} {k}" for k, n in counts.items() if n)
    return f"The rule book {p.id} has {sum(counts.values())} citations: {parts}."
