"""The bundled privacy policy against the code: finding the texts, judging sentences, crossing with code evidence,
the rules that use it, and how the reports show it."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import struct
import zipfile
from importlib import resources

import jsonschema
import pytest

from apkaudit.audit import audit, gather_facts
from apkaudit.errors import PolicyError
from apkaudit.facts.disclosure import documents, judgement, lexicon
from apkaudit.facts.disclosure import text as plain
from apkaudit.model import (
    CategoryDisclosure,
    Consistency,
    Coverage,
    Disclosure,
    DisclosureStatus,
    DisclosureVerdict,
    Evidence,
    PolicyDocument,
    PolicySentence,
    Stance,
)
from apkaudit.policy import load as policy_load
from apkaudit.report import json_report, markdown, table
from tests.conftest import corpus_apk, sample_apk

POLICY = policy_load.load("cn-pipl-loan")
REPORT_SCHEMA = json.loads(resources.files("apkaudit").joinpath("schemas/report-v1.json").read_text("utf-8"))


def _told(name: str) -> Disclosure:
    told = gather_facts(sample_apk(name)).disclosure
    assert told is not None
    return told


def _category(told: Disclosure, name: str) -> CategoryDisclosure:
    found = told.category(name)
    assert found is not None, f"{name} not judged: {[c.category for c in told.categories]}"
    return found


# -- the three samples with bundled policies ---------------------------------------------------------------


def test_honest_policy_discloses_the_address_book_it_reads():
    told = _told("policy-honest")
    assert told.status is DisclosureStatus.FOUND
    (doc,) = told.documents
    assert (doc.path, doc.kind, doc.language) == ("assets/privacy.html", "privacy_policy", "zh")
    assert doc.title == "诚信借款隐私政策 Honest Loan Privacy Policy"
    contacts = _category(told, "contacts")
    assert (contacts.verdict, contacts.cross, contacts.evidence) == (
        DisclosureVerdict.DISCLOSED,
        Consistency.CONSISTENT,
        Evidence.REACHABLE,
    )
    texts = [s.text for s in contacts.sentences if s.stance is Stance.DISCLOSES]
    assert any("我们会读取您的通讯录" in t for t in texts)
    assert any("we collect your address book" in t for t in texts)
    # claims location, which no code reads: an over-broad policy
    location = _category(told, "location")
    assert (location.verdict, location.cross, location.evidence) == (
        DisclosureVerdict.DISCLOSED,
        Consistency.DISCLOSED_UNUSED,
        None,
    )
    # the call log, SMS and a denial of contacts appear only in <script> and <style>: never read
    assert told.category("call_log") is None and told.category("sms") is None
    assert [u.url for u in told.urls] == ["https://www.honestloan.example/legal/privacy.html"]
    assert told.urls[0].found_in == "classes.dex"


def test_policy_that_omits_the_address_book_and_call_log():
    told = _told("policy-omits")
    assert told.status is DisclosureStatus.FOUND
    (doc,) = told.documents
    # the file is GB18030, not UTF-8
    assert (doc.path, doc.kind, doc.language, doc.title) == (
        "assets/privacy_policy.txt",
        "privacy_policy",
        "zh",
        "轻松借隐私政策",
    )
    for name in ("contacts", "call_log"):
        c = _category(told, name)
        assert (c.verdict, c.cross, c.evidence, c.sentences) == (
            DisclosureVerdict.NOT_MENTIONED,
            Consistency.UNDISCLOSED,
            Evidence.REACHABLE,
            (),
        ), name
    # 紧急联系人 (a typed-in emergency contact) is not the address book; 短信验证码 is not reading SMS
    assert told.category("sms") is None
    assert [c.category for c in told.categories] == ["contacts", "call_log"]


def test_policy_that_denies_reading_the_address_book_the_app_reads():
    told = _told("policy-denies")
    contacts = _category(told, "contacts")
    assert (contacts.verdict, contacts.cross, contacts.evidence) == (
        DisclosureVerdict.DENIED,
        Consistency.CONTRADICTED,
        Evidence.REACHABLE,
    )
    assert [(s.stance, s.text, s.document) for s in contacts.sentences] == [
        (Stance.DENIES, "我们不会读取您的通讯录、通话记录和短信", "res/raw/privacy.html"),
        (Stance.DENIES, "We will not access your contacts, call log or text messages", "res/raw/privacy.html"),
    ]
    for name in ("call_log", "sms"):  # denied, and indeed not read
        c = _category(told, name)
        assert (c.verdict, c.cross, c.evidence) == (DisclosureVerdict.DENIED, Consistency.CONSISTENT, None)
    kinds = {d.path: d.kind for d in told.documents}
    assert kinds == {"res/raw/privacy.html": "privacy_policy", "@string/consent_dialog": "other"}
    assert [(u.url, u.found_in) for u in told.urls] == [
        ("https://www.safeloan.example/legal/privacy.html", "@string/privacy_url")
    ]


@pytest.mark.parametrize("name", ["harvest-loan", "compliant-loan", "unused-contacts", "code-patterns"])
def test_app_without_policy_text_is_no_text_not_silent(name):
    told = _told(name)
    assert told.status is DisclosureStatus.NO_TEXT
    assert told.categories == ()  # nothing judged: not "discloses nothing"


@pytest.mark.corpus
@pytest.mark.parametrize("name", ["ApiDemos-debug.apk", "appium-settings-8.0.10.apk"])
def test_corpus_apps_have_no_policy_text(name):
    facts = gather_facts(corpus_apk(name))
    assert facts.data_access, "an app that reads personal data makes this meaningful"
    assert facts.disclosure is not None and facts.disclosure.status is DisclosureStatus.NO_TEXT
    assert facts.disclosure.categories == ()
    findings = audit(corpus_apk(name), [POLICY]).verdicts[0].findings
    assert not any(f.rule in ("CN-LOAN-UNDISCLOSED", "CN-LOAN-CONTRADICTED") for f in findings)


# -- sentences ---------------------------------------------------------------------------------------------

SENTENCES = [
    ("我们不会读取您的通讯录", "contacts", Stance.DENIES),
    ("您的通讯录信息不会被读取", "contacts", Stance.DENIES),
    ("We will not access your contacts.", "contacts", Stance.DENIES),
    ("We will not access your contacts, call log or SMS", "sms", Stance.DENIES),
    ("Your contacts won't be accessed or uploaded", "contacts", Stance.DENIES),
    ("我们会收集您的位置信息，但不会读取您的通讯录", "contacts", Stance.DENIES),
    ("我们会收集您的位置信息，但不会读取您的通讯录", "location", Stance.DISCLOSES),
    ("未经您同意，我们不会读取您的通讯录", "contacts", Stance.DISCLOSES),  # conditional collection is collection
    ("We will not access your contacts without your consent", "contacts", Stance.DISCLOSES),
    ("如您拒绝授权，我们不会读取您的通讯录", "contacts", Stance.DISCLOSES),
    ("We cannot provide a loan without accessing your contacts", "contacts", Stance.DISCLOSES),
    ("我们不仅收集通讯录，还收集短信", "contacts", Stance.DISCLOSES),
    ("We will never sell your contacts", "contacts", Stance.MENTIONS),  # a negation, but not of collecting
    ("我们不会向第三方提供您的通讯录信息", "contacts", Stance.MENTIONS),
    ("我们读取您的通讯录，不会向第三方提供", "contacts", Stance.DISCLOSES),
    ("We do not share your location, and we access your contacts to verify references", "contacts", Stance.DISCLOSES),
    ("We do not share your location, and we access your contacts to verify references", "location", Stance.MENTIONS),
    ("通讯录", "contacts", Stance.MENTIONS),  # a bare heading says nothing either way
    ("我们会获取您的设备信息（包括IMEI、Android ID）", "phone_ids", Stance.DISCLOSES),
    ("We read the list of installed applications to assess fraud risk", "installed_apps", Stance.DISCLOSES),
]


def _stances(sentence: str) -> dict[str, Stance]:
    doc = PolicyDocument("t.txt", "privacy_policy", None, len(sentence))
    told = judgement.judge([documents.Text(doc, sentence)], (), (), Coverage.COMPLETE)
    return {c.category: c.sentences[0].stance for c in told.categories if c.sentences}


@pytest.mark.parametrize(("sentence", "category", "stance"), SENTENCES)
def test_sentence_stance(sentence, category, stance):
    assert _stances(sentence).get(category) is stance


@pytest.mark.parametrize(
    "sentence",
    ["请填写紧急联系人的姓名和电话", "我们会向您发送短信验证码", "We send a verification code by SMS", "Contact us"],
)
def test_look_alikes_are_not_the_category(sentence):
    assert _stances(sentence) == {}


def test_one_disclosure_outweighs_a_denial_and_sentences_are_kept_once():
    text = "我们不会读取您的通讯录。\n为评估风险，我们会读取您的通讯录。\n为评估风险，我们会读取您的通讯录。"
    doc = PolicyDocument("p.txt", "privacy_policy", "zh", len(text))
    told = judgement.judge([documents.Text(doc, text)], (), (), Coverage.COMPLETE)
    (c,) = told.categories
    assert c.verdict is DisclosureVerdict.DISCLOSED and c.cross is Consistency.DISCLOSED_UNUSED  # no code here
    assert [s.stance for s in c.sentences] == [Stance.DISCLOSES, Stance.DENIES]


def test_long_sentences_are_cut_around_the_term():
    text = "甲" * 400 + "我们会读取您的通讯录" + "乙" * 400
    (c,) = _judged(text).categories
    (s,) = c.sentences
    assert "通讯录" in s.text and s.text.startswith("…") and s.text.endswith("…") and len(s.text) <= 242


def _judged(text: str) -> Disclosure:
    doc = PolicyDocument("p.txt", "privacy_policy", "zh", len(text))
    return judgement.judge([documents.Text(doc, text)], (), (), Coverage.COMPLETE)


# -- text extraction ---------------------------------------------------------------------------------------


def test_html_text_drops_scripts_styles_and_head_and_keeps_blocks_apart():
    title, text = plain.html_text(
        "<html><head><title>Privacy &amp; you</title><style>p{}</style></head><body>"
        "<script>var x = '通讯录';</script><h1>Heading</h1><p>First&nbsp;para</p><p>Second</p>"
        "<noscript>hidden</noscript></body></html>"
    )
    assert title == "Privacy & you"
    assert text == "Heading\nFirst para\nSecond"


def test_hard_wrapped_english_lines_are_joined_but_list_lines_are_not():
    assert plain.normalise("We will not access your\ncontacts.\n通讯录：用于核验\n位置：不收集") == (
        "We will not access your contacts.\n通讯录：用于核验\n位置：不收集"
    )


_TRICKY = " \t\n\r\x0b\x0c\x1c\x85\xa0\u1680\u2000\u2028\u202f\u3000\u200bAaZz,.\u0130\xc4\u0416中'\u2019"


def _normalised_line_by_line(text: str) -> str:
    """normalise() as its docstring says it, one line at a time: the reference for the faster code."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub("[ \t\r\f\v\xa0\u3000\u200b]+", " ", text)
    text = re.sub(r"(?<=[A-Za-z,])[ \t]*\n[ \t]*(?=[a-z])", " ", text)
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def test_normalise_and_lowercase_keep_their_meaning_on_any_text():
    """A word list's tab per line and mixed scripts: the same text as the plain definitions, offsets kept."""
    hypothesis = pytest.importorskip("hypothesis")
    st = pytest.importorskip("hypothesis.strategies")

    @hypothesis.settings(max_examples=3000, deadline=None, derandomize=True)
    @hypothesis.given(st.text(alphabet=st.sampled_from(_TRICKY), max_size=40))
    def check(text: str) -> None:
        assert plain.normalise(text) == _normalised_line_by_line(text)
        low = lexicon.lowercase(text)
        assert low == "".join(c.lower() if c.isascii() else c for c in text)  # ASCII only: İ and Ä stay

    check()
    assert plain.normalise("词语\t12\n\n  另一个词\t7  \n") == "词语 12\n另一个词 7"
    assert lexicon.lowercase("İSTANBUL Ä Privacy") == "İstanbul Ä privacy"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030"])
