"""Timeouts, a circuit breaker and error mapping shared by every backend.

Every way a model server can fail — refused connection, slow first token, stalled stream, HTTP 4xx/5xx, an
unknown model, an error line mid-stream, a cut connection, malformed JSON, output that does not fit the
schema — ends as `LLMUnavailable` with a `reason`, within the configured timeouts (defaults: first token
1.5 s, stall 1.5 s), so the caller can answer deterministically well inside 2 s of the fault.

The circuit breaker is shared per process and per (backend, server, model): after `failure_threshold`
consecutive failures it opens and calls fail at once (`circuit_open`) for `cooldown_s`; then one trial call
is let through (half-open) and its outcome closes or re-opens the circuit.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
import time
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from enum import StrEnum
from time import perf_counter
from typing import Any

import httpx
from pydantic import ValidationError

from graphs.llm import (
    BackendHealth,
    ChatMessage,
    ChatResult,
    FailureReason,
    LLMUnavailable,
    M,
    ReplyLimit,
    TokenCallback,
    ToolCall,
    ToolSpec,
)

log = logging.getLogger(__name__)

#: Failures per reason since the process started (`failure_counts()`); for metrics and the doctor.
_failures: Counter[str] = Counter()
_failures_lock = threading.Lock()


def failure_counts() -> dict[str, int]:
    """How many model calls failed, per reason, in this process."""
    with _failures_lock:
        return dict(_failures)


def _count(reason: str) -> None:
    with _failures_lock:
        _failures[reason] += 1


@dataclass(frozen=True)
class Timeouts:
    """Seconds allowed to connect, to the first chunk, between chunks, and for the whole call."""

    connect_s: float = 1.0
    first_token_s: float = 1.5
    idle_s: float = 1.5
    total_s: float = 30.0

    def httpx(self) -> httpx.Timeout:
        """The httpx timeout: connect as configured; reads bounded by the total (asyncio enforces the rest)."""
        return httpx.Timeout(self.total_s, connect=self.connect_s)


class BreakerState(StrEnum):
    """The three states of the circuit breaker."""

    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half_open"


class CircuitBreaker:
    """Stop calling a failing server for a while; let one trial call through after the cool-down.

    Thread-safe; `clock` is injectable for tests.
    """

    def __init__(
        self,
        failure_threshold: int = 3,
        cooldown_s: float = 30.0,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.failure_threshold = failure_threshold
        self.cooldown_s = cooldown_s
        self._clock = clock
        self._lock = threading.Lock()
        self._failures = 0
        self._opened_at: float | None = None
        self._trial_running = False

    @property
    def state(self) -> BreakerState:
        """The current state (open turns half-open once the cool-down has passed)."""
        with self._lock:
            return self._state()

    def _state(self) -> BreakerState:
        if self._opened_at is None:
            return BreakerState.CLOSED
        if self._clock() - self._opened_at >= self.cooldown_s:
            return BreakerState.HALF_OPEN
        return BreakerState.OPEN

    def acquire(self) -> bool:
        """May a call go ahead now? In half-open state only one trial call at a time may."""
        with self._lock:
            state = self._state()
            if state is BreakerState.CLOSED:
                return True
            if state is BreakerState.HALF_OPEN and not self._trial_running:
                self._trial_running = True
                return True
            return False

    def record_success(self) -> None:
        """A call succeeded: close the circuit."""
        with self._lock:
            self._failures = 0
            self._opened_at = None
            self._trial_running = False

    def record_failure(self) -> None:
        """A call failed: open the circuit at the threshold, or again after a failed trial."""
        with self._lock:
            self._failures += 1
            if self._trial_running or self._failures >= self.failure_threshold:
                self._opened_at = self._clock()
            self._trial_running = False

    def release(self) -> None:
        """A call ended without telling anything about the server (cancelled, consumer error)."""
        with self._lock:
            self._trial_running = False

    def snapshot(self) -> dict[str, Any]:
        """State and counters, for logs and the doctor."""
        with self._lock:
            return {"state": str(self._state()), "consecutive_failures": self._failures}


_breakers: dict[str, CircuitBreaker] = {}
_breakers_lock = threading.Lock()


def breaker_for(key: str, failure_threshold: int = 3, cooldown_s: float = 30.0) -> CircuitBreaker:
    """The process-wide breaker for `key` (e.g. `ollama|http://host:11434|qwen3:4b`), created on first use."""
    with _breakers_lock:
        breaker = _breakers.get(key)
        if breaker is None:
            breaker = _breakers[key] = CircuitBreaker(failure_threshold, cooldown_s)
        return breaker


def reset_breakers() -> None:
    """Forget every process-wide breaker (tests)."""
    with _breakers_lock:
        _breakers.clear()


@dataclass(frozen=True)
class StreamChunk:
    """One normalized piece of a backend's stream."""

    text: str = ""
    tool_calls: tuple[ToolCall, ...] = ()
    done: bool = False
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    model: str | None = None


