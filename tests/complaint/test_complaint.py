"""Evidence packs (`apkaudit complaint`, issue 20): every finding with its evidence and official citation, blanks
marked, the reproduction command reproducing the report byte for byte, hostile strings inert, batch packs."""

from __future__ import annotations

import hashlib
import html as htmllib
import shlex
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from apkaudit.audit import audit
from apkaudit.complaint import complainant, pack, run
from apkaudit.complaint.markdown import render_markdown
from apkaudit.policy import load as policy_load
from apkaudit.policy import sources
from apkaudit.report import json_report
from apkaudit.report.text import MAX_FRAME, bounded
from tests.conftest import ROOT, sample_apk

CN = policy_load.load("cn-pipl-loan")
GP = policy_load.load("google-play-personal-loan")
HARVEST = "samples/apk/harvest-loan.apk"  # relative to ROOT, as a person would type it


class Tags(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def _doc(name: str, policy) -> dict:
    return json_report.report_dict(audit(sample_apk(name), [policy]))


@pytest.fixture(scope="module")
def harvest_cn():
    return _doc("harvest-loan", CN)


@pytest.fixture(scope="module")
def harvest_gp():
    return _doc("harvest-loan", GP)


def _view(doc, policy, channel=None, lang=None, who=None):
    ch = pack.find_channel(policy, channel)
    return pack.build_view(doc, policy, ch, pack.letter_language(ch, lang), who)


def _check_every_finding(doc, page_text: str, lang: str):
    verdict = doc["verdicts"][0]
    assert verdict["findings"], "the sample must give findings"
    for f in verdict["findings"]:
        assert f["rule"] in page_text
        c = f["citation"]
        assert c["quote"] in page_text, c["quote"]
        if c["url"] and sources.is_official(c["url"]):
            assert c["url"] in page_text
        message = f["messages"].get(lang) or f["message"]
        assert " ".join(message.split()) in page_text
        for s in f["sites"][: pack.MAX_SITES]:
            assert bounded(s["method"], MAX_FRAME) in page_text
            for frame in s["path"]:
                assert bounded(frame, MAX_FRAME) in page_text
            for flow in s["flows"]:
                if flow["kind"] == "network" and flow["endpoint"]:
                    assert flow["endpoint"] in page_text


def test_cn_12377_pack_in_chinese_has_every_finding_with_evidence_and_official_citation(harvest_cn):
    view = _view(harvest_cn, CN, "12377")
    assert view["lang"] == "zh" and view["channel"]["id"] == "cac-12377" and view["kind"] == "regulator"
    page = pack.render_html(view)
    text = htmllib.unescape(page)
    assert 'lang="zh-Hans"' in page
    assert "中央网信办" in text and "12377" in text and "https://www.12377.cn" in text
    _check_every_finding(harvest_cn, text, "zh")
    # the exact build
    app = harvest_cn["app"]
    for value in (app["sha256"], app["package"], app["signer"]["sha256"], "harvest-loan.apk"):
        assert value in text
    # the destination and how it is sent
    assert "https://api.quickcash.example/v1/risk/upload" in text and "经https传输" in text
    # sections: letter, channel, annex, reproduction, limits
    for section in ("投诉信", "附件一：证据", "附件二：如何复现本证据", "附件三：静态分析不能证明的内容"):
        assert section in text
    assert "看不到读取数据前是否弹出过同意对话框" in text


def test_google_play_pack_in_english(harvest_gp):
    view = _view(harvest_gp, GP)
    assert view["lang"] == "en" and view["kind"] == "platform"
    text = htmllib.unescape(pack.render_html(view))
    _check_every_finding(harvest_gp, text, "en")
    assert "Policy violation report" in text and "policy_violation_report" in text
    assert "It cannot see whether a consent dialog was shown" in text
    md = render_markdown(view)
    for f in harvest_gp["verdicts"][0]["findings"]:
        assert f["rule"].replace("-", "\\-") in md


def test_blanks_are_marked_and_filled_from_the_complainant_file(harvest_cn, tmp_path):
    page = pack.render_html(_view(harvest_cn, CN, "12377"))
    blanks = [a for t, a in Tags(page).tags if a.get("class") == "blank"]
    assert len(blanks) >= 9
    assert "［请填写：您的姓名］" in page
    en = pack.render_html(_view(harvest_cn, CN, "12377", "en"))
    assert "[TO FILL IN: your full name]" in en
    assert "**\\[TO FILL IN: your full name\\]**" in render_markdown(_view(harvest_cn, CN, "12377", "en"))

    f = tmp_path / "me.yaml"
    f.write_text("name: 李明\ncontact: liming@example.org\ndate: 2026-03-01\nevidence: [截图14张, 录音1段]\n", "utf-8")
    who = complainant.load(f)
    assert who["date"] == "2026-03-01"
    filled = pack.render_html(_view(harvest_cn, CN, "12377", who=who))
    assert "李明" in filled and "liming@example.org" in filled and "截图14张; 录音1段" in filled
    assert "［请填写：您的姓名］" not in filled
    assert "［请填写：您的遭遇" in filled  # what the file does not give stays a blank


@pytest.mark.parametrize(
    "text, message",
    [
        ("nmae: x\n", "'nmae' is not a field"),
        ("- a\n- b\n", "expected a mapping"),
        ("name: [1, 2]\n", "name: expected text"),
        ("name: !!python/object:os.system x\n", "not valid YAML"),
        ("harm: " + "x" * 7000 + "\n", "longer than 6000"),
    ],
)
def test_bad_complainant_files_are_one_line_errors(tmp_path, text, message):
    f = tmp_path / "c.yaml"
    f.write_text(text, "utf-8")
    with pytest.raises(complainant.ComplainantError, match=message):
        complainant.load(f)


def _command_of(page: str) -> list[str]:
    start = page.index('<pre id="command">') + len('<pre id="command">')
    return shlex.split(htmllib.unescape(page[start : page.index("</pre>", start)]))


def test_reproduction_command_reproduces_the_report_byte_for_byte(tmp_path):
    out = tmp_path / "pack.html"
    env_cmd = [sys.executable, "-m", "apkaudit.cli"]
    done = subprocess.run(
        [*env_cmd, "complaint", HARVEST, "--channel", "12377", "-o", str(out)], cwd=ROOT, capture_output=True
    )
    assert done.returncode == 0, done.stderr
    page = out.read_text("utf-8")
    argv = _command_of(page)
    assert argv[:3] == ["apkaudit", "scan", HARVEST] and argv[-4:] == ["--format", "json", "-o", "report.json"]
    argv[-1] = str(tmp_path / "report.json")
    done = subprocess.run([*env_cmd, *argv[1:]], cwd=ROOT, capture_output=True)
    assert done.returncode == 0, done.stderr
    written = (tmp_path / "report.json").read_bytes()
    start = page.index('id="report-sha256">') + len('id="report-sha256">')
    assert hashlib.sha256(written).hexdigest() == page[start : start + 64]
    # and a pack made from that report says the same, with the same command
    again = tmp_path / "again.html"
    done = subprocess.run(
        [*env_cmd, "complaint", str(tmp_path / "report.json"), "--channel", "12377", "-o", str(again)],
        cwd=ROOT,
        capture_output=True,
    )
    assert done.returncode == 0, done.stderr
    assert again.read_text("utf-8") == page


def test_contradicted_policy_sentences_are_quoted():
    doc = _doc("policy-denies", CN)
    view = _view(doc, CN, "12377", "en")
    contradicted = [f for f in view["findings"] if f["rule"] == "CN-LOAN-CONTRADICTED"]
    assert contradicted and all(f["denials"] for f in contradicted)
    text = htmllib.unescape(pack.render_html(view))
    assert "The app's own privacy policy says otherwise" in text
    assert "We will not access your contacts, call log or text messages" in text


def test_hostile_label_stays_inert():
    doc = _doc("hostile-label", CN)
    assert "<script>" in doc["app"]["label"] and "\u202e" in doc["app"]["label"]
    for lang in ("zh", "en"):
        view = _view(doc, CN, "12377", lang)
        page = pack.render_html(view)
        tags = Tags(page)
        assert not [t for t, _ in tags.tags if t in ("script", "svg", "iframe", "object", "embed", "img", "form")]
        assert not [(t, k) for t, a in tags.tags for k in a if k.startswith("on")]
        hrefs = [a.get("href") or "" for t, a in tags.tags if t == "a"]
        assert all(h.startswith(("http://", "https://")) for h in hrefs), hrefs
        assert "\u202e" not in page and "⟨U+202E⟩" in page
        assert '<script>alert("label")' not in page and "&lt;script&gt;alert(&#34;label&#34;)" in page
        csp = next(a["content"] for t, a in tags.tags if a.get("http-equiv") == "Content-Security-Policy")
        assert "default-src 'none'" in csp and "script-src 'none'" in csp
        md = render_markdown(view)
        assert "<script" not in md and "\u202e" not in md.replace("⟨U+202E⟩", "")


def test_long_strings_are_bounded():
    doc = _doc("long-url", CN)
    view = _view(doc, CN, "12377", "en")
    page = pack.render_html(view)
    assert len(page) < 400_000
    assert all(len(d["endpoint"]) < 400 for f in view["findings"] for s in f["sites"] for d in s["destinations"])


def test_channels_and_errors(harvest_cn, run_cli, tmp_path):
    assert pack.find_channel(CN, "nfra-12378")["kind"] == "regulator"
    assert pack.find_channel(CN, "110")["kind"] == "police"
    assert pack.find_channel(CN, None)["id"] == "cac-12377"
    with pytest.raises(pack.ComplaintError, match="cac-12377, nfra-12378, police-110, miit-12321"):
        pack.find_channel(CN, "nope")
    police = pack.render_html(_view(harvest_cn, CN, "police-110"))
    assert "报案" in police and "民警同志" in police
    ojk = _view(
        _doc("harvest-loan", policy_load.load("id-ojk-fintech-lending")), policy_load.load("id-ojk-fintech-lending")
    )
    assert ojk["lang"] == "en" and "Indonesian" in ojk["channel"]["language_note"]
    result = run_cli("complaint", str(sample_apk("harvest-loan")), "--channel", "nope", "-o", str(tmp_path / "x.html"))
    assert result.exit_code == 2 and "has no channel 'nope'" in result.stderr
    assert not (tmp_path / "x.html").exists()
    result = run_cli("complaint", "-o", str(tmp_path / "x.html"))
    assert result.exit_code == 2


def test_pdf_without_chromium_is_a_one_line_error(monkeypatch, run_cli, tmp_path):
    from apkaudit.complaint import pdf

    monkeypatch.setattr(pdf, "chromium", lambda: None)
    result = run_cli("complaint", str(sample_apk("harvest-loan")), "--format", "pdf", "-o", str(tmp_path / "p.pdf"))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "--format pdf needs Chromium" in result.stderr


def test_batch_packs_for_grade_f_with_an_index(tmp_path):
    db = tmp_path / "results.sqlite"
    env_cmd = [sys.executable, "-m", "apkaudit.cli"]
    apks = [str(sample_apk(n)) for n in ("harvest-loan", "compliant-loan", "hostile-label")]
    done = subprocess.run([*env_cmd, "batch", *apks, "--db", str(db), "--jobs", "1"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    out = tmp_path / "packs"
    done = subprocess.run(
        [*env_cmd, "complaint", "--db", str(db), "--grade", "F", "--min-severity", "high", "-o", str(out)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    harvest = json_report.report_dict(audit(sample_apk("harvest-loan"), [CN]))
    names = sorted(p.name for p in out.iterdir())
    assert f"{harvest['app']['sha256']}.html" in names and "index.html" in names
    compliant_sha = hashlib.sha256(sample_apk("compliant-loan").read_bytes()).hexdigest()
    assert f"{compliant_sha}.html" not in names
    index = (out / "index.html").read_text("utf-8")
    assert f'href="{harvest["app"]["sha256"]}.html"' in index
    assert not [t for t, _ in Tags(index).tags if t == "script"]


def test_selection():
    v = {"grade": "E", "findings": [{"severity": "medium"}]}
    assert run.selected(v, "D", None) and not run.selected(v, "F", None)
    assert not run.selected(v, None, "high") and run.selected(v, None, "medium")
    assert not run.selected({"grade": "incomplete", "findings": []}, "F", None)
    assert run.selected({"grade": "incomplete", "findings": []}, "incomplete", None)


def test_rule_books_channel_packs_have_official_sources():
    for pid in ("cn-pipl-loan", "google-play-personal-loan", "in-rbi-digital-lending", "id-ojk-fintech-lending"):
        p = policy_load.load(pid)
        for c in p.channels:
            assert c.get("id") and c.get("kind") in pack.KINDS, (pid, c["name"])
            assert sources.is_official(c["pack"]["source_url"]), c["pack"]["source_url"]


@pytest.fixture
def run_cli():
    from click.testing import CliRunner

    from apkaudit.cli import cli

    runner = CliRunner()
    return lambda *args: runner.invoke(cli, list(args), catch_exceptions=False)


def test_written_files(tmp_path, run_cli):
    target = tmp_path / "pack.md"
    result = run_cli(
        "complaint",
        str(sample_apk("harvest-loan")),
        "--policy",
        "google-play-personal-loan",
        "--format",
        "markdown",
        "-o",
        str(target),
    )
    assert result.exit_code == 0, result.stderr
    assert target.read_text("utf-8").startswith("# Policy violation report")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert Path(target).stat().st_size > 1000
