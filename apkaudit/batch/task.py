"""The per-APK task: read one APK's facts, in whatever process runs it. Pure and picklable; errors are values."""

from __future__ import annotations

import codecs
import contextlib
import dataclasses
import functools
import hashlib
import inspect
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from apkaudit import __version__, catalogs
from apkaudit.audit import gather_facts
from apkaudit.batch.isolate import FORK_LOCK, Outcome, WorkerLimits
from apkaudit.batch.isolate import run as run_isolated
from apkaudit.errors import ApkAuditError, BadApkError, CatalogError
from apkaudit.facts import apkid_rules
from apkaudit.facts.serialize import facts_to_dict
from apkaudit.policy.load import Policy

ERROR_KINDS = ("bad-apk", "error", "changed", "memory", "timeout", "crashed", "worker-lost", "internal")


@dataclass(frozen=True)
class TaskSpec:
    """One APK to read."""

    path: str  # as the user gave it (or as found in a folder or list): what the report names
    location: str  # where the worker opens it: an absolute path, on a shared file system for a cluster
    sha256: str  # what the batch hashed; the worker checks the bytes it reads against it


@dataclass(frozen=True)
class TaskResult:
    """The facts of one APK as plain data (facts_to_dict), or the error that stopped the audit."""

    path: str
    sha256: str
    facts: dict[str, Any] | None = None
    error_kind: str | None = None  # bad-apk | changed | memory | timeout | crashed | worker-lost | internal
    message: str | None = None
    seconds: float | None = None  # wall-clock time of the analysis (or of the child, when it failed)
    peak_rss: int | None = None  # bytes: the peak resident size of the process that read the APK


def run_task(spec: TaskSpec) -> TaskResult:
    """Gather the facts of one APK. Never raises: an APK that cannot be audited gives an error result."""
    start = time.perf_counter()

    def failed(kind: str, message: str) -> TaskResult:
        return TaskResult(spec.path, spec.sha256, None, kind, message, time.perf_counter() - start)

    try:
        facts = gather_facts(spec.location)
    except BadApkError as exc:
        return failed("bad-apk", _named(spec, str(exc)))
    except ApkAuditError as exc:
        return failed("error", _named(spec, str(exc)))
    except MemoryError:
        return failed("memory", f"{spec.path}: ran out of memory (the --max-memory cap was reached)")
    except RecursionError:
        return failed("internal", f"{spec.path}: internal error (RecursionError)")
    except Exception as exc:
        return failed("internal", f"{spec.path}: internal error ({type(exc).__name__}: {exc})"[:500])
    if facts.app.sha256 != spec.sha256:
        return failed("changed", f"{spec.path}: the file changed after it was hashed (SHA-256 differs)")
    if facts.app.path != spec.path:
        facts = dataclasses.replace(facts, app=dataclasses.replace(facts.app, path=spec.path))
    try:
        data = facts_to_dict(facts)
    except MemoryError:
        return failed("memory", f"{spec.path}: ran out of memory (the --max-memory cap was reached)")
    return TaskResult(spec.path, spec.sha256, data, None, None, time.perf_counter() - start)


def _named(spec: TaskSpec, message: str) -> str:
    """Messages name the file as the user gave it, not the absolute location a worker opened."""
    if spec.location != spec.path and message.startswith(spec.location):
        return spec.path + message[len(spec.location) :]
    return message


def as_data(task: Callable[[TaskSpec], TaskResult], spec: TaskSpec) -> dict[str, Any]:
    """task(spec) as the JSON data a child process sends back."""
    result = task(spec)
    return {f.name: getattr(result, f.name) for f in dataclasses.fields(result)}


def as_data_on_one_core(task: Callable[[TaskSpec], TaskResult], spec: TaskSpec) -> dict[str, Any]:
    """as_data(task, spec) with APKiD's matches on the audit's own thread, not in one beside it (in the child that
    runs it: its parent is unchanged)."""
    apkid_rules.use_background(False)
    return as_data(task, spec)


def result_of(spec: TaskSpec, outcome: Outcome) -> TaskResult:
    """The child's result, checked (it comes from a process that parsed a hostile file), or an error result
    saying how the child died."""
    value = outcome.value
    if outcome.error_kind is None and isinstance(value, dict):
        facts, kind, message, seconds = (value.get(k) for k in ("facts", "error_kind", "message", "seconds"))
        if (
            (facts is None or isinstance(facts, dict))
            and (kind is None or kind in ERROR_KINDS)
            and (facts is not None or kind is not None)
            and (message is None or isinstance(message, str))
            and (seconds is None or isinstance(seconds, (int, float)))
        ):
            return TaskResult(spec.path, spec.sha256, facts, kind, message, seconds, outcome.peak_rss)
        kind, text = "crashed", "worker sent a result of the wrong shape"
    else:
        kind, text = outcome.error_kind or "crashed", outcome.message or "no result"
    return TaskResult(spec.path, spec.sha256, None, kind, f"{spec.path}: {text}", outcome.seconds, outcome.peak_rss)


