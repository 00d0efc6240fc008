"""An APK's strings are unbounded: every writer a person reads bounds them, and the JSON keeps each long one once.

samples/apk/long-url.apk is harvest-loan with its upload URL made 262,195 characters long (a 256 KiB token):
before these bounds the table took a minute (tabulate's word wrapping is superlinear in an unbroken word)
and the JSON and Markdown repeated the URL in every flow (5 MB for an 8 KB APK).
"""

from __future__ import annotations

import hashlib
import json

import jsonschema
import pytest

from apkaudit.audit import audit
from apkaudit.policy import load as policy_load
from apkaudit.report import renderer
from apkaudit.report.json_report import LONG_STRING
from apkaudit.report.text import MAX_SHOWN, bounded
from tests.conftest import ROOT, sample_apk

URL_PREFIX = "https://api.quickcash.example/v1/risk/upload?token=AAAA"
URL_LENGTH = len("https://api.quickcash.example/v1/risk/upload?token=") + 256 * 1024


@pytest.fixture(scope="module")
def report():
    return audit(sample_apk("long-url"), [policy_load.load("cn-pipl-loan")])


def test_bounded_keeps_short_text_and_cuts_long_text_with_its_length():
    assert bounded("short") == "short"
    cut = bounded("x" * 10_000)
    assert cut.startswith("x" * MAX_SHOWN + "…") and cut.endswith("(10,000 characters)")


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_people_read_bounded_lines(report, fmt):
    text = renderer(fmt)([report])
    plain = text.replace("\\", "")  # Markdown escapes
    assert URL_PREFIX in plain  # the URL is still named...
    assert f"({URL_LENGTH:,} characters)" in plain  # ...with its real length
    assert max(len(line) for line in text.splitlines()) < 5000
    assert len(text) < 100_000


def test_html_page_is_bounded(report):
    page = renderer("html")([report])
    assert "api.quickcash.example" in page
    assert len(page) < 200_000


def test_json_keeps_each_long_string_once_and_whole(report):
    text = renderer("json")([report])
    doc = json.loads(text)
    (key, whole), *others = doc["long_strings"].items()
    assert not others
    assert len(whole) == URL_LENGTH and whole.startswith(URL_PREFIX)
    assert key == "sha256:" + hashlib.sha256(whole.encode()).hexdigest()
    assert text.count(whole) == 1  # stored once, however many flows send to it
    endpoints = [f["endpoint"] for d in doc["data_access"] for s in d["sites"] for f in s["flows"] if f["endpoint"]]
    assert endpoints and all(e.startswith(URL_PREFIX[:40]) and key in e and len(e) < LONG_STRING for e in endpoints)
    assert len(text) < URL_LENGTH + 200_000
    schema = json.loads((ROOT / "apkaudit" / "schemas" / "report-v1.json").read_text(encoding="utf-8"))
    jsonschema.validate(doc, schema)


def test_reports_without_long_strings_have_no_table(run):
    result = run("scan", str(sample_apk("harvest-loan")), "--format", "json")
    assert "long_strings" not in json.loads(result.stdout)
