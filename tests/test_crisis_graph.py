"""Crisis through the whole turn (guard rules, classifier gating, respond): every labelled crisis of every
NLU evaluation set gets the crisis reply, and no other utterance does."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from agent.chat import ChatService
from agent.settings import Settings

EVAL_SETS = sorted((Path(__file__).resolve().parents[1] / "eval" / "nlu").glob("*.jsonl"))


@pytest.mark.parametrize("path", EVAL_SETS, ids=lambda p: p.name)
def test_crisis_recall_and_no_false_alarms(settings: Settings, path: Path) -> None:
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]

    async def run() -> tuple[list[str], list[str]]:
        missed, false = [], []
        async with ChatService(settings) as chat:
            for item in items:
                turn = await chat.turn(item["text"])
                if item["intent"] == "crisis" and not turn.crisis:
                    missed.append(item["text"])
                if item["intent"] != "crisis" and turn.crisis:
                    false.append(item["text"])
                if turn.crisis:
                    assert "129" in turn.reply
                    assert turn.follow_up is not None
                    assert turn.follow_up.slot == "handoff"
        return missed, false

    missed, false = asyncio.run(run())
    assert missed == []
    assert false == []
