"""Facts and questions residents write that were misread, found in session 17: ages in native Korean words
before another word, lists of children's ages, months away on a trip, a husband's death told with a bracket,
whose nationality follows an age, receipts in honorific Korean, syllables that are not amounts, accidents and
past collapses that are not dangers now, and questions that are answered rather than checked."""

from __future__ import annotations

from typing import Any

import pytest

from graphs.dialogue.danger import rule_danger_reply
from graphs.dialogue.reading import read_message
from graphs.dialogue.turn import Before, Decision, decide
from graphs.nlu import understand
from graphs.nlu.danger import has_danger_word
from graphs.nlu.facts import amount_holders, extract_facts
from graphs.nlu.intent import crisis_signals
from graphs.nlu.numbers import find_ages, find_money
from graphs.nlu.programs import detect_programs


def _decide(text: str) -> Decision:
    signals = crisis_signals(text)
    u = understand(text)
    reading = read_message(text, u, [], {}, {}, None)
    return decide(u, reading, text, Before(danger=rule_danger_reply(text, signals, []), danger_kinds=signals))


def _children(text: str) -> list[dict[str, Any]]:
    return [m for m in extract_facts(text).get("members") or [] if m.get("relation") == "child"]


@pytest.mark.parametrize(("text", "years"), [("일흔둘 혼자 살아요", 72), ("나이 예순여섯 남편이랑 둘이", 66)])
def test_a_native_age_word_before_another_word_is_an_age(text: str, years: int) -> None:
    assert [a.value for a in find_ages(text) if a.unit == "years"] == [years]


@pytest.mark.parametrize("text", ["스무 명 정도 일하는 회사", "서른 평 아파트", "스물 두 명"])
def test_a_native_number_that_counts_something_is_not_an_age(text: str) -> None:
    assert find_ages(text) == []


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("Nhà em 5 người, 3 đứa con 15, 12 và 7 tuổi.", [15, 12, 7]),
        ("애들은 14, 10, 5살", [14, 10, 5]),
        ("两个孩子7和9岁", [7, 9]),
    ],
)
def test_a_list_of_ages_with_one_unit_is_each_child_s(text: str, ages: list[int]) -> None:
    assert [c.get("age") for c in _children(text)] == ages


@pytest.mark.parametrize(
    "text",
    [
        "Tôi muốn đưa con (6 tuổi) về Việt Nam thăm ông bà ngoại khoảng 4 tháng.",
        "I am taking my son (6) to the Philippines for about 4 months.",
        "친정 베트남 가서 3개월 정도 있을 건데",
    ],
)
def test_months_away_on_a_trip_are_not_a_baby(text: str) -> None:
    assert not any(a.unit == "months" for a in find_ages(text))


def test_a_baby_s_months_after_a_trip_told_are_still_hers() -> None:
    assert [(a.value, a.unit) for a in find_ages("친정 다녀왔어요 애기는 4개월이에요")] == [(4, "months")]


def test_a_husband_s_death_told_with_a_bracket_and_a_daughter_s_nationality_after_her_age() -> None:
    facts = extract_facts(
        "Chồng tôi (người Hàn) mất tháng trước vì tai nạn. Tôi vẫn là người nước ngoài (visa F-6), "
        "đang nuôi con gái 7 tuổi quốc tịch Hàn."
    )
    assert facts.get("crisis") == ["breadwinner_death"]
    assert {m["relation"]: m.get("nationality") for m in facts["members"]} == {"self": "XX", "child": "KR"}


def test_a_receipt_said_in_honorific_korean_is_not_a_question() -> None:
    asked, receiving = detect_programs("엄마(77세, 기초연금 받으심)가 노인맞춤돌봄 신청했는데")
    assert (asked, receiving) == (["senior_customized_care"], ["basic_pension"])


def test_restructuring_is_not_an_amount() -> None:
    assert find_money("회사 구조조정으로 잘리고") == []


def test_an_accident_injury_told_as_the_cause_of_a_need_is_not_a_word_of_danger() -> None:
    assert not has_danger_word("아버지가 작년에 낙상사고로 척수를 다치셔서 지체장애 등록은 했어요")
    assert has_danger_word("남편이 때려서 다쳤어요")


