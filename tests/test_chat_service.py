"""The chat service: state survives a restart, sessions are isolated, the store stays bounded."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from agent.chat import PRUNE_EVERY, ChatService
from agent.errors import ChatInputError
from agent.settings import Settings
from graphs.state import ChatTurn


async def _turns(settings: Settings, messages: list[str], session: str | None = None) -> list[ChatTurn]:
    out = []
    async with ChatService(settings) as chat:
        for message in messages:
            turn = await chat.turn(message, session_id=session)
            session = turn.session_id
            out.append(turn)
    return out


def test_a_restart_loses_nothing(any_db_settings: Settings) -> None:
    first = asyncio.run(_turns(any_db_settings, ["일흔 살이고 혼자 사는데 기초연금 받을 수 있나요?"]))[0]
    assert first.follow_up is not None
    assert first.follow_up.slot == "income"
    # A new service (as after a process restart) continues the same conversation from the store.
    second = asyncio.run(_turns(any_db_settings, ["월 소득은 30만원이고", "재산은 없어요"], first.session_id))
    assert second[0].follow_up is not None
    assert second[0].follow_up.slot == "assets"  # the income was kept across the restart
    final = second[1]
    assert final.intent == "eligibility_check"
    assert final.eligibility[0]["status"] == "eligible"
    assert final.eligibility[0]["amount_krw"] == 349700
    assert final.follow_up is None


def test_sessions_are_isolated(settings: Settings) -> None:
    async def run() -> tuple[ChatTurn, ChatTurn]:
        async with ChatService(settings) as chat:
            a = await chat.turn("일흔 살이고 혼자 사는데 기초연금 받을 수 있나요?")
            b = await chat.turn("없어요")
            return a, b

    a, b = asyncio.run(run())
    assert a.session_id != b.session_id
    assert len(a.session_id) >= 32
    assert b.intent != "eligibility_check"  # the second session has no pending question to answer


def test_the_store_stays_bounded(settings: Settings) -> None:
    messages = [
        "일흔 살이고 혼자 사는데 기초연금 받을 수 있나요?",
        "월 소득은 30만원이고 재산은 없어요",
        "없어요",
    ] * 20
    turns = asyncio.run(_turns(settings, messages))
    path = Path(settings.data_dir) / "checkpoints.db"
    with sqlite3.connect(path) as db:
        checkpoints = db.execute(
            "select count(*) from checkpoints where thread_id = ?", (turns[0].session_id,)
        ).fetchone()[0]
        writes = db.execute(
            "select count(*) from writes where thread_id = ?", (turns[0].session_id,)
        ).fetchone()[0]
    assert 1 <= checkpoints <= PRUNE_EVERY  # 63 turns: pruned at turn 60, three kept since
    assert writes == 0


@pytest.mark.parametrize(
    ("message", "locale", "fragment"),
    [("   ", None, "must not be empty"), ("가" * 2001, None, "at most 2000"), ("hello", "fr", "locale")],
)
def test_bad_turns_are_refused(settings: Settings, message: str, locale: str | None, fragment: str) -> None:
    async def run() -> None:
        async with ChatService(settings) as chat:
            await chat.turn(message, locale=locale)

    with pytest.raises(ChatInputError, match=fragment):
        asyncio.run(run())


def test_a_turn_with_results_carries_the_reply_without_them_for_the_cards(settings: Settings) -> None:
    _, verdict = asyncio.run(
        _turns(settings, ["일흔 살이고 혼자 살아요. 기초연금 받을 수 있나요?", "연금 30만원이고 재산 없어요"])
    )
    assert verdict.eligibility
    assert verdict.brief is not None
    assert "기초연금: " in verdict.reply  # the whole answer, for clients without cards
    assert "기초연금: " not in verdict.brief  # the card says the verdict
    assert verdict.brief.splitlines()[-1] in verdict.reply  # what is left keeps its order and its end
    greeting = asyncio.run(_turns(settings, ["안녕하세요"]))[0]
    assert greeting.brief is None  # no results: nothing to leave out


def test_a_situation_told_first_leaves_its_likely_results_to_the_cards(settings: Settings) -> None:
    (turn,) = asyncio.run(_turns(settings, ["아기 두 달 됐고 남편이랑 셋이 살아요. 뭐 받을 수 있어요?"]))
    assert any(r["status"] == "eligible" for r in turn.eligibility)
    assert turn.brief is not None
    assert "부모급여: " in turn.reply
    assert "부모급여: " not in turn.brief


def test_asked_where_to_apply_during_a_check_the_text_keeps_how_to_apply(settings: Settings) -> None:
    _, turn = asyncio.run(
        _turns(
            settings,
            [
                "my dad is 79 and lives alone, he fell twice this month. is there anything that can check on him?",
                "what does it cost and where do we apply?",
            ],
        )
    )
    assert turn.brief is not None
    assert "How to apply:" in turn.brief  # not only inside the collapsed card
    assert "I can't tell yet" not in turn.brief  # the verdict stays the card's
