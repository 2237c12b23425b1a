"""The output check: a figure the tools did not return never reaches the citizen."""

from __future__ import annotations

import json

import pytest

from agent.llm import OllamaBackend
from fakes.ollama_server import FakeOllama
from graphs.grounding import check_grounding, extract_figures, parse_korean_amount
from graphs.prompting import load_prompt

RESULT = {
    "program_id": "basic_pension",
    "status": "eligible",
    "amount_krw": 349700,
    "amount_period": "month",
    "criteria": [
        {"name": "age", "passed": True, "detail": "만 65세 이상 (70세)", "source": "기초연금법 제3조"},
        {
            "name": "income",
            "passed": True,
            "detail": "소득인정액 2,470,000원 이하",
            "source": "보건복지부고시 제2026-156호",
        },
    ],
    "rules_version": "2026-01-01",
    "how_to_apply": "주소지 행정복지센터 또는 복지로(www.bokjiro.go.kr). 문의: 국민연금공단 1355, 시흥시청 031-310-2114",
    "deadline": "2026-03-30",
    "income_ratio": 0.32,
}
TOOLS = json.dumps(RESULT)  # \u-escaped, as json.dumps writes by default
FIXED = load_prompt("respond").fixed_text
SOURCES = [TOOLS, FIXED]
TITLES = ["기초연금 안내 (2026)", "기초연금 신청 방법"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("34만 9,700원", 349700),
        ("349,700원", 349700),
        ("35만원", 350000),
        ("1.2백만", 1200000),
        ("월 백만 원", 1000000),
        ("3억 5천만 원", 350000000),
        ("2만5천원", 25000),
        ("삼십오만 원", 350000),
        ("₩349,700", 349700),
    ],
)
def test_korean_amounts_normalize_to_integers(text: str, value: int) -> None:
    assert parse_korean_amount(text) == value
    figures = extract_figures(f"지원금은 {text}입니다.")
    assert [(f.kind, f.value) for f in figures] == [("amount", str(value))]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("2026년 3월 30일까지", "date", "2026-03-30"),
        ("2026.3.30.까지", "date", "2026-03-30"),
        ("2026-03-30", "date", "2026-03-30"),
        ("3월 30일까지", "date", "?-03-30"),
        ("2026년 기준", "date", "2026-?-?"),
        ("by March 30, 2026", "date", "2026-03-30"),
        ("2026年3月30日", "date", "2026-03-30"),
        ("129에 전화하세요", "phone", "129"),
        ("국민연금공단(1355)", "phone", "1355"),
        ("031-310-2114", "phone", "0313102114"),
        ("1600-3190", "phone", "16003190"),
        ("기준 중위소득 32% 이하", "percent", "32"),
        ("[출처: 기초연금 안내]", "citation", "기초연금 안내"),
        ("「기초연금법」", "citation", "기초연금법"),
    ],
)
def test_dates_phones_percents_and_citations_are_found(text: str, kind: str, value: str) -> None:
    assert [(f.kind, f.value) for f in extract_figures(text)] == [(kind, value)]


@pytest.mark.parametrize(
    "text",
    [
        "조원동 주민센터에 가세요.",
        "천만에요.",
        "65세 이상 2명 가구",
        "지원을 받으세요.",
        "1. 신청서 2. 신분증",
    ],
)
def test_words_that_look_numeric_are_not_figures(text: str) -> None:
    assert [f for f in extract_figures(text) if f.kind != "citation"] == []


@pytest.mark.parametrize(
    "reply",
    [
        "기초연금을 받으실 가능성이 높습니다. 월 34만 9,700원입니다 [1].",
        "월 349,700원까지 받으실 가능성이 높습니다.",
        "매달 약 35만 원을 받으실 수 있습니다.",
        "2026년 기준으로 판단했습니다. 신청은 2026년 3월 30일까지, 또는 3월 30일까지 하세요.",
        "문의는 시흥시청 031-310-2114 또는 국민연금공단 1355로 전화하세요. 보건복지상담센터는 129입니다.",
        "소득인정액이 기준 중위소득의 32%입니다.",
        "근거: 「기초연금법」 제3조 [출처: 기초연금 안내].",
        "You are likely eligible for 349,700 won a month [2].",
        # the same amount, however it is written (issue 15)
        "You could get three hundred forty-nine thousand seven hundred won a month.",
        "每月可领三十四万九千七百韩元。",
        "每月可领34万9千7百韩元。",
        "Mỗi tháng khoảng ba trăm bốn mươi chín nghìn bảy trăm won.",
        "Bạn 70 tuổi, sống một mình, có hai con.",  # counts and ages in words are not amounts
    ],
)
def test_grounded_replies_pass(reply: str) -> None:
    result = check_grounding(reply, allowed_sources=SOURCES, allowed_citations=TITLES)
    assert result.ok, result.violations


