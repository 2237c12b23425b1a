"""Helpers shared by the benchmark modules."""

from __future__ import annotations

import contextlib
import os
import resource
import socket
import statistics
import uuid
from collections.abc import Callable, Iterator
from time import perf_counter
from typing import Any

Row = dict[str, Any]


def row(benchmark: str, metric: str, value: float, unit: str, target: str | None = None) -> Row:
    """One result row: what was measured, its value and unit, and the target it is held to."""
    return {"benchmark": benchmark, "metric": metric, "value": value, "unit": unit, "target": target}


def time_calls(fn: Callable[[], object], repeat: int, warmup: int = 20) -> list[float]:
    """Wall-clock seconds of `repeat` calls of `fn`, after `warmup` calls."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        start = perf_counter()
        fn()
        samples.append(perf_counter() - start)
    return samples


def percentile(samples: list[float], q: float) -> float:
    """The q-th percentile (0..100) with linear interpolation."""
    ordered = sorted(samples)
    if len(ordered) == 1:
        return ordered[0]
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def median(samples: list[float]) -> float:
    """The median of `samples`."""
    return statistics.median(samples)


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def free_port() -> int:
    """A TCP port on loopback that nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


POSTGRES = os.environ.get(
    "WELFARE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


@contextlib.contextmanager
def postgres_database() -> Iterator[str]:
    """A fresh database on the local PostgreSQL (`WELFARE_TEST_POSTGRES_URL`), dropped afterwards; raises when
    PostgreSQL cannot be reached."""
    from sqlalchemy import create_engine, make_url, text

    admin = create_engine(POSTGRES, isolation_level="AUTOCOMMIT")
    name = f"welfare_bench_{uuid.uuid4().hex[:10]}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception:
        admin.dispose()
        raise
    try:
        yield make_url(POSTGRES).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
