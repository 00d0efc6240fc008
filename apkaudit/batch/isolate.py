"""A forked child process per APK, with a wall-clock timeout and a memory cap, whose death is a value.

Why fork per APK rather than a long-lived pool: the parent has imported apkaudit and loaded its catalogues, so
a fork costs milliseconds and starts warm; the memory cap (RLIMIT_AS) then bounds exactly one APK; a crash, hang
or memory blow-up takes down only that child; and wait4() reports the child's own peak memory. The child never
touches the parent's database connection and leaves through os._exit, so no cleanup of the parent's runs twice.
The child answers in JSON, never pickle: it has parsed a hostile file, and what it sends is only ever data.
"""

from __future__ import annotations

import contextlib
import ctypes
import faulthandler
import json
import math
import os
import resource
import select
import signal
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from apkaudit.errors import BatchError

_EXIT_FAILED = 70  # the child could not even report what went wrong
MAX_RESULT_BYTES = 512 << 20  # a child that sends more is killed: no parent holds an unbounded answer
FORK_LOCK = threading.Lock()  # held while forking (and while warm() loads what children inherit)


@dataclass(frozen=True)
class WorkerLimits:
    """What one APK's audit may cost."""

    timeout: float | None = 300.0  # seconds of wall-clock time
    max_memory: int | None = 4 << 30  # bytes of address space the audit may add to the worker's own


@dataclass(frozen=True)
class Outcome:
    """What came back from a child: its return value, or why there is none."""

    value: Any = None
    error_kind: str | None = None  # timeout | memory | crashed
    message: str | None = None
    peak_rss: int | None = None  # bytes
    seconds: float = 0.0


def fork_supported() -> bool:
    return hasattr(os, "fork") and hasattr(os, "wait4")


class Child:
    """fn(arg) running in a forked process under limits; fn returns JSON data, which the parent reads from a pipe."""

    def __init__(self, fn: Callable[[Any], Any], arg: Any, limits: WorkerLimits) -> None:
        self.arg = arg
        self.limits = limits
        self.started = time.monotonic()
        self.deadline = self.started + limits.timeout if limits.timeout else math.inf
        self._chunks: list[bytes] = []
        self._size = 0
        self._timed_out = False
        self._too_large = False
        baseline = _address_space()
        parent = os.getpid()
        # Under the lock, no other thread (a Dask worker runs several) forks while this pipe's write end is
        # open here: a sibling holding it would keep this child's pipe from ever reporting end-of-file.
        with FORK_LOCK:
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:  # the child: never returns
                _child_main(fn, arg, limits, baseline, write_end, parent)
            os.close(write_end)
        os.set_blocking(read_end, False)
        self.pid = pid
        self.fd = read_end

    def fileno(self) -> int:
        return self.fd

    def read(self) -> bool:
        """Take what the child has written; True once it has closed its end (finished or died)."""
        while True:
            try:
                chunk = os.read(self.fd, 1 << 20)
            except BlockingIOError:
                return False
            except InterruptedError:
                continue
            if not chunk:
                return True
            self._size += len(chunk)
            if self._size > MAX_RESULT_BYTES:
                self._too_large = True
                self._chunks = []
                self.kill()
                return True
            self._chunks.append(chunk)

    def kill(self, timed_out: bool = False) -> None:
        self._timed_out = self._timed_out or timed_out
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)

    def reap(self) -> Outcome:
        """Wait for the child to exit (it has closed its pipe, or been killed) and say how it went."""
        os.close(self.fd)
        _, status, usage = _wait4(self.pid)
        seconds = time.monotonic() - self.started
        peak = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
        data = b"".join(self._chunks)
        self._chunks = []
        if self._timed_out:
            return Outcome(None, "timeout", f"still running after {self.limits.timeout:g} s (killed)", peak, seconds)
        if self._too_large:
            message = f"worker sent a result over {MAX_RESULT_BYTES >> 20} MiB (killed)"
            return Outcome(None, "crashed", message, peak, seconds)
        if os.WIFSIGNALED(status):
            sig = os.WTERMSIG(status)
            if sig == signal.SIGXCPU:
                return Outcome(None, "timeout", "used up its CPU-time limit (killed)", peak, seconds)
            name = _signal_name(sig)
            hint = " (the system may have run out of memory)" if sig == signal.SIGKILL else ""
            return Outcome(None, "crashed", f"worker killed by signal {name}{hint}", peak, seconds)
        try:
            kind, value = json.loads(data) if data else ("crashed", None)
            if not (kind is None or isinstance(kind, str)):
                raise ValueError("bad kind")
        except (ValueError, TypeError):  # cut short (the child died while writing), or not our shape
            kind, value = "crashed", None
        if kind is None:
            return Outcome(value, None, None, peak, seconds)
        if value is None:
            code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else -1
            value = f"worker exited with status {code} without a result"
        return Outcome(None, kind, value, peak, seconds)


