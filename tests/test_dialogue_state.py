"""The conversation's own modules on their own: the ledger, reading a message, and the policy."""

from __future__ import annotations

from typing import Any

import pytest

from graphs.dialogue import ledger as lg
from graphs.dialogue.policy import (
    PROBE_SIZE,
    assumed_facts,
    household_probe,
    income_kind_probe,
    nationality_probe,
    next_questions,
    related_question,
)
from graphs.dialogue.proxy import as_applicant, asking_for
from graphs.dialogue.reading import Reading, read_message
from graphs.dialogue.turn import turn_intent
from graphs.nlu import understand
from graphs.nlu.facts import extract_facts, states_income_kind
from graphs.slots import relevant_slots


def _read(
    message: str, pending: list[str], facts: dict[str, Any] | None = None, ledger: lg.Ledger | None = None
) -> Reading:
    return read_message(message, understand(message), pending, ledger or {}, facts or {})


def test_ledger_records_corrections_refusals_and_asks() -> None:
    ledger = lg.record({}, ["age"], "answered", 1)
    assert lg.status(ledger, "age") == "answered"
    ledger = lg.record(ledger, ["age"], "said", 3)
    assert lg.status(ledger, "age") == "corrected"
    ledger = lg.record(ledger, ["income"], "refused", 3)
    ledger = lg.count_asks(lg.count_asks(ledger, ["assets"], 2), ["assets"], 3)
    assert lg.refused(ledger) == ["income"]
    assert lg.asks(ledger, "assets") == 2
    assert lg.known(ledger) == ["age"]


def test_a_negation_applies_to_its_own_fact() -> None:
    income = _read("한 달 소득은 80만원 정도예요", ["household"])
    after = _read("받는 급여는 없어요", ["household"], income.facts)
    assert after.facts["income"]["other_krw"] == 800000
    assert after.facts["receiving"] == []


@pytest.mark.parametrize(
    ("message", "relations"),
    [
        ("남편이랑 아기랑 셋이 살아요", ["self", "spouse", "child"]),
        ("me, my husband and our baby", ["self", "spouse", "child"]),
        ("我和老公还有孩子三口人", ["self", "spouse", "child"]),
        ("tôi, chồng và con", ["self", "spouse", "child"]),
        ("아내와 아이 둘, 넷이 살아요", ["self", "spouse", "child", "child"]),
    ],
)
def test_household_statements_build_members(message: str, relations: list[str]) -> None:
    reading = _read(message, ["household"])
    assert [m.get("relation") for m in reading.facts["members"]] == relations
    assert "household" in reading.answered


@pytest.mark.parametrize(("message", "age"), [("예순두 살이요", 62), ("일흔둘이요", 72), ("칠십이세요", 72)])
def test_a_short_reply_answers_the_pending_question(message: str, age: int) -> None:
    reading = _read(message, ["age"])
    assert reading.facts["members"][0]["age"] == age
    assert reading.answered == ["age"]


def test_a_correction_replaces_the_value() -> None:
    first = _read("여섯 살이에요", ["child_age"], {"members": [{"relation": "self"}, {"relation": "child"}]})
    ledger = lg.record({}, first.answered, "answered", 1)
    second = _read("아 아니다, 여덟 살이에요", [], first.facts, ledger)
    assert second.facts["members"][1]["age"] == 8


def test_named_members_in_passing_do_not_drop_the_baby() -> None:
    household = _read("남편이랑 아기랑 셋이 살아요", ["household"])
    money = _read("남편 월급 300이요", ["income"], household.facts)
    assert [m.get("relation") for m in money.facts["members"]] == ["self", "spouse", "child"]
    assert money.facts["income"]["earned_krw"] == 3_000_000


def test_a_refusal_names_its_fact() -> None:
    reading = _read("소득은 말하기 싫어요", ["assets"])
    assert reading.refused == ["income"]


def test_money_words_stay_apart() -> None:
    assert _read("전세보증금 1억이에요", ["assets"]).facts["assets"]["property_krw"] == 100_000_000
    deposit = _read("5 million won rental deposit", ["assets"]).facts
    assert deposit["assets"]["property_krw"] == 5_000_000
    assert "rent_krw" not in (deposit.get("housing") or {})


def test_a_child_age_in_english_belongs_to_the_child() -> None:
    facts = _read("I'm 34 with a 3-year-old child", []).facts
    assert facts["members"][0]["age"] == 34
    assert facts["members"][1] == {"relation": "child", "age": 3}


