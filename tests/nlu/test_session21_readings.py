"""Facts residents write that were misread, found in session 21 in the older blind sets (blind13, blind17:
development data)."""

from __future__ import annotations

import pytest

from graphs.dialogue.proxy import asking_for
from graphs.nlu import understand
from graphs.slots import parse_answer


@pytest.mark.parametrize(
    "text",
    [
        "수급비말고는 없어요",
        "수급비 밖에 없어요",
        "생계급여 빼고 들어오는 돈 없어요",
        "생계비 외엔 수입 없어요",
    ],
)
def test_nothing_but_the_livelihood_benefit_is_no_income(text: str) -> None:
    # the benefit itself is not counted as income (국민기초생활 보장법): nothing else means none
    assert understand(text).facts.get("income") == {"earned_krw": 0, "other_krw": 0}


def test_nothing_but_another_pension_is_not_read_as_no_income() -> None:
    # 기초연금 is counted as income for the livelihood benefit: "기초연금 말고는 없어요" is not "none"
    assert understand("기초연금 말고는 없어요").facts.get("income") != {"earned_krw": 0, "other_krw": 0}


@pytest.mark.parametrize("text", ["혼자 임대아파트 살고 수급자구요", "저 수급자고요"])
def test_a_status_said_with_gu_yo_is_held_not_asked(text: str) -> None:
    reading = understand(text)
    assert "livelihood_benefit" not in reading.programs
    assert reading.facts.get("receiving") == ["livelihood_benefit"]


def test_a_grown_child_named_a_sentence_before_the_question_is_the_applicant() -> None:
    text = (
        "우리 아들이 서른여덟인데 뇌병변 중증이에요. 혼자 임대아파트 살고 수급자구요. 장애인연금 신청 되나요?"
    )
    assert asking_for(text, understand(text).facts, ["disability_pension"]) == "child"


def test_she_speaks_of_herself_between_the_child_and_the_question() -> None:
    text = "아들은 대학생이에요. 저 장애인연금 받을 수 있나요? 중증이에요"
    assert asking_for(text, understand(text).facts, ["disability_pension"]) is None


def test_me_and_two_kids_keeps_the_two_children_she_told_of() -> None:
    known = {
        "members": [{"relation": "self"}, {"relation": "child", "age": 10}, {"relation": "child", "age": 6}]
    }
    text = "저랑 애 둘이요"
    patch = parse_answer("household", text, understand(text).facts, known)
    assert isinstance(patch, dict)
    assert [m.get("age") for m in patch["members_replace"] if m.get("relation") == "child"] == [10, 6]


def test_me_and_the_kid_two_of_us_stays_one_child_when_one_was_told() -> None:
    known = {"members": [{"relation": "self"}, {"relation": "child", "age": 6}]}
    text = "저랑 애 둘이요"
    patch = parse_answer("household", text, understand(text).facts, known)
    assert isinstance(patch, dict)
    assert [m.get("age") for m in patch["members_replace"] if m.get("relation") == "child"] == [6]


@pytest.mark.parametrize(("text", "months"), [("둘째는 이제 석달 됐어요", 3), ("애기 넉 달 됐어요", 4)])
def test_months_in_native_words_with_seok_and_neok(text: str, months: int) -> None:
    children = [m for m in understand(text).facts.get("members") or [] if m.get("relation") == "child"]
    assert [c.get("months_old") for c in children] == [months]


def test_three_months_of_arrears_with_seok_is_still_no_baby() -> None:
    assert not understand("월세 석달 밀렸어요").facts.get("members")


@pytest.mark.parametrize("text", ["기초연금만 받어 수급자는 아녀", "수급자는 아냐", "수급자 아님"])
def test_a_status_denied_in_dialect_is_not_held(text: str) -> None:
    reading = understand(text)
    assert "livelihood_benefit" not in reading.programs
    assert "livelihood_benefit" not in (reading.facts.get("receiving") or [])


def test_the_korean_family_type_with_english_words_names_the_single_parent_allowance() -> None:
    reading = understand("Hi, I'm a single mom with two kids. Can I get the 한부모 child support money?")
    assert reading.programs == ["single_parent_child_support"]


def test_months_of_unpaid_wages_are_no_baby_and_claiming_them_is_no_hunger() -> None:
    from graphs.nlu.danger import has_danger_word

    text = "Cong ty em no luong 3 thang roi gio dong cua luon. Em la lao dong E-9. Em goi dau de doi tien luong a?"
    assert not [m for m in understand(text).facts.get("members") or [] if m.get("relation") == "child"]
    assert not has_danger_word(text)  # "đòi" (claim) folds to "doi" as "đói" (hungry) does


@pytest.mark.parametrize("text", ["Em đói quá", "con em doi tu hom qua, nha het gao roi", "me con em bi doi"])
def test_hunger_in_vietnamese_is_still_a_word_of_danger(text: str) -> None:
    from graphs.nlu.danger import has_danger_word

    assert has_danger_word(text)
