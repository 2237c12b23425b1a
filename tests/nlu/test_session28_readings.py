"""Messages misread, found in session 28 (dev18, written by a helper for development)."""

from __future__ import annotations

import pytest

from graphs.answers.compose import topic_lines, topic_notes
from graphs.answers.focus import asks_a_rule, search_query
from graphs.dialogue.asking import WHAT_CAN_I, asks_about_topic, asks_own_amount
from graphs.memory import merge_facts, replace_members
from graphs.nlu import situation_programs, understand
from graphs.nlu.facts import extract_facts
from graphs.nlu.intent import crisis_signals
from graphs.nlu.language import detect_language
from graphs.nlu.programs import detect_programs
from graphs.slots import parse_answer


@pytest.mark.parametrize(
    ("message", "held"),
    [
        ("수급자는 나라쌀 싸게 살 수 있다던데 열키로에 얼마여? 나 생계급여 받어", "livelihood_benefit"),
        (
            "me and my mom, we are on livelihood benefit, mom is 70. how much energy voucher do we get?",
            "livelihood_benefit",
        ),
        ("My parents rent a small place, they are 차상위. Dad's knee is really bad", "near_poverty"),
    ],
)
def test_a_benefit_said_as_hers_is_held_not_asked(message: str, held: str) -> None:
    asked, receiving = detect_programs(message)
    assert held in receiving
    assert held not in asked


@pytest.mark.parametrize(
    "message", ["생계급여 받어?", "기초연금 받아도 돼요?", "그래도 아들땜에 기초수급자 안되는겨?"]
)
def test_a_benefit_asked_about_is_not_held(message: str) -> None:
    assert detect_programs(message)[1] == []


def test_a_short_sentence_of_what_she_holds_leaves_the_search() -> None:
    query = search_query("수급자는 나라쌀 싸게 살 수 있다던데 열키로에 얼마여? 나 생계급여 받어")
    assert "생계급여" not in query
    # a longer one says what she asks about: it stays
    assert "무릎" in search_query(
        "나가 차상위인디 무릎이 너무 아파서 인공관절 해야 한당께. 나라서 얼매나 보태주요?"
    )


def test_a_grandmother_raising_her_grandchild_is_a_grandparent_family() -> None:
    facts = extract_facts("딸년이 집 나가고 손주놈을 내가 키워요. 손주는 초등학교 삼학년이고 나는 예순여덟.")
    assert facts["single_parent"] is True
    members = facts["members"]
    assert [m["relation"] for m in members] == ["self", "grandchild"]  # the daughter who left is no member
    assert members[0] == {"relation": "self", "age": 68}  # the school is the grandchild's
    assert members[1]["school"] == "elementary"


@pytest.mark.parametrize(
    "message", ["아들이 대기업 댕기는데 나 혼자 살아. 아들이 돈 한푼 안줘", "애들 다 나가고 저 혼자 살아요"]
)
def test_family_named_for_what_they_do_elsewhere_is_no_member(message: str) -> None:
    assert extract_facts(message)["members"] == [{"relation": "self"}]


def test_a_child_with_an_age_beside_living_alone_stays() -> None:
    members = extract_facts("나 혼자 살아요 아들은 열살이고")["members"]
    assert {"relation": "child", "age": 10} in members


def test_an_earners_illness_with_no_income_left_calls_for_emergency_welfare() -> None:
    message = "老公突然住院了，家里现在一分钱收入都没有。这种情况政府有没有能马上帮一下的？"
    assert situation_programs(message) == ["emergency_welfare"]
    # an illness with income still coming in is no such crisis
    assert "emergency_welfare" not in situation_programs("남편이 입원했어요 월급은 나와요 300만원")


@pytest.mark.parametrize(
    "message",
    [
        "내 혼자 산다 나이는 일흔여섯이고 국민연금 쪼매 나오고 집은 월세 이십오만원짜리다. 머 받을 수 있는 기 있나",
        "나 스물아홉 백수임ㅋ 고시원 월세 삼십오만원 내고 부모님이랑 따로 살아. 나같은 사람 지원해주는거 뭐 있음?",
    ],
)
def test_what_can_i_get_in_dialect(message: str) -> None:
    assert WHAT_CAN_I.search(message)
    assert not asks_about_topic(message, personal=True)


def test_learning_korean_at_home_is_a_kind_of_help_not_a_profile() -> None:
    message = (
        "Toi sang Han duoc 2 nam, lay chong Han, co con trai 4 tuoi. Toi muon hoc tieng Han nhung phai trong con"
        " khong di hoc duoc. Co ho tro gi khong?"
    )
    assert asks_about_topic(message, personal=True)


def test_because_of_her_son_is_a_rule_asked() -> None:
    assert asks_a_rule("그래도 아들땜에 기초수급자 안되는겨?")


@pytest.mark.parametrize(
    "message", ["저소득층 기저귀·조제분유 지원是啥？谁能领？", "시흥시청电话是多少？地址在哪里？"]
)
def test_chinese_around_a_copied_korean_name_is_chinese(message: str) -> None:
    assert detect_language(message) == "zh"