def test_nationality_is_read_for_the_right_member() -> None:
    assert _read("Tôi là người Việt Nam, visa E-7", []).facts["members"][0]["nationality"] == "VN"
    spouse = _read("베트남 출신 아내랑 살아요", []).facts["members"][1]
    assert spouse == {"relation": "spouse", "nationality": "VN"}
    assert "members" not in _read("서울 출신이에요", []).facts


def _unknown(
    program: str, missing: list[str], criteria: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    return {"program_id": program, "status": "unknown", "missing": missing, "criteria": criteria or []}


def test_a_related_program_is_asked_one_question_that_decides_it() -> None:
    related = [
        _unknown("child_allowance", ["child_age"]),
        _unknown("livelihood_benefit", ["support_obligor"]),
    ]
    with_children = {"members": [{"relation": "self"}, {"relation": "child"}, {"relation": "child"}]}
    assert related_question(related, {}, with_children) == (["child_age"], ["child_allowance"])
    aged = {"members": [{"relation": "self"}, {"relation": "child", "age": 7}]}
    # every child's age known: the family-support question that alone decides 생계급여 instead
    assert related_question(related, {}, aged) == (["support_obligor"], ["livelihood_benefit"])
    alone = {"members": [{"relation": "self"}]}
    assert related_question(related[:1], {}, alone) == ([], [])  # no child mentioned: no child's age asked
    asked = lg.count_asks({}, ["child_age"], 2)
    assert related_question(related, asked, with_children) == ([], [])  # one such question in a conversation
    undecided = [_unknown("livelihood_benefit", ["support_obligor", "assets"])]
    assert related_question(undecided, {}, aged) == ([], [])  # one answer would not decide it: not asked


def test_policy_asks_only_what_can_change_an_undecided_status() -> None:
    results = [
        _unknown("basic_pension", ["age", "assets"]),
        _unknown("near_poverty", ["assets"]),
        {"program_id": "child_allowance", "status": "ineligible", "missing": [], "criteria": []},
    ]
    assert next_questions(results, {}) == ["assets", "age"]
    ledger = lg.record({}, ["assets"], "refused", 2)
    assert next_questions(results, ledger) == ["age"]
    asked = lg.count_asks(lg.count_asks(lg.count_asks({}, ["age"], 1), ["age"], 2), ["age"], 3)
    assert "age" not in next_questions(results, asked)
    income_refused = lg.record({}, ["income"], "refused", 2)  # assets alone may still exceed the threshold
    assert next_questions([_unknown("basic_pension", ["income", "assets"])], income_refused) == ["assets"]


def test_policy_asks_the_household_for_income_tests() -> None:
    criteria = [{"name": "income_recognition", "passed": None, "detail": "", "source": ""}]
    assert next_questions([_unknown("basic_pension", ["income"], criteria)], {})[0] == "household"


def test_receiving_is_assumed_only_where_it_only_excludes_and_nothing_hints_otherwise() -> None:
    assert assumed_facts(["basic_pension"], {}, {}) == {"receiving": []}
    disabled = {"members": [{"relation": "self", "disability": "severe"}]}
    assert assumed_facts(["basic_pension"], disabled, {}) == {}
    assert assumed_facts(["senior_customized_care"], {}, {}) == {}
    said = lg.record({}, ["receiving"], "said", 1)
    assert assumed_facts(["basic_pension"], {}, said) == {}


@pytest.mark.parametrize(
    "message",
    ["남편이랑 셋이 살아요", "저 혼자 살아요", "아기는 지난달에 태어났어요", "아내와 아이 둘, 넷이 살아요"],
)
def test_plain_facts_start_discovery_not_a_crisis(message: str) -> None:
    u = understand(message)
    reading = read_message(message, u, [], {}, {})
    intent, _ = turn_intent(u, reading, flow=None, pending=[])
    assert intent == "benefit_discovery"


def test_facts_continue_the_flow_they_belong_to() -> None:
    message = "시흥에서 태어나서 계속 살았어"
    u = understand(message)
    reading = read_message(message, u, ["months_resident"], {}, {})
    intent, _ = turn_intent(u, reading, flow="eligibility_check", pending=["months_resident"])
    assert intent == "eligibility_check"


def _result(program: str, status: str, criteria: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"program_id": program, "status": status, "missing": [], "criteria": criteria or []}


def test_nationality_is_asked_where_a_foreign_nationality_would_change_the_status() -> None:
    facts = {"members": [{"relation": "self", "age": 70}]}
    assert nationality_probe("ko", facts, {}) is None  # written in Korean: assumed, and named
    probe = nationality_probe("en", facts, {})
    assert probe is not None
    assert probe["members"][0]["nationality"] == "XX"
    assert nationality_probe("en", facts, lg.record({}, ["nationality"], "answered", 1)) is None
    results = [_result("basic_pension", "eligible"), _result("child_allowance", "ineligible")]
    probes = {"nationality": [_result("basic_pension", "unknown"), _result("child_allowance", "ineligible")]}
    assert next_questions(results, {}, probes) == ["nationality"]
    assert next_questions(results, {}, {"nationality": results}) == []  # it changes nothing: not asked


def test_the_city_is_asked_where_the_program_is_the_citys() -> None:
    residence = [{"name": "residence", "passed": True, "detail": "시흥시 거주 (가정)", "source": ""}]
    results = [_result("siheung_birth_support", "eligible", residence)]
    assert next_questions(results, {}) == ["region"]
    assert next_questions(results, lg.record({}, ["region"], "answered", 1)) == []
    assert next_questions([_result("basic_pension", "eligible")], {}) == []


def test_several_children_of_unknown_age_are_asked_together() -> None:
    results = [_unknown("first_meeting_voucher", ["months_old"])]
    two = {"members": [{"relation": "self"}, {"relation": "child"}, {"relation": "child"}]}
    assert next_questions(results, {}, None, two) == ["child_age"]
    one = {"members": [{"relation": "self"}, {"relation": "child"}]}
    assert next_questions(results, {}, None, one) == ["months_old"]


def test_a_babys_birth_date_goes_to_the_child_whose_age_is_unknown() -> None:
    facts = {
        "members": [
            {"relation": "self", "age": 27},
            {"relation": "child", "age": 5},
            {"relation": "child", "age": 3},
            {"relation": "child"},
        ]
    }
    reading = _read("네네 2026년 1월 16일생이야", ["region", "months_resident"], facts)
    children = [m for m in reading.facts["members"] if m.get("relation") == "child"]
    assert children == [
        {"relation": "child", "age": 5},
        {"relation": "child", "age": 3},
        {"relation": "child", "birth_date": "2026-01-16"},
    ]


def test_a_corrected_household_is_the_whole_household() -> None:
    facts = {"members": [{"relation": "self"}, {"relation": "spouse"}, {"relation": "child", "age": 10}]}
    ledger = lg.record({}, ["household"], "answered", 1)
    reading = _read("Khong phai, Toi song voi vo", ["assets"], facts, ledger)
    assert [m["relation"] for m in reading.facts["members"]] == ["self", "spouse"]
    dialect = _read("마, 죄송해요 아까 틀렸어예, 두 식구라예. 아내", ["income"], facts, ledger)
    assert [m["relation"] for m in dialect.facts["members"]] == ["self", "spouse"]


def test_none_answers_the_question_it_can_answer() -> None:
    reading = _read("none", ["nationality", "receiving"])
    assert reading.answered == ["receiving"]
    assert reading.facts["receiving"] == []
    assert _read("No, I'm Chinese", ["nationality"]).facts["members"][0]["nationality"] == "CN"


def test_relatives_described_over_two_clauses_meet_the_family_rule() -> None:
    reading = _read("有一个女儿在中国，她自己也困难", ["support_obligor"])
    assert reading.facts["support_obligor"] == "meets"
    assert (
        _read("시부모님은 돌아가셨고 친정엄마는 혼자 기초연금으로 사세요", ["support_obligor"]).facts[
            "support_obligor"
        ]
        == "meets"
    )


def test_short_answers_in_words_and_durations() -> None:
    assert _read("hai mươi tám", ["age"]).facts["members"][0]["age"] == 28
    reading = _read("아 다시 세어보니 반년이 아니라 넉 달이네요", ["months_resident"])
    assert reading.facts["region"]["months_resident"] == 4
    assert _read("三年了，36个月", ["months_resident"]).facts["region"]["months_resident"] == 36


def test_asking_for_a_parent_makes_the_parent_the_applicant() -> None:
    assert asking_for("어머니 대신 문의드립니다") == "parent"
    assert asking_for("I'm asking for my mother") == "parent"
    assert asking_for("어머니랑 둘이 살아요") is None
    reading = read_message(
        "어머니 일흔일곱이세요", understand("어머니 일흔일곱이세요"), ["age"], {}, {}, applicant="parent"
    )
    assert reading.facts["members"] == [{"relation": "self", "age": 77}]
    alone = read_message("혼자 사세요", understand("혼자 사세요"), ["household"], {}, {}, applicant="parent")
    assert alone.facts["members"] == [{"relation": "self"}]


def test_an_age_said_of_him_or_her_is_the_applicants_when_asking_for_a_parent() -> None:
    message = "I'm asking for my dad, who lives alone in Siheung. He's 79. Can he get the basic pension?"
    assert asking_for(message) == "parent"
    said = as_applicant(extract_facts(message), "parent", message)
    assert said["members"] == [{"relation": "self", "age": 79}]
    korean = "저는 베트남 며느리에요. 시어머니 혼자 사세요 노인돌봄 신청하고싶어요"
    assert asking_for(korean) == "parent"


def test_the_age_she_gives_as_her_own_wins_over_one_in_her_question() -> None:
    facts = extract_facts("경기도 청년기본소득 24살만 되는거에요? 저 올해 25인데 작년에 못 받았거든요")
    assert facts["members"] == [{"relation": "self", "age": 25}]


def test_who_lives_together_is_read_while_a_residence_question_is_open() -> None:
    message = "Me, my husband and the baby. Husband is Korean, he's 36"
    facts = {"members": [{"relation": "self"}, {"relation": "child", "months_old": 3, "age": 0}]}
    reading = read_message(message, understand(message), ["region", "months_resident"], {}, facts, None)
    relations = sorted(m["relation"] for m in reading.facts["members"])
    assert relations == ["child", "self", "spouse"]


def test_parent_benefit_is_not_rent() -> None:
    assert "housing" not in relevant_slots(
        ["housing"], "I heard about parent benefit and the first meeting voucher"
    )


def test_a_child_named_by_birth_order_stays_that_child() -> None:
    announced = {"members": [{"relation": "self"}, {"relation": "child", "birth_order": 2}]}
    message = "첫째는 네 살이고 둘째는 지난달에 태어났어요"
    reading = read_message(message, understand(message), ["household", "months_old"], {}, announced, None)
    children = [m for m in reading.facts["members"] if m["relation"] == "child"]
    assert [(c.get("birth_order"), c.get("age")) for c in children] == [(None, 4), (2, 0)]


def test_a_child_told_while_the_support_question_is_open_lives_elsewhere() -> None:
    message = "아들 하나 있는데 월급쟁이라 지 식구 건사하기 바빠요"
    facts = {"members": [{"relation": "self"}]}
    reading = read_message(message, understand(message), ["support_obligor"], {}, facts, None)
    assert [m["relation"] for m in reading.facts["members"]] == ["self"]
    assert reading.facts["support_obligor"] == "meets"


@pytest.mark.parametrize(
    ("message", "pending", "expected"),
    [
        ("공장 다니고 220 받아", ["income"], {"earned_krw": 2_200_000, "other_krw": 0}),
        ("zero right now", ["income"], {"earned_krw": 0, "other_krw": 0}),
        ("My dad makes about 5 million won a month. Mom and I have no income", ["income"], {"earned_krw": 5_000_000, "other_krw": 0}),
        ("일해서 1,020만원 벌고 지원금으로 72만원 들어와요", [], {"earned_krw": 10_200_000, "other_krw": 720_000}),
    ],
)  # fmt: skip
def test_income_said_the_way_residents_say_it(
    message: str, pending: list[str], expected: dict[str, int]
) -> None:
    assert _read(message, pending).facts["income"] == expected


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("my own account has 800,000. everything else is in his name", (0, 800_000, 0)),
        ("Our house is worth maybe 400 million, about 30 million in savings, and a 150 million mortgage", (400_000_000, 30_000_000, 150_000_000)),
        ("the villa is worth about 120 million, savings 5 million", (120_000_000, 5_000_000, 0)),
    ],
)  # fmt: skip
def test_assets_said_in_english(message: str, expected: tuple[int, int, int]) -> None:
    assets = _read(message, ["assets"]).facts["assets"]
    assert (assets["property_krw"], assets["financial_krw"], assets["debt_krw"]) == expected


