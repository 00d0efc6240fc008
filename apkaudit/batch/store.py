"""The batch results store: one SQLite file (WAL mode) holding facts, reports and errors, keyed by APK SHA-256.

Tables:
  facts    (sha256, tool_version, catalogs) -> the facts as JSON: what a changed rule book is judged on again
  results  (sha256, tool_version, catalogs, policies) -> the JSON report with grade and score, or the error
  inputs   path -> size, mtime and SHA-256 (so a resumed batch does not hash again), or why it could not be read
  claims   (sha256, tool_version, catalogs, policies) -> the batch auditing it now (pid, host, since when), so that
           two batches on one store share the work instead of each auditing everything; a claim of a process that
           is gone (or older than CLAIM_STALE_S) is taken over

Every result is committed on its own, so a crash loses at most the APKs being audited at that moment. Several
processes may write one store at once: each write is a short `BEGIN IMMEDIATE` transaction that waits for the
others. The read API (`reports`, `errors`) is stable: other tools (`apkaudit site`) are built on it.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import shutil
import socket
import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from apkaudit.errors import StoreError

SCHEMA = "apkaudit/batch-store/v1"
MIN_FREE_BYTES = 32 << 20  # a batch does not start on a device with less room than this
BUSY_TIMEOUT_S = 120.0  # how long a write waits for another batch writing the same store
CLAIM_STALE_S = 24 * 3600.0  # a claim this old is taken over even when its process cannot be checked (another host)

_TABLES = """
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS facts (
    sha256 TEXT NOT NULL,
    tool_version TEXT NOT NULL,
    catalogs TEXT NOT NULL,
    facts TEXT NOT NULL,
    scan_seconds REAL,
    peak_rss INTEGER,
    PRIMARY KEY (sha256, tool_version, catalogs)
);
CREATE TABLE IF NOT EXISTS results (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    sha256 TEXT NOT NULL,
    tool_version TEXT NOT NULL,
    catalogs TEXT NOT NULL,
    policies TEXT NOT NULL,
    path TEXT NOT NULL,
    package TEXT,
    version_name TEXT,
    grade TEXT,
    score INTEGER,
    report TEXT,
    error_kind TEXT,
    message TEXT,
    scan_seconds REAL,
    judge_seconds REAL,
    peak_rss INTEGER,
    finished TEXT NOT NULL,
    UNIQUE (sha256, tool_version, catalogs, policies)
);
CREATE INDEX IF NOT EXISTS results_by_sha256 ON results (sha256);
CREATE TABLE IF NOT EXISTS inputs (
    path TEXT PRIMARY KEY,
    size INTEGER,
    mtime_ns INTEGER,
    sha256 TEXT,
    error_kind TEXT,
    message TEXT
);
CREATE TABLE IF NOT EXISTS claims (
    sha256 TEXT NOT NULL,
    tool_version TEXT NOT NULL,
    catalogs TEXT NOT NULL,
    policies TEXT NOT NULL,
    pid INTEGER NOT NULL,
    host TEXT NOT NULL,
    claimed REAL NOT NULL,
    PRIMARY KEY (sha256, tool_version, catalogs, policies)
);
"""


@dataclass(frozen=True)
class Key:
    """What a stored result depends on besides the APK's bytes."""

    tool_version: str
    catalogs: str  # digest of every shipped catalogue (apkaudit.batch.task.catalog_digest)
    policies: str  # "id@sha256" of each rule book, in the order given, comma-separated


@dataclass(frozen=True)
class Record:
    """The outcome for one APK under one key: a report or an error, with what it cost."""

    sha256: str
    path: str
    report: dict[str, Any] | None = None  # report_dict output
    error_kind: str | None = None
    message: str | None = None
    scan_seconds: float | None = None
    judge_seconds: float | None = None
    peak_rss: int | None = None  # bytes, the peak resident size of the worker that read the APK


@dataclass(frozen=True)
class InputRow:
    """One input path: what it hashed to, or why it could not be read."""

    path: str
    size: int | None
    mtime_ns: int | None
    sha256: str | None
    error_kind: str | None = None
    message: str | None = None


def _now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")


def _compact(value: Any) -> str:
    # ASCII: a hostile string with a lone surrogate (a malformed name in an APK) is kept as its JSON escape
    return json.dumps(value, ensure_ascii=True, separators=(",", ":"))


def _db_text(value: Any) -> Any:
    """Text SQLite can hold: a file name that is not UTF-8 (surrogate-escaped by Python) keeps its bytes as \\xNN."""
    if not isinstance(value, str):
        return value
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        try:
            raw = value.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            raw = value.encode("utf-8", "surrogatepass")
        return raw.decode("utf-8", "backslashreplace")


