"""Helpers shared by the benchmark modules."""

from __future__ import annotations

import resource
import statistics
from collections.abc import Callable
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
