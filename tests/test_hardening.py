"""Regression tests of issue 18 (hardening): nothing hangs, nothing is overwritten, no APK escapes its rating.

Commands that could hang (a FIFO as an input) run in a subprocess under a timeout, so a regression fails
the test instead of stopping the test run.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, sample_apk


def apkaudit(*args: str, cwd: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "apkaudit.cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=cwd,
        env=env,
        check=False,
    )


def one_line_error(proc: subprocess.CompletedProcess[str], *words: str) -> None:
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.startswith("apkaudit: error:")]
    assert lines, proc.stderr
    assert all(w in lines[0] for w in words), lines[0]


@pytest.fixture
def report_json(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "harvest.json"
    proc = apkaudit("scan", str(sample_apk("harvest-loan")), "--format", "json", "-o", str(path))
    assert proc.returncode == 0, proc.stderr
    return path


# -- 1. a FIFO as an input --------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["scan", "diff", "site"])
def test_a_fifo_input_is_a_one_line_error_not_a_hang(tmp_path, command):
    fifo = tmp_path / "x.apk"
    os.mkfifo(fifo)
    args = {
        "scan": ["scan", str(fifo)],
        "diff": ["diff", str(fifo), str(sample_apk("harvest-loan"))],
        "site": ["site", "--report", str(fifo), "-o", str(tmp_path / "site")],
    }[command]
    one_line_error(apkaudit(*args, timeout=60), str(fifo), "FIFO")


def test_a_batch_records_a_fifo_as_a_failure_and_goes_on(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    os.mkfifo(folder / "x.apk")
    os.symlink("/dev/zero", folder / "z.apk")
    shutil.copy(sample_apk("harvest-loan"), folder / "harvest.apk")
    db = tmp_path / "r.sqlite"
    proc = apkaudit("batch", str(folder), "--db", str(db), "--timeout", "60", "-j", "1", timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "1 audited" in proc.stdout and "2 failed" in proc.stdout
    assert "x.apk: not a regular file" in proc.stderr


def test_sigterm_stops_a_batch_with_what_is_done_committed(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    os.mkfifo(folder / "a.apk")  # sorted first: reached before anything else
    shutil.copy(sample_apk("harvest-loan"), folder / "b.apk")
    shutil.copy(sample_apk("compliant-loan"), folder / "c.apk")
    db = tmp_path / "r.sqlite"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "apkaudit.cli", "batch", str(folder), "--db", str(db), "-j", "1"]
    child = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # wait for the first audited APK, then ask it to stop
    assert child.stderr is not None
    for line in child.stderr:
        if "scanned" in line:
            break
    child.terminate()
    _, err = child.communicate(timeout=30)
    assert child.returncode in (0, 130), err
    summary = apkaudit("summary", "--db", str(db))
    assert summary.returncode == 0, summary.stderr


# -- 2. a device as an input: the cap is on what is read ----------------------------------------------------


def test_dev_zero_is_refused_unread(tmp_path):
    link = tmp_path / "zero.apk"
    os.symlink("/dev/zero", link)
    one_line_error(apkaudit("scan", str(link), timeout=60), str(link), "device")


def test_an_apk_read_is_capped_on_bytes_read_not_declared(tmp_path, monkeypatch):
    from apkaudit import files
    from apkaudit.errors import BadApkError

    big = tmp_path / "big.apk"
    big.write_bytes(b"PK" + b"\0" * 100)
    with pytest.raises(BadApkError, match="over the 50-byte limit"):
        files.read_regular(big, 50, BadApkError)
    assert len(files.read_regular(big, 102, BadApkError)) == 102


# -- 7. -o never replaces a device, FIFO or symlink to stdout ----------------------------------------------


def test_output_to_dev_stdout_prints(tmp_path):
    proc = apkaudit("scan", str(sample_apk("harvest-loan")), "--format", "json", "-o", "/dev/stdout")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["schema"] == "apkaudit/report/v1"


def test_output_to_a_fifo_is_written_through(tmp_path):
    fifo = tmp_path / "out"
    os.mkfifo(fifo)
    link = tmp_path / "link"
    os.symlink(fifo, link)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "apkaudit.cli", "scan", str(sample_apk("harvest-loan")), "--format", "json"]
    child = subprocess.Popen([*cmd, "-o", str(link)], env=env, stderr=subprocess.PIPE, text=True)
    with open(fifo, encoding="utf-8") as fh:
        text = fh.read()
    child.wait(timeout=120)
    assert child.returncode == 0
    assert json.loads(text)["schema"] == "apkaudit/report/v1"
    assert stat.S_ISFIFO(os.stat(fifo).st_mode) and os.path.islink(link)


def test_output_to_a_device_is_written_through(tmp_path):
    link = tmp_path / "null"
    os.symlink("/dev/null", link)
    proc = apkaudit("scan", str(sample_apk("harvest-loan")), "-o", str(link))
    assert proc.returncode == 0, proc.stderr
    assert os.path.islink(link) and os.readlink(link) == "/dev/null"
    assert [p.name for p in tmp_path.iterdir()] == ["null"]


def test_output_through_a_symlink_to_a_file_keeps_the_symlink(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    os.symlink(real, link)
    proc = apkaudit("scan", str(sample_apk("harvest-loan")), "-o", str(link))
    assert proc.returncode == 0, proc.stderr
    assert os.path.islink(link) and "harvest" in real.read_text()


# -- 8. -o equal to an input ---------------------------------------------------------------------------------


def test_output_equal_to_the_apk_is_refused(tmp_path):
    apk = tmp_path / "app.apk"
    shutil.copy(sample_apk("harvest-loan"), apk)
    before = apk.read_bytes()
    one_line_error(apkaudit("scan", str(apk), "--format", "json", "-o", str(apk)), "is the input")
    alias = tmp_path / "alias.apk"
    os.link(apk, alias)
    one_line_error(apkaudit("scan", str(apk), "-o", str(alias)), "is the input")
    assert apk.read_bytes() == before


def test_output_equal_to_the_database_or_a_report_is_refused(tmp_path, report_json):
    db = tmp_path / "r.sqlite"
    assert apkaudit("batch", str(sample_apk("harvest-loan")), "--db", str(db)).returncode == 0
    before = db.read_bytes()
    one_line_error(apkaudit("export", "--db", str(db), "-o", str(db)), "is the input")
    assert db.read_bytes() == before
    text = report_json.read_text()
    one_line_error(apkaudit("diff", str(report_json), str(report_json), "-o", str(report_json)), "is the input")
    assert report_json.read_text() == text


# -- 9. the umask is honoured ----------------------------------------------------------------------------------


def test_outputs_and_site_pages_honour_the_umask(tmp_path, report_json):
    old = os.umask(0o022)
    try:
        out = tmp_path / "out.txt"
        assert apkaudit("scan", str(sample_apk("harvest-loan")), "-o", str(out)).returncode == 0
        assert stat.S_IMODE(out.stat().st_mode) == 0o644
        site = tmp_path / "site"
        assert apkaudit("site", "--report", str(report_json), "-o", str(site)).returncode == 0
        assert stat.S_IMODE(site.stat().st_mode) == 0o755
        for page in site.rglob("*"):
            assert stat.S_IMODE(page.stat().st_mode) == (0o755 if page.is_dir() else 0o644), page
    finally:
        os.umask(old)


# -- 10. site -o: swapped in whole; a folder that is not a site is refused --------------------------------------


def test_site_refuses_a_foreign_folder_and_drops_stale_pages(tmp_path, report_json):
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "index.html").write_text("my own page")
    one_line_error(apkaudit("site", "--report", str(report_json), "-o", str(foreign)), "not an apkaudit site")
    assert (foreign / "index.html").read_text() == "my own page"
    site = tmp_path / "site"
    assert apkaudit("site", "--report", str(report_json), "-o", str(site)).returncode == 0
    stale = site / "apps" / ("0" * 64 + ".html")
    stale.write_text("an app no longer in the batch")
    assert apkaudit("site", "--report", str(report_json), "-o", str(site)).returncode == 0
    assert not stale.exists()
    assert (site / "index.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine", "site"]  # no temporary folder left behind


# -- 13. a report with wrongly typed fields ------------------------------------------------------------------


def test_diff_refuses_a_report_that_does_not_fit_the_schema(tmp_path, report_json):
    doc = json.loads(report_json.read_text())
    doc["permissions"] = "all of them"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc))
    one_line_error(apkaudit("diff", str(report_json), str(bad)), str(bad), "not a valid apkaudit report")


# -- 19. a folder or unreadable file given to scan -------------------------------------------------------------


def test_scan_of_a_folder_is_a_one_line_error(tmp_path):
    one_line_error(apkaudit("scan", str(tmp_path)), str(tmp_path), "folder")
    missing = tmp_path / "absent.apk"
    one_line_error(apkaudit("scan", str(missing)), str(missing))


# -- 3, 14, 17. rule books: alias bombs, non-finite numbers, duplicate keys, deep nesting ----------------------


def _rule_book(tmp_path: Path, text: str, name: str = "book.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_an_alias_bomb_rule_book_is_refused_quickly_and_small(tmp_path):
    from tests.fuzz.harness import alias_bomb

    path = _rule_book(tmp_path, alias_bomb(8, 9))
    proc = apkaudit("policies", "validate", str(path), timeout=30)
    one_line_error(proc, str(path), "aliases expand")


def test_shipped_rule_books_with_aliases_still_load():
    from apkaudit.policy.load import available, load

    for pid in available():
        assert load(pid).rules


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ("weight: 30", "weight: .nan", "'.nan' is not a finite number"),
        ("weight: 30", "weight: -.inf", "'-.inf' is not a finite number"),
        ("  start: 100", "  start: .inf", "'.inf' is not a finite number"),
        ("jurisdiction: ", "jurisdiction: CN\njurisdiction: ", "duplicate key 'jurisdiction'"),
    ],
)
def test_non_finite_numbers_and_duplicate_keys_are_refused(tmp_path, old, new, problem):
    from apkaudit.errors import PolicyError
    from apkaudit.policy.load import available, load

    text = available()["cn-pipl-loan"].read_text(encoding="utf-8")
    assert old in text, old
    path = _rule_book(tmp_path, text.replace(old, new, 1))
    with pytest.raises(PolicyError, match=rf"^{path}:\d+: {problem}"):
        load(str(path))


@pytest.mark.parametrize("depth", [100, 5000])
def test_deeply_nested_yaml_names_the_file(tmp_path, depth):
    from apkaudit.errors import PolicyError
    from apkaudit.policy.load import load

    path = _rule_book(tmp_path, "id: " + "[" * depth + "]" * depth + "\n")
    with pytest.raises(PolicyError, match=rf"^{path}(:\d+)?: YAML nested"):
        load(str(path))


def test_deeply_nested_json_report_names_the_file(tmp_path):
    from apkaudit.report.document import ReportError, read_reports

    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(ReportError, match=rf"^{path}: JSON nested too deeply"):
        read_reports(path)


# -- 6, 11. the zip: overlapping records, lying sizes, Zip64 --------------------------------------------------


def test_zip64_classes_dex_is_read_as_android_reads_it(tmp_path):
    from apkaudit.audit import audit
    from apkaudit.policy.load import load
    from tests.hostile import zip64_central

    data = sample_apk("harvest-loan").read_bytes()
    path = tmp_path / "zip64.apk"
    path.write_bytes(zip64_central(data, "classes.dex"))
    policy = load("cn-pipl-loan")
    before, after = audit(sample_apk("harvest-loan"), [policy]), audit(path, [policy])
    assert after.verdicts[0].grade == before.verdicts[0].grade == "F"
    assert after.facts.analysis.coverage == before.facts.analysis.coverage
    assert after.facts.data_access == before.facts.data_access


def test_central_records_sharing_one_local_entry_are_tampering_and_read_once(tmp_path):
    import zipfile

    from apkaudit.apk import ApkArchive, Limits
    from tests.hostile import entries_of, overlapping_central, write_zip

    entries = entries_of(sample_apk("harvest-loan"))
    entries["assets/blob.bin"] = b"\0" * (8 << 20)
    base = write_zip(tmp_path / "base.apk", entries, zipfile.ZIP_DEFLATED).read_bytes()
    archive = ApkArchive.from_bytes(overlapping_central(base, "assets/blob.bin", 20), "o.apk", Limits())
    assert [n for n in archive.names if n.startswith("assets/copy")] == []
    assert any(n.startswith("tampering: 20 zip entries point at the local entry") for n in archive.notes)
    for name in archive.names:
        archive.read(name)
    assert archive._inflated_total < 16 << 20


def test_an_entry_that_fails_to_inflate_is_inflated_once_and_counted(tmp_path):
    import zipfile

    from apkaudit.apk import ApkArchive, Limits
    from tests.hostile import entries_of, write_zip

    entries = entries_of(sample_apk("harvest-loan"))
    entries["resources.arsc"] = b"\0" * (4 << 20)
    data = bytearray(write_zip(tmp_path / "a.apk", entries, zipfile.ZIP_DEFLATED).read_bytes())
    limits = Limits(max_entry_bytes=1 << 20, max_total_bytes=3 << 20, ratio_floor=1 << 30)
    archive = ApkArchive.from_bytes(bytes(data), "lying.apk", limits)
    for _ in range(6):
        assert archive.read("resources.arsc") is None
    assert len([n for n in archive.notes if "skipped zip entry 'resources.arsc'" in n]) == 1
    assert archive._inflated_total > 1 << 20  # the failed inflation counts against the APK's total


def test_a_rule_book_with_a_control_character_is_a_one_line_error(tmp_path):
    # found by the fuzz target `policy`: yaml's ReaderError is raised when the loader is made, not when it loads
    from apkaudit.errors import PolicyError
    from apkaudit.policy.load import load

    path = _rule_book(tmp_path, "id: a\x07b\n")
    with pytest.raises(PolicyError, match=rf"^{path}(:\d+)?: YAML syntax error"):
        load(str(path))


# -- 15, 16. CSV export and damaged stored reports --------------------------------------------------------------


def test_csv_cells_carry_no_terminal_control_characters():
    from apkaudit.batch.export import _csv_line

    line = _csv_line(["\x1b]0;owned\x07title", "a\u009b31mb", "=cmd"])
    assert not any(ch in line for ch in "\x1b\x07\u009b")
    assert "'=cmd" in line


def test_a_damaged_stored_report_is_named_and_audited_again(tmp_path):
    import sqlite3

    db = tmp_path / "r.sqlite"
    apk = str(sample_apk("harvest-loan"))
    assert apkaudit("batch", apk, "--db", str(db)).returncode == 0
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE results SET report = 'not json{'")
    proc = apkaudit("export", "--db", str(db))
    one_line_error(proc, "harvest-loan.apk", "damaged")
    again = apkaudit("batch", apk, "--db", str(db))
    assert again.returncode == 0 and "0 already done" in again.stdout, again.stdout
    assert apkaudit("export", "--db", str(db)).returncode == 0