def test_me_and_the_kids_two_of_them_is_three_people() -> None:
    members = _read("저랑 애들 둘이요 중3 초5", ["household"]).facts["members"]
    assert [m["relation"] for m in members] == ["self", "child", "child"]


def test_a_son_busy_making_a_living_on_an_ordinary_wage_meets_the_support_rule() -> None:
    message = "아들 하나 있는디 지도 먹고살기 바빠 따로 살어요. 공장 댕기는디 한달 250 버는가"
    facts = _read(message, ["support_obligor"], {"members": [{"relation": "self"}]}).facts
    assert facts["support_obligor"] == "meets"
    assert "income" not in facts


def test_the_in_laws_gone_are_no_obligors_and_no_breadwinners_death() -> None:
    facts = _read("bo me chong mat roi", ["support_obligor"]).facts
    assert facts["support_obligor"] == "none"
    assert "crisis" not in extract_facts("bố mẹ chồng mất rồi")


def test_no_job_is_not_a_job_lost_and_says_nothing_of_relatives() -> None:
    facts = _read("hey, 24M, just moved out of my parents place, no job rn.", []).facts
    assert facts["members"][0]["employed"] is False
    assert "crisis" not in facts
    assert "support_obligor" not in facts


def test_fleeing_violence_with_a_child_and_no_money() -> None:
    facts = extract_facts(
        "I left my husband last week because he hit me. I'm staying at a friend's with my 5 year old. I have no money."
    )
    assert [(m["relation"], m.get("age")) for m in facts["members"]] == [("self", None), ("child", 5)]
    assert facts["crisis"] == ["domestic_violence"]


