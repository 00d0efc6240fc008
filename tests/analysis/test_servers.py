"""Where the data goes (issue 19): server inventory, cleartext configuration, destinations and their findings."""

from __future__ import annotations

import functools
import json
import time
from pathlib import Path

import jsonschema
import pytest

from apkaudit.analysis import servers
from apkaudit.apk import ApkArchive
from apkaudit.audit import gather_facts, judge, load_dex
from apkaudit.facts import network_config
from apkaudit.facts.geoip import GeoIP
from apkaudit.facts.manifest import open_androguard, read_manifest
from apkaudit.model import NetworkSecurity
from apkaudit.policy.load import load as load_policy
from apkaudit.report import json_report
from tests.conftest import CORPUS, ROOT, sample_apk

LEAKY_TRUST_ALL = (
    "Lorg/apkaudit/sample/leaky/TrustAll;->checkServerTrusted([Ljava/security/cert/X509Certificate;Ljava/lang/String;)V"
)


# ------------------------------------------------------------------------------- parsing and the catalogue


@pytest.mark.parametrize(
    ("value", "kind", "host"),
    [
        ("http://203.0.113.7:8080/api/v1/contacts", "url", "203.0.113.7"),
        ("https://t.appsflyer.com/api/v6.0/androidevent", "url", "t.appsflyer.com"),
        ("api.quickcash.com", "host", "api.quickcash.com"),
        ("203.0.113.7:9000", "ip", "203.0.113.7"),
        ("https://api.flashloan.example/v2/", "url", "api.flashloan.example"),
    ],
)
def test_parse_servers(value: str, kind: str, host: str) -> None:
    parsed = servers.parse(value)
    assert parsed is not None and (parsed.kind, parsed.host) == (kind, host)


@pytest.mark.parametrize(
    "value",
    [
        "com.example.app",  # a package name
        "user.country",  # a Java property whose last label is also a TLD
        "config.json",
        "http://javax.xml.transform.dom.DOMSource/feature",  # a JAXP feature id
        "1.2.3",
        "0.0.0.0",
        "content://sms/inbox",
    ],
)
def test_not_servers(value: str) -> None:
    assert servers.parse(value) is None


@pytest.mark.parametrize(
    "url",
    [
        "http://schemas.android.com/apk/res/android",
        "http://www.w3.org/2000/svg",
        "http://www.apache.org/licenses/LICENSE-2.0",
        "http://xmlpull.org/v1/doc/features.html#process-namespaces",
        "https://www.googleapis.com/auth/drive",
    ],
)
def test_namespace_and_licence_urls_are_ignored_by_the_catalogue(url: str) -> None:
    parsed = servers.parse(url)
    assert parsed is None or servers.ignored(url, parsed.host)


def test_registrable_domain_and_collectors() -> None:
    assert servers.registrable_domain("api.foo.example.co.uk") == "example.co.uk"
    assert servers.registrable_domain("203.0.113.7") is None
    assert servers.collector_of("t.appsflyer.com") == "appsflyer"
    assert servers.collector_of("notappsflyer.com") is None
    assert servers.collector_of("api.quickcash.example") is None


def test_cleartext_permitted_most_specific_rule_wins() -> None:
    net = NetworkSecurity(
        cleartext_default=False, cleartext_domains=("*.cdn.example", "203.0.113.7"), tls_domains=("secure.cdn.example",)
    )
    assert network_config.cleartext_permitted(net, "203.0.113.7")
    assert network_config.cleartext_permitted(net, "img.cdn.example")
    assert not network_config.cleartext_permitted(net, "secure.cdn.example")
    assert not network_config.cleartext_permitted(net, "api.example")
    assert network_config.cleartext_permitted(NetworkSecurity(cleartext_default=True), None)


def test_geoip_csv(tmp_path: Path) -> None:
    path = tmp_path / "geo.csv"
    path.write_text("start,end,country\n203.0.113.0,203.0.113.255,SG\n198.51.100.0/24,in\n", encoding="utf-8")
    geo = GeoIP(path)
    assert geo.country("203.0.113.7") == "SG"
    assert geo.country("198.51.100.23") == "IN"
    assert geo.country("192.0.2.1") is None
    assert geo.country("api.example.com") is None


