"""Facts residents write that were misread, found in session 23 in blind20 (development data since its one
measurement) and by trying the page."""

from __future__ import annotations

import pytest

from graphs.answers.focus import asks_a_rule
from graphs.dialogue.reading import read_message
from graphs.nlu import understand
from graphs.nlu.facts import denied_programs, extract_facts
from graphs.nlu.programs import detect_programs
from graphs.slots import parse_answer

_TWO_CHILDREN = {
    "members": [{"relation": "self"}, {"relation": "child", "age": 6}, {"relation": "child", "age": 9}]
}


@pytest.mark.parametrize(
    ("message", "ages"),
    [
        ("Sorry, correction: my older one turned 10 last month.", [6, 10]),
        ("아 큰애는 열살이에요", [6, 10]),
        ("老大十岁了", [6, 10]),
        ("đứa lớn 10 tuổi rồi", [6, 10]),
        ("아 작은애는 다섯살이요", [5, 9]),
        ("the younger one is 5", [5, 9]),
    ],
)
def test_the_older_or_the_younger_child_is_the_one_corrected(message: str, ages: list[int]) -> None:
    reading = read_message(message, understand(message), [], {}, _TWO_CHILDREN)
    children = [m for m in reading.facts["members"] if m["relation"] == "child"]
    assert sorted(c["age"] for c in children) == ages
    assert all("rank" not in m for m in reading.facts["members"])


def test_two_ages_given_together_are_not_ranked() -> None:
    facts = extract_facts("큰애 10살 작은애 6살이요")
    assert all("rank" not in m for m in facts["members"])


@pytest.mark.parametrize(
    "text",
    [
        "중증장애인이고 다음달이면 예순다섯 돼요.",
        "다음 달에 65세 돼요",
        "I turn 65 next month",
        "I'll be 65 next year",
        "下个月就满65岁了",
        "tháng sau tôi tròn 65 tuổi",
        "곧 65세가 되는데 기초연금 신청 언제 해요?",
    ],
)
def test_an_age_about_to_be_reached_is_one_less_now(text: str) -> None:
    me = extract_facts(text)["members"][0]
    assert me["age"] == 64


def test_a_benefit_not_paid_is_not_received() -> None:
    assert denied_programs("받는 거 없어. 기초연금도 안 나와") == ["basic_pension"]


def test_a_denial_before_the_name_leaves_the_status_named_before_it() -> None:
    assert denied_programs("Tôi có giấy 차상위, không nhận 생계급여") == ["livelihood_benefit"]


@pytest.mark.parametrize(
    "text",
    [
        "Tôi bị khuyết tật nhẹ (경증), đã có giấy xác nhận 차상위. Tôi có được nhận 장애수당 không?",
        "차상위 확인서 있어요. 장애수당 돼요?",
        "I have a 차상위 certificate. can I get disability allowance?",
        "我有次上位证明，能领残疾津贴吗",
    ],
)
def test_a_status_certificate_held_is_the_status_received(text: str) -> None:
    asked, receiving = detect_programs(text)
    assert receiving == ["near_poverty"]
    assert asked == ["disability_allowance"]


@pytest.mark.parametrize(
    "text", ["차상위 확인서 어떻게 받아요?", "near-poverty certificate how do I get it?"]
)
def test_asking_for_the_certificate_is_not_holding_it(text: str) -> None:
    assert detect_programs(text) == (["near_poverty"], [])


def test_a_life_in_gyeonggi_counts_whole_beside_the_move_between_its_cities() -> None:
    text = "태어날 때부터 경기도 살았어. 안산에서 크고 시흥 온 건 2년 전"
    facts = {"members": [{"relation": "self", "age": 24}]}
    patch = parse_answer("gyeonggi_residence_years", text, extract_facts(text), facts)
    assert patch == {"gyeonggi_residence_years": 24, "gyeonggi_total_residence_years": 24}


@pytest.mark.parametrize(
    "text",
    [
        "엄마랑 같이 사는데 엄마 기초연금 신청하면 제 소득도 들어가나요?",
        "Does my income count if my mom lives with me and applies for basic pension?",
        "我的收入算不算？妈妈申请基础年金",
    ],
)
def test_whose_income_counts_is_a_rule_question(text: str) -> None:
    assert asks_a_rule(text)


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("If my husband and I both get basic pension, is it reduced?", True),
        ("Nếu hai vợ chồng đều nhận 기초연금 thì có bị giảm không?", True),
        ("夫妻俩都领基础年金会减少吗？", True),
        ("장애수당 받으면 생계급여 깎여요?", True),
        ("Can I still get basic pension if it is reduced for couples?", False),
        ("기초연금 받을 수 있어요?", False),
    ],
)
def test_whether_an_amount_is_cut_is_asked_apart_from_can_i(text: str, cut: bool) -> None:
    from graphs.dialogue.asking import cut_asked

    assert cut_asked(text) is cut


def test_the_program_then_the_status_it_made_her_is_a_receipt() -> None:
    assert detect_programs("이번에 생계급여 수급자 됐는데 핸드폰 요금 깎아주는거 어디서 신청해요??") == (
        [],
        ["livelihood_benefit"],
    )


def test_the_status_before_the_program_still_asks_for_it() -> None:
    assert detect_programs("기초수급자 생계급여 신청할라구 하는데 나 되냐") == (["livelihood_benefit"], [])


@pytest.mark.parametrize(
    ("text", "age"), [("내 나이 육십넷인디 혼자 살어", 64), ("일흔둘인디 혼자 살어", 72)]
)
def test_an_age_before_the_dialect_ending_indi_is_read(text: str, age: int) -> None:
    assert extract_facts(text)["members"][0]["age"] == age


def test_a_certificate_one_would_need_is_not_one_held() -> None:
    assert detect_programs("차상위 확인서 있으면 통신비 할인된다던데 저도 되나요?") == (["near_poverty"], [])


def test_a_program_named_while_the_family_question_is_open_joins_when_asked() -> None:
    message = "생계급여도 같이 되나 궁금해요"
    facts = {"members": [{"relation": "self"}], "income_recognition_krw": 1020000}
    reading = read_message(message, understand(message), ["support_obligor"], {}, facts)
    assert not reading.programs_named_as_facts