class Store:
    """An existing results database. `Store.create` makes (or reopens) one for a batch to write."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise StoreError(f"{path}: no such results database (apkaudit batch creates it)")
        self._db = self._open(self.path, "rw" if os.access(self.path, os.W_OK) else "ro")
        try:
            # FULL: a result reported as committed survives a power cut too, not only a crash
            self._db.execute("PRAGMA synchronous = FULL")
            row = self._db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise StoreError(f"{path}: not an apkaudit results database ({_reason(exc)})") from None
        if row is None or row[0] != SCHEMA:
            self._db.close()
            found = row[0] if row else "none"
            raise StoreError(f"{path}: not an apkaudit results database (schema {found}, expected {SCHEMA})")

    @classmethod
    def create(cls, path: str | Path) -> Store:
        """Open the store for writing, creating it if needed; fail here, before any work, if it cannot be written."""
        target = Path(path)
        folder = target.parent
        if target.is_dir():
            raise StoreError(f"{path}: is a folder; give a database file name such as results.sqlite")
        if target.exists() and not target.is_file():  # SQLite would block on a FIFO, or write into a device
            raise StoreError(f"{path}: not a regular file; give a database file name such as results.sqlite")
        if not folder.is_dir():
            raise StoreError(f"{path}: folder {folder} does not exist")
        if not os.access(folder, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
            raise StoreError(f"{path}: cannot write there (read-only file, folder or file system)")
        try:
            free = shutil.disk_usage(folder).free
        except OSError as exc:
            raise StoreError(f"{path}: cannot check free space: {exc.strerror or exc}") from None
        if free < MIN_FREE_BYTES:
            raise StoreError(
                f"{path}: only {free // 1024} KiB free on the output device; a batch needs at least "
                f"{MIN_FREE_BYTES >> 20} MiB"
            )
        db = cls._open(target, "rwc")
        try:
            _use_wal(db)
            db.execute("BEGIN IMMEDIATE")
            for statement in _TABLES.split(";"):
                if statement.strip():
                    db.execute(statement)
            row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if row is not None and row[0] != SCHEMA:
                raise StoreError(f"{path}: not an apkaudit results database (schema {row[0]}, expected {SCHEMA})")
            # a real write, so that a read-only file or a full device shows up now rather than after the first APK
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema', ?)", (SCHEMA,))
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('opened', ?)", (_now(),))
            db.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: cannot write the results database: {_reason(exc)}") from None
        finally:
            db.close()
        return cls(target)

    @staticmethod
    def _open(path: Path, mode: str) -> sqlite3.Connection:
        uri = f"{path.resolve().as_uri()}?mode={mode}"
        try:
            db = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: cannot open the results database: {_reason(exc)}") from None
        return db

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the stable read API ----------------------------------------------------------------------------

    def reports(self) -> Iterator[dict[str, Any]]:
        """The JSON report (as report_dict makes it) of every APK audited successfully: one per distinct APK,
        the latest, sorted by package then SHA-256."""
        rows = self._read(
            "SELECT report, path, sha256 FROM results WHERE seq IN "
            "(SELECT MAX(seq) FROM results WHERE report IS NOT NULL GROUP BY sha256) "
            "ORDER BY package, sha256"
        )
        for text, path, sha256 in rows:
            try:
                doc = json.loads(text)
            except (ValueError, RecursionError):
                doc = None
            if not isinstance(doc, dict):  # a damaged row: `batch` sees it too (result_kind) and audits it again
                raise StoreError(
                    f"{self.path}: the stored report of {path} (SHA-256 {sha256}) is damaged (not a JSON object); "
                    "run the same batch again to audit it again"
                )
            yield doc

    def errors(self) -> Iterator[dict[str, Any]]:
        """{path, sha256, error_kind, message} for every APK never audited successfully (its latest error), and
        for every input path that could not be read (sha256 None); sorted by path then SHA-256."""
        rows = self._read(
            "SELECT path, sha256, error_kind, message FROM results WHERE seq IN "
            "(SELECT MAX(seq) FROM results GROUP BY sha256) AND report IS NULL "
            "AND sha256 NOT IN (SELECT sha256 FROM results WHERE report IS NOT NULL) "
            "UNION ALL "
            "SELECT path, NULL, error_kind, message FROM inputs WHERE sha256 IS NULL AND error_kind IS NOT NULL "
            "ORDER BY 1, 2"
        )
        for path, sha256, kind, message in rows:
            yield {"path": path, "sha256": sha256, "error_kind": kind, "message": message}

    # -- what a batch needs -------------------------------------------------------------------------------

    def known_sha256(self, path: str, size: int, mtime_ns: int) -> str | None:
        """The SHA-256 recorded for this path when it had this size and modification time."""
        row = self._one(
            "SELECT sha256 FROM inputs WHERE path = ? AND size = ? AND mtime_ns = ? AND sha256 IS NOT NULL",
            (_db_text(path), size, mtime_ns),
        )
        return row[0] if row else None

    def result_kind(self, sha256: str, key: Key) -> str | None:
        """'report' or 'error' when this APK has a result under this key, else None."""
        row = self._one(
            "SELECT report IS NOT NULL, report IS NULL OR json_valid(report) FROM results "
            "WHERE sha256 = ? AND tool_version = ? AND catalogs = ? AND policies = ?",
            (sha256, key.tool_version, key.catalogs, key.policies),
        )
        if row is None or not row[1]:  # a damaged report is no result: the batch audits the APK again
            return None
        return "report" if row[0] else "error"

    def facts_json(self, sha256: str, key: Key) -> str | None:
        """Stored facts of this APK from this tool version and these catalogues, as JSON text."""
        row = self._one(
            "SELECT facts FROM facts WHERE sha256 = ? AND tool_version = ? AND catalogs = ?",
            (sha256, key.tool_version, key.catalogs),
        )
        return row[0] if row else None

    def scan_error(self, sha256: str, key: Key) -> tuple[str, str, str] | None:
        """(path, error_kind, message) when reading this APK failed under this tool version and catalogues,
        whatever the rule books: reading it again would fail again."""
        row = self._one(
            "SELECT path, error_kind, message FROM results WHERE sha256 = ? AND tool_version = ? AND catalogs = ? "
            "AND report IS NULL AND error_kind IS NOT NULL AND error_kind != 'judge' ORDER BY seq DESC LIMIT 1",
            (sha256, key.tool_version, key.catalogs),
        )
        return (row[0], row[1], row[2]) if row else None

    @contextlib.contextmanager
    def _writing(self, durable: bool = True) -> Iterator[None]:
        """One short write transaction (BEGIN IMMEDIATE ... COMMIT, rolled back on any exception); a database
        error becomes a StoreError naming the file.

        `durable=False` commits without waiting for the disk (synchronous NORMAL: other processes see the change at
        once, and the next durable commit syncs it with its own): for what a power cut may lose, a claim."""
        try:
            if not durable:
                self._db.execute("PRAGMA synchronous = NORMAL")
            try:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    yield
                    self._db.execute("COMMIT")
                except BaseException:
                    if self._db.in_transaction:
                        self._db.execute("ROLLBACK")
                    raise
            finally:
                if not durable:
                    self._db.execute("PRAGMA synchronous = FULL")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot write the results database: {_reason(exc)}") from None

    def claim(self, sha256: str, key: Key, *, redo_errors: bool = False) -> bool:
        """Take this APK for this process to audit under this key. False when another live batch holds it, or when a
        result was written since the caller looked (an error counts only when `redo_errors` is False)."""
        me = (os.getpid(), _host())
        # not durable: a claim lost in a power cut belonged to a process that is gone with it, which makes it stale
        with self._writing(durable=False):
            taken = self._claimable(sha256, key, me, redo_errors)
            if taken:
                self._db.execute(
                    "INSERT OR REPLACE INTO claims (sha256, tool_version, catalogs, policies, pid, host, claimed) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (sha256, key.tool_version, key.catalogs, key.policies, *me, time.time()),
                )
        return taken

    def _claimable(self, sha256: str, key: Key, me: tuple[int, str], redo_errors: bool) -> bool:
        params = (sha256, key.tool_version, key.catalogs, key.policies)
        done = self._db.execute(
            "SELECT report IS NOT NULL FROM results WHERE sha256 = ? AND tool_version = ? AND catalogs = ? "
            "AND policies = ? AND (report IS NULL OR json_valid(report))",
            params,
        ).fetchone()
        if done is not None and (done[0] or not redo_errors):
            return False
        row = self._db.execute(
            "SELECT pid, host, claimed FROM claims WHERE sha256 = ? AND tool_version = ? AND catalogs = ? "
            "AND policies = ?",
            params,
        ).fetchone()
        return row is None or _claim_is_stale(row[0], row[1], row[2], me)

    def release_claims(self) -> None:
        """Give up every claim this process still holds (its batch ends without those results)."""
        try:
            self._db.execute("DELETE FROM claims WHERE pid = ? AND host = ?", (os.getpid(), _host()))
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot write the results database: {_reason(exc)}") from None

    def write(
        self,
        key: Key,
        record: Record | None = None,
        facts_json: str | None = None,
        inputs: Iterable[InputRow] = (),
    ) -> None:
        """Commit one result (and the facts it came from, and input rows) in one transaction."""
        with self._writing():
            if record is not None and facts_json is not None:
                self._db.execute(
                    "INSERT OR REPLACE INTO facts (sha256, tool_version, catalogs, facts, scan_seconds, peak_rss) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (record.sha256, key.tool_version, key.catalogs, facts_json)
                    + (record.scan_seconds, record.peak_rss),
                )
            if record is not None:
                self._write_result(key, record)
            self._db.executemany(
                "INSERT OR REPLACE INTO inputs (path, size, mtime_ns, sha256, error_kind, message) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [tuple(map(_db_text, (i.path, i.size, i.mtime_ns, i.sha256, i.error_kind, i.message))) for i in inputs],
            )

    def _write_result(self, key: Key, record: Record) -> None:
        """The results row of one APK (inside write's transaction); its claim is released with it."""
        report = record.report
        app = report["app"] if report else {}
        values = (
            record.sha256,
            key.tool_version,
            key.catalogs,
            key.policies,
            record.path,
            app.get("package"),
            app.get("version_name"),
            report.get("grade") if report else None,
            report.get("score") if report else None,
            _compact(report) if report is not None else None,
            record.error_kind,
            record.message,
            record.scan_seconds,
            record.judge_seconds,
            record.peak_rss,
            _now(),
        )
        self._db.execute(
            "INSERT OR REPLACE INTO results (sha256, tool_version, catalogs, policies, path, package, "
            "version_name, grade, score, report, error_kind, message, scan_seconds, judge_seconds, "
            "peak_rss, finished) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            tuple(map(_db_text, values)),
        )
        self._db.execute(
            "DELETE FROM claims WHERE sha256 = ? AND tool_version = ? AND catalogs = ? AND policies = ?",
            (record.sha256, key.tool_version, key.catalogs, key.policies),
        )

    def timings(self) -> list[tuple[float | None, int | None]]:
        """(scan seconds, peak RSS bytes) of every stored facts row, for benchmarks."""
        return [(r[0], r[1]) for r in self._read("SELECT scan_seconds, peak_rss FROM facts ORDER BY sha256")]

    def check(self) -> str:
        """SQLite's own integrity check: 'ok' when the file is sound."""
        row = self._one("PRAGMA integrity_check", ())
        return str(row[0]) if row else "no answer"

    # -- helpers ----------------------------------------------------------------------------------------

    def _one(self, sql: str, params: tuple[Any, ...]) -> Any:
        try:
            return self._db.execute(sql, params).fetchone()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot read the results database: {_reason(exc)}") from None

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> Iterator[Any]:
        try:
            cursor = self._db.execute(sql, params)
            while rows := cursor.fetchmany(256):
                yield from rows
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot read the results database: {_reason(exc)}") from None


def _host() -> str:
    return socket.gethostname()


def _claim_is_stale(pid: int, host: str, claimed: float, me: tuple[int, str]) -> bool:
    """A claim may be taken over: this process's own, one of a process of this host that is gone, or a very old one."""
    if (pid, host) == me or time.time() - claimed > CLAIM_STALE_S:
        return True
    if host != me[1]:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # alive, owned by another user
        return False
    return False


def _use_wal(db: sqlite3.Connection) -> None:
    """Put the store in WAL mode (it stays so: the mode is kept in the file).

    Switching needs the file to itself, and SQLite answers "database is locked" at once, without waiting through
    the busy timeout, when another process is opening or switching the same new file at that moment (two batches
    started together on one --db). So the switch is retried here for as long as a write would wait.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    pause = 0.005
    while True:
        try:
            # a file system without shared memory keeps its old mode; writes then still wait on each other
            db.execute("PRAGMA journal_mode = WAL").fetchone()
            return
        except sqlite3.OperationalError as exc:
            contended = "locked" in str(exc) or "busy" in str(exc)
            if not contended or time.monotonic() > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.25)


def _reason(exc: sqlite3.DatabaseError) -> str:
    text = str(exc)
    if "readonly" in text or "read-only" in text:
        return "the file or its folder is read-only"
    if "full" in text:
        return "the disk is full"
    if "unable to open" in text:
        return "cannot create or open the file there (is the folder writable?)"
    return text
