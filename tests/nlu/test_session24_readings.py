"""Facts residents write that were misread, found in session 24 in blind21 (development data since its one
measurement)."""

from __future__ import annotations

import pytest

from graphs.nlu import situation_programs, understand
from graphs.nlu.facts import extract_facts
from graphs.nlu.programs import detect_programs
from graphs.slots import parse_answer


@pytest.mark.parametrize(
    ("message", "income"),
    [
        ("我们在시흥有一栋商铺楼，每个月租金三百万。", 3_000_000),
        ("상가 세 받는 거 월 삼백", 3_000_000),
        ("I get 3 million a month in rent from my tenants", 3_000_000),
        ("Tôi có nhà cho thuê, mỗi tháng 2 triệu", 2_000_000),
    ],
)
def test_rent_her_tenants_pay_her_is_her_income(message: str, income: int) -> None:
    facts = extract_facts(message)
    assert facts["income"]["other_krw"] == income
    assert (facts.get("housing") or {}).get("tenure") != "renter"
    assert "rent_krw" not in (facts.get("housing") or {})


@pytest.mark.parametrize(
    "message", ["월세 50 내요", "저는 세입자예요 월세 40", "I pay 500,000 won rent a month"]
)
def test_rent_she_pays_stays_rent(message: str) -> None:
    facts = extract_facts(message)
    assert facts["housing"]["tenure"] == "renter"
    assert facts["housing"]["rent_krw"] > 0
    assert "income" not in facts


@pytest.mark.parametrize(
    ("message", "worth"), [("楼大概值二十亿", 2_000_000_000), ("건물이 이십억 정도", 2_000_000_000)]
)
def test_a_building_is_property(message: str, worth: int) -> None:
    assert extract_facts(message)["assets"]["property_krw"] == worth


@pytest.mark.parametrize(
    ("message", "received", "asked"),
    [
        (
            "Bà 67 tuổi, sống một mình. Bà nhận 기초연금 thôi. Bà có được 생계급여 không?",
            ["basic_pension"],
            ["livelihood_benefit"],
        ),
        ("Bà nhận 기초연금 được không?", [], ["basic_pension"]),
        ("I'm 71 and on 기초연금. Can I get the 에너지바우처?", ["basic_pension"], ["energy_voucher"]),
        ("Only 기초연금. No 기초생활수급, no 장기요양 등급", ["basic_pension"], []),
        ("只领기초연금，没有低保", ["basic_pension"], []),
        ("I'm not on 기초생활수급 but can I get 주거급여?", [], ["housing_benefit"]),
        ("Tôi không có 차상위, có được 주거급여 không", [], ["housing_benefit"]),
        (
            "He gets basic livelihood (saenggye) and medical aid, plus the basic pension.",
            ["basic_pension", "livelihood_benefit", "medical_benefit"],
            [],
        ),
        (
            "Only the basic pension besides the livelihood benefit",
            ["basic_pension", "livelihood_benefit"],
            [],
        ),
        ("Does she get 기초연금?", [], ["basic_pension"]),
        ("my mom gets 기초연금, can she get 노인맞춤돌봄?", ["basic_pension"], ["senior_customized_care"]),
    ],
)
def test_a_benefit_received_or_denied_is_not_asked_about(
    message: str, received: list[str], asked: list[str]
) -> None:
    u = understand(message)
    assert u.programs == asked
    assert sorted(u.facts.get("receiving") or []) == received


def test_a_question_whether_a_program_exists_still_asks() -> None:
    assert detect_programs("有没有低保?")[0] == ["livelihood_benefit"]


def test_no_long_term_care_grade_said_with_its_korean_name() -> None:
    members = extract_facts("Only 기초연금. No 기초생활수급, no 장기요양 등급")["members"]
    assert members[0]["long_term_care"] is False


