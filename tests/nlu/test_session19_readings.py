"""Facts residents write that were misread, found at the start of session 19 (session 18's trial and blind16,
development data)."""

from __future__ import annotations

import pytest

from graphs.dialogue.reading import read_message
from graphs.nlu import understand
from graphs.nlu.numbers import find_ages


@pytest.mark.parametrize(
    "text",
    ["장애수당 한달 얼마에요?", "한 달 받는 돈이 얼마죠", "한달 나오는 게 얼마예요", "한 달 최대 얼마"],
)
def test_a_month_asked_about_as_money_is_no_baby_s_age(text: str) -> None:
    assert find_ages(text) == []


@pytest.mark.parametrize("text", ["애기 한달 됐어요", "두달 됐어요"])
def test_a_baby_s_age_in_native_months_is_still_read(text: str) -> None:
    assert [a.unit for a in find_ages(text)] == ["months"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("三百五", 350),
        ("两千五", 2500),
        ("三万五", 35000),
        ("一亿五", 150_000_000),
        ("三百零五", 305),
        ("삼백오", 305),
    ],
)
def test_a_chinese_digit_after_a_unit_counts_the_next_unit_down(text: str, value: int) -> None:
    from graphs.nlu.numbers import parse_numeral

    assert parse_numeral(text) == value


def test_chinese_pensions_said_in_bare_numbers_are_income_in_man_won() -> None:
    from graphs.slots import parse_answer

    patch = parse_answer("income", "国民年金加企业年金一共三百五，老伴国民年金一百", {}, {})
    assert patch == {"income": {"earned_krw": 0, "other_krw": 4_500_000}}


@pytest.mark.parametrize(
    "text",
    [
        "Bố không biết dùng điện thoại nên em hỏi giúp",
        "아버지가 폰을 쓸 줄 몰라서 제가 물어봐요",
        "我爸不知道怎么用手机",
    ],
)
def test_not_knowing_how_to_use_a_phone_is_no_refusal_and_no_no(text: str) -> None:
    from graphs.slots import refuses, yes_no

    assert not refuses(text)
    assert yes_no(text) is None


@pytest.mark.parametrize(
    "text",
    ["전세보증금 5백, 예금은 없어요", "tiền cọc nhà 5 triệu won, không có tiết kiệm", "押金五百万，存款没有"],
)
def test_no_savings_answers_assets_and_leaves_income_unanswered(text: str) -> None:
    from graphs.slots import clauses_for, parse_answer

    assert parse_answer("income", clauses_for("income", text), {}, {}) is None
    assets = parse_answer("assets", clauses_for("assets", text), {}, {})
    assert isinstance(assets, dict)
    assert assets["assets"]["financial_krw"] == 0


@pytest.mark.parametrize(
    ("text", "received"),
    [
        ("아동수당이랑 부모급여 받아요", ["child_allowance", "parent_benefit"]),
        ("I get child allowance and parent benefit", ["child_allowance", "parent_benefit"]),
        ("Em đang nhận 아동수당 và 부모급여", ["child_allowance", "parent_benefit"]),
    ],
)
def test_a_receipt_said_of_a_list_is_said_of_each_program(text: str, received: list[str]) -> None:
    from graphs.nlu.programs import detect_programs

    assert detect_programs(text)[1] == received


def test_programs_received_and_one_denied_in_the_next_sentence() -> None:
    from graphs.dialogue import ledger as lg

    message = "아동수당이랑 부모급여 받아요 기초수급은 아니에요"
    facts: dict[str, object] = {"members": [{"relation": "self"}, {"relation": "child", "age": 0}]}
    ledger: lg.Ledger = {"receiving": {"asks": 1, "asked_turn": 2}}
    reading = read_message(message, understand(message), ["receiving"], ledger, dict(facts))
    assert reading.facts["receiving"] == ["child_allowance", "parent_benefit"]
    assert "income" not in reading.filled  # 부모급여 is a program, not a salary


