"""Answers found wanting in session 22 in blind19 (development data since its one measurement)."""

from __future__ import annotations

from typing import Any

import pytest

from graphs.answers.compose import document_answer
from graphs.referrals import crisis_kinds
from tests.answers.passages import passage


@pytest.mark.parametrize(
    "text",
    [
        "My friend is 19 and ran away from home because her dad hits her. Is there somewhere safe she can stay?",
        "Em gái tôi 17 tuổi bỏ nhà đi vì bố đánh",
    ],
)
def test_a_young_person_hit_at_home_gets_the_youth_line_first(text: str) -> None:
    assert crisis_kinds(["violence"], text)[0] == "youth"


def test_a_grown_woman_hit_by_her_husband_is_not_a_youth_case() -> None:
    assert "youth" not in crisis_kinds(["violence"], "My husband hits me, I am 34")


def _passage(section: str, lang: str, kind: str, text: str, score: float, **more: Any) -> dict[str, Any]:
    return passage("아동수당", "child_allowance", section, lang, kind, text, score, **more)


_VI = [
    _passage(
        "Tóm tắt",
        "vi",
        "project",
        "Năm 2026, trẻ em dưới 9 tuổi được nhận 100.000 won mỗi tháng.",
        0.9,
        title="Trợ cấp trẻ em (아동수당) — Tóm tắt",
    ),
    _passage(
        "Cách đăng ký", "vi", "project", "Tại trung tâm hành chính phúc lợi (행정복지센터) hoặc Bokjiro.", 0.7
    ),
    _passage("Liên hệ", "vi", "project", "Tổng đài 129.", 0.6),
    _passage("summary", "vi", "booklet", "Trợ cấp trẻ em: dành cho mọi trẻ dưới 8 tuổi (0~95 tháng).", 1.0),
    _passage("신청 방법", "ko", "project", "행정복지센터, 복지로에서 신청합니다.", 0.5),
]


def test_a_vietnamese_question_gets_the_2026_document_in_vietnamese() -> None:
    # not the 2024 booklet's gist ("dưới 8 tuổi"): the project's own Vietnamese document, with where to apply
    answer = document_answer("con em duoc nhan tien tre em khong, dang ky o dau?", _VI, "vi")
    text = "\n".join(answer.lines)
    assert text.startswith("Trợ cấp trẻ em (아동수당): Năm 2026, trẻ em dưới 9 tuổi")
    assert "행정복지센터" in text
    assert "dưới 8 tuổi" not in text
    assert answer.contact == "Tổng đài 129."


def _booklet(program: str, section: str, text: str, score: float) -> dict[str, Any]:
    return {
        "program": program,
        "section": section,
        "lang": "ko",
        "kind": "booklet",
        "text": text,
        "score": score,
    }


def test_the_program_her_question_names_in_korean_is_the_subject_before_a_rule_match() -> None:
    # "산모·신생아 건강관리" named in Korean in her Vietnamese question: that program, not one whose passage
    # happens to state more of the rule her words touch (going abroad stops it)
    hits = [
        _booklet(
            "아동수당", "자주하는 질문", "해외 체류 90일 이상이면 지급이 정지됩니다 (출국일 포함).", 0.9
        ),
        _booklet(
            "산모·신생아 건강관리 지원사업", "방법", "출산예정일 40일 전부터 보건소 또는 복지로에서 신청", 0.8
        ),
    ]
    answer = document_answer("Nhận 산모·신생아 건강관리 rồi đi nước ngoài thì có bị dừng không?", hits, "vi")
    assert answer.lines[0].startswith("산모·신생아 건강관리 지원사업")


def test_a_teenager_with_no_one_to_talk_to_gets_the_youth_line() -> None:
    from graphs.answers.compose import topic_notes

    notes = topic_notes(
        "중3인데 엄마아빠랑 맨날 싸워서 집에 있기 싫음.. 어디 털어놓을데 없나요", "ko", answering=True
    )
    assert notes
    assert "1388" in notes[0]


def test_a_question_of_whom_it_is_for_gets_the_programs_summary() -> None:
    from graphs.answers.focus import asks_what_or_how_much

    assert asks_what_or_how_much(
        "아동수당 몇살까지 나와요? 그리고 부모급여는 언제까지 신청해야 태어난 달부터 받음?"
    )
