"""A batch: settle every input path once (scan it, judge its stored facts again, or skip it) and commit each result.

The batch hashes each file first: the SHA-256 is the key of everything stored, so an APK already done under the
same tool version, catalogues and rule books is skipped (resume), one whose facts are stored is only judged
again (a changed rule book), and identical bytes under two paths are read once.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import stat
import time
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from apkaudit.audit import judge
from apkaudit.batch.store import InputRow, Key, Record, Store
from apkaudit.batch.task import TaskResult, TaskSpec, catalog_digest, code_version, policy_key
from apkaudit.errors import ApkAuditError, StoreError
from apkaudit.facts.serialize import FactsFormatError, facts_from_dict
from apkaudit.files import open_regular
from apkaudit.model import Facts
from apkaudit.package import folder_identity, is_split_folder
from apkaudit.policy.load import Policy
from apkaudit.report.json_report import report_dict

WAIT_SLICE = 0.25  # an executor's wait returns this often, so that a stop request is seen quickly
SKIP_EVENT_EVERY = 500  # a long run of skipped APKs is reported in pieces of this size
INPUT_ROWS_PER_WRITE = 1000


class Executor(Protocol):
    """Where tasks run: LocalExecutor (child processes) or DaskExecutor (a cluster)."""

    def has_capacity(self) -> bool: ...

    def pending(self) -> int: ...

    def submit(self, spec: TaskSpec) -> None: ...

    def poll(self) -> list[TaskResult]: ...

    def wait(self) -> list[TaskResult]:
        """Results that come within about WAIT_SLICE seconds (at least one, unless none arrives by then)."""
        ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class Counts:
    """How far the batch has got, in input paths."""

    total: int
    scanned: int = 0  # read and judged now
    rejudged: int = 0  # judged again from stored facts
    skipped: int = 0  # already done under the same key (including earlier errors), or claimed by another batch
    duplicates: int = 0  # the same bytes as another path of this batch
    failed: int = 0  # recorded with an error now

    @property
    def done(self) -> int:
        return self.scanned + self.rejudged + self.skipped + self.duplicates + self.failed

    @property
    def worked(self) -> int:
        """Paths that cost an analysis in this run (what a rate or an ETA is made of)."""
        return self.scanned + self.failed


@dataclass(frozen=True)
class Event:
    """Input paths settled: one APK, or a run of skipped ones."""

    status: str  # scanned | rejudged | skipped | duplicate | failed
    path: str | None  # None for a run of skipped paths
    count: int
    counts: Counts
    grade: str | None = None
    score: int | None = None
    error_kind: str | None = None
    message: str | None = None
    seconds: float | None = None


def make_key(policies: Sequence[Policy]) -> Key:
    return Key(code_version(), catalog_digest(), policy_key(policies))


class Batch:
    """One run of a batch over a store; `run` yields an Event as each input path is settled."""

    def __init__(
        self,
        store: Store,
        policies: Sequence[Policy],
        executor: Executor,
        *,
        retry_errors: bool = False,
        stop: Callable[[], bool] = lambda: False,
    ) -> None:
        """`stop` is asked between steps: once it says True, the batch kills what runs and ends (`interrupted`)."""
        self.store = store
        self.stop = stop
        self.interrupted = False
        self.policies = tuple(policies)
        self.executor = executor
        self.retry_errors = retry_errors
        self.key = make_key(self.policies)
        self._counts = Counts(0)
        self._inflight: dict[str, str] = {}  # sha256 -> path being read
        self._inputs: list[InputRow] = []
        self._skips = 0

    def run(self, paths: Sequence[str]) -> Generator[Event, None, None]:
        """Plan the paths in order, each running APK with the next one planned (hashed, claimed) behind it, so
        that a finished child is replaced at once: its result is judged and stored while its successor runs."""
        self._counts = Counts(len(paths))
        ex = self.executor
        plan = self._plan(paths)
        ready: deque[TaskSpec] = deque()
        planning = True
        try:
            while not self.stop():
                if planning and len(ready) < max(1, ex.pending()):
                    item = next(plan, None)
                    if item is None:
                        planning = False
                    elif isinstance(item, Event):
                        yield item
                    else:
                        ready.append(item)
                        self._inflight[item.sha256] = item.path
                    results = ex.poll()
                elif ready or ex.pending():
                    results = ex.wait()
                else:
                    break
                while ready and ex.has_capacity() and not self.stop():
                    ex.submit(ready.popleft())
                yield from self._settle(results)
            if self._inputs:
                self.store.write(self.key, inputs=self._take_inputs())
            self.interrupted = self.stop()
        finally:
            try:
                ex.close()
            finally:
                with contextlib.suppress(StoreError):  # the APKs still claimed are simply not done
                    self.store.release_claims()

    # -- planning ---------------------------------------------------------------------------------------

    def _plan(self, paths: Sequence[str]) -> Iterator[Event | TaskSpec]:
        for path in paths:
            item = self._plan_one(path)
            if item is None:
                self._skips += 1
                self._counts = dataclasses.replace(self._counts, skipped=self._counts.skipped + 1)
                if self._skips >= SKIP_EVENT_EVERY:
                    yield self._skip_event()
                continue
            if self._skips:
                yield self._skip_event()
            yield item
            if len(self._inputs) >= INPUT_ROWS_PER_WRITE:
                self.store.write(self.key, inputs=self._take_inputs())
        if self._skips:
            yield self._skip_event()

    def _plan_one(self, path: str) -> Event | TaskSpec | None:
        """None: already done. An Event: settled here (unreadable, duplicate, judged again). A TaskSpec: read it."""
        try:
            st = os.stat(path)
            if stat.S_ISDIR(st.st_mode) and is_split_folder(path):  # one app in split APKs: no cache, hashed
                sha = folder_identity(path)
                self._inputs.append(InputRow(path, None, None, sha))
                return self._planned(path, sha)
            if not stat.S_ISREG(st.st_mode):  # a FIFO named *.apk would block the batch; a device never ends
                return self._input_failed(path, "unreadable", f"{path}: not a regular file")
            sha = self.store.known_sha256(path, st.st_size, st.st_mtime_ns) or _sha256_file(path)
        except ApkAuditError as exc:
            return self._input_failed(path, "unreadable", str(exc))
        except FileNotFoundError:
            return self._input_failed(path, "missing", f"{path}: no such file")
        except IsADirectoryError:
            return self._input_failed(path, "unreadable", f"{path}: is a folder")
        except OSError as exc:
            return self._input_failed(path, "unreadable", f"{path}: cannot read file: {exc.strerror or exc}")
        self._inputs.append(InputRow(path, st.st_size, st.st_mtime_ns, sha))
        return self._planned(path, sha)

    def _planned(self, path: str, sha: str) -> Event | TaskSpec | None:
        if sha in self._inflight:
            self._counts = dataclasses.replace(self._counts, duplicates=self._counts.duplicates + 1)
            return Event("duplicate", path, 1, self._counts, message=f"same bytes as {self._inflight[sha]}")
        done = self.store.result_kind(sha, self.key)
        if done == "report" or (done == "error" and not self.retry_errors):
            return None
        stored = self.store.facts_json(sha, self.key)
        if stored is not None:
            record = self._judge_stored(sha, path, stored)
            if record is not None:
                return self._record(record, None, "rejudged")
        if not self.retry_errors:
            earlier = self.store.scan_error(sha, self.key)
            if earlier is not None:  # reading it failed under other rule books; it would fail again
                _, kind, message = earlier
                record = Record(sha, path, error_kind=kind, message=message)
                self.store.write(self.key, record, None, self._take_inputs())
                return None
        if not self.store.claim(sha, self.key, redo_errors=self.retry_errors):
            return None  # another batch on this store is auditing it now, or has just done so
        return TaskSpec(path, os.path.abspath(path), sha)

    def _skip_event(self) -> Event:
        n, self._skips = self._skips, 0
        return Event("skipped", None, n, self._counts)

    def _input_failed(self, path: str, kind: str, message: str) -> Event:
        self._inputs.append(InputRow(path, None, None, None, kind, message))
        self._counts = dataclasses.replace(self._counts, failed=self._counts.failed + 1)
        return Event("failed", path, 1, self._counts, error_kind=kind, message=message)

    # -- settling ---------------------------------------------------------------------------------------

    def _settle(self, results: list[TaskResult]) -> Iterator[Event]:
        for result in results:
            self._inflight.pop(result.sha256, None)
            if result.facts is None:
                record = Record(
                    result.sha256,
                    result.path,
                    error_kind=result.error_kind or "internal",
                    message=result.message,
                    scan_seconds=result.seconds,
                    peak_rss=result.peak_rss,
                )
                yield self._record(record, None, "failed")
                continue
            try:
                facts = facts_from_dict(result.facts)
            except FactsFormatError as exc:  # a worker running another apkaudit version than this client
                record = Record(result.sha256, result.path, error_kind="internal", message=f"{result.path}: {exc}")
                yield self._record(record, None, "failed")
                continue
            record = self._judge(facts, result.path, result.sha256)
            record = dataclasses.replace(record, scan_seconds=result.seconds, peak_rss=result.peak_rss)
            facts_json = json.dumps(result.facts, ensure_ascii=True, separators=(",", ":"))  # see store._compact
            yield self._record(record, facts_json, "scanned" if record.report is not None else "failed")

    def _judge_stored(self, sha: str, path: str, stored: str) -> Record | None:
        """A verdict from stored facts; None when they no longer fit the model (then the APK is read again)."""
        try:
            facts = facts_from_dict(json.loads(stored))
        except (ValueError, FactsFormatError):
            return None
        if facts.app.path != path:  # the same bytes, found under another name this time
            facts = dataclasses.replace(facts, app=dataclasses.replace(facts.app, path=path))
        return self._judge(facts, path, sha)

    def _judge(self, facts: Facts, path: str, sha: str) -> Record:
        start = time.perf_counter()
        try:
            report = report_dict(judge(facts, self.policies))
        except Exception as exc:  # a rule book that cannot judge these facts is a bug; record it, go on
            message = f"{path}: cannot judge the facts ({type(exc).__name__}: {exc})"[:500]
            return Record(sha, path, error_kind="judge", message=message)
        return Record(sha, path, report, judge_seconds=time.perf_counter() - start)

    def _record(self, record: Record, facts_json: str | None, status: str) -> Event:
        self.store.write(self.key, record, facts_json, self._take_inputs())
        c = self._counts
        if status == "scanned":
            c = dataclasses.replace(c, scanned=c.scanned + 1)
        elif status == "rejudged":
            c = dataclasses.replace(c, rejudged=c.rejudged + 1)
        else:
            c = dataclasses.replace(c, failed=c.failed + 1)
        self._counts = c
        report = record.report or {}
        return Event(
            status,
            record.path,
            1,
            c,
            grade=report.get("grade"),
            score=report.get("score"),
            error_kind=record.error_kind,
            message=record.message,
            seconds=record.scan_seconds,
        )

    def _take_inputs(self) -> list[InputRow]:
        rows, self._inputs = self._inputs, []
        return rows


def _sha256_file(path: str) -> str:
    """The SHA-256 of a regular file (swapped for a FIFO since it was looked at: refused, never blocks)."""
    h = hashlib.sha256()
    fd = open_regular(path)
    with os.fdopen(fd, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()
