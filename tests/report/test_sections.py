"""Where the data goes (issue 19), the web shell (issue 15) and the package's files (issue 21) in every writer.

A journalist reading the Markdown report and a researcher reading the terminal table must see the facts the JSON
and HTML reports give: these sections come from the HTML report's own views (report/sections.py), escaped and
bounded by each writer.
"""

from __future__ import annotations

import dataclasses
import re

import pytest

from apkaudit.audit import audit
from apkaudit.model import (
    Bundle,
    BundleMember,
    Destination,
    NetworkSecurity,
    Report,
    ScriptCall,
    Server,
    ServerFacts,
    WebPage,
    WebPower,
    WebShell,
)
from apkaudit.policy import load as policy_load
from apkaudit.report import renderer
from tests import bundles
from tests.conftest import sample_apk

SERVERS = "Where your data goes"
SHELL = "What the web page can do"
FILES = "Files of the package"


@pytest.fixture(scope="module")
def book():
    return [policy_load.load("cn-pipl-loan")]


@pytest.fixture(scope="module")
def reports(book) -> dict[str, Report]:
    names = ("leaky-servers", "shell-cordova", "shell-jsbridge", "harvest-loan", "hostile-label", "long-url")
    return {name: audit(sample_apk(name), book) for name in names}


@pytest.fixture(scope="module")
def packaged(book, tmp_path_factory) -> Report:
    base, feature = bundles.patterns_parts()
    path = bundles.xapk(
        tmp_path_factory.mktemp("xapk") / "app.xapk",
        base,
        ("feature_second.apk", feature),
        ("config.arm64_v8a.apk", bundles.config_split()),
    )
    return audit(path, book)


def _table(r: Report) -> str:
    return renderer("table")([r])


def _md(r: Report) -> str:
    return renderer("markdown")([r])


def _plain(md: str) -> str:
    """Markdown with its backslash escapes removed, to look for the facts."""
    return re.sub(r"\\(.)", r"\1", md)


def _section(text: str, title: str) -> str:
    """The lines of a section, from its title to the next blank-line-separated heading (or the end)."""
    start = text.index(title)
    rest = text[start:]
    stops = [
        i for i in (rest.find("\n## ", 1), rest.find("\nPrivacy policy in the app"), rest.find("\nGrade ")) if i > 0
    ]
    return rest[: min(stops)] if stops else rest


def _row_of(section: str, needle: str) -> str:
    return next(line for line in section.splitlines() if needle in line)


# -- where the data goes ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_destinations_of_leaky_servers(reports, fmt):
    r = reports["leaky-servers"]
    text = _table(r) if fmt == "table" else _plain(_md(r))
    section = _section(text, SERVERS)
    ip = _row_of(section, "203.0.113.7 (bare IP address)")
    assert "address book" in ip and "in the clear" in ip and "the app's own" in ip
    assert re.search(r"address book, text\s+(\S+\s+)*messages", section)  # the table wraps the cell
    assert "http://203.0.113.7:8080/api/v1/contacts" in ip
    trusting = _row_of(section, "api.flashloan.example")
    assert "call log" in trusting and "HTTPS with certificate checks" in trusting
    collector = _row_of(section, "t.appsflyer.com")
    assert "phone identifiers" in collector and "encrypted (HTTPS)" in collector and "AppsFlyer's" in collector
    # the network settings
    assert "The app's network settings refuse unencrypted traffic by default." in section
    assert "Unencrypted traffic is allowed to 203.0.113.7." in section
    assert "It trusts certificates the user (or anyone holding the phone) installed." in section
    assert "2 piece(s) of code accept any certificate." in section
    assert "AcceptAllHostnames.verify, TrustAll.checkServerTrusted" in section
    # the inventory, summarised and its first servers listed
    assert "Every server named in the app (7 shown of 7; 2 namespace and licence addresses left out)" in section
    assert "http://198.51.100.23:9000/h5/apply — no code loads it · bare IP address · in the clear" in section
    assert "https://help.flashloan.example/faq — no code loads it (@string/help_url)" in section


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_an_address_built_at_run_time(reports, fmt):
    r = reports["hostile-label"]  # sends contacts to a URL it builds at run time
    text = _table(r) if fmt == "table" else _plain(_md(r))
    section = _section(text, SERVERS)
    row = _row_of(section, "an address built at run time")
    assert "address book" in row and "unknown" in row


