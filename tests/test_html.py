"""HTML report, ratings site and diff: wording, escaping of hostile APK strings, icons, site structure, CLI."""

from __future__ import annotations

import copy
import json
from html.parser import HTMLParser
from importlib import resources

import jsonschema
import pytest
import yaml

from apkaudit.audit import audit, gather_facts
from apkaudit.policy import load as policy_load
from apkaudit.report import html, json_report
from apkaudit.report.diff import diff_reports, render_text
from apkaudit.report.site import SiteError, build_site
from apkaudit.report.strings import wording
from apkaudit.report.summary import summary
from apkaudit.report.templating import clean, http_url, image_uri
from tests.conftest import corpus_apk, sample_apk
from tests.hostile import entries_of, write_zip

POLICY = policy_load.load("cn-pipl-loan")
SCHEMA = json.loads(resources.files("apkaudit").joinpath("schemas/report-v1.json").read_text("utf-8"))
SAMPLES = ["harvest-loan", "compliant-loan", "unused-contacts", "code-patterns", "hostile-label"]
POLICY_SAMPLES = ["policy-honest", "policy-omits", "policy-denies"]


@pytest.fixture(scope="module")
def docs():
    return {n: json_report.report_dict(audit(sample_apk(n), [POLICY])) for n in SAMPLES}


@pytest.fixture(scope="module")
def policy_docs():
    return {n: json_report.report_dict(audit(sample_apk(n), [POLICY])) for n in POLICY_SAMPLES}


class Tags(HTMLParser):
    """Every start tag and its attributes, as a browser's tokenizer sees them."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def _csp(tags: Tags) -> str:
    return next(
        a["content"] or "" for t, a in tags.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    )


def _keys(node, prefix=""):
    if not isinstance(node, dict):
        return {prefix}
    return {k for key, value in node.items() for k in _keys(value, f"{prefix}.{key}")}


def test_every_string_exists_in_both_languages():
    data = yaml.safe_load(resources.files("apkaudit").joinpath("report/strings.yaml").read_text("utf-8"))
    assert set(data) == {"en", "zh"}
    en, zh = _keys(data["en"]), _keys(data["zh"])
    en_only = {k for k in en - zh if not k.endswith(".obj")}  # English pronouns have no Chinese counterpart
    assert en_only == set() and zh - en == set()


def test_summary_in_plain_words(docs):
    en, zh = wording("en"), wording("zh")
    harvest = summary(docs["harvest-loan"], en)
    assert harvest[0] == "Reads your whole address book when the app starts and sends it to api.quickcash.example."
    assert "Reads your location when the app starts." in harvest
    patterns = " ".join(summary(docs["code-patterns"], en))
    assert "through the Tongdun FraudMetrix (同盾) SDK" in patterns
    assert "Reads your whole call log in the background, as soon as the phone starts." in patterns
    assert "Reads all your text messages in the background." in patterns
    unused = summary(docs["unused-contacts"], en)
    assert unused == ["Asks for permission to read your address book, though no code that uses it was found."]
    assert summary(docs["harvest-loan"], zh)[0] == "在App启动时读取您的整个通讯录，并发送至 api.quickcash.example。"


def test_summary_degrades_without_an_endpoint(docs):
    doc = copy.deepcopy(docs["harvest-loan"])
    contacts = next(a for a in doc["data_access"] if a["category"] == "contacts")
    for site in contacts["sites"]:
        site["flows"] = [{"kind": "network", "endpoint": None}]
    first = summary(doc, wording("en"))[0]
    assert first == "Reads your whole address book when the app starts and sends it over the internet."
    assert summary(doc, wording("zh"))[0] == "在App启动时读取您的整个通讯录，并通过网络发送。"
    for site in contacts["sites"]:  # an older report: no flows at all
        site.pop("flows", None)
    assert summary(doc, wording("en"))[0].endswith("sends it over the internet.")
    for site in contacts["sites"]:  # an endpoint that is not an http(s) URL is shown as text, clipped
        site["flows"] = [{"kind": "network", "endpoint": "javascript:alert(1)//" + "x" * 200}]
    assert "to javascript:alert(1)//xxx" in summary(doc, wording("en"))[0]


def test_app_page_shows_grade_findings_citations_permissions_and_sdks(docs):
    page = html.render_docs([docs["code-patterns"]])
    tags = Tags(page)
    text = " ".join(tags.text)
    assert '<span class="letter">F</span>' in page
    assert "CN-LOAN-CONTACTS" in text and "第五条（十二）" in text  # rule and article
    assert "Tongdun FraudMetrix (同盾)" in text and "risk-control" in text
    assert "READ_CALL_LOG" in text and "dangerous" in text
    assert "BootReceiver.onReceive" in text  # the call path
    # severity order: a critical finding comes before the medium one
    assert text.index("CN-LOAN-CONTACTS") < text.index("CN-LOAN-LOCATION")
    assert not [t for t, _ in tags.tags if t in ("script", "iframe", "object", "embed", "link")]
    assert "script-src 'none'" in _csp(tags) and "default-src 'none'" in _csp(tags)


def _section(page: str, cls: str) -> str:
    start = page.index(f'<section class="{cls}">')
    return page[start : page.index("</section>", start)]


def _rows(section: str) -> list[str]:
    """The text of each body row of the section's table, cells joined by ' | '."""
    body = section[section.index("<tbody>") : section.index("</tbody>")]
    rows = []
    for chunk in body.split("<tr")[1:]:
        cells = [" ".join(Tags(c).text).split() for c in chunk.split("<td")[1:]]
        rows.append(" | ".join(" ".join(c).lstrip(">").strip() for c in cells))
    return rows