def test_a_status_she_says_is_not_hers_is_not_asked_about_and_her_sudden_loss_calls_for_emergency_help() -> (
    None
):
    text = (
        "남편이 하던 식당이 지난달 폐업했어요 애 둘이고 모아둔돈도 거의 없고 다음달 월세도 막막하네요.. "
        "수급자는 아닌데 이럴때 나라에서 바로 도와주는거 있나요?"
    )
    assert understand(text).programs == ["emergency_welfare"]
    assert understand("수급자는 아닌데 생계급여 받을 수 있나요").programs == ["livelihood_benefit"]
    assert understand("기초수급은 아니에요").facts["receiving"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("우리 엄마 기초연금 받을 수 있는지 알고 싶어요", "parent"),
        ("엄마가 기초연금 받으실 수 있을까요", "parent"),
        ("엄마가 아파서 제가 받을 수 있나요", None),
        ("엄마 돌아가시고 혼자인데 받을 수 있나요", None),
        ("엄마가 혼자 키워주셨어요 저 기초생활수급 되나요", None),
    ],
)
def test_a_parent_s_program_asked_about_makes_the_parent_the_applicant(
    text: str, expected: str | None
) -> None:
    from graphs.dialogue.proxy import asking_for

    assert asking_for(text) == expected


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        (
            "Could you check the newborn first-meeting voucher and the Siheung city birth grant for me?",
            "eligibility_check",
        ),
        ("생계급여랑긴급복지지원신청가능한가?", "eligibility_check"),
        ("6 years old and 3 years old. Are there any support programs I could receive?", "benefit_discovery"),
        ("Nhà em nhận được trợ cấp gì ạ?", "benefit_discovery"),
        (
            "Hi, I'm 29, I lost my job 2 months ago, I live alone in Siheung and pay 450k rent. Is there any help for me?",
            "benefit_discovery",
        ),
    ],
)
def test_a_request_to_check_is_a_check_and_what_can_i_get_in_other_words_is_discovery(
    text: str, intent: str
) -> None:
    from graphs.dialogue.turn import Before, decide

    u = understand(text)
    reading = read_message(text, u, [], {}, {})
    assert decide(u, reading, text, Before()).intent == intent


def test_two_bare_young_ages_are_her_children() -> None:
    members = understand(
        "6 years old and 3 years old. Are there any support programs I could receive?"
    ).facts["members"]
    assert sorted(m.get("age") for m in members if m["relation"] == "child") == [3, 6]
    assert understand("6살이요").facts["members"] == [{"relation": "self", "age": 6}]


@pytest.mark.parametrize(
    ("text", "parents"), [("Well, Me, my parents", 2), ("me, my mom and dad", 2), ("me and my mother", 1)]
)
def test_an_english_household_listed_with_parents(text: str, parents: int) -> None:
    members = understand(text).facts["members"]
    assert sum(m["relation"] == "parent" for m in members) == parents


def test_no_income_said_while_family_support_is_asked_is_about_income() -> None:
    from graphs.dialogue import ledger as lg

    text = "Okay so Actually no, We have no income at all"
    ledger: lg.Ledger = {
        "income": {"asks": 1, "asked_turn": 2, "status": "answered", "turn": 3},
        "support_obligor": {"asks": 1, "asked_turn": 3},
    }
    facts = {"members": [{"relation": "self"}], "income": {"earned_krw": 0, "other_krw": 300000}}
    reading = read_message(text, understand(text), ["support_obligor"], ledger, facts)
    assert reading.facts["income"] == {"earned_krw": 0, "other_krw": 0}
    assert "support_obligor" not in reading.filled
    no_family = read_message(
        "没有这样的家人", understand("没有这样的家人"), ["support_obligor"], ledger, facts
    )
    assert "support_obligor" in no_family.filled


