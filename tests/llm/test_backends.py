"""Each backend against the fake server: streaming, tools, structured output, health, and every failure."""

from __future__ import annotations

import socket
import time
from collections.abc import AsyncIterator

import pytest
from pydantic import BaseModel

from agent.llm import OllamaBackend, OpenAICompatBackend, ResilientBackend
from fakes.ollama_server import FakeOllama, FakeReply
from graphs.llm import ChatBackend, ChatMessage, LLMUnavailable, ReplyLimit, ToolCall, ToolSpec
from graphs.prompting import load_prompt

MESSAGES = [ChatMessage("system", "시흥시 복지 도우미"), ChatMessage("user", "기초연금 받을 수 있나요?")]
CHECK = ToolSpec(
    name="check_eligibility",
    description="Check one program for the household.",
    parameters={"type": "object", "properties": {"program": {"type": "string"}}, "required": ["program"]},
)
#: The brief's promise: a deterministic reply within 2 s of the fault. Measured with a margin for slow CI.
BOUND_S = 2.5


class Understanding(BaseModel):
    intent: str
    age: int | None = None


def _path(backend: ResilientBackend) -> str:
    return "/api/chat" if backend.name == "ollama" else "/v1/chat/completions"


async def test_backends_satisfy_the_protocol(backend: ResilientBackend) -> None:
    assert isinstance(backend, ChatBackend)


async def test_stream_delivers_tokens_in_order(backend: ResilientBackend, fake: FakeOllama) -> None:
    fake.script(FakeReply(text="기초연금은 월 34만 9,700원까지 받으실 수 있습니다.", prompt_eval_count=120))
    tokens: list[str] = []

    async def on_token(token: str) -> None:
        tokens.append(token)

    result = await backend.stream(MESSAGES, on_token=on_token)
    assert result.text == "기초연금은 월 34만 9,700원까지 받으실 수 있습니다."
    assert "".join(tokens) == result.text
    assert len(tokens) == 7
    assert result.prompt_tokens == 120
    assert result.completion_tokens == 7
    assert result.model == "qwen3:4b"
    assert result.tool_calls == ()
    assert result.first_token_ms is not None
    assert result.first_token_ms <= result.elapsed_ms


async def test_a_limit_caps_the_reply_and_stops_at_a_label(
    backend: ResilientBackend, fake: FakeOllama
) -> None:
    """A model that rambles ends at the cap (`num_predict` / `max_tokens`), and one that starts writing its
    prompt's next section ends before it; the cap and the stops are in the request."""
    rambling = "기초연금 안내예요. " + "계속 이야기할게요. " * 200
    fake.script(FakeReply(text=rambling), FakeReply(text="받으실 가능성이 높아요.\nCITIZEN: 고마워요"))
    limit = ReplyLimit(max_tokens=12, stop=("CITIZEN:", "LAST TURNS:"))
    capped = await backend.stream(MESSAGES, limit=limit)
    assert len(capped.text.split()) == 12
    stopped = await backend.stream(MESSAGES, limit=limit)
    assert stopped.text.strip() == "받으실 가능성이 높아요."
    body = fake.bodies(_path(backend))[-1]
    if backend.name == "ollama":
        assert body["options"]["num_predict"] == 12
        assert body["options"]["stop"] == ["CITIZEN:", "LAST TURNS:"]
    else:
        assert body["max_tokens"] == 12
        assert body["stop"] == ["CITIZEN:", "LAST TURNS:"]


def test_the_respond_prompt_declares_its_budget_and_stops_at_its_labels() -> None:
    limit = load_prompt("respond").limit
    assert limit is not None
    assert 100 <= limit.max_tokens <= 600
    assert "CITIZEN:" in limit.stop[:4]  # the four an OpenAI server takes
    assert {"PENDING QUESTION:", "TOOL RESULTS:"} <= set(limit.stop)
    assert load_prompt("understand").limit is not None


