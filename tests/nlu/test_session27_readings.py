"""Messages misread, found in session 27 (dev17, written by a helper for development)."""

from __future__ import annotations

import pytest

from graphs.answers.compose import _most_of_name
from graphs.answers.focus import asked_of, aspect, bigrams, expansion_rows
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


def test_a_month_and_an_age_are_no_amount() -> None:
    facts = extract_facts(
        "중증이라 장애인연금 받고있거든예. 내년 삼월에 65 되는데 그라믄 기초연금도 따로 또 받는기가"
    )
    assert "income" not in facts
    assert extract_facts("월 65 벌어요")["income"] == {"earned_krw": 650000}


@pytest.mark.parametrize(
    "message",
    ["Em sap sinh con thu 2 (du sinh thang 1).", "1월 출산 예정이에요", "my baby is due in January"],
)
def test_the_month_a_baby_is_due_is_no_birth(message: str) -> None:
    assert _children(message) == []
    assert extract_facts(message)["members"][0].get("pregnant") is True


def test_a_program_named_for_newborns_is_no_newborn() -> None:
    assert _children("Xin 산모·신생아 건강관리 o dau, khi nao?") == []
    assert len(_children("신생아요 둘다")) == 2


@pytest.mark.parametrize(
    ("message", "asked", "held"),
    [
        (
            "장애수당 신청하려는데 그거 받으면 소득으로 잡혀서 기초수급 짤린다는 말이 있던데 진짜에요?",
            ["disability_allowance"],
            ["livelihood_benefit"],
        ),
        (
            "장애수당 신청하믄 기초수급비 깎이거나 수급자 짤리는거 아니에요?",
            ["disability_allowance"],
            ["livelihood_benefit"],
        ),
        (
            "내 집서 사는 수급자 할매여. 지붕이 새는디 주거급여로 고쳐준다 하대. 얼마까지 해준당가?",
            ["housing_benefit"],
            ["livelihood_benefit"],
        ),
    ],
)
def test_what_she_fears_for_and_what_she_is(message: str, asked: list[str], held: list[str]) -> None:
    assert detect_programs(message) == (asked, held)


def test_each_program_its_own_question() -> None:
    message = "저 경증장애있고 생계급여 받고있는데 장애수당도 신청할수있다네요? 한달 얼마에요? 근데 이거 받으면 생계급여 깎이거나 끊기는거 아니죠??"
    assert "깎이거나" in asked_of(message, "disability_allowance")
    two = "con em 14 thang, duoc 부모급여 bao nhieu 1 thang? va thang sau em muon dua con ve que ngoai Viet Nam 4 thang, 아동수당 co bi dung khong?"
    assert "부모급여" not in asked_of(two, "child_allowance")
    assert "아동수당" not in asked_of(two, "parent_benefit")


def test_vietnamese_unmarked_beside_korean_names() -> None:
    assert aspect("1) Xin 산모·신생아 건강관리 o dau, khi nao") == "where"
    assert aspect("may I apply for 기초연금") == "where"


def test_one_everyday_expression_counts_once() -> None:
    rows = expansion_rows("우리집 기초수급인데 내가 알바하면 수급 짤림?")
    assert {"근로소득", "근로"} in rows
    assert {"탈락", "수급자격"} in rows
