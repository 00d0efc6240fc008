"""Judging facts: evidence levels, pickers, scores, grades and caps under the Chinese lending rule book."""

from __future__ import annotations

from apkaudit.audit import audit, data_access
from apkaudit.model import (
    AccessPattern,
    Analysis,
    AppIdentity,
    Coverage,
    Evidence,
    Facts,
    Permission,
    Severity,
    Site,
)
from apkaudit.policy import load as policy_load
from apkaudit.policy.evaluate import evaluate
from tests.conftest import sample_apk

POLICY = policy_load.load("cn-pipl-loan")
APP = AppIdentity("x.apk", "0" * 64, "com.example", "Example", "1", 1, 21, 33, None)


def _facts(perms=(), sites=None, coverage=Coverage.COMPLETE) -> Facts:
    permissions = tuple(Permission(f"android.permission.{n}", "dangerous", c) for n, c in perms)
    return Facts(APP, permissions, (), data_access(permissions, sites or {}), analysis=Analysis(coverage))


def _site(evidence, pattern=AccessPattern.BULK, owner="first-party"):
    return Site("Lcom/example/A;->run()V", "content://com.android.contacts", owner, evidence, pattern=pattern)


def test_nothing_personal_is_an_a():
    v = evaluate(_facts(), POLICY)
    assert (v.score, v.grade, v.findings) == (100, "A", ())


def test_declared_contacts_is_an_over_request_that_says_so():
    v = evaluate(_facts([("READ_CONTACTS", "contacts")]), POLICY)
    f, unused = v.findings  # the permission is also one no code uses (认定方法 四、1)
    assert (f.rule, f.evidence, f.severity) == ("CN-LOAN-CONTACTS", Evidence.DECLARED, Severity.HIGH)
    assert f.sites == () and f.permissions == ("android.permission.READ_CONTACTS",)
    assert (unused.rule, unused.evidence, unused.weight) == ("CN-LOAN-UNUSED-PERMISSION", Evidence.DECLARED, 3)
    assert v.score == 84 and v.grade == "C"  # 100 - 30 x 0.5 - 3 x 0.5; the band says B, a high finding caps it


def test_evidence_raises_severity_and_penalty():
    perms = [("READ_CONTACTS", "contacts")]
    scores = []
    for level in (Evidence.REFERENCED, Evidence.REACHABLE, Evidence.TRANSMITTED):
        v = evaluate(_facts(perms, {"contacts": [_site(level)]}), POLICY)
        (f,) = v.findings
        assert f.evidence is level and f.sites
        scores.append(v.score)
    assert scores == [79, 70, 55]
    assert evaluate(_facts(perms, {"contacts": [_site(Evidence.REACHABLE)]}), POLICY).grade == "E"


def test_picker_only_reads_are_compliant():
    v = evaluate(_facts([], {"contacts": [_site(Evidence.REACHABLE, AccessPattern.PICKER)]}), POLICY)
    assert v.findings == () and v.grade == "A"


def test_opaque_app_is_not_graded():
    v = evaluate(_facts([("READ_CONTACTS", "contacts")], coverage=Coverage.OPAQUE), POLICY)
    assert v.grade == "incomplete" and v.findings and v.caveat


def test_score_never_below_zero():
    cats = [("READ_CONTACTS", "contacts"), ("READ_CALL_LOG", "call_log"), ("READ_SMS", "sms")]
    sites = {c: [_site(Evidence.TRANSMITTED)] for _, c in cats}
    v = evaluate(_facts(cats, sites), POLICY)
    assert v.score == 0 and v.grade == "F"


def test_harvesting_sample_grades_clearly_worse_than_compliant():
    harvest = audit(sample_apk("harvest-loan"), [POLICY]).verdicts[0]
    compliant = audit(sample_apk("compliant-loan"), [POLICY]).verdicts[0]
    unused = audit(sample_apk("unused-contacts"), [POLICY]).verdicts[0]
    assert compliant.grade == "A"
    assert harvest.grade == "F" and harvest.score + 40 <= compliant.score
    assert unused.score < compliant.score
    assert {f.category for f in harvest.findings} >= {"contacts", "call_log", "sms"}
    for f in harvest.findings:
        assert f.citation.instrument and f.citation.article and f.citation.quote
