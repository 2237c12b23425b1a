"""The small interface between the conversation graph and a language model (no network code here).

The graph depends only on `ChatBackend` and the data types below; `agent.llm` provides the Ollama and
OpenAI-compatible implementations (with timeouts and a circuit breaker), `fakes.ollama_server` a faithful
fake for tests. Every failure that must lead to the deterministic reply surfaces as `LLMUnavailable`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, TypeVar, runtime_checkable

from pydantic import BaseModel

Role = Literal["system", "user", "assistant", "tool"]

#: Why a model call failed; logged and counted by the caller.
FailureReason = Literal[
    "connect",  # connection refused, DNS, connect timeout
    "timeout_first_token",  # no first chunk within the first-token timeout
    "timeout_idle",  # the stream stalled between chunks
    "timeout_total",  # the whole answer took longer than the total timeout
    "http_4xx",  # a client error other than 404 (e.g. the model does not support tools)
    "http_5xx",  # the server failed (500, 503 ...)
    "model_not_found",  # 404: the configured model is not on the server
    "stream_error",  # an {"error": ...} object in the middle of a stream
    "stream_cut",  # the connection closed before the final chunk
    "malformed",  # a line or body that is not the expected JSON
    "schema_invalid",  # structured output that does not validate against the schema
    "circuit_open",  # the circuit breaker refused the call without trying
]

M = TypeVar("M", bound=BaseModel)


class LLMUnavailable(Exception):  # noqa: N818 - the name the graph and the brief use
    """The model could not produce a usable answer; the caller falls back to the deterministic reply."""

    def __init__(self, reason: FailureReason, detail: str = "", *, backend: str = "") -> None:
        self.reason: FailureReason = reason
        self.detail = detail
        self.backend = backend
        super().__init__(f"{backend or 'llm'}: {reason}" + (f": {detail}" if detail else ""))


@dataclass(frozen=True)
class ToolCall:
    """One tool call the model asked for: the tool's name and its (already parsed) JSON arguments."""

    name: str
    arguments: dict[str, Any]
    id: str = ""


@dataclass(frozen=True)
class ToolSpec:
    """A tool offered to the model: its name, what it does, and the JSON Schema of its arguments."""

    name: str
    description: str
    parameters: dict[str, Any]

    def as_openai_tool(self) -> dict[str, Any]:
        """The `{"type": "function", "function": {...}}` form that Ollama and OpenAI servers accept."""
        return {
            "type": "function",
            "function": {"name": self.name, "description": self.description, "parameters": self.parameters},
        }


@dataclass(frozen=True)
class ReplyLimit:
    """How far one reply may run: at most `max_tokens` tokens, and it ends at any of `stop`.

    Sent with every call (Ollama's `num_predict` and `stop`, OpenAI's `max_tokens` and `stop`), so a model
    that rambles ends early instead of running until the total timeout; a reply cut by the limit is then
    judged by the output check like any other.
    """

    max_tokens: int
    stop: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChatMessage:
    """One message of the conversation sent to the model.

    `tool_calls` is set on an assistant turn that called tools; `tool_name` / `tool_call_id` on the
    `tool` message carrying a result (Ollama uses the name, OpenAI servers the id).
    """

    role: Role
    content: str = ""
    tool_calls: tuple[ToolCall, ...] = ()
    tool_name: str | None = None
    tool_call_id: str | None = None


@dataclass(frozen=True)
class ChatResult:
    """What one model call produced, with its cost.

    `first_token_ms` is the time from the call to the first chunk (text or tool call), `elapsed_ms` the
    whole call; token counts come from the server (0 when it did not say).
    """

    text: str
    tool_calls: tuple[ToolCall, ...] = ()
    prompt_tokens: int = 0
    completion_tokens: int = 0
    model: str = ""
    elapsed_ms: float = 0.0
    first_token_ms: float | None = None


@dataclass(frozen=True)
class BackendHealth:
    """Whether the model server answers, which models it has, and whether the configured one is there."""

    backend: str
    host: str
    model: str
    reachable: bool
    model_present: bool = False
    models: list[str] = field(default_factory=list)
    version: str | None = None
    digest: str | None = None
    """The configured model's content digest, where the server reports one (Ollama's /api/tags)."""
    circuit: str = "closed"
    error: str | None = None

    @property
    def ok(self) -> bool:
        """True when the server answers and has the configured model."""
        return self.reachable and self.model_present


TokenCallback = Callable[[str], Awaitable[None]]


@runtime_checkable
class ChatBackend(Protocol):
    """A chat model behind a server. Implementations raise only `LLMUnavailable` for model failures."""

    name: str
    model: str

    async def stream(
        self,
        messages: list[ChatMessage],
        *,
        on_token: TokenCallback | None = None,
        tools: list[ToolSpec] | None = None,
        limit: ReplyLimit | None = None,
    ) -> ChatResult:
        """Run one chat call, streaming text deltas to `on_token` as they arrive; return the whole result.

        `limit` caps the reply's length and names its stop sequences (None: the server's defaults).

        When the call fails after some tokens were delivered, `LLMUnavailable` is still raised: the
        caller must discard what it showed and use the deterministic reply.
        """
        ...

    async def structured(
        self, messages: list[ChatMessage], schema: type[M], *, limit: ReplyLimit | None = None
    ) -> M:
        """One call constrained to `schema`'s JSON Schema, validated by pydantic (`schema_invalid` else)."""
        ...

    async def health(self) -> BackendHealth:
        """Reachability and the models on the server; never raises."""
        ...

    async def aclose(self) -> None:
        """Release connections (idempotent)."""
        ...
