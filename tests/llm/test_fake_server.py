"""The fake Ollama server speaks the wire format the real clients expect (ollama.AsyncClient, ChatOllama)."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import ollama
import pytest
from langchain_core.messages import AIMessage, HumanMessage, ToolMessage
from langchain_ollama import ChatOllama, OllamaEmbeddings
from pydantic import BaseModel

from fakes.ollama_server import FakeOllama, FakeReply

ROOT = Path(__file__).resolve().parents[2]
USER = [{"role": "user", "content": "기초연금 받을 수 있나요?"}]


async def _close(model: ChatOllama | OllamaEmbeddings) -> None:
    """LangChain's Ollama wrappers never close their HTTP clients; do it so no socket leaks."""
    async_client = model._async_client
    if async_client is not None:
        await async_client._client.aclose()
    sync_client = model._client
    if sync_client is not None:
        sync_client._client.close()


class Intent(BaseModel):
    intent: str
    age: int | None = None


async def test_async_client_streams_ndjson_incrementally() -> None:
    with FakeOllama(inter_token_ms=80) as fake:
        fake.script("하나 둘 셋")
        client = ollama.AsyncClient(host=fake.url)
        arrivals: list[tuple[float, str, bool]] = []
        start = time.perf_counter()
        async for part in await client.chat("qwen3:4b", messages=USER, stream=True, think=False):
            arrivals.append((time.perf_counter() - start, part.message.content or "", bool(part.done)))
        await client._client.aclose()
    assert [a[1] for a in arrivals] == ["하나", " 둘", " 셋", ""]
    assert arrivals[-1][2]
    # Each token arrives on its own, ~80 ms apart (not all at once at the end).
    assert arrivals[1][0] - arrivals[0][0] > 0.05
    assert arrivals[2][0] - arrivals[1][0] > 0.05
    body = fake.bodies()[-1]
    assert body["stream"] is True
    assert body["think"] is False


async def test_async_client_non_stream_usage_and_done_fields(fake: FakeOllama) -> None:
    fake.script(FakeReply(text="네.", prompt_eval_count=42, eval_count=3))
    async with ollama.AsyncClient(host=fake.url) as client:
        reply = await client.chat("qwen3:4b", messages=USER)
    assert reply.message.content == "네."
    assert reply.done
    assert reply.done_reason == "stop"
    assert reply.prompt_eval_count == 42
    assert reply.eval_count == 3
    assert reply.total_duration
    assert reply.eval_duration is not None


async def test_empty_messages_answer_with_load(fake: FakeOllama) -> None:
    async with ollama.AsyncClient(host=fake.url) as client:
        reply = await client.chat("qwen3:4b", messages=[])
    assert reply.done_reason == "load"
    assert fake.pending == 0


async def test_tool_call_arrives_whole_in_one_chunk(fake: FakeOllama) -> None:
    fake.script(
        FakeReply(tool_calls=[{"name": "check_eligibility", "arguments": {"program": "basic_pension"}}])
    )
    async with ollama.AsyncClient(host=fake.url) as client:
        parts = [p async for p in await client.chat("qwen3:4b", messages=USER, stream=True, tools=[])]
    with_calls = [p for p in parts if p.message.tool_calls]
    assert len(with_calls) == 1
    assert not with_calls[0].done
    calls = with_calls[0].message.tool_calls
    assert calls is not None
    call = calls[0]
    assert call.function.name == "check_eligibility"
    assert call.function.arguments == {"program": "basic_pension"}
    assert parts[-1].done


async def test_tags_show_version_root_and_embed(fake: FakeOllama) -> None:
    async with ollama.AsyncClient(host=fake.url) as client:
        tags = await client.list()
        assert [m.model for m in tags.models] == ["qwen3:4b", "bge-m3:latest"]
        assert tags.models[0].details is not None
        assert tags.models[0].details.family == "qwen3"
        show = await client.show("qwen3:4b")
        assert show.capabilities is not None
        assert "tools" in show.capabilities
        embedded = await client.embed("bge-m3", input=["기초연금", "기초연금", "주거급여"])
        again = await client.embed("bge-m3", input="기초연금", dimensions=8)
    vectors = embedded.embeddings
    assert len(vectors) == 3
    assert len(vectors[0]) == 1024
    assert vectors[0] == vectors[1] != vectors[2]
    assert abs(sum(v * v for v in vectors[0]) - 1.0) < 1e-9
    assert len(again.embeddings[0]) == 8
    async with httpx.AsyncClient(base_url=fake.url) as http:
        assert (await http.get("/")).text == "Ollama is running"
        assert "version" in (await http.get("/api/version")).json()


