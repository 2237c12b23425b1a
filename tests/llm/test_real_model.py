"""A real model in the tests (issue 15): SmolLM2-135M-Instruct served by llama.cpp on this CPU, through the
OpenAI-compatible backend and over SSE. Skipped, with the reason, where `make model` has not been run.

Every turn is played with the model and in deterministic mode. A model reply is either shown (the output
check accepted it: it says what the deterministic reply says that matters) or the deterministic reply
stands; the engine's statuses are the same either way, and what is streamed is the reply that stands or is
replaced by it.
"""

from __future__ import annotations

import asyncio
import json
import tempfile
from collections.abc import Iterator

import pytest

from agent.app import create_app
from eval.real_model.run import CONVERSATIONS, llama_server, missing, model_settings, play
from graphs.guards.coverage import check_coverage, must_say
from tests.sse import stream_events
from tests.web.browser import ThreadedServer

pytestmark = [
    pytest.mark.real_model,
    pytest.mark.skipif(missing() is not None, reason=f"real model: {missing()}"),
]


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with llama_server() as base:
        yield base


def test_every_real_turn_is_a_checked_model_reply_or_the_deterministic_one(server: str) -> None:
    turns = asyncio.run(play(server, CONVERSATIONS))
    assert len(turns) >= 20
    assert {t.deterministic.language for t in turns} >= {"ko", "en"}
    called = [t for t in turns if t.with_model.usage.get("llm_calls")]
    assert len(called) >= 15, "the model must have been asked for the tier to mean anything"
    for turn in turns:
        with_model, reference = turn.statuses
        assert with_model == reference, turn.message  # the engine decides, whatever the model writes
        if turn.with_model.mode == "llm":
            reply, deterministic = turn.with_model.reply, turn.deterministic
            slot = deterministic.follow_up.slot if deterministic.follow_up else None
            must = must_say(
                deterministic.reply,
                deterministic.eligibility,
                language=deterministic.language,
                question_slot=slot,
                message=turn.message,
            )
            assert check_coverage(reply, must) == [], (turn.message, reply)
        else:
            assert turn.with_model.reply == turn.deterministic.reply, turn.message
        streamed = "".join(turn.streamed)
        # only sentences that passed were streamed: they are the start of the model's accepted reply, or
        # what the page replaced with the deterministic reply
        if turn.with_model.mode == "llm":
            assert turn.with_model.reply.replace(" ", "").startswith(streamed.replace(" ", "").strip())


def test_the_stream_ends_with_the_reply_that_stands(server: str) -> None:
    """End to end over SSE: tokens, then `replace` when the model's reply was not accepted after some of
    it was sent, then `result`; the text the page ends with is the result's reply."""
    app = create_app(model_settings(server, tempfile.mkdtemp()))
    with ThreadedServer(app) as base:
        for message in (
            "How do I apply for the basic pension?",
            "일흔 살이고 혼자 살아요. 기초연금 받을 수 있나요?",
        ):
            events = [
                (kind, data) for kind, data, _ in stream_events(f"{base}v1/chat/stream", message, timeout=120)
            ]
            kinds = [kind for kind, _ in events]
            assert kinds[-1] == "result"
            result = json.loads(events[-1][1])
            shown = "".join(json.loads(data) for kind, data in events if kind == "token")
            if "replace" in kinds:
                shown = json.loads(events[kinds.index("replace")][1])["text"]
            assert shown.replace(" ", "") == result["reply"].replace(" ", ""), message
