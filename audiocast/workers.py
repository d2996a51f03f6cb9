"""Where chapters render: inline, in worker processes (CPU engines), in threads (network
engines, bounded by the engine's concurrency) or on a Dask cluster."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor

from audiocast.errors import ConfigError
from audiocast.speech import Engine


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1)


@contextlib.contextmanager
def executor_for(engine: Engine, workers: int | None,
                 scheduler: str | None) -> Iterator[Executor | None]:
    """An executor for chapter jobs; None means render in this process, one at a time."""
    if scheduler:
        try:
            from distributed import Client
        except ImportError:
            raise ConfigError("--scheduler needs Dask", hint="pip install 'audiocast[dask]'"
                              ) from None
        try:
            client = Client(scheduler, timeout="10s")
        except OSError as e:
            raise ConfigError(f"cannot reach the Dask scheduler {scheduler}: {e}") from None
        with client:
            yield client.get_executor()
        return
    count = workers or default_workers()
    if not engine.offline:
        with ThreadPoolExecutor(max_workers=max(1, min(count * 2, engine.concurrency))) as pool:
            yield pool
    elif count > 1:
        with ProcessPoolExecutor(max_workers=count) as pool:
            yield pool
    else:
        yield None
