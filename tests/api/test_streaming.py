"""SSE really streams: on a live server, the model's first sentence arrives before the turn ends."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from agent.app import create_app
from fakes.ollama_server import FakeOllama, FakeReply
from tests.conftest import model_settings
from tests.sse import stream_events


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def live(tmp_path: Path) -> Iterator[tuple[str, FakeOllama]]:
    with FakeOllama() as fake:
        settings = model_settings(tmp_path, fake.url)
        port = _free_port()
        server = uvicorn.Server(
            uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_config=None)
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 20
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        try:
            yield f"http://127.0.0.1:{port}", fake
        finally:
            server.should_exit = True
            thread.join(timeout=10)


def _events(base: str, message: str, started: float = 0.0) -> list[tuple[str, str, float]]:
    """The stream's events: (name, data, seconds since `started` when it arrived)."""
    return stream_events(f"{base}/v1/chat/stream", message, started=started)


def test_tokens_arrive_before_the_result(live: tuple[str, FakeOllama]) -> None:
    base, fake = live
    sentences = (
        "기초연금은 아직 판단할 수 없어요. 먼저 한 달 소득을 알려 주세요. 재산도 알려 주시면 정확해요."
    )
    fake.script(FakeReply(text=sentences, delay_between_tokens_ms=60))
    started = time.perf_counter()
    events = _events(base, "일흔 살이고 혼자 사는데 기초연금 받을 수 있나요?", started)
    arrivals = [(kind, at) for kind, _, at in events]
    result = json.loads(events[-1][1])
    kinds = [kind for kind, _ in arrivals]
    assert kinds[-1] == "result"
    assert kinds.count("token") >= 2
    first_token = next(t for kind, t in arrivals if kind == "token")
    assert (
        arrivals[-1][1] - first_token > 0.3
    )  # the first sentence reached the client while the model typed on
    assert result["mode"] == "llm"
    assert result["reply"] == sentences


def test_a_rejected_sentence_never_reaches_the_wire(live: tuple[str, FakeOllama]) -> None:
    """Issue 15: the first sentence passes and is sent; the second invents an amount and is not; the page is
    told to show the deterministic reply instead (`replace`), which is the result's reply."""
    base, fake = live
    fake.script(
        FakeReply(
            text="기초연금 상담을 도와드릴게요. 매달 52만 3천원을 받으실 수 있어요. 행정복지센터에 신청하세요.",
            delay_between_tokens_ms=5,
        )
    )
    events = _events(base, "일흔 살이고 혼자 사는데 기초연금 받을 수 있나요?")
    kinds = [kind for kind, _, _ in events]
    tokens = "".join(json.loads(data) for kind, data, _ in events if kind == "token")
    assert "기초연금 상담을 도와드릴게요." in tokens  # the sentence that passed was streamed
    assert "52만" not in tokens  # the one that failed never was
    assert kinds[-2:] == ["replace", "result"]
    result = json.loads(events[-1][1])
    assert json.loads(events[-2][1])["text"] == result["reply"]
    assert result["mode"] == "deterministic"
    assert "52만" not in result["reply"]


def test_a_reply_that_passes_has_no_replace_event(live: tuple[str, FakeOllama]) -> None:
    base, fake = live
    fake.script(FakeReply(text="기초연금은 아직 판단할 수 없어요. 먼저 한 달 소득을 알려 주세요."))
    kinds = [kind for kind, _, _ in _events(base, "일흔 살이고 혼자 사는데 기초연금 받을 수 있나요?")]
    assert "replace" not in kinds
    assert kinds[-1] == "result"
