"""The shipped rule books: each loads and carries what a reader needs to check it; each kind of schema error,
and each `extends` mistake, is reported with file, line and key."""

from __future__ import annotations

import json
import textwrap
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
import yaml

from apkaudit.errors import PolicyError
from apkaudit.policy import load as policy_load

POLICIES = Path(__file__).resolve().parents[1] / "policies"
SHIPPED = sorted(p.stem for p in POLICIES.glob("*.yaml"))
REQUIRED_BOOKS = {
    "cn-pipl-loan",
    "google-play-personal-loan",
    "in-rbi-digital-lending",
    "id-ojk-fintech-lending",
    "ph-npc-sec",
    "ke-cbk-digital-credit",
    "ng-fccpc-digital-lending",
}


def test_the_rule_books_the_issue_asks_for_are_shipped():
    assert set(policy_load.available()) >= REQUIRED_BOOKS


@pytest.mark.parametrize("name", ["policy-v1.json", "policy-cases-v1.json", "report-v1.json"])
def test_schemas_are_valid_json_schemas(name):
    schema = json.loads(resources.files("apkaudit").joinpath(f"schemas/{name}").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("book", SHIPPED)
def test_shipped_book_is_complete_and_traceable(book):
    p = policy_load.load(book)
    assert p.ref.id == book and p.jurisdiction and p.applies_to == "online_lending"
    assert p.instruments and all(i.name for i in p.instruments.values())
    assert any(i.in_force or i.issued for i in p.instruments.values())
    assert p.complaints, "every rule book says where to complain"
    for c in p.complaints:
        assert c.source and c.confidence in ("verified", "secondary", "unverified") and (c.phone or c.url or c.email)
        if p.language:
            assert c.conduct_local
    for r in p.rules:
        assert r.message_en and r.categories
        if p.language:
            assert r.messages.get(p.language), f"{r.id}: no {p.language} message"
        for c in (r.citation, *r.see_also):
            assert c.instrument and c.article and c.quote and c.gloss
            assert c.confidence in ("verified", "secondary", "unverified")
        if r.fires:
            assert r.severity and r.weight >= 0
        if r.verdict == "conditional":
            assert r.condition_en


def test_cli_validate_every_shipped_book(run):
    result = run("policies", "validate", *(str(POLICIES / f"{b}.yaml") for b in SHIPPED))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count(": ok (") == len(SHIPPED)


def test_policies_show_prints_conditions_and_where_to_complain(run):
    shown = run("policies", "show", "google-play-personal-loan")
    assert shown.exit_code == 0
    assert "(requesting READ_CONTACTS)" in shown.stdout and "READ_MEDIA_VIDEOS" in shown.stdout
    assert "Where to complain:" in shown.stdout and "source:" in shown.stdout
    cn = run("policies", "show", "cn-pipl-loan").stdout
    assert "CN-LOAN-BEFORE-CONSENT" in cn and "application start" in cn and "12377" in cn
    assert "declared: high, referenced: high, reachable: high" not in cn  # launch reads are at least reachable
    ojk = run("policies", "show", "id-ojk-fintech-lending").stdout
    assert "never a finding" in ojk  # the CAMILAN rule documents what is allowed


# -- each kind of schema error, with file, line and key ------------------------------------------------

BASE = textwrap.dedent(
    """\
    schema: apkaudit/policy/v1
    id: test-book
    version: "1"
    title: Test book
    jurisdiction: KE
    applies_to: online_lending
    instruments:
      - id: law
        name: The Law
        kind: regulation
        binding: true
        issuer: Central Bank of Kenya
        number: Legal Notice No. 1 of 2024
        in_force: 2024-01-01
        status: in_force
        url: https://www.centralbank.go.ke/the-law.pdf
        url_status: seen
    complaints:
      - name: Regulator
        url: https://www.odpc.go.ke
        for: {en: complaints}
        source: made up for a test
        source_url: https://www.odpc.go.ke
        confidence: unverified
    scoring:
      description: test
      start: 100
      evidence_factor: {declared: 0.5, referenced: 0.7, reachable: 1.0, transmitted: 1.5}
      grades:
        - {grade: A, min_score: 90}
        - {grade: F, min_score: 0}
    rules:
      - id: R1
        category: contacts
        verdict: prohibited
        severity: high
        weight: 10
        message: {en: reads contacts}
        citation: {instrument: law, article: "1", quote: "no contacts", gloss: "no contacts", confidence: verified}
    """
)


def _write(tmp_path: Path, text: str, name: str = "book.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_base_book_is_valid(tmp_path):
    assert policy_load.load(str(_write(tmp_path, BASE))).ref.id == "test-book"


RULE_ERRORS = [
    # (what is wrong, replacement for the rule's "verdict: prohibited" line, needle on the reported line, message)
    ("bad verdict", "verdict: forbidden", "verdict", r"rules\[0\]\.verdict: 'forbidden' is not one of"),
    (
        "both category and categories",
        "verdict: prohibited\n    categories: [sms]",
        "- id: R1",
        r"rules\[0\]: give either 'category' or 'categories', not both",
    ),
    (
        "permission rule with code conditions",
        "verdict: prohibited\n    entry_kinds: [launcher activity]\n    owner: sdk\n    min_evidence: reachable\n"
        "    max_evidence: transmitted\n    entry_methods: [onCreate]\n    picker_is_compliant: false\n"
        "    see_also: []\n    condition: {en: x}\n    permissions: [android.permission.READ_CONTACTS]",
        "entry_kinds",
        r"rules\[0\]\.entry_kinds: a rule on permissions is judged on the manifest alone",
    ),
    (
        "permission name that is not one",
        "verdict: prohibited\n    permissions: [READ_CONTACTS]",
        "permissions",
        r"rules\[0\]\.permissions\[0\]: 'READ_CONTACTS' does not match",
    ),
    (
        "unknown entry kind",
        "verdict: prohibited\n    entry_kinds: [splash screen]",
        "entry_kinds",
        r"rules\[0\]\.entry_kinds\[0\]: 'splash screen' is not one of",
    ),
    (
        "max_evidence weaker than min_evidence",
        "verdict: prohibited\n    min_evidence: reachable\n    max_evidence: declared",
        "max_evidence",
        r"rules\[0\]\.max_evidence: weaker than min_evidence",
    ),
    (
        "conditional without condition",
        "verdict: conditional",
        "- id: R1",
        r"rules\[0\]: a conditional rule needs 'condition'",
    ),
    (
        "allowed rule with a severity",
        "verdict: allowed",
        "severity: high",
        r"rules\[0\]\.severity: an 'allowed' rule never gives a finding",
    ),
    (
        "message language code misspelt",
        "verdict: prohibited\n    condition: {en: x, eng: y}",
        "condition",
        r"rules\[0\]\.condition\.eng: unknown key 'eng'",
    ),
]


@pytest.mark.parametrize("case", RULE_ERRORS, ids=[c[0] for c in RULE_ERRORS])
def test_rule_errors_name_file_line_and_key(tmp_path, case):
    _, replacement, needle, message = case
    path = _write(tmp_path, BASE.replace("verdict: prohibited", replacement, 1))
    with pytest.raises(PolicyError, match=message) as exc:
        policy_load.load(str(path))
    assert str(exc.value).startswith(f"{path}:{_line_of(path, needle)}: "), str(exc.value)


BOOK_ERRORS = [
    ("unknown top-level key", ("applies_to:", "aplies_to:"), "aplies_to", r"aplies_to: unknown key 'aplies_to'"),
    ("missing required key", ("jurisdiction: KE\n", ""), None, r"\(top level\): 'jurisdiction' is missing"),
    ("wrong type", ('version: "1"', "version: 1"), "version", r"version: 1 is not of type 'string'"),
    (
        "unknown app category",
        ("applies_to: online_lending", "applies_to: games"),
        "applies_to",
        r"unknown app category",
    ),
    (
        "language not a code",
        ("applies_to: online_lending", "applies_to: any\nlanguage: Swahili"),
        "language",
        r"language",
    ),
    (
        "message missing the book's language",
        ("applies_to: online_lending", "applies_to: online_lending\nlanguage: sw"),
        "message:",
        r"rules\[0\]\.message: no 'sw' text \(the rule book's language\)",
    ),
    (
        "complaint with no way to reach it",
        ("    url: https://www.odpc.go.ke\n", ""),
        "- name: Regulator",
        r"complaints\[0\]",
    ),
    ("complaint source missing", ("    source: made up for a test\n", ""), "- name: Regulator", r"'source' is missing"),
    (
        "citation of an unknown instrument",
        ("{instrument: law,", "{instrument: law2,"),
        "citation",
        r"rules\[0\]\.citation\.instrument: 'law2' is not one of the rule book's instruments",
    ),
    (
        "grades not best first",
        (
            "- {grade: A, min_score: 90}\n    - {grade: F, min_score: 0}",
            "- {grade: F, min_score: 0}\n    - {grade: A, min_score: 90}",
        ),
        "grades:",
        r"scoring\.grades: list grades best first",
    ),
]


@pytest.mark.parametrize("case", BOOK_ERRORS, ids=[c[0] for c in BOOK_ERRORS])
def test_book_errors_name_file_line_and_key(tmp_path, case):
    _, (old, new), needle, message = case
    assert old in BASE
    path = _write(tmp_path, BASE.replace(old, new, 1))
    with pytest.raises(PolicyError, match=message) as exc:
        policy_load.load(str(path))
    where = f"{path}:{_line_of(path, needle)}: " if needle else f"{path}: "
    assert str(exc.value).startswith(where), str(exc.value)


def test_duplicate_rule_id(tmp_path):
    doc = yaml.safe_load(BASE)
    doc["rules"].append(dict(doc["rules"][0]))
    path = _write(tmp_path, yaml.safe_dump(doc, sort_keys=False))
    with pytest.raises(PolicyError, match=r"rules\[1\]\.id: duplicate rule id"):
        policy_load.load(str(path))


# -- extends -----------------------------------------------------------------------------------------

CHILD = textwrap.dedent(
    """\
    schema: apkaudit/policy/v1
    id: child-book
    version: "1"
    title: Child book
    extends: {parent}
    drop_rules: [{drop}]
    instruments:
      - {{id: law2, name: The Second Law, kind: law, binding: true, issuer: Parliament, number: "Act 2",
          status: in_force, url_status: not_found}}
    rules:
      - id: R1
        category: contacts
        verdict: prohibited
        severity: critical
        weight: 50
        message: {{en: "reads contacts (overridden)"}}
        citation: {{instrument: law2, article: "2", quote: "q", gloss: "g", confidence: secondary}}
      - id: R9
        category: sms
        verdict: prohibited
        severity: high
        weight: 20
        message: {{en: reads sms}}
        citation: {{instrument: law, article: "9", quote: "q", gloss: "g", confidence: verified}}
    """
)


def _parent_with_two_rules(tmp_path: Path) -> Path:
    doc = yaml.safe_load(BASE)
    second = dict(doc["rules"][0], id="R2", category="call_log")
    doc["rules"].append(second)
    return _write(tmp_path, yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), "test-book.yaml")


def test_extends_overrides_drops_adds_and_inherits(tmp_path):
    parent_path = _parent_with_two_rules(tmp_path)
    child_path = _write(tmp_path, CHILD.format(parent="test-book", drop="R2"), "child.yaml")
    parent = policy_load.load(str(parent_path))
    child = policy_load.load(str(child_path))
    assert [r.id for r in child.rules] == ["R1", "R9"]
    assert child.rules[0].weight == 50 and child.rules[0].citation.instrument == "The Second Law"
    assert child.rules[1].citation.instrument == "The Law"  # the parent's instrument, inherited
    assert child.scoring == parent.scoring and child.jurisdiction == "KE" and child.complaints == parent.complaints
    assert child.extends == "test-book" and child.dropped == ("R2",)
    assert child.rules[0].defined_in == str(child_path)
    assert child.ref.sha256 != parent.ref.sha256
    # the child's identity covers its parent: change the parent, the child's hash changes
    before = child.ref.sha256
    parent_path.write_text(parent_path.read_text(encoding="utf-8").replace("title: Test book", "title: Test book 2"))
    policy_load._load_path.cache_clear()
    assert policy_load.load(str(child_path)).ref.sha256 != before


def test_extends_a_shipped_book_by_id(tmp_path):
    kept = ("CLEARTEXT", "TRUST-ALL", "BARE-IP", "ABROAD", "WEB-PAGE", "WEB-PAGE-HTTP")
    drop = ", ".join(["KE-CBK-CONTACTS"] + [f"KE-CBK-{r}" for r in kept])
    text = CHILD.format(parent="ke-cbk-digital-credit", drop=drop).replace("instrument: law,", "instrument: law2,")
    # the parent's language (Swahili) binds the child's own rules too
    with pytest.raises(PolicyError, match=r"rules\[0\]\.message: no 'sw' text"):
        policy_load.load(str(_write(tmp_path, text, "ke-loose.yaml")))
    text = text.replace('(overridden)"}', '(overridden)", sw: "inasoma anwani"}')
    text = text.replace("{en: reads sms}", "{en: reads sms, sw: inasoma SMS}")
    child = policy_load.load(str(_write(tmp_path, text, "ke-strict.yaml")))
    assert [r.id for r in child.rules] == ["R1", "R9"] and child.jurisdiction == "KE"
    assert child.complaints and child.complaints[0].url == "https://www.odpc.go.ke"


def test_extends_a_missing_parent_names_the_file(tmp_path):
    path = _write(tmp_path, CHILD.format(parent="no-such-book", drop="R2"), "child.yaml")
    with pytest.raises(PolicyError, match=r"extends: no rule book 'no-such-book'") as exc:
        policy_load.load(str(path))
    assert str(exc.value).startswith(f"{path}:{_line_of(path, 'extends')}: ")


def test_extends_cycle_names_the_files(tmp_path):
    a = _write(tmp_path, CHILD.format(parent="b.yaml", drop="R2").replace("child-book", "a"), "a.yaml")
    _write(tmp_path, CHILD.format(parent="a.yaml", drop="R2").replace("child-book", "b"), "b.yaml")
    with pytest.raises(PolicyError, match=r"extends: cycle of rule books: .*a\.yaml -> .*b\.yaml -> .*a\.yaml"):
        policy_load.load(str(a))


def test_extends_self_is_a_cycle(tmp_path):
    path = _write(tmp_path, CHILD.format(parent="self.yaml", drop="R2"), "self.yaml")
    with pytest.raises(PolicyError, match="cycle"):
        policy_load.load(str(path))


def test_drop_of_a_rule_the_parent_does_not_have(tmp_path):
    _parent_with_two_rules(tmp_path)
    path = _write(tmp_path, CHILD.format(parent="test-book", drop="R7"), "child.yaml")
    with pytest.raises(PolicyError, match=r"drop_rules\[0\]: 'R7' is not a rule of 'test-book'") as exc:
        policy_load.load(str(path))
    assert str(exc.value).startswith(f"{path}:{_line_of(path, 'drop_rules')}: ")


def test_drop_and_redefine_the_same_rule(tmp_path):
    _parent_with_two_rules(tmp_path)
    path = _write(tmp_path, CHILD.format(parent="test-book", drop="R1"), "child.yaml")
    with pytest.raises(PolicyError, match=r"'R1' is both dropped and redefined"):
        policy_load.load(str(path))


def test_an_error_in_the_parent_names_the_parent(tmp_path):
    _write(tmp_path, BASE.replace("verdict: prohibited", "verdict: forbidden"), "test-book.yaml")
    path = _write(tmp_path, CHILD.format(parent="test-book", drop="R1"), "child.yaml")
    with pytest.raises(PolicyError) as exc:
        policy_load.load(str(path))
    assert str(exc.value).startswith(str(tmp_path / "test-book.yaml"))


# -- official sources: every link on an issuer's or official database's site, or a source of record ----------

MIRRORS = ["slfemxl.cn", "gsky-link.com.cn", "github5.com", "qianjiji.cn", "shenduxp.com", "wixsite.com", "dreamfox.cn"]


def test_no_shipped_book_links_a_mirror_or_content_farm():
    for path in POLICIES.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        assert not [m for m in MIRRORS if m in text], path


@pytest.mark.parametrize("book", SHIPPED)
def test_every_instrument_names_its_official_source(book):
    from apkaudit.policy import sources

    p = policy_load.load(book)
    for i in p.instruments.values():
        s = i.source
        assert s is not None and s.issuer and s.number and s.kind in sources.KIND_WORDS and s.status
        if s.url_status == "not_found":
            assert i.url is None and i.note, f"{i.id}: say where the official text was looked for"
        else:
            assert sources.is_official(i.url, p.jurisdiction), f"{i.id}: {i.url}"


SOURCE_ERRORS = [
    # (what is wrong, replacement in BASE, message)
    (
        "content-farm instrument url",
        ("url: https://www.centralbank.go.ke/the-law.pdf", "url: http://slfemxl.cn/file/info?id=38182"),
        r"book\.yaml:\d+: instruments\[0\]\.url: slfemxl\.cn is not an official site for KE",
    ),
    (
        "another jurisdiction's official site",
        ("url: https://www.centralbank.go.ke/the-law.pdf", "url: https://www.rbi.org.in/x"),
        r"instruments\[0\]\.url: www\.rbi\.org\.in is not an official site for KE",
    ),
    (
        "missing url_status",
        ("    url_status: seen\n", ""),
        r"instruments\[0\]: 'url_status' is missing",
    ),
    (
        "url given although not found",
        ("url_status: seen", "url_status: not_found"),
        r"instruments\[0\]\.url: url_status is not_found",
    ),
    (
        "missing issuer",
        ("    issuer: Central Bank of Kenya\n", ""),
        r"instruments\[0\]: 'issuer' is missing",
    ),
    (
        "seen_at on a blog",
        (
            "confidence: verified}",
            'confidence: verified, seen_at: {name: a blog, kind: newspaper, url: "https://x.wixsite.com/p"}}',
        ),
        r"rules\[0\]\.citation\.seen_at\.url: x\.wixsite\.com is neither an official site nor a source of record",
    ),
    (
        "mirror in a complaint's source text",
        ("source: made up for a test", "source: 'seen at http://www.qpmyi.cn/sites/182.html'"),
        r"complaints\[0\]\.source: www\.qpmyi\.cn is neither an official site nor a source of record",
    ),
    (
        "complaint without the operator's page",
        ("    source_url: https://www.odpc.go.ke\n", ""),
        r"complaints\[0\]: 'source_url' is missing",
    ),
]


@pytest.mark.parametrize("what, change, message", SOURCE_ERRORS, ids=[e[0] for e in SOURCE_ERRORS])
def test_sources_are_checked_with_file_line_and_key(tmp_path, what, change, message):
    old, new = change
    assert old in BASE
    path = _write(tmp_path, BASE.replace(old, new))
    with pytest.raises(PolicyError, match=message) as info:
        policy_load.load(str(path))
    assert "\n" not in str(info.value)


def test_cli_validate_rejects_a_content_farm_link(run, tmp_path):
    path = _write(
        tmp_path, BASE.replace("https://www.centralbank.go.ke/the-law.pdf", "http://m.gsky-link.com.cn/help/451.htm")
    )
    result = run("policies", "validate", str(path))
    assert result.exit_code != 0 and f"{path}:" in result.stderr and "instruments[0].url" in result.stderr


def test_policies_show_prints_sources_with_their_kinds(run):
    shown = run("policies", "show", "cn-pipl-loan").stdout
    assert "official text (address as cited, page not read): https://www.npc.gov.cn/" in shown
    assert "normative document of a ministry or regulator; 国信办秘字〔2021〕14号" in shown
    assert "self-regulatory convention; not binding" in shown and "guidance (not binding)" in shown
    assert "amended 2026-01-01" in shown and "Art. 50" in shown
    assert "wording read in People's Daily" in shown and "citations:" in shown


def test_reports_render_the_official_source_next_to_the_citation():
    from apkaudit.model import Citation
    from apkaudit.report.html import citation_view
    from apkaudit.report.json_report import citation_dict
    from apkaudit.report.strings import wording

    p = policy_load.load("ph-npc-sec")
    rule = next(r for r in p.rules if r.id == "PH-NPC-CONTACTS")
    sec = next(c for c in rule.see_also if c.article == "Sec. 1(h)")
    d = citation_dict(sec)
    assert d["source"]["number"] == "SEC Memorandum Circular No. 18, Series of 2019"
    assert d["source"]["url_status"] == "issuer_site" and d["seen_at"]["kind"] == "regulator"
    view = citation_view(d, wording("en"))
    assert view["url"] == "https://www.sec.gov.ph" and view["url_words"].startswith("issuer's site")
    assert "regulator's circular" in view["facts"] and view["seen"][0]["url"].startswith("http://privacy.gov.ph/")
    # a link from an old report to a mirror is not rendered
    old = citation_view(citation_dict(Citation("x", "1", "q", url="http://slfemxl.cn/file/info?id=1")), wording("en"))
    assert old["url"] is None
