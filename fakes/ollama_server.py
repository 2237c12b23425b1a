"""A faithful fake Ollama server on loopback: a real HTTP server, scriptable, with injectable faults.

It speaks the wire format that `ollama.AsyncClient` and `ChatOllama` use (see `/work/shared/notes/stack.md`):
`POST /api/chat` streaming NDJSON (the default) and not, tool calls (whole, in one `done:false` chunk),
`format` (`"json"` or a JSON Schema), `GET /api/tags`, `POST /api/show`, `POST /api/embed`, `POST /api/generate`,
`GET /`, `GET /api/version`, Ollama's error bodies and status codes; and an OpenAI-compatible route
(`POST /v1/chat/completions` with SSE `data:` chunks and `[DONE]`, `GET /v1/models`) so that both backends are
tested against the same server.

Scripting: a queue of `FakeReply` (text, tool calls, JSON, errors, status, latency, a cut stream, a malformed
line), filled from Python (`FakeOllama.script`) or over HTTP (`POST /_fake/script`); an empty queue answers
with `default_text`. Every request is logged (`FakeOllama.requests`, `GET /_fake/requests`).

    with FakeOllama(ttft_ms=200) as fake:
        fake.script(FakeReply(text="안녕하세요"), FakeReply(status=503, error="busy"))
        ... OLLAMA_HOST=fake.url ...

Streaming is truly incremental: each NDJSON line / SSE event is written as its own HTTP chunk, with Nagle off.
Run standalone with `python -m fakes.ollama_server --port 11434`.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import math
import random
import re
import socket
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

VERSION = "0.12.6-fake"
DEFAULT_TEXT = "네, 안내해 드리겠습니다."


class _AbortError(Exception):
    """The server is stopping or the client went away: end the handler quietly."""


@dataclass
class FakeModel:
    """A model the fake server 'has' (what `/api/tags` lists and `/api/show` describes)."""

    name: str
    family: str = "qwen3"
    parameter_size: str = "4.0B"
    quantization_level: str = "Q4_K_M"
    capabilities: tuple[str, ...] = ("completion", "tools", "thinking")
    size: int = 2_497_293_918

    def matches(self, requested: str) -> bool:
        """Ollama's matching: the exact name, or a name without a tag meaning `:latest`."""
        if requested == self.name:
            return True
        return ":" not in requested and f"{requested}:latest" == self.name


DEFAULT_MODELS = (
    FakeModel("qwen3:4b"),
    FakeModel(
        "bge-m3:latest",
        family="bert",
        parameter_size="566.70M",
        quantization_level="F16",
        capabilities=("embedding",),
        size=1_157_672_605,
    ),
)


@dataclass
class FakeReply:
    """One scripted answer of the fake server (consumed by the next chat request, in order).

    - `text`: the assistant's content, streamed as word-sized tokens; `json`: a value sent as the content
      (`json.dumps`), for `format` requests; `tool_calls`: `[{"name": ..., "arguments": {...}}]`, sent whole in
      one chunk after the text.
    - `status` >= 400: answer with that status and `{"error": error}` (no stream at all).
    - `error` with status 200: a mid-stream `{"error": ...}` line after `error_after_tokens` tokens.
    - `cut_after_tokens`: close the connection after that many tokens (no final chunk).
    - `malformed_after_tokens`: write a line that is not JSON after that many tokens.
    - `delay_before_first_token_ms`, `delay_between_tokens_ms`: latency (defaults: the server's).
    - `prompt_eval_count`, `eval_count`: usage to report (defaults: estimated from the text).
    """

    text: str = ""
    tool_calls: list[dict[str, Any]] = field(default_factory=list)
    json: Any = None
    error: str | None = None
    status: int = 200
    delay_before_first_token_ms: float | None = None
    delay_between_tokens_ms: float | None = None
    cut_after_tokens: int | None = None
    error_after_tokens: int | None = None
    malformed_after_tokens: int | None = None
    prompt_eval_count: int | None = None
    eval_count: int | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FakeReply:
        """Build from a JSON object; unknown keys are an error (a typo in a script must not pass silently)."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"unknown FakeReply field(s): {', '.join(unknown)}")
        return cls(**data)

    @property
    def content(self) -> str:
        """The assistant content this reply produces."""
        if self.json is not None:
            return json.dumps(self.json, ensure_ascii=False)
        return self.text


def _tokens(text: str) -> list[str]:
    """Word-sized pieces with their leading whitespace, like a real tokenizer's stream."""
    return re.findall(r"\s*\S+|\s+$", text)


