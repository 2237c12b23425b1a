"""Replies the way residents write them, found unread in the dialogue sets: ages after a person word, dialect
endings, grades, durations in words, amounts with no word of kind, and who the question is about."""

from __future__ import annotations

from typing import Any

import pytest

from graphs.dialogue.proxy import asking_for
from graphs.dialogue.reading import read_message
from graphs.nlu import understand
from graphs.nlu.facts import extract_facts, unlabelled_amounts
from graphs.slots import parse_answer


def _ages(text: str) -> dict[str, Any]:
    return {m["relation"]: m.get("age") for m in extract_facts(text).get("members") or []}


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("남편 60 저 57", {"self": 57, "spouse": 60}),
        ("저는 66이고 남편은 68이요", {"self": 66, "spouse": 68}),
        ("남편은 60이고 전 57", {"self": 57, "spouse": 60}),
        ("저 52 아들 20", {"self": 52, "child": 20}),
        ("내가 예순여덟 손주는 열살", {"self": 68, "grandchild": 10}),
        ("여든셋이셔유", {"self": 83}),
        ("여든하나유", {"self": 81}),
        ("나이는 육십사", {"self": 64}),
        ("Chồng 67, tôi 45", {"self": 45, "spouse": 67}),
        ("남편 75 저 70 둘다 국민연금 받아요", {"self": 70, "spouse": 75}),
        ("my husband and I are both 70", {"self": 70, "spouse": 70}),
        ("我和老伴都七十了", {"self": 70, "spouse": 70}),
        ("chồng (55), em (42), con trai 14", {"self": 42, "spouse": 55, "child": 14}),
        ("chong toi (45 tuoi), toi, con trai 9 tuoi", {"self": None, "spouse": 45, "child": 9}),
        ("老公(50)、我(47)、女儿(15)", {"self": 47, "spouse": 50, "child": 15}),
        ("husband 45, me 36, 2 kids", {"self": 36, "spouse": 45, "child": None}),
        ("I'm 40 and my kids are 3 and 7", {"self": 40, "child": 7}),
    ],
)
def test_an_age_after_a_person_word_is_that_persons(text: str, ages: dict[str, Any]) -> None:
    assert _ages(text) == ages


def test_a_list_of_ages_after_kids_is_theirs() -> None:
    members = extract_facts("Can my kids get the child allowance? They are 3 and 7")["members"]
    assert [m.get("age") for m in members if m["relation"] == "child"] == [3, 7]


@pytest.mark.parametrize(
    "text",
    ["남편 월급 250 저 100", "me 36, rent 50", "Chồng lương 67, tôi 45", "남편 90 저 70 벌어요"],
)
def test_numbers_in_a_message_about_money_are_not_ages(text: str) -> None:
    assert all(m.get("age") is None for m in extract_facts(text).get("members") or [])


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("Three weeks old.", 0),
        ("Our daughter was born here three weeks ago.", 0),
        ("Em sinh con được hai tuần", 0),
    ],
)
def test_weeks_in_words_are_a_babys_age(text: str, months: int) -> None:
    babies = [m for m in extract_facts(text)["members"] if m["relation"] == "child"]
    assert babies[0]["months_old"] == months


def test_weeks_since_a_job_loss_are_not_a_baby() -> None:
    assert "members" not in extract_facts("I lost my job 3 weeks ago") or all(
        m["relation"] == "self" for m in extract_facts("I lost my job 3 weeks ago")["members"]
    )


def test_losing_a_job_is_not_a_death_in_vietnamese() -> None:
    facts = extract_facts("Chồng em mới bị mất việc tháng trước, nhà có 2 đứa nhỏ.")
    assert facts["crisis"] == ["job_loss"]
    assert extract_facts("chồng em mất vì tai nạn")["crisis"] == ["breadwinner_death"]


def test_con_asking_what_about_a_program_is_not_a_child() -> None:
    facts = extract_facts("con che do ho tro tim viec 국민취업지원 thi sao")
    assert not any(m["relation"] == "child" for m in facts.get("members") or [])


_THREE = {"members": [{"relation": "self"}, {"relation": "child"}, {"relation": "child"}]}


