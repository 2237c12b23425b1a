"""Answers found wanting in session 23 in blind20 (development data since its one measurement) and on the page."""

from __future__ import annotations

from typing import Any

from graphs.answers.compose import document_answer, shorten
from graphs.dialogue.asking import NEEDS_HELP, WHAT_CAN_I
from tests.answers.passages import passage


def test_an_amount_in_millions_is_no_phone_number() -> None:
    text = (
        "Property deductions: large cities KRW 135 million, small and medium cities 85 million, rural areas "
        "72.5 million; financial assets 20 million; conversion rate 4% a year. " * 3
    )
    assert "☎" not in shorten(text, 120)


def test_a_phone_number_past_the_cut_is_still_given() -> None:
    text = "긴급복지지원은 별도의 신청서가 없습니다. " * 12 + "보건복지상담센터(☎129) 문의"
    assert shorten(text, 120).endswith("(☎ 129)")


def _card(section: str, text: str, score: float) -> dict[str, Any]:
    return passage("통합문화이용권(문화누리카드)", "", section, "ko", "booklet", text, score)


def _savings(section: str, text: str, score: float) -> dict[str, Any]:
    return passage("희망저축계좌(I, II)", "", section, "ko", "booklet", text, score)


_CARD_HITS = [
    _card("내용", "문화예술, 관광, 체육활동에 사용 가능한 문화누리카드(1인 1매, 연간 13만 원) 발급", 0.9),
    _card("비고", "문화누리카드 온·오프라인 가맹점에서 이용 가능", 0.8),
    _card("대상", "6세 이상 기초생활수급자 및 차상위계층", 0.3),
    _savings("내용", "매월 10만 원 저축 시 정부지원금 10만 원 매칭 지원 (통장 유지)", 0.7),
]


def test_what_a_program_is_says_whom_it_is_for() -> None:
    answer = document_answer("문화누리카드 이게 뭐꼬? 내도 받을수 있는긴지 모르겠네", _CARD_HITS)
    text = "\n".join(answer.lines)
    assert text.startswith("통합문화이용권(문화누리카드): 문화예술")
    assert "기초생활수급자" in text


def test_a_place_to_spend_the_day_is_a_need_to_answer() -> None:
    text = "스물두살 발달장애 아들이 특수학교 졸업하고 맨날 집에만 있어요 낮에 다닐만한데나 도움받을수 있는게 없을까요"
    assert NEEDS_HELP.search(text)


def test_what_can_we_get_in_chinese_with_keyi() -> None:
    assert WHAT_CAN_I.search("请问我们可以领什么补助？")


def test_the_documents_confidence_marks_are_not_read_to_her_in_chinese_or_vietnamese() -> None:
    from graphs.answers.readable import tidy

    assert (
        tidy("不超过32%的家庭（2026年，保健福祉部选定标准，确认等级A）。")
        == "不超过32%的家庭（2026年，保健福祉部选定标准）。"
    )
    assert tidy("trung tâm sẽ kiểm tra (mức xác nhận B).") == "trung tâm sẽ kiểm tra."
    assert tidy("细节未确认，确认等级C）") == "细节未确认）"
