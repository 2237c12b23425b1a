"""Answers found wanting in session 26 (dev16 and blind24, development data)."""

from __future__ import annotations

from graphs.answers.compose import office_line
from graphs.answers.offices import offices_for
from graphs.answers.readable import readable


def test_the_centres_of_a_neighbourhood() -> None:
    assert offices_for("나 배곧 사는데 어느 주민센터 가야돼?") == ["배곧1동", "배곧2동"]
    assert offices_for("I live in Mokgam, which community center do I go to?") == ["목감동"]
    assert offices_for("정왕3동 주민센터 어디에요") == ["정왕3동"]


def test_the_centre_line_only_when_she_asks_which() -> None:
    line = office_line("나 배곧 사는데 복지 신청하려면 어느 주민센터 가야돼?", "ko")
    assert line is not None
    assert "배곧1동" in line
    assert "031-310-2114" in line
    assert office_line("배곧 살아요 기초연금 되나요", "ko") is None


def test_a_table_rows_field_names_read_as_words() -> None:
    row = (
        "대상의 '통신 요금' 관련 정보: 분류은(는) '통신 요금', 감면내역은(는) '초고속인터넷 등', "
        "수급자_유형은(는) '주거급여, 교육급여 수급자', 방법_및_문의은(는) '상동'입니다."
    )
    text = readable(row)
    assert "_" not in text
    assert "상동" not in text
    assert "수급자 유형 주거급여" in text
