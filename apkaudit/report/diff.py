"""What changed between two versions of an app: a pure comparison of two JSON report dicts, and its text form.

The HTML form is `html.render_diff`. Either report may come from a fresh audit or from a stored JSON file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from apkaudit.report.html import app_name, grade_rank
from apkaudit.report.strings import wording
from apkaudit.report.summary import evidence_rank


@dataclass(frozen=True)
class Side:
    """One of the two apps compared."""

    name: str
    package: str | None
    version_name: str | None
    version_code: int | None
    sha256: str
    grade: str | None
    score: int | None
    policy: str | None  # "id version sha256-prefix" of the first rule book


@dataclass(frozen=True)
class CategoryChange:
    """A personal-data category whose strongest evidence differs."""

    category: str
    old: str | None  # evidence level in the old version, None when it had none
    new: str | None

    @property
    def direction(self) -> str:
        if self.old is None:
            return "new"
        if self.new is None:
            return "gone"
        return "rose" if evidence_rank(self.new) > evidence_rank(self.old) else "fell"


@dataclass(frozen=True)
class ReportDiff:
    old: Side
    new: Side
    permissions_added: tuple[str, ...]
    permissions_removed: tuple[str, ...]
    categories: tuple[CategoryChange, ...]
    sdks_added: tuple[str, ...]  # SDK names
    sdks_removed: tuple[str, ...]
    findings_added: tuple[str, ...]  # rule ids
    findings_removed: tuple[str, ...]

    @property
    def same_package(self) -> bool:
        return self.old.package == self.new.package

    @property
    def same_policy(self) -> bool:
        return self.old.policy == self.new.policy

    @property
    def grade_changed(self) -> bool:
        return (self.old.grade, self.old.score) != (self.new.grade, self.new.score)

    @property
    def grade_direction(self) -> str:
        """better, worse or same: by grade band first, then by score."""
        old = (-grade_rank(self.old.grade), self.old.score or 0)
        new = (-grade_rank(self.new.grade), self.new.score or 0)
        return "better" if new > old else "worse" if new < old else "same"

    @property
    def unchanged(self) -> bool:
        return not (
            self.permissions_added
            or self.permissions_removed
            or self.categories
            or self.sdks_added
            or self.sdks_removed
            or self.findings_added
            or self.findings_removed
            or self.grade_changed
        )


def _side(doc: Mapping[str, Any]) -> Side:
    app = doc.get("app") or {}
    policy = doc.get("policy") or None
    ref = f"{policy.get('id')} {policy.get('version')} {str(policy.get('sha256'))[:16]}" if policy else None
    return Side(
        name=app_name(doc),
        package=app.get("package"),
        version_name=app.get("version_name"),
        version_code=app.get("version_code"),
        sha256=str(app.get("sha256")),
        grade=doc.get("grade"),
        score=doc.get("score"),
        policy=ref,
    )


def _evidence(doc: Mapping[str, Any]) -> dict[str, str]:
    return {str(a.get("category")): str(a.get("evidence")) for a in doc.get("data_access") or []}


def _sdks(doc: Mapping[str, Any]) -> dict[str, str]:
    return {str(s.get("id")): str(s.get("name") or s.get("id")) for s in doc.get("sdks") or []}


def diff_reports(old: Mapping[str, Any], new: Mapping[str, Any]) -> ReportDiff:
    old_perms = {str(p.get("name")) for p in old.get("permissions") or []}
    new_perms = {str(p.get("name")) for p in new.get("permissions") or []}
    old_ev, new_ev = _evidence(old), _evidence(new)
    changes = tuple(
        CategoryChange(c, old_ev.get(c), new_ev.get(c))
        for c in sorted(set(old_ev) | set(new_ev))
        if old_ev.get(c) != new_ev.get(c)
    )
    old_sdks, new_sdks = _sdks(old), _sdks(new)
    old_rules = {str(f.get("rule")) for f in old.get("findings") or []}
    new_rules = {str(f.get("rule")) for f in new.get("findings") or []}
    return ReportDiff(
        old=_side(old),
        new=_side(new),
        permissions_added=tuple(sorted(new_perms - old_perms)),
        permissions_removed=tuple(sorted(old_perms - new_perms)),
        categories=changes,
        sdks_added=tuple(sorted(new_sdks[i] for i in set(new_sdks) - set(old_sdks))),
        sdks_removed=tuple(sorted(old_sdks[i] for i in set(old_sdks) - set(new_sdks))),
        findings_added=tuple(sorted(new_rules - old_rules)),
        findings_removed=tuple(sorted(old_rules - new_rules)),
    )


def _version(side: Side) -> str:
    return f"{side.name} {side.version_name or '?'} ({side.version_code if side.version_code is not None else '?'})"


def _grade(side: Side, none: str) -> str:
    return f"{side.grade or none} ({side.score if side.score is not None else '?'}/100)"


def render_text(d: ReportDiff, lang: str = "en") -> str:
    """The diff as plain text, one fact a line; app strings are flattened to printable text."""
    w = wording(lang)
    out = [_printable(w("diff_title", old=_version(d.old), new=_version(d.new)))]
    if not d.same_package:
        out.append(_printable(w("diff_other_package", old=d.old.package, new=d.new.package)))
    if not d.same_policy:
        out.append(w("diff_other_policy"))
    none = w("grade_incomplete")
    marker = {"better": "↑", "worse": "↓", "same": "="}[d.grade_direction]
    out.append(f"{w('diff_grade')}: {_grade(d.old, none)} → {_grade(d.new, none)} {marker}")
    sections = [
        ("diff_permissions_added", [f"+ {p}" for p in d.permissions_added]),
        ("diff_permissions_removed", [f"- {p}" for p in d.permissions_removed]),
        (
            "diff_categories",
            [
                f"{w.category(c.category)}: {c.old or '–'} → {c.new or '–'} ({w('diff_' + c.direction)})"
                for c in d.categories
            ],
        ),
        ("diff_sdks_added", [f"+ {s}" for s in d.sdks_added]),
        ("diff_sdks_removed", [f"- {s}" for s in d.sdks_removed]),
        ("diff_findings_added", [f"+ {r}" for r in d.findings_added]),
        ("diff_findings_removed", [f"- {r}" for r in d.findings_removed]),
    ]
    for key, lines in sections:
        if lines:
            out += ["", w(key)] + [f"  {_printable(line)}" for line in lines]
    if d.unchanged:
        out += ["", w("diff_nothing")]
    return "\n".join(out) + "\n"


def _printable(text: str) -> str:
    from apkaudit.report.templating import clean

    return clean(text)
