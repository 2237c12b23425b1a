"""Facts residents tell in passing that were lost or misread: two children and one birth date, a receipt and a
refusal in one sentence, raising children alone, amounts as Vietnamese and English speakers say them, a
birth date or birth year that is her own, durations that are not ages, and nationality codes."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from graphs.dialogue.proxy import asking_for
from graphs.dialogue.reading import read_message
from graphs.guards import guard_input
from graphs.nlu import understand
from graphs.nlu.dates import find_past_dates
from graphs.nlu.facts import extract_facts
from graphs.nlu.numbers import find_ages, find_money
from graphs.nlu.places import find_region
from graphs.referrals import crisis_kinds
from graphs.slots import parse_answer


def _members(text: str) -> list[dict[str, Any]]:
    return list(extract_facts(text).get("members") or [])


def test_a_baby_s_birth_date_beside_an_older_child_s_age_keeps_both_children() -> None:
    children = [m for m in _members("애기는 10월 3일생이고 첫째는 네살이에요") if m["relation"] == "child"]
    assert len(children) == 2
    baby = next(c for c in children if "birth_date" in c)
    assert baby["birth_date"].endswith("-10-03")
    assert "birth_order" not in baby  # 첫째 is the four-year-old, not the baby


def test_the_ordinal_said_before_the_birth_is_the_baby_s() -> None:
    baby = next(m for m in _members("첫째는 네살이고 둘째는 10월 3일에 태어났어요") if "birth_date" in m)
    assert baby["birth_order"] == 2


@pytest.mark.parametrize(
    ("text", "receiving"),
    [
        ("기초연금은 받고 있고 장기요양 등급은 안 받았다", ["basic_pension"]),
        ("기초연금 받는데 다른건 안 받아요", ["basic_pension"]),
        ("기초연금도 차상위도 아무것도 안 받아요", []),
        ("기초연금 안 받고 있고 장애수당도 안 받아요", []),
    ],
)
def test_a_negation_denies_only_the_receipts_of_its_own_clause(text: str, receiving: list[str]) -> None:
    assert extract_facts(text).get("receiving") == receiving


@pytest.mark.parametrize(
    "text",
    ["이혼했다 혼자 키운다", "애들 둘 혼자 키웁니다", "chi oi em ly hon roi, nuoi 2 con mot minh"],
)
def test_raising_children_alone_is_a_single_parent_not_a_one_person_household(text: str) -> None:
    facts = extract_facts(text)
    assert facts.get("single_parent") is True
    assert any(m.get("relation") == "child" for m in facts.get("members") or [])


@pytest.mark.parametrize(
    ("text", "krw"),
    [
        ("luong hai trieu sau moi thang", 2_600_000),
        ("lương hai triệu rưỡi", 2_500_000),
        ("2,6 trieu won", 2_600_000),
        ("hai triệu sáu trăm nghìn", 2_600_000),
        ("Only my wife's salary, one point five million won a month.", 1_500_000),
        ("hai phẩy năm triệu", 2_500_000),
        ("휴업급여 210이 전부예요", 2_100_000),
        ("통장에 천 있어요", 10_000_000),
    ],
)
def test_amounts_as_people_say_them(text: str, krw: int) -> None:
    assert [m.krw for m in find_money(text)] == [krw]


def test_a_house_in_vietnamese_is_property_not_income() -> None:
    facts = extract_facts(
        "Bà có lương hưu quốc dân (국민연금) 300 nghìn won, nhà riêng nhỏ khoảng 100 triệu won."
    )
    assert facts["assets"]["property_krw"] == 100_000_000
    assert facts["income"] == {"other_krw": 300_000}


@pytest.mark.parametrize(
    "text",
    [
        "Lived in Ansan for two years, then moved to Siheung three years ago.",
        "I came to Korea ten years ago",
    ],
)
def test_durations_in_words_are_not_ages(text: str) -> None:
    assert find_ages(text) == []


@pytest.mark.parametrize(
    ("text", "born"),
    [
        ("Gyeonggi youth basic income - can I apply? I was born on 28 Dec 2001.", "2001-12-28"),
        ("경기도 청년기본소득 나두 되냐?? 01년 12월20일생임", "2001-12-20"),
        ("tôi sinh ngày 28/12/2001", "2001-12-28"),
    ],
)
def test_her_own_birth_date_is_hers(text: str, born: str) -> None:
    members = _members(text)
    assert members == [{"relation": "self", "birth_date": born}]


def test_a_birth_year_gives_an_age_and_a_said_age_wins() -> None:
    today = date.today()
    expected = today.year - 1989 - (today.month < 7)
    assert [a.value for a in find_ages("89년생이에요 혼자 살아요")] == [expected]
    assert [a.value for a in find_ages("02년생이요 생일 지나서 만24")] == [24]
    ages = {m["relation"]: m.get("age") for m in _members("아들은 15년생이고 저는 85년생")}
    assert ages == {
        "self": today.year - 1985 - (today.month < 7),
        "child": today.year - 2015 - (today.month < 7),
    }


def test_a_vietnamese_day_and_month_before_a_full_stop_is_a_date() -> None:
    found = find_past_dates("em moi sinh be thu hai ngay 15/11. Thanh pho Siheung", date(2026, 12, 5))
    assert [f.value for f in found] == [date(2026, 11, 15)]
    members = _members("chao chi, em moi sinh be thu hai ngay 15/11. Siheung co tien khong a?")
    baby = next(m for m in members if m["relation"] == "child")
    assert baby["birth_order"] == 2
    assert baby["birth_date"].endswith("-11-15")


def test_nationality_codes_as_residents_type_them() -> None:
    nationalities = {m["relation"]: m.get("nationality") for m in _members("em VN, chồng và con KR")}
    assert nationalities == {"self": "VN", "spouse": "KR", "child": "KR"}


def test_only_my_husband_works_is_not_living_alone() -> None:
    members = _members("家里就我老公上班，一个月三百五十万")
    assert {m["relation"] for m in members} == {"self", "spouse"}
    assert _members("就我一个人") == [{"relation": "self"}]


def test_lived_there_since_birth_is_her_address() -> None:
    assert find_region("태어나서부터 쭉 시흥 살았음", answer=True) == {"sido": "경기도", "sigungu": "시흥시"}
    assert find_region("경기도 온 지 2년 됐고 그 전엔 쭉 부산에서 살았어요", answer=True) is None


def test_a_disability_program_asked_while_only_the_husband_is_disabled_is_asked_for_him() -> None:
    text = "남편이 작년에 사고로 중증장애 판정 받았어요. 장애인연금 받을 수 있을까요?"
    u = understand(text)
    assert asking_for(text, u.facts, u.programs) == "spouse"
    mine = "저 중증장애인데 남편도 경증이에요. 장애인연금 받을 수 있을까요?"
    u = understand(mine)
    assert asking_for(mine, u.facts, u.programs) is None


def test_violence_at_home_sensed_by_the_classifier_gets_the_violence_lines() -> None:
    text = "I left my husband last month because he was violent. I'm safe now."
    events = extract_facts(text).get("crisis") or []
    assert "domestic_violence" in events
    assert crisis_kinds(["model"], text, events) == ["violence"]
    assert crisis_kinds(["model"], "I feel lost", []) == []


def test_months_behind_on_rent_are_not_a_baby() -> None:
    assert find_ages("My contract ended two months ago and I'm 3 months behind on rent.") == []
    assert find_ages("월세가 석 달 밀려서") == []


def test_whose_nationality_a_clause_states() -> None:
    his = {
        m["relation"]: m.get("nationality") for m in _members("Chồng em 70 tuổi người Hàn, em 55 tuổi F-5.")
    }
    assert his == {"self": "XX", "spouse": "KR"}
    mother = {
        m["relation"]: m.get("nationality") for m in _members("Mẹ em 66 tuổi, người Việt, sang ở với em.")
    }
    assert mother == {"self": None, "parent": "VN"}
    mine = {
        m["relation"]: m.get("nationality") for m in _members("남편은 한국 사람이고 저는 베트남 사람이에요")
    }
    assert mine == {"self": "VN", "spouse": "KR"}


def test_a_single_parent_childcare_allowance_in_chinese_is_not_the_parent_benefit() -> None:
    u = understand("我离婚了，一个人带五岁的女儿。单亲家庭育儿补贴和儿童津贴能领吗？")
    assert set(u.programs) == {"single_parent_child_support", "child_allowance"}


def test_asking_whether_mother_can_get_it_in_vietnamese_is_for_her() -> None:
    assert asking_for("Mẹ em 66 tuổi, người Việt. Mẹ có được 기초연금 không ạ?") == "parent"


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Yes, a mild one. I want to know if I can get disability pension for severe disabilities.", "mild"),
        ("중증은 아니고 경증이에요", "mild"),
        ("not severe, mild", "mild"),
        ("중증이요", "severe"),
    ],
)
def test_the_disability_level_she_answers_is_the_first_she_says_of_herself(text: str, level: str) -> None:
    assert parse_answer("disability", text, {}, {}) == {
        "members": [{"relation": "self", "disability": level}]
    }


def test_a_correction_in_chinese_replaces_the_household() -> None:
    before = {
        "members": [
            {"relation": "self"},
            {"relation": "spouse"},
            {"relation": "child", "age": 11},
            {"relation": "child", "age": 10},
            {"relation": "child", "months_old": 14, "age": 1},
        ]
    }
    text = "那个，更正一下，我和丈夫、两个孩子，一共4口人. 11岁、14个月"
    reading = read_message(
        text, understand(text), ["assets"], {"household": {"status": "answered", "turn": 1}}, before
    )
    assert len(reading.facts["members"]) == 4


def test_a_birth_in_chinese_numerals_is_the_third_child_s_and_the_years_lived_here_are_kept() -> None:
    facts = extract_facts("我在始兴住了五年，八月二十号生了老三。请问父母津贴能拿多少？")
    baby = next(m for m in facts["members"] if m["relation"] == "child")
    assert baby["birth_order"] == 3
    assert baby["birth_date"].endswith("-08-20")
    assert facts["region"]["months_resident"] == 60
    assert "months_resident" not in (extract_facts("부천에서 5년 살다가 시흥 왔어요").get("region") or {})


def test_years_in_gyeonggi_said_in_words() -> None:
    answer = parse_answer(
        "gyeonggi_residence_years", "Five years straight in Gyeonggi (Ansan 2 + Siheung 3).", {}, {}
    )
    assert answer == {"gyeonggi_residence_years": 5, "gyeonggi_total_residence_years": 5}


def test_ages_said_now_and_in_passing() -> None:
    came = _members("我10岁跟妈妈来的韩国，后来入籍了。今年满24岁，一直住在始兴。")
    assert next(m for m in came if m["relation"] == "self")["age"] == 24
    retiree = _members("I'm a 66 yo American retiree, married to a Korean lady.")
    assert next(m for m in retiree if m["relation"] == "self")["age"] == 66
    assert {m["relation"]: m.get("age") for m in _members("minh 38, chong 45")} == {"self": 38, "spouse": 45}


def test_money_spent_is_not_savings() -> None:
    assert extract_facts("啊不对，存款只有500万，那300万上礼拜办丧事已经花掉了")["assets"] == {
        "financial_krw": 5_000_000
    }
    assert extract_facts("savings 5 million, I spent 3 million on the funeral")["assets"] == {
        "financial_krw": 5_000_000
    }


def test_each_amount_in_an_income_answer_is_income() -> None:
    text = "chong 340만, minh 160만 moi thang"
    reading = read_message(text, understand(text), ["income"], {}, {"members": [{"relation": "self"}]})
    assert reading.facts["income"]["other_krw"] == 5_000_000


def test_a_count_after_a_list_of_members_counts_everyone() -> None:
    relations = [m["relation"] for m in _members("와이프랑 다섯살 딸 셋이요")]
    assert relations == ["self", "spouse", "child"]
    assert [m["relation"] for m in _members("남편하고 딸 둘이랑 살아요")].count("child") == 2


def test_a_school_said_of_all_then_each_grade_is_two_children() -> None:
    assert [m["relation"] for m in _members("都上小学，六年级和四年级")].count("child") == 2


def test_after_tax_pay_is_income() -> None:
    assert [m.krw for m in find_money("월급 세후 사백오십")] == [4_500_000]


def test_a_rule_she_heard_about_everyone_is_not_a_request_for_other_people_s_data() -> None:
    heard = "my korean coworker said everyone who is 24 in gyeonggi gets 청년기본소득?? im 24. do i qualify"
    assert guard_input(heard, max_chars=2000).allowed
    assert not guard_input("list everyone in my building who gets basic pension", max_chars=2000).allowed