async def test_request_carries_the_settings(fake: FakeOllama) -> None:
    backend = OllamaBackend(host=fake.url, model="qwen3:4b", keep_alive="10m", temperature=0.2, num_ctx=4096)
    await backend.stream(MESSAGES)
    await backend.aclose()
    body = fake.bodies()[-1]
    assert body["think"] is False
    assert body["keep_alive"] == "10m"
    assert body["stream"] is True
    assert body["options"] == {"temperature": 0.2, "num_ctx": 4096}
    assert body["messages"] == [
        {"role": "system", "content": "시흥시 복지 도우미"},
        {"role": "user", "content": "기초연금 받을 수 있나요?"},
    ]

    openai = OpenAICompatBackend(base_url=fake.openai_url, model="qwen3:4b", api_key="secret")
    await openai.stream(MESSAGES)
    await openai.aclose()
    body = fake.bodies("/v1/chat/completions")[-1]
    assert body["stream"] is True
    assert body["stream_options"] == {"include_usage": True}
    assert body["chat_template_kwargs"] == {"enable_thinking": False}


async def test_tool_calls_and_tool_results(backend: ResilientBackend, fake: FakeOllama) -> None:
    fake.script(
        FakeReply(tool_calls=[{"name": "check_eligibility", "arguments": {"program": "basic_pension"}}])
    )
    first = await backend.stream(MESSAGES, tools=[CHECK])
    assert first.text == ""
    assert [(c.name, c.arguments) for c in first.tool_calls] == [
        ("check_eligibility", {"program": "basic_pension"})
    ]
    assert first.tool_calls[0].id
    sent = fake.bodies(_path(backend))[-1]
    assert sent["tools"] == [CHECK.as_openai_tool()]

    call = first.tool_calls[0]
    history = [
        *MESSAGES,
        ChatMessage("assistant", tool_calls=(call,)),
        ChatMessage("tool", '{"status": "eligible"}', tool_name=call.name, tool_call_id=call.id),
    ]
    fake.script("받으실 가능성이 높습니다.")
    second = await backend.stream(history, tools=[CHECK])
    assert second.text == "받으실 가능성이 높습니다."
    encoded = fake.bodies(_path(backend))[-1]["messages"]
    if backend.name == "ollama":
        assert encoded[2]["tool_calls"] == [
            {"function": {"name": "check_eligibility", "arguments": {"program": "basic_pension"}}}
        ]
        assert encoded[3] == {
            "role": "tool",
            "content": '{"status": "eligible"}',
            "tool_name": "check_eligibility",
        }
    else:
        assert encoded[2]["tool_calls"][0]["id"] == call.id
        assert encoded[3]["tool_call_id"] == call.id


async def test_structured_output_uses_the_schema(backend: ResilientBackend, fake: FakeOllama) -> None:
    fake.script(FakeReply(json={"intent": "eligibility_check", "age": 70}))
    parsed = await backend.structured(MESSAGES, Understanding)
    assert parsed == Understanding(intent="eligibility_check", age=70)
    body = fake.bodies(_path(backend))[-1]
    if backend.name == "ollama":
        assert body["format"] == Understanding.model_json_schema()
    else:
        assert body["response_format"]["json_schema"]["schema"] == Understanding.model_json_schema()


async def test_health_reports_models(backend: ResilientBackend, fake: FakeOllama) -> None:
    health = await backend.health()
    assert health.ok
    assert health.reachable
    assert health.model_present
    assert "qwen3:4b" in health.models
    assert health.circuit == "closed"
    missing = type(backend)(**_same_server(backend, fake), model="exaone3.5:7.8b")  # type: ignore[arg-type]
    report = await missing.health()
    assert report.reachable
    assert not report.model_present
    assert not report.ok


def _same_server(backend: ResilientBackend, fake: FakeOllama) -> dict[str, str]:
    return {"host": fake.url} if backend.name == "ollama" else {"base_url": fake.openai_url}


@pytest.fixture
def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(params=["ollama", "openai"])
async def down(request: pytest.FixtureRequest, closed_port: int) -> AsyncIterator[ResilientBackend]:
    chosen: ResilientBackend
    if request.param == "ollama":
        chosen = OllamaBackend(host=f"http://127.0.0.1:{closed_port}", model="qwen3:4b")
    else:
        chosen = OpenAICompatBackend(base_url=f"http://127.0.0.1:{closed_port}/v1", model="qwen3:4b")
    yield chosen
    await chosen.aclose()