def test_a_husband_who_left_home_is_a_crisis_and_an_unmarked_debt_is_debt() -> None:
    assert understand("신랑이 가출해서 생활비가 끊겼어요").facts["crisis"] == ["breadwinner_absent"]
    assets = understand("Toi co tiet kiem 14.000.000 won, no hai muoi mot trieu won").facts["assets"]
    assert assets == {"financial_krw": 14_000_000, "debt_krw": 21_000_000}


def test_an_age_said_of_her_child_in_the_household_answer_is_not_hers() -> None:
    from graphs.dialogue import ledger as lg

    text = "음... 저까지 2명이요, 애 하나랑 살아요. 10살이요"
    ledger: lg.Ledger = {"household": {"asks": 1, "asked_turn": 1}, "age": {"asks": 0, "asked_turn": 1}}
    reading = read_message(
        text, understand(text), ["household", "age"], ledger, {"members": [{"relation": "self"}]}
    )
    members = reading.facts["members"]
    assert next(m for m in members if m["relation"] == "self").get("age") is None
    assert any(m["relation"] == "child" and m.get("age") == 10 for m in members)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        (
            "my neighbor is an old man around 80, his son shouts at him every night and today I saw bruises on his "
            "face. who should I call?",
            ["elder_abuse", "violence"],
        ),
        ("쌀도 다떨어지고 오늘 저녁 먹을것도 없네요.. 이런것도 도움받을데가 있나", ["no_food"]),
    ],
)
def test_danger_said_in_everyday_words_names_its_kind(text: str, kinds: list[str]) -> None:
    from graphs.nlu.intent import crisis_signals
    from graphs.referrals import crisis_kinds

    assert crisis_kinds(crisis_signals(text), text) == kinds


def test_asking_for_her_husband_her_own_nationality_is_hers_and_his_is_his() -> None:
    from graphs.dialogue.proxy import as_applicant

    text = "em Việt Nam F-6, chồng Hàn"
    members = as_applicant(understand(text).facts, "spouse", text)["members"]
    assert {m["relation"]: m.get("nationality") for m in members} == {"self": "KR", "spouse": "VN"}


def test_relatives_who_died_said_of_family_support_are_no_crisis() -> None:
    from graphs.dialogue import ledger as lg

    text = "老公父母都去世了，没有别的亲戚"
    ledger: lg.Ledger = {"support_obligor": {"asks": 1, "asked_turn": 5}}
    reading = read_message(
        text, understand(text), ["support_obligor"], ledger, {"members": [{"relation": "self"}]}
    )
    assert "crisis" not in reading.facts
    assert reading.facts["support_obligor"] == "none"


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("수면제 한꺼번에 먹으면 죽을수있나요", ["suicide"]),
        ("我妈妈70岁了，被我哥哥打了，现在脸都肿了", ["elder_abuse", "violence"]),
        ("요양원에 계신 엄마 팔에 멍이 자꾸 생겨요 맞으시는거 같아요", ["elder_abuse", "violence"]),
        ("할머니가 치매 있으신데 시장 가셨다가 길을 잃으신거같아요 어떡해요ㅠㅠ", ["missing_person"]),
        ("감기약 먹으면 졸릴 수 있나요", []),
        ("남편한테 맞았어요", ["violence"]),
    ],
)
def test_dangers_asked_as_questions_or_told_in_passing_get_their_kind(text: str, kinds: list[str]) -> None:
    from graphs.nlu.intent import crisis_signals
    from graphs.referrals import crisis_kinds

    assert crisis_kinds(crisis_signals(text), text) == kinds


@pytest.mark.parametrize(
    ("text", "monthly"),
    [("chồng lương 30 triệu 1 năm", 2_500_000), ("chồng lương 3 triệu 1 tháng", 3_000_000)],
)
def test_a_salary_a_year_in_vietnamese_is_a_twelfth_a_month(text: str, monthly: int) -> None:
    assert understand(text).facts["income"] == {"earned_krw": monthly}


