"""Judging facts under a rule book: findings with their evidence, a score and a grade.

The formula is the rule book's own (its `scoring` section): start at `start`, subtract for every finding
its rule's weight times the factor of the evidence it rests on, floor at 0; the grade is the band the
score falls in, made no better than the cap of the gravest finding. An opaque app is not graded.

A rule is judged per category it names (one finding per category with evidence). A rule on
`permissions` rests on the manifest alone. `entry_kinds` and `entry_methods` keep only code reached from
those entry points (the manifest alone never satisfies them); `max_evidence` keeps only weak evidence
(a permission that no code uses). `allowed` and `necessary` rules never give findings. A rule on
`disclosure` fires for a category when the bundled policy crossed with the code gives that verdict; the
finding quotes the policy sentences it rests on, and an app without policy text never breaks it. A rule on
a `destination` (cleartext, bare_ip, abroad, trust_all) fires for a category sent to such a destination
(facts.servers.destinations); `abroad` compares the IP literal's country with the rule book's jurisdiction.
"""

from __future__ import annotations

from dataclasses import replace

from typing_extensions import assert_never  # typing.assert_never is Python 3.11+

from apkaudit.model import (
    AccessPattern,
    Consistency,
    Coverage,
    DataAccess,
    Destination,
    Evidence,
    Facts,
    Finding,
    Site,
    Stance,
    Verdict,
)
from apkaudit.policy.load import Policy, Rule

INCOMPLETE = "incomplete"
UNKNOWN_CATEGORY = "unknown"  # facts/category.py's name for an app of no recognised kind


def evaluate(facts: Facts, policy: Policy) -> Verdict:
    findings = []
    for rule in policy.rules:
        if not rule.fires:
            continue
        if rule.disclosure:
            findings += _judge_disclosure(rule, facts)
            continue
        if rule.destination:
            findings += _judge_destination(rule, facts, policy.ref.jurisdiction)
            continue
        if rule.permissions:
            finding = _judge_permissions(rule, facts)
            if finding is not None:
                findings.append(finding)
            continue
        for category in rule.categories:
            access = facts.access(category)
            if access is not None:
                finding = _judge(rule, access)
                if finding is not None:
                    findings.append(finding)
    findings.sort(key=lambda f: (-f.severity.rank, -f.evidence.rank, f.rule, f.category))
    return _grade(facts, policy, tuple(findings))


def _judge(rule: Rule, access: DataAccess) -> Finding | None:
    sites = tuple(
        s
        for s in access.sites
        if s.library_internal is None and _owner_matches(rule.owner, s) and _entry_matches(rule, s)
    )  # a read whose value stays inside a bundled library is no claim about the app (issue 14)
    if rule.picker_is_compliant:
        sites = tuple(s for s in sites if s.pattern is not AccessPattern.PICKER)
    levels = [s.evidence for s in sites]
    if access.permissions and rule.owner == "any" and not (rule.entry_kinds or rule.entry_methods):
        levels.append(Evidence.DECLARED)
    evidence = Evidence.strongest(levels)
    if evidence is None or evidence.rank < rule.min_evidence.rank or evidence not in rule.severity:
        return None
    if rule.max_evidence is not None and evidence.rank > rule.max_evidence.rank:
        return None
    strongest = tuple(s for s in sites if s.evidence is evidence)
    return _finding(rule, access.category, evidence, strongest, access.permissions)


def _judge_disclosure(rule: Rule, facts: Facts) -> list[Finding]:
    """A rule on what the bundled policy says against what the code does, per category it names."""
    told = facts.disclosure
    if told is None:
        return []
    wanted = Consistency(rule.disclosure)
    found = []
    for category in rule.categories:
        said = told.category(category)
        if said is None or said.cross is not wanted:
            continue
        access = facts.access(category)
        finding: Finding | None
        if wanted is Consistency.DISCLOSED_UNUSED:
            # no code to rest on: the claim in the text, and the permissions the manifest requests
            permissions = access.permissions if access else ()
            finding = None
            if Evidence.DECLARED in rule.severity:
                finding = _finding(rule, category, Evidence.DECLARED, (), permissions)
        else:
            finding = _judge(rule, access) if access is not None else None
            if finding is not None and finding.evidence is Evidence.DECLARED:
                finding = None  # the sites this rule looks at are filtered away: the manifest alone is no read
        if finding is None:
            continue
        quoted = tuple(s for s in said.sentences if s.stance is not Stance.MENTIONS)
        found.append(replace(finding, quotes=quoted))
    return found