# ------------------------------------------------------------------------------- the leaky-servers sample


@functools.cache
def _leaky(geo: bool = True):  # type: ignore[no-untyped-def]
    country = {"203.0.113.7": "SG"}.get if geo else None

    class _Geo:
        def country(self, host: str) -> str | None:
            return country(host) if country else None

    return gather_facts(sample_apk("leaky-servers"), geoip=_Geo())  # type: ignore[arg-type]


@pytest.mark.samples
def test_leaky_network_config() -> None:
    net = _leaky().servers.network
    assert net.config == "res/xml/network_security_config.xml"
    assert net.cleartext_default is False  # base-config, targetSdk 33
    assert net.cleartext_domains == ("203.0.113.7",)
    assert net.user_certificates is True
    assert LEAKY_TRUST_ALL in net.trust_all
    assert (
        "Lorg/apkaudit/sample/leaky/AcceptAllHostnames;->verify(Ljava/lang/String;Ljavax/net/ssl/SSLSession;)Z"
        in net.trust_all
    )


@pytest.mark.samples
def test_leaky_inventory() -> None:
    sf = _leaky().servers
    by_value = {s.value: s for s in sf.servers}
    ip = by_value["http://203.0.113.7:8080/api/v1/contacts"]
    assert (ip.ip, ip.port, ip.cleartext, ip.cleartext_permitted, ip.country) == (True, 8080, True, True, "SG")
    assert ip.owner == "first-party" and ip.used_by == ("Lorg/apkaudit/sample/leaky/ContactsUpload;->run()V",)
    af = by_value["https://t.appsflyer.com/api/v6.0/androidevent"]
    assert (af.owner, af.collector, af.domain) == ("appsflyer", "appsflyer", "appsflyer.com")
    assert by_value["https://api.flashloan.example/v2/"].found_in == ("@string/api_base",)
    assert by_value["http://198.51.100.23:9000/h5/apply"].found_in == ("assets/web/app.js",)
    assert not any("schemas.android.com" in v or "w3.org" in v for v in by_value)
    assert sf.ignored >= 2  # the namespace string in the SDK stand-in and the SVG namespace in app.js


@pytest.mark.samples
def test_leaky_destinations() -> None:
    dest = {d.host: d for d in _leaky().servers.destinations}
    assert set(dest) == {"203.0.113.7", "api.flashloan.example", "t.appsflyer.com"}
    bare = dest["203.0.113.7"]
    assert bare.categories == ("contacts", "sms") and bare.cleartext and bare.ip and bare.country == "SG"
    assert bare.trust_all == ()
    tls = dest["api.flashloan.example"]
    assert tls.categories == ("call_log",) and not tls.cleartext and LEAKY_TRUST_ALL in tls.trust_all
    sdk = dest["t.appsflyer.com"]
    assert (sdk.categories, sdk.owner, sdk.collector) == (("phone_ids",), "appsflyer", "appsflyer")


