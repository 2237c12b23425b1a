"""Messages misread, found in session 27 (dev17, written by a helper for development)."""

from __future__ import annotations

import pytest

from graphs.answers.compose import _most_of_name
from graphs.answers.focus import aspect, bigrams
from graphs.answers.offices import asked_offices
from graphs.dialogue.asking import asks_can_i
from graphs.dialogue.proxy import asking_for
from graphs.nlu import asks_what_now, situation_programs
from graphs.nlu.facts import extract_facts
from graphs.nlu.programs import detect_programs, respelt_korean


def _children(message: str) -> list[dict[str, object]]:
    return [m for m in extract_facts(message).get("members") or [] if m.get("relation") == "child"]


@pytest.mark.parametrize(
    "message",
    [
        "chong em bi tai nan nam vien 2 thang roi",
        "Chồng em nằm viện 2 tháng rồi",
        "2 tháng rồi không đi làm",
        "住院两个月了",
    ],
)
def test_months_of_a_stay_or_of_no_work_are_no_baby(message: str) -> None:
    assert _children(message) == []


def test_months_said_as_an_age_beside_a_stay_are_the_babys() -> None:
    assert [c.get("months_old") for c in _children("con em 4 tháng tuổi, chồng em nằm viện")] == [4]
    assert [c.get("months_old") for c in _children("em sinh con 2 thang roi")] == [2]


def test_an_accident_is_an_injury_not_a_death() -> None:
    crisis = extract_facts("Chồng em bị tai nạn, đang nằm viện")["crisis"]
    assert "serious_illness" in crisis
    assert "breadwinner_death" not in crisis
    assert extract_facts("chồng em mất vì tai nạn")["crisis"] == ["breadwinner_death"]


@pytest.mark.parametrize(
    "message",
    [
        "남편이 지난달 갑자기 돌아가셨어요. 남편 월급으로만 살았는데 이제 수입이 하나도 없네요. 뭐부터 해야되는지 모르겠어요",
        "chong em bi tai nan nam vien 2 thang roi, vien phi nhieu lam, nha khong con ai di lam. em phai lam sao bay gio?",
    ],
)
def test_a_sudden_loss_of_the_money_to_live_on_calls_for_emergency_welfare(message: str) -> None:
    assert "emergency_welfare" in situation_programs(message)


@pytest.mark.parametrize(
    ("message", "asked", "held"),
    [
        (
            "나가 차상위인디 무릎이 너무 아파서 인공관절 해야 한당께. 나라서 얼매나 보태주요?",
            [],
            ["near_poverty"],
        ),
        (
            "영감할멈 둘이 사는 주거급여 수급잔데 에너지바우처 올해 얼마 나오노?",
            ["energy_voucher"],
            ["housing_benefit"],
        ),
        ("차상위인지 알고싶어요", ["near_poverty"], []),
    ],
)
def test_a_status_said_in_dialect_is_held(message: str, asked: list[str], held: list[str]) -> None:
    assert detect_programs(message) == (asked, held)


def test_what_to_bring_is_how_to_apply() -> None:
    assert not asks_can_i("기초연금 신청할때 뭐뭐 챙겨가야돼요?")
    assert aspect("아버지 대신 기초연금 신청하려는데 뭐뭐 챙겨가야돼요?") == "where"
    assert aspect("나라서 얼매나 보태주요?") == "how_much"


def test_a_date_is_no_word_of_the_question() -> None:
    words = bigrams("지금 하면 8월분부터 소급돼요?")
    assert "소급" in words
    assert "월분" not in words
    assert "분부" not in words


@pytest.mark.parametrize(
    ("message", "offices"),
    [
        (
            "배곧 아파트 사는데 기초연금 신청하러 어디 가야되나 배곧동 주민센터 라는게 있나?",
            ["배곧1동", "배곧2동"],
        ),
        ("i just moved into an officetel near 거북섬 / 시화MTV. which 행정복지센터 is mine?", ["거북섬동"]),
        ("목감 사는데 기초연금 어디서 신청해요", ["목감동"]),
        ("배곧 살아요 기초연금 되나요", []),
    ],
)
def test_her_centre_when_she_asks_where_and_says_where_she_lives(message: str, offices: list[str]) -> None:
    assert asked_offices(message) == offices


def test_her_own_nationality_said_bare() -> None:
    members = extract_facts("tôi Việt Nam, chồng Hàn Quốc")["members"]
    assert [(m["relation"], m.get("nationality")) for m in members] == [("self", "VN"), ("spouse", "KR")]


def test_a_single_dad_is_the_parent_not_his_own() -> None:
    facts = extract_facts("我是单亲爸爸，45岁。大儿子20岁上大学，小女儿17岁读高中。")
    assert [m["relation"] for m in facts["members"]] == ["self", "child", "child"]
    assert facts["members"][0]["age"] == 45
    assert asking_for("我是单亲爸爸，45岁。能领单亲家庭儿童养育费吗？") is None


@pytest.mark.parametrize(
    ("message", "asked", "held"),
    [
        ("아빠 수술비가 천만원 넘게 나왔어요 재난적의료비 지원 신청은 어디서 해요?", [], []),
        ("기초생활수급자를 위한 요금감면제도 뭐 있어요", [], []),
        (
            "우리 아들이 경증 장애인인디 장애수당 받으믄 기초수급 짤리는거 아니여?",
            ["disability_allowance"],
            ["livelihood_benefit"],
        ),
        ("기초연금 깎이는 기준이 뭐에요", ["basic_pension"], []),
    ],
)
def test_a_longer_name_and_a_program_at_stake(message: str, asked: list[str], held: list[str]) -> None:
    assert detect_programs(message) == (asked, held)


def test_a_right_name_is_no_typo_of_another() -> None:
    assert "수급자" in respelt_korean("기초생활수급자를 위한 요금감면제도")


def test_the_other_name_in_brackets_names_the_program() -> None:
    assert _most_of_name("드림스타트", "아동통합서비스 지원(드림스타트사업)")
    assert not _most_of_name("아동통합", "아동통합서비스 지원(드림스타트사업)")


def test_what_now_in_vietnamese_typed_without_marks() -> None:
    assert asks_what_now("em phai lam sao bay gio?")
    assert asks_what_now("Em co the duoc giup gi?")
    assert not asks_what_now("Em 35 tuoi, song o Siheung")
