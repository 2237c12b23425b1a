"""The chat service on the sLLM path, end to end through the fake Ollama server on loopback."""

from __future__ import annotations

import asyncio
import json
import re
import socket
import time
from pathlib import Path

import pytest

from agent.chat import ChatService
from agent.settings import Settings
from fakes.ollama_server import FakeOllama, FakeReply
from graphs.state import ChatTurn
from tests.conftest import model_settings

QUESTION = "일흔 살이고 혼자 사는데 기초연금 받을 수 있나요? 월 소득 30만원이에요"
FINAL = "재산은 없어요"
ASKS_ASSETS = "기초연금은 아직 판단할 수 없어요. 집이나 예금 같은 재산이 얼마나 있는지 알려 주시겠어요?"
GROUNDED = "기초연금을 받으실 가능성이 높습니다. 2026년 기준으로 월 349,700원을 받으실 수 있어요. 행정복지센터에 신청하세요."


async def _conversation(settings: Settings, streamed: list[str]) -> list[ChatTurn]:
    async def sink(text: str) -> None:
        streamed.append(text)

    async with ChatService(settings) as chat:
        first = await chat.turn(QUESTION, on_token=sink)
        second = await chat.turn(FINAL, session_id=first.session_id, on_token=sink)
    return [first, second]


def test_a_grounded_reply_is_streamed_and_shown(tmp_path: Path, fake: FakeOllama) -> None:
    fake.script(FakeReply(text=ASKS_ASSETS), FakeReply(text=GROUNDED))
    streamed: list[str] = []
    first, final = asyncio.run(_conversation(model_settings(tmp_path, fake.url), streamed))
    assert first.follow_up is not None
    assert first.follow_up.slot == "assets"
    assert first.mode == "llm"
    assert final.mode == "llm"
    assert final.reply == GROUNDED
    assert final.eligibility[0]["status"] == "eligible"  # the engine decides; the model only phrases
    assert final.usage == {"llm_calls": 1, "prompt_tokens": final.usage["prompt_tokens"]}
    assert final.usage["prompt_tokens"] > 100
    assert "".join(streamed).replace(" ", "").endswith(GROUNDED.replace(" ", ""))
    prompt = fake.bodies()[-1]["messages"]
    assert "349700" in prompt[-1]["content"] or "349,700" in prompt[-1]["content"]
    # The stamp names the model and its digest as the server reports them (issue 15).
    assert final.stamp is not None
    assert re.fullmatch(r"ollama:[\w.:-]+@[0-9a-f]{12}", final.stamp.model), final.stamp.model


def test_a_reply_that_asks_what_the_agent_never_meant_to_ask_is_not_shown(
    tmp_path: Path, fake: FakeOllama
) -> None:
    """Issue 15: a real small model asked the resident a question of its own and left out the verdict; the
    reply must say the engine's status and ask the open question (here: assets), or it is not shown."""
    fake.script(FakeReply(text="한 가지만 더 여쭐게요. 지금 받고 계신 복지 급여가 있나요?"))
    streamed: list[str] = []

    async def one_turn() -> ChatTurn:
        async def sink(text: str) -> None:
            streamed.append(text)

        async with ChatService(model_settings(tmp_path, fake.url)) as chat:
            return await chat.turn(QUESTION, on_token=sink)

    first = asyncio.run(one_turn())
    assert first.mode == "deterministic"
    assert "재산" in first.reply
    assert "한 가지만 더 여쭐게요" not in first.reply


def test_an_invented_amount_never_reaches_the_citizen(tmp_path: Path, fake: FakeOllama) -> None:
    invented = "기초연금을 받으실 수 있어요. 월 500,000원이 나옵니다."
    fake.script(FakeReply(text="지금 받고 계신 급여가 있나요?"), FakeReply(text=invented))
    streamed: list[str] = []
    _, final = asyncio.run(_conversation(model_settings(tmp_path, fake.url), streamed))
    assert final.mode == "deterministic"
    assert "500,000" not in final.reply
    assert "349,700원" in final.reply
    assert not any("500,000" in s for s in streamed)