@pytest.mark.parametrize(
    ("message", "holder", "level"),
    [
        ("Chong em bi khuyet tat nhe", "spouse", "mild"),
        ("my husband has a severe disability", "spouse", "severe"),
        ("64살이에요. 신랑이랑살아요. 장애 정도가 심한장애인이에요.", "self", "severe"),
        ("남편이랑 살고 저는 경증 장애가 있어요", "self", "mild"),
    ],
)
def test_a_disability_belongs_to_the_person_it_is_said_of(message: str, holder: str, level: str) -> None:
    members = extract_facts(message)["members"]
    assert [m["relation"] for m in members if m.get("disability") == level] == [holder]


def test_months_of_a_pregnancy_in_vietnamese_without_marks_are_not_a_baby() -> None:
    members = extract_facts("Em co thai 5 thang, con dau 2 tuoi ruoi (28 thang).")["members"]
    assert members[0].get("pregnant") is True
    assert [m.get("age") for m in members if m["relation"] == "child"] == [2]


def test_a_size_said_again_adds_no_one() -> None:
    facts = {"members": [{"relation": "self"}, {"relation": "spouse", "age": 74}]}
    reading = _read(
        "national pension 600,000 and basic pension about 560,000 for the two of us", ["income"], facts
    )
    assert len(reading.facts["members"]) == 2