@pytest.mark.parametrize(
    "message",
    [
        "Is there someone who could check on me now and then?",
        "Có ai đến giúp bà không, bà hay bị chóng mặt, dọn nhà không nổi",
        "혼자 계신 엄마 들여다봐 줄 사람 없을까요",
        "有没有人上门照顾我妈",
        "집안일을 혼자 못 하세요",
    ],
)
def test_care_asked_for_at_home_calls_for_customized_care(message: str) -> None:
    assert "senior_customized_care" in situation_programs(message)


def test_a_country_said_first_answers_the_nationality_question() -> None:
    message = "Korean. I lived in Toronto for 30 years and came back"
    patch = parse_answer("nationality", message, extract_facts(message), {})
    assert patch == {"members": [{"relation": "self", "nationality": "KR"}]}


def test_a_sixth_grader_in_vietnamese_is_in_elementary_school() -> None:
    """Her children go to Korean schools, where the sixth grade is elementary (6학년), as "grade 6" is."""
    known = [{"relation": "self"}, {"relation": "child", "age": 10}, {"relation": "child", "age": 12}]
    message = "Cả hai học tiểu học, lớp 4 và lớp 6"
    patch = parse_answer("school", message, extract_facts(message), {"members": known})
    assert isinstance(patch, dict)
    members = patch.get("members") or patch.get("members_replace") or []
    schools = [m.get("school") for m in members if m.get("relation") == "child"]
    assert schools == ["elementary", "elementary"]


@pytest.mark.parametrize(
    "message",
    [
        "女儿上幼儿园，还没上小学",
        "아직 초등학교 안 들어갔어요 유치원 다녀요",
        "she's in kindergarten, not in elementary school yet",
        "con bé học mẫu giáo, chưa vào tiểu học",
    ],
)
def test_a_school_not_started_is_no_school(message: str) -> None:
    schools = [m.get("school") for m in extract_facts(message)["members"] if m.get("school")]
    assert schools == ["none"]


@pytest.mark.parametrize(
    ("message", "income"),
    [
        ("국민연금 육십오만원허고 기초연금 둘이 합쳐서 한 백이십만원 들어와유", {"other_krw": 1_200_000}),
        (
            "I earn 2 million, plus my pension, 2.5 million in total",
            {"earned_krw": 2_000_000, "other_krw": 500_000},
        ),
        ("연금 30만원이랑 알바해서 50만원", {"other_krw": 300_000, "earned_krw": 500_000}),
    ],
)
def test_an_income_named_without_its_amount_is_the_rest_of_the_total(
    message: str, income: dict[str, int]
) -> None:
    assert extract_facts(message)["income"] == income


def test_a_vietnamese_condition_or_question_is_not_a_no() -> None:
    assert parse_answer("income", "Không được thì em xin 차상위 được không?", {}, {}) is None
    assert parse_answer("income", "Không có", {}, {}) == {"income": {"earned_krw": 0, "other_krw": 0}}


def test_care_asked_for_beside_long_term_care_is_long_term_care() -> None:
    message = "我妈妈78岁，中风以后躺在床上。听说可以申请长期疗养等级，请人上门照顾。去哪里申请？"
    assert "senior_customized_care" not in situation_programs(message)


@pytest.mark.parametrize(
    "message",
    [
        "Em vừa bị mất việc, tiền nhà tháng này chưa trả được. Em nên làm gì ạ?",
        "I lost my job and haven't paid the rent this month",
    ],
)
def test_rent_not_paid_calls_for_emergency_welfare(message: str) -> None:
    assert "emergency_welfare" in situation_programs(message)


def test_both_at_one_school_then_each_grade_is_two_children() -> None:
    members = extract_facts("Cả hai học tiểu học, lớp 4 và lớp 6")["members"]
    assert [m.get("school") for m in members if m["relation"] == "child"] == ["elementary", "elementary"]