def isolated_task(
    spec: TaskSpec, limits: WorkerLimits, task: Callable[[TaskSpec], TaskResult] = run_task
) -> TaskResult:
    """`task(spec)` in a child process of the caller, under limits: what a Dask worker runs per APK."""
    warm()  # the first task of a worker process loads what its children then start with
    return result_of(spec, run_isolated(functools.partial(as_data, task), spec, limits))


def catalog_digest() -> str:
    """Identity of the knowledge facts are read with: a digest over every catalogue file shipped."""
    h = hashlib.sha256()
    folder = resources.files(catalogs.__name__)
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".yaml", ".yml", ".json")):
            h.update(entry.name.encode() + b"\0" + hashlib.sha256(entry.read_bytes()).digest())
    return "sha256:" + h.hexdigest()[:32]


@functools.cache
def code_version() -> str:
    """The tool version plus a digest of the package's Python code: a store never serves facts or reports that
    a different analysis produced, even between releases (a development checkout, a patched install)."""
    h = hashlib.sha256()
    stack: list[tuple[str, Any]] = [("", resources.files("apkaudit"))]
    found: list[tuple[str, bytes]] = []
    while stack:
        prefix, folder = stack.pop()
        for entry in folder.iterdir():
            if entry.is_dir() and entry.name != "__pycache__":
                stack.append((f"{prefix}{entry.name}/", entry))
            elif entry.name.endswith(".py"):
                found.append((prefix + entry.name, entry.read_bytes()))
    for name, data in sorted(found):
        h.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    return f"{__version__}+{h.hexdigest()[:12]}"


def policy_key(policies: Sequence[Policy]) -> str:
    """The rule books a verdict was given under, in order: 'id@sha256,...'."""
    return ",".join(f"{p.ref.id}@{p.ref.sha256}" for p in policies)


def warm() -> None:
    """Load in this process what every audit otherwise loads on first use, so that the children forked from it (one
    per APK) start with it: the shipped catalogues, every process-wide table the audit's modules build from them
    (their zero-argument cached functions: compiled patterns, indexes, APKiD's rules), and the modules and patterns
    third-party code sets up lazily. A child would pay for all of it again, for each APK: measured on DroidBench-
    sized apps, about 100 ms of CPU time per APK, as much as the audit itself.

    Once per process, under the fork lock: a Dask worker's threads fork no child while one of them is halfway
    through loading (YARA loads its rules without the GIL)."""
    with FORK_LOCK:
        if not _WARMED:
            _warm()
            _WARMED.append(True)


_WARMED: list[bool] = []


def _warm() -> None:
    folder = resources.files(catalogs.__name__)
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            # a file not shaped like a catalogue is skipped here; a child that needs it reports that per APK
            with contextlib.suppress(CatalogError):
                catalogs.load(entry.name[: -len(".yaml")])
    for table in _process_tables():
        with contextlib.suppress(Exception):  # the child meets the same error and reports it per APK
            table()
    with contextlib.suppress(Exception):
        _warm_libraries()


_TABLE_PACKAGES = ("apkaudit.analysis.", "apkaudit.dex.", "apkaudit.facts.")


def _process_tables() -> list[Callable[[], Any]]:
    """The zero-argument cached functions of the audit's modules imported so far: each is a table built once per
    process (a catalogue index, a compiled pattern set, APKiD's rules)."""
    found = []
    for name, module in sorted(sys.modules.items()):
        if not name.startswith(_TABLE_PACKAGES) or module is None:
            continue
        for value in vars(module).values():
            wrapped = getattr(value, "__wrapped__", None)
            if (
                callable(value)
                and hasattr(value, "cache_info")
                and getattr(wrapped, "__module__", None) == name
                and _no_arguments(wrapped)
            ):
                found.append(value)
    return found


def _no_arguments(fn: Any) -> bool:
    try:
        params = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return False
    return all(p.default is not p.empty or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in params)


def _warm_libraries() -> None:
    """What third-party code sets up on first use in every audit."""
    import numpy.ma  # noqa: F401 - numpy.unique (dex/starts.py) imports it on first call: ~18 ms
    from androguard.core.axml import AXMLPrinter
    from cryptography.hazmat.backends import default_backend

    default_backend()  # androguard's signature check; imports the OpenSSL backend on first call
    for encoding in ("cp437", "cp1252", "utf-16-le"):  # zip entry names, androguard's resource strings
        codecs.lookup(encoding)
    # AXMLPrinter compiles two large character classes on first use of any printer (re's cache then keeps them
    # for the process): ~14 ms
    AXMLPrinter.__new__(AXMLPrinter)._fix_value("")