@pytest.mark.parametrize(
    ("text", "levels"),
    [
        ("老大高二，老二初二", ["high", "middle"]),
        ("con học lớp 1", ["elementary", None]),
        ("he's a university freshman", ["university", None]),
        ("both in elementary school", ["elementary", "elementary"]),
        ("둘 다 초등학생이에요", ["elementary", "elementary"]),
        ("都上小学，大的六年级，小的三年级", ["elementary", "elementary"]),
        ("중3 초5", ["middle", "elementary"]),
    ],
)
def test_school_answers_with_grades(text: str, levels: list[str | None]) -> None:
    patch = parse_answer("school", text, extract_facts(text), _THREE)
    assert isinstance(patch, dict)
    assert [m.get("school") for m in patch["members_replace"][1:]] == levels


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("五年，一直在시흥", 5.0),
        ("about a year and a half. always lived in seoul before that", 1.5),
        ("Just one year. Before that I always lived in Australia, never in Gyeonggi.", 1.0),
        ("1년 반 살았어요", 1.5),
        ("hai năm", 2.0),
    ],
)
def test_years_in_gyeonggi_in_words(text: str, years: float) -> None:
    patch = parse_answer(
        "gyeonggi_residence_years", text, extract_facts(text), {"members": [{"relation": "self"}]}
    )
    assert isinstance(patch, dict)
    assert patch["gyeonggi_residence_years"] == years


@pytest.mark.parametrize(
    ("text", "income"),
    [
        ("연금이랑 이것저것 해서 300 나와 마누라는 없고", 3_000_000),
        ("我每月一百九十万，老公二百八十万，婆婆基础年金三十四万九千七百", 5_049_700),
        ("lam them o nha may, moi thang khoang một triệu hai trăm nghìn won (120 man)", 1_200_000),
        ("My husband earns around 2.6 million a month. I had 2.2 million before but now nothing", 2_600_000),
        ("I have no income now. Dad earns about 4.5m and mum 2.5m, so 7 million total", 7_000_000),
    ],
)
def test_every_amount_of_an_income_answer_counts_once(text: str, income: int) -> None:
    reading = read_message(text, understand(text), ["income"], {}, {"members": [{"relation": "self"}]})
    said = reading.facts["income"]
    assert said["earned_krw"] + said["other_krw"] == income


def test_an_amount_with_a_word_of_kind_is_not_unlabelled() -> None:
    assert unlabelled_amounts("월급 200 받아요") == 0


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("아버지가 정왕동서 혼자 사시는디 노인맞춤돌봄 그거 신청 되는감유?", "parent"),
        ("我妈妈73岁，和我们一起住。她能领 기초연금 吗？", "parent"),
        ("My mom is 70 and lives alone, can she get the basic pension?", "parent"),
        ("Mẹ chồng em 77 tuổi, sống cùng nhà em. 노인맞춤돌봄 bà có được không?", "parent"),
        ("我丈夫45岁，是重度残疾。他能领残疾人年金吗？", "spouse"),
        ("엄마가 혼자 키워주셨어요 저 기초생활수급 되나요", None),
        ("I live with my mom, can I get housing benefit?", None),
    ],
)
def test_who_the_question_is_about(text: str, who: str | None) -> None:
    assert asking_for(text) == who


def test_a_parents_age_said_alone_after_the_question_is_the_applicants() -> None:
    reading = read_message("여든셋이셔유", understand("여든셋이셔유"), ["age"], {}, {}, applicant="parent")
    assert reading.facts["members"] == [{"relation": "self", "age": 83}]


def test_a_bare_amount_answers_the_income_question_in_man_won() -> None:
    assert parse_answer("income", "170이에요", {}, {}) == {
        "income": {"earned_krw": 0, "other_krw": 1_700_000}
    }
    assert parse_answer("income", "Can I get the basic pension? I am 70 ", {}, {}) is None


def test_a_corrected_amount_keeps_the_kind_it_corrects() -> None:
    facts = {"members": [{"relation": "self"}], "income": {"earned_krw": 1_500_000, "other_krw": 0}}
    ledger: dict[str, dict[str, Any]] = {
        "income": {"status": "said", "turn": 1, "asks": 0},
        "assets": {"status": None, "turn": 1, "asks": 1},
    }
    text = "아 아니다 이번에 올라서 170이에요"
    reading = read_message(text, understand(text), ["assets"], ledger, facts)
    assert reading.facts["income"] == {"earned_krw": 1_700_000, "other_krw": 0}
    assert "assets" not in reading.facts


def test_i_dont_know_to_two_questions_answers_the_first() -> None:
    reading = read_message("I don't know", understand("I don't know"), ["nationality", "income_kind"], {}, {})
    assert reading.refused == ["nationality"]


@pytest.mark.parametrize(
    "text", ["The community center said my own 소득인정액 is zero, btw", "소득인정액이 0원이래요"]
)
def test_a_recognised_income_of_zero_is_read(text: str) -> None:
    assert extract_facts(text)["income_recognition_krw"] == 0


def test_years_in_gyeonggi_in_chinese_words_give_the_current_stay_and_the_total() -> None:
    text = "这次搬回来一年了，以前在安山住过十年，加起来十一年"
    patch = parse_answer("gyeonggi_residence_years", text, extract_facts(text), {})
    assert patch == {"gyeonggi_residence_years": 1.0, "gyeonggi_total_residence_years": 11.0}


