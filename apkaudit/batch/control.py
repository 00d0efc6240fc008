"""What `apkaudit batch` sets up around a Batch: the executor it runs on, and Ctrl-C / SIGTERM as a stop request."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType
from typing import Any

from apkaudit.batch.isolate import WorkerLimits
from apkaudit.batch.run import Executor


def make_executor(jobs: int, scheduler: str | None, limits: WorkerLimits) -> Executor:
    """Child processes of this one, or the workers of the Dask scheduler at `scheduler` (tcp://HOST:PORT)."""
    if scheduler:
        from apkaudit.batch.dask import DaskExecutor

        return DaskExecutor(scheduler, limits)
    from apkaudit.batch.local import LocalExecutor

    return LocalExecutor(jobs, limits)


@contextlib.contextmanager
def stop_on_signals(stopping: threading.Event) -> Iterator[None]:
    """Ctrl-C or SIGTERM sets `stopping`, which the batch asks between two steps (a handler that raised could land
    anywhere, even in code that swallows exceptions); a second Ctrl-C stops it at once. The handlers in place
    before are put back on the way out."""
    previous: dict[int, Any] = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}

    def request_stop(signum: int, frame: FrameType | None) -> None:
        stopping.set()
        signal.signal(signum, previous[signum])

    for s, handler in previous.items():
        if handler is not signal.SIG_IGN:  # started with the signal ignored (nohup, a script's &): keep it so
            signal.signal(s, request_stop)
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
