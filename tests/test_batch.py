"""Batches on one machine: the stored reports are the single-scan reports, resume, dedupe, re-judging, faults."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from apkaudit.audit import audit
from apkaudit.batch import local
from apkaudit.batch.isolate import WorkerLimits, parse_size
from apkaudit.batch.local import LocalExecutor
from apkaudit.batch.run import Batch, Counts
from apkaudit.batch.store import Store
from apkaudit.batch.task import TaskResult, TaskSpec, run_task
from apkaudit.errors import BatchError
from apkaudit.facts import apkid_rules
from apkaudit.policy import load as policy_load
from apkaudit.report.json_report import report_dict
from tests.batch_support import distinct_copy, memory_hog_apk
from tests.conftest import SAMPLES, corpus_apk, sample_apk
from tests.hostile import entries_of, write_zip

POLICY = policy_load.load("cn-pipl-loan")
NAMES = ["compliant-loan", "harvest-loan", "unused-contacts", "code-patterns"]


def _batch(db, paths, *, jobs=2, limits=None, task=run_task, policies=(POLICY,), retry=False):
    store = Store.create(db)
    executor = LocalExecutor(jobs, limits or WorkerLimits(timeout=120), task)
    events = list(Batch(store, policies, executor, retry_errors=retry).run([str(p) for p in paths]))
    counts = events[-1].counts if events else Counts(len(paths))
    return store, events, counts


def _errors(store):
    return {Path(e["path"]).name: e for e in store.errors()}


def _max_seq(db):
    with sqlite3.connect(db) as con:
        return con.execute("SELECT MAX(seq), COUNT(*) FROM results").fetchone()


def test_stored_reports_are_exactly_the_single_scan_reports(tmp_path):
    paths = [sample_apk(n) for n in NAMES]
    store, events, counts = _batch(tmp_path / "r.sqlite", paths)
    assert counts == Counts(4, scanned=4)
    assert counts.done == 4 and [e.count for e in events] == [1, 1, 1, 1]
    expected = [report_dict(audit(str(p), [POLICY])) for p in paths]
    expected.sort(key=lambda r: (r["app"]["package"], r["app"]["sha256"]))
    assert list(store.reports()) == expected
    assert list(store.errors()) == []


def test_running_again_redoes_nothing(tmp_path):
    db = tmp_path / "r.sqlite"
    paths = [sample_apk(n) for n in NAMES[:3]]
    store, _, _ = _batch(db, paths)
    before = _max_seq(db)
    store.close()
    store, events, counts = _batch(db, paths)
    assert counts == Counts(3, skipped=3)
    assert [(e.status, e.count) for e in events] == [("skipped", 3)]
    assert _max_seq(db) == before  # no row rewritten


def test_a_changed_analysis_reads_the_apks_again(tmp_path, monkeypatch):
    """Stored facts are keyed by the code that produced them (version + digest of the package's Python), so a
    patched checkout with the same version number does not reuse them."""
    from apkaudit.batch import run as run_module
    from apkaudit.batch.task import code_version

    version = code_version()
    assert version.startswith(__import__("apkaudit").__version__ + "+") and len(version.split("+")[1]) == 12
    db = tmp_path / "r.sqlite"
    paths = [sample_apk(n) for n in NAMES[:2]]
    store, _, _ = _batch(db, paths)
    store.close()
    monkeypatch.setattr(run_module, "code_version", lambda: version + "-patched")
    store, _, counts = _batch(db, paths)
    assert counts == Counts(2, scanned=2)  # read again, not judged from the old facts
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(DISTINCT tool_version) FROM facts").fetchone() == (2,)


def test_identical_bytes_under_two_paths_are_read_once(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    one = tmp_path / "a" / "one.apk"
    two = tmp_path / "b" / "two.apk"
    one.write_bytes(sample_apk("harvest-loan").read_bytes())
    two.write_bytes(one.read_bytes())
    db = tmp_path / "r.sqlite"
    store, events, counts = _batch(db, [one, two])
    assert counts.scanned == 1 and counts.duplicates + counts.skipped == 1
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(*) FROM facts").fetchone() == (1,)
        rows = con.execute("SELECT path, sha256 FROM inputs ORDER BY path").fetchall()
    assert [r[0] for r in rows] == [str(one), str(two)] and rows[0][1] == rows[1][1]
    assert len(list(store.reports())) == 1


class _NoScanning:
    """An executor that fails the test if the batch tries to read an APK."""

    def has_capacity(self):
        return True

    def pending(self):
        return 0

    def submit(self, spec):
        raise AssertionError(f"{spec.path} was read again")

    def poll(self):
        return []

    def wait(self):
        return []

    def close(self):
        pass


class _OneAtATime:
    """One slot; the APK in it is read (in this process) when the batch waits, and the order of things logged."""

    def __init__(self, log):
        self.log = log
        self.running = []

    def has_capacity(self):
        return not self.running

    def pending(self):
        return len(self.running)

    def submit(self, spec):
        self.log.append(f"start {Path(spec.path).name}")
        self.running.append(spec)

    def poll(self):
        return []

    def wait(self):
        return [run_task(self.running.pop())] if self.running else []

    def close(self):
        pass


def test_a_finished_apk_is_replaced_before_its_result_is_stored(tmp_path, monkeypatch):
    # the next APK is planned (hashed, claimed) while one runs, and started as soon as that one ends: judging and
    # storing a result never keeps a slot idle
    paths = [sample_apk(n) for n in NAMES[:3]]
    log: list[str] = []
    store = Store.create(tmp_path / "r.sqlite")
    write = store.write

    def logged_write(key, record=None, facts_json=None, inputs=()):
        if record is not None:
            log.append(f"store {Path(record.path).name}")
        write(key, record, facts_json, inputs)

    monkeypatch.setattr(store, "write", logged_write)
    events = list(Batch(store, (POLICY,), _OneAtATime(log)).run([str(p) for p in paths]))
    assert events[-1].counts == Counts(3, scanned=3)
    a, b, c = (p.name for p in paths)
    assert log == [f"start {a}", f"start {b}", f"store {a}", f"start {c}", f"store {b}", f"store {c}"]


def test_a_changed_rule_book_is_applied_to_stored_facts_without_reading_the_apks(tmp_path):
    db = tmp_path / "r.sqlite"
    paths = [sample_apk(n) for n in NAMES[:3]]
    store, _, _ = _batch(db, paths)
    store.close()
    text = Path(POLICY.path).read_text(encoding="utf-8")
    changed = tmp_path / "stricter.yaml"
    changed.write_text(text.replace(f'version: "{POLICY.ref.version}"', 'version: "9.9.9"', 1), encoding="utf-8")
    stricter = policy_load.load(str(changed))
    assert stricter.ref.sha256 != POLICY.ref.sha256 and stricter.ref.version == "9.9.9"
    store = Store.create(db)
    events = list(Batch(store, [stricter], _NoScanning()).run([str(p) for p in paths]))
    assert events[-1].counts == Counts(3, rejudged=3)
    reports = list(store.reports())
    assert len(reports) == 3  # one per APK: the latest verdict, not one per rule book ever used
    latest = {r["app"]["path"]: r for r in reports}
    for p in paths:
        assert latest[str(p)] == report_dict(audit(str(p), [stricter]))
        assert latest[str(p)]["policy"]["version"] == "9.9.9"


def test_hostile_apks_are_recorded_as_errors_and_the_batch_goes_on(tmp_path):
    good = sample_apk("unused-contacts")
    not_zip = tmp_path / "notzip.apk"
    not_zip.write_bytes(b"this is plain text, not an archive")
    truncated = tmp_path / "truncated.apk"
    truncated.write_bytes(good.read_bytes()[:-200])
    manifest_bomb = write_zip(tmp_path / "manifest-bomb.apk", {"AndroidManifest.xml": b"\0" * (64 << 20)})
    assets_bomb = write_zip(tmp_path / "assets-bomb.apk", {**entries_of(good), "assets/p.bin": b"\0" * (16 << 20)})
    hog = memory_hog_apk(tmp_path / "memory-hog.apk", good, 100)
    paths = [not_zip, truncated, manifest_bomb, assets_bomb, hog, sample_apk("harvest-loan")]
    limits = WorkerLimits(timeout=120, max_memory=parse_size("64M"))
    store, _, counts = _batch(tmp_path / "r.sqlite", paths, limits=limits)
    assert counts == Counts(6, scanned=2, failed=4)
    errors = _errors(store)
    assert {n: e["error_kind"] for n, e in errors.items()} == {
        "notzip.apk": "bad-apk",
        "truncated.apk": "bad-apk",
        "manifest-bomb.apk": "bad-apk",
        "memory-hog.apk": "memory",
    }
    assert "not a zip archive" in errors["notzip.apk"]["message"]
    assert "possible zip bomb" in errors["manifest-bomb.apk"]["message"]
    assert errors["memory-hog.apk"]["message"].startswith(str(hog))
    assert all(e["sha256"] and len(e["sha256"]) == 64 for e in errors.values())
    reports = {r["app"]["path"]: r for r in store.reports()}
    assert set(reports) == {str(assets_bomb), str(sample_apk("harvest-loan"))}
    assert any("assets/p.bin" in n for n in reports[str(assets_bomb)]["analysis"]["notes"])


def _hang_on_marked(spec: TaskSpec) -> TaskResult:
    """The real task, except for APKs named 'hang': analysis that never ends."""
    if "hang" in Path(spec.path).name:
        time.sleep(600)
    return run_task(spec)


def _die_on_marked(spec: TaskSpec) -> TaskResult:
    """The real task, except for APKs named 'segv' or 'kill', whose worker dies of that signal."""
    name = Path(spec.path).name
    if "segv" in name:
        os.kill(os.getpid(), signal.SIGSEGV)
    if "kill" in name:
        os.kill(os.getpid(), signal.SIGKILL)
    return run_task(spec)


def test_a_hanging_analysis_is_killed_at_the_timeout(tmp_path):
    hang = distinct_copy(sample_apk("harvest-loan"), tmp_path / "hang.apk", "hang")
    ok = sample_apk("compliant-loan")
    start = time.monotonic()
    store, _, counts = _batch(tmp_path / "r.sqlite", [hang, ok], limits=WorkerLimits(timeout=1.0), task=_hang_on_marked)
    assert time.monotonic() - start < 30
    assert counts == Counts(2, scanned=1, failed=1)
    err = _errors(store)["hang.apk"]
    assert err["error_kind"] == "timeout" and "still running after 1 s" in err["message"]
    assert [r["app"]["path"] for r in store.reports()] == [str(ok)]


def test_a_tiny_timeout_stops_a_real_audit(tmp_path):
    store, _, counts = _batch(tmp_path / "r.sqlite", [sample_apk("harvest-loan")], limits=WorkerLimits(timeout=0.005))
    assert counts.failed == 1
    assert _errors(store)["harvest-loan.apk"]["error_kind"] == "timeout"


@pytest.mark.corpus
def test_a_large_real_apk_over_its_time_is_stopped(tmp_path):
    big = corpus_apk("appium-uiautomator2-server-v10.6.6.apk")
    start = time.monotonic()
    # uiautomator2 takes 1.2-1.8 s on an idle machine, twice the limit; the small sample 0.03-0.13 s, a sixth of
    # it. (ApiDemos with 1.5 s stopped being stopped once its audit fell to 1.1-1.5 s.)
    store, _, counts = _batch(tmp_path / "r.sqlite", [big, sample_apk("compliant-loan")], limits=WorkerLimits(0.75))
    assert time.monotonic() - start < 20
    assert counts == Counts(2, scanned=1, failed=1)
    assert _errors(store)["appium-uiautomator2-server-v10.6.6.apk"]["error_kind"] == "timeout"


def test_workers_killed_by_signals_are_recorded(tmp_path):
    segv = distinct_copy(sample_apk("harvest-loan"), tmp_path / "segv.apk", "segv")
    kill = distinct_copy(sample_apk("harvest-loan"), tmp_path / "kill.apk", "kill")
    ok = sample_apk("compliant-loan")
    store, _, counts = _batch(tmp_path / "r.sqlite", [segv, kill, ok], task=_die_on_marked)
    assert counts == Counts(3, scanned=1, failed=2)
    errors = _errors(store)
    assert errors["segv.apk"]["error_kind"] == "crashed" and "SIGSEGV" in errors["segv.apk"]["message"]
    assert errors["kill.apk"]["error_kind"] == "crashed" and "SIGKILL" in errors["kill.apk"]["message"]
    assert [r["app"]["path"] for r in store.reports()] == [str(ok)]


def test_errors_are_kept_until_retried(tmp_path):
    db = tmp_path / "r.sqlite"
    apk = sample_apk("harvest-loan")
    store, _, _ = _batch(db, [apk], limits=WorkerLimits(timeout=0.005))
    assert _errors(store)["harvest-loan.apk"]["error_kind"] == "timeout"
    store.close()
    store, _, counts = _batch(db, [apk])
    assert counts == Counts(1, skipped=1)  # a failed APK is done too, unless asked
    store.close()
    store, _, counts = _batch(db, [apk], retry=True)
    assert counts == Counts(1, scanned=1)
    assert list(store.errors()) == []  # the success replaces the error for this APK
    assert len(list(store.reports())) == 1


def test_missing_and_unreadable_inputs(tmp_path):
    listing = tmp_path / "list.txt"
    listing.write_text(f"gone.apk\n{sample_apk('compliant-loan')}\n", encoding="utf-8")
    from apkaudit.batch.inputs import expand

    store, _, counts = _batch(tmp_path / "r.sqlite", expand([str(listing)]))
    assert counts == Counts(2, scanned=1, failed=1)
    assert list(store.errors()) == [
        {
            "path": str(tmp_path / "gone.apk"),
            "sha256": None,
            "error_kind": "missing",
            "message": f"{tmp_path}/gone.apk: no such file",
        }
    ]


def test_limits_and_jobs_are_checked():
    assert parse_size("512M") == 512 << 20 and parse_size("1.5g") == 3 << 29 and parse_size("4GiB") == 4 << 30
    assert parse_size("none") is None
    for bad in ("lots", "-1G", "1K"):
        with pytest.raises(BatchError):
            parse_size(bad, "--max-memory")
    with pytest.raises(BatchError, match="--jobs"):
        LocalExecutor(0, WorkerLimits())


def test_samples_folder_is_what_the_batch_sees():
    from apkaudit.batch.inputs import expand

    assert expand([str(SAMPLES)]) == sorted(str(p) for p in SAMPLES.glob("*.apk"))


_CHILD_AFTER_WARM = """
import json, os, sys
from apkaudit.batch import local, task  # what `apkaudit batch` has imported when it forks
task.warm()
read, write = os.pipe()
if os.fork() == 0:
    before = set(sys.modules)
    for path in sys.argv[1:]:
        task.run_task(task.TaskSpec(path, path, ""))
    os.write(write, json.dumps(sorted(set(sys.modules) - before)).encode())
    os._exit(0)
os.close(write)
print(os.read(read, 1 << 20).decode())
"""


def test_children_forked_after_warm_start_warm():
    # warm() loads in the parent what every audit loads on first use; a child that still imported a module (or
    # whatever comes with one: the tables it builds, the patterns it compiles) would pay for it on every APK
    apks = [sample_apk("code-patterns"), sample_apk("harvest-loan"), sample_apk("shell-jsbridge")]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD_AFTER_WARM, *map(str, apks)], capture_output=True, text=True, env=env, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]", f"imported in the child on first use: {proc.stdout}"


def _apkid_thread(spec: TaskSpec) -> TaskResult:
    """A task that says whether APKiD's matches would run in a thread of their own in its child."""
    return TaskResult(spec.path, spec.sha256, None, "error", f"thread {apkid_rules.background()}")


@pytest.mark.parametrize(("jobs", "thread"), [(1, True), (2, False), (3, False)])
def test_children_that_fill_the_cores_keep_apkid_on_their_own_thread(tmp_path, monkeypatch, jobs, thread):
    monkeypatch.setattr(local, "usable_cores", lambda: 2)
    store, _, _ = _batch(tmp_path / "r.sqlite", [sample_apk("harvest-loan")], jobs=jobs, task=_apkid_thread)
    assert _errors(store)["harvest-loan.apk"]["message"] == f"thread {thread}"
    assert apkid_rules.background()  # set in the child only


def _misbehave(spec: TaskSpec) -> TaskResult:
    """A worker whose answer is not what the parent accepts: the wrong shape, or not data at all."""
    if "shape" in Path(spec.path).name:
        return TaskResult(spec.path, spec.sha256, facts=["not", "facts"])  # type: ignore[arg-type]
    return TaskResult(spec.path, spec.sha256, facts={"app": object()})


def test_a_child_answer_is_checked_data(tmp_path):
    shape = distinct_copy(sample_apk("harvest-loan"), tmp_path / "shape.apk", "shape")
    opaque = distinct_copy(sample_apk("harvest-loan"), tmp_path / "opaque.apk", "opaque")
    store, _, counts = _batch(tmp_path / "r.sqlite", [shape, opaque], task=_misbehave)
    assert counts == Counts(2, failed=2)
    errors = _errors(store)
    assert errors["shape.apk"]["message"].endswith("worker sent a result of the wrong shape")
    assert errors["opaque.apk"]["error_kind"] == "crashed"
    assert "TypeError" in errors["opaque.apk"]["message"]  # not JSON: the child says so instead of sending it


def _create_at(db: str, barrier, answers) -> None:  # runs in a child process
    barrier.wait()
    try:
        Store.create(db).close()
        answers.put("ok")
    except Exception as exc:  # noqa: BLE001 - the answer is the exception text
        answers.put(f"{type(exc).__name__}: {exc}")


def test_batches_started_together_on_a_new_database_all_open_it(tmp_path):
    # Two batches started at once on one new --db: switching the new file to WAL is answered "database is locked"
    # at once (SQLite does not wait through the busy timeout there). Before the retry, about one start in five
    # failed this way; twelve rounds of three make a miss very unlikely.
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    answers = ctx.Queue()
    for round_ in range(12):
        db = str(tmp_path / f"new-{round_}.sqlite")
        barrier = ctx.Barrier(3)
        procs = [ctx.Process(target=_create_at, args=(db, barrier, answers)) for _ in range(3)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(60)
        got = [answers.get(timeout=5) for _ in procs]
        assert got == ["ok"] * 3, got
        with Store(db) as store:
            assert store.check() == "ok"
        with sqlite3.connect(db) as con:
            assert con.execute("PRAGMA journal_mode").fetchone() == ("wal",)
