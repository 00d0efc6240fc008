"""Rule cases (policies/cases/<id>.yaml): every case of every shipped rule book passes, every rule has a case,
the cases name only rules that exist, and a wrong expectation is caught."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from apkaudit.errors import PolicyError
from apkaudit.policy import cases as policy_cases
from apkaudit.policy import load as policy_load

BOOKS = sorted(policy_load.available())


def _cases(book: str) -> policy_cases.CaseFile:
    policy = policy_load.load(book)
    return policy_cases.load_cases(policy_cases.cases_path(policy), policy)


ALL_CASES = [(book, n) for book in BOOKS for n in range(len(_cases(book).cases))]


@pytest.mark.parametrize(("book", "n"), ALL_CASES, ids=[f"{b}-{n}" for b, n in ALL_CASES])
def test_case(book, n):
    policy = policy_load.load(book)
    case_file = _cases(book)
    (outcome,) = policy_cases.run(policy, policy_cases.CaseFile(case_file.path, book, (case_file.cases[n],)))
    assert outcome.passed, f"{outcome.case.where}: {outcome.case.description}: {'; '.join(outcome.problems)}"


@pytest.mark.parametrize("book", BOOKS)
def test_every_rule_has_a_case(book):
    policy = policy_load.load(book)
    assert policy_cases.uncovered(policy, _cases(book)) == []


@pytest.mark.parametrize("book", BOOKS)
def test_every_case_file_has_rules_that_fire_and_rules_that_must_not(book):
    case_file = _cases(book)
    assert any(c.expect for c in case_file.cases) and any(c.expect_absent for c in case_file.cases)


CASES = """\
schema: apkaudit/policy-cases/v1
policy: ke-cbk-digital-credit
cases:
  - description: reads the phone book
    facts:
      permissions: [READ_CONTACTS]
      data:
        contacts: [{evidence: reachable, pattern: bulk}]
    expect: [KE-CBK-CONTACTS]
"""


def _run(tmp_path: Path, text: str):
    path = tmp_path / "cases.yaml"
    path.write_text(text, encoding="utf-8")
    policy = policy_load.load("ke-cbk-digital-credit")
    return path, policy, policy_cases.run(policy, policy_cases.load_cases(path, policy))


def test_a_wrong_expectation_fails(tmp_path):
    _, _, (ok,) = _run(tmp_path, CASES)
    assert ok.passed
    _, _, (wrong,) = _run(tmp_path, CASES.replace("expect:", "expect_absent:"))
    assert not wrong.passed and "expected no KE-CBK-CONTACTS, found KE-CBK-CONTACTS" in wrong.problems[0]
    _, _, (severity,) = _run(tmp_path, CASES.replace("[KE-CBK-CONTACTS]", "[{rule: KE-CBK-CONTACTS, severity: low}]"))
    assert not severity.passed and "expected KE-CBK-CONTACTS (low), not found" in severity.problems


def test_a_case_may_not_name_a_rule_that_does_not_exist(tmp_path):
    with pytest.raises(PolicyError, match=r"cases\[0\]\.expect\[0\]: 'KE-CBK-CONTACT' is not a rule of") as exc:
        _run(tmp_path, CASES.replace("[KE-CBK-CONTACTS]", "[KE-CBK-CONTACT]"))
    assert ":9: " in str(exc.value)


def test_cases_for_another_rule_book_are_refused(tmp_path):
    with pytest.raises(PolicyError, match=r"policy: these cases are for 'cn-pipl-loan'"):
        _run(tmp_path, CASES.replace("policy: ke-cbk-digital-credit", "policy: cn-pipl-loan"))


def test_cases_schema_errors_name_line_and_key(tmp_path):
    with pytest.raises(
        PolicyError, match=r"cases\.yaml:8: cases\[0\]\.facts\.data\.contacts\[0\]\.evidence: 'declared'"
    ):
        _run(tmp_path, CASES.replace("evidence: reachable", "evidence: declared"))
    with pytest.raises(PolicyError, match=r"unknown category 'contact'"):
        _run(tmp_path, CASES.replace("contacts: [", "contact: ["))


def test_cli_policies_test(run, tmp_path):
    ok = run("policies", "test", "cn-pipl-loan")
    assert ok.exit_code == 0 and "cases pass" in ok.stdout and "FAIL" not in ok.stdout
    path, _, _ = _run(tmp_path, CASES.replace("expect:", "expect_absent:"))
    failed = run("policies", "test", "ke-cbk-digital-credit", "--cases", str(path))
    assert failed.exit_code == 1
    assert "FAIL" in failed.stdout and "rules without a case: KE-CBK-CONTACTS" in failed.stdout


def test_cli_policies_test_of_a_new_rule_book_next_to_its_cases(run, tmp_path):
    (tmp_path / "cases").mkdir()
    book = (Path(policy_load.available()["ke-cbk-digital-credit"])).read_text(encoding="utf-8")
    (tmp_path / "my-book.yaml").write_text(book.replace("id: ke-cbk-digital-credit", "id: my-book"), encoding="utf-8")
    shipped = Path(policy_load.available()["ke-cbk-digital-credit"]).parent / "cases" / "ke-cbk-digital-credit.yaml"
    cases = shipped.read_text(encoding="utf-8").replace("policy: ke-cbk-digital-credit", "policy: my-book")
    (tmp_path / "cases" / "my-book.yaml").write_text(cases, encoding="utf-8")
    result = run("policies", "test", str(tmp_path / "my-book.yaml"))
    assert result.exit_code == 0, result.stdout + result.stderr
    n = cases.count("- description:")
    assert result.stdout.strip().endswith(f"{n} of {n} cases pass")


def test_missing_cases_file_is_an_error(run, tmp_path):
    (tmp_path / "lonely.yaml").write_text(
        textwrap.dedent(Path(policy_load.available()["ng-fccpc-digital-lending"]).read_text(encoding="utf-8")),
        encoding="utf-8",
    )
    result = run("policies", "test", str(tmp_path / "lonely.yaml"))
    assert result.exit_code == 2 and "cannot read cases file" in result.stderr