@pytest.mark.parametrize(
    ("text", "intent", "programs"),
    [
        # a collapse last week: her question about an alarm service is answered, the 119 line first
        (
            "我妈妈76岁，一个人住在정왕동。上周在家晕倒，过了一天邻居才发现。有没有什么服务可以在家里出事时自动报警？",
            "program_info",
            [],
        ),
        # free legal advice for a deposit: answered with where to go, not the household profile
        (
            "전세 계약 끝났는데 집주인이 보증금 못준대요. 변호사 쓸 돈은 없는데 무료로 상담 받을 수 있는 데 없나요?",
            "program_info",
            [],
        ),
        # mental health counselling asked for: a service, not our officer
        (
            "I've been really depressed, I want to talk to someone. Is there free mental health counselling?",
            "program_info",
            [],
        ),
        # an appeal of a decision already made: how to appeal, not her check
        (
            "엄마가 노인맞춤돌봄 신청했는데 대상자가 아니라고 통보가 왔어요. 이의신청 할 수 있나요? 기한이 있어요?",
            "program_info",
            ["senior_customized_care"],
        ),
        # money while looking for work after unemployment benefit ran out: 국민취업지원제도
        (
            "실업급여도 다 끝났어요. 구직하는 동안 받을 수 있는 지원금 같은거 없을까요?",
            "eligibility_check",
            ["national_employment_support"],
        ),
    ],
)
def test_questions_answered_as_asked(text: str, intent: str, programs: list[str]) -> None:
    d = _decide(text)
    assert (d.intent, d.programs) == (intent, programs)
    assert d.danger != "crisis_reply"


def _by_relation(text: str) -> list[tuple[str, Any]]:
    return [(m.get("relation"), m.get("age")) for m in extract_facts(text).get("members") or []]


@pytest.mark.parametrize(
    "text", ["부모님이랑 같이 살아요", "엄마 아빠랑 같이 살아요", "엄빠랑 신천동 아파트 같이삼"]
)
def test_living_with_both_parents_is_two_members(text: str) -> None:
    assert [r for r, _ in _by_relation(text)] == ["self", "parent", "parent"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("집사람 예순다섯 아니구 예순넷이유", [("self", None), ("spouse", 64)]),
        ("남편 45 아니고 46", [("self", None), ("spouse", 46)]),
        ("아 잘못 골았수다. 큰아이 생일 지나서 이제 열 살이우다", [("self", None), ("child", 10)]),
        ("딸 하나 키우는데 서른다섯이에요", [("self", 35), ("child", None)]),
        ("아버지 모시고 사는데 여든넷이세요", [("self", None), ("parent", 84)]),
        (
            "큰아이 아홉 살, 쌍둥이가 다섯 살이우다.",
            [("self", None), ("child", 9), ("child", 5), ("child", 5)],
        ),
    ],
)
def test_whose_age_and_which_age_stands(text: str, expected: list[tuple[str, Any]]) -> None:
    assert _by_relation(text) == expected


def test_an_amount_said_instead_of_another_replaces_it() -> None:
    assert extract_facts("월급 200 아니고 250")["income"] == {"earned_krw": 2500000}


def test_wages_and_child_support_in_jeju_words_and_the_baby_s_father_is_not_a_baby() -> None:
    facts = extract_facts(
        "큰아이 아홉 살, 쌍둥이가 다섯 살이우다. 회사 경리로 이백삼십 받고, 애기 아방이 양육비 오십씩 보내줌수다."
    )
    assert facts["income"] == {"earned_krw": 2300000, "other_krw": 500000}
    assert len([m for m in facts["members"] if m["relation"] == "child"]) == 3


def test_a_son_asking_for_his_mother_who_lives_alone_keeps_her_age_and_her_town() -> None:
    facts = extract_facts(
        "우리 어무이 일로 좀 물어볼라꼬예. 어무이가 올해 일흔아홉이신데 정왕동 빌라에 혼자 사십니더. "
        "지는 쉰여덟인데 안산에 따로 살고 있고."
    )
    assert ("parent", 79) in _by_relation(
        "어무이가 올해 일흔아홉이신데 정왕동 빌라에 혼자 사십니더. 지는 쉰여덟인데 안산에 따로 살고 있고."
    )
    assert facts["region"] == {"sido": "경기도", "sigungu": "시흥시"}