def test_app_page_quotes_the_bundled_policy_beside_the_code(policy_docs):
    denies = html.render_docs([policy_docs["policy-denies"]])
    section = _section(denies, "disclosure")
    assert "res/raw/privacy.html" in section and "https://www.safeloan.example/legal/privacy.html" in section
    rows = _rows(section)
    # the contradiction comes first, with the English denial on the English page and the code that reads
    assert rows[0].startswith("Address book | says it does not collect it | contradicted: the code reads it (read)")
    assert "We will not access your contacts, call log or text messages" in rows[0]
    assert "ContentResolver.query" in rows[0] and "MainActivity.onCreate" in rows[0]
    assert rows[1].startswith("Call log | says it does not collect it | consistent") and rows[1].endswith("| –")
    # the finding card quotes the policy too; its contradiction row is marked
    card = denies[denies.index("CN-LOAN-CONTRADICTED") :]
    card = card[: card.index("</article>")]
    assert "The app&#39;s privacy policy:</span> says it does not collect it" in card
    assert "We will not access your contacts" in card
    assert section.count('<tr class="bad">') == 1

    zh = _section(html.render_docs([policy_docs["policy-denies"]], "zh"), "disclosure")
    assert _rows(zh)[0].startswith("通讯录 | 声明不收集 | 相矛盾：代码读取了该信息")
    assert "我们不会读取您的通讯录、通话记录和短信" in zh

    omits = _rows(_section(html.render_docs([policy_docs["policy-omits"]]), "disclosure"))
    assert omits[0].startswith("Address book | never says it collects it | not disclosed, yet the code reads it")

    honest = _section(html.render_docs([policy_docs["policy-honest"]]), "disclosure")
    assert '<tr class="bad">' not in honest and "contradicted" not in honest


def test_app_page_without_policy_text_says_so(docs):
    section = _section(html.render_docs([docs["harvest-loan"]]), "disclosure")
    assert "No privacy policy or user agreement text was found in the app" in section
    assert "<table" not in section


def test_hostile_strings_stay_text(docs):
    hostile = docs["hostile-label"]
    assert "<script>" in hostile["app"]["label"] and "\u202e" in hostile["app"]["label"]
    for page in (html.render_docs([hostile]), html.render_docs([hostile], "zh"), html.render_docs(list(docs.values()))):
        tags = Tags(page)
        assert not [t for t, _ in tags.tags if t in ("script", "svg", "iframe", "object", "embed")]
        assert [a["src"][:22] for t, a in tags.tags if t == "img"] == ["data:image/png;base64,"]
        assert not [(t, k) for t, a in tags.tags for k in a if k.startswith("on")]
        hrefs = [a.get("href") or "" for t, a in tags.tags if t == "a"]
        assert all(h.startswith(("http://", "https://")) for h in hrefs), hrefs
        assert "\u202e" not in page and "⟨U+202E⟩" in page
        assert '<script>alert("label")' not in page and "&lt;script&gt;alert(&#34;label&#34;)" in page
        # the bundled policy's sentences are the app author's text too
        assert "&lt;script&gt;alert(&#34;policy&#34;)&lt;/script&gt;&#34;&gt;&lt;img src=x onerror=alert(9)&gt;" in page


def test_clean_makes_disguising_characters_visible():
    assert clean("a\u202eb\u200bc\x1b") == "a⟨U+202E⟩b⟨U+200B⟩c⟨U+001B⟩"
    assert clean("e" + "\u0301" * 50) == "e\u0301\u0301"  # a combining-mark tower is cut short
    assert clean("快速借款 loan") == "快速借款 loan"