@pytest.mark.parametrize(
    "text", ["65세 되면 장애인연금 끊기고 기초연금으로 바뀐다던데", "65岁以后基础年金会少吗"]
)
def test_an_age_to_be_reached_as_a_rule_s_condition_is_nobody_s_age(text: str) -> None:
    assert find_ages(text) == []
    assert [a.value for a in find_ages("저 64세인데 65세 되면 받을 수 있나요")] == [64]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我爸爸75岁一个人住，每个月国民年金40万，有一套房子大概1亿，能领基础年金吗", "parent"),
        ("我妈妈去世了，我能领什么", None),
    ],
)
def test_a_father_living_alone_asked_about_in_chinese_is_the_applicant(
    text: str, expected: str | None
) -> None:
    from graphs.dialogue.proxy import asking_for

    assert asking_for(text) == expected


def test_the_baby_carried_is_no_member_and_its_months_are_how_far_along() -> None:
    members = understand(
        "Em đang mang thai bé đầu, 7 tháng rồi. Em người Việt visa F-6, chồng Hàn 30 tuổi."
    ).facts["members"]
    assert [m["relation"] for m in members] == ["self", "spouse"]
    assert members[0]["pregnant"] is True
    assert understand("我怀着宝宝，7个月了").facts["members"] == [{"relation": "self", "pregnant": True}]


def test_a_month_before_approximately_is_no_baby() -> None:
    assert "members" not in understand("打零工一个月大概九十万").facts or all(
        m["relation"] == "self" for m in understand("打零工一个月大概九十万").facts["members"]
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("有个女儿，结婚了，在公司上班，收入一般", "meets"),
        ("有个女儿，生活也不宽裕", "meets"),
        ("儿子很有钱", "fails"),
    ],
)
def test_a_relative_of_ordinary_means_in_chinese_does_not_disqualify(text: str, value: str) -> None:
    from graphs.slots import parse_answer

    assert parse_answer("support_obligor", text, {}, {}) == {"support_obligor": value}


def test_a_bare_number_correcting_her_savings_corrects_that_kind() -> None:
    from graphs.dialogue import ledger as lg

    text = "아 아니다 퇴직금 들어와서 천오백이네요"
    ledger: lg.Ledger = {"assets": {"asks": 0, "status": "said", "turn": 1}}
    facts = {"assets": {"property_krw": 0, "financial_krw": 10_000_000, "debt_krw": 0}}
    reading = read_message(text, understand(text), [], ledger, facts)
    assert reading.facts["assets"]["financial_krw"] == 15_000_000


def test_the_gyeonggi_youth_money_described_is_that_program_but_her_age_alone_is_not() -> None:
    text = "Nghe nói thanh niên 24 tuổi ở Gyeonggi được 1 triệu won mỗi năm, em có được không?"
    assert understand(text).programs == ["gyeonggi_youth_basic_income"]
    assert understand("경기도 사는데 24살이에요 뭐 받을 수 있어요?").programs == []


def test_blind17_readings_a_mother_living_alone_in_chinese_a_status_before_and_a_teen_without_a_bed() -> None:
    from graphs.dialogue.proxy import as_applicant, asking_for
    from graphs.nlu.intent import crisis_signals
    from graphs.nlu.programs import detect_programs
    from graphs.referrals import crisis_kinds

    text = "我妈75岁，一个人住在始兴，有韩国国籍，没什么收入，就靠我每个月给一点钱。她能申请什么补助吗？"
    assert asking_for(text) == "parent"
    assert as_applicant(understand(text).facts, "parent", text)["members"][0]["age"] == 75
    assert detect_programs("엄마 수급자고 예순여덟") == ([], ["livelihood_benefit"])
    teen = "집 나왔는데 오늘 잘데가 없어요 열일곱살임 어케해요"
    assert crisis_kinds(crisis_signals(teen), teen)[0] == "youth"
    widow = "老公上个月去世了，我一个人带着孩子，生活很困难，应该去哪里求助？"
    assert understand(widow).programs == ["emergency_welfare"]
