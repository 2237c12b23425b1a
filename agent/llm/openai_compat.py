"""The OpenAI-compatible backend (vLLM, llama.cpp server, ...) over httpx with SSE stream parsing.

For deployments whose concurrency outgrows Ollama: `WELFARE_LLM_BACKEND=openai` and
`WELFARE_OPENAI_BASE_URL=http://vllm:8000/v1`; nothing else changes. Thinking is turned off for qwen3
through `chat_template_kwargs: {"enable_thinking": false}` (honoured by vLLM and llama.cpp server; verify
with your server).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx

from agent.llm.resilience import CircuitBreaker, ResilientBackend, ServerError, StreamChunk, Timeouts
from graphs.llm import BackendHealth, ChatMessage, ReplyLimit, ToolCall, ToolSpec

_MAX_STOP = 4
"""The OpenAI API takes at most four stop sequences (llama.cpp and vLLM take more; four is enough)."""


def to_openai_message(message: ChatMessage) -> dict[str, Any]:
    """A `ChatMessage` in the OpenAI chat-completions form."""
    encoded: dict[str, Any] = {"role": message.role, "content": message.content}
    if message.tool_calls:
        encoded["content"] = message.content or None
        encoded["tool_calls"] = [
            {
                "id": c.id or f"call_{n}",
                "type": "function",
                "function": {"name": c.name, "arguments": json.dumps(c.arguments, ensure_ascii=False)},
            }
            for n, c in enumerate(message.tool_calls)
        ]
    if message.role == "tool":
        encoded["tool_call_id"] = message.tool_call_id or message.tool_name or ""
    return encoded


def _error_message(body: bytes) -> str:
    try:
        data = json.loads(body)
    except ValueError:
        return body.decode("utf-8", "replace")[:300]
    if isinstance(data, dict):
        error = data.get("error", data.get("message", data))
        if isinstance(error, dict):
            return str(error.get("message", error))
        return str(error)
    return str(data)


@dataclass
class _PendingCall:
    id: str = ""
    name: str = ""
    arguments: str = ""


def parse_tool_arguments(raw: str) -> dict[str, Any]:
    """Tool-call arguments as a JSON object (an empty string means no arguments)."""
    if not raw.strip():
        return {}
    value = json.loads(raw)
    if not isinstance(value, dict):
        raise ValueError("tool-call arguments are not a JSON object")
    return value


class OpenAICompatBackend(ResilientBackend):
    """`ChatBackend` over an OpenAI-compatible `/chat/completions` endpoint (always streaming)."""

    name = "openai"

    def __init__(
        self,
        *,
        base_url: str,
        model: str,
        api_key: str | None = None,
        timeouts: Timeouts | None = None,
        breaker: CircuitBreaker | None = None,
        temperature: float = 0.1,
        think: bool = False,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        super().__init__(model=model, host=base_url.rstrip("/"), timeouts=timeouts, breaker=breaker)
        self.api_key = api_key
        self.temperature = temperature
        self.think = think
        self._transport = transport
        self._client: httpx.AsyncClient | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def client(self) -> httpx.AsyncClient:
        """The HTTP client of the running event loop (created on first use)."""
        loop = asyncio.get_running_loop()
        if self._client is None or self._loop is not loop:
            headers = {"Accept": "application/json, text/event-stream"}
            if self.api_key:
                headers["Authorization"] = f"Bearer {self.api_key}"
            self._client = httpx.AsyncClient(
                base_url=self.host + "/",
                timeout=self.timeouts.httpx(),
                headers=headers,
                transport=self._transport,
            )
            self._loop = loop
        return self._client

    async def aclose(self) -> None:
        """Close the HTTP connections."""
        client, self._client = self._client, None
        if client is not None:
            await client.aclose()

    def _body(
        self,
        messages: list[ChatMessage],
        tools: list[ToolSpec] | None,
        json_schema: dict[str, Any] | None,
        limit: ReplyLimit | None = None,
    ) -> dict[str, Any]:
        body: dict[str, Any] = {
            "model": self.model,
            "messages": [to_openai_message(m) for m in messages],
            "stream": True,
            "stream_options": {"include_usage": True},
            "temperature": self.temperature,
        }
        if limit is not None:
            body["max_tokens"] = limit.max_tokens
            if limit.stop:
                body["stop"] = list(limit.stop[:_MAX_STOP])
        if tools:
            body["tools"] = [t.as_openai_tool() for t in tools]
        if json_schema is not None:
            body["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": str(json_schema.get("title") or "answer"), "schema": json_schema},
            }
        if not self.think:
            body["chat_template_kwargs"] = {"enable_thinking": False}
        return body

    async def _open(
        self,
        messages: list[ChatMessage],
        tools: list[ToolSpec] | None,
        json_schema: dict[str, Any] | None,
        limit: ReplyLimit | None,
    ) -> AsyncIterator[StreamChunk]:
        body = self._body(messages, tools, json_schema, limit)
        async with self.client().stream("POST", "chat/completions", json=body) as response:
            if response.status_code >= 400:
                raise ServerError(response.status_code, _error_message(await response.aread()))
            pending: dict[int, _PendingCall] = {}
            usage: dict[str, Any] = {}
            model: str | None = None
            finished = False
            async for line in response.aiter_lines():
                if not line.startswith("data:"):
                    continue  # blank separators, comments (":"), event names
                data = line[5:].strip()
                if data == "[DONE]":
                    break
                event = json.loads(data)
                if not isinstance(event, dict):
                    raise ValueError("an SSE event that is not a JSON object")
                if "error" in event:
                    error = event["error"]
                    message = error.get("message", error) if isinstance(error, dict) else error
                    raise ServerError(-1, str(message))
                model = event.get("model") or model
                if event.get("usage"):
                    usage = event["usage"]
                for choice in event.get("choices") or []:
                    delta = choice.get("delta") or {}
                    for call in delta.get("tool_calls") or []:
                        slot = pending.setdefault(int(call.get("index", 0)), _PendingCall())
                        slot.id = call.get("id") or slot.id
                        function = call.get("function") or {}
                        slot.name = function.get("name") or slot.name
                        slot.arguments += function.get("arguments") or ""
                    if choice.get("finish_reason"):
                        finished = True
                    if delta.get("content"):
                        yield StreamChunk(text=str(delta["content"]))
                        continue
                yield StreamChunk()  # a sign of life: keeps the stall timer from firing on tool-call deltas
            else:
                if not finished:
                    return  # ended without [DONE] or a finish reason: reported as a cut stream
            calls = tuple(
                ToolCall(name=c.name, arguments=parse_tool_arguments(c.arguments), id=c.id or f"call_{n}")
                for n, c in sorted(pending.items())
            )
            yield StreamChunk(
                tool_calls=calls,
                done=True,
                prompt_tokens=usage.get("prompt_tokens"),
                completion_tokens=usage.get("completion_tokens"),
                model=model,
            )

    async def _health(self) -> BackendHealth:
        async with httpx.AsyncClient(
            base_url=self.host + "/",
            timeout=httpx.Timeout(self.timeouts.connect_s + 1.0, connect=self.timeouts.connect_s),
            headers={"Authorization": f"Bearer {self.api_key}"} if self.api_key else None,
            transport=self._transport,
        ) as http:
            body = (await http.get("models")).raise_for_status().json()
        models = [str(m.get("id")) for m in body.get("data", []) if isinstance(m, dict)]
        return BackendHealth(
            backend=self.name,
            host=self.host,
            model=self.model,
            reachable=True,
            model_present=self.model in models,
            models=models,
        )
