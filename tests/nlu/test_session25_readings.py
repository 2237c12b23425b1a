"""Facts residents write that were misread, found in session 25 (blind22, development data since its one
measurement, and phrasings tried on the page)."""

from __future__ import annotations

import pytest

from graphs.nlu.facts import extract_facts
from graphs.nlu.programs import detect_programs
from graphs.nlu.residence import residence
from graphs.slots import parse_answer, yes_no


def _self(facts: dict[str, object]) -> dict[str, object]:
    members = facts.get("members") or []
    assert isinstance(members, list)
    return next(m for m in members if m.get("relation") == "self")


@pytest.mark.parametrize(
    ("message", "age"),
    [
        ("혼자 사는 칠십 할머니 기초연금 되나요", 70),
        ("칠십 먹은 할매 혼자 사는디 기초연금 되는교", 70),
        ("80 넘은 할아버지 혼자 사심", 80),
        ("팔십이 된 노인이 혼자 살아요", 80),
        ("칠십삼 할머니 혼자 사세요", 73),
    ],
)
def test_an_age_before_an_older_persons_noun_is_an_age(message: str, age: int) -> None:
    assert _self(extract_facts(message))["age"] == age


def test_a_bare_number_after_a_month_before_grandma_stays_money() -> None:
    facts = extract_facts("월 70 할머니 연금")
    assert facts["income"]["other_krw"] == 700_000
    assert "age" not in _self(facts) if facts.get("members") else True


@pytest.mark.parametrize(
    ("message", "worth"),
    [
        ("집이 한 칠천 정도 하고 예금은 없어", 70_000_000),
        ("재산은 집이 칠천이요", 70_000_000),
        ("아파트 삼억 있고 예금 천", 300_000_000),
    ],
)
def test_a_bare_thousand_after_her_house_is_in_manwon(message: str, worth: int) -> None:
    assert extract_facts(message)["assets"]["property_krw"] == worth


def test_tenses_of_the_house_are_not_money() -> None:
    assert "assets" not in extract_facts("집 2층에 살아요")


def test_my_mothers_visa_is_my_mothers() -> None:
    facts = extract_facts("Mẹ tôi 68 tuổi, sang Hàn ở với gia đình tôi được 2 năm (visa F-1).")
    mother = next(m for m in facts["members"] if m.get("relation") == "parent")
    assert mother["age"] == 68
    assert mother.get("nationality") not in (None, "KR")
    assert "nationality" not in _self(facts)


def test_the_writer_still_speaks_of_herself_after_her_mother() -> None:
    facts = extract_facts("Mẹ tôi 68 tuổi, tôi là người Việt")
    assert _self(facts)["nationality"] == "VN"


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("Mẹ tôi có được nhận 기초연금 không ạ?", None),
        ("Có lớp tiếng Hàn miễn phí không", None),
        ("Không có", False),
        ("Dạ không có thu nhập", False),
        ("Có, mẹ có lương hưu", True),
    ],
)
def test_a_vietnamese_yes_no_question_is_no_no(text: str, answer: bool | None) -> None:
    assert yes_no(text) is answer


@pytest.mark.parametrize(
    ("text", "in_a_row", "in_all", "months_here"),
    [
        (
            "我24岁，韩国国籍。9岁从中国来韩国，在安山住了9年，然后去首尔读了4年大学，两年前搬回始兴。",
            2,
            11,
            24,
        ),
        ("부천 5년 살다가 시흥 온지 3년", 8, 8, 36),
        ("시흥 온 지 2년, 그 전엔 서울에서 3년, 그 전엔 안산에서 6년", 2, 8, 24),
        ("I lived in Ansan for 4 years, then Seoul 3 years, moved to Siheung 2 years ago", 2, 6, 24),
        ("Tôi sống ở Ansan 5 năm, rồi lên Seoul 2 năm, chuyển về Siheung 1 năm trước", 1, 6, 12),
        ("대학 때 대전 4년 있다가 시흥 온 지 3년이요", 3, 3, 36),
        ("안산 2년 시흥 3년 연속이에요", 5, 5, 36),
        ("수원에서 7년 살다가 서울 가서 1년, 작년에 시흥 왔어요", 1, 8, 12),
    ],
)
def test_a_residence_history_gives_years_in_gyeonggi(
    text: str, in_a_row: float, in_all: float, months_here: int
) -> None:
    found = residence(text)
    assert found is not None
    assert (found.gyeonggi_years, found.gyeonggi_total_years) == (in_a_row, in_all)
    assert found.current.sigungu == "시흥시"
    assert found.current.months == months_here