def test_decode_common_encodings(encoding):
    text = "隐私政策：我们不会读取您的通讯录。"
    assert plain.decode(text.encode(encoding)) == text


def test_language_from_script():
    assert plain.language("我们不会读取您的通讯录和短信内容") == "zh"
    assert plain.language("We will not access your contacts or messages") == "en"
    assert plain.language("123 456") is None


# -- crossing ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "read", "complete", "expected"),
    [
        (DisclosureVerdict.DISCLOSED, Evidence.TRANSMITTED, True, Consistency.CONSISTENT),
        (DisclosureVerdict.NOT_MENTIONED, Evidence.REFERENCED, True, Consistency.UNDISCLOSED),
        (DisclosureVerdict.DENIED, Evidence.REACHABLE, False, Consistency.CONTRADICTED),
        (DisclosureVerdict.DISCLOSED, None, True, Consistency.DISCLOSED_UNUSED),
        (DisclosureVerdict.DISCLOSED, None, False, None),  # hidden code may be what reads it
        (DisclosureVerdict.DENIED, None, True, Consistency.CONSISTENT),
        (DisclosureVerdict.NOT_MENTIONED, None, True, Consistency.CONSISTENT),
    ],
)
def test_consistency(said, read, complete, expected):
    assert Consistency.judge(said, read, complete) is expected


