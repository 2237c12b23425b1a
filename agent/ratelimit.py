"""Token-bucket rate limits per session and per client (in-process; one bucket table per replica)."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field

MAX_KEYS = 100_000


@dataclass
class Limiter:
    """`per_minute` requests a minute for each key, with bursts up to `burst`."""

    per_minute: float
    burst: int
    _buckets: dict[str, tuple[float, float]] = field(default_factory=dict)

    def check(self, key: str, now: float | None = None) -> float | None:
        """None when allowed (and counted); otherwise the seconds to wait before retrying."""
        now = time.monotonic() if now is None else now
        rate = self.per_minute / 60.0
        tokens = self._tokens(key, now)
        if tokens < 1.0:
            self._buckets[key] = (tokens, now)
            return math.ceil((1.0 - tokens) / rate) if rate > 0 else 60.0
        self._buckets[key] = (tokens - 1.0, now)
        if len(self._buckets) > MAX_KEYS:
            self._evict(now)
        return None

    def available(self, key: str, now: float | None = None) -> bool:
        """Whether `check` would allow a request now (nothing is counted)."""
        return self._tokens(key, time.monotonic() if now is None else now) >= 1.0

    def _tokens(self, key: str, now: float) -> float:
        """The bucket's tokens at `now` (refilled since its last use, never above the burst)."""
        tokens, last = self._buckets.get(key, (float(self.burst), now))
        return min(float(self.burst), tokens + (now - last) * self.per_minute / 60.0)

    def _evict(self, now: float) -> None:
        """Forget the keys whose buckets have refilled (they would start full anyway)."""
        rate = self.per_minute / 60.0
        full = [k for k, (t, last) in self._buckets.items() if t + (now - last) * rate >= self.burst]
        for key in full:
            del self._buckets[key]