@pytest.mark.parametrize(
    "claim",
    [
        "기초연금 수급자로 확정되었어요. 행정복지센터 심사 없이 다음 달부터 바로 지급됩니다.",
        "받으실 수 없어요. 신청해도 소용없으니 신청하지 마세요.",
        "http://siheung-welfare-pay.example/apply 에서 계좌번호를 입력하면 연금이 나옵니다.",
    ],
)
def test_a_claim_the_engine_does_not_support_never_reaches_the_citizen(
    tmp_path: Path, fake: FakeOllama, claim: str
) -> None:
    """Issue 15: a false approval or promise, a false refusal, a phishing link — no figure in any of them, so
    only the claims check stops them; the deterministic reply is shown and nothing of them was streamed."""
    fake.script(FakeReply(text="지금 받고 계신 급여가 있나요?"), FakeReply(text=claim))
    streamed: list[str] = []
    _, final = asyncio.run(_conversation(model_settings(tmp_path, fake.url), streamed))
    assert final.mode == "deterministic"
    assert "349,700원" in final.reply
    first_words = claim.split()[0]
    assert not any(first_words in s for s in streamed)


@pytest.mark.parametrize(
    "fault",
    [
        FakeReply(status=500, error="internal error"),
        FakeReply(status=503, error="overloaded"),
        FakeReply(text="기초연금을 받으실 가능성이 높습니다 그리고", cut_after_tokens=2),
        FakeReply(text="기초연금을", error="model crashed", error_after_tokens=1),
        FakeReply(text="기초연금을 받으실", malformed_after_tokens=1),
        FakeReply(text="늦은 답", delay_before_first_token_ms=3000),
        FakeReply(status=404, error='model "qwen3:4b" not found, try pulling it first'),
    ],
    ids=["500", "503", "cut", "mid-stream-error", "malformed", "slow-first-token", "unknown-model"],
)
def test_model_faults_fall_back_within_two_seconds(
    tmp_path: Path, fake: FakeOllama, fault: FakeReply
) -> None:
    fake.script(FakeReply(text="지금 받고 계신 급여가 있나요?"), fault)

    async def run() -> tuple[ChatTurn, float]:
        async with ChatService(model_settings(tmp_path, fake.url)) as chat:
            first = await chat.turn(QUESTION)
            started = time.perf_counter()
            final = await chat.turn(FINAL, session_id=first.session_id)
            return final, time.perf_counter() - started

    final, elapsed = asyncio.run(run())
    assert final.mode == "deterministic"
    assert final.eligibility[0]["status"] == "eligible"  # nothing was lost from the conversation
    assert "349,700원" in final.reply
    assert elapsed < 2.5


def test_no_model_server_means_deterministic_mode(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}"
    # The same conversation with no model configured is the baseline: a refused connection adds no wait on the
    # LLM timeouts (connect 1 s, total 30 s) on top of it, however loaded the machine is.
    started = time.perf_counter()
    asyncio.run(
        _conversation(Settings(WELFARE_DATA_DIR=str(tmp_path / "base"), WELFARE_LLM_BACKEND="none"), [])
    )
    baseline = time.perf_counter() - started
    started = time.perf_counter()
    turns = asyncio.run(_conversation(model_settings(tmp_path, closed), []))
    assert [t.mode for t in turns] == ["deterministic", "deterministic"]
    assert turns[1].eligibility[0]["status"] == "eligible"
    stamp = turns[1].stamp
    assert stamp is not None
    assert stamp.model == "deterministic"
    assert all(re.fullmatch(r"[0-9a-f]{12}", v) for v in (stamp.rules, stamp.documents, stamp.prompts)), stamp
    settings = model_settings(tmp_path, closed)
    assert time.perf_counter() - started < baseline + 2 * settings.llm_connect_timeout_s + 2


def test_personal_data_never_reaches_the_model(tmp_path: Path, fake: FakeOllama) -> None:
    fake.script(FakeReply(text="지금 받고 계신 급여가 있나요?"))

    async def run() -> ChatTurn:
        async with ChatService(model_settings(tmp_path, fake.url)) as chat:
            return await chat.turn(QUESTION + " 제 주민번호는 450312-2345678, 연락처 010-9876-5432")

    turn = asyncio.run(run())
    sent = str(fake.requests)
    assert "2345678" not in sent
    assert "9876-5432" not in sent
    assert turn.reply.startswith("개인정보")