def test_a_grade_said_of_him_is_the_sons() -> None:
    facts = extract_facts("Does my son qualify for education benefit? He's in 4th grade.")
    assert [m.get("school") for m in facts["members"] if m.get("relation") == "child"] == ["elementary"]


def test_can_my_mom_and_i_get_asks_for_the_program() -> None:
    u = understand("can my mom and I get the near-poverty (chasangwi) certificate?")
    assert u.programs == ["near_poverty"]


@pytest.mark.parametrize(
    ("text", "assets"),
    [
        (
            "전세 칠천에 살구 통장엔 한 삼백 있을거유",
            {"property_krw": 70_000_000, "financial_krw": 3_000_000},
        ),
        ("전세 2억 대출 1억", {"property_krw": 200_000_000, "debt_krw": 100_000_000}),
        (
            "nhà thuê 전세 120 triệu won, nợ ngân hàng 60 triệu, tiết kiệm 3 triệu",
            {"property_krw": 120_000_000, "debt_krw": 60_000_000, "financial_krw": 3_000_000},
        ),
    ],
)
def test_a_jeonse_deposit_is_property_and_a_bank_debt_is_debt(text: str, assets: dict[str, int]) -> None:
    assert extract_facts(text)["assets"] == assets


def test_a_household_counted_in_dialect() -> None:
    assert len(extract_facts("남편 내 딸 아들 너이다")["members"]) == 4


def test_relatives_who_are_not_well_off_do_not_wipe_the_income() -> None:
    facts = {
        "members": [{"relation": "self"}, {"relation": "spouse"}],
        "income": {"earned_krw": 0, "other_krw": 1_400_000},
    }
    text = "딸 둘 있는디 다 시집가서 지들 살기 바빠유. 돈 잘버는 애들은 아니유"
    reading = read_message(text, understand(text), ["support_obligor"], {}, facts)
    assert reading.facts["income"] == {"earned_krw": 0, "other_krw": 1_400_000}


@pytest.mark.parametrize(
    ("text", "single"),
    [("한부모는 아니에요", False), ("I'm not a single parent", False), ("한부모예요", True)],
)
def test_a_single_parent_said_or_denied(text: str, single: bool) -> None:
    assert extract_facts(text)["single_parent"] is single


def test_an_age_she_gives_herself_is_not_a_childs() -> None:
    text = "Could you check if I can receive the monthly child allowance? I just turned 45. Five of us: me, my husband and three kids"
    reading = read_message(text, understand(text), [], {}, {})
    assert [m.get("age") for m in reading.facts["members"] if m["relation"] == "child"] == [None, None, None]


@pytest.mark.parametrize(
    ("text", "program"),
    [
        ("Is it possible for me to get livelihood aid?", "livelihood_benefit"),
        ("老人定制照顾我能拿到吗？", "senior_customized_care"),
    ],
)
def test_more_ways_to_ask_for_a_program(text: str, program: str) -> None:
    u = understand(text)
    assert u.programs == [program]


@pytest.mark.parametrize(
    ("text", "obligor"),
    [
        ("딸 하나 있는데 시집가서 지 살기 바빠예 부자 아입니더", "meets"),
        ("돈 잘버는 애들은 아니유", "meets"),
        ("아들이 의사예요", "fails"),
        ("아들이 부자예요 근데 연락 안해요", "fails"),
    ],
)
def test_relatives_not_well_off_said_in_dialect(text: str, obligor: str) -> None:
    assert parse_answer("support_obligor", text, {}, {}) == {"support_obligor": obligor}


def test_nothing_answers_the_income_question_though_it_names_someone() -> None:
    text = "nothing, husband controlled all the money"
    facts = {"members": [{"relation": "self"}, {"relation": "child", "age": 4}]}
    reading = read_message(text, understand(text), ["income"], {}, facts)
    assert reading.facts["income"] == {"earned_krw": 0, "other_krw": 0}


def test_a_baby_born_a_month_ago_in_chinese() -> None:
    babies = [m for m in extract_facts("老三一个月前出生了！")["members"] if m["relation"] == "child"]
    assert babies[0]["months_old"] == 1


def test_a_person_named_in_passing_after_the_household_is_told_is_not_a_member() -> None:
    facts = {"members": [{"relation": "self"}, {"relation": "child", "age": 4}]}
    ledger: dict[str, dict[str, Any]] = {"household": {"status": "answered", "turn": 2, "asks": 1}}
    text = "nothing, husband controlled all the money"
    reading = read_message(text, understand(text), ["income"], ledger, facts)
    assert [m["relation"] for m in reading.facts["members"]] == ["self", "child"]


def test_just_the_two_of_us_is_not_alone() -> None:
    assert "members" not in extract_facts("就我们两个")
    assert extract_facts("就我自己")["members"] == [{"relation": "self"}]
