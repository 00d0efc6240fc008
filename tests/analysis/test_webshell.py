"""Issue 15, web shells: what a remote page is allowed to take.

samples/src/shell-cordova (Page Loan): Cordova config.xml loads http://m.pageloan.example/apply/index.html, trusts
every origin, and declares the Contacts plugin, whose stand-in class reads the whole address book; its bundled page
calls navigator.contacts.find. shell-dcloud (Plus Loan): a DCloud manifest whose launch_path is a remote http://
page with the Contacts, Messaging and Invocation (Native.js) permissions. shell-jsbridge (Bridge Loan): a WebView
loading http://h5.bridgeloan.example/apply with a home-made @JavascriptInterface bridge whose getSms() returns the
SMS inbox. shell-local (Help Desk): the negative twin, a WebView showing a bundled help page with no bridge.
"""

from __future__ import annotations

import json

import jsonschema
import pytest

from apkaudit.analysis import webshell
from apkaudit.audit import gather_facts, judge
from apkaudit.model import Evidence, Facts
from apkaudit.policy import load as policy_load
from apkaudit.report import json_report
from tests.conftest import ROOT, sample_apk

POLICY = policy_load.load("cn-pipl-loan")


@pytest.fixture(scope="module")
def facts() -> dict[str, Facts]:
    return {n: gather_facts(sample_apk(n)) for n in ("shell-cordova", "shell-dcloud", "shell-jsbridge", "shell-local")}


def _rules(f: Facts) -> set[tuple[str, str]]:
    return {(x.rule, x.category) for x in judge(f, [POLICY]).verdicts[0].findings}


def test_cordova_shell(facts: dict[str, Facts]) -> None:
    shell = facts["shell-cordova"].webshell
    assert shell is not None and shell.runtimes == ("cordova",)
    (page,) = shell.pages
    assert page.url == "http://m.pageloan.example/apply/index.html" and page.remote and page.cleartext
    assert page.found_in == "res/xml/config.xml <content src>"
    assert shell.trusted == ("*", "http://*.pageloan.example/*")
    contacts = next(p for p in shell.powers if p.name == "Contacts")
    assert contacts.via == "cordova_plugin" and contacts.categories == ("contacts",)
    assert contacts.entries == (
        "Lorg/apache/cordova/contacts/ContactManager;->execute"
        "(Ljava/lang/String;Lorg/json/JSONArray;Lorg/apache/cordova/CallbackContext;)Z",
    )
    assert [s[1].split("->")[1] for s in contacts.sites] == ["search(Lorg/apache/cordova/CallbackContext;)V"]
    assert not any(p.name == "Whitelist" for p in shell.powers)  # opens no personal data
    (call,) = shell.script_calls
    assert (call.file, call.call) == ("assets/www/index.html", "navigator.contacts.find")
    assert call.categories == ("contacts",)
    assert call.line == 8
    access = facts["shell-cordova"].access("contacts")
    assert access is not None and access.evidence is Evidence.TRANSMITTED
    (site,) = access.sites
    assert site.owner == "cordova"  # the framework's plugin reads, the page asks
    assert site.entry_kind == webshell.ENTRY_CLEARTEXT and site.entry_point == contacts.entries[0]
    assert len(site.path) == 2  # plugin entry -> the read, not a walk through the runtime
    assert [f.endpoint for f in site.flows] == [page.url]
    rules = _rules(facts["shell-cordova"])
    assert {("CN-LOAN-WEB-PAGE", "contacts"), ("CN-LOAN-WEB-PAGE-HTTP", "contacts")} <= rules
    assert ("CN-LOAN-CLEARTEXT", "contacts") in rules  # the page's host is a cleartext destination