def test_only_http_links_and_real_png_or_webp_icons():
    assert http_url("https://example.org/x") == "https://example.org/x"
    for bad in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "//evil", 'https://a"onmouseover'):
        assert http_url(bad) is None
    import base64

    png = "data:image/png;base64," + base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\0" * 20).decode()
    assert image_uri(png) == png
    svg = base64.b64encode(b"<svg onload=alert(1)></svg>").decode()
    assert image_uri("data:image/png;base64," + svg) is None  # claims PNG, is SVG
    assert image_uri("data:image/svg+xml;base64," + svg) is None


def test_icon_is_embedded_only_when_its_bytes_are_png(tmp_path):
    facts = gather_facts(sample_apk("hostile-label"))
    assert facts.app.icon and facts.app.icon.startswith("data:image/png;base64,iVBORw0KGgo")
    entries = entries_of(sample_apk("hostile-label"), lambda n: not n.startswith("META-INF/"))
    icon = next(n for n in entries if n.endswith("ic_launcher.png"))
    entries[icon] = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'
    disguised = write_zip(tmp_path / "svg-icon.apk", entries)
    assert gather_facts(disguised).app.icon is None
    assert gather_facts(sample_apk("harvest-loan")).app.icon is None  # no icon at all


def test_json_report_with_icon_validates_and_is_deterministic(docs):
    doc = docs["hostile-label"]
    jsonschema.Draft202012Validator(SCHEMA).validate(doc)
    again = json_report.report_dict(audit(sample_apk("hostile-label"), [POLICY]))
    assert json_report.dumps(again) == json_report.dumps(doc)


@pytest.mark.corpus
def test_corpus_icon():
    icon = gather_facts(corpus_apk("appium-settings-8.0.10.apk")).app.icon
    assert icon and icon.startswith("data:image/png;base64,")


def test_site_pages_are_named_by_sha256_and_link_up(docs):
    pages = build_site(list(docs.values()), [POLICY])
    shas = {d["app"]["sha256"] for d in docs.values()}
    assert {p for p in pages if p.startswith("apps/")} == {f"apps/{s}.html" for s in shas}
    assert set(pages) >= {"index.html", "methodology.html", "sdks/tongdun.html"}
    index = Tags(pages["index.html"])
    assert [t for t, _ in index.tags].count("script") == 1  # the table script, allowed by its hash only
    assert "script-src 'sha256-" in _csp(index)
    links = {a["href"] for t, a in index.tags if t == "a"}
    assert {f"apps/{s}.html" for s in shas} <= links
    assert "sdks/tongdun.html" in links  # from the top-SDK chart
    sdk = " ".join(Tags(pages["sdks/tongdun.html"]).text)
    assert "Pattern Loan" in sdk and "address book" in sdk and "Found in 1 of 5 apps" in sdk
    # hostile data never reaches the one script or an attribute outside quotes
    assert pages == build_site(list(docs.values()), [POLICY])  # deterministic


def test_site_charts_count_the_market(docs):
    page = build_site(list(docs.values()), [POLICY])["index.html"]
    grades = [d["grade"] for d in docs.values()]
    for g in set(grades):
        share = grades.count(g) / len(grades)
        assert f"{share:.0%} · {grades.count(g)} of {len(grades)} apps" in page
    sends = sum(
        1
        for d in docs.values()
        for a in d["data_access"]
        if a["category"] == "contacts" and a["evidence"] == "transmitted"
    )
    assert sends >= 1 and f"{sends / len(docs):.0%} sends" in page


def test_methodology_is_generated_from_the_rule_book(docs):
    page = build_site(list(docs.values()), [POLICY])["methodology.html"]
    text = " ".join(Tags(page).text)
    for rule in POLICY.rules:
        assert rule.id in text and rule.citation.article in text
    for _grade, minimum, meaning in POLICY.scoring.grades:
        assert meaning in text and f"≥ {minimum:g}" in text
    assert POLICY.ref.sha256 in text
    catalogs = next(iter(docs.values()))["catalogs"]
    assert all(stamp in text for stamp in catalogs.values())


def test_chinese_site(docs):
    pages = build_site(list(docs.values()), [POLICY], "zh")
    assert '<html lang="zh-Hans">' in pages["index.html"] and "隐私评级" in pages["index.html"]
    assert POLICY.title_zh and POLICY.title_zh in pages["methodology.html"]


