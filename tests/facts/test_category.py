"""The lending-app detector: samples and corpus apps are told apart, keywords match whole words in every
language listed, and a rule book written for lending apps warns when the app does not look like one."""

from __future__ import annotations

import json

import pytest
import yaml

from apkaudit import catalogs
from apkaudit.audit import audit, gather_facts
from apkaudit.facts import category
from apkaudit.model import Permission, SdkUse
from apkaudit.policy import load as policy_load
from apkaudit.policy.evaluate import evaluate
from tests.conftest import corpus_apk, sample_apk


@pytest.fixture(scope="module")
def facts():
    return {name: gather_facts(sample_apk(name)) for name in ("compliant-loan", "harvest-loan", "unused-contacts")}


def test_lending_samples_are_lending_apps(facts):
    for name in ("compliant-loan", "harvest-loan"):
        kind = facts[name].app.category
        assert kind is not None and kind.id == "online_lending", (name, kind)
        assert kind.confidence == "high"
        signals = {e.signal for e in kind.evidence}
        assert {"label", "resource_string"} <= signals, (name, kind.evidence)
    harvest = facts["harvest-loan"].app.category
    assert any(e.keyword == "借款" and e.language == "zh" for e in harvest.evidence)


def test_budget_notes_is_not_a_lending_app(facts):
    kind = facts["unused-contacts"].app.category
    assert kind is not None and kind.id == "unknown" and kind.score == 0 and kind.evidence == ()


@pytest.mark.corpus
@pytest.mark.parametrize("name", ["ApiDemos-debug.apk", "appium-settings-8.0.10.apk"])
def test_corpus_apps_are_not_lending_apps(name):
    # ApiDemos carries Android's list of top-level domains, ".loan" and ".loans" among them: a long string
    # that must not count as a loan keyword.
    kind = gather_facts(corpus_apk(name)).app.category
    assert kind is not None and kind.id == "unknown", kind


def _detect(label=None, resources=(), sdks=(), permissions=()):
    return category.detect(label, list(resources), [], list(sdks), list(permissions))


@pytest.mark.parametrize(
    "label",
    ["Fair Loan", "FairLoan", "快速借款", "Pinjaman Cepat", "Mkopo Haraka", "Préstamos ya", "तुरंत लोन", "Pautang Agad"],
)
def test_loan_words_in_a_label(label):
    assert _detect(label).id == "online_lending"


@pytest.mark.parametrize("label", ["Download Manager", "Budget Notes", "Semicolon", "Loaner Car Club", "Unloaded"])
def test_words_that_only_contain_a_keyword_do_not_count(label):
    assert _detect(label).id == "unknown"


def test_resource_strings_alone_can_decide_when_there_are_enough():
    found = _detect("Cash Plus", ["Loan amount", "Repayment schedule", "额度"])
    assert found.id == "online_lending" and found.confidence == "medium"
    assert [e.keyword for e in found.evidence] == ["loan", "repayment", "额度"]
    assert _detect("Cash Plus", ["Loan amount"]).id == "unknown"


def test_text_whose_lowering_changes_its_length_still_finds_keywords_where_they_are():
    # "İ" lowers to two characters: the ASCII letters alone are lowered, so that offsets keep to the text
    found = _detect("Cash Plus", ["İstanbul LOAN amount", "İ Repayment schedule", "额度"])
    assert found.id == "online_lending"
    assert [(e.keyword, e.value) for e in found.evidence] == [
        ("loan", "İstanbul LOAN amount"),
        ("repayment", "İ Repayment schedule"),
        ("额度", "额度"),
    ]
    assert _detect("Cash Plus", ["İLOAN amount", "İ Repayment schedule", "额度"]).id == "unknown"


def test_permissions_support_but_never_decide():
    harvest = [
        Permission("android.permission.READ_CONTACTS", "dangerous", "contacts"),
        Permission("android.permission.READ_CALL_LOG", "dangerous", "call_log"),
        Permission("android.permission.READ_SMS", "dangerous", "sms"),
    ]
    assert _detect("Messenger", permissions=harvest).score == 0
    assert _detect("Cash", ["Repay"], permissions=harvest).score == pytest.approx(0.3)


