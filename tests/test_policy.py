"""Rule books: the shipped one validates; every kind of mistake is reported with file, line and key."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from apkaudit.errors import PolicyError
from apkaudit.policy import load as policy_load

SHIPPED = Path(__file__).resolve().parents[1] / "policies" / "cn-pipl-loan.yaml"


def test_shipped_rule_books_load():
    ids = policy_load.available()
    assert "cn-pipl-loan" in ids
    p = policy_load.load("cn-pipl-loan")
    assert p.ref.id == "cn-pipl-loan" and len(p.ref.sha256) == 64
    cats = {r.category for r in p.rules}
    assert {"contacts", "call_log", "sms", "location", "camera", "phone_ids"} <= cats
    for r in p.rules:
        assert r.citation.quote and r.citation.article and r.citation.instrument
        assert r.message_en and r.message_zh
    # rules on data (not on behaviours such as reading at launch) prohibit exactly the third parties' data
    prohibited = {r.category for r in p.rules if r.verdict == "prohibited" and len(r.categories) == 1}
    assert prohibited == {"contacts", "call_log", "sms"}


def _broken(tmp_path, mutate) -> Path:
    doc = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))
    mutate(doc)
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_typo_in_a_key_names_file_line_and_key(tmp_path):
    path = _broken(tmp_path, lambda d: d["rules"][2].update({"sevrity": d["rules"][2].pop("severity")}))
    with pytest.raises(PolicyError) as exc:
        policy_load.load(str(path))
    msg = str(exc.value)
    assert msg.startswith(f"{path}:{_line_of(path, 'sevrity')}: rules[2].sevrity: unknown key 'sevrity'"), msg


def test_unknown_category(tmp_path):
    path = _broken(tmp_path, lambda d: d["rules"][0].update(category="contact_book"))
    with pytest.raises(PolicyError, match=r"rules\[0\]\.category: unknown category 'contact_book'"):
        policy_load.load(str(path))


def test_missing_citation(tmp_path):
    path = _broken(tmp_path, lambda d: d["rules"][1].pop("citation"))
    with pytest.raises(PolicyError, match=r"rules\[1\]: 'citation' is missing"):
        policy_load.load(str(path))


def test_citation_of_an_unknown_instrument(tmp_path):
    path = _broken(tmp_path, lambda d: d["rules"][0]["citation"].update(instrument="nope"))
    with pytest.raises(PolicyError, match=r"rules\[0\]\.citation\.instrument: 'nope' is not one of"):
        policy_load.load(str(path))


def test_bad_severity_value(tmp_path):
    path = _broken(tmp_path, lambda d: d["rules"][3].update(severity="urgent"))
    with pytest.raises(PolicyError, match=r"rules\[3\]\.severity"):
        policy_load.load(str(path))


def test_yaml_syntax_error_has_a_line(tmp_path):
    path = tmp_path / "syntax.yaml"
    path.write_text("schema: apkaudit/policy/v1\nid: [unclosed\n", encoding="utf-8")
    with pytest.raises(PolicyError, match=rf"{path}:\d+: YAML syntax error"):
        policy_load.load(str(path))


def test_unsafe_yaml_tags_are_refused(tmp_path):
    path = tmp_path / "evil.yaml"
    path.write_text("!!python/object/apply:os.system ['touch pwned']\n", encoding="utf-8")
    with pytest.raises(PolicyError, match="YAML syntax error"):
        policy_load.load(str(path))
    assert not Path("pwned").exists()


def test_unknown_policy_id():
    with pytest.raises(PolicyError, match="no such rule book"):
        policy_load.load("xx-nowhere")


def test_cli_validate(run, tmp_path):
    ok = run("policies", "validate", str(SHIPPED))
    assert ok.exit_code == 0 and "ok (cn-pipl-loan" in ok.stdout
    bad = _broken(tmp_path, lambda d: d.update(titel="x"))
    result = run("policies", "validate", str(bad))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"apkaudit: error: {bad}:{_line_of(bad, 'titel')}: titel: unknown key 'titel'"


def test_cli_list_and_show(run):
    listed = run("policies", "list")
    assert listed.exit_code == 0 and "cn-pipl-loan" in listed.stdout
    shown = run("policies", "show", "cn-pipl-loan")
    assert shown.exit_code == 0
    assert "CN-LOAN-CONTACTS" in shown.stdout and "Evidence factors" in shown.stdout
    assert "《常见类型移动互联网应用程序必要个人信息范围规定》" in shown.stdout