def test_an_age_in_native_words_before_grandmother_is_hers() -> None:
    members = _read("혼자사는 예순여섯 할머니인데요 누가 좀 들여다봐주는 서비스 있다고 들었어요", []).facts[
        "members"
    ]
    assert members[0].get("age") == 66


def test_asking_whether_she_can_get_a_program_is_not_receiving_it() -> None:
    reading = _read(
        "생계비도 받을수있나해서요", ["receiving"], {"members": [{"relation": "self", "age": 66}]}
    )
    assert "livelihood_benefit" not in (reading.facts.get("receiving") or [])
    assert not reading.programs_named_as_facts


@pytest.mark.parametrize(
    ("message", "ages"),
    [
        ("me, my wife, kids 3 and 5", [3, 5]),
        ("Can we get the energy voucher? 2 little kids (3 and 5).", [3, 5]),
    ],
)
def test_a_list_of_numbers_after_the_kids_is_their_ages(message: str, ages: list[int]) -> None:
    members = _read(message, ["household"]).facts["members"]
    assert [m.get("age") for m in members if m["relation"] == "child"] == ages


@pytest.mark.parametrize(
    "message",
    [
        "셋째 태어났심더 이십일 됐고예",
        "12, 9, 6살 그리고 이번에 낳은 아기",
        "em mới sinh bé đầu lòng được 10 ngày",
    ],
)
def test_a_baby_born_days_ago_is_zero_months_old(message: str) -> None:
    members = _read(message, []).facts["members"]
    assert [m.get("months_old") for m in members if m["relation"] == "child" and "months_old" in m] == [0]


def test_an_older_child_named_beside_a_newborn_told_before_is_another_child() -> None:
    facts = {"members": [{"relation": "self"}, {"relation": "child", "months_old": 0, "age": 0}]}
    message = "4 người: em, chồng, bé lớn 3 tuổi và bé mới sinh"
    for pending in (["household"], ["months_resident"]):
        members = _read(message, pending, facts).facts["members"]
        children = sorted(
            (m.get("age"), m.get("months_old")) for m in members if m.get("relation") == "child"
        )
        assert children == [(0, 0), (3, None)], pending


