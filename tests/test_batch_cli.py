"""`apkaudit batch`, `export` and `summary` as a user runs them, including Ctrl-C, bad output places and two batches
writing one database at once."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from apkaudit.audit import audit
from apkaudit.batch import store as store_module
from apkaudit.batch.store import Key, Record, Store
from apkaudit.policy import load as policy_load
from apkaudit.report.json_report import report_dict
from tests.batch_support import distinct_copy, in_tiny_mount
from tests.conftest import sample_apk

NAMES = ["compliant-loan", "harvest-loan", "unused-contacts", "code-patterns"]
CLI = [sys.executable, "-m", "apkaudit.cli"]


def _corpus(root: Path, copies: int) -> Path:
    """Distinct APKs (the four samples, `copies` times each with different bytes) in nested folders."""
    for i in range(copies):
        folder = root / f"part{i}"
        folder.mkdir(parents=True)
        for name in NAMES:
            distinct_copy(sample_apk(name), folder / f"{name}-{i}.apk", f"copy {i}")
    return root


def _rows(db):
    with sqlite3.connect(db) as con:
        return dict(con.execute("SELECT sha256, seq FROM results WHERE report IS NOT NULL").fetchall())


def _integrity(db):
    with sqlite3.connect(db) as con:
        return con.execute("PRAGMA integrity_check").fetchone()[0]


def test_batch_export_summary(run, tmp_path):
    db = str(tmp_path / "r.sqlite")
    bad = tmp_path / "broken.apk"
    bad.write_bytes(b"PK\x03\x04 not really")
    paths = [str(sample_apk(n)) for n in NAMES] + [str(bad)]
    result = run("batch", *paths, "--db", db, "--jobs", "2")
    assert result.exit_code == 0, result.stderr
    assert (
        "5 APKs: 4 audited, 0 judged again from stored facts, 0 already done, 0 duplicates, 1 failed" in result.stdout
    )
    log = result.stderr.splitlines()
    assert sum(" scanned " in line for line in log) == 4 and sum(" failed " in line for line in log) == 1
    assert any(line.startswith("[5/5]") for line in log)
    assert "Traceback" not in result.stderr

    again = run("batch", *paths, "--db", db)
    assert again.exit_code == 0 and "5 already done" in again.stdout

    exported = run("export", "--db", db, "--format", "csv")
    assert exported.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert len(rows) == 5
    by_package = {r["package"]: r for r in rows}
    harvest = by_package["org.apkaudit.sample.harvestloan"]
    expected = report_dict(audit(str(sample_apk("harvest-loan")), [policy_load.load("cn-pipl-loan")]))
    assert harvest["grade"] == expected["grade"] and int(harvest["score"]) == expected["score"]
    for level in ("declared", "referenced", "reachable", "transmitted"):
        cats = sorted(d["category"] for d in expected["data_access"] if d["evidence"] == level)
        assert harvest[f"{level}_categories"] == ";".join(cats)
    assert harvest["coverage"] == expected["analysis"]["coverage"] and harvest["error"] == ""
    broken = by_package[""]
    assert broken["error_kind"] == "bad-apk" and str(bad) in broken["error"]

    out = tmp_path / "all.jsonl"
    assert run("export", "--db", db, "--format", "jsonl", "-o", str(out)).exit_code == 0
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    with Store(db) as store:
        assert docs[:4] == list(store.reports())
    assert docs[4]["error_kind"] == "bad-apk"

    summary = run("summary", "--db", db)
    assert summary.exit_code == 0
    assert "4 apps audited, 1 could not be audited" in summary.stdout
    for heading in ("Grade", "Category", "Reading", "Transmitting", "SDK", "Owns reads in", "Error"):
        assert heading in summary.stdout
    assert "bad-apk" in summary.stdout and "Tongdun" in summary.stdout


def test_csv_cells_cannot_become_spreadsheet_formulas(run, tmp_path):
    db = tmp_path / "r.sqlite"
    report = report_dict(audit(str(sample_apk("compliant-loan")), [policy_load.load("cn-pipl-loan")]))
    report["app"]["label"] = '=HYPERLINK("http://evil.example","click")'
    with Store.create(db) as store:
        store.write(Key("t", "c", "p"), Record(report["app"]["sha256"], "x.apk", report))
    rows = list(csv.DictReader(io.StringIO(run("export", "--db", str(db)).stdout)))
    assert rows[0]["label"] == "'" + report["app"]["label"]


def test_bad_arguments_fail_before_any_work(run, tmp_path):
    db = tmp_path / "r.sqlite"
    result = run("batch", str(tmp_path / "nothing-here"), "--db", str(db))
    assert result.exit_code == 2 and "no such file or folder" in result.stderr
    assert not db.exists()
    result = run("batch", str(sample_apk("harvest-loan")), "--db", str(db), "--max-memory", "lots")
    assert result.exit_code == 2 and "--max-memory" in result.stderr
    result = run("export", "--db", str(tmp_path / "absent.sqlite"))
    assert result.exit_code == 2 and "no such results database" in result.stderr
    notdb = tmp_path / "notes.sqlite"
    notdb.write_text("hello", encoding="utf-8")
    result = run("summary", "--db", str(notdb))
    assert result.exit_code == 2 and "not an apkaudit results database" in result.stderr


def test_read_only_output_is_refused_before_work(tmp_path):
    apk = str(sample_apk("harvest-loan"))
    if os.geteuid() != 0:
        ro = tmp_path / "ro"
        ro.mkdir()
        ro.chmod(0o555)
        proc = subprocess.run([*CLI, "batch", apk, "--db", str(ro / "r.sqlite")], capture_output=True, text=True)
    else:
        mnt = tmp_path / "mnt"
        proc = in_tiny_mount(tmp_path, "ro,size=64m", [*CLI, "batch", apk, "--db", str(mnt / "r.sqlite")])
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.count("\n") == 1 and "r.sqlite: cannot write there (read-only" in proc.stderr
    assert "scanned" not in proc.stderr and proc.stdout == ""


def test_full_output_device_is_refused_before_work(tmp_path):
    mnt = tmp_path / "mnt"
    apk = str(sample_apk("harvest-loan"))
    proc = in_tiny_mount(tmp_path, "size=1m", [*CLI, "batch", apk, "--db", str(mnt / "r.sqlite")])
    assert proc.returncode == 2, proc.stderr
    assert "KiB free on the output device; a batch needs at least 32 MiB" in proc.stderr
    assert "scanned" not in proc.stderr


def test_nearly_full_device_message(run, tmp_path, monkeypatch):
    """Where no small file system can be mounted: the same check, with the device's free space faked."""

    def almost_full(path):
        return type("Usage", (), {"free": 5 << 20})()

    monkeypatch.setattr(store_module.shutil, "disk_usage", almost_full)
    result = run("batch", str(sample_apk("harvest-loan")), "--db", str(tmp_path / "r.sqlite"))
    assert result.exit_code == 2 and "only 5120 KiB free" in result.stderr
    assert not (tmp_path / "r.sqlite").exists()


