"""Facts residents write that were misread, found in session 22 in blind19 (development data since its one
measurement)."""

from __future__ import annotations

import pytest

from graphs.dialogue.asking import asks_can_i
from graphs.dialogue.policy import next_questions
from graphs.dialogue.proxy import lives_with_writer
from graphs.dialogue.reading import read_message
from graphs.nlu import understand
from graphs.nlu.facts import writer_income
from graphs.nlu.programs import detect_programs
from graphs.slots import parse_answer


def test_a_correction_quoting_the_old_amount_replaces_that_amount() -> None:
    # "it's 805,000 not 850,000" while assets are asked corrects her income; it is not 1,655,000 of assets
    facts = {"members": [{"relation": "self", "age": 59}], "income": {"earned_krw": 0, "other_krw": 850000}}
    message = "Oh wait, I checked my bankbook, it's 805,000 not 850,000. Sorry!"
    reading = read_message(message, understand(message), ["assets"], {}, facts)
    assert reading.facts["income"] == {"earned_krw": 0, "other_krw": 805000}
    assert "assets" not in reading.facts
    assert reading.filled == ["income"]


@pytest.mark.parametrize("message", ["월세 35만이 아니라 30만이에요", "房租不是35万，是30万"])
def test_a_quoted_rent_is_corrected_in_korean_and_chinese(message: str) -> None:
    facts = {"members": [{"relation": "self"}], "housing": {"tenure": "renter", "rent_krw": 350000}}
    reading = read_message(message, understand(message), ["income"], {}, facts)
    assert reading.facts["housing"] == {"tenure": "renter", "rent_krw": 300000}


def test_two_amounts_without_a_denial_are_not_a_correction() -> None:
    facts = {"members": [{"relation": "self"}], "income": {"earned_krw": 0, "other_krw": 850000}}
    message = "통장에 850,000원이랑 적금 300만원 있어요"
    reading = read_message(message, understand(message), ["assets"], {}, facts)
    assert reading.facts["income"] == {"earned_krw": 0, "other_krw": 850000}
    assert reading.facts["assets"]["financial_krw"] > 0


@pytest.mark.parametrize(
    ("text", "programs"),
    [
        ("Can I get livelihood or medical benefit?", ["livelihood_benefit", "medical_benefit"]),
        ("생계나 의료급여 받을 수 있어요?", ["livelihood_benefit", "medical_benefit"]),
        ("생계랑 주거급여 돼요?", ["livelihood_benefit", "housing_benefit"]),
    ],
)
def test_two_programs_sharing_a_head_noun_are_both_named(text: str, programs: list[str]) -> None:
    assert detect_programs(text)[0] == programs


def test_a_shared_head_noun_names_nothing_that_is_no_program() -> None:
    assert detect_programs("I want food or medical aid")[0] == ["medical_benefit"]


def test_the_status_naming_the_program_after_it_is_not_a_receipt() -> None:
    text = "기초수급자 생계급여 신청할라구 하는데 나 되냐"
    assert detect_programs(text) == (["livelihood_benefit"], [])
    assert asks_can_i(text)


def test_an_old_man_living_with_his_halmae_lives_with_his_wife() -> None:
    # 경상도: "우리 할매하고 둘이" is his wife; "할매 혼자 사는데" is she herself
    assert understand("우리 할매하고 둘이 사는데 기초연금 우리도 받을 수 있능교").facts["members"] == [
        {"relation": "self"},
        {"relation": "spouse"},
    ]
    assert understand("할매 혼자 사는데").facts["members"] == [{"relation": "self"}]


@pytest.mark.parametrize(
    ("text", "months"),
    [("시흥에서 산 지 이 년 됐어요", 24), ("삼 년째 살아요", 36), ("이년 반 됐어요", 30), ("육 개월이요", 6)],
)
def test_years_in_sino_korean_words_are_a_duration(text: str, months: int) -> None:
    patch = parse_answer("months_resident", text, {}, {})
    assert isinstance(patch, dict)
    assert patch["region"]["months_resident"] == months


def _near_poverty(missing: list[str]) -> list[dict[str, object]]:
    return [{"program_id": "near_poverty", "status": "unknown", "missing": missing, "criteria": []}]


