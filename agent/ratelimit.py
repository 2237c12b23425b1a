"""Rate limits per session, per client and for handoff cases, on the `limits` package.

Each limiter counts requests in moving windows: kept in the process by default, and in Redis when `REDIS_URL` is
set, so that every replica behind a load balancer counts against the same limit. When Redis cannot be reached
the request is let through and the failure logged: a rate limit protects the service, it must not take it down.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass

from limits import RateLimitItem, RateLimitItemPerSecond
from limits.storage import MemoryStorage, Storage, storage_from_string
from limits.strategies import MovingWindowRateLimiter

log = logging.getLogger(__name__)

NAMESPACE = "welfare"


@dataclass(frozen=True)
class Window:
    """At most `amount` requests in any `seconds` seconds."""

    amount: int
    seconds: int


def make_storage(redis_url: str | None) -> Storage:
    """Redis storage shared by the replicas when `redis_url` is set; the process's memory otherwise."""
    if not redis_url:
        return MemoryStorage()
    storage = storage_from_string(redis_url, socket_timeout=1, socket_connect_timeout=1)
    assert isinstance(storage, Storage)
    return storage


def token_windows(per_minute: float, burst: int) -> list[Window]:
    """`per_minute` requests a minute with bursts up to `burst`: `burst` in the time the rate takes to allow
    that many, and the rate over a whole minute (over an hour below one a minute)."""
    burst = max(1, burst)
    if per_minute >= 1:
        refill = max(1, math.ceil(burst * 60 / per_minute))
        return [Window(burst, refill), Window(max(burst, round(per_minute)), 60)]
    per_hour = max(burst, round(per_minute * 60))
    return [Window(per_hour, 3600)]


class Limiter:
    """A named limit (`session`, `client`, `cases`) over `windows`, counted in `storage`."""

    def __init__(self, name: str, windows: Sequence[Window], storage: Storage) -> None:
        self.name = name
        self.windows = list(windows)
        self._items: list[RateLimitItem] = [
            RateLimitItemPerSecond(w.amount, w.seconds, namespace=f"{NAMESPACE}:{name}") for w in self.windows
        ]
        self._strategy = MovingWindowRateLimiter(storage)

    def check(self, key: str) -> float | None:
        """None when allowed (and counted); otherwise the seconds to wait before retrying."""
        try:
            for item in self._items:
                if not self._strategy.hit(item, key):
                    reset = self._strategy.get_window_stats(item, key).reset_time
                    return float(max(1, math.ceil(reset - time.time())))
        except Exception as error:  # any storage failure lets the request through
            log.warning("rate limit storage unavailable", extra={"limit": self.name, "error": str(error)})
        return None

    def available(self, key: str) -> bool:
        """Whether `check` would allow a request now (nothing is counted)."""
        try:
            return all(self._strategy.test(item, key) for item in self._items)
        except Exception as error:  # as in `check`
            log.warning("rate limit storage unavailable", extra={"limit": self.name, "error": str(error)})
            return True