def _wait_for_rows(db, n, proc, limit=60.0):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
                if con.execute("SELECT COUNT(*) FROM results").fetchone()[0] >= n:
                    return
        except sqlite3.OperationalError:
            pass
        time.sleep(0.02)
    raise AssertionError("the batch wrote nothing in time")


def _survivors(marker):
    """Processes whose command line still names this test's database."""
    found = []
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                if marker.encode() in Path(f"/proc/{pid}/cmdline").read_bytes():
                    found.append(int(pid))
            except OSError:
                pass
    return found


def _as_in_a_terminal():
    """A process started in the background by a script ignores Ctrl-C; one started at a terminal does not."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_ctrl_c_then_rerun_loses_nothing_and_redoes_nothing(tmp_path):
    corpus_dir = _corpus(tmp_path / "apks", 3)
    db = str(tmp_path / "interrupted.sqlite")
    cmd = [*CLI, "batch", str(corpus_dir), "--db", db, "--jobs", "1"]
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=_as_in_a_terminal
    )
    _wait_for_rows(db, 2, proc)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert "interrupted; finished results are in" in err and "Traceback" not in err
    deadline = time.monotonic() + 10  # a worker killed by the batch may take a moment to be gone from /proc
    while _survivors(db) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _survivors(db) == [], err  # no worker left running
    assert _integrity(db) == "ok"
    done = _rows(db)
    assert 2 <= len(done) < 12, err

    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    summary = f"12 APKs: {12 - len(done)} audited, 0 judged again from stored facts, {len(done)} already done"
    assert summary in rerun.stdout, (err, rerun.stdout, rerun.stderr)
    after = _rows(db)
    assert len(after) == 12
    assert {sha: after[sha] for sha in done} == done  # nothing finished before was written again
    assert _integrity(db) == "ok"


def test_two_batches_writing_one_database_at_once(tmp_path):
    corpus_dir = _corpus(tmp_path / "apks", 2)
    backwards = tmp_path / "backwards.txt"  # the second batch works from the other end: they meet in the middle
    backwards.write_text("\n".join(sorted(map(str, corpus_dir.rglob("*.apk")), reverse=True)), encoding="utf-8")
    db = str(tmp_path / "shared.sqlite")
    cmds = [[*CLI, "batch", str(src), "--db", db, "--jobs", "1"] for src in (corpus_dir, backwards)]
    procs = [subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for c in cmds]
    outs = [p.communicate(timeout=180) for p in procs]
    for p, (out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err
        assert out.startswith("8 APKs:") and "0 failed" in out and "Traceback" not in err
    assert _integrity(db) == "ok"
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(*), COUNT(DISTINCT sha256) FROM results").fetchone() == (8, 8)
        assert con.execute("SELECT COUNT(*) FROM facts").fetchone() == (8,)
        assert con.execute("SELECT COUNT(*) FROM results WHERE report IS NULL").fetchone() == (0,)
        assert con.execute("SELECT COUNT(*) FROM inputs").fetchone() == (8,)
    with Store(db) as store:
        assert len(list(store.reports())) == 8 and list(store.errors()) == []


def _audited(out: str) -> int:
    head = out.split(" audited,")[0]
    return int(head.rsplit(" ", 1)[1])


def test_two_batches_at_once_share_the_work(tmp_path):
    """Issue 18, item 20: each APK is claimed in the store before it is audited, so two batches started together on
    one database audit about the number of APKs between them, not each nearly all of them."""
    corpus_dir = _corpus(tmp_path / "apks", 5)
    db = str(tmp_path / "shared.sqlite")
    cmd = [*CLI, "batch", str(corpus_dir), "--db", db, "--jobs", "1"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    for p, (out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err
        assert out.startswith("20 APKs:") and "0 failed" in out, (out, err)
    assert sum(_audited(out) for out, _ in outs) == 20, outs
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(DISTINCT sha256) FROM results WHERE report IS NOT NULL").fetchone() == (20,)
        assert con.execute("SELECT COUNT(*) FROM claims").fetchone() == (0,)


def test_a_claim_of_a_dead_batch_is_taken_over(tmp_path):
    db = tmp_path / "r.sqlite"
    key = Key("v", "c", "p")
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    with Store.create(db) as store:
        assert store.claim("a" * 64, key)
    with sqlite3.connect(db) as con:
        con.execute("UPDATE claims SET pid = ?", (int(dead.stdout),))
        host = con.execute("SELECT host FROM claims").fetchone()[0]
        con.execute(
            "INSERT INTO claims VALUES (?, 'v', 'c', 'p', ?, ?, ?)", ("b" * 64, os.getppid(), host, time.time())
        )
    with Store(db) as store:
        assert store.claim("a" * 64, key)  # its batch is gone
        assert store._db.execute("PRAGMA synchronous").fetchone() == (2,)  # FULL again for results after a claim
        assert not store.claim("b" * 64, key)  # a live process holds it
        store.write(key, Record("a" * 64, "a.apk", error_kind="bad-apk", message="m"))
        assert not store.claim("a" * 64, key)  # done
        assert store.claim("a" * 64, key, redo_errors=True)
        store.release_claims()


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file systems refuse names that are not UTF-8")
def test_file_names_that_are_not_utf8(run, tmp_path):
    folder = tmp_path / "crawl"
    folder.mkdir()
    odd = os.fsdecode(bytes(folder) + b"/app-\xff\xfe.apk")
    Path(odd).write_bytes(sample_apk("harvest-loan").read_bytes())
    db = str(tmp_path / "r.sqlite")
    result = run("batch", str(folder), "--db", db)
    assert result.exit_code == 0, result.stderr
    assert "1 audited" in result.stdout and "app-??.apk" in result.stderr
    with Store(db) as store:
        [report] = store.reports()
    assert report["app"]["path"] == odd
    assert run("batch", str(folder), "--db", db).stdout.startswith("1 APKs: 0 audited")  # found again by its name
    out = tmp_path / "out.csv"
    assert run("export", "--db", db, "-o", str(out)).exit_code == 0
    assert "app-\\udcff\\udcfe.apk" in out.read_text(encoding="utf-8")


def test_device_filling_up_mid_batch_stops_cleanly(tmp_path):
    apks = _corpus(tmp_path / "apks", 2)
    mnt = tmp_path / "mnt"
    db = mnt / "r.sqlite"
    # 40 MiB device with 7 MiB taken: the batch starts (over 32 MiB free), then something else fills the device
    script = (
        f'dd if=/dev/zero of="{mnt}/ballast" bs=1M count=7 status=none; '
        f'( while [ ! -e "{db}" ]; do sleep 0.02; done; dd if=/dev/zero of="{mnt}/filler" bs=1M status=none ) '
        "2>/dev/null & "
        f'"$@"; rc=$?; wait; rm -f "{mnt}/filler"; '
        f"{sys.executable} -c \"import sqlite3; print(sqlite3.connect('{db}').execute('PRAGMA integrity_check')"
        '.fetchone()[0])"; exit $rc'
    )
    proc = in_tiny_mount(tmp_path, "size=40m", ["sh", "-c", script, "sh", *CLI, "batch", str(apks), "--db", str(db)])
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert proc.stderr.endswith(f"apkaudit: error: {db}: cannot write the results database: the disk is full\n")
    assert "Traceback" not in proc.stderr
    assert proc.stdout.strip() == "ok"  # what was committed before the device filled is intact
