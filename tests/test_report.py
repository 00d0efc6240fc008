"""Report writers: JSON contract and determinism, escaping of hostile strings in Markdown and tables."""

from __future__ import annotations

import dataclasses
import json
from importlib import resources

import jsonschema
import pytest

from apkaudit.audit import audit
from apkaudit.policy import load as policy_load
from apkaudit.report import json_report, markdown, table
from tests.conftest import corpus_apk, sample_apk

SCHEMA = json.loads(resources.files("apkaudit").joinpath("schemas/report-v1.json").read_text("utf-8"))
POLICY = policy_load.load("cn-pipl-loan")


@pytest.mark.parametrize("name", ["harvest-loan", "compliant-loan", "unused-contacts", "code-patterns"])
def test_json_validates_against_the_schema(name):
    doc = json.loads(json_report.render([audit(sample_apk(name), [POLICY])]))
    jsonschema.Draft202012Validator(SCHEMA).validate(doc)
    assert doc["schema"] == "apkaudit/report/v1" and doc["tool"]["name"] == "apkaudit"
    assert doc["policy"]["id"] == "cn-pipl-loan"
    assert doc["catalogs"]["permissions"].startswith("2026.11.29 sha256:")


@pytest.mark.corpus
def test_corpus_json_validates():
    doc = json.loads(json_report.render([audit(corpus_apk("appium-settings-8.0.10.apk"), [POLICY])]))
    jsonschema.Draft202012Validator(SCHEMA).validate(doc)


def test_same_apk_same_bytes(run, tmp_path):
    apk = str(sample_apk("harvest-loan"))
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    assert run("scan", apk, "--format", "json", "-o", str(a)).exit_code == 0
    assert run("scan", apk, "--format", "json", "-o", str(b)).exit_code == 0
    assert a.read_bytes() == b.read_bytes()


HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(2)> [x](javascript:alert(3)) \u202eevil | ` \x1b[2J'


def _hostile_report():
    r = audit(sample_apk("harvest-loan"), [POLICY])
    app = dataclasses.replace(r.facts.app, label=HOSTILE, package=HOSTILE)
    return dataclasses.replace(r, facts=dataclasses.replace(r.facts, app=app))


def test_markdown_escapes_app_strings():
    md = markdown.render([_hostile_report()])
    assert "<script>" not in md and "<img" not in md
    assert "](javascript:" not in md
    assert "\x1b" not in md and "\u202e" not in md
    assert "&lt;script&gt;" in md
    for line in md.splitlines():
        if line.startswith("| Package"):
            assert line.count(" | ") == 1  # the hostile '|' did not add a column


def test_table_strips_terminal_control_characters():
    text = table.render([_hostile_report()])
    assert "\x1b" not in text and "\u202e" not in text


def test_markdown_shows_citation_and_manifest_only_wording():
    md = markdown.render([audit(sample_apk("unused-contacts"), [POLICY])])
    assert "CN\\-LOAN\\-CONTACTS" in md
    assert "manifest only" in md
    assert "第五条（十二）" in md