class ServerError(Exception):
    """An HTTP error status or an error object from the server, before mapping to `LLMUnavailable`."""

    def __init__(self, status: int, message: str) -> None:
        self.status = status
        self.message = message
        super().__init__(f"{status}: {message}")


class _ConsumerError(Exception):
    """`on_token` raised: the caller's problem, not the model's; re-raised unchanged."""

    def __init__(self, original: BaseException) -> None:
        self.original = original
        super().__init__(repr(original))


def status_reason(status: int) -> FailureReason:
    """The failure reason for an HTTP status (or -1: an error object inside a stream)."""
    if status == 404:
        return "model_not_found"
    if status < 0:
        return "stream_error"
    if status >= 500:
        return "http_5xx"
    return "http_4xx"


def map_exception(exc: BaseException) -> tuple[FailureReason, str]:
    """The failure reason and a short detail for an exception raised by an HTTP backend."""
    detail = f"{type(exc).__name__}: {exc}"[:300]
    if isinstance(exc, ServerError):
        return status_reason(exc.status), exc.message[:300]
    if isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout):
        return "connect", detail
    if isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError):
        return "stream_cut", detail
    if isinstance(exc, httpx.TimeoutException):
        return "timeout_idle", detail
    if isinstance(exc, ConnectionError):  # the ollama client's "Failed to connect to Ollama", resets
        return "connect", detail
    if isinstance(exc, json.JSONDecodeError | ValidationError | KeyError | TypeError | ValueError):
        return "malformed", detail
    if isinstance(exc, httpx.HTTPError | OSError):
        return "connect", detail
    return "malformed", detail


