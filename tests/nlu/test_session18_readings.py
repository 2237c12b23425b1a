"""Facts and questions residents write that were misread, found in session 17's blind set (measured, then
development data): amounts after a comma with no space, a retirement pension in Chinese, a bare list of the
three of them, an age restated in brackets in months, a workplace taken for an address, a Sino-Korean age with
native ones, both parents asked for, the particle 만 before an amount, a job-seeker's allowance beside a pension."""

from __future__ import annotations

from typing import Any

import pytest

from graphs.dialogue.proxy import as_applicant, asking_for
from graphs.dialogue.reading import read_message
from graphs.nlu import understand
from graphs.nlu.facts import extract_facts, unlabelled_amounts
from graphs.nlu.numbers import find_ages, find_money
from graphs.nlu.places import find_region
from graphs.nlu.programs import described_programs
from graphs.slots import parse_answer


def _members(text: str) -> list[dict[str, Any]]:
    return list(extract_facts(text).get("members") or [])


def test_an_amount_before_a_comma_and_a_numeral_word_stays_whole() -> None:
    # the guard turns "，" into ","; "50万,一共" must not run into the 一 of 一共
    text = "国民年金100万,退休年金50万,一共150万"
    assert [m.krw for m in find_money(text)] == [1_000_000, 500_000, 1_500_000]
    assert extract_facts(text)["income"] == {"other_krw": 1_500_000}


@pytest.mark.parametrize("text", ["월급 1,200,000원", "1.5 million won"])
def test_grouped_and_decimal_amounts_still_read(text: str) -> None:
    assert [m.krw for m in find_money(text)] in ([1_200_000], [1_500_000])


@pytest.mark.parametrize(
    ("text", "krw"), [("退休金一个月一共一百五十万", 1_500_000), ("退休工资一个月两百万", 2_000_000)]
)
def test_a_retirement_pension_is_other_income(text: str, krw: int) -> None:
    assert extract_facts(text)["income"] == {"other_krw": krw}


def test_a_bare_list_of_the_three_of_them_is_one_child() -> None:
    relations = [m["relation"] for m in _members("남편 저 아기 셋")]
    assert sorted(relations) == ["child", "self", "spouse"]


def test_three_daughters_raised_are_three_children() -> None:
    assert [m["relation"] for m in _members("남편 나 딸 셋 키워요")].count("child") == 3


@pytest.mark.parametrize(
    "text",
    ["孩子快两岁了（22个月）", "애기 두 살(22개월)이에요", "22개월(두 살)", "baby is almost 2 (22 months)"],
)
def test_an_age_restated_in_brackets_is_one_age_in_months(text: str) -> None:
    ages = find_ages(text)
    assert [(a.value, a.unit) for a in ages] == [(22, "months")]


def test_a_list_of_ages_with_a_bracket_elsewhere_keeps_each() -> None:
    assert [a.value for a in find_ages("큰애 7살(초1), 작은애 (3살)")] == [7, 3]


def test_a_workplace_is_not_where_she_lives() -> None:
    text = "We live in Ansan but my husband works in Siheung."
    assert find_region(text) == {"sido": "경기도", "sigungu": "안산시"}


def test_asked_how_long_in_siheung_the_place_she_names_is_where_she_lives() -> None:
    patch = parse_answer("months_resident", "we've never lived in Siheung. Ansan for 4 years", {}, {})
    assert patch == {"region": {"sido": "경기도", "sigungu": "안산시", "months_resident": 48}}


@pytest.mark.parametrize(("text", "years"), [("칠십하나인데 일자리", 71), ("육십다섯 살이에요", 65)])
def test_sino_korean_tens_with_native_ones_are_an_age(text: str, years: int) -> None:
    assert [a.value for a in find_ages(text)] == [years]


def test_a_birth_in_the_noun_form_is_a_birth() -> None:
    child = next(m for m in _members("둘째 지난달 태어남") if m["relation"] == "child")
    assert child["months_old"] == 1
    assert child["birth_order"] == 2


