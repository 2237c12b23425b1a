"""A passage found for a message the classifier did not place is used only when it is about the question."""

from __future__ import annotations

import pytest

from graphs.responder import info_reply
from graphs.topical import topical


@pytest.mark.parametrize(
    ("question", "title", "about"),
    [
        ("치매검사 돈 들어요? 보건소 가면 공짜라던데", "치매검진 지원", True),
        ("노인 틀니 지원 어디서 받아요", "노인 틀니 지원", True),
        ("社会统合项目（KIIP）是什么？", "사회통합프로그램 (KIIP)", True),
        ("주차 위반 과태료 어디서 내요", "장애인을 위한 요금감면제도", False),
        ("여권 재발급 시흥시청 가면 되요?", "여성기업 확인서 발급", False),
        ("Where can I renew my passport in Siheung?", "Siheung birth celebration money", False),
    ],
)
def test_a_passage_is_used_only_when_its_program_is_what_was_asked(
    question: str, title: str, about: bool
) -> None:
    assert topical(question, {"program": title}) is about


def test_a_phone_number_past_the_cut_of_a_passage_is_still_given() -> None:
    text = "가" * 400 + " 국민건강보험공단 ☎1577-1000"
    reply, cited = info_reply(
        [], [{"program": "노인장기요양보험제도", "text": text}], "ko", application=False
    )
    assert "(☎ 1577-1000)" in reply
    assert len(cited) == 1
