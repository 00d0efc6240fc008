"""The terminal report: identity, grade, then findings with evidence and citation, as tabulate tables."""

from __future__ import annotations

from collections.abc import Sequence

from tabulate import tabulate

from apkaudit.model import Report
from apkaudit.report.text import one_line, where


def _clean(text: str | None) -> str:
    """Strip control characters an app may put in its label to rewrite the terminal."""
    if text is None:
        return "-"
    return "".join(ch if ch.isprintable() else "?" for ch in text)


def render_one(r: Report) -> str:
    app = r.facts.app
    lines = [
        f"{_clean(app.label)} ({_clean(app.package)}) {_clean(app.version_name)}",
        f"  file    {_clean(app.path)}",
        f"  sha256  {app.sha256}",
        f"  signer  {_clean(app.signer.subject) if app.signer else 'unsigned'}",
        f"  sdk     min {app.min_sdk} / target {app.target_sdk}",
        f"  code    {r.facts.analysis.coverage.value}",
    ]
    for note in r.facts.analysis.notes:
        lines.append(f"  note    {_clean(note)}")
    access = [
        (d.category, d.evidence.value, ", ".join(p.rsplit(".", 1)[-1] for p in d.permissions) or "-", len(d.sites))
        for d in r.facts.data_access
    ]
    if access:
        lines += ["", tabulate(access, headers=["Data", "Evidence", "Permissions", "Code sites"], tablefmt="simple")]
    if r.facts.sdks:
        sdks = [(u.id, u.name, u.kind, ", ".join(u.categories) or "-") for u in r.facts.sdks]
        lines += ["", tabulate(sdks, headers=["SDK", "Name", "Kind", "Its code reads"], tablefmt="simple")]
    for v in r.verdicts:
        lines += ["", f"Grade {v.grade}  score {v.score}/100  under {v.policy.id} {v.policy.version}: {v.policy.title}"]
        if v.caveat:
            lines.append(f"  caveat: {v.caveat}")
        if not v.findings:
            lines.append("  no findings")
            continue
        rows = [
            (
                f.severity.value,
                f.rule,
                f.category,
                f.evidence.value,
                _clean(where(f)),
                f"{f.citation.instrument} {f.citation.article}"
                + ("" if f.citation.confidence == "verified" else f" ({f.citation.confidence})"),
            )
            for f in v.findings
        ]
        lines.append(
            tabulate(
                rows,
                headers=["Severity", "Rule", "Data", "Evidence", "Where", "Citation"],
                tablefmt="simple",
                maxcolwidths=[None, None, None, None, 60, 40],
            )
        )
        lines.append("")
        for f in v.findings:
            lines.append(f"  {f.rule}: {one_line(f.message)}")
    return "\n".join(lines) + "\n"


def render(reports: Sequence[Report]) -> str:
    return ("\n" + "=" * 78 + "\n\n").join(render_one(r) for r in reports)