def test_both_parents_asked_for_are_the_applicant_and_spouse() -> None:
    assert asking_for("부모님 기초연금 신청하려는데 되나 봐줘") == "parent"
    text = "아빠72 엄마70 두분 배곧 아파트 사셔"
    said = as_applicant(extract_facts(text), "parent", text)
    assert said["members"] == [{"relation": "self", "age": 72}, {"relation": "spouse", "age": 70}]
    assert said["region"] == {"sido": "경기도", "sigungu": "시흥시"}


def test_the_particle_man_before_an_amount_is_not_ten_thousand() -> None:
    assert find_money("국민연금 아빠만 60 받으셔") == []
    patch = parse_answer("income", "국민연금 아빠만 60 받으셔", {}, {})
    assert patch == {"income": {"earned_krw": 0, "other_krw": 600_000}}


def test_a_house_said_bare_before_its_value_is_property() -> None:
    assert extract_facts("집 3억 예금 5천")["assets"] == {
        "property_krw": 300_000_000,
        "financial_krw": 50_000_000,
    }


def test_a_pension_not_yet_applied_for_does_not_hide_the_job_seekers_allowance() -> None:
    text = "일자리 구하면서 수당 주는거 있다던데 나도 되나? 기초연금은 아직 신청 안했어"
    assert "national_employment_support" in described_programs(text)


def test_youth_money_from_gyeonggi_is_the_youth_basic_income() -> None:
    assert described_programs("my friend say gyeonggi give youth money 1 million") == [
        "gyeonggi_youth_basic_income"
    ]


def test_a_denied_amount_is_not_added_to_income_in_a_correction() -> None:
    text = "À em nhầm, lương chồng ba triệu (300만) thôi chứ không phải ba triệu rưỡi"
    assert unlabelled_amounts(text) == 0
    facts = {"members": [{"relation": "self"}, {"relation": "spouse"}], "income": {"earned_krw": 3_500_000}}
    ledger: dict[str, dict[str, Any]] = {
        "income": {"asks": 0, "status": "said", "turn": 1},
        "assets": {"asks": 1, "asked_turn": 1},
    }
    reading = read_message(text, understand(text), ["assets"], ledger, facts)
    assert reading.facts["income"] == {"earned_krw": 3_000_000, "other_krw": 0}


def test_a_fracture_and_an_operation_are_a_serious_injury() -> None:
    assert extract_facts("两个月前在工地上摔下来，腰骨折了，做了手术，现在还不能干活")["crisis"] == [
        "serious_illness"
    ]


def test_a_husband_who_died_years_ago_in_vietnamese_is_not_a_member() -> None:
    text = "Chồng tôi (người Hàn) mất 2 năm trước, bây giờ tôi sống một mình"
    assert [m["relation"] for m in _members(text)] == ["self"]
    assert "spouse" in [m.get("relation") for m in _members("chồng em mất việc rồi, nhà 3 người")]


def test_no_income_said_in_chinese_is_none() -> None:
    assert extract_facts("现在两个人都没工作没收入。")["income"] == {"earned_krw": 0, "other_krw": 0}
    assert "income" not in extract_facts("没钱了")


@pytest.mark.parametrize(("text", "years"), [("여든둘이여 만으로", 82), ("82여", 82), ("일흔둘이유", 72)])
def test_an_age_in_dialect_with_its_full_age_note_is_read(text: str, years: int) -> None:
    from graphs.nlu.numbers import bare_number

    assert bare_number(text) == years


def test_tell_me_in_dialect_is_not_an_address_question() -> None:
    from graphs.answers.focus import aspect

    assert aspect("혼자 사는 노인 들여다봐주는 거 있다믄서 그것도 좀 알려주소") == "any"
    assert aspect("주소가 어디예요?") == "where"


@pytest.mark.parametrize(
    "text", ["장애 등록은 안 돼 있어요", "장애인 등록 안 했어요", "not registered as disabled"]
)
def test_no_disability_registration_is_no_disability(text: str) -> None:
    assert _members(text)[0]["disability"] == "none"


