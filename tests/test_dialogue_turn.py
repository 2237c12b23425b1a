"""The turn's decision on its own (`graphs.dialogue.turn`): one row per rule of the table, read through the
real understanding and reading of each message, with what the conversation held before it."""

from __future__ import annotations

from typing import Any

import pytest

from graphs.dialogue.danger import rule_danger_reply
from graphs.dialogue.reading import read_message
from graphs.dialogue.turn import Before, Decision, decide
from graphs.nlu import understand
from graphs.nlu.intent import crisis_signals

IN_PENSION_CHECK: dict[str, Any] = {
    "flow": "eligibility_check",
    "goal": ["basic_pension"],
    "programs": ["basic_pension"],
}


def _decide(text: str, **before: Any) -> Decision:
    """The decision for one message, the guard's rule reply included, as the graph makes it."""
    signals = crisis_signals(text)
    pending = list(before.get("pending", []))
    rule = rule_danger_reply(text, signals, pending)
    assert rule != "crisis_reply", "the crisis reply alone never reaches the decision"
    u = understand(text)
    reading = read_message(text, u, pending, {}, {}, None)
    return decide(u, reading, text, Before(danger=rule, danger_kinds=signals, **before))


@pytest.mark.parametrize(
    ("text", "pending", "expected"),
    [
        ("죽고 싶어요", [], "crisis_reply"),
        ("남편한테 맞고 집을 나왔어요. 긴급지원 받을 수 있나요?", [], "lines_then_answer"),
        ("어떤게 학대인지 궁금해요", [], "lines_then_answer"),
        ("남편한테 맞았어요", ["crisis"], "lines_then_answer"),
        ("남편이랑 셋이 살아요", [], "none"),
        (
            "요양보호사 교육때 노인학대 신고하는 번호 알려줬는데 까먹었어요 몇번이었죠?",
            [],
            "lines_then_answer",
        ),
        ("옆집 할머니가 아들한테 맞고 있어요 신고 번호 뭐예요", [], "crisis_reply"),
        (
            "아버지가 중풍으로 쓰러지시고 혼자 거동이 안되세요 장기요양 등급 어디다 신청해요?",
            [],
            "lines_then_answer",
        ),
        ("아버지가 쓰러지셨어요 숨을 안쉬어요", [], "crisis_reply"),
    ],
)
def test_the_guards_reply_to_a_danger_a_rule_names(text: str, pending: list[str], expected: str) -> None:
    assert rule_danger_reply(text, crisis_signals(text), pending) == expected


def test_plain_facts_about_the_household_start_discovery_and_name_no_danger() -> None:
    d = _decide("남편이랑 셋이 살아요")
    assert (d.intent, d.danger, d.crisis) == ("benefit_discovery", "none", False)


def test_arrears_and_an_eviction_go_to_emergency_welfare_with_where_to_ask_today() -> None:
    d = _decide("월세가 석 달 밀려서 다음 주에 쫓겨날 것 같아요")
    assert (d.intent, d.programs, d.danger, d.crisis) == (
        "eligibility_check",
        ["emergency_welfare"],
        "urgent_help",
        False,
    )


def test_a_danger_named_with_a_program_asked_for_gets_the_lines_then_the_check() -> None:
    d = _decide("남편한테 맞고 집을 나왔어요. 긴급지원 받을 수 있나요?")
    assert (d.intent, d.programs, d.danger, d.danger_kinds) == (
        "eligibility_check",
        ["emergency_welfare"],
        "lines_then_answer",
        ["violence"],
    )


def test_a_question_about_what_abuse_is_is_answered_from_the_documents() -> None:
    d = _decide("어떤게 학대인지 궁금해요")
    assert (d.intent, d.programs, d.danger) == ("program_info", [], "lines_then_answer")


def test_a_danger_the_classifier_senses_in_a_question_gets_the_lines_then_the_answer() -> None:
    d = _decide("남편이 쓰러져서 입원했어요. 돈도 없고 막막한데 도움받을 데가 있을까요?")
    assert d.danger == "lines_then_answer"
    assert d.crisis
    assert d.intent in ("eligibility_check", "program_info")


def test_an_aside_about_another_program_is_answered_and_the_check_keeps_its_goal() -> None:
    d = _decide("그런데 아동수당은 얼마예요?", pending=["income"], **IN_PENSION_CHECK)
    assert (d.intent, d.programs, d.goal, d.flow) == (
        "program_info",
        ["child_allowance"],
        ["basic_pension"],
        "eligibility_check",
    )
    assert d.new_topic


def test_a_short_reply_to_the_open_question_continues_the_check() -> None:
    d = _decide("예순두 살이요", pending=["age"], **IN_PENSION_CHECK)
    assert (d.intent, d.goal, d.new_topic) == ("eligibility_check", ["basic_pension"], False)