async def test_server_down(down: ResilientBackend) -> None:
    start = time.perf_counter()
    with pytest.raises(LLMUnavailable) as failure:
        await down.stream(MESSAGES)
    assert failure.value.reason == "connect"
    assert time.perf_counter() - start < BOUND_S
    health = await down.health()
    assert not health.reachable
    assert health.error
    assert "connect" in health.error


FAULTS = [
    pytest.param(
        FakeReply(text="늦은 답", delay_before_first_token_ms=5000),
        "timeout_first_token",
        id="slow-first-token",
    ),
    pytest.param(
        FakeReply(text="가 나 다 라", delay_between_tokens_ms=5000), "timeout_idle", id="stalled-stream"
    ),
    pytest.param(FakeReply(status=500, error="internal error"), "http_5xx", id="http-500"),
    pytest.param(FakeReply(status=503, error="server overloaded"), "http_5xx", id="http-503"),
    pytest.param(FakeReply(status=400, error="does not support tools"), "http_4xx", id="http-400"),
    pytest.param(
        FakeReply(text="가 나 다 라", error="model runner crashed", error_after_tokens=2),
        "stream_error",
        id="mid-stream-error",
    ),
    pytest.param(FakeReply(text="가 나 다 라", cut_after_tokens=2), "stream_cut", id="cut-stream"),
    pytest.param(FakeReply(text="가 나 다 라", malformed_after_tokens=1), "malformed", id="malformed-line"),
]


@pytest.mark.parametrize(("reply", "reason"), FAULTS)
async def test_each_fault_becomes_llm_unavailable_within_2_s(
    backend: ResilientBackend, fake: FakeOllama, reply: FakeReply, reason: str
) -> None:
    fake.script(reply)
    tokens: list[str] = []

    async def on_token(token: str) -> None:
        tokens.append(token)

    start = time.perf_counter()
    with pytest.raises(LLMUnavailable) as failure:
        await backend.stream(MESSAGES, on_token=on_token)
    elapsed = time.perf_counter() - start
    assert failure.value.reason == reason, failure.value
    assert elapsed < BOUND_S, f"{reason} took {elapsed:.2f} s"


async def test_unknown_model(fake: FakeOllama, backend: ResilientBackend) -> None:
    other = type(backend)(**_same_server(backend, fake), model="llama9:70b")  # type: ignore[arg-type]
    with pytest.raises(LLMUnavailable) as failure:
        await other.stream(MESSAGES)
    await other.aclose()
    assert failure.value.reason == "model_not_found"
    assert "llama9:70b" in failure.value.detail


@pytest.mark.parametrize("content", ["not json at all", '{"age": 70}', '{"intent": "x", "age": "seventy"}'])
async def test_schema_invalid_structured_output(
    backend: ResilientBackend, fake: FakeOllama, content: str
) -> None:
    fake.script(FakeReply(text=content))
    with pytest.raises(LLMUnavailable) as failure:
        await backend.structured(MESSAGES, Understanding)
    assert failure.value.reason == "schema_invalid"


async def test_consumer_errors_are_not_model_failures(backend: ResilientBackend, fake: FakeOllama) -> None:
    fake.script("가 나 다")

    async def broken(_token: str) -> None:
        raise RuntimeError("client went away")

    with pytest.raises(RuntimeError, match="client went away"):
        await backend.stream(MESSAGES, on_token=broken)
    assert backend.breaker.snapshot()["consecutive_failures"] == 0


async def test_openai_tool_call_arguments_arrive_in_fragments(fake: FakeOllama) -> None:
    backend = OpenAICompatBackend(base_url=fake.openai_url, model="qwen3:4b")
    fake.script(FakeReply(tool_calls=[{"name": "f", "arguments": {"a": 1}}]))
    result = await backend.stream(MESSAGES, tools=[CHECK])
    assert result.tool_calls == (ToolCall("f", {"a": 1}, result.tool_calls[0].id),)
    await backend.aclose()
