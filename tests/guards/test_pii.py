"""Personal-data detection per kind, look-alikes left alone, redaction and serialisation safety."""

from __future__ import annotations

import pytest

from graphs.guards import PiiFinding, detect_pii, is_public_number, redact
from graphs.guards.pii import luhn_valid


def kinds(text: str) -> list[str]:
    return [finding.kind for finding in detect_pii(text)]


@pytest.mark.parametrize(
    "text",
    [
        "주민번호 450312-2345678",
        "5203151234567 입니다",
        "520315 1234567",
        "710505.1456789",
        "６２０４２５－２０１２３４５",
        "680101\u200b-\u200b1234560",
        "201015-4857261",  # issued after October 2020: no check digit, still an RRN
        "900101 - 1234567",
        "3 4 0 5 0 7 - 1 2 3 4 5 6 7",
        "칠공공일공일 일이삼사오육칠",
        "560909—2345678",
    ],
)
def test_resident_registration_numbers(text: str) -> None:
    assert kinds(text) == ["rrn"]


def test_rrn_halves_are_redacted_when_the_message_is_about_the_number() -> None:
    assert (
        redact("주민번호 앞자리 550101 뒷자리 2345671").text
        == "주민번호 앞자리 [주민등록번호] 뒷자리 [주민등록번호]"
    )


@pytest.mark.parametrize("text", ["850304-5123456", "9106126234567", "020202-7123456", "030303 8123456"])
def test_foreigner_registration_numbers(text: str) -> None:
    assert kinds(text) == ["foreigner_rrn"]


@pytest.mark.parametrize(
    "text",
    [
        "010-1234-5678",
        "01098765432",
        "010 2345 6789",
        "010.3456.7890",
        "+82 10-4567-8901",
        "+821067890123",
        "０１０－７８９０－１２３４",
        "011-234-5678",
        "(010)4321-8765",
        "010‐1111‐2222",
        "0 1 0 5 5 5 5 6 6 6 6",
        "공일공 구팔칠육 오사삼이",
        # Said in words (issue 15: an identifier in words is personal data like one in digits)
        "제 폰은 공일공 일이삼사 오육칠팔이에요",  # the copula 이 is not a 2
        "my number is zero one zero, one two three four, five six seven eight",
        "call me on oh one oh nine eight seven six five four three two",
        "电话是零一零一二三四五六七八",
        "Số của tôi là không một không một hai ba bốn năm sáu bảy tám nhé",
        "so cua toi la khong mot khong chin tam bay sau nam bon ba",
    ],
)
def test_mobile_numbers(text: str) -> None:
    assert kinds(text) == ["mobile"]


def test_a_number_said_in_words_is_redacted_whole() -> None:
    text = "my number is zero one zero, one two three four, five six seven eight, thanks"
    [finding] = detect_pii(text)
    assert text[finding.start : finding.end] == "zero one zero, one two three four, five six seven eight"
    assert redact("제 폰은 공일공 일이삼사 오육칠팔이에요").text == "제 폰은 [전화번호]이에요"


@pytest.mark.parametrize(
    "text", ["02-123-4567", "031-498-1234", "(031) 317-5678", "0315551234", "070-8765-4321", "+82 2 345 6789"]
)
def test_landlines(text: str) -> None:
    assert kinds(text) == ["landline"]


@pytest.mark.parametrize(
    "text",
    [
        "031-310-2114",
        "031-310-5887",
        "129",
        "109",
        "112",
        "119",
        "1366",
        "1350",
        "1600-3190",
        "1577-4206",
        "1644-6621",
        "1599-2000",
    ],
)
def test_public_numbers_are_not_personal_data(text: str) -> None:
    assert detect_pii(f"전화 {text} 로 문의") == []


def test_public_number_whitelist_file() -> None:
    assert is_public_number("031-310-2114")
    assert is_public_number("+82 31 310 2114")
    assert not is_public_number("031-498-1234")


@pytest.mark.parametrize(
    "text",
    [
        "4518-4212-3456-7894",
        "9410 1234 5678 9010",
        "5365109876543213",
        "3756-123456-78907",
        "1234-5678-1234-5678",
    ],
)
def test_cards(text: str) -> None:
    assert kinds(text) == ["card"]


def test_luhn() -> None:
    assert luhn_valid("4111111111111111")
    assert not luhn_valid("4111111111111112")