def test_the_ae_of_jangae_is_not_a_child() -> None:
    members = _read("장애수당 자격 되나요? 올해 54세예요", []).facts["members"]
    assert [(m["relation"], m.get("age")) for m in members] == [("self", 54)]


@pytest.mark.parametrize(
    ("message", "stated"),
    [
        ("월 182", False),
        ("소득은 200이에요", False),
        ("월급 182", True),
        ("국민연금 30만원", True),
        ("상가 세 삼백만원", True),
    ],
)
def test_whether_a_message_says_the_kind_of_its_income(message: str, stated: bool) -> None:
    assert states_income_kind(message) is stated


def test_income_of_unsaid_kind_is_probed_as_earnings_only_while_unsaid() -> None:
    facts = {
        "members": [{"relation": "self", "age": 36}],
        "income": {"earned_krw": 0, "other_krw": 1_820_000},
    }
    probe = income_kind_probe(facts, unsaid=True)
    assert probe is not None
    assert probe["income"] == {"earned_krw": 1_820_000, "other_krw": 0}
    assert income_kind_probe(facts, unsaid=False) is None


@pytest.mark.parametrize(
    ("answer", "earned"),
    [
        ("일해서 버는 거예요", 1_820_000),
        ("네", 1_820_000),
        ("아니요 연금이랑 임대료예요", 0),
        ("상가 세 받는 거예요", 0),
    ],
)
def test_the_answer_to_whether_income_is_from_work(answer: str, earned: int) -> None:
    facts = {
        "members": [{"relation": "self", "age": 36}],
        "income": {"earned_krw": 0, "other_krw": 1_820_000},
    }
    reading = _read(answer, ["income_kind"], facts, lg.record({}, ["income"], "answered", 2))
    assert reading.answered == ["income_kind"]
    assert reading.facts["income"]["earned_krw"] == earned
    assert sum(reading.facts["income"].values()) == 1_820_000


@pytest.mark.parametrize(
    ("message", "order"), [("Em vừa sinh bé thứ hai được 10 ngày", 2), ("셋째 태어났심더 이십일 됐고예", 3)]
)
def test_the_baby_told_of_has_the_birth_order_said(message: str, order: int) -> None:
    members = _read(message, []).facts["members"]
    assert [m.get("birth_order") for m in members if m["relation"] == "child"] == [order]


def test_the_household_probe_tries_more_people_only_while_the_household_is_untold() -> None:
    probe = household_probe({"income": {"earned_krw": 2_870_000, "other_krw": 0}}, {})
    assert probe is not None
    assert len(probe["members"]) == PROBE_SIZE
    assert probe["members"][0] == {"relation": "self"}
    two = {"members": [{"relation": "self"}, {"relation": "spouse"}]}
    assert household_probe(two, {}) is None  # who lives with her is told


def test_a_birth_date_goes_to_the_infant_not_the_older_child() -> None:
    facts = {
        "members": [
            {"relation": "self"},
            {"relation": "child", "age": 4},
            {"relation": "child", "months_old": 11, "age": 0},
        ]
    }
    ledger = lg.record({}, ["household"], "answered", 1)
    reading = _read("2025년 12월 28일생이에요", ["birth_date"], facts, ledger)
    children = [m for m in reading.facts["members"] if m.get("relation") == "child"]
    assert children[0] == {"relation": "child", "age": 4}
    assert children[1]["birth_date"] == "2025-12-28"


def test_a_spouse_named_with_her_pay_joins_the_children_already_told() -> None:
    facts = {
        "members": [{"relation": "self"}, {"relation": "child", "school": "high"}, {"relation": "child"}]
    }
    reading = _read("저는 회사 다니고 월 380, 와이프는 알바로 60 정도 벌어요", ["household"], facts)
    assert sorted(m["relation"] for m in reading.facts["members"]) == ["child", "child", "self", "spouse"]
    assert reading.facts["income"]["earned_krw"] == 4_400_000


def test_what_was_said_of_a_parent_before_she_is_asked_for_is_hers() -> None:
    earlier = {"members": [{"relation": "self"}, {"relation": "parent", "age": 78}]}
    assert as_applicant(earlier, "parent", "", told_before=True)["members"][0] == {
        "relation": "self",
        "age": 78,
    }
    assert as_applicant(earlier, "parent", "") == earlier  # a reply to her question: unchanged, as asked