def test_open_questions_may_call_citizen_tools_only(tmp_path: Path, fake: FakeOllama) -> None:
    fake.script(
        FakeReply(
            tool_calls=[
                {"name": "list_handoffs", "arguments": {}},  # officer-only: must be refused
                {"name": "search_documents", "arguments": {"query": "복지 신청 장소", "k": 1}},
            ]
        ),
        FakeReply(text="복지 급여는 주소지 행정복지센터에서 신청할 수 있어요."),
    )

    async def run() -> ChatTurn:
        async with ChatService(model_settings(tmp_path, fake.url)) as chat:
            return await chat.turn("복지 신청은 어디서 해요?")

    turn = asyncio.run(run())
    first, second = fake.bodies()[-2:]
    offered = {tool["function"]["name"] for tool in first["tools"]}
    assert "search_documents" in offered
    assert "list_handoffs" not in offered  # never offered to a citizen's turn
    tool_messages = [m for m in second["messages"] if m["role"] == "tool"]
    assert "not available to citizens" in tool_messages[0]["content"]
    assert "program" in tool_messages[1]["content"]
    assert turn.mode == "llm"
    assert turn.usage["llm_calls"] == 2
    assert turn.reply == "복지 급여는 주소지 행정복지센터에서 신청할 수 있어요."


def test_tool_rounds_are_bounded(tmp_path: Path, fake: FakeOllama) -> None:
    loop = FakeReply(tool_calls=[{"name": "program_catalogue", "arguments": {"programs": ["basic_pension"]}}])
    fake.script(loop, loop, FakeReply(text="복지 급여는 주소지 행정복지센터에 문의하고 신청하세요."))

    async def run() -> ChatTurn:
        async with ChatService(model_settings(tmp_path, fake.url)) as chat:
            return await chat.turn("복지 신청은 어디서 해요?")

    turn = asyncio.run(run())
    assert turn.usage["llm_calls"] == 3  # two tool rounds, then an answer without tools offered
    assert "tools" not in fake.bodies()[-1] or not fake.bodies()[-1]["tools"]
    assert turn.mode == "llm"


def test_a_reply_that_repeats_the_system_prompt_is_blocked(tmp_path: Path, fake: FakeOllama) -> None:
    leak = (
        "제 지시문은 이렇습니다. You are the welfare assistant of Siheung City (시흥시). "
        "You explain results that were computed for you; you never decide eligibility yourself."
    )
    fake.script(FakeReply(text="지금 받고 계신 급여가 있나요?"), FakeReply(text=leak))
    streamed: list[str] = []
    _, final = asyncio.run(_conversation(model_settings(tmp_path, fake.url), streamed))
    assert final.mode == "deterministic"
    assert "You are the welfare assistant" not in final.reply
    assert not any("You are the welfare assistant" in s for s in streamed)


def _structured_requests(fake: FakeOllama) -> list[dict[str, object]]:
    return [b for b in fake.bodies() if b.get("format")]


def test_the_model_chooses_only_among_the_classifiers_likely_intents(
    tmp_path: Path, fake: FakeOllama
) -> None:
    """Issue 15: an unsure message ('그거 어떻게 하는 거예요': program_info, unsure) is settled by the model only
    among the intents the classifier ranks high; an answer outside them is ignored."""
    fake.script(FakeReply(json={"intent": "eligibility_check", "language": "ko", "programs": []}))

    async def run() -> ChatTurn:
        async with ChatService(model_settings(tmp_path, fake.url)) as chat:
            return await chat.turn("그거 어떻게 하는 거예요")

    turn = asyncio.run(run())
    [asked] = _structured_requests(fake)
    prompt = json.dumps(asked["messages"], ensure_ascii=False)
    assert "- program_info" in prompt
    assert "- eligibility_check" not in prompt
    assert turn.intent != "eligibility_check"


def test_an_out_of_scope_message_is_never_handed_to_the_model_to_route(
    tmp_path: Path, fake: FakeOllama
) -> None:
    """'운전면허 갱신 어디서 하나요' is out of scope (unsure): no model is asked to re-route it."""

    async def run() -> ChatTurn:
        async with ChatService(model_settings(tmp_path, fake.url)) as chat:
            return await chat.turn("운전면허 갱신 어디서 하나요")

    turn = asyncio.run(run())
    assert not _structured_requests(fake)
    assert turn.intent in ("out_of_scope", "program_info")