def test_site_refuses_what_is_not_a_report():
    with pytest.raises(SiteError):
        build_site([{"app": {"sha256": "../../etc/passwd"}}], [POLICY])
    with pytest.raises(SiteError):
        build_site([], [POLICY])


def test_diff_of_two_versions(docs):
    d = diff_reports(docs["compliant-loan"], docs["harvest-loan"])
    assert "android.permission.READ_CONTACTS" in d.permissions_added
    assert "android.permission.CAMERA" in d.permissions_removed
    changes = {c.category: c.direction for c in d.categories}
    assert changes["contacts"] == "rose" and changes["call_log"] == "new" and changes["camera"] == "gone"
    assert d.grade_direction == "worse" and not d.same_package
    assert diff_reports(docs["harvest-loan"], docs["harvest-loan"]).unchanged
    text = render_text(d)
    old, new = docs["compliant-loan"], docs["harvest-loan"]
    assert f"Grade: {old['grade']} ({old['score']}/100) → {new['grade']} ({new['score']}/100) ↓" in text
    assert "+ android.permission.READ_CONTACTS" in text
    hostile = render_text(diff_reports(docs["harvest-loan"], docs["hostile-label"]))
    assert "\u202e" not in hostile and "⟨U+202E⟩" in hostile


def test_scan_html_and_diff_cli(run, tmp_path, docs):
    out = tmp_path / "report.html"
    result = run("scan", str(sample_apk("hostile-label")), "--format", "html", "--lang", "zh", "-o", str(out))
    assert result.exit_code == 0, result.output
    page = out.read_text("utf-8")
    assert "简而言之" in page and "&lt;script&gt;" in page
    old = tmp_path / "old.json"
    old.write_text(json.dumps(docs["compliant-loan"]), "utf-8")
    result = run("diff", str(old), str(sample_apk("harvest-loan")))
    assert result.exit_code == 0 and "+ android.permission.READ_SMS" in result.output
    result = run("diff", str(old), str(sample_apk("harvest-loan")), "--format", "html", "-o", str(tmp_path / "d.html"))
    assert result.exit_code == 0 and "Permissions added" in (tmp_path / "d.html").read_text("utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text('{"not": "a report"}', "utf-8")
    result = run("diff", str(bad), str(old))
    assert result.exit_code == 2 and "not an apkaudit report" in result.stderr


def test_site_cli_from_json_reports(run, tmp_path, docs):
    reports = tmp_path / "reports.json"
    reports.write_text(json.dumps(list(docs.values())), "utf-8")
    result = run("site", "--report", str(reports), "-o", str(tmp_path / "site"), "--lang", "en")
    assert result.exit_code == 0, result.output
    written = sorted(p.relative_to(tmp_path / "site").as_posix() for p in (tmp_path / "site").rglob("*.html"))
    assert written == sorted(build_site(list(docs.values()), [POLICY]))
    assert run("site", "-o", str(tmp_path / "x")).exit_code == 2  # no input given


def test_site_cli_from_results_database(run, tmp_path, docs):
    store = pytest.importorskip("apkaudit.batch.store", reason="the batch store (issue 6) is not in this tree")
    db = tmp_path / "results.sqlite"
    with store.Store.create(db) as s:
        key = store.Key(tool_version="test", catalogs="test", policies="cn-pipl-loan")
        for doc in docs.values():
            s.write(key, store.Record(sha256=doc["app"]["sha256"], path=doc["app"]["path"], report=doc))
        s.write(key, store.Record(sha256="0" * 64, path="broken.apk", error_kind="bad_apk", message="not a zip"))
    result = run("site", "--db", str(db), "-o", str(tmp_path / "site"))
    assert result.exit_code == 0, result.output
    index = (tmp_path / "site" / "index.html").read_text("utf-8")
    assert "Quick Cash" in index and "broken.apk" in index and "1 file(s) could not be audited" in index
    assert len(list((tmp_path / "site" / "apps").glob("*.html"))) == len(docs)


def test_packed_app_carries_the_coverage_caveat(docs):
    doc = copy.deepcopy(docs["harvest-loan"])
    doc["analysis"].update(coverage="opaque", packers=["Jiagu (360)"], visible_share=0.25)
    doc["grade"] = doc["verdicts"][0]["grade"] = "incomplete"
    text = " ".join(Tags(html.render_docs([doc])).text)
    assert "Not everything could be seen" in text and "missing evidence is not compliance" in text
    assert "Protected with: Jiagu (360)." in text and "About 25% of its code could be seen." in text
    assert "No grade" in text
    complete = " ".join(Tags(html.render_docs([docs["harvest-loan"]])).text)
    assert "Not everything could be seen" not in complete
