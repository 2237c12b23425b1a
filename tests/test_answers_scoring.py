"""The open-question scorer (`eval/answers`): its sets load, and a reply is judged by what it contains and does."""

from __future__ import annotations

from pathlib import Path

import pytest

from eval.answers.run import load
from eval.answers.scoring import Question, score
from graphs.state import ChatTurn, FollowUp

SETS = Path(__file__).resolve().parents[1] / "eval" / "answers"


@pytest.mark.parametrize("name", ["questions.jsonl", "blind.jsonl"])
def test_the_sets_load(name: str) -> None:
    assert len(load(SETS / name)) >= 60


def _question(**extra: object) -> Question:
    data: dict[str, object] = {
        "id": "t1",
        "language": "ko",
        "kind": "rule",
        "question": "장기요양 등급이 뭐예요?",
    }
    data |= {"must_contain_any": [["1577-1000"]], "must_not": ["intake_only", "bare_refusal"]} | extra
    return Question.from_json(data)


def test_a_reply_with_the_line_meets_its_requirements() -> None:
    turn = ChatTurn(
        session_id="s", reply="국민건강보험공단 1577-1000에 문의하세요", language="ko", intent="program_info"
    )
    assert score(_question(), turn).ok


def test_an_intake_question_and_a_bare_refusal_fail() -> None:
    intake = ChatTurn(
        session_id="s", reply="몇 명이 사세요?", language="ko", intent="benefit_discovery",
        follow_up=FollowUp(slot="household", question="몇 명이 사세요?"),
    )  # fmt: skip
    assert score(_question(), intake).failures == ["intake_only"]
    refusal = ChatTurn(
        session_id="s", reply="죄송해요, 도와드리기 어려워요.", language="ko", intent="out_of_scope"
    )
    assert score(_question(), refusal).failures == ["bare_refusal"]


def test_an_unknown_failure_kind_is_an_error() -> None:
    with pytest.raises(ValueError, match="must_not"):
        _question(must_not=["typo"])


def test_only_the_crisis_reply_alone_counts_as_the_crisis_template() -> None:
    question = _question(must_not=["crisis_template"])
    lines_then_answer = ChatTurn(
        session_id="s",
        reply="129 … 국민건강보험공단 1577-1000",
        language="ko",
        intent="program_info",
        crisis=True,
    )
    assert score(question, lines_then_answer).failures == []
    template = ChatTurn(
        session_id="s", reply="129, 109, 1577-1000", language="ko", intent="crisis", crisis=True
    )
    assert score(question, template).failures == ["crisis_template"]
