"""Rate limits: token-like windows, counted in the process or shared through Redis by every replica."""

from __future__ import annotations

import uuid

from agent.ratelimit import Limiter, Window, make_storage, token_windows


def test_a_rate_with_a_burst_becomes_two_moving_windows() -> None:
    assert token_windows(30, 10) == [Window(10, 20), Window(30, 60)]
    # below one a minute (cases an hour): one window of an hour
    assert token_windows(3 / 60, 3) == [Window(3, 3600)]


def test_a_burst_is_allowed_then_the_client_waits() -> None:
    limiter = Limiter("test", [Window(3, 60)], make_storage(None))
    assert [limiter.check("a") for _ in range(3)] == [None, None, None]
    assert limiter.available("a") is False
    wait = limiter.check("a")
    assert wait is not None
    assert 1 <= wait <= 60
    assert limiter.check("b") is None  # another key has its own count


def test_two_replicas_share_one_count_through_redis(redis_url: str) -> None:
    name = f"test-{uuid.uuid4().hex[:8]}"
    first = Limiter(name, [Window(4, 60)], make_storage(redis_url))
    second = Limiter(name, [Window(4, 60)], make_storage(redis_url))  # another process's storage
    assert [(first if i % 2 else second).check("client") for i in range(4)] == [None] * 4
    assert first.check("client") is not None
    assert second.check("client") is not None
    assert second.available("client") is False


def test_an_unreachable_redis_lets_requests_through() -> None:
    limiter = Limiter("test", [Window(1, 60)], make_storage("redis://127.0.0.1:9/0"))
    assert limiter.check("a") is None
    assert limiter.check("a") is None
    assert limiter.available("a") is True