def test_dcloud_shell(facts: dict[str, Facts]) -> None:
    shell = facts["shell-dcloud"].webshell
    assert shell is not None and shell.runtimes == ("dcloud",)
    (page,) = shell.pages
    assert page.url == "http://h5.plusloan.example/index.html" and page.cleartext
    assert page.found_in.endswith("www/manifest.json launch_path")
    assert shell.trusted == ("http://*.plusloan.example",)
    powers = {p.name: p for p in shell.powers}
    assert set(powers) == {"Contacts", "Messaging", "Invocation"}  # UIWidget opens nothing
    assert powers["Invocation"].categories == ("contacts", "sms")  # Native.js: whatever the permissions allow
    assert "any Java API" in powers["Invocation"].says
    assert powers["Messaging"].categories == ("sms",) and not powers["Messaging"].sites
    assert [s[0] for s in powers["Contacts"].sites] == ["contacts"]
    access = facts["shell-dcloud"].access("contacts")
    assert access is not None and access.evidence is Evidence.TRANSMITTED
    assert access.sites[0].owner == "dcloud" and access.sites[0].entry_kind == webshell.ENTRY_CLEARTEXT
    rules = _rules(facts["shell-dcloud"])
    assert {("CN-LOAN-WEB-PAGE", "contacts"), ("CN-LOAN-WEB-PAGE-HTTP", "contacts")} <= rules


def test_javascript_bridge(facts: dict[str, Facts]) -> None:
    shell = facts["shell-jsbridge"].webshell
    assert shell is not None and shell.runtimes == ("plain_webview",)
    (page,) = shell.pages
    assert page.url == "http://h5.bridgeloan.example/apply" and page.cleartext
    assert page.found_in == "Lorg/apkaudit/sample/shelljsbridge/MainActivity;->onCreate(Landroid/os/Bundle;)V"
    powers = {p.name: p for p in shell.powers}
    assert set(powers) == {"JsBridge.getSms", "JsBridge.getAppVersion"}
    assert powers["JsBridge.getSms"].categories == ("sms",) and powers["JsBridge.getAppVersion"].categories == ()
    access = facts["shell-jsbridge"].access("sms")
    assert access is not None and access.evidence is Evidence.TRANSMITTED
    (site,) = access.sites
    assert site.entry_point == "Lorg/apkaudit/sample/shelljsbridge/JsBridge;->getSms()Ljava/lang/String;"
    assert site.owner == "first-party" and site.entry_kind == webshell.ENTRY_CLEARTEXT
    assert {("CN-LOAN-WEB-PAGE-HTTP", "sms"), ("CN-LOAN-WEB-PAGE", "sms")} <= _rules(facts["shell-jsbridge"])


def test_local_page_is_no_shell(facts: dict[str, Facts]) -> None:
    f = facts["shell-local"]
    assert f.webshell is None
    assert not any(r.startswith("CN-LOAN-WEB-PAGE") for r, _ in _rules(f))


def test_json_report_fits_the_schema(facts: dict[str, Facts]) -> None:
    schema = json.loads((ROOT / "apkaudit" / "schemas" / "report-v1.json").read_text(encoding="utf-8"))
    for name in ("shell-cordova", "shell-local"):
        doc = json.loads(json_report.render([judge(facts[name], [POLICY])]))
        doc = doc[0] if isinstance(doc, list) else doc
        jsonschema.validate(doc, schema)
        assert (doc["webshell"] is None) == (name == "shell-local")


def test_page_kind_prefers_a_cleartext_page() -> None:
    from apkaudit.model import WebPage, WebShell

    shell = WebShell(pages=(WebPage("index.html", "x", False), WebPage("https://a.example/", "y", True)))
    assert webshell.page_kind(shell)[0] == webshell.ENTRY_REMOTE
    assert webshell.page_kind(None) == (webshell.ENTRY_PAGE, None)
    blocked = WebShell(pages=(WebPage("http://a.example/", "y", True, True, False),))
    assert webshell.page_kind(blocked)[0] == webshell.ENTRY_REMOTE  # the config forbids cleartext: not in the clear
