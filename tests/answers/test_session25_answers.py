"""Answers found wanting in session 25: which passage of a program answers, made independent of near-equal
retrieval scores (which differ between machines)."""

from __future__ import annotations

from typing import Any

from graphs.answers.compose import document_answer
from graphs.answers.focus import rank
from tests.answers.passages import passage

NAME = "다문화가족 방문교육 서비스"


def _hit(section: str, text: str, score: float) -> dict[str, Any]:
    return passage(NAME, "", section, "ko", "booklet", text, score)


def _visits() -> list[dict[str, Any]]:
    return [
        _hit(
            "지원내용",
            "지원내용의 '자녀생활서비스' 관련 정보: 구분은(는) '자녀생활서비스', 내용은(는) '학교생활 및 사회성 발달 지도 "
            "지원 한국어교육서비스, 부모교육서비스, 자녀생활서비스 동시 제공 불가'입니다.",
            0.0179,
        ),
        _hit(
            "지원내용",
            "지원내용의 '한국어교육' 관련 정보: 구분은(는) '한국어교육', 내용은(는) '생활언어를 익히고 문화를 이해할 수 있도록 "
            "한국어교육서비스 제공'입니다.",
            0.0179,
        ),
        _hit(
            "대상",
            "대상의 '한국어교육' 관련 정보: 구분은(는) '한국어교육', 지원대상은(는) '최초 입국 5년 이하 결혼이민자, "
            "중도입국자녀'입니다.",
            0.0162,
        ),
        _hit("방법", "방법: 거주지 읍면동 주민센터(행정복지센터)에 신청", 0.0156),
    ]


def test_a_table_row_about_what_she_asks_comes_before_one_that_only_lists_it() -> None:
    ranked = [h for _, h in rank("한국어교육 방문 수업 있나요", _visits(), [NAME])]
    order = [h["text"] for h in ranked]
    children = next(i for i, t in enumerate(order) if "'자녀생활서비스'" in t)
    assert all(i < children for i, t in enumerate(order) if "'한국어교육'" in t)


def test_a_foreign_question_quotes_each_asked_part_and_not_what_a_statement_only_retrieved() -> None:
    question = (
        "Em mới sang Hàn được 1 năm, ở nhà chăm con nhỏ nên không đi học được. "
        "Có lớp tiếng Hàn dạy tại nhà miễn phí không ạ? Đăng ký ở đâu?"
    )
    reply = "\n".join(document_answer(question, _visits(), "vi").lines)
    assert "5년" in reply  # who it is for, after what it gives
    assert "행정복지센터" in reply  # where to register, asked
    assert "자녀생활서비스:" not in reply  # a row about children's school life answers nothing she asked
