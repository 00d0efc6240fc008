"""Batches on a Dask cluster: the same task and store as local batches, through distributed's client."""

from __future__ import annotations

import time

import pytest

distributed = pytest.importorskip("distributed")

from apkaudit.audit import audit  # noqa: E402
from apkaudit.batch.dask import DaskExecutor  # noqa: E402
from apkaudit.batch.isolate import WorkerLimits  # noqa: E402
from apkaudit.batch.run import Batch, Counts  # noqa: E402
from apkaudit.batch.store import Store  # noqa: E402
from apkaudit.errors import BatchError  # noqa: E402
from apkaudit.policy import load as policy_load  # noqa: E402
from apkaudit.report.json_report import report_dict  # noqa: E402
from tests.conftest import sample_apk  # noqa: E402

POLICY = policy_load.load("cn-pipl-loan")
NAMES = ["compliant-loan", "harvest-loan", "unused-contacts"]


@pytest.fixture(scope="module")
def scheduler():
    """A real scheduler and one worker process with two threads, on loopback, for this module's tests."""
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


def _run(db, paths, address, limits=None):
    store = Store.create(db)
    executor = DaskExecutor(address, limits or WorkerLimits(timeout=120))
    events = list(Batch(store, [POLICY], executor).run([str(p) for p in paths]))
    return store, events[-1].counts


def test_cluster_results_are_the_single_scan_reports(tmp_path, scheduler):
    bad = tmp_path / "broken.apk"
    bad.write_bytes(b"PK\x03\x04 not an archive")
    paths = [sample_apk(n) for n in NAMES]
    store, counts = _run(tmp_path / "r.sqlite", [*paths, bad], scheduler)
    assert counts == Counts(4, scanned=3, failed=1)
    expected = sorted(
        (report_dict(audit(str(p), [POLICY])) for p in paths), key=lambda r: (r["app"]["package"], r["app"]["sha256"])
    )
    assert list(store.reports()) == expected
    [error] = store.errors()
    assert error["error_kind"] == "bad-apk" and error["path"] == str(bad)


def test_the_timeout_holds_on_the_cluster(tmp_path, scheduler):
    store, counts = _run(tmp_path / "r.sqlite", [sample_apk("harvest-loan")], scheduler, WorkerLimits(timeout=0.005))
    assert counts == Counts(1, failed=1)
    [error] = store.errors()
    assert error["error_kind"] == "timeout"


def test_cli_on_the_cluster_then_resumed_locally(run, tmp_path, scheduler):
    db = str(tmp_path / "r.sqlite")
    paths = [str(sample_apk(n)) for n in NAMES]
    result = run("batch", *paths, "--db", db, "--scheduler", scheduler)
    assert result.exit_code == 0, result.stderr
    assert "3 APKs: 3 audited" in result.stdout
    again = run("batch", *paths, "--db", db)  # same store, same key: the local run has nothing left to do
    assert again.exit_code == 0 and "3 already done" in again.stdout


def test_an_unreachable_scheduler_is_a_clear_error():
    start = time.monotonic()
    with pytest.raises(BatchError, match="cannot reach the Dask scheduler"):
        DaskExecutor("tcp://127.0.0.1:9", WorkerLimits(), connect_timeout=1)
    assert time.monotonic() - start < 15
