"""A rule book as text for `apkaudit policies show`: its rules, weights, grade bands and sources."""

from __future__ import annotations

from tabulate import tabulate

from apkaudit.policy.load import Policy
from apkaudit.report.text import one_line


def render_policy(p: Policy) -> str:
    lines = [f"{p.ref.id} {p.ref.version}: {p.ref.title}"]
    if p.title_zh:
        lines.append(p.title_zh)
    lines += [f"jurisdiction {p.jurisdiction}; applies to {p.applies_to}; sha256 {p.ref.sha256}", ""]
    if p.description:
        lines += [one_line(p.description), ""]
    rows = []
    for r in p.rules:
        sev = ", ".join(f"{e.value}: {s.value}" for e, s in r.severity.items())
        c = r.citation
        rows.append((r.id, r.category, r.verdict, sev, r.weight, f"{c.instrument} {c.article} [{c.confidence}]"))
    lines.append(
        tabulate(
            rows,
            headers=["Rule", "Data", "Verdict", "Severity by evidence", "Weight", "Citation"],
            maxcolwidths=[None, None, None, 30, None, 50],
        )
    )
    s = p.scoring
    lines += ["", "Scoring: " + one_line(s.description), ""]
    factors = ", ".join(f"{e.value} x{f}" for e, f in s.evidence_factor.items())
    lines.append(f"Evidence factors: {factors}")
    bands = [(g, f">= {m:g}", meaning) for g, m, meaning in s.grades]
    lines.append(tabulate(bands, headers=["Grade", "Score", "Meaning"]))
    if s.severity_caps:
        lines.append("Caps: " + ", ".join(f"any {k.value} finding -> at best {v}" for k, v in s.severity_caps.items()))
    lines += ["", "Instruments:"]
    for i in p.instruments.values():
        dates = ", ".join(x for x in (i.issued and f"issued {i.issued}", i.in_force and f"in force {i.in_force}") if x)
        lines.append(f"  {i.id}: {i.name}" + (f" ({i.name_en})" if i.name_en else "") + (f"; {dates}" if dates else ""))
        lines.append(f"    status {i.status}" + (f"; {i.url}" if i.url else ""))
    return "\n".join(lines) + "\n"