@pytest.mark.parametrize(
    "text",
    [
        "시흥 3년 살았어요",  # one place
        "Five years straight (Ansan 2 + Siheung 3)",  # durations without their places
        "수원에서 7년 살다가 서울 가서 1년, 지금은 시흥",  # where she lives now, without how long
    ],
)
def test_what_is_not_a_history_is_left_to_the_other_readings(text: str) -> None:
    assert residence(text) is None


def test_a_history_told_unasked_sets_the_years_and_where_she_lives() -> None:
    facts = extract_facts(
        "我24岁，韩国国籍。9岁从中国来韩国，在安山住了9年，然后去首尔读了4年大学，两年前搬回始兴。"
    )
    assert facts["gyeonggi_residence_years"] == 2
    assert facts["gyeonggi_total_residence_years"] == 11
    assert facts["region"] == {"sido": "경기도", "sigungu": "시흥시", "months_resident": 24}


def test_the_years_in_a_row_do_not_lower_the_total_she_told() -> None:
    known = {"gyeonggi_residence_years": 2.0, "gyeonggi_total_residence_years": 11.0}
    patch = parse_answer("gyeonggi_residence_years", "现在连续住了两年", {}, known)
    assert isinstance(patch, dict)
    assert patch["gyeonggi_residence_years"] == 2
    assert patch["gyeonggi_total_residence_years"] == 11


def test_a_history_as_the_answer_gives_both_counts() -> None:
    patch = parse_answer("gyeonggi_residence_years", "安山9年，首尔4年，始兴2年", {}, {})
    assert patch == {"gyeonggi_residence_years": 2.0, "gyeonggi_total_residence_years": 11.0}


def test_a_history_typed_without_vietnamese_marks() -> None:
    found = residence("Toi song o Ansan 5 nam, roi len Seoul 2 nam, chuyen ve Siheung 1 nam truoc")
    assert found is not None
    assert (found.gyeonggi_years, found.gyeonggi_total_years) == (1, 6)


def test_coming_back_without_the_years_before_leaves_the_total_untold() -> None:
    found = residence("나 대학땜에 2년 서울 살다가 작년에 시흥으로 돌아왔는데 그래도 받을수있음?")
    assert found is not None
    assert found.gyeonggi_years == 1
    assert found.gyeonggi_total_years is None


@pytest.mark.parametrize(
    "message",
    [
        "sắp tới em đi bệnh viện sinh em bé mà tiếng Hàn em còn yếu, cần người phiên dịch thì gọi số nào ạ",
        "em sinh xong thì con có được nhận 부모급여 không ạ?",
        "Can we get parent benefit when the baby is born?",
    ],
)
def test_a_birth_to_come_is_a_pregnancy_not_a_baby(message: str) -> None:
    facts = extract_facts(message)
    assert _self(facts).get("pregnant") is True
    assert not any(m.get("relation") == "child" for m in facts.get("members") or [])


def test_a_pregnancy_beside_a_child_told_keeps_the_child() -> None:
    facts = extract_facts("임신 중인데 첫째는 세 살이에요")
    assert any(m.get("relation") == "child" and m.get("age") == 3 for m in facts["members"])


@pytest.mark.parametrize(
    ("message", "asked", "received"),
    [
        (
            "엄마 임플란트 나라서 해준다던디 어디가서 신청해야되나요?? 의료급여 1종이세요",
            [],
            ["medical_benefit"],
        ),
        ("나 의료급여 일종임", [], ["medical_benefit"]),
        ("의료급여 1종이랑차상위확인서신청 가능한가?", ["medical_benefit", "near_poverty"], []),
        ("의료급여 1종인지 2종인지 궁금해요", ["medical_benefit"], []),
    ],
)
def test_a_medical_aid_grade_said_as_hers_is_received(
    message: str, asked: list[str], received: list[str]
) -> None:
    assert detect_programs(message) == (asked, received)