@pytest.mark.parametrize(
    "text",
    [
        "국민은행 123456-78-901234",
        "신한 110-345-678901",
        "하나은행 123-456789-01234",
        "농협 302-1234-5678-91",
        "카카오뱅크 3333-01-1234567",
        "토스뱅크 1000-1234-5678",
        "계좌번호 110345678901",
        "account number 123 456 789012 (Shinhan)",
        "1002-987-654321 우리은행",
    ],
)
def test_bank_accounts(text: str) -> None:
    assert kinds(text) == ["account"]


@pytest.mark.parametrize(
    "text",
    [
        "hong.gildong@naver.com",
        "ＬＥＥ＠ＧＭＡＩＬ．ＣＯＭ",
        "park+welfare@gmail.com",
        "choi.sm [at] hanmail [dot] net",
        "jung77골뱅이naver.com",
    ],
)
def test_emails(text: str) -> None:
    assert kinds(text) == ["email"]


@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        ("시흥시 정왕대로 233 살아요", "시흥시 [주소] 살아요"),
        ("마유로20번길 45 이에요", "[주소] 이에요"),
        ("배곧4로 32-28 호반써밋 101동 1203호", "[주소] 호반써밋 [주소]"),
        ("정왕동 1234-5번지에 살아요", "정왕동 [주소]에 살아요"),
        ("대야동 567번지", "대야동 [주소]"),
        ("우리 집은 101-1203호예요", "우리 집은 [주소]예요"),
        ("I live at 233 Jeongwang-daero", "I live at [주소]"),
        ("저희 집 정왕대로 233번길 12 인데요", "저희 집 [주소] 인데요"),
        ("은행동 산75번지 살아요", "은행동 [주소] 살아요"),
    ],
)
def test_detailed_addresses_keep_the_dong(text: str, redacted: str) -> None:
    assert redact(text).text == redacted


@pytest.mark.parametrize(
    "text",
    [
        "시흥시 정왕동 살아요",
        "정왕동 사는데 기초연금 받을 수 있나요?",
        "정왕동 3년 살았어요",
        "월세로 30만원 내요",
        "하중로 쪽 10분 거리예요",
        "월 80만원 받아요",
        "통장에 1,200,000원 있어요",
        "월 150 벌어요",
        "2026-11-25까지 신청",
        "2026년 3월 30일에 신청했어요",
        "2026.01.01 기준",
        "72세 혼자 살아요",
        "4인 가구 중위소득 50%",
        "1955년생이에요",
        "전세 보증금 1억 2000만원",
        "WLF00003180",
        "보건복지부고시 제2026-156호",
        "4호선 정왕역",
        "중위소득 2,392,013원",
        "I am sixty two and have one son and two daughters",
        "Tôi năm nay ba mươi hai tuổi, có hai con",
    ],
)
def test_look_alikes_are_not_redacted(text: str) -> None:
    assert detect_pii(text) == []


def test_offsets_refer_to_the_original_text() -> None:
    text = "번호는 ０１０\u200b-1234-5678 입니다"
    [finding] = detect_pii(text)
    assert text[finding.start : finding.end] == finding.value == "０１０\u200b-1234-5678"


def test_redaction_replaces_every_identifier_in_order() -> None:
    result = redact("김영희입니다. 010-2468-1357, 주민번호 510101-2234567, seo@naver.com")
    assert result.text == "김영희입니다. [전화번호], 주민번호 [주민등록번호], [이메일]"
    assert result.kinds == ["mobile", "rrn", "email"]


def test_findings_never_serialise_or_print_the_value() -> None:
    result = redact("주민번호 510101-2234567")
    finding = result.findings[0]
    assert isinstance(finding, PiiFinding)
    assert "2234567" not in repr(finding)
    assert "2234567" not in result.model_dump_json()
    assert "value" not in finding.model_dump()


def test_a_trailing_i_is_a_digit_when_the_number_needs_it() -> None:
    # "오사삼이요": 이 is the last digit of 010-9876-5432; "오육칠팔이에요": the number is whole before 이에요.
    assert redact("공일공 구팔칠육 오사삼이요").text == "[전화번호]요"
    assert redact("공일공 일이삼사 오육칠팔이에요").text == "[전화번호]이에요"


def test_a_numbered_kind_after_a_word_ending_in_ro_is_not_an_address() -> None:
    """ "지원하는 제도로 1종과 2종이 있어요" read "제도로 1" as a road address; a road number stays one."""
    assert redact("의료급여는 병원비를 지원하는 제도로 1종과 2종이 있어요").text.count("[주소]") == 0
    assert "[주소]" in redact("시흥대로 123에 살아요").text


def test_pay_from_a_part_time_job_is_not_a_street_address() -> None:
    assert redact("와이프는 알바로 60 정도 벌어요").findings == []
    assert redact("주소는 호현로 55 입니다").findings[0].kind == "address"