async def test_errors_as_the_client_sees_them(fake: FakeOllama) -> None:
    async with ollama.AsyncClient(host=fake.url) as client:
        with pytest.raises(ollama.ResponseError) as missing:
            await client.chat("llama9:1b", messages=USER)
        assert missing.value.status_code == 404
        assert missing.value.error == 'model "llama9:1b" not found, try pulling it first'
        assert fake.pending == 0  # an unknown model consumes no scripted reply

        for status in (500, 503):
            fake.script(FakeReply(status=status, error="server busy"))
            with pytest.raises(ollama.ResponseError) as failed:
                async for _ in await client.chat("qwen3:4b", messages=USER, stream=True):
                    pass
            assert failed.value.status_code == status
            assert failed.value.error == "server busy"

        with pytest.raises(ollama.ResponseError) as no_tools:
            await client.chat(
                "bge-m3", messages=USER, tools=[{"type": "function", "function": {"name": "x"}}]
            )
        assert no_tools.value.status_code == 400

        fake.script(FakeReply(text="가 나 다", error="model runner crashed", error_after_tokens=2))
        seen: list[str] = []
        with pytest.raises(ollama.ResponseError) as mid:  # noqa: PT012 - the error arrives while iterating
            async for part in await client.chat("qwen3:4b", messages=USER, stream=True):
                seen.append(part.message.content or "")
        assert mid.value.status_code == -1
        assert seen == ["가", " 나"]

        fake.script(FakeReply(text="가 나 다", cut_after_tokens=1))
        with pytest.raises(httpx.RemoteProtocolError):
            async for _ in await client.chat("qwen3:4b", messages=USER, stream=True):
                pass

        fake.script(FakeReply(text="가 나 다", malformed_after_tokens=1))
        with pytest.raises(json.JSONDecodeError):
            async for _ in await client.chat("qwen3:4b", messages=USER, stream=True):
                pass


async def test_connection_refused_as_the_client_sees_it() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    async with ollama.AsyncClient(host=f"http://127.0.0.1:{port}") as client:
        with pytest.raises(ConnectionError):
            await client.chat("qwen3:4b", messages=USER)
        with pytest.raises(httpx.ConnectError):
            async for _ in await client.chat("qwen3:4b", messages=USER, stream=True):
                pass


async def test_chat_ollama_invoke_stream_tools_and_structured(fake: FakeOllama) -> None:
    llm = ChatOllama(model="qwen3:4b", base_url=fake.url, temperature=0, reasoning=False)
    fake.script("기초연금은 신청하셔야 받습니다.")
    reply = await llm.ainvoke([HumanMessage("기초연금?")])
    assert reply.content == "기초연금은 신청하셔야 받습니다."
    assert reply.usage_metadata is not None
    assert reply.usage_metadata["output_tokens"] == 3
    sent = fake.bodies()[-1]
    assert sent["stream"] is True
    assert sent["tools"] == []
    assert sent["think"] is False
    assert sent["options"] == {"temperature": 0.0}

    def check_eligibility(program: str) -> str:
        """Check one program."""
        return program

    fake.script(
        FakeReply(tool_calls=[{"name": "check_eligibility", "arguments": {"program": "basic_pension"}}])
    )
    called = await llm.bind_tools([check_eligibility]).ainvoke([HumanMessage("기초연금?")])
    assert isinstance(called, AIMessage)
    assert called.tool_calls[0]["name"] == "check_eligibility"
    assert called.tool_calls[0]["args"] == {"program": "basic_pension"}
    assert fake.bodies()[-1]["tools"][0]["function"]["name"] == "check_eligibility"

    fake.script("네, 65세 이상이시면 대상입니다.")
    history = [
        HumanMessage("기초연금?"),
        called,
        ToolMessage("eligible", tool_call_id=called.tool_calls[0]["id"]),
    ]
    chunks = [c.content async for c in llm.astream(history)]
    assert "".join(str(c) for c in chunks) == "네, 65세 이상이시면 대상입니다."
    encoded = fake.bodies()[-1]["messages"]
    assert encoded[1]["tool_calls"][0]["function"] == {
        "name": "check_eligibility",
        "arguments": {"program": "basic_pension"},
    }
    assert encoded[2] == {"role": "tool", "content": "eligible"}

    fake.script(FakeReply(json={"intent": "eligibility_check", "age": 70}))
    parsed = await llm.with_structured_output(Intent).ainvoke([HumanMessage("70세")])
    assert parsed == Intent(intent="eligibility_check", age=70)
    assert fake.bodies()[-1]["format"] == Intent.model_json_schema()
    await _close(llm)


