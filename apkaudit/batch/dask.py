"""The Dask executor: the same per-APK task on a `distributed` cluster, results coming back to this client.

Each Dask task forks a child in its worker (batch.isolate), so the timeout and the memory cap hold on the cluster
as they do locally. Workers open the APKs themselves, at the absolute paths this client sees: the folders must
be mounted at the same place on every worker. Only a window of tasks is in flight at once, so a batch of a
million APKs does not put a million futures on the scheduler.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from typing import Any

from apkaudit.batch.isolate import WorkerLimits
from apkaudit.batch.run import WAIT_SLICE
from apkaudit.batch.task import TaskResult, TaskSpec, isolated_task, run_task
from apkaudit.errors import BatchError


class DaskExecutor:
    """Submits tasks to the scheduler at `address` (tcp://HOST:PORT)."""

    def __init__(
        self,
        address: str,
        limits: WorkerLimits,
        task: Callable[[TaskSpec], TaskResult] = run_task,
        window: int | None = None,
        connect_timeout: float = 30.0,
    ) -> None:
        try:
            from distributed import Client, as_completed
        except ImportError:
            raise BatchError("--scheduler needs the Dask client: pip install 'apkaudit[dask]'") from None
        try:
            self.client = Client(address, timeout=connect_timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise BatchError(f"{address}: cannot reach the Dask scheduler ({type(exc).__name__}: {exc})") from None
        self.limits = limits
        self.task = task
        threads = sum(self.client.nthreads().values())
        self.window = window or max(4, 2 * threads)
        self._futures: dict[Any, TaskSpec] = {}
        self._completed = as_completed(loop=self.client.loop)

    def has_capacity(self) -> bool:
        return len(self._futures) < self.window

    def pending(self) -> int:
        return len(self._futures)

    def submit(self, spec: TaskSpec) -> None:
        # pure=False: a retried batch must run the task again, not be handed a result the cluster remembers
        future = self.client.submit(isolated_task, spec, self.limits, self.task, pure=False)
        self._futures[future] = spec
        self._completed.add(future)

    def poll(self) -> list[TaskResult]:
        return [self._result(f) for f in self._completed.next_batch(block=False)]

    def wait(self) -> list[TaskResult]:
        """Results that come within WAIT_SLICE seconds; none when nothing runs."""
        deadline = time.monotonic() + WAIT_SLICE
        while self._futures:
            done = self._completed.next_batch(block=False)
            if done or time.monotonic() >= deadline:
                return [self._result(f) for f in done]
            time.sleep(0.02)
        return []

    def _result(self, future: Any) -> TaskResult:
        spec = self._futures.pop(future)
        try:
            if future.status == "finished":
                value = future.result()
                if isinstance(value, TaskResult):
                    return value
                kind, message = "internal", f"the worker returned a {type(value).__name__}"
            elif future.status == "cancelled":
                kind, message = "worker-lost", "the cluster cancelled the task"
            else:
                exc = future.exception()
                kind, message = "worker-lost", f"{type(exc).__name__}: {exc}"
        except Exception as exc:  # the cluster lost the task or its result
            kind, message = "worker-lost", f"{type(exc).__name__}: {exc}"
        finally:
            future.release()
        return TaskResult(spec.path, spec.sha256, None, kind, f"{spec.path}: {message}"[:500])

    def close(self) -> None:
        with contextlib.suppress(Exception):
            if self._futures:
                self.client.cancel(list(self._futures))
        self._futures.clear()
        with contextlib.suppress(Exception):
            self.client.close()