class ResilientBackend(ABC):
    """The `ChatBackend` behaviour common to every server: timeouts, breaker, error mapping, accounting.

    Subclasses implement `_open` (an async iterator of `StreamChunk` for one call, raising native errors),
    `_health` and `aclose`.
    """

    name: str = "llm"

    def __init__(
        self,
        *,
        model: str,
        host: str,
        timeouts: Timeouts | None = None,
        breaker: CircuitBreaker | None = None,
    ) -> None:
        self.model = model
        self.host = host
        self.timeouts = timeouts or Timeouts()
        self.breaker = breaker or CircuitBreaker()

    # ------------------------------------------------------------------ to implement

    @abstractmethod
    def _open(
        self,
        messages: list[ChatMessage],
        tools: list[ToolSpec] | None,
        json_schema: dict[str, Any] | None,
        limit: ReplyLimit | None,
    ) -> AsyncIterator[StreamChunk]:
        """Start one streaming call; iterate its normalized chunks (the last has `done=True`)."""

    @abstractmethod
    async def _health(self) -> BackendHealth:
        """Reachability and models (may raise; `health` maps errors)."""

    @abstractmethod
    async def aclose(self) -> None:
        """Release connections (idempotent)."""

    # ------------------------------------------------------------------ the ChatBackend surface

    async def stream(
        self,
        messages: list[ChatMessage],
        *,
        on_token: TokenCallback | None = None,
        tools: list[ToolSpec] | None = None,
        limit: ReplyLimit | None = None,
    ) -> ChatResult:
        """One chat call, streaming text to `on_token`; `LLMUnavailable` on any failure (see module doc)."""
        return await self._call(messages, on_token=on_token, tools=tools, json_schema=None, limit=limit)

    async def structured(
        self, messages: list[ChatMessage], schema: type[M], *, limit: ReplyLimit | None = None
    ) -> M:
        """One call constrained by `schema`'s JSON Schema; the answer validated by pydantic."""
        result = await self._call(
            messages, on_token=None, tools=None, json_schema=schema.model_json_schema(), limit=limit
        )
        try:
            return schema.model_validate_json(result.text)
        except ValidationError as exc:
            _count("schema_invalid")
            log.warning(
                "llm: structured output invalid",
                extra={"backend": self.name, "model": self.model, "errors": exc.error_count()},
            )
            raise LLMUnavailable("schema_invalid", str(exc)[:300], backend=self.name) from None

    async def health(self) -> BackendHealth:
        """Reachability, models and the breaker's state; never raises."""
        try:
            health = await asyncio.wait_for(self._health(), self.timeouts.connect_s + 2.0)
        except Exception as exc:  # any failure means: not reachable
            reason, detail = (
                ("timeout_total", "no answer in time")
                if isinstance(exc, TimeoutError)
                else map_exception(exc)
            )
            health = BackendHealth(
                backend=self.name,
                host=self.host,
                model=self.model,
                reachable=False,
                error=f"{reason}: {detail}",
            )
        return BackendHealth(
            backend=health.backend,
            host=health.host,
            model=health.model,
            reachable=health.reachable,
            model_present=health.model_present,
            models=health.models,
            version=health.version,
            digest=health.digest,
            circuit=str(self.breaker.state),
            error=health.error,
        )

    # ------------------------------------------------------------------ the guarded call

    async def _call(
        self,
        messages: list[ChatMessage],
        *,
        on_token: TokenCallback | None,
        tools: list[ToolSpec] | None,
        json_schema: dict[str, Any] | None,
        limit: ReplyLimit | None,
    ) -> ChatResult:
        if not self.breaker.acquire():
            _count("circuit_open")
            raise LLMUnavailable("circuit_open", "the model server failed recently", backend=self.name)
        started = perf_counter()
        try:
            result = await self._guarded(
                messages, on_token=on_token, tools=tools, json_schema=json_schema, limit=limit
            )
        except LLMUnavailable as exc:
            self.breaker.record_failure()
            _count(exc.reason)
            log.warning(
                "llm: call failed, deterministic fallback",
                extra={
                    "backend": self.name,
                    "model": self.model,
                    "reason": exc.reason,
                    "detail": exc.detail,
                    "elapsed_ms": round((perf_counter() - started) * 1000, 1),
                    "circuit": str(self.breaker.state),
                },
            )
            raise
        except _ConsumerError as exc:
            self.breaker.release()
            raise exc.original from None
        except BaseException:
            self.breaker.release()
            raise
        self.breaker.record_success()
        return result

    async def _guarded(
        self,
        messages: list[ChatMessage],
        *,
        on_token: TokenCallback | None,
        tools: list[ToolSpec] | None,
        json_schema: dict[str, Any] | None,
        limit: ReplyLimit | None,
    ) -> ChatResult:
        loop = asyncio.get_running_loop()
        started = perf_counter()
        t = self.timeouts
        total_deadline = loop.time() + t.total_s
        first_deadline = loop.time() + t.first_token_s
        phase: FailureReason = "timeout_first_token" if first_deadline < total_deadline else "timeout_total"
        texts: list[str] = []
        calls: list[ToolCall] = []
        first_ms: float | None = None
        done: StreamChunk | None = None
        chunks = self._open(messages, tools, json_schema, limit)
        try:
            async with asyncio.timeout_at(min(first_deadline, total_deadline)) as deadline:
                async for chunk in chunks:
                    if first_ms is None and (chunk.text or chunk.tool_calls):
                        first_ms = (perf_counter() - started) * 1000
                    if chunk.text:
                        texts.append(chunk.text)
                        if on_token is not None:
                            try:
                                await on_token(chunk.text)
                            except Exception as exc:
                                raise _ConsumerError(exc) from exc
                    calls.extend(chunk.tool_calls)
                    if chunk.done:
                        done = chunk
                        break
                    idle_deadline = loop.time() + t.idle_s
                    phase = "timeout_idle" if idle_deadline < total_deadline else "timeout_total"
                    deadline.reschedule(min(idle_deadline, total_deadline))
        except TimeoutError:
            raise LLMUnavailable(
                phase, f"after {perf_counter() - started:.2f} s", backend=self.name
            ) from None
        except (LLMUnavailable, _ConsumerError):
            raise
        except Exception as exc:
            reason, detail = map_exception(exc)
            raise LLMUnavailable(reason, detail, backend=self.name) from exc
        finally:
            aclose = getattr(chunks, "aclose", None)
            if aclose is not None:
                try:
                    await aclose()
                except Exception:  # closing a broken stream may raise again; the outcome is decided above
                    log.debug("llm: error while closing a stream", exc_info=True)
        if done is None:
            raise LLMUnavailable("stream_cut", "the stream ended before its final chunk", backend=self.name)
        return ChatResult(
            text="".join(texts),
            tool_calls=tuple(calls),
            prompt_tokens=done.prompt_tokens or 0,
            completion_tokens=done.completion_tokens or 0,
            model=done.model or self.model,
            elapsed_ms=(perf_counter() - started) * 1000,
            first_token_ms=first_ms,
        )
