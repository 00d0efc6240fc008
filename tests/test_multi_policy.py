"""Several rule books at once, as a user runs them: a verdict per book, a grade column per book, where to
complain under the findings; and every shipped book grades the samples in line with its own text."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from apkaudit.audit import gather_facts, judge
from apkaudit.policy import load as policy_load
from apkaudit.report import markdown, table
from tests.conftest import sample_apk

BOOKS = sorted(policy_load.available())
SCHEMA = json.loads(resources.files("apkaudit").joinpath("schemas/report-v1.json").read_text("utf-8"))
PASS, FAIL = {"A", "B"}, {"D", "E", "F"}


@pytest.fixture(scope="module")
def facts():
    return {name: gather_facts(sample_apk(name)) for name in ("compliant-loan", "harvest-loan", "unused-contacts")}


@pytest.mark.parametrize("book", BOOKS)
def test_compliant_passes_and_harvester_fails_every_book(facts, book):
    policy = policy_load.load(book)
    compliant, harvest = judge(facts["compliant-loan"], [policy]), judge(facts["harvest-loan"], [policy])
    (good,), (bad,) = compliant.verdicts, harvest.verdicts
    assert good.grade in PASS and not [f for f in good.findings if f.severity.rank >= 3], good.findings
    assert bad.grade in FAIL, (bad.grade, bad.score)
    assert {f.category for f in bad.findings} >= {"contacts"}
    assert good.warnings == () and bad.warnings == ()


def test_compliant_sample_passes_the_ojk_book_with_nothing_to_report(facts):
    (v,) = judge(facts["compliant-loan"], [policy_load.load("id-ojk-fintech-lending")]).verdicts
    assert (v.grade, v.score, v.findings) == ("A", 100, ())  # it uses the camera only: CAMILAN allows it


def test_harvester_breaks_the_named_rules(facts):
    report = judge(facts["harvest-loan"], [policy_load.load(b) for b in BOOKS])
    fired = {v.policy.id: {f.rule for f in v.findings} for v in report.verdicts}
    assert {"GP-LOAN-CONTACTS", "GP-LOAN-FINE-LOCATION", "GP-LOAN-SMS", "GP-LOAN-CALL-LOG"} <= fired[
        "google-play-personal-loan"
    ]
    assert {"IN-RBI-CONTACTS", "IN-RBI-CALL-LOG", "IN-RBI-SMS", "IN-RBI-TELEPHONY"} <= fired["in-rbi-digital-lending"]
    assert {"ID-OJK-CONTACTS", "ID-OJK-CALL-LOG-SMS", "ID-OJK-OTHER-DATA"} <= fired["id-ojk-fintech-lending"]
    assert "ID-OJK-CAMILAN" not in fired["id-ojk-fintech-lending"]
    assert {"CN-LOAN-CONTACTS", "CN-LOAN-BEFORE-CONSENT"} <= fired["cn-pipl-loan"]
    assert fired["ke-cbk-digital-credit"] == {"KE-CBK-CONTACTS"}


def test_json_has_a_verdict_per_book_in_order_and_the_first_on_top(run):
    apk = str(sample_apk("harvest-loan"))
    result = run("scan", apk, "--policy", "google-play-personal-loan", "--policy", "cn-pipl-loan", "--format", "json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    jsonschema.Draft202012Validator(SCHEMA).validate(doc)
    assert [v["policy"]["id"] for v in doc["verdicts"]] == ["google-play-personal-loan", "cn-pipl-loan"]
    assert doc["policy"]["id"] == "google-play-personal-loan" and doc["grade"] == doc["verdicts"][0]["grade"]
    cn = doc["verdicts"][1]
    assert cn["policy"]["jurisdiction"] == "CN"
    assert any(
        c["phone"] == "12377" and c["confidence"] == "secondary" and c["source_url"] == "https://www.12377.cn"
        for c in cn["complaints"]
    )
    finding = next(f for f in cn["findings"] if f["rule"] == "CN-LOAN-CONTACTS")
    assert finding["messages"]["zh"] == finding["message_zh"].strip() or finding["messages"]["zh"]
    assert set(finding["messages"]) == {"en", "zh"}


def test_table_has_a_grade_column_per_book_and_complaints_under_the_findings(run):
    apps = [str(sample_apk(n)) for n in ("compliant-loan", "harvest-loan", "unused-contacts")]
    args = ["scan", *apps, "--policy", "cn-pipl-loan", "--policy", "id-ojk-fintech-lending"]
    out = run(*args).stdout
    head = out.split("=" * 78)[0]
    assert "Grades by rule book" in head
    header = next(line for line in head.splitlines() if line.startswith("App"))
    assert header.split() == ["App", "cn-pipl-loan", "id-ojk-fintech-lending"]
    rows = {line.split()[0]: line for line in head.splitlines()[4:7]}
    assert rows["Fair"].split()[2:] == ["A", "98/100", "A", "100/100"]
    assert "!" in rows["Budget"]  # the lending books warn on a notes app
    harvest = out[out.index("Quick Cash 快速借款 (org.") : out.index("Budget Notes (org.")]
    findings_end = harvest.index("CN-LOAN-CONTACTS: The app can read the whole address book")
    assert harvest.index("Where to complain (CN):") > findings_end
    assert "phone 12377" in harvest and "Kontak OJK 157" in harvest
    assert "Citations marked (secondary)" in harvest
    assert "warning: This rule book is written for online lending apps" in out[out.index("Budget Notes (org.") :]


def test_markdown_shows_local_messages_warnings_and_complaints(facts):
    report = judge(facts["harvest-loan"], [policy_load.load("in-rbi-digital-lending")])
    md = markdown.render([report])
    assert "*hi:* " in md and "Where to complain (IN)" in md and "cms\\.rbi\\.org\\.in" in md
    assert "| Kind of app | online lending" in md
    notes = markdown.render([judge(facts["unused-contacts"], [policy_load.load("in-rbi-digital-lending")])])
    assert "> **Warning:** This rule book is written for online lending apps" in notes


def test_one_report_one_book_keeps_the_plain_layout(facts):
    text = table.render([judge(facts["compliant-loan"], [policy_load.load("cn-pipl-loan")])])
    assert not text.startswith("Grades by rule book") and "kind    online lending" in text