def test_a_credit_scoring_sdk_is_a_lending_signal():
    sdk = SdkUse("credolab", "credolab CredoAppSDK", "credolab", "credit-scoring")
    found = _detect("Cash", ["Repay"], sdks=[sdk])
    assert found.id == "online_lending" and any(e.signal == "sdk" and e.value == "credolab" for e in found.evidence)


def test_every_keyword_has_a_language_and_a_source():
    data = catalogs.load("app_categories").data
    for cat in data["categories"]:
        languages = {k["language"] for k in cat["keywords"]}
        assert {"zh", "en", "hi", "id", "sw", "tl", "es"} <= languages
        for k in cat["keywords"]:
            assert k["text"] and k["source"].strip(), k
        assert len({k["text"] for k in cat["keywords"]}) == len(cat["keywords"]), "duplicate keyword"


def test_a_lending_rule_book_warns_on_an_app_that_does_not_look_like_one(facts):
    for book in policy_load.available():
        policy = policy_load.load(book)
        (warning,) = evaluate(facts["unused-contacts"], policy).warnings
        assert "written for online lending apps" in warning and "does not look like one" in warning
        assert evaluate(facts["compliant-loan"], policy).warnings == ()


def test_the_reverse_a_lending_app_under_a_rule_book_for_other_apps(facts, tmp_path):
    text = policy_load.available()["ke-cbk-digital-credit"].read_text(encoding="utf-8")
    doc = yaml.safe_load(text)
    doc["id"], doc["applies_to"] = "any-app", "any"
    path = tmp_path / "any-app.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert evaluate(facts["harvest-loan"], policy_load.load(str(path))).warnings == ()


def test_json_reports_the_category_with_its_evidence():
    from apkaudit.report import json_report

    doc = json.loads(json_report.render([audit(sample_apk("harvest-loan"), [policy_load.load("cn-pipl-loan")])]))
    kind = doc["app"]["category"]
    assert kind["id"] == "online_lending" and kind["confidence"] == "high"
    assert {
        "signal": "label",
        "value": "Quick Cash 快速借款",
        "keyword": "借款",
        "language": "zh",
        "weight": 0.6,
    } in kind["evidence"]
    assert doc["catalogs"]["app_categories"].startswith("2026.11.29 sha256:")


def _dex_files(*apks):
    import zipfile

    from apkaudit.dex.file import DexFile

    for apk in apks:
        with zipfile.ZipFile(apk) as z:
            yield from (DexFile(z.read(n), n) for n in z.namelist() if n.endswith(".dex"))


@pytest.mark.parametrize("apk", ["harvest-loan", "appium-uiautomator2-server-v10.6.6.apk"])
def test_string_data_offsets_are_sorted_stably_and_held_compactly(apk):
    """_DexStrings holds the string_data_item offsets in ascending order with each string's index, as a stable
    sort of the string_ids table gives them, in arrays of at most 12 bytes a string (Python ints took ~80)."""
    import struct

    path = corpus_apk(apk) if apk.endswith(".apk") else sample_apk(apk)
    for dex in _dex_files(path):
        n, off = struct.unpack_from("<II", dex.data, 0x38)
        offsets = struct.unpack_from(f"<{n}I", dex.data, off)
        order = sorted(range(n), key=offsets.__getitem__)
        strings = category._DexStrings(dex)
        assert strings.index.tolist() == order
        assert strings.starts.tolist() == [offsets[i] for i in order]
        assert strings.starts.nbytes + strings.index.nbytes <= 12 * n


@pytest.mark.parametrize("apk", ["compliant-loan", "harvest-loan", "ApiDemos-debug.apk"])
def test_one_yara_pass_finds_every_occurrence_find_finds(apk, monkeypatch):
    """The keywords' offsets from one YARA pass are those of a `find` per keyword, and the hits the same."""
    path = corpus_apk(apk) if apk.endswith(".apk") else sample_apk(apk)
    _, cats = category._catalog()
    cat = cats[0]
    needles = tuple(category._needle(kw) for kw in cat.keywords)
    dexes = list(_dex_files(path))
    for dex in dexes:
        strings = category._DexStrings(dex)
        assert strings.occurrences(needles) == [list(strings._finds(n)) for n in needles]
    with_yara = category._dex_hits(cat, dexes, 200, 300)
    monkeypatch.setattr(category, "_needle_rules", lambda needles: None)
    assert category._dex_hits(cat, dexes, 200, 300) == with_yara