async def test_chat_ollama_validates_the_model_against_tags(fake: FakeOllama) -> None:
    await _close(ChatOllama(model="qwen3:4b", base_url=fake.url, validate_model_on_init=True))
    with pytest.raises(ValueError, match="not found"):
        ChatOllama(
            model="exaone:7.8b",
            base_url=fake.url,
            validate_model_on_init=True,
            sync_client_kwargs={"headers": {"Connection": "close"}},  # the failed model leaves no open socket
        )


async def test_ollama_embeddings(fake: FakeOllama) -> None:
    embeddings = OllamaEmbeddings(model="bge-m3", base_url=fake.url)
    vectors = await embeddings.aembed_documents(["가", "나"])
    assert len(vectors) == 2
    assert len(vectors[0]) == 1024
    assert fake.requests[-1]["path"] == "/api/embed"
    await _close(embeddings)


async def test_scripting_and_request_log_over_http(fake: FakeOllama) -> None:
    async with httpx.AsyncClient(base_url=fake.url) as http:
        queued = await http.post(
            "/_fake/script", json={"replies": [{"text": "첫째"}, {"status": 503, "error": "busy"}]}
        )
        assert queued.json() == {"queued": 2}
        bad = await http.post("/_fake/script", json={"txt": "typo"})
        assert bad.status_code == 400
        assert "txt" in bad.json()["error"]
        first = await http.post("/api/chat", json={"model": "qwen3:4b", "messages": USER, "stream": False})
        assert first.json()["message"]["content"] == "첫째"
        second = await http.post("/api/chat", json={"model": "qwen3:4b", "messages": USER, "stream": False})
        assert second.status_code == 503
        assert second.json() == {"error": "busy"}
        log = (await http.get("/_fake/requests")).json()
        assert [r["path"] for r in log if r["path"] == "/api/chat"] == ["/api/chat", "/api/chat"]
        assert [r for r in log if r["path"] == "/api/chat"][-1]["body"]["messages"] == USER
        await http.delete("/_fake/requests")
        assert [r["path"] for r in (await http.get("/_fake/requests")).json()] == ["/_fake/requests"]
        unscripted = await http.post(
            "/api/chat", json={"model": "qwen3:4b", "messages": USER, "stream": False, "format": "json"}
        )
        assert unscripted.json()["message"]["content"] == "{}"


async def test_openai_route_streams_sse_and_answers_whole(fake: FakeOllama) -> None:
    body = {"model": "qwen3:4b", "messages": USER, "stream": True, "stream_options": {"include_usage": True}}
    fake.script(FakeReply(text="안녕 하세요", tool_calls=[{"name": "f", "arguments": {"a": 1}}]))
    async with httpx.AsyncClient(base_url=fake.openai_url) as http:
        async with http.stream("POST", "/chat/completions", json=body) as response:
            assert response.headers["content-type"].startswith("text/event-stream")
            lines = [line async for line in response.aiter_lines() if line.startswith("data: ")]
        assert lines[-1] == "data: [DONE]"
        events = [json.loads(line[6:]) for line in lines[:-1]]
        text = "".join(e["choices"][0]["delta"].get("content") or "" for e in events if e["choices"])
        assert text == "안녕 하세요"
        arguments = "".join(
            tc["function"].get("arguments", "")
            for e in events
            if e["choices"]
            for tc in e["choices"][0]["delta"].get("tool_calls", [])
        )
        assert json.loads(arguments) == {"a": 1}
        assert events[-1]["usage"]["completion_tokens"] == 3
        fake.script("whole")
        whole = (await http.post("/chat/completions", json={"model": "qwen3:4b", "messages": USER})).json()
        assert whole["choices"][0]["message"]["content"] == "whole"
        assert whole["usage"]["total_tokens"] > 0
        missing = await http.post("/chat/completions", json={"model": "nope", "messages": USER})
        assert missing.status_code == 404
        assert "nope" in missing.json()["error"]["message"]
        assert [m["id"] for m in (await http.get("/models")).json()["data"]] == ["qwen3:4b", "bge-m3:latest"]


def test_runs_as_a_module() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "fakes.ollama_server", "--port", str(port), "--model", "qwen3:4b"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                with httpx.Client(base_url=f"http://127.0.0.1:{port}") as http:
                    assert http.get("/api/tags").json()["models"][0]["model"] == "qwen3:4b"
                break
            except httpx.ConnectError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
    finally:
        process.terminate()
        process.communicate(timeout=5)