def run(fn: Callable[[Any], Any], arg: Any, limits: WorkerLimits) -> Outcome:
    """fn(arg) in one child, waiting for it here: the form a Dask task uses."""
    child = Child(fn, arg, limits)
    try:
        while True:
            remaining = child.deadline - time.monotonic()
            if remaining <= 0:
                child.kill(timed_out=True)
                break
            ready, _, _ = select.select([child.fd], [], [], min(remaining, 3600.0))
            if ready and child.read():
                break
        return child.reap()
    except BaseException:
        child.kill()
        with contextlib.suppress(ChildProcessError, OSError):
            child.reap()
        raise


def _max_fd() -> int:
    try:
        return min(int(os.sysconf("SC_OPEN_MAX")), 1 << 20)
    except (ValueError, OSError):
        return 4096


def _signal_name(sig: int) -> str:
    try:
        return signal.Signals(sig).name
    except ValueError:
        return str(sig)


def _wait4(pid: int) -> tuple[int, int, Any]:
    while True:
        try:
            return os.wait4(pid, 0)
        except InterruptedError:
            continue


def _address_space() -> int:
    """Bytes of virtual memory this process maps now (Linux); 0 where that cannot be read."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _child_main(fn: Callable[[Any], Any], arg: Any, limits: WorkerLimits, baseline: int, fd: int, parent: int) -> None:
    code = _EXIT_FAILED
    try:
        # Ctrl-C reaches the whole process group: the parent decides, and kills its children itself.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        # The parent's other descriptors (its database, sockets, other children's pipes) are none of its business.
        os.closerange(3, fd)
        os.closerange(fd + 1, _max_fd())
        faulthandler.disable()  # a crash is recorded as that APK's error, not dumped on the user's terminal
        _die_with_parent(parent)
        _apply_limits(limits, baseline)
        try:
            payload = json.dumps([None, fn(arg)], ensure_ascii=True, separators=(",", ":")).encode("ascii")
        except MemoryError:
            payload = json.dumps(["memory", "ran out of memory (the memory cap was reached)"]).encode("ascii")
        except BaseException as exc:  # the task returns errors as values; this is a bug
            message = f"worker failed: {type(exc).__name__}: {exc}"[:500]
            payload = json.dumps(["crashed", message], ensure_ascii=True).encode("ascii")
        view = memoryview(payload)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        code = 0
    finally:
        os._exit(code)


def _apply_limits(limits: WorkerLimits, baseline: int) -> None:
    if limits.max_memory:
        cap = baseline + limits.max_memory
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    if limits.timeout:
        # a backstop for a child whose parent is gone: the parent's wall clock kills it long before this
        cpu = math.ceil(limits.timeout) + 5
        _, hard = resource.getrlimit(resource.RLIMIT_CPU)
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_CPU, (cpu, hard if hard != resource.RLIM_INFINITY else cpu + 5))


def _die_with_parent(parent: int) -> None:
    """On Linux, ask the kernel to kill this child if the process that forked it dies first."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(_EXIT_FAILED)


_UNITS = {"": 1, "B": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40}


def parse_size(text: str, what: str = "size") -> int | None:
    """'512M', '4G', '1.5G', '1048576' -> bytes (binary units); '0' or 'none' -> no cap."""
    value = text.strip().upper().removesuffix("IB").removesuffix("B")
    if value in ("0", "NONE", "UNLIMITED"):
        return None
    unit = value[-1:] if value[-1:] in _UNITS else ""
    number = value[: len(value) - len(unit)]
    try:
        size = float(number)
    except ValueError:
        raise BatchError(f"{what}: {text!r} is not a size (examples: 512M, 4G)") from None
    if not math.isfinite(size) or size <= 0:
        raise BatchError(f"{what}: {text!r} is not a positive size")
    if size * _UNITS[unit] < 64 << 20:
        raise BatchError(f"{what}: {text!r} is too small to audit anything (at least 64M)")
    return int(size * _UNITS[unit])