def test_a_program_that_joins_the_check_is_added_to_its_goal() -> None:
    before = {"flow": "eligibility_check", "goal": ["livelihood_benefit"], "programs": ["livelihood_benefit"]}
    d = _decide("의료급여도 같이 물어볼게요", pending=["income"], **before)
    assert (d.intent, d.goal, d.asked_about) == (
        "eligibility_check",
        ["livelihood_benefit", "medical_benefit"],
        ["medical_benefit"],
    )


def test_thanks_in_a_check_keeps_the_open_question() -> None:
    d = _decide("고마워요", pending=["income"], **IN_PENSION_CHECK)
    assert (d.intent, d.keep_pending, d.goal) == ("smalltalk", True, ["basic_pension"])


@pytest.mark.parametrize(
    "text",
    [
        "엄마가 다음주 퇴원하시는데 아직 혼자 못걸으세요. 낮에 봐줄사람이 없는데 뭐부터 알아봐야해요? 엄마 78세",
        "ở Siheung có chỗ nào phiên dịch tiếng Việt miễn phí ko ạ, em đi bệnh viện với lên phường khó nói quá",
        "혼자사시는 엄마가 요즘 자꾸 깜빡깜빡하시고 했던말 또하세요 뭐부터 해야할지 모르겠어요",
    ],
)
def test_a_situation_with_its_own_specialist_help_is_answered_not_profiled(text: str) -> None:
    assert _decide(text).intent in ("out_of_scope", "program_info")


def test_a_collapse_long_past_with_a_question_gets_the_lines_then_the_answer() -> None:
    d = _decide(
        "아버지가 중풍으로 쓰러지시고 혼자 거동이 안되세요 장기요양 등급 어디다 신청해요? 요양원 본인부담 몇프로예요"
    )
    assert (d.intent, d.danger) == ("program_info", "lines_then_answer")


def test_a_plain_fact_after_the_verdict_continues_the_check_not_discovery() -> None:
    from graphs.dialogue.reading import read_message
    from graphs.dialogue.turn import Before, decide
    from graphs.nlu import understand

    text = "장애 등록은 안 돼 있어요"
    u = understand(text)
    reading = read_message(text, u, [], {}, {"members": [{"relation": "self", "age": 78}]})
    goal = ["basic_pension", "senior_customized_care"]
    decision = decide(u, reading, text, Before(flow="eligibility_check", goal=goal, programs=goal))
    assert decision.intent == "eligibility_check"
    assert decision.goal == goal


def test_what_else_she_can_get_asked_in_a_check_is_discovery() -> None:
    from graphs.dialogue.reading import read_message
    from graphs.dialogue.turn import Before, decide
    from graphs.nlu import understand

    text = "and my wife is pregnant, is there anything for the baby when it comes?"
    u = understand(text)
    reading = read_message(text, u, ["region"], {}, {"members": [{"relation": "self", "nationality": "NP"}]})
    goal = ["gyeonggi_youth_basic_income"]
    decision = decide(
        u, reading, text, Before(flow="eligibility_check", pending=["region"], goal=goal, programs=goal)
    )
    assert decision.intent == "benefit_discovery"


def test_where_to_sign_up_beside_her_facts_brings_how_to_apply_with_the_check() -> None:
    decision = _decide(
        "29 y/o, unemployed for 8 months, never got 실업급여 cause I was freelancer. heard about 국민취업지원제도 "
        "paying you monthly while job hunting. where do i go to sign up?"
    )
    assert decision.intent == "eligibility_check"
    assert decision.asked_how


def test_what_can_we_get_with_her_visa_said_as_who_she_is_is_discovery() -> None:
    decision = _decide(
        "你好，我是中国人，F-6签证，老公是韩国人，有一个3岁的女儿。老公月薪280万。我们能领什么补助？"
    )
    assert decision.intent == "benefit_discovery"
    assert _decide("F-6 비자 연장은 어디서 해요?").intent != "benefit_discovery"


def test_a_danger_only_the_classifier_sensed_in_a_question_its_topic_answers_is_answered() -> None:
    # a crushed hand at work, "the boss won't file 工伤, what do I do?": the 산재 note answers it, not the
    # suicide line
    from graphs.dialogue.danger import sensed_danger_question
    from graphs.nlu import Understanding

    text = "我在始兴工厂上班，手被机器压伤了，要休息一个多月，老板说不给办工伤，怎么办？"
    u = Understanding(intent="crisis", confidence=0.31, language="zh", crisis_signals=["model"])
    assert sensed_danger_question(u, text)
    assert not sensed_danger_question(u, "我真的活不下去了，怎么办？")
