"""Answers found wanting in session 30 (dev20, written by a helper for development, and blind27 read as
development data): family counselling, utility discounts, booklet rows, the documents asked for."""

from __future__ import annotations

import pytest

from graphs.answers.compose import referral_lines
from graphs.answers.focus import focused_passage, lists_documents
from graphs.answers.readable import readable
from graphs.nlu.programs import detect_programs


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("남편이랑 맨날 싸워서 부부상담 받아보고 싶은데 돈 안들거나 싸게 받을 데 없나요", "ko"),
        ("和婆婆老是吵架，老公也不帮我，心里很难受。就是想找个会说中文的人聊聊家里的事。", "zh"),
        ("My wife and I fight all the time, is there any free couples counselling?", "en"),
    ],
)
def test_family_conflict_gets_the_family_center_and_the_family_line(message: str, language: str) -> None:
    lines = " ".join(referral_lines(message, language, ""))
    assert "1577-9337" in lines
    assert "1644-6621" in lines


def test_a_discount_on_the_electricity_bill_is_not_the_energy_voucher() -> None:
    message = "이번에 생계급여 수급자 됐는데 전기세랑 핸드폰비 깎아준다매. 어디다 말해야 돼?"
    assert "energy_voucher" not in detect_programs(message)[0]
    assert detect_programs("겨울 난방비 지원 되나요")[0] == ["energy_voucher"]


def test_a_booklet_row_leads_with_its_kind() -> None:
    row = (
        "내용의 '내용' 관련 정보: 유형은(는) 'II 유형', 지원내용은(는) '매월 10만 원 저축 시 정부지원금 10만 원 "
        "매칭 지원'입니다."
    )
    assert readable(row) == "II 유형: 매월 10만 원 저축 시 정부지원금 10만 원 매칭 지원"


def test_what_to_bring_is_answered_by_the_documents_section() -> None:
    hits = [
        {"section": "신청 방법", "text": "주소지 행정복지센터에서 신청합니다.", "program": "기초연금"},
        {"section": "구비 서류", "text": "신분증, 통장 사본, 금융정보 제공 동의서.", "program": "기초연금"},
    ]
    found = focused_passage("뭐 챙겨가야 혀", hits, ["기초연금"])
    assert found is not None
    assert lists_documents(found)
