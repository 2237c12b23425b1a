"""The circuit breaker, the factory, and the timeouts taken from settings."""

from __future__ import annotations

import time

import pytest

from agent.llm import (
    CircuitBreaker,
    OllamaBackend,
    OpenAICompatBackend,
    breaker_for,
    failure_counts,
    make_backend,
)
from agent.settings import Settings
from fakes.ollama_server import FakeOllama, FakeReply
from graphs.llm import ChatMessage, LLMUnavailable

MESSAGES = [ChatMessage("user", "안녕하세요")]


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_breaker_opens_after_the_threshold_and_recovers_half_open() -> None:
    clock = Clock()
    breaker = CircuitBreaker(failure_threshold=3, cooldown_s=30, clock=clock)
    for _ in range(2):
        assert breaker.acquire()
        breaker.record_failure()
    assert str(breaker.state) == "closed"
    assert breaker.acquire()
    breaker.record_failure()
    assert str(breaker.state) == "open"
    assert not breaker.acquire()

    clock.now += 30
    assert str(breaker.state) == "half_open"
    assert breaker.acquire()  # the one trial call
    assert not breaker.acquire()  # others wait while it runs
    breaker.record_failure()  # the trial failed: open again for a full cool-down
    assert str(breaker.state) == "open"
    clock.now += 29
    assert not breaker.acquire()
    clock.now += 1
    assert breaker.acquire()
    breaker.record_success()
    assert str(breaker.state) == "closed"
    assert breaker.snapshot()["consecutive_failures"] == 0


def test_a_success_resets_the_count() -> None:
    breaker = CircuitBreaker(failure_threshold=2)
    breaker.record_failure()
    breaker.record_success()
    breaker.record_failure()
    assert str(breaker.state) == "closed"


def test_breakers_are_shared_per_key() -> None:
    assert breaker_for("ollama|a|m") is breaker_for("ollama|a|m")
    assert breaker_for("ollama|a|m") is not breaker_for("ollama|b|m")


async def test_open_circuit_skips_the_server_then_half_open_recovers(fake: FakeOllama) -> None:
    breaker = CircuitBreaker(failure_threshold=2, cooldown_s=0.3)
    backend = OllamaBackend(host=fake.url, model="qwen3:4b", breaker=breaker)
    fake.script(FakeReply(status=503, error="busy"), FakeReply(status=500, error="boom"))
    for expected in ("http_5xx", "http_5xx"):
        with pytest.raises(LLMUnavailable) as failure:
            await backend.stream(MESSAGES)
        assert failure.value.reason == expected
    before = len(fake.bodies())
    start = time.perf_counter()
    with pytest.raises(LLMUnavailable) as refused:
        await backend.stream(MESSAGES)
    assert refused.value.reason == "circuit_open"
    assert time.perf_counter() - start < 0.05
    assert len(fake.bodies()) == before  # the server was not called
    assert (await backend.health()).circuit == "open"
    assert failure_counts()["circuit_open"] >= 1

    time.sleep(0.35)
    assert str(breaker.state) == "half_open"
    fake.script("다시 됩니다")
    result = await backend.stream(MESSAGES)
    assert result.text == "다시 됩니다"
    assert str(breaker.state) == "closed"
    await backend.aclose()


def test_factory_none_means_deterministic() -> None:
    assert make_backend(Settings(WELFARE_LLM_BACKEND="none")) is None


async def test_factory_builds_without_touching_the_network() -> None:
    settings = Settings(
        WELFARE_LLM_BACKEND="ollama",
        OLLAMA_HOST="http://127.0.0.1:9",  # nothing listens there; construction must not care
        WELFARE_LLM_MODEL="qwen3:4b",
        WELFARE_LLM_FIRST_TOKEN_TIMEOUT=0.7,
        WELFARE_LLM_BREAKER_FAILURES=5,
    )
    backend = make_backend(settings)
    assert isinstance(backend, OllamaBackend)
    assert backend.timeouts.first_token_s == 0.7
    assert backend.breaker.failure_threshold == 5
    assert backend.breaker is breaker_for("ollama|http://127.0.0.1:9|qwen3:4b")
    with pytest.raises(LLMUnavailable) as failure:
        await backend.stream(MESSAGES)
    assert failure.value.reason == "connect"
    await backend.aclose()

    openai = make_backend(
        Settings(
            WELFARE_LLM_BACKEND="openai",
            WELFARE_OPENAI_BASE_URL="http://127.0.0.1:9/v1",
            WELFARE_OPENAI_API_KEY="k",
        )
    )
    assert isinstance(openai, OpenAICompatBackend)
    assert openai.api_key == "k"
    assert openai.host == "http://127.0.0.1:9/v1"


async def test_default_timeouts_keep_the_2_second_promise(fake: FakeOllama) -> None:
    backend = make_backend(Settings(WELFARE_LLM_BACKEND="ollama", OLLAMA_HOST=fake.url))
    assert backend is not None
    t = backend.timeouts
    assert t.first_token_s < 2
    assert t.idle_s < 2
    assert t.connect_s < 2
    fake.script(FakeReply(text="늦음", delay_before_first_token_ms=4000))
    start = time.perf_counter()
    with pytest.raises(LLMUnavailable):
        await backend.stream(MESSAGES)
    assert time.perf_counter() - start < 2.0
    await backend.aclose()
