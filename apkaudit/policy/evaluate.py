"""Judging facts under a rule book: findings with their evidence, a score and a grade.

The formula is the rule book's own (its `scoring` section): start at `start`, subtract for every finding
its rule's weight times the factor of the evidence it rests on, floor at 0; the grade is the band the
score falls in, made no better than the cap of the gravest finding. An opaque app is not graded.
"""

from __future__ import annotations

from apkaudit.model import (
    AccessPattern,
    Coverage,
    DataAccess,
    Evidence,
    Facts,
    Finding,
    Site,
    Verdict,
)
from apkaudit.policy.load import Policy, Rule

INCOMPLETE = "incomplete"


def evaluate(facts: Facts, policy: Policy) -> Verdict:
    findings = []
    for rule in policy.rules:
        access = facts.access(rule.category)
        if access is not None:
            finding = _judge(rule, access)
            if finding is not None:
                findings.append(finding)
    findings.sort(key=lambda f: (-f.severity.rank, -f.evidence.rank, f.rule))
    return _grade(facts, policy, tuple(findings))


def _judge(rule: Rule, access: DataAccess) -> Finding | None:
    sites = tuple(s for s in access.sites if _owner_matches(rule.owner, s))
    if rule.picker_is_compliant:
        sites = tuple(s for s in sites if s.pattern is not AccessPattern.PICKER)
    levels = [s.evidence for s in sites]
    if access.permissions and rule.owner == "any":
        levels.append(Evidence.DECLARED)
    evidence = Evidence.strongest(levels)
    if evidence is None or evidence.rank < rule.min_evidence.rank or evidence not in rule.severity:
        return None
    strongest = tuple(s for s in sites if s.evidence is evidence)
    return Finding(
        rule=rule.id,
        severity=rule.severity[evidence],
        category=rule.category,
        evidence=evidence,
        message=rule.message_en,
        message_zh=rule.message_zh,
        citation=rule.citation,
        weight=rule.weight,
        see_also=rule.see_also,
        sites=strongest,
        permissions=access.permissions,
    )


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
    caveat = None
    coverage = facts.analysis.coverage
    if coverage is Coverage.OPAQUE:
        grade = INCOMPLETE
        caveat = "The app's code could not be seen (packed or loaded at run time): no grade is given."
    elif coverage is Coverage.PARTIAL:
        caveat = "Part of the app's code could not be seen: the grade rests on what was visible."
    return Verdict(policy.ref, findings, score, grade, caveat)
