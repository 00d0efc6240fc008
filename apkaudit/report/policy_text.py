"""A rule book as text for `apkaudit policies show`: its rules, weights, grade bands and sources."""

from __future__ import annotations

from tabulate import tabulate

from apkaudit.policy.load import Policy, Rule
from apkaudit.report.text import one_line
from apkaudit.report.verdicts import citation_counts_line, complaint_line, seen_line, source_line


def render_policy(p: Policy) -> str:
    lines = _head(p)
    lines.append(
        tabulate(
            [_rule_row(r) for r in p.rules],
            headers=["Rule", "Data", "Verdict", "Severity by evidence", "Weight", "Citation"],
            maxcolwidths=[None, 36, None, 30, None, 50],
        )
    )
    lines += _scoring(p)
    lines += _instruments(p)
    lines += _complaints(p)
    return "\n".join(lines) + "\n"


def _head(p: Policy) -> list[str]:
    lines = [f"{p.ref.id} {p.ref.version}: {p.ref.title}"]
    if p.title_zh:
        lines.append(p.title_zh)
    lines += [f"jurisdiction {p.jurisdiction}; applies to {p.applies_to}; sha256 {p.ref.sha256}", f"file {p.path}"]
    if p.extends:
        dropped = f"; drops {', '.join(p.dropped)}" if p.dropped else ""
        lines.append(f"extends {p.extends}{dropped}")
    lines.append("")
    if p.description:
        lines += [one_line(p.description), ""]
    return lines


def _rule_data(r: Rule) -> str:
    """What a rule is about: its category and the conditions that narrow it."""
    data = r.category
    if r.permissions:
        data += " (requesting " + ", ".join(x.rsplit(".", 1)[-1] for x in r.permissions) + ")"
    if r.entry_kinds or r.entry_methods:
        data += " (read from " + " / ".join(filter(None, (", ".join(r.entry_kinds), ", ".join(r.entry_methods))))
        data += ")"
    if r.owner != "any":
        data += f" (by {r.owner} code)"
    if r.max_evidence is not None and not r.permissions:
        data += f" (only at {r.max_evidence.value} evidence)"
    if r.disclosure:
        data += f" (when the app's bundled policy is {r.disclosure.replace('_', ' ')})"
    return data


def _rule_row(r: Rule) -> tuple[str, str, str, str, str, str]:
    sev = ", ".join(f"{e.value}: {s.value}" for e, s in r.severity.items())
    c = r.citation
    if not r.fires:
        sev, weight = "never a finding", "-"
    else:
        weight = f"{r.weight:g}"
    return (r.id, _rule_data(r), r.verdict, sev, weight, f"{c.instrument} {c.article} [{c.confidence}]")


def _scoring(p: Policy) -> list[str]:
    s = p.scoring
    lines = ["", "Scoring: " + one_line(s.description), ""]
    factors = ", ".join(f"{e.value} x{f}" for e, f in s.evidence_factor.items())
    lines.append(f"Evidence factors: {factors}")
    bands = [(g, f">= {m:g}", meaning) for g, m, meaning in s.grades]
    lines.append(tabulate(bands, headers=["Grade", "Score", "Meaning"]))
    if s.severity_caps:
        lines.append("Caps: " + ", ".join(f"any {k.value} finding -> at best {v}" for k, v in s.severity_caps.items()))
    return lines


def _instruments(p: Policy) -> list[str]:
    counts = citation_counts_line(p.ref)
    lines = ["", "Instruments:" + (f" ({counts})" if counts else "")]
    for i in p.instruments.values():
        lines.append(f"  {i.id}: {i.name}" + (f" ({i.name_en})" if i.name_en else ""))
        if i.source is not None:
            lines.append(f"    issued by {i.source.issuer}")
            lines.append(f"    {source_line(i.source)}")
            lines += [f"    also at: {u}" for u in i.also_at]
            lines += [f"    {seen_line(s)}" for s in i.source.seen_at]
            lines += [f"    amended {a['date']}: {one_line(a['what'])}" for a in i.amendments]
        else:
            dates = ", ".join(
                x for x in (i.issued and f"issued {i.issued}", i.in_force and f"in force {i.in_force}") if x
            )
            lines.append(f"    status {i.status}" + (f"; {dates}" if dates else "") + (f"; {i.url}" if i.url else ""))
        if i.note:
            lines.append(f"    note: {one_line(i.note)}")
    return lines


def _complaints(p: Policy) -> list[str]:
    if not p.complaints:
        return []
    lines = ["", "Where to complain:"]
    for channel in p.complaints:
        lines += [f"  - {complaint_line(channel)}", f"    source: {channel.source}"]
        if channel.source_url:
            lines.append(f"    listed by the operator at: {channel.source_url} ({channel.confidence})")
    return lines