def test_a_not_earlier_in_the_message_denies_no_later_amount() -> None:
    text = "um, 300k won a month, not from work. i have a rent deposit of 10,000,000 won, 12,000,000 won in savings"
    assert extract_facts(text)["assets"] == {"property_krw": 10_000_000, "financial_krw": 12_000_000}
    assert extract_facts("my salary is 2.8 million, not 3.8 million")["income"] == {"earned_krw": 2_800_000}


def test_a_no_that_answers_the_family_support_question_corrects_nothing() -> None:
    facts = {"members": [{"relation": "self"}], "income": {"earned_krw": 0, "other_krw": 300_000}}
    ledger: dict[str, dict[str, Any]] = {
        "household": {"asks": 0, "status": "said", "turn": 1},
        "income": {"asks": 1, "asked_turn": 1, "status": "answered", "turn": 2},
        "support_obligor": {"asks": 1, "asked_turn": 2},
    }
    text = "No, I have no such family"
    reading = read_message(text, understand(text), ["support_obligor"], ledger, facts)
    assert reading.facts["support_obligor"] == "none"


def test_no_income_with_the_words_the_other_way_round() -> None:
    assert extract_facts("一分钱收入都没有，押金六百万韩币")["income"] == {"earned_krw": 0, "other_krw": 0}


def test_a_dong_after_another_city_is_that_city_s() -> None:
    assert find_region("고양 신천동 살아") == {"sido": "경기도", "sigungu": "고양시"}
    assert find_region("시흥 신천동 살아") == {"sido": "경기도", "sigungu": "시흥시"}


def test_an_age_said_whole_then_months_are_two_children() -> None:
    ages = find_ages("4 years old, 2 years old and 10 months old")
    assert [(a.value, a.unit) for a in ages] == [(4, "years"), (2, "years"), (10, "months")]
    assert [(a.value, a.unit) for a in find_ages("두 살 세 달")] == [(27, "months")]


def test_a_counted_household_answer_replaces_a_child_read_from_a_program_description() -> None:
    facts = {"members": [{"relation": "self", "pregnant": True}, {"relation": "child"}]}
    ledger: dict[str, dict[str, Any]] = {"household": {"asks": 1, "asked_turn": 1}}
    text = "2 người, tôi với chồng. Tôi đang mang thai"
    reading = read_message(text, understand(text), ["household", "age"], ledger, facts)
    assert [m["relation"] for m in reading.facts["members"]] == ["self", "spouse"]


@pytest.mark.parametrize("text", ["지금 수입 0원입니다", "my income is 0"])
def test_an_income_of_zero_is_no_income(text: str) -> None:
    facts = extract_facts(text)
    assert facts["income"] == {"earned_krw": 0, "other_krw": 0}
    assert "members" not in facts or all(m.get("age") != 0 for m in facts["members"])


def test_a_bare_zero_answers_the_income_question() -> None:
    assert parse_answer("income", "0원요", {}, {}) == {"income": {"earned_krw": 0, "other_krw": 0}}


def test_a_birth_month_after_today_s_keeps_her_a_year_younger() -> None:
    ages = find_ages("01년생 12월생")
    assert len(ages) == 1
    assert find_ages("2024년 3월에 이사") == []


def test_a_father_in_law_in_vietnamese_is_a_parent_not_the_husband() -> None:
    members = _members("Bố chồng em 77 tuổi, sống một mình gần nhà em.")
    assert {"relation": "parent", "age": 77} in members
    assert {"relation": "spouse", "age": 45} in _members("chồng em 45 tuổi")


def test_possible_at_an_age_is_that_age() -> None:
    assert [a.value for a in find_ages("is 청년월세 still possible at 35?")] == [35]


@pytest.mark.parametrize("text", ["my wife is pregnant", "아내가 임신했어요", "vợ tôi đang mang thai"])
def test_a_pregnant_wife_is_the_spouse_not_the_writer(text: str) -> None:
    members = _members(text)
    assert {"relation": "spouse", "pregnant": True} in members
    assert not members[0].get("pregnant")


def test_the_baby_when_it_comes_is_not_born_yet() -> None:
    text = "and my wife is pregnant, is there anything for the baby when it comes?"
    assert "child" not in [m["relation"] for m in _members(text)]