def test_destinations_keep_the_order_of_the_report(reports):
    r = reports["leaky-servers"]
    section = _section(_table(r), SERVERS)
    hosts = [h for h in ("203.0.113.7", "api.flashloan.example", "t.appsflyer.com") if h in section]
    assert sorted(hosts, key=section.index) == [d.host for d in r.facts.servers.destinations]
    assert _table(r) == _table(r) and _md(r) == _md(r)


def test_no_servers_section_without_server_facts(reports):
    r = reports["harvest-loan"]
    none = dataclasses.replace(r, facts=dataclasses.replace(r.facts, servers=None))
    empty = dataclasses.replace(r, facts=dataclasses.replace(r.facts, servers=ServerFacts()))
    for report in (none, empty):
        assert SERVERS not in _table(report) and SERVERS not in _plain(_md(report))


# -- the web shell ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_cordova_shell(reports, fmt):
    r = reports["shell-cordova"]
    text = _table(r) if fmt == "table" else _plain(_md(r))
    section = _section(text, SHELL)
    assert "This app is a shell (Apache Cordova / PhoneGap / Ionic)" in section
    assert "Runtime:** Apache Cordova" in section or "Runtime: Apache Cordova" in section
    page = _row_of(section, "Start page")
    assert "http://m.pageloan.example/apply/index.html: remote (served from a server); plain HTTP" in page
    assert "res/xml/config.xml" in page
    assert "*, http://*.pageloan.example/*" in _row_of(section, "Sites the app trusts")
    assert 'The app trusts pages from any site ("*").' in section
    assert "The page may take: address book." in section
    power = _row_of(section, "Contacts")
    assert "Cordova plugin" in power and "address book" in power and re.search(r"\b1\b", power)
    assert "Calls of these powers in the app's bundled script: 1" in section
    assert "navigator.contacts.find (assets/www/index.html:8)" in section


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_home_made_bridge(reports, fmt):
    r = reports["shell-jsbridge"]
    text = _table(r) if fmt == "table" else _plain(_md(r))
    section = _section(text, SHELL)
    assert "WebView with a JavaScript bridge" in section
    assert "http://h5.bridgeloan.example/apply: remote (served from a server); plain HTTP" in section
    sms = _row_of(section, "JsBridge.getSms")
    assert "JavaScript bridge" in sms and "text messages" in sms
    version = _row_of(section, "JsBridge.getAppVersion")
    assert "text messages" not in version and re.search(r"\b0\b", version)
    assert "The page may take: text messages." in section
    assert "Calls of these powers" not in section  # no bundled script


def test_no_shell_section_for_a_native_app(reports):
    r = reports["harvest-loan"]
    assert SHELL not in _table(r) and SHELL not in _plain(_md(r))


# -- the package's files ------------------------------------------------------------------------------------------


def _member_facts(r: Report) -> dict[str, str]:
    assert r.facts.app.bundle is not None
    return {m.name: m.sha256 for m in r.facts.app.bundle.members}


@pytest.mark.parametrize("fmt", ["table", "markdown", "html"])
def test_package_files_are_listed(packaged, fmt):
    text = renderer(fmt)([packaged])
    text = _plain(text) if fmt == "markdown" else text
    assert f"{FILES} (XAPK)" in text
    hashes = _member_facts(packaged)
    for name in ("base.apk", "feature_second.apk", "config.arm64_v8a.apk"):
        assert hashes[name] and hashes[name] in text
    lines = text.splitlines()
    if fmt != "html":
        section = text[text.index(FILES) :]
        assert "base APK" in _row_of(section, "base.apk")
        feature = _row_of(section, "feature_second.apk")
        assert "split APK" in feature and "feature_second" in feature.replace("feature_second.apk", "")
        icon = _row_of(section, "icon.png")
        assert "skipped (not audited)" in icon and "not an APK" in icon
    else:
        assert "skipped (not audited)" in text and "<code><bdi>icon.png</bdi></code>" in text
    assert max(len(line) for line in lines) < 5000


