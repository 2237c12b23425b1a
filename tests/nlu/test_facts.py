"""Facts extracted into the contract's household fields; the result is a valid household."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from graphs.nlu.facts import extract_facts, flatten_facts
from tools.eligibility.household import parse_household


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("일흔 살이고 혼자 살아요", {"self_age": 70, "household_size": 1}),
        ("애 둘 키워요", {"household_size": 3}),
        ("아내와 둘이 살아요", {"household_size": 2}),
        ("3인 가구예요", {"household_size": 3}),
        ("남편이랑 애 셋", {"household_size": 5}),
        ("우리 엄마 만 80세예요", {"parent_age": 80}),
        ("아기가 5개월이에요", {"child_months_old": 5}),
        ("월 80만원 벌어요", {"earned_krw": 800_000}),
        ("연금 30만원 받아요", {"other_krw": 300_000}),
        ("월세 35만원 내요", {"rent_krw": 350_000, "tenure": "renter"}),
        ("전세 살아요", {"tenure": "renter"}),
        ("집이 있어요", {"tenure": "owner"}),
        ("노숙하고 있어요", {"tenure": "homeless"}),
        ("중증 장애가 있어요", {"disability": "severe"}),
        ("경증 장애인이에요", {"disability": "mild"}),
        ("임신 7개월이에요", {"pregnant": True}),
        ("싱글맘이에요", {"single_parent": True}),
        ("실직했어요", {"crisis": ["job_loss"]}),
        ("가게 폐업했어요", {"crisis": ["business_closure"]}),
        ("이혼했어요", {"crisis": ["divorce"]}),
        ("생계급여 받고 있어요", {"receiving": ["livelihood_benefit"]}),
        ("정왕동 살아요", {"sigungu": "시흥시"}),
        ("수입이 없어요", {"earned_krw": 0}),
        ("I'm 72 and live alone", {"self_age": 72, "household_size": 1}),
        ("a single mom with two kids", {"single_parent": True, "household_size": 3}),
        ("I rent and pay 400k rent", {"tenure": "renter", "rent_krw": 400_000}),
        ("我今年68岁，一个人住", {"self_age": 68, "household_size": 1}),
        ("我带着两个孩子", {"household_size": 3}),
        ("tôi 66 tuổi", {"self_age": 66}),
        ("tôi có hai con", {"household_size": 3}),
        ("경기도 산 지 7년 됐어요", {"gyeonggi_residence_years": 7.0}),
    ],
)
def test_extract_facts(text: str, expected: dict[str, Any]) -> None:
    flat = flatten_facts(extract_facts(text))
    for key, value in expected.items():
        got = flat.get(key)
        if isinstance(value, list):
            assert got is not None, key
            assert set(value) <= set(got), (key, got)
        else:
            assert got == value, (key, got)


def test_nothing_stated_nothing_extracted() -> None:
    assert extract_facts("기초연금 얼마예요?") == {}
    assert extract_facts("안녕하세요") == {}


@pytest.mark.parametrize(
    "text",
    [
        "일흔 살이고 혼자 사는데 월 30만원 연금 받고 월세 20만원이에요",
        "남편 월급 180 받고 애 셋인데 전세 살아요 시흥 정왕동",
        "I'm 36, single mom with two kids, earn 1.2 million won",
        "아기 3개월이고 첫째는 초등학생이에요",
        "3인가구 월소득 200만원 재산 1억",
    ],
)
def test_extracted_facts_are_a_valid_household(text: str) -> None:
    facts = extract_facts(text)
    assert "members" in facts
    household = parse_household(facts)
    assert household.members[0].relation == "self"


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("다섯 식구요. 집사람이랑 애 세 명이랑 살아요, 열두 살, 7살, 26개월요", [12, 7, 2]),
        ("老大9岁，6岁，23个月，想问一下", [9, 6, 1]),
        ("아이고 마, 43살 먹었어예. 신랑, 애들 셋. 첫째가 13살, 9살, 6살.", [13, 9, 6]),
    ],
)
def test_a_list_of_young_ages_after_the_children_is_theirs(text: str, ages: list[int]) -> None:
    members = extract_facts(text)["members"]
    assert [m.get("age") for m in members if m.get("relation") == "child"] == ages
    assert members[0].get("age") in (None, 43)


def test_a_severity_in_a_programs_name_is_not_hers() -> None:
    for text in (
        "Is it possible for me to get disability allowance for mild disabilities?",
        "경증 장애수당 돼요?",
    ):
        assert "members" not in extract_facts(text)
    assert extract_facts("저 경증 장애인인데 장애수당 돼요?")["members"][0]["disability"] == "mild"


def test_english_word_amounts_after_and_and_from_work() -> None:
    facts = extract_facts(
        "one million nine hundred seventy thousand won from work and three hundred forty thousand won other income"
    )
    assert facts["income"] == {"earned_krw": 1_970_000, "other_krw": 340_000}
    assert len(extract_facts("2 people - me, my dad")["members"]) == 2


@pytest.mark.parametrize(
    ("text", "income"),
    [
        ("월급 148만, 실업급여 1,030,000원이요", {"earned_krw": 1_480_000, "other_krw": 1_030_000}),
        ("월급 200 연금 30", {"earned_krw": 2_000_000, "other_krw": 300_000}),
        ("연금 30만원이랑 알바해서 50만원", {"other_krw": 300_000, "earned_krw": 500_000}),
        ("I earn 1.2 million won, plus 300,000 won pension", {"earned_krw": 1_200_000, "other_krw": 300_000}),
    ],
)
def test_each_amount_takes_its_own_kind_word(text: str, income: dict[str, int]) -> None:
    assert extract_facts(text)["income"] == income


def test_a_birth_without_a_date_is_a_baby_to_ask_about() -> None:
    members = extract_facts("둘째 낳았어요^^ 첫만남이용권 둘째는 삼백 맞죠?")["members"]
    assert {"relation": "child", "birth_order": 2} in members
    assert extract_facts("I'm 6 months pregnant with our first")["members"] == [
        {"relation": "self", "pregnant": True}
    ]


def test_a_birth_order_inside_another_word_is_not_one_and_unmarked_vietnamese_is() -> None:
    # "daughter" holds "dau" (đầu, first, written without marks): once a crash, now not an ordinal at all
    english = extract_facts(
        "our daughter was born on Jan 2 this year, the first baby of the year at the hospital"
    )
    assert english["members"][1]["birth_order"] == 1
    assert extract_facts("con dau sinh ngay 2/1/2026")["members"][1]["birth_order"] == 1
    assert "birth_order" not in extract_facts("my daughter was born on 2 March 2026")["members"][1]


def test_spoken_endings_still_carry_the_fact() -> None:
    assert extract_facts("올해 스물넷임")["members"][0]["age"] == 24
    assert extract_facts("나 생계급여 받는 할매여")["receiving"] == ["livelihood_benefit"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("남편 월급 사백오십이요", {"earned_krw": 4500000}),  # 이 is the particle, not a 2
        ("사백오십이만원 벌어요", {"earned_krw": 4520000}),
        ("내가 노가다 해가 한달 백오십 번다", {"earned_krw": 1500000}),
        ("와이프 마트에서 240 받아요 그 외엔 없어요", {"earned_krw": 2400000}),  # "그 외엔 없어요" is no kind
        ("老婆打工一个月一百八十万", {"earned_krw": 1800000}),
    ],
)
def test_spoken_amounts_and_their_kind(text: str, expected: dict[str, int]) -> None:
    assert extract_facts(text)["income"] == expected


def test_months_of_arrears_or_a_month_of_pay_are_not_a_baby() -> None:
    facts = extract_facts("임신 6개월인데 계약 끝나서 일도 없고 월세도 두달 밀렸어요")
    assert [m["relation"] for m in facts["members"]] == ["self"]
    assert facts["members"][0]["pregnant"] is True
    assert extract_facts("아기 두 달 됐어요")["members"][1]["months_old"] == 2


def test_chinese_ages_without_sui_after_a_person() -> None:
    members = extract_facts("我四十五，老婆四十三")["members"]
    assert [(m["relation"], m["age"]) for m in members] == [("self", 45), ("spouse", 43)]
    assert extract_facts("我上个月被公司解雇了")["crisis"] == ["job_loss"]


@pytest.mark.parametrize(
    ("text", "children"),
    [
        ("저랑 아이 둘이요", 1),
        ("저랑 애 둘이 살아요", 1),
        ("저랑 아이 둘 셋이 살아요", 2),
        ("애 둘 키워요", 2),
    ],
)
def test_me_and_a_child_two_of_us_is_one_child(text: str, children: int) -> None:
    members = extract_facts(text)["members"]
    assert sum(m["relation"] == "child" for m in members) == children


def test_her_own_age_after_her_childrens_is_hers() -> None:
    members = extract_facts("저랑 아이 둘이요 애는 다섯살이고 저는 서른둘")["members"]
    assert members == [{"relation": "self", "age": 32}, {"relation": "child", "age": 5}]


def _members(text: str) -> list[dict[str, Any]]:
    return list(extract_facts(text).get("members") or [])


def _month_old_in(month: int) -> int:
    """How many full months a baby born in `month` (this year or last) is taken to be today."""
    today = date.today()
    ago = (today.month - month) % 12
    return max(0, ago - (today.day < 16))


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("Hi, I had my first baby in August!!", 8),
        ("8월에 둘째 낳았어요", 8),
        ("宝宝是8月出生的", 8),
        ("em mới sinh bé vào tháng 8", 8),
    ],
)
def test_a_birth_month_gives_the_babys_months(text: str, month: int) -> None:
    babies = [m for m in _members(text) if m["relation"] == "child"]
    assert [b.get("months_old") for b in babies] == [_month_old_in(month)]


def test_a_month_she_moved_or_her_own_birth_long_ago_is_no_baby() -> None:
    assert _members("8월초에 이사 왔어요") == []
    assert [m for m in _members("my son is 5, i was born in May 1990") if "months_old" in m] == []


def test_a_pronoun_gives_the_age_to_the_person_named_before() -> None:
    members = _members("Me, my husband and the baby. Husband is Korean, he's 36")
    assert next(m for m in members if m["relation"] == "spouse")["age"] == 36
    assert "age" not in next(m for m in members if m["relation"] == "self")
    assert next(m for m in _members("我老公是韩国人，他36岁") if m["relation"] == "spouse")["age"] == 36


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("chồng em (40 tuổi), con trai lớn 4 tuổi và em bé", [4, None]),
        ("4살 아들이랑 아기 있어요", [4, None]),
        ("my son is 5 and the baby is 3 months", [5, 0]),
        ("남편이랑 5살 딸, 아기 3개월", [5, 0]),
        ("신생아요 둘다", [0, 0]),
    ],
)
def test_the_baby_besides_older_children_is_one_more_child(text: str, ages: list[int | None]) -> None:
    children = [m for m in _members(text) if m["relation"] == "child"]
    assert [c.get("age") for c in children] == ages


def test_a_relation_joined_by_and_does_not_take_the_next_age() -> None:
    spouse = next(m for m in _members("남편이랑 5살 딸, 아기 3개월") if m["relation"] == "spouse")
    assert "age" not in spouse


def test_a_baby_still_due_is_a_pregnancy_not_a_child() -> None:
    members = _members("me and my husband, baby due in February")
    assert [m["relation"] for m in members] == ["self", "spouse"]
    assert members[0]["pregnant"] is True


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("em quốc tịch Việt Nam, chồng con người Hàn", {"self": "VN"}),
        ("tôi là người Việt nhưng đã nhập quốc tịch Hàn rồi", {"self": "KR"}),
        ("tôi người Việt F-6, chồng và con quốc tịch Hàn", {"self": "VN", "spouse": "KR", "child": "KR"}),
        ("我和老伴都是入了韩国籍的，我68，他66。", {"self": "KR", "spouse": "KR"}),
        ("I'm Vietnamese, my husband is Korean", {"self": "VN", "spouse": "KR"}),
    ],
)
def test_each_nationality_said_goes_to_its_person(text: str, expected: dict[str, str]) -> None:
    said = {m["relation"]: m.get("nationality") for m in _members(text)}
    assert {rel: said.get(rel) for rel in expected} == expected


def test_a_late_husband_is_not_a_member_and_raising_two_alone_is_single_parent() -> None:
    facts = extract_facts("남편 먼저 보내고 혼자 애둘 키우는디 한부모 양육비 받을 수 있으까잉")
    assert facts["single_parent"] is True
    assert [m["relation"] for m in facts["members"]] == ["self", "child", "child"]
    assert extract_facts("남편 재작년에 갔제") == {}


@pytest.mark.parametrize(
    ("text", "earned"),
    [
        ("老伴当保安，每个月二百五十万", 2_500_000),
        ("집사람 요양보호사 해가 한달 백육십 법니더", 1_600_000),
        ("chồng lái xe được 2 triệu 200 nghìn won", 2_200_000),
    ],
)
def test_a_job_named_makes_the_amount_earned(text: str, earned: int) -> None:
    assert extract_facts(text)["income"].get("earned_krw") == earned


def test_only_the_basic_pension_is_what_she_receives_and_its_amount_her_income() -> None:
    facts = extract_facts("每个月只有基础年金，三十四万九千七百韩元，别的没有")
    assert facts["receiving"] == ["basic_pension"]
    assert facts["income"] == {"other_krw": 349_700}


def test_a_kind_she_has_none_of_does_not_take_the_amount_before_it() -> None:
    assert extract_facts("이 집 하나 있는데 오래됐어요. 예금은 이백, 빚 없어요")["assets"] == {
        "financial_krw": 2_000_000
    }


def test_the_benefit_named_before_nothing_else_is_received() -> None:
    assert extract_facts("Mẹ tôi nhận 기초연금, không có gì khác")["receiving"] == ["basic_pension"]
    assert extract_facts("기초연금도 차상위도 아무것도 안 받아요")["receiving"] == []


def test_a_kind_word_past_a_comma_belongs_to_the_next_clause() -> None:
    # the guard turns "，" into ","; "上班" after the comma is her not working, not the pension's kind
    facts = extract_facts("老公工伤年金每个月二百六十万,我不上班,婆婆没收入")
    assert facts["income"] == {"other_krw": 2_600_000}
    assert extract_facts("월급 200, 연금 30")["income"] == {"earned_krw": 2_000_000, "other_krw": 300_000}


@pytest.mark.parametrize(
    ("text", "assets"),
    [
        ("Tiền cọc phòng 8 triệu won, tiết kiệm khoảng 2 triệu won. Không nợ", {"property_krw": 8_000_000, "financial_krw": 2_000_000}),
        ("tien coc nha 4 trieu won, tiet kiem 700 nghin won, khong no", {"property_krw": 4_000_000, "financial_krw": 700_000}),
    ],
)  # fmt: skip
def test_vietnamese_assets_with_about_and_no_debt(text: str, assets: dict[str, int]) -> None:
    assert extract_facts(text)["assets"] == assets


def test_a_vietnamese_wage_in_millions_and_hundreds() -> None:
    assert extract_facts("lương khoảng 2 triệu 3 trăm nghìn won một tháng")["income"] == {
        "earned_krw": 2_300_000
    }


def test_a_household_of_seven_said_with_sikgu() -> None:
    assert len(extract_facts("우리 식구가 일곱이에요 시부모님이랑 같이 살아서")["members"]) == 7


def test_a_collapse_followed_by_a_hospital_stay_is_a_serious_illness() -> None:
    assert extract_facts("남편이 갑자기 쓰러져서 입원했어요 생활비가 없어요")["crisis"] == ["serious_illness"]


def test_ages_in_brackets_and_children_named_by_place() -> None:
    members = extract_facts("남편(46) 저(44) 큰애 고2 작은애 중1")["members"]
    assert [m.get("age") for m in members[:2]] == [44, 46]
    assert sum(m["relation"] == "child" for m in members) == 2


def test_me_with_my_age_and_a_son_the_two_of_us_and_no_husband() -> None:
    members = extract_facts("저(58)랑 아들 둘이 살아요 남편은 없어요")["members"]
    assert [m["relation"] for m in members] == ["self", "child"]


def test_work_that_stopped_is_a_job_loss() -> None:
    assert extract_facts("일자리가 끊기고 월세도 두 달 밀렸어")["crisis"] == ["job_loss"]


def test_a_total_that_restates_the_parts_is_not_counted_again() -> None:
    assert extract_facts("국민연금 190 퇴직연금 60 해서 한달 250 들어와")["income"] == {
        "other_krw": 2_500_000
    }
    assert extract_facts("salary 2 million and pension 500k, 2.5 million in total")["income"] == {
        "earned_krw": 2_000_000,
        "other_krw": 500_000,
    }
    # without a word of summing, a later amount is more income
    assert extract_facts("연금 100 용돈 30 받아요")["income"] == {"other_krw": 1_300_000}


def test_an_amount_taken_back_in_the_same_message_is_replaced() -> None:
    assert extract_facts("월급 250만원 아니 280만원이요")["income"] == {"earned_krw": 2_800_000}
    assert extract_facts("salary 25 million, sorry I mean 2.5 million a month")["income"] == {
        "earned_krw": 2_500_000
    }
    said = "chồng tôi làm công nhân 250 triệu... à nhầm 2 triệu 5 một tháng"
    assert extract_facts(said)["income"] == {"earned_krw": 2_500_000}
    assert extract_facts("예금 천만원 아니 이천만원")["assets"] == {"financial_krw": 20_000_000}
    # two kinds, no word taking one back: both count
    assert extract_facts("월급 200 연금 50")["income"] == {"earned_krw": 2_000_000, "other_krw": 500_000}


def test_an_amount_denied_after_another_is_not_counted() -> None:
    said = "à em nói nhầm, chồng em lương 2 triệu 8 chứ không phải 3 triệu 8"
    assert extract_facts(said)["income"] == {"earned_krw": 2_800_000}


def test_a_long_term_care_grade_said_not_to_exist() -> None:
    said = "He doesn't have a long-term care grade (장기요양등급)"
    assert extract_facts(said)["members"][0]["long_term_care"] is False
    assert extract_facts("장기요양 등급은 없어요")["members"][0]["long_term_care"] is False
    assert extract_facts("작년에 장기요양 3등급 받으셨어요")["members"][0]["long_term_care"] is True
    assert "members" not in extract_facts("장기요양 등급 나오면 계속 받을 수 있나요")


@pytest.mark.parametrize(
    ("text", "crisis"),
    [
        ("I lost my husband, who was the main earner.", ["breadwinner_death"]),
        ("남편이 지난달에 돌아가셨어요", ["breadwinner_death"]),
        ("남편 20년 전에 돌아가셨어요", None),
        ("My husband died 20 years ago", None),
        ("老公十年前去世了", None),
        ("I lost my husband's card", None),
    ],
)
def test_a_recent_death_of_the_earner_is_a_crisis_and_one_years_ago_is_not(
    text: str, crisis: list[str] | None
) -> None:
    assert extract_facts(text).get("crisis") == crisis


@pytest.mark.parametrize(
    ("text", "recognition", "income"),
    [
        ("Trung tâm nói thu nhập được công nhận của tôi là 300 nghìn won", 300_000, None),
        ("Trung tâm nói thu nhập được công nhận (소득인정액) của tôi là 0 nghìn won", 0, None),
        ("The center said my recognized income is 0 won", 0, None),
        ("소득인정액 30만원이고 월급 200", 300_000, {"earned_krw": 2_000_000}),
    ],
)
def test_a_stated_income_recognition_is_read_and_the_next_amount_keeps_its_own_kind(
    text: str, recognition: int, income: dict[str, int] | None
) -> None:
    facts = extract_facts(text)
    assert facts.get("income_recognition_krw") == recognition
    assert facts.get("income") == income


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("3주전에 둘째 출산했어요 큰애는 열살이구요", 0),
        ("두달전에 이사왔고 2주전에 애기 낳았어요", 0),
        ("十天前生了老二，老大三岁。", 0),
    ],
)
def test_a_birth_weeks_or_days_ago_is_a_newborn(text: str, months: int) -> None:
    babies = [m for m in extract_facts(text)["members"] if m.get("months_old") is not None]
    assert [b["months_old"] for b in babies] == [months]


def test_a_month_after_an_amount_in_van_is_per_month_not_a_baby() -> None:
    assert extract_facts("Lương em 110 vạn một tháng.") == {"income": {"earned_krw": 1_100_000}}


@pytest.mark.parametrize(
    ("text", "relations"),
    [
        ("5口人：我、妻子、两个孩子、母亲，老大9岁，4岁", ["self", "spouse", "child", "child", "parent"]),
        ("5口人，丈夫、两个孩子、我爸和我", ["self", "spouse", "child", "child", "parent"]),
        ("five of us: me, my husband, two kids and my mom", ["self", "spouse", "child", "child", "parent"]),
        ("다섯 식구예요 남편 애 둘 시어머니", ["self", "spouse", "child", "child", "parent"]),
        ("여섯 식구 남편 애 둘 시부모님", ["self", "spouse", "child", "child", "parent", "parent"]),
    ],
)
def test_a_parent_named_in_a_counted_household_fills_the_count(text: str, relations: list[str]) -> None:
    assert [m.get("relation") for m in extract_facts(text)["members"]] == relations


@pytest.mark.parametrize(
    ("text", "relations"),
    [
        ("나 남편 애 하나 엄마는 따로 살아요", ["self", "spouse", "child"]),
        ("아들이랑 딸은 분가했고 남편이랑 둘이 살아요", ["self", "spouse"]),
        ("my mom lives separately, me and my husband", ["self", "spouse"]),
        ("I live with my wife. I send money to my mother", ["self", "spouse"]),
    ],
)
def test_only_the_relations_said_to_live_apart_are_left_out(text: str, relations: list[str]) -> None:
    assert [m.get("relation") for m in extract_facts(text)["members"]] == relations


@pytest.mark.parametrize(
    "text",
    [
        "Tôi sống với chồng và 1 con. Cho tôi hỏi tôi có thể xin tiền nuôi con đơn thân không?",
        "한부모가족 아동양육비 받을 수 있나요?",
        "我44岁了，单亲育儿补贴和教育给付我都能申请吗？",
        "Toi co duoc nhan tro cap nuoi con cho gia dinh don than khong?",
    ],
)
def test_naming_the_single_parent_program_says_nothing_of_her(text: str) -> None:
    assert "single_parent" not in extract_facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "이혼하고 혼자 애 둘 키워요 한부모 양육비 되나요",
        "I am a single mom, can I get single parent child support?",
        "한부모가족이에요",
    ],
)
def test_saying_she_is_a_single_parent_is_read(text: str) -> None:
    assert extract_facts(text)["single_parent"] is True


def test_saying_she_is_single_beside_her_spouse_is_not_believed() -> None:
    assert extract_facts("남편이랑 애랑 사는데 혼자 애 키우는 거나 마찬가지예요")["single_parent"] is False


def test_a_grown_up_age_after_the_childrens_is_not_a_childs() -> None:
    members = extract_facts(
        "신랑, 아이 두 명 해서 4명이에요. 큰애 세 살, 작은애 10개월이에요, 41살 먹었어요"
    )["members"]
    assert members[0] == {"relation": "self", "age": 41}
    assert [m.get("age") for m in members if m.get("relation") == "child"] == [3, 0]
    assert [m.get("age") for m in extract_facts("큰애 25살, 작은애 22살")["members"][1:]] == [25, 22]


def test_no_disability_said_in_its_own_sentence_is_hers() -> None:
    members = extract_facts("와이프하고 살아. 등록된장애 없어.경증 장애수당받으려면어떻게 해야돼?")["members"]
    assert members[0]["disability"] == "none"
    assert "disability" not in members[1]
    assert extract_facts("남편은 장애 없어요")["members"][1]["disability"] == "none"


@pytest.mark.parametrize(
    ("text", "relations"),
    [
        ("Năm nay tôi sáu mươi tuổi rồi. 2 người, tôi với mẹ tôi.", ["self", "parent"]),
        ("Dạ, 2 người, tôi với chồng. Tôi đang mang thai. Em bé chưa sinh", ["self", "spouse"]),
        ("아기는 아직 안 태어났어요 임신 중이에요", ["self"]),
        ("宝宝还没出生，我怀孕了", ["self"]),
    ],
)
def test_a_vietnamese_count_and_an_unborn_baby(text: str, relations: list[str]) -> None:
    assert [m.get("relation") for m in extract_facts(text)["members"]] == relations
    assert extract_facts("tôi có 2 người con").get("members") is None


def test_a_no_about_something_else_is_not_a_no_to_benefits() -> None:
    said = extract_facts("Đang hưởng trợ cấp người già. Tôi không có con, bố mẹ mất rồi")
    assert said["receiving"] == ["basic_pension"]
    assert extract_facts("Tôi không có 기초연금")["receiving"] == []


def test_a_kind_she_has_none_of_is_not_the_amounts_kind() -> None:
    said = extract_facts(
        "Tôi sống một mình. Không có lương, chỉ có hai triệu năm trăm bảy mươi nghìn mỗi tháng"
    )
    assert "earned_krw" not in said.get("income", {})
    assert extract_facts("월급은 없고 연금 30만원")["income"] == {"other_krw": 300_000}
    assert extract_facts("Khong co luong, co 500 nghin tien tro cap")["income"] == {"other_krw": 500_000}


@pytest.mark.parametrize(
    ("text", "schools"),
    [
        ("교육급여 대상인지 알고싶습니다 애가 둘인데 고2.. 아 아니다 고1이랑 중2예요", ["high", "middle"]),
        ("孩子一个上小学三年级，一个上初二，教育给付能申请吗？", ["elementary", "middle"]),
        ("two kids, one in elementary school, one in middle school", ["elementary", "middle"]),
        ("아들이 중학생이에요", ["middle"]),
    ],
)
def test_each_childs_school_level_is_its_own(text: str, schools: list[str]) -> None:
    children = [m for m in extract_facts(text)["members"] if m.get("relation") == "child"]
    assert [c.get("school") for c in children] == schools


def test_a_corrected_amount_after_rent_is_not_unlabelled_income() -> None:
    from graphs.nlu.facts import unlabelled_amounts

    assert unlabelled_amounts("salary 1.6m/month. rent 400k.. sorry, 450k") == 0
    assert unlabelled_amounts("老公二百八十万") == 2_800_000


def test_unable_to_move_alone_is_not_living_alone() -> None:
    assert "members" not in extract_facts("아버지가 중풍으로 쓰러지시고 혼자 거동이 안되세요")
    assert "members" not in extract_facts("엄마가 아직 혼자 못걸으세요")
    assert extract_facts("혼자 살아요")["members"] == [{"relation": "self"}]


@pytest.mark.parametrize(
    "text",
    ["we just had our first baby 3 weeks ago", "I gave birth 10 days ago", "I had my son 3 weeks ago"],
)
def test_a_birth_weeks_or_days_ago_in_english_is_a_newborn(text: str) -> None:
    children = [m for m in extract_facts(text)["members"] if m.get("relation") == "child"]
    assert children == [{"relation": "child", "months_old": 0, "age": 0}]
    assert extract_facts("I paid rent 10 days ago").get("members") is None