@pytest.mark.parametrize(
    ("reply", "fragment"),
    [
        ("월 35만 원을 받습니다.", "350000"),  # rounded without saying so
        ("월 40만 원을 받으실 수 있습니다.", "400000"),  # invented
        ("1년이면 4,196,400원입니다.", "4196400"),  # the model's own arithmetic
        ("약 30만 원입니다.", "300000"),  # 'about', but too far off
        ("신청은 2026년 4월 30일까지입니다.", "2026-04-30"),
        ("2025년 기준입니다.", "2025"),
        ("콜센터 1588-1234로 전화하세요.", "15881234"),
        ("상담은 120번으로 전화하세요.", "120"),
        ("소득이 기준 중위소득의 50% 이하입니다.", "50"),
        ("자세한 내용은 [3]을 보세요.", "#3"),
        ("[출처: 주거급여 안내]", "주거급여"),
        ("「국민기초생활 보장법」에 따라", "국민기초생활"),
        ("You will receive five hundred twenty-three thousand won every month.", "523000"),
        ("You will get one million two hundred thousand won.", "1200000"),
        ("每月可领五十二万三千韩元。", "523000"),
        ("每月可领523,000韩元。", "523000"),
        ("Mỗi tháng bạn nhận năm trăm hai mươi ba nghìn won.", "523000"),
        ("moi thang nam tram hai muoi ba nghin won", "523000"),
    ],
)
def test_invented_figures_and_citations_are_violations(reply: str, fragment: str) -> None:
    result = check_grounding(reply, allowed_sources=SOURCES, allowed_citations=TITLES)
    assert not result.ok
    assert any(fragment in v for v in result.violations), result.violations


def test_citations_unchecked_when_not_given_and_year_alone_needs_a_source() -> None:
    assert check_grounding("[3] 참고", allowed_sources=SOURCES).ok
    assert check_grounding("2026년에 바뀌었습니다.", allowed_sources=["rules 2026"]).ok
    assert not check_grounding("2026년에 바뀌었습니다.", allowed_sources=["rules"]).ok
    assert check_grounding("특별한 숫자 없이 안내합니다.", allowed_sources=[]).ok


async def test_an_invented_amount_from_the_model_is_caught(fake: FakeOllama) -> None:
    """End to end through the fake server: the model invents an amount; the check rejects the reply."""
    prompt = load_prompt("respond").render(
        language="ko",
        tool_results=RESULT,
        passages="[1] 기초연금 안내 (2026): 기초연금은 만 65세 이상 ...",
        pending_question="none",
        last_turns="",
        message="기초연금 얼마나 받아요?",
        draft="기초연금: 받으실 가능성이 높습니다. 예상 금액: 월 349,700원",
    )
    fake.script("월 45만 원을 받으실 수 있습니다 [1].", "월 34만 9,700원을 받으실 가능성이 높습니다 [1].")
    backend = OllamaBackend(host=fake.url, model="qwen3:4b")
    invented = await backend.stream(prompt.messages)
    true = await backend.stream(prompt.messages)
    await backend.aclose()
    verdict = check_grounding(invented.text, allowed_sources=[TOOLS, FIXED], allowed_citations=TITLES[:1])
    assert not verdict.ok
    assert "450000" in verdict.violations[0]
    assert check_grounding(true.text, allowed_sources=[TOOLS, FIXED], allowed_citations=TITLES[:1]).ok


@pytest.mark.parametrize(
    "text",
    [
        "자세한 건 일오팔팔 구구구구로 전화하세요.",
        "공일공 일이삼사 오육칠팔로 연락 주세요.",
        "Call one five eight eight, nine nine nine nine.",
        "请拨打一五八八九九九九。",
        "자세한 건 1588 9999로 전화하세요.",
        "이천이십육년 십이월 삼십일일까지 신청하세요.",
        "십이월 삼십일일까지 신청하세요.",
    ],
)
def test_a_phone_number_or_date_said_in_words_or_spaced_must_come_from_the_sources(text: str) -> None:
    """Issue 15: the same figures written so that no digit shows are read and checked like digits."""
    assert not check_grounding(
        text, allowed_sources=["기초연금 월 349,700원. 문의 129, 국민연금공단 1355."]
    ).ok


def test_figures_in_words_that_the_sources_hold_pass() -> None:
    sources = ["국민연금공단 1355. 2026년 3월 30일까지 신청"]
    assert check_grounding("일삼오오로 전화하세요.", allowed_sources=sources).ok
    assert check_grounding("이천이십육년 삼월 삼십일까지 신청하세요.", allowed_sources=sources).ok
    assert check_grounding("매달 오십일만 원이 아니라 정해진 금액이에요.", allowed_sources=["510,000원"]).ok


def test_chinese_financial_numerals_and_digits_spaced_one_by_one_are_read() -> None:
    sources = ["기초연금 월 349,700원. 에너지바우처 1600-3190"]
    assert not check_grounding("每月叁拾捌万伍仟韩元。", allowed_sources=sources).ok
    assert check_grounding("每月叁拾肆万玖仟柒佰韩元。", allowed_sources=sources).ok
    assert not check_grounding("상담센터 1 6 6 8 - 2 2 7 4 로 전화하세요.", allowed_sources=sources).ok
    assert check_grounding("상담센터 1 6 0 0 - 3 1 9 0 로 전화하세요.", allowed_sources=sources).ok
