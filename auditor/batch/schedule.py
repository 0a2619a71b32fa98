"""Where the jobs run: threads driving child processes here, or a Dask cluster.

Each job is already a child process, so local threads are enough to keep
the cores busy; no job queue is written here. ``--scheduler`` hands the
same jobs to Dask distributed: ``local`` starts a cluster on this machine,
an address (``tcp://host:8786``) uses one that is running.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import ExitStack

from auditor.batch.job import Job, run
from auditor.batch.store import Outcome
from auditor.errors import InputError

DASK_MISSING = "Dask is not installed; install it with: pip install 'lakip-auditor[dask]'."


def run_all(jobs: list[Job], workers: int, scheduler: str | None = None) -> Iterator[Outcome]:
    """The outcome of every job, in the order they finish."""
    if not jobs:
        return
    if scheduler:
        yield from _on_dask(jobs, workers, scheduler)
        return
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        for future in as_completed([pool.submit(run, job) for job in jobs]):
            yield future.result()


def _on_dask(jobs: list[Job], workers: int, scheduler: str) -> Iterator[Outcome]:
    try:
        from distributed import Client, LocalCluster
        from distributed import as_completed as dask_completed
    except ImportError:
        raise InputError(DASK_MISSING, kind="usage") from None
    with ExitStack() as stack:
        if scheduler == "local":
            cluster = stack.enter_context(
                LocalCluster(n_workers=max(1, workers), threads_per_worker=1, dashboard_address=None)
            )
            client = stack.enter_context(Client(cluster))
        else:
            client = stack.enter_context(Client(scheduler, timeout="10s"))
        futures = client.map(run, jobs, pure=False)
        for future in dask_completed(futures):
            yield future.result()