# -- limits ------------------------------------------------------------------------------------------------


def test_oversized_policy_file_is_skipped_with_a_note(tmp_path):
    apk = tmp_path / "big-policy.apk"
    shutil.copy(sample_apk("harvest-loan"), apk)
    with zipfile.ZipFile(apk, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("assets/privacy.html", "<p>我们会读取您的通讯录。</p>" * 200_000)  # over 4 MB
        z.writestr("assets/yinsi.txt", "")  # a policy file with no text at all
    told = gather_facts(apk).disclosure
    assert told is not None and told.status is DisclosureStatus.NO_TEXT and told.categories == ()
    assert any("assets/privacy.html" in n and "skipped" in n for n in told.notes)
    assert [(d.path, d.chars) for d in told.documents] == [("assets/yinsi.txt", 0)]


def _lie_about_size(apk, name: bytes, size: int) -> None:
    """Rewrite the central and local headers of one entry to declare `size` inflated bytes."""
    data = bytearray(apk.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at != -1:
        length = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46 : at + 46 + length]) == name:
            struct.pack_into("<I", data, at + 24, size)
            struct.pack_into("<I", data, struct.unpack_from("<I", data, at + 42)[0] + 22, size)
        at = data.find(b"PK\x01\x02", at + 4)
    apk.write_bytes(bytes(data))