def test_long_term_care_never_applied_for_is_none() -> None:
    member = extract_facts("장기요양 등급 그런 건 신청 안 해봤어예")["members"][0]
    assert member["long_term_care"] is False


def test_a_program_name_typed_with_a_stray_letter_is_still_named() -> None:
    assert detect_programs("나 26살 백수인데 국민취업지웓ㄴ제도 그거 나도됨??")[0] == [
        "national_employment_support"
    ]


def test_a_dialect_tag_question_is_not_a_child_and_a_status_named_as_the_program_is_asked_for() -> None:
    text = "월세 내고 나면 뭐 남는 기 없다 아이가. 기초수급자 생계비 그거 받을 수 있나?"
    assert not any(m.get("relation") == "child" for m in extract_facts(text).get("members") or [])
    assert detect_programs(text) == (["livelihood_benefit"], [])


@pytest.mark.parametrize(
    ("text", "holders"),
    [
        ("我每月一百九十万,老公二百八十万,婆婆基础年金三十四万九千七百", [None, "spouse", "parent"]),
        (
            "아들이 하나 있기는 있는데 그놈도 지 새끼들 키운다꼬 허덕거린다. 공장 다니는데 월급 삼백 조금 넘는다",
            ["child"],
        ),
        ("남편은 없고 월급 200", [None]),
    ],
)
def test_whose_money_it_is(text: str, holders: list[str | None]) -> None:
    assert amount_holders(text) == holders


def test_her_work_and_her_father_s_work() -> None:
    assert extract_facts("저 회사 다녀요")["members"][0]["employed"] is True
    assert "members" not in extract_facts("아빠는 회사다니고 월급 380")


@pytest.mark.parametrize(
    ("text", "income"),
    [
        ("남편 300, 저 200 벌어요", {"earned_krw": 5000000}),
        ("지가 삼백오십, 집사람이 이백 벌어유", {"earned_krw": 5500000}),
        ("저는 학교 급식실 조리사로 220, 남편은 아파트 경비로 230 받아요", {"earned_krw": 4500000}),
        ("작년에 일년 합쳐서 천이백 벌었어요", {"earned_krw": 1000000}),
        ("I make about 30 million won a year", {"earned_krw": 2500000}),
        ("月薪三百万", {"earned_krw": 3000000}),
        (
            "his national pension, 1.1 million, and our daughter sends us 400,000 every month",
            {"other_krw": 1500000},
        ),
        ("영감이 삼 주 전에 돌아가셨어유. 들어오는 돈이 한 푼도 읎어유", {"earned_krw": 0, "other_krw": 0}),
    ],
)
def test_income_as_residents_tell_it(text: str, income: dict[str, int]) -> None:
    assert extract_facts(text)["income"] == income


def test_a_husband_called_yeonggam_who_died_is_a_crisis_and_not_a_member() -> None:
    facts = extract_facts("우리 영감이 삼 주 전에 갑자기 돌아가셨어유. 나는 예순여섯이구")
    assert facts["crisis"] == ["breadwinner_death"]
    assert [m["relation"] for m in facts["members"]] == ["self"]


@pytest.mark.parametrize(
    ("text", "children"),
    [
        ("둘째 임신 중인데요🤰 (지금 6개월이요!) 첫째가 26개월 아들이에요", [(2, 26)]),
        ("셋째를 삼 주 전에 낳았당께요 위로 여섯 살, 네 살 있고라", [(0, 0), (6, None), (4, None)]),
        (
            "큰애는 대학교 1학년(19), 작은애는 고3(17)인데 고등학생 교육급여 받을 수 있나요",
            [(19, None), (17, None)],
        ),
        ("our son who turns 8 next month", [(7, None)]),
    ],
)
def test_children_as_residents_tell_of_them(text: str, children: list[tuple[int, int | None]]) -> None:
    assert [(c.get("age"), c.get("months_old")) for c in _children(text)] == children