@pytest.mark.parametrize("message", ["아동수당 얼마예요", "한자 漢字 공부"])
def test_korean_stays_korean(message: str) -> None:
    assert detect_language(message) == "ko"


def test_city_hall_address_and_number() -> None:
    notes = topic_notes("시흥시청电话是多少？地址在哪里？", "zh")
    assert notes
    assert "031-310-2114" in notes[0]
    assert "시청로 20" in notes[0]


def test_how_much_of_what_she_receives_with_her_figures_is_her_check() -> None:
    message = "我老公是韩国人，我们家4口人，两个孩子，在领생계급여。如果我们家소득인정액算出来是100万，每个月能拿多少？"
    assert asks_own_amount(understand(message), message) == ["livelihood_benefit"]
    # without her figures it is a question about the program
    bare = "생계급여 받는데 얼마 나와요?"
    assert asks_own_amount(understand(bare), bare) == []


# --- from blind26's failures (development data once measured) -------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "회사 짤리고 마누라도 나가고.. 이제 다 정리할라고. 통장에 남은거는 누구 주는게 맞는지 그거나 좀 알려줘요",
        "통장 남은 돈 누구한테 주는게 맞나",
        "存款该留给谁",
    ],
)
def test_giving_away_what_is_left_is_a_danger_said_indirectly(message: str) -> None:
    assert "suicide" in crisis_signals(message)


@pytest.mark.parametrize(
    "message",
    [
        "엄마 돌아가셨는데 남은 재산 누구한테 주나요 상속",
        "이사 가려고 짐 정리하려고",
        "이제 다 정리하려고 가게 접고",
    ],
)
def test_an_inheritance_or_tidying_up_is_no_danger(message: str) -> None:
    assert crisis_signals(message) == []


def test_a_broken_leg_and_rent_she_cannot_pay_is_emergency_welfare() -> None:
    message = "我在家楼梯上摔断了腿，三个月干不了活，一个人住，房租都快交不上了。"
    assert "serious_illness" in extract_facts(message)["crisis"]
    assert situation_programs(message) == ["emergency_welfare"]


@pytest.mark.parametrize(
    "message",
    [
        "Cong ty toi dong cua thang truoc, toi lam 2 nam co dong 고용보험.",
        "Công ty tôi làm 3 năm đóng cửa tháng trước.",
        "회사가 문 닫아서 일이 없어요",
        "公司倒闭了",
    ],
)
def test_a_workplace_that_closed_is_a_lost_job(message: str) -> None:
    facts = extract_facts(message)
    assert "job_loss" in facts["crisis"]
    assert facts["members"][0]["employed"] is False


def test_a_work_injury_with_nothing_found_is_answered_by_its_note() -> None:
    notes = topic_notes(
        "toi bi may cat vao tay o cong ty, cong ty bao tu lo tien benh vien. bao hiem tai nan lao dong khong?",
        "vi",
        answering=True,
    )
    assert notes
    assert "산재" in notes[0]


@pytest.mark.parametrize("message", ["合同到期俩月了房东还不退押金，说没钱。", "房东不还押金怎么办"])
def test_a_deposit_not_returned_in_chinese_is_legal_aid(message: str) -> None:
    assert any("132" in line for line in topic_lines(message, "zh", ""))


def test_care_at_home_said_in_dialect_is_senior_care() -> None:
    assert situation_programs("혼자 사는 여든한살 노인인디유 집에 누가 좀 와서 봐주는 그런거 있대서유") == [
        "senior_customized_care"
    ]


def test_a_son_with_hundreds_of_millions_fails_the_family_support_rule() -> None:
    message = "儿子开公司的，年收入好几亿，有房子好几套，就是不管我"
    assert parse_answer("support_obligor", message, extract_facts(message), {}) == {
        "support_obligor": "fails"
    }


def test_the_first_born_told_after_a_second_birth_is_another_child() -> None:
    merged = merge_facts(
        {"members": [{"relation": "self"}, {"relation": "child", "birth_order": 2}]},
        {
            "members_replace": replace_members(
                [{"relation": "self"}, {"relation": "child", "birth_order": 2}],
                extract_facts("첫째는 세살이에요")["members"],
            )
        },
    )
    assert [(m.get("age"), m.get("birth_order")) for m in merged["members"][1:]] == [(3, 1), (None, 2)]


@pytest.mark.parametrize(
    "message", ["애들 둘 다 중학생이에요", "I have two kids, both in elementary school", "两个孩子都上小学"]
)
def test_a_school_said_of_both_children_is_each_ones(message: str) -> None:
    children = [m for m in extract_facts(message)["members"] if m["relation"] == "child"]
    assert len(children) == 2
    assert len({c["school"] for c in children}) == 1


@pytest.mark.parametrize(
    "message", ["我妈领장애인연금，明年满65。是不是两个都能拿？要不要重新申请啊", "근로장려금 신청 언제 해?"]
)
def test_switching_or_when_to_apply_is_a_rule_asked(message: str) -> None:
    assert asks_a_rule(message)