def test_policy_file_that_lies_about_its_size_is_not_inflated_past_the_cap(tmp_path):
    apk = tmp_path / "lying-policy.apk"
    shutil.copy(sample_apk("harvest-loan"), apk)
    with zipfile.ZipFile(apk, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("assets/privacy.html", "<p>我们会读取您的通讯录。</p>" * 300_000)
    _lie_about_size(apk, b"assets/privacy.html", 100)
    told = gather_facts(apk).disclosure
    assert told is not None and told.status is DisclosureStatus.NO_TEXT and told.documents == ()
    assert any("more than its header says" in n for n in told.notes)


def test_policy_like_names_are_read_first_within_the_byte_budget(tmp_path, monkeypatch):
    monkeypatch.setitem(lexicon.compiled().limits, "max_read_bytes", 2000)
    apk = tmp_path / "two-files.apk"
    shutil.copy(sample_apk("harvest-loan"), apk)
    with zipfile.ZipFile(apk, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("assets/a_help.html", "<title>隐私政策</title><p>我们不会读取您的通讯录。</p>" + " " * 1500)
        z.writestr("assets/privacy.html", "<title>隐私政策</title><p>我们会读取您的通讯录，用于风控。</p>" + " " * 1500)
    told = gather_facts(apk).disclosure
    assert told is not None and [d.path for d in told.documents] == ["assets/privacy.html"]
    assert any("assets/a_help.html" in n and "not read" in n for n in told.notes)
    assert _category(told, "contacts").cross is Consistency.CONSISTENT  # harvest-loan reads and now discloses


# -- rules -------------------------------------------------------------------------------------------------


def _findings(name: str, rule: str):
    return [f for f in audit(sample_apk(name), [POLICY]).verdicts[0].findings if f.rule == rule]


def test_rule_on_undisclosed_data_fires_on_the_sample_that_omits_it():
    found = _findings("policy-omits", "CN-LOAN-UNDISCLOSED")
    assert sorted((f.category, f.evidence, f.severity.value) for f in found) == [
        ("call_log", Evidence.REACHABLE, "high"),
        ("contacts", Evidence.REACHABLE, "high"),
    ]
    assert all(f.sites and f.citation.article == "第十七条" and f.citation.confidence == "unverified" for f in found)
    assert any(a.article == "二、1" and a.confidence == "unverified" for a in found[0].see_also)  # seen only on mirrors
    for name in ("policy-honest", "policy-denies", "harvest-loan"):
        assert not _findings(name, "CN-LOAN-UNDISCLOSED"), name


def test_rule_on_contradicted_policy_quotes_the_denial_next_to_the_code():
    (f,) = _findings("policy-denies", "CN-LOAN-CONTRADICTED")
    assert (f.category, f.evidence, f.severity.value) == ("contacts", Evidence.REACHABLE, "critical")
    assert f.sites and all(q.stance is Stance.DENIES for q in f.quotes)
    assert [q.text for q in f.quotes][0] == "我们不会读取您的通讯录、通话记录和短信"
    for name in ("policy-honest", "policy-omits", "harvest-loan"):
        assert not _findings(name, "CN-LOAN-CONTRADICTED"), name


CHILD = """\
schema: apkaudit/policy/v1
id: overclaim
version: "1"
title: "Over-broad policies"
extends: cn-pipl-loan
rules:
  - id: OVERCLAIM
    categories: [contacts, location]
    disclosure: {value}
    verdict: not_necessary
    severity: low
    weight: 2
    message: {{en: "The policy claims data no code reads.", zh: "隐私政策声明收集的信息，代码并未读取。"}}
    citation:
      instrument: pipl
      article: "第十七条"
      quote: "真实、准确、完整地向个人告知"
      gloss: "notice"
      confidence: unverified
"""


def test_a_rule_book_may_use_disclosed_unused(tmp_path):
    path = tmp_path / "overclaim.yaml"
    path.write_text(CHILD.format(value="disclosed_unused"), encoding="utf-8")
    book = policy_load.load(str(path))
    (f,) = [f for f in audit(sample_apk("policy-honest"), [book]).verdicts[0].findings if f.rule == "OVERCLAIM"]
    assert (f.category, f.evidence, f.sites, f.permissions) == ("location", Evidence.DECLARED, (), ())
    assert f.quotes and all(q.stance is Stance.DISCLOSES for q in f.quotes)
    assert all("位置" in q.text or "location" in q.text for q in f.quotes)
    assert not [f for f in audit(sample_apk("policy-omits"), [book]).verdicts[0].findings if f.rule == "OVERCLAIM"]


def test_disclosure_key_is_validated(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(CHILD.format(value="hidden"), encoding="utf-8")
    with pytest.raises(PolicyError, match=r"bad\.yaml:\d+: rules\[0\]\.disclosure: 'hidden' is not one of"):
        policy_load.load(str(path))
    text = CHILD.format(value="undisclosed").replace(
        "    categories: [contacts, location]\n",
        "    category: contacts\n    permissions: [android.permission.READ_CONTACTS]\n",
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PolicyError, match=r"rules\[0\]\.disclosure: a rule on disclosure is judged per category"):
        policy_load.load(str(path))


# -- reports -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["policy-honest", "policy-omits", "policy-denies", "harvest-loan"])
def test_json_report_carries_the_disclosure_and_validates(name):
    doc = json.loads(json_report.render([audit(sample_apk(name), [POLICY])]))
    jsonschema.Draft202012Validator(REPORT_SCHEMA).validate(doc)
    told = doc["disclosure"]
    assert told["status"] == ("no_text" if name == "harvest-loan" else "found")
    if name == "policy-denies":
        contacts = next(c for c in told["categories"] if c["category"] == "contacts")
        assert (contacts["verdict"], contacts["cross"], contacts["evidence"]) == ("denied", "contradicted", "reachable")
        (f,) = [f for f in doc["findings"] if f["rule"] == "CN-LOAN-CONTRADICTED"]
        assert (
            f["quotes"][0]["text"] == "我们不会读取您的通讯录、通话记录和短信" and f["quotes"][0]["stance"] == "denies"
        )


def test_table_and_markdown_show_the_sentence_next_to_the_code_path():
    r = audit(sample_apk("policy-denies"), [POLICY])
    text = table.render([r])
    row = next(line for line in text.splitlines() if line.startswith("contacts") and "CONTRADICTED" in line)
    assert "我们不会读取您的通讯录" in row and "MainActivity.onCreate" in row
    md = markdown.render([r])
    assert "## What the bundled privacy policy says" in md
    row = next(line for line in md.splitlines() if line.startswith("| contacts |") and "CONTRADICTED" in line)
    assert "我们不会读取您的通讯录" in row and "MainActivity\\.onCreate" in row
    assert "- The app's policy: “我们不会读取您的通讯录、通话记录和短信”" in md
    bare = markdown.render([audit(sample_apk("harvest-loan"), [POLICY])])
    assert "no privacy policy or user agreement text in the APK" in bare


HOSTILE = "<script>alert(1)</script> [x](javascript:alert(3)) | ` \x1b[2J \u202e"


def test_policy_text_from_the_apk_is_escaped():
    r = audit(sample_apk("policy-denies"), [POLICY])
    told = r.facts.disclosure
    assert told is not None
    evil = PolicySentence(HOSTILE, "我们不会读取您的通讯录" + HOSTILE, "通讯录", Stance.DENIES)
    contacts = dataclasses.replace(told.categories[0], sentences=(evil,))
    doc = dataclasses.replace(told.documents[0], path=HOSTILE, title=HOSTILE)
    told = dataclasses.replace(told, categories=(contacts,), documents=(doc,))
    v = r.verdicts[0]
    findings = tuple(dataclasses.replace(f, quotes=(evil,)) for f in v.findings)
    r = dataclasses.replace(
        r, facts=dataclasses.replace(r.facts, disclosure=told), verdicts=(dataclasses.replace(v, findings=findings),)
    )
    md = markdown.render([r])
    assert "<script>" not in md and "](javascript:" not in md and "\x1b" not in md and "\u202e" not in md
    assert "&lt;script&gt;" in md
    assert "\x1b" not in table.render([r])


# -- the lexicon as data -----------------------------------------------------------------------------------


def test_lexicon_is_well_formed_and_sourced():
    from apkaudit import catalogs

    data = catalogs.load("disclosure").data
    assert set(data["categories"]) <= set(catalogs.CATEGORIES)
    assert {"contacts", "call_log", "sms", "location", "phone_ids", "installed_apps"} <= set(data["categories"])
    seen: dict[str, str] = {}
    for category, entry in data["categories"].items():
        assert entry["source"].strip(), category
        assert {"zh", "en"} <= set(entry) - {"source"}, f"{category}: Chinese and English at least"
        for lang, group in entry.items():
            if lang == "source":
                continue
            assert group["terms"], (category, lang)
            for term in group["terms"]:
                assert seen.get(term.lower(), category) == category, f"{term!r} in {category} and {seen[term.lower()]}"
                seen[term.lower()] = category
            for phrase in group["exclude"]:  # a look-alike must contain a term of its category, or it masks nothing
                assert any(
                    t.lower() in phrase.lower() for g in entry.values() if isinstance(g, dict) for t in g["terms"]
                )
    for group in ("processing", "negation", "documents"):
        assert data[group]["source"].strip()
    for lang in ("zh", "en"):
        neg = data["negation"][lang]
        assert neg["cues"] and neg["verbs"] and neg["cancellers"] and neg["verb_gap"] > 0 and neg["window"] > 0