@pytest.mark.samples
def test_leaky_findings_and_json() -> None:
    policy = load_policy(str(ROOT / "policies" / "cn-pipl-loan.yaml"))
    report = judge(_leaky(), [policy])
    found = {(f.rule, f.category) for f in report.verdicts[0].findings}
    assert {("CN-LOAN-CLEARTEXT", "contacts"), ("CN-LOAN-CLEARTEXT", "sms")} <= found
    assert {("CN-LOAN-BARE-IP", "contacts"), ("CN-LOAN-TRUST-ALL", "call_log"), ("CN-LOAN-ABROAD", "contacts")} <= found
    assert ("CN-LOAN-CLEARTEXT", "call_log") not in found and ("CN-LOAN-TRUST-ALL", "contacts") not in found
    doc = json.loads(json_report.render([report]))
    schema = json.loads((ROOT / "apkaudit" / "schemas" / "report-v1.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(doc)
    flows = [f for a in doc["data_access"] for s in a["sites"] for f in s["flows"]]
    assert {"host": "203.0.113.7", "scheme": "http", "cleartext": True, "built_at_run_time": False} in [
        f["destination"] for f in flows
    ]


@pytest.mark.samples
def test_harvest_destination_is_named() -> None:
    facts = gather_facts(sample_apk("harvest-loan"))
    dest = facts.servers.destinations
    assert [(d.host, d.categories, d.cleartext) for d in dest] == [
        ("api.quickcash.example", ("call_log", "contacts", "phone_ids", "sms"), False)
    ]


# ------------------------------------------------------------------------------- the public corpus


@pytest.mark.corpus
@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.apk")) or ["none"])
def test_corpus_inventory_lists_no_namespace_url(name: str) -> None:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip("public corpus not present")
    archive = ApkArchive.open(path)
    apk = open_androguard(archive)
    manifest = read_manifest(archive, apk)
    dexes = load_dex(archive)
    start = time.monotonic()
    net = network_config.read(archive, apk, manifest.app.target_sdk)
    sf = servers.gather(archive, apk, dexes, (), net)
    assert time.monotonic() - start < 30
    for s in sf.servers:
        assert "schemas.android.com" not in s.value and "w3.org" not in s.value, s.value
        assert "xmlpull.org" not in s.value and "/licenses/" not in s.value, s.value
        assert not s.value.startswith("http://javax.xml"), s.value
    assert len(sf.servers) <= sf.cap


def test_the_plain_public_suffix_list_answers_like_the_full_one():
    """Names with no IDN label get the list without punycode forms: those forms are the only difference,
    each has an xn-- label such a name cannot meet, and the deepest rule is the same."""
    full, plain = servers._psl(), servers._psl_plain()
    extra = full._publicsuffix - plain._publicsuffix
    assert plain._publicsuffix <= full._publicsuffix and plain._maxlabel == full._maxlabel
    assert extra and all(any(label.startswith("xn--") for label in r.lstrip("!").split(".")) for r in extra)
    for host in ("api.example.co.uk", "a.b.github.io", "x.city.kobe.jp", "www.ck", "foo.bar.invalid", "com"):
        assert plain.privatesuffix(host) == full.privatesuffix(host), host
    assert servers.registrable_domain("www.xn--fiqs8s") == full.privatesuffix("www.xn--fiqs8s")
    assert servers.registrable_domain("www.食狮.中国") == "食狮.中国" == full.privatesuffix("www.食狮.中国")


def test_the_plain_public_suffix_list_read_line_by_line_holds_the_rules_of_the_whole_file():
    """_psl_plain parses the bundled file line by line (memory); the rules are those of the file read at once."""
    from publicsuffixlist import PSLFILE, PublicSuffixList

    with open(PSLFILE, "rb") as source:
        whole = PublicSuffixList(source.read(), accept_unknown=False, accept_encoded_idn=False)
    plain = servers._psl_plain()
    assert plain._publicsuffix == whole._publicsuffix and len(plain._publicsuffix) > 5000
    assert plain._maxlabel == whole._maxlabel


class _Strings:
    """A DEX stand-in holding only a string table (what scan_dex reads of it)."""

    name = "classes.dex"

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self.data = b"\x00" + b"".join(bytes([len(t)]) + t.encode() + b"\x00" for t in texts)

    def strings_with_prefix(self, prefix: str) -> list[int]:
        return [i for i, t in enumerate(self.texts) if t.startswith(prefix)]

    def find_string(self, text: str) -> int | None:
        return self.texts.index(text) if text in self.texts else None

    def string(self, i: int) -> str:
        return self.texts[i]

    def code_users(self, strings: object = None) -> dict[int, list[object]]:
        return {}

    def string_data_span(self) -> tuple[int, int]:
        return (1, len(self.data))


def test_adjacent_host_names_in_the_string_table_are_all_found() -> None:
    from apkaudit.analysis.servers import Inventory, scan_dex

    inventory = Inventory()
    scan_dex([_Strings(["api.quickloan.com", "cdn.quickloan.com", "log.quickloan.com"])], inventory)  # type: ignore[list-item]
    assert sorted(inventory.entries) == ["api.quickloan.com", "cdn.quickloan.com", "log.quickloan.com"]