def test_years_lived_here_said_in_words() -> None:
    assert extract_facts("배곧에서 산 지는 삼 년 좀 넘었어라")["region"]["months_resident"] == 36


def test_a_basic_living_allowance_and_help_with_the_rent_are_asked_by_name() -> None:
    asked = detect_programs("Is there a basic living allowance for us? And help with the rent?")[0]
    assert asked == ["livelihood_benefit", "housing_benefit"]


def test_a_vietnamese_mother_s_wages_rent_and_son_and_an_amount_restated_in_brackets() -> None:
    facts = extract_facts(
        "Em 44 tuổi, làm thêm ở quán ăn được tám trăm nghìn won (80 vạn) một tháng. Con trai em 12 tuổi. "
        "Tiền nhà 50 vạn cũng sắp không trả nổi."
    )
    assert [(m["relation"], m.get("age")) for m in facts["members"]] == [("self", 44), ("child", 12)]
    assert facts["income"] == {"earned_krw": 800000}
    assert facts["housing"]["rent_krw"] == 500000
    assert extract_facts("Tiền cọc nhà 2 ngàn vạn, tiết kiệm 3 triệu won (300 vạn)")["assets"] == {
        "property_krw": 20000000,
        "financial_krw": 3000000,
    }


def test_an_english_family_with_bracketed_jobs_and_a_total() -> None:
    facts = extract_facts(
        "Me 42 (engineer, ~4.2m), wife 40 (part-time, ~0.9m), kids 17 (high school) and 15 (middle school). "
        "Roughly 5.1 million combined before tax."
    )
    assert [m.get("age") for m in facts["members"]] == [42, 40, 17, 15]
    assert facts["income"] == {"earned_krw": 5100000}


def test_emergency_money_is_a_program_not_a_danger() -> None:
    assert not has_danger_word("i have zero income now. is there any emergency money?")
    assert detect_programs("is there any emergency money? and help with rent?")[0] == [
        "emergency_welfare",
        "housing_benefit",
    ]


def test_vietnamese_amounts_in_van_words_and_a_daughter_who_sends_money_lives_apart() -> None:
    facts = extract_facts(
        "bây giờ tôi sống một mình. Tôi nhận lương hưu của chồng để lại (유족연금) chín mươi vạn, "
        "con gái gửi thêm mỗi tháng ba mươi lăm vạn. Tiền nhà thuê ba mươi vạn."
    )
    assert facts["members"] == [{"relation": "self"}]
    assert facts["income"] == {"other_krw": 1250000}
    assert facts["housing"]["rent_krw"] == 300000


@pytest.mark.parametrize("text", ["上个星期刚生了第一个宝宝", "出生一个星期"])
def test_a_baby_born_a_week_ago_is_a_newborn(text: str) -> None:
    assert [(c.get("months_old"), c.get("age")) for c in _children(text)] == [(0, 0)]


def test_naturalised_in_vietnamese_and_part_time_wages() -> None:
    facts = extract_facts("em 42 tuổi (gốc Việt, đã nhập tịch) làm bán thời gian được bảy trăm nghìn")
    assert facts["members"][0]["nationality"] == "KR"
    assert facts["income"] == {"earned_krw": 700000}


def test_a_teenager_hit_at_home_without_a_bed_tonight_gets_the_youth_line_first() -> None:
    from graphs.referrals import crisis_kinds, crisis_lines

    text = "집에서 아빠가 계속 때려서 나왔는데 오늘 잘데가없어 친구집도 이제 안된대 어떡해"
    kinds = crisis_kinds(crisis_signals(text), text)
    assert kinds[0] == "youth"
    assert "1388" in crisis_lines(kinds, "ko")[0]
    assert "youth" not in crisis_kinds(["violence"], "남편이 때려서 집을 나왔어요")


@pytest.mark.parametrize("text", ["hi, so I had to close my small cafe 3 weeks ago", "식당 문 닫았어요"])
def test_a_closed_cafe_is_a_business_closure(text: str) -> None:
    assert extract_facts(text)["crisis"] == ["business_closure"]
