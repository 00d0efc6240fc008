"""The command line as a user runs it: formats, output files, exit codes."""

from __future__ import annotations

import json

from tests.conftest import sample_apk


def test_default_table_names_app_grade_and_citations(run):
    result = run("scan", str(sample_apk("harvest-loan")))
    assert result.exit_code == 0
    out = result.stdout
    assert "Quick Cash 快速借款 (org.apkaudit.sample.harvestloan)" in out
    assert "Grade " in out and "cn-pipl-loan" in out
    assert "CN-LOAN-CONTACTS" in out and "第五条（十二）" in out


def test_fail_on_exit_code(run):
    apk = str(sample_apk("harvest-loan"))
    assert run("scan", apk, "--fail-on", "high").exit_code == 1
    compliant = str(sample_apk("compliant-loan"))
    assert run("scan", compliant, "--fail-on", "high").exit_code == 0


def test_output_file_and_formats(run, tmp_path):
    apk = str(sample_apk("unused-contacts"))
    out = tmp_path / "r.md"
    assert run("scan", apk, "--format", "markdown", "-o", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# Budget Notes")
    result = run("scan", apk, "--format", "json")
    assert json.loads(result.stdout)["app"]["package"] == "org.apkaudit.sample.unusedperm"


def test_several_apks_give_a_json_array_in_order(run):
    a, b = str(sample_apk("compliant-loan")), str(sample_apk("harvest-loan"))
    docs = json.loads(run("scan", a, b, "--format", "json").stdout)
    assert [d["app"]["path"] for d in docs] == [a, b]


def test_policy_by_path(run):
    from apkaudit.policy.load import available

    result = run("scan", str(sample_apk("compliant-loan")), "--policy", str(available()["cn-pipl-loan"]))
    assert result.exit_code == 0


def test_bad_policy_is_an_error_before_any_scan(run, tmp_path):
    bad = tmp_path / "p.yaml"
    bad.write_text("schema: apkaudit/policy/v1\n", encoding="utf-8")
    result = run("scan", str(sample_apk("compliant-loan")), "--policy", str(bad))
    assert result.exit_code == 2 and str(bad) in result.stderr and result.stdout == ""
