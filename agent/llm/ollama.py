"""The Ollama backend, on the `ollama` package's `AsyncClient`.

Why the plain client rather than langchain-ollama's `ChatOllama`: the graph needs exactly one streaming call
with `think`, `format`, `keep_alive` and `options`, the server's token counts, and precise control of
timeouts. The client gives all of that with one thin layer (httpx underneath) and no message conversion,
so it adds the least latency before the first token; `ChatOllama` wraps the same client and adds LangChain
message objects and callbacks the graph does not use. Both are driven against the fake server in the
tests, so switching later is cheap.

Thinking is off by default (`think=False`): qwen3 would otherwise spend hundreds of tokens reasoning
before the first visible token.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Mapping
from typing import Any

import httpx
import ollama

from agent.llm.resilience import CircuitBreaker, ResilientBackend, ServerError, StreamChunk, Timeouts
from graphs.llm import BackendHealth, ChatMessage, ReplyLimit, ToolCall, ToolSpec


def to_ollama_message(message: ChatMessage) -> dict[str, Any]:
    """A `ChatMessage` in Ollama's `/api/chat` form."""
    encoded: dict[str, Any] = {"role": message.role, "content": message.content}
    if message.tool_calls:
        encoded["tool_calls"] = [
            {"function": {"name": c.name, "arguments": c.arguments}} for c in message.tool_calls
        ]
    if message.role == "tool" and message.tool_name:
        encoded["tool_name"] = message.tool_name
    return encoded


def model_matches(configured: str, available: str) -> bool:
    """Ollama's name matching: exact, or a name without a tag meaning `:latest`."""
    if configured == available:
        return True
    return ":" not in configured and available == f"{configured}:latest"


class OllamaBackend(ResilientBackend):
    """`ChatBackend` over an Ollama server (`/api/chat`, always streaming)."""

    name = "ollama"

    def __init__(
        self,
        *,
        host: str,
        model: str,
        timeouts: Timeouts | None = None,
        breaker: CircuitBreaker | None = None,
        keep_alive: str | float | None = "30m",
        temperature: float = 0.1,
        think: bool = False,
        num_ctx: int | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        super().__init__(model=model, host=host, timeouts=timeouts, breaker=breaker)
        self.keep_alive = keep_alive
        self.think = think
        self.options: dict[str, Any] = {"temperature": temperature}
        if num_ctx:
            self.options["num_ctx"] = num_ctx
        self._transport = transport
        self._client: ollama.AsyncClient | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def client(self) -> ollama.AsyncClient:
        """The client of the running event loop (created on first use; no network before a call)."""
        loop = asyncio.get_running_loop()
        if self._client is None or self._loop is not loop:
            kwargs: dict[str, Any] = {"timeout": self.timeouts.httpx()}
            if self._transport is not None:
                kwargs["transport"] = self._transport
            self._client = ollama.AsyncClient(host=self.host, **kwargs)
            self._loop = loop
        return self._client

    async def aclose(self) -> None:
        """Close the HTTP connections."""
        client, self._client = self._client, None
        if client is not None:
            await client._client.aclose()

    async def _open(
        self,
        messages: list[ChatMessage],
        tools: list[ToolSpec] | None,
        json_schema: dict[str, Any] | None,
        limit: ReplyLimit | None,
    ) -> AsyncIterator[StreamChunk]:
        options = dict(self.options)
        if limit is not None:
            options["num_predict"] = limit.max_tokens
            if limit.stop:
                options["stop"] = list(limit.stop)
        try:
            parts = await self.client().chat(
                model=self.model,
                messages=[to_ollama_message(m) for m in messages],
                tools=[t.as_openai_tool() for t in tools] if tools else None,
                stream=True,
                think=self.think,
                format=json_schema,
                options=options,
                keep_alive=self.keep_alive,
            )
            async for part in parts:
                message = part.message
                calls = tuple(
                    ToolCall(
                        name=c.function.name,
                        arguments=dict(c.function.arguments or {}),
                        id=f"call_{uuid.uuid4().hex[:12]}",
                    )
                    for c in (message.tool_calls or ())
                )
                yield StreamChunk(
                    text=message.content or "",
                    tool_calls=calls,
                    done=bool(part.done) and part.done_reason != "load",
                    prompt_tokens=part.prompt_eval_count,
                    completion_tokens=part.eval_count,
                    model=part.model,
                )
        except ollama.ResponseError as exc:
            raise ServerError(exc.status_code, exc.error) from exc

    async def _health(self) -> BackendHealth:
        async with httpx.AsyncClient(
            base_url=str(self.client()._client.base_url),
            timeout=httpx.Timeout(self.timeouts.connect_s + 1.0, connect=self.timeouts.connect_s),
            transport=self._transport,
        ) as http:
            tags = (await http.get("/api/tags")).raise_for_status().json()
            version: str | None = None
            response = await http.get("/api/version")
            if response.status_code == 200:
                body = response.json()
                version = str(body.get("version")) if isinstance(body, Mapping) else None
        models = [str(m.get("model") or m.get("name")) for m in tags.get("models", [])]
        digest = next(
            (
                str(m.get("digest"))
                for m in tags.get("models", [])
                if m.get("digest") and model_matches(self.model, str(m.get("model") or m.get("name")))
            ),
            None,
        )
        return BackendHealth(
            backend=self.name,
            host=self.host,
            model=self.model,
            reachable=True,
            model_present=any(model_matches(self.model, m) for m in models),
            models=models,
            version=version,
            digest=digest,
        )