def _judge_destination(rule: Rule, facts: Facts, jurisdiction: str | None) -> list[Finding]:
    """A rule on where transmitted data goes (facts.servers.destinations), per category it names."""
    where = facts.servers
    if where is None or Evidence.TRANSMITTED not in rule.severity:
        return []
    found = []
    for category in rule.categories:
        access = facts.access(category)
        if access is None:
            continue
        keys = {
            (method, api)
            for d in where.destinations
            if _destination_matches(rule.destination, d, jurisdiction)
            for c, method, api in d.sites
            if c == category
        }
        sites = tuple(
            s
            for s in access.sites
            if (s.method, s.api) in keys and s.evidence is Evidence.TRANSMITTED and _owner_matches(rule.owner, s)
        )
        if sites:
            found.append(_finding(rule, category, Evidence.TRANSMITTED, sites, access.permissions))
    return found


def _destination_matches(kind: str | None, d: Destination, jurisdiction: str | None) -> bool:
    if kind == "cleartext":
        return d.cleartext
    if kind == "bare_ip":
        return d.ip
    if kind == "trust_all":
        return bool(d.trust_all)
    if kind == "abroad":  # known only for IP literals with a --geoip file; a global rule book has no "abroad"
        return bool(d.country and jurisdiction and len(jurisdiction) == 2 and d.country != jurisdiction.upper())
    return False


def _judge_permissions(rule: Rule, facts: Facts) -> Finding | None:
    """A rule on named permissions: it is broken by requesting any of them, whatever the code does."""
    requested = tuple(sorted(p.name for p in facts.permissions if p.name in rule.permissions))
    if not requested or Evidence.DECLARED not in rule.severity:
        return None
    return _finding(rule, rule.categories[0], Evidence.DECLARED, (), requested)


def _finding(
    rule: Rule, category: str, evidence: Evidence, sites: tuple[Site, ...], permissions: tuple[str, ...]
) -> Finding:
    return Finding(
        rule=rule.id,
        severity=rule.severity[evidence],
        category=category,
        evidence=evidence,
        message=rule.message_en,
        message_zh=rule.message_zh,
        citation=rule.citation,
        weight=rule.weight,
        see_also=rule.see_also,
        sites=sites,
        permissions=permissions,
        messages=tuple(rule.messages.items()),
    )


def _entry_matches(rule: Rule, site: Site) -> bool:
    """Whether a site is reached from the kinds and names of entry points the rule is about (if it names any)."""
    if rule.entry_kinds and site.entry_kind not in rule.entry_kinds:
        return False
    if rule.entry_methods:
        name = site.entry_point.partition("->")[2].partition("(")[0] if site.entry_point else None
        if name not in rule.entry_methods:
            return False
    return True


def _owner_matches(owner: str, site: Site) -> bool:
    if owner == "first-party":
        return site.owner == "first-party"
    if owner == "sdk":
        return site.owner != "first-party"
    return True


def _grade(facts: Facts, policy: Policy, findings: tuple[Finding, ...]) -> Verdict:
    scoring = policy.scoring
    penalty = sum(f.weight * scoring.evidence_factor[f.evidence] for f in findings)
    score = max(0, min(100, round(scoring.start - penalty)))
    grade = next((g for g, floor, _ in scoring.grades if score >= floor), scoring.grades[-1][0])
    for f in findings:
        cap = scoring.severity_caps.get(f.severity)
        if cap is not None and cap > grade:  # letters later in the alphabet are worse
            grade = cap
    coverage = facts.analysis.coverage
    caveat = _coverage_caveat(coverage)
    if coverage is Coverage.OPAQUE:
        grade = INCOMPLETE
    share = facts.analysis.visible_share
    if caveat and share is not None and share < 1:
        caveat += f" About {round(share * 100)}% of the code was visible."
    if caveat and facts.analysis.packers:
        caveat += f" Packed or protected with {', '.join(facts.analysis.packers)}."
    return Verdict(policy.ref, findings, score, grade, caveat, _applicability(facts, policy), policy.complaints)


def _coverage_caveat(coverage: Coverage) -> str | None:
    """What the grade can rest on, for each coverage (every value handled: mypy checks with assert_never)."""
    match coverage:
        case Coverage.OPAQUE:
            return "The app's code could not be seen (packed or loaded at run time): no grade is given."
        case Coverage.PARTIAL:
            return "Part of the app's code could not be seen: the grade rests on what was visible."
        case Coverage.COMPLETE:
            return None
        case _:
            assert_never(coverage)


def _applicability(facts: Facts, policy: Policy) -> tuple[str, ...]:
    """A warning when the rule book is written for another kind of app than this one looks like."""
    kind = facts.app.category
    if kind is None or policy.applies_to == "any" or kind.id == policy.applies_to:
        return ()
    seen = f"it looks like {kind.id.replace('_', ' ')} (confidence {kind.confidence})"
    if kind.id == UNKNOWN_CATEGORY:
        seen = f"it does not look like one (lending signals score {kind.score:g} of 1)"
    return (
        f"This rule book is written for {policy.applies_to.replace('_', ' ')} apps, and {seen}: "
        "its findings may not apply to this app.",
    )