def _limited(content: str, max_tokens: Any, stop: Any) -> tuple[str, str]:
    """The reply as a server sends it under the request's limits: cut before the first stop sequence
    (`stop`), then after `max_tokens` tokens (`length`), as Ollama's `num_predict` and OpenAI's
    `max_tokens` do. Returns the text and the done reason."""
    stops = [stop] if isinstance(stop, str) else [str(s) for s in stop or [] if s]
    cuts = [content.index(s) for s in stops if s in content]
    reason = "stop"
    if cuts:
        content = content[: min(cuts)]
    if isinstance(max_tokens, int) and max_tokens > 0:
        tokens = _tokens(content)
        if len(tokens) > max_tokens:
            content, reason = "".join(tokens[:max_tokens]), "length"
    return content, reason


def approx_tokens(text: str) -> int:
    """A rough token count: one per Hangul/CJK character, one per four other characters."""
    cjk = sum(
        1
        for ch in text
        if "\u1100" <= ch <= "\u11ff" or "\u3000" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af"
    )
    return cjk + math.ceil((len(text) - cjk) / 4)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _embedding(text: str, dimensions: int) -> list[float]:
    """A deterministic unit vector derived from the text's hash."""
    seed = int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")
    rng = random.Random(seed)
    vector = [rng.gauss(0.0, 1.0) for _ in range(dimensions)]
    norm = math.sqrt(sum(v * v for v in vector)) or 1.0
    return [v / norm for v in vector]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], fake: FakeOllama) -> None:
        self.fake = fake
        self.stopping = threading.Event()
        self.connections: set[socket.socket] = set()
        self.connections_lock = threading.Lock()
        super().__init__(address, _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Client disconnects are normal here (timeouts on the client side); stay quiet."""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FakeOllama/" + VERSION
    disable_nagle_algorithm = True
    timeout = 30
    server: _Server

    # ------------------------------------------------------------------ plumbing

    def setup(self) -> None:
        super().setup()
        with self.server.connections_lock:
            self.server.connections.add(self.connection)

    def finish(self) -> None:
        with contextlib.suppress(OSError):
            super().finish()
        with self.server.connections_lock:
            self.server.connections.discard(self.connection)

    def log_message(self, format: str, *args: Any) -> None:
        """No access log on stderr."""

    @property
    def fake(self) -> FakeOllama:
        return self.server.fake

    def _sleep(self, ms: float) -> None:
        if ms > 0 and self.server.stopping.wait(ms / 1000):
            raise _AbortError

    def _read_body(self) -> tuple[Any, bytes]:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        if not raw:
            return None, raw
        return json.loads(raw), raw

    def _send_json(self, status: int, payload: Any) -> None:
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self._send_bytes(status, body, "application/json; charset=utf-8")

    def _send_bytes(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _start_chunked(self, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()

    def _chunk(self, data: bytes) -> None:
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))

    def _end_chunked(self) -> None:
        self.wfile.write(b"0\r\n\r\n")

    def _cut(self) -> None:
        """Close the connection abruptly, mid-answer (no terminating chunk)."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
        raise _AbortError

    def _dispatch(self, method: str) -> None:
        path = self.path.split("?", 1)[0]
        body: Any = None
        try:
            if method in ("POST", "DELETE"):
                try:
                    body, _ = self._read_body()
                except (ValueError, UnicodeDecodeError):
                    self.fake._log(method, path, None)
                    self._send_json(400, {"error": "invalid JSON in request body"})
                    return
            self.fake._log(method, path, body)
            route = _ROUTES.get((method, path))
            if route is None:
                self._send_json(404, {"error": f"{method} {path} not found"})
                return
            route(self, body if body is not None else {})
        except _AbortError:
            self.close_connection = True
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            self.close_connection = True

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_HEAD(self) -> None:
        self._dispatch("HEAD")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    # ------------------------------------------------------------------ Ollama routes

    def root(self, _: Any) -> None:
        self._send_bytes(200, b"Ollama is running", "text/plain; charset=utf-8")

    def head_root(self, _: Any) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", "17")
        self.end_headers()

    def version(self, _: Any) -> None:
        self._send_json(200, {"version": VERSION})

    def tags(self, _: Any) -> None:
        models = []
        for m in self.fake.models:
            models.append(
                {
                    "name": m.name,
                    "model": m.name,
                    "modified_at": "2026-11-01T09:00:00.000000000+09:00",
                    "size": m.size,
                    "digest": hashlib.sha256(m.name.encode()).hexdigest(),
                    "details": {
                        "parent_model": "",
                        "format": "gguf",
                        "family": m.family,
                        "families": [m.family],
                        "parameter_size": m.parameter_size,
                        "quantization_level": m.quantization_level,
                    },
                }
            )
        self._send_json(200, {"models": models})

    def _require_model(self, body: dict[str, Any], *, openai: bool = False) -> FakeModel | None:
        name = body.get("model")
        if not isinstance(name, str) or not name:
            self._send_error(400, "model is required", openai=openai)
            return None
        model = self.fake.find_model(name)
        if model is None:
            if openai:
                self._send_error(404, f"The model `{name}` does not exist.", openai=True)
            else:
                self._send_json(404, {"error": f'model "{name}" not found, try pulling it first'})
        return model

    def _send_error(self, status: int, message: str, *, openai: bool = False) -> None:
        if openai:
            kind = {400: "BadRequestError", 404: "NotFoundError"}.get(status, "InternalServerError")
            self._send_json(status, {"error": {"message": message, "type": kind, "code": status}})
        else:
            self._send_json(status, {"error": message})

    def show(self, body: dict[str, Any]) -> None:
        model = self._require_model(body)
        if model is None:
            return
        self._send_json(
            200,
            {
                "modelfile": f"FROM {model.name}\n",
                "parameters": "temperature 0.6\ntop_p 0.95",
                "template": "{{ .Prompt }}",
                "details": {
                    "parent_model": "",
                    "format": "gguf",
                    "family": model.family,
                    "families": [model.family],
                    "parameter_size": model.parameter_size,
                    "quantization_level": model.quantization_level,
                },
                "model_info": {
                    "general.architecture": model.family,
                    "general.parameter_count": 4_022_468_096,
                },
                "capabilities": list(model.capabilities),
                "modified_at": "2026-11-01T09:00:00.000000000+09:00",
            },
        )

    def embed(self, body: dict[str, Any]) -> None:
        model = self._require_model(body)
        if model is None:
            return
        raw = body.get("input", "")
        inputs = [raw] if isinstance(raw, str) else list(raw)
        if not all(isinstance(x, str) for x in inputs):
            self._send_json(400, {"error": "invalid input type"})
            return
        dimensions = body.get("dimensions") or self.fake.embed_dim
        self._send_json(
            200,
            {
                "model": model.name,
                "embeddings": [_embedding(x, int(dimensions)) for x in inputs],
                "total_duration": 1_000_000,
                "load_duration": 100_000,
                "prompt_eval_count": sum(approx_tokens(x) for x in inputs),
            },
        )

    def chat(self, body: dict[str, Any]) -> None:
        self._generate(body, chat=True)

    def generate(self, body: dict[str, Any]) -> None:
        self._generate(body, chat=False)

    def _generate(self, body: dict[str, Any], *, chat: bool) -> None:
        model = self._require_model(body)
        if model is None:
            return
        stream = body.get("stream", True) is not False
        messages = body.get("messages") or []
        prompt_text = (
            "".join(str(m.get("content") or "") for m in messages if isinstance(m, dict))
            if chat
            else str(body.get("prompt") or "")
        )
        if (chat and not messages) or (not chat and not prompt_text):
            done = self._done_chunk(model.name, chat, reason="load", prompt_tokens=0, eval_tokens=0)
            if stream:
                self._start_chunked("application/x-ndjson")
                self._chunk(json.dumps(done).encode() + b"\n")
                self._end_chunked()
            else:
                self._send_json(200, done)
            return
        if "completion" not in model.capabilities:
            self._send_json(
                400, {"error": f'"{model.name}" does not support {"chat" if chat else "generate"}'}
            )
            return
        if body.get("tools") and "tools" not in model.capabilities:
            self._send_json(400, {"error": f"registry.ollama.ai/library/{model.name} does not support tools"})
            return
        reply = self.fake._next_reply(json_format=body.get("format") is not None, body=body)
        if reply.status >= 400:
            self._sleep(self._ttft(reply))
            self._send_json(reply.status, {"error": reply.error or f"fake error {reply.status}"})
            return
        options = body.get("options") or {}
        content, reason = _limited(reply.content, options.get("num_predict"), options.get("stop"))
        tokens = _tokens(content)
        prompt_tokens = (
            reply.prompt_eval_count if reply.prompt_eval_count is not None else approx_tokens(prompt_text)
        )
        eval_tokens = (
            reply.eval_count if reply.eval_count is not None else len(tokens) + len(reply.tool_calls)
        )
        tool_calls = [
            {"function": {"name": c["name"], "arguments": c.get("arguments", {})}} for c in reply.tool_calls
        ]
        if not stream:
            self._sleep(self._ttft(reply) + self._gap(reply) * max(len(tokens) - 1, 0))
            if reply.malformed_after_tokens is not None:
                self._send_bytes(
                    200, b'{"model": "' + model.name.encode() + b'", "message": {', "application/json"
                )
                return
            if reply.error is not None:
                self._send_json(500, {"error": reply.error})
                return
            payload = self._done_chunk(
                model.name, chat, reason=reason, prompt_tokens=prompt_tokens, eval_tokens=eval_tokens
            )
            if chat:
                payload["message"] = {"role": "assistant", "content": content}
                if tool_calls:
                    payload["message"]["tool_calls"] = tool_calls
            else:
                payload["response"] = content
            data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
            if reply.cut_after_tokens is not None:
                self.send_response(200)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data[: len(data) // 2])
                self._cut()
            self._send_bytes(200, data, "application/json; charset=utf-8")
            return

        self._sleep(self._ttft(reply))
        self._start_chunked("application/x-ndjson")
        events: list[tuple[str, Any]] = [("token", t) for t in tokens]
        if tool_calls:
            events.append(("tools", tool_calls))
        for index in range(len(events) + 1):
            self._faults(reply, index, ndjson=True)
            if index == len(events):
                break
            kind, value = events[index]
            if index > 0:
                self._sleep(self._gap(reply))
            chunk: dict[str, Any] = {"model": model.name, "created_at": _now()}
            if chat:
                message: dict[str, Any] = {"role": "assistant", "content": value if kind == "token" else ""}
                if kind == "tools":
                    message["tool_calls"] = value
                chunk["message"] = message
            else:
                chunk["response"] = value if kind == "token" else ""
            chunk["done"] = False
            self._chunk(json.dumps(chunk, ensure_ascii=False).encode("utf-8") + b"\n")
        done = self._done_chunk(
            model.name, chat, reason=reason, prompt_tokens=prompt_tokens, eval_tokens=eval_tokens
        )
        self._chunk(json.dumps(done).encode() + b"\n")
        self._end_chunked()

    def _faults(self, reply: FakeReply, index: int, *, ndjson: bool) -> None:
        """Inject the scripted stream faults due before event `index`."""
        if reply.cut_after_tokens is not None and index == reply.cut_after_tokens:
            self._cut()
        if reply.malformed_after_tokens is not None and index == reply.malformed_after_tokens:
            self._chunk(
                b'{"model": "broken", "message": {"content": \n' if ndjson else b"data: {not json\n\n"
            )
        if reply.error is not None and index == (reply.error_after_tokens or 0):
            if ndjson:
                self._chunk(json.dumps({"error": reply.error}).encode() + b"\n")
                self._end_chunked()
            else:
                payload = {"error": {"message": reply.error, "type": "InternalServerError", "code": 500}}
                self._chunk(b"data: " + json.dumps(payload).encode() + b"\n\n")
                self._chunk(b"data: [DONE]\n\n")
                self._end_chunked()
            raise _AbortError

    def _ttft(self, reply: FakeReply) -> float:
        if reply.delay_before_first_token_ms is not None:
            return reply.delay_before_first_token_ms
        return self.fake.ttft_ms

    def _gap(self, reply: FakeReply) -> float:
        if reply.delay_between_tokens_ms is not None:
            return reply.delay_between_tokens_ms
        return self.fake.inter_token_ms

    @staticmethod
    def _done_chunk(
        model: str, chat: bool, *, reason: str, prompt_tokens: int, eval_tokens: int
    ) -> dict[str, Any]:
        chunk: dict[str, Any] = {"model": model, "created_at": _now()}
        if chat:
            chunk["message"] = {"role": "assistant", "content": ""}
        else:
            chunk["response"] = ""
        chunk.update(
            {
                "done": True,
                "done_reason": reason,
                "total_duration": 1_000_000 + 1_000 * eval_tokens,
                "load_duration": 100_000,
                "prompt_eval_count": prompt_tokens,
                "prompt_eval_duration": 500_000,
                "eval_count": eval_tokens,
                "eval_duration": 1_000 * eval_tokens,
            }
        )
        return chunk

    # ------------------------------------------------------------------ OpenAI-compatible routes

    def openai_models(self, _: Any) -> None:
        data = [{"id": m.name, "object": "model", "created": 0, "owned_by": "fake"} for m in self.fake.models]
        self._send_json(200, {"object": "list", "data": data})

    def openai_chat(self, body: dict[str, Any]) -> None:
        model = self._require_model(body, openai=True)
        if model is None:
            return
        messages = body.get("messages") or []
        if not messages:
            self._send_error(400, "messages must not be empty", openai=True)
            return
        reply = self.fake._next_reply(json_format=body.get("response_format") is not None, body=body)
        if reply.status >= 400:
            self._sleep(self._ttft(reply))
            self._send_error(reply.status, reply.error or f"fake error {reply.status}", openai=True)
            return
        prompt_text = "".join(str(m.get("content") or "") for m in messages if isinstance(m, dict))
        content, reason = _limited(
            reply.content, body.get("max_tokens") or body.get("max_completion_tokens"), body.get("stop")
        )
        tokens = _tokens(content)
        usage = {
            "prompt_tokens": reply.prompt_eval_count
            if reply.prompt_eval_count is not None
            else approx_tokens(prompt_text),
            "completion_tokens": reply.eval_count
            if reply.eval_count is not None
            else len(tokens) + len(reply.tool_calls),
        }
        usage["total_tokens"] = usage["prompt_tokens"] + usage["completion_tokens"]
        calls: list[dict[str, Any]] = [
            {
                "id": f"call_{uuid.uuid4().hex[:12]}",
                "type": "function",
                "function": {
                    "name": c["name"],
                    "arguments": json.dumps(c.get("arguments", {}), ensure_ascii=False),
                },
            }
            for c in reply.tool_calls
        ]
        finish = "tool_calls" if calls else reason
        completion_id = f"chatcmpl-{uuid.uuid4().hex[:16]}"
        created = int(time.time())
        if body.get("stream") is not True:
            self._sleep(self._ttft(reply) + self._gap(reply) * max(len(tokens) - 1, 0))
            if reply.malformed_after_tokens is not None:
                self._send_bytes(200, b'{"id": "x", "choices": [', "application/json")
                return
            if reply.error is not None:
                self._send_error(500, reply.error, openai=True)
                return
            message: dict[str, Any] = {
                "role": "assistant",
                "content": content if not calls or content else None,
            }
            if calls:
                message["tool_calls"] = calls
            payload = {
                "id": completion_id,
                "object": "chat.completion",
                "created": created,
                "model": model.name,
                "choices": [{"index": 0, "message": message, "finish_reason": finish}],
                "usage": usage,
            }
            self._send_json(200, payload)
            return

        def event(choices: list[dict[str, Any]], **extra: Any) -> bytes:
            data = {
                "id": completion_id,
                "object": "chat.completion.chunk",
                "created": created,
                "model": model.name,
                "choices": choices,
                **extra,
            }
            return b"data: " + json.dumps(data, ensure_ascii=False).encode("utf-8") + b"\n\n"

        self._sleep(self._ttft(reply))
        self._start_chunked("text/event-stream")
        self._chunk(
            event([{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}])
        )
        events: list[bytes] = [
            event([{"index": 0, "delta": {"content": t}, "finish_reason": None}]) for t in tokens
        ]
        for i, call in enumerate(calls):
            head = {
                "index": i,
                "id": call["id"],
                "type": "function",
                "function": {"name": call["function"]["name"], "arguments": ""},
            }
            arguments = call["function"]["arguments"]
            half = len(arguments) // 2
            parts = [head] + [
                {"index": i, "function": {"arguments": p}} for p in (arguments[:half], arguments[half:])
            ]
            events.append(
                b"".join(
                    event([{"index": 0, "delta": {"tool_calls": [p]}, "finish_reason": None}]) for p in parts
                )
            )
        for index in range(len(events) + 1):
            self._faults(reply, index, ndjson=False)
            if index == len(events):
                break
            if index > 0:
                self._sleep(self._gap(reply))
            self._chunk(events[index])
        self._chunk(event([{"index": 0, "delta": {}, "finish_reason": finish}]))
        stream_options = body.get("stream_options") or {}
        if stream_options.get("include_usage"):
            self._chunk(event([], usage=usage))
        self._chunk(b"data: [DONE]\n\n")
        self._end_chunked()

    # ------------------------------------------------------------------ test hooks

    def fake_script(self, body: Any) -> None:
        items = body.get("replies", [body]) if isinstance(body, dict) else body
        try:
            replies = [
                FakeReply.from_dict(x) if isinstance(x, dict) else FakeReply(text=str(x)) for x in items
            ]
        except (TypeError, ValueError) as exc:
            self._send_json(400, {"error": str(exc)})
            return
        self.fake.script(*replies)
        self._send_json(200, {"queued": self.fake.pending})

    def fake_clear_script(self, _: Any) -> None:
        self.fake.clear_script()
        self._send_json(200, {"queued": 0})

    def fake_requests(self, _: Any) -> None:
        self._send_json(200, self.fake.requests)

    def fake_clear_requests(self, _: Any) -> None:
        self.fake.clear_requests()
        self._send_json(200, {"cleared": True})

    def fake_reset(self, _: Any) -> None:
        self.fake.reset()
        self._send_json(200, {"reset": True})


_ROUTES = {
    ("GET", "/"): _Handler.root,
    ("HEAD", "/"): _Handler.head_root,
    ("GET", "/api/version"): _Handler.version,
    ("GET", "/api/tags"): _Handler.tags,
    ("POST", "/api/show"): _Handler.show,
    ("POST", "/api/embed"): _Handler.embed,
    ("POST", "/api/chat"): _Handler.chat,
    ("POST", "/api/generate"): _Handler.generate,
    ("GET", "/v1/models"): _Handler.openai_models,
    ("POST", "/v1/chat/completions"): _Handler.openai_chat,
    ("POST", "/_fake/script"): _Handler.fake_script,
    ("DELETE", "/_fake/script"): _Handler.fake_clear_script,
    ("GET", "/_fake/requests"): _Handler.fake_requests,
    ("DELETE", "/_fake/requests"): _Handler.fake_clear_requests,
    ("POST", "/_fake/reset"): _Handler.fake_reset,
}


class FakeOllama:
    """The fake server, run in a background thread on 127.0.0.1 (port 0: a free port).

    Use as a context manager (`with FakeOllama() as fake:`), or `start()` / `stop()`.
    `ttft_ms` and `inter_token_ms` are the default latencies of every reply; a `FakeReply` may override them.
    """

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        models: Iterable[FakeModel | str] | None = None,
        ttft_ms: float = 0.0,
        inter_token_ms: float = 0.0,
        embed_dim: int = 1024,
        default_text: str = DEFAULT_TEXT,
        respond: Callable[[dict[str, Any]], FakeReply | None] | None = None,
    ) -> None:
        self.host = host
        self._port = port
        self.models: list[FakeModel] = [
            FakeModel(m) if isinstance(m, str) else m for m in (DEFAULT_MODELS if models is None else models)
        ]
        self.ttft_ms = ttft_ms
        self.inter_token_ms = inter_token_ms
        self.embed_dim = embed_dim
        self.default_text = default_text
        self.respond = respond
        """A behaviour model: with nothing scripted, the reply to a request body (None: the default)."""
        self._lock = threading.Lock()
        self._queue: deque[FakeReply] = deque()
        self._requests: list[dict[str, Any]] = []
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> FakeOllama:
        """Bind and serve in a daemon thread; returns self."""
        if self._server is not None:
            return self
        self._server = _Server((self.host, self._port), self)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-ollama", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close every open connection (idempotent)."""
        server, self._server = self._server, None
        if server is None:
            return
        server.stopping.set()
        server.shutdown()
        with server.connections_lock:
            for connection in list(server.connections):
                with contextlib.suppress(OSError):
                    connection.shutdown(socket.SHUT_RDWR)
        server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=2)

    def serve_forever(self) -> None:
        """Serve in the calling thread until interrupted (the `python -m` entry point)."""
        self._server = _Server((self.host, self._port), self)
        try:
            self._server.serve_forever(poll_interval=0.2)
        finally:
            self._server.server_close()

    def __enter__(self) -> FakeOllama:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        """The bound port (after `start`)."""
        if self._server is None:
            raise RuntimeError("the fake server is not running")
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        """`http://127.0.0.1:<port>`: the value for `OLLAMA_HOST`."""
        return f"http://{self.host}:{self.port}"

    @property
    def openai_url(self) -> str:
        """The base URL of the OpenAI-compatible routes (`.../v1`)."""
        return f"{self.url}/v1"

    # ------------------------------------------------------------------ scripting and inspection

    def script(self, *replies: FakeReply | dict[str, Any] | str) -> None:
        """Queue replies for the next chat requests (a `str` is a text reply, a `dict` a `FakeReply`)."""
        built = [
            r
            if isinstance(r, FakeReply)
            else FakeReply.from_dict(r)
            if isinstance(r, dict)
            else FakeReply(text=r)
            for r in replies
        ]
        with self._lock:
            self._queue.extend(built)

    @property
    def pending(self) -> int:
        """How many scripted replies are still queued."""
        with self._lock:
            return len(self._queue)

    def clear_script(self) -> None:
        """Drop the queued replies."""
        with self._lock:
            self._queue.clear()

    @property
    def requests(self) -> list[dict[str, Any]]:
        """Every request so far: `{"method", "path", "body", "time"}` (a copy)."""
        with self._lock:
            return [dict(r) for r in self._requests]

    def bodies(self, path: str = "/api/chat") -> list[dict[str, Any]]:
        """The JSON bodies of the requests to `path`, in order."""
        return [r["body"] for r in self.requests if r["path"] == path and isinstance(r["body"], dict)]

    def clear_requests(self) -> None:
        """Forget the request log."""
        with self._lock:
            self._requests.clear()

    def reset(self) -> None:
        """Clear the script and the request log."""
        self.clear_script()
        self.clear_requests()

    def find_model(self, name: str) -> FakeModel | None:
        """The model `name` refers to, or None."""
        return next((m for m in self.models if m.matches(name)), None)

    def _next_reply(self, *, json_format: bool, body: dict[str, Any] | None = None) -> FakeReply:
        with self._lock:
            if self._queue:
                return self._queue.popleft()
        if self.respond is not None and body is not None:
            reply = self.respond(body)
            if reply is not None:
                return reply
        return FakeReply(text="{}" if json_format else self.default_text)

    def _log(self, method: str, path: str, body: Any) -> None:
        with self._lock:
            self._requests.append({"method": method, "path": path, "body": body, "time": time.time()})

    def describe(self) -> dict[str, Any]:
        """The configuration, for logs."""
        return {"url": self.url, "models": [asdict(m) for m in self.models], "ttft_ms": self.ttft_ms}


@contextlib.contextmanager
def running(**kwargs: Any) -> Iterator[FakeOllama]:
    """`with running(ttft_ms=200) as fake:` — a started `FakeOllama` stopped on exit."""
    fake = FakeOllama(**kwargs)
    with fake:
        yield fake


def main(argv: list[str] | None = None) -> None:
    """`python -m fakes.ollama_server --port N`: serve until interrupted."""
    parser = argparse.ArgumentParser(description="A fake Ollama server for tests and demos.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=11434)
    parser.add_argument("--ttft-ms", type=float, default=0.0, help="delay before the first token")
    parser.add_argument("--inter-token-ms", type=float, default=0.0, help="delay between tokens")
    parser.add_argument("--model", action="append", help="a model name to serve (repeatable)")
    parser.add_argument("--text", default=DEFAULT_TEXT, help="the reply when nothing is scripted")
    args = parser.parse_args(argv)
    fake = FakeOllama(
        host=args.host,
        port=args.port,
        models=args.model,
        ttft_ms=args.ttft_ms,
        inter_token_ms=args.inter_token_ms,
        default_text=args.text,
    )
    print(f"fake ollama on http://{args.host}:{args.port}", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        fake.serve_forever()


if __name__ == "__main__":
    main()