@pytest.mark.parametrize(
    ("message", "who", "fact", "value"),
    [
        (
            "I'm on an F-6 visa, married to a Korean guy, we have a 2 year old. can we get 아동수당?",
            "child",
            "age",
            2,
        ),
        ("아기 백일 됐어요", "child", "months_old", 3),
        ("宝宝一百天了", "child", "months_old", 3),
        ("我老伴去年中风了，现在长期疗养3级。", "spouse", "long_term_care", True),
        ("저 장기요양 4등급이에요 남편은 없고요", "self", "long_term_care", True),
    ],
)
def test_whose_fact_and_what_it_is(message: str, who: str, fact: str, value: object) -> None:
    members = [m for m in extract_facts(message)["members"] if m["relation"] == who]
    assert members[0][fact] == value


def test_a_baby_is_at_no_school() -> None:
    members = extract_facts("애 셋인데 막내가 백일 지났어요. 첫째 둘째는 초등학생")["members"]
    baby = next(m for m in members if m.get("months_old") == 3)
    assert "school" not in baby
    assert any(m.get("school") == "elementary" for m in members if m is not baby)


def test_a_benefit_received_said_in_dialect() -> None:
    u = understand("우리 영감 작년에 돌아가시고 혼자 사는디 기초연금 받어유. 생계급여도 되남?")
    assert u.programs == ["livelihood_benefit"]
    assert u.facts["receiving"] == ["basic_pension"]
    assert detect_programs("기초연금 받어유?")[0] == ["basic_pension"]


def test_a_childs_age_said_alone_beside_her_child_is_the_childs() -> None:
    members = extract_facts("초4 딸 하나 있는데 아동수당 아직 받을 수 있어요? 열살이에요")["members"]
    assert members[0].get("age") is None
    assert members[1]["age"] == 10


def test_gyeongsang_ones_after_a_tens_word() -> None:
    assert extract_facts("일흔서이다. 칠십삼")["members"][0]["age"] == 73


@pytest.mark.parametrize(
    ("message", "answer"),
    [
        ("아들 하나 있는디 지도 회사 댕김서 월급 이백팔십 받고 전세 살어라. 따로 살고", "meets"),
        ("딸이 한달에 천만원 벌어요", "fails"),
    ],
)
def test_a_relatives_pay_decides_family_support(message: str, answer: str) -> None:
    assert parse_answer("support_obligor", message, extract_facts(message), {}) == {"support_obligor": answer}


def test_savings_said_a_few_words_after_their_word() -> None:
    assert extract_facts("보증금 오천에 적금 모아둔거 이천 있어요")["assets"] == {
        "property_krw": 50_000_000,
        "financial_krw": 20_000_000,
    }


@pytest.mark.parametrize(
    "message", ["일자리 구하는 사람 주는 수당 그것도 되는지 봐도", "구직수당 받을 수 있나", "找工作的补贴"]
)
def test_a_job_seekers_allowance_described(message: str) -> None:
    assert detect_programs(message)[0] == ["national_employment_support"]


@pytest.mark.parametrize(
    ("message", "event"),
    [
        ("I left my husband last week because of violence.", "domestic_violence"),
        ("폭력 때문에 집을 나왔어요", "domestic_violence"),
    ],
)
def test_leaving_because_of_violence_is_a_crisis_event(message: str, event: str) -> None:
    assert event in extract_facts(message)["crisis"]


def test_a_baby_was_born_with_its_birth_order() -> None:
    child = extract_facts("Our third baby was born 3 weeks ago!")["members"][1]
    assert child["birth_order"] == 3


def test_divorce_said_in_vietnamese_answers_single_parenthood() -> None:
    message = "Ly hôn rồi, chồng cũ không gửi tiền"
    assert parse_answer("single_parent", message, extract_facts(message), {}) == {"single_parent": True}


def test_laid_off_in_vietnamese_is_a_job_lost() -> None:
    assert extract_facts("Bị công ty cho nghỉ việc tháng trước")["crisis"] == ["job_loss"]


@pytest.mark.parametrize("message", ["Có ai đến giúp bà không, bà hay bị chóng mặt, dọn nhà không nổi"])
def test_a_vietnamese_is_there_anyone_question_is_not_a_no(message: str) -> None:
    """Found on the page: the question's own "không" and "không nổi" (cannot) had set her income to 0."""
    assert parse_answer("income", message, extract_facts(message), {}) is None