def test_the_income_recognition_is_asked_only_when_nothing_else_is_left() -> None:
    ledger = {"household": {"status": "said", "turn": 1, "asks": 0}}
    assert next_questions(_near_poverty(["income", "income_recognition"]), ledger) == ["income"]
    assert next_questions(_near_poverty(["income_recognition"]), ledger) == ["income_recognition"]


@pytest.mark.parametrize(
    ("text", "krw"),
    [
        ("동사무소에서 소득인정액 이백구만원이라고 하더라고요", 2090000),
        ("주민센터에서 30만원으로 나왔대요", 300000),
    ],
)
def test_the_income_recognition_answer_is_read(text: str, krw: int) -> None:
    assert parse_answer("income_recognition", text, understand(text).facts, {}) == {
        "income_recognition_krw": krw
    }


def test_a_correction_of_one_asset_beside_a_debt_already_told_is_no_quoted_correction() -> None:
    # "아니 정정할게요, 보증금 1천5백만원, 빚이 천구백만원": the 아니 denies nothing of the debt it repeats
    facts = {
        "members": [{"relation": "self"}],
        "assets": {"property_krw": 30000000, "financial_krw": 3000000, "debt_krw": 19000000},
    }
    message = "아니 정정할게요, 보증금 1천5백만원, 빚이 천구백만원, 예금은 없어요"
    reading = read_message(message, understand(message), ["receiving"], {}, facts)
    assert reading.facts["assets"]["property_krw"] == 15000000


@pytest.mark.parametrize(
    ("text", "own"),
    [
        ("아들은 수입 없고 저는 요양보호사로 월 이백이십 벌어요", {"earned_krw": 2200000}),
        ("엄마는 연금 30만원 받으시고 저는 월급 300이에요", {"earned_krw": 3000000}),
        ("My mom gets 300k pension and I earn 3 million", {"earned_krw": 3000000}),
        ("我妈每月养老金30万，我工资250万", {"earned_krw": 2500000}),
        ("Mẹ tôi có lương hưu 300 nghìn, tôi lương 2 triệu", {"earned_krw": 2000000}),
        ("我月薪四百万，老婆打工一百五十万，妈妈没有收入也没有养老金", {"earned_krw": 5500000}),
        ("월급 300이에요", {}),
    ],
)
def test_the_writers_own_income_is_told_apart(text: str, own: dict[str, int]) -> None:
    assert writer_income(text) == own


@pytest.mark.parametrize(
    "text", ["저희와 같이 살아요", "엄마는 72세고 저랑 같이 살아요", "She lives with us", "我妈跟我们一起住"]
)
def test_a_parent_living_with_the_writer_is_a_household_told(text: str) -> None:
    assert lives_with_writer(text)


def test_asking_for_her_mother_the_writers_wage_is_not_the_mothers_income() -> None:
    message = "엄마는 국민연금 30만원 받으시고 저는 월급 500이에요"
    facts = {"members": [{"relation": "self", "age": 72}]}
    reading = read_message(message, understand(message), ["income"], {}, facts, "parent")
    assert reading.facts["income"] == {"earned_krw": 0, "other_krw": 300000}
    assert reading.facts["members"] == [{"relation": "self", "age": 72}]


def test_whether_a_benefit_will_stop_asks_about_it_unless_she_receives_it() -> None:
    # a mother asking whether 아동수당 stops at 8 asks about it; a recipient asking whether hers stops at 65 asks
    # a rule about the benefit she holds
    assert detect_programs("지금 만 8살인데 아동수당 끊기는거 아니에요?") == (["child_allowance"], [])
    assert detect_programs("장애인연금 받고 있는데 65 되면 장애인연금 끊기나요?") == (
        [],
        ["disability_pension"],
    )
    assert detect_programs("생계급여는 끊기고 지금은 아무것도 없어요") == ([], [])


@pytest.mark.parametrize(("text", "children"), [("신랑이랑 애기 셋", 1), ("남편이랑 애 셋 키워요", 3)])
def test_a_count_closing_her_husband_and_the_baby_counts_the_three_of_them(text: str, children: int) -> None:
    members = understand(text).facts["members"]
    assert sum(m.get("relation") == "child" for m in members) == children


def test_a_status_said_twice_in_two_languages_stays_held() -> None:
    # "我们家是次上位(차상위)": the status she holds, named twice; not the program she asks for
    assert detect_programs("我们家是次上位(차상위)，宝宝3个月，听说尿布和奶粉有补助") == (
        [],
        ["near_poverty"],
    )