@pytest.mark.parametrize("fmt", ["table", "markdown", "html"])
def test_no_package_table_for_one_apk(reports, fmt):
    assert FILES not in renderer(fmt)([reports["harvest-loan"]])


# -- hostile strings: escaped and bounded -------------------------------------------------------------------------

EVIL = "evil|`*_[x](javascript:alert(1))<script>alert(1)</script>\x1b[2J\u202e"


def _hostile(r: Report) -> Report:
    """leaky-servers with the author's strings in every field the new sections show, some of them huge."""
    huge = "https://" + "a" * 300_000 + ".example/x"
    servers = ServerFacts(
        servers=tuple(
            Server(value=f"{EVIL}{i}", kind="url", host=EVIL, found_in=(EVIL, huge), cleartext=True) for i in range(60)
        ),
        total=60,
        cap=500,
        destinations=(
            Destination(host=EVIL, endpoints=(huge, EVIL), owner=EVIL, categories=("contacts", EVIL)),
            Destination(host=None, categories=("sms",)),
        ),
        network=NetworkSecurity(cleartext_domains=(EVIL, huge), user_certificates=True, trust_all=(EVIL,) * 30),
        notes=(EVIL,),
    )
    shell = WebShell(
        runtimes=("cordova",),
        names=(EVIL,),
        pages=(WebPage(url=huge, found_in=EVIL, remote=True, cleartext=True),),
        trusted=("*", EVIL, huge),
        powers=(WebPower(name=EVIL, via=EVIL, says=huge, categories=("contacts",), declared_in=EVIL),),
        script_calls=tuple(ScriptCall(file=EVIL, line=i, call=EVIL) for i in range(70)),
    )
    bundle = Bundle(
        format=EVIL,
        members=tuple(BundleMember(name=f"{EVIL}{i}", size=i, role=EVIL, sha256=EVIL, note=huge) for i in range(120)),
    )
    app = dataclasses.replace(r.facts.app, bundle=bundle)
    return dataclasses.replace(r, facts=dataclasses.replace(r.facts, app=app, servers=servers, webshell=shell))


@pytest.fixture(scope="module")
def hostile(reports) -> Report:
    return _hostile(reports["leaky-servers"])


def test_hostile_table_is_clean_and_bounded(hostile):
    text = _table(hostile)
    for title in (SERVERS, SHELL, FILES):
        assert title in text
    assert "\x1b" not in text and "\u202e" not in text
    assert max(len(line) for line in text.splitlines()) < 5000
    assert "a" * 400 not in text  # a huge string is clipped
    assert "and 20 more (see the JSON report)" in text  # 120 package files, 100 shown
    assert "Calls of these powers in the app's bundled script: 70" in text
    assert "- and 50 more (see the JSON report)" in text  # 20 script calls listed


def test_hostile_markdown_is_escaped_and_bounded(hostile):
    md = _md(hostile)
    for title in (SERVERS, SHELL, FILES):
        assert title in md
    assert "<script>" not in md and "\x1b" not in md and "\u202e" not in md
    assert "](javascript" not in md and "`" not in md.replace("\\`", "")
    assert max(len(line) for line in md.splitlines()) < 5000
    for line in md.splitlines():
        if line.startswith("|") and "---" not in line:  # every table row keeps its columns: no bare | from the APK
            cells = re.split(r"(?<!\\)\|", line)[1:-1]
            assert len(cells) in (2, 4, 5, 6), line


def test_hostile_html_is_escaped_and_bounded(hostile):
    page = renderer("html")([hostile])
    assert "<script>alert" not in page and "\x1b" not in page and "\u202e" not in page
    assert "⟨U+202E⟩" in page and "bundle-table" in page
    assert len(page) < 2_000_000


@pytest.mark.parametrize("name", ["hostile-label", "long-url"])
@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_hostile_samples_stay_bounded(reports, name, fmt):
    text = renderer(fmt)([reports[name]])
    assert max(len(line) for line in text.splitlines()) < 5000
    assert "\x1b" not in text
    if name == "long-url":
        section = _section(_plain(text) if fmt == "markdown" else text, SERVERS)
        assert "api.quickcash.example" in section and "…" in section  # the 256 KiB URL is clipped here too
        assert len(section) < 5000
