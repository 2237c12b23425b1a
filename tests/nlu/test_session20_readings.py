"""Facts residents write that were misread, found at the start of session 20 in the older blind sets (blind8,
blind17: development data)."""

from __future__ import annotations

from typing import Any

import pytest

from graphs.dialogue import ledger as lg
from graphs.nlu import understand
from graphs.nlu.danger import has_danger_word
from graphs.nlu.numbers import find_ages
from graphs.nlu.programs import detect_programs
from graphs.slots import parse_answer


def _members(text: str) -> list[dict[str, Any]]:
    return list((understand(text).facts or {}).get("members") or [])


@pytest.mark.parametrize(
    "text",
    [
        "Single dad here, two kids (10 and 13). Behind on rent 2 months. What help is there for us?",
        "behind on my rent for 3 months",
        "房租拖欠了两个月",
        "em no tien nha 3 thang roi",
    ],
)
def test_months_of_arrears_are_no_baby(text: str) -> None:
    assert all(m.get("months_old") is None for m in _members(text))


def test_a_baby_is_still_read_beside_arrears() -> None:
    babies = [m for m in _members("em no tien nha 3 thang roi, con 5 thang") if m.get("relation") == "child"]
    assert [b.get("months_old") for b in babies] == [5]


@pytest.mark.parametrize(
    ("text", "mine", "spouse"),
    [
        ("My husband and I, 66 and 63. Can we get medical aid?", 63, 66),
        ("me and my wife are 70 and 68", 70, 68),
        ("we are 72 and 70, basic pension?", 72, 70),
        ("남편이랑 저 71, 68이에요", 68, 71),
        ("我和老伴 70和68岁", 70, 68),
    ],
)
def test_a_couple_s_two_ages_go_in_the_order_they_were_named(text: str, mine: int, spouse: int) -> None:
    ages = {m["relation"]: m.get("age") for m in _members(text)}
    assert ages == {"self": mine, "spouse": spouse}


@pytest.mark.parametrize(
    ("text", "mine", "spouse"), [("남편 45 저는 43", 43, 45), ("저 45살 남편 50", 45, 50)]
)
def test_ages_said_beside_each_person_are_unchanged(text: str, mine: int, spouse: int) -> None:
    ages = {m["relation"]: m.get("age") for m in _members(text)}
    assert ages == {"self": mine, "spouse": spouse}


@pytest.mark.parametrize(
    "text",
    [
        "작년 8월에 계약 끝나고 쉬고있어요 그전에 2년 일했어요",
        "회사 그만두고 쉬고 있어요",
        "my contract ended in march",
    ],
)
def test_resting_after_a_contract_is_not_working(text: str) -> None:
    me = next(m for m in _members(text) if m["relation"] == "self")
    assert me["employed"] is False


def test_after_work_is_not_out_of_work() -> None:
    assert all("employed" not in m for m in _members("회사 끝나고 집에 오면 애 봐요"))


@pytest.mark.parametrize("text", ["회사 그만두고 쉬고 있어요", "알바 그만뒀어요", "학교 그만두고 일해요"])
def test_quitting_a_job_is_no_word_of_danger(text: str) -> None:
    assert not has_danger_word(text)


@pytest.mark.parametrize("text", ["다 그만두고 싶어요", "그만 살고 싶어"])
def test_quitting_everything_still_is(text: str) -> None:
    assert has_danger_word(text)


@pytest.mark.parametrize(
    "text",
    ["我们是차상위。장애수당 能领吗", "chúng tôi là 차상위, 장애수당 được không", "we are 차상위. 장애수당?"],
)
def test_a_status_said_before_its_korean_name_is_held(text: str) -> None:
    asked, receiving = detect_programs(text)
    assert receiving == ["near_poverty"]
    assert asked == ["disability_allowance"]


def test_whether_she_is_of_a_status_is_asked() -> None:
    asked, receiving = detect_programs("我是차상위吗？怎么申请")
    assert (asked, receiving) == (["near_poverty"], [])


@pytest.mark.parametrize("text", ["没什么收入", "she has hardly any income", "수입은 거의 없고"])
def test_next_to_no_income_is_read_as_none(text: str) -> None:
    income = (understand(text).facts or {}).get("income") or {}
    assert income
    assert income.get("earned_krw", 0) == 0
    assert income.get("other_krw", 0) == 0


def test_the_months_of_a_child_named_after_a_pregnancy_are_the_child_s() -> None:
    members = _members("我怀孕了，第二胎，还有一个18个月的宝宝。老公韩国人。")
    assert [m.get("months_old") for m in members if m["relation"] == "child"] == [18]
    assert find_ages("둘째 임신 중인데요 (지금 6개월이요!)") == []


def test_gyeonggi_years_told_over_two_sentences_add_up_to_the_longest() -> None:
    patch = parse_answer(
        "gyeonggi_residence_years", "2 years now in Siheung. Suwon from birth till 13", {}, {}
    )
    assert patch == {"gyeonggi_residence_years": 2, "gyeonggi_total_residence_years": 13}


@pytest.mark.parametrize(
    "text",
    [
        "이혼하고 애 데리고 나왔는데 돈이 하나도 없어요",
        "divorced last year, raising my 2 kids (5 and 8) alone",
        "离婚了带着两个孩子",
    ],
)
def test_divorced_with_her_children_is_a_single_parent(text: str) -> None:
    assert (understand(text).facts or {}).get("single_parent") is True


def test_divorced_with_the_children_at_his_is_not() -> None:
    assert "single_parent" not in (understand("이혼하고 애는 남편이 키워요").facts or {})


def test_her_husband_s_nationality_does_not_answer_hers() -> None:
    said = understand("老公韩国人").facts or {}
    assert "nationality" not in lg.slots_of(said)
    assert "nationality" in lg.slots_of(understand("我是中国国籍").facts or {})


@pytest.mark.parametrize(
    ("text", "children"),
    [
        ("Nhà 2 mẹ con, lương em ba triệu mốt.", 1),
        ("hai me con", 1),
        ("ba mẹ con em", 2),
        ("我们母子俩", 1),
        ("母女三人", 2),
    ],
)
def test_a_parent_and_children_counted_together_are_she_and_her_children(text: str, children: int) -> None:
    relations = [m.get("relation") for m in _members(text)]
    assert relations == ["self"] + ["child"] * children


@pytest.mark.parametrize("text", ["아들은 고등학교 졸업하고 공장 다녀요", "儿子高中毕业了在工厂上班"])
def test_a_school_finished_is_none_attended(text: str) -> None:
    assert [m.get("school") for m in _members(text) if m["relation"] == "child"] == ["none"]


def test_raised_alone_in_the_past_tense_is_a_single_parent() -> None:
    assert (understand("혼자 아들 키웠는데요 한부모 양육비 받을 수 있나").facts or {}).get(
        "single_parent"
    ) is True


@pytest.mark.parametrize(("text", "age"), [("열아홉이요", 19), ("일곱이요", 7), ("seven", 7)])
def test_a_child_s_age_said_bare_answers_the_question(text: str, age: int) -> None:
    patch = parse_answer("child_age", text, {}, {"members": [{"relation": "self"}, {"relation": "child"}]})
    assert isinstance(patch, dict)
    assert [m.get("age") for m in patch["members_replace"] if m["relation"] == "child"] == [age]


@pytest.mark.parametrize(
    "text",
    [
        "whats the munhwa nuri card? my social worker said i can get one cuz im a 수급자",
        "사회복지사님이 그러시는데 문화누리카드 받을수 있대요 얼마에요",
    ],
)
def test_a_person_named_as_where_she_heard_it_is_no_handoff(text: str) -> None:
    assert understand(text).intent != "handoff"


@pytest.mark.parametrize("text", ["I want to talk to a social worker", "사회복지사랑 상담하고 싶어요"])
def test_asking_for_the_person_still_is(text: str) -> None:
    assert understand(text).intent == "handoff"


def test_our_family_s_status_in_brackets_is_held() -> None:
    _, receiving = detect_programs("我们家是次上位(차상위)，宝宝3个月，听说尿布和奶粉有补助")
    assert receiving == ["near_poverty"]


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("아들 청년기본소득 문의요. 아들이 만24세인데 작년에 집에 들어왔어요", 24),
        ("아들이 서른한살인데 장애인연금 받을수 있는지 알아보려구요. 제가 엄마에요", 31),
        ("can my son get the youth basic income? he is 24", 24),
    ],
)
def test_a_program_for_adults_asked_for_her_grown_child_makes_the_child_the_applicant(
    text: str, age: int
) -> None:
    from graphs.dialogue.proxy import as_applicant, asking_for

    u = understand(text)
    assert asking_for(text, u.facts, u.programs) == "child"
    members = as_applicant(u.facts, "child", text)["members"]
    assert members[0] == {"relation": "self", "age": age}
    assert [m["relation"] for m in members[1:]] == ["parent"]


@pytest.mark.parametrize(
    "text", ["아들이 초등학생인데 교육급여 되나요", "저 24살인데 청년기본소득 되나요? 아들은 없어요"]
)
def test_a_child_s_program_or_her_own_is_not_asked_for_a_grown_child(text: str) -> None:
    from graphs.dialogue.proxy import asking_for

    u = understand(text)
    assert asking_for(text, u.facts, u.programs) is None


@pytest.mark.parametrize(
    ("text", "asked", "receiving"),
    [
        (
            "이번에 일 시작해서 생계급여는 끊기고 차상위로 바뀌었대요. 핸드폰 요금 감면은요?",
            [],
            ["near_poverty"],
        ),
        ("我以前是生计给付受给者，手机费一直有减免。", [], []),
        ("생계급여가 끊겼는데 다시 받을 수 있나요", ["livelihood_benefit"], []),
        ("생계급여 받을 수 있나요", ["livelihood_benefit"], []),
    ],
)
def test_a_benefit_that_ended_is_neither_asked_nor_held_unless_asked_again(
    text: str, asked: list[str], receiving: list[str]
) -> None:
    assert detect_programs(text) == (asked, receiving)


@pytest.mark.parametrize(
    "text", ["학교 급식실 조리사로 220, 남편은 경비로 230 받아요", "요양보호사로 180 벌어요"]
)
def test_a_job_said_with_ro_before_the_pay_is_no_road_address(text: str) -> None:
    from graphs.guards.pii import redact

    assert redact(text).text == text


def test_a_road_address_is_still_redacted() -> None:
    from graphs.guards.pii import redact

    assert "[주소]" in redact("저희 집은 시흥시 정왕대로 233이에요").text


def test_a_benefit_received_until_now_is_no_longer_held() -> None:
    assert detect_programs("생계급여 받다가 이번에 소득 생겨서 차상위로 바뀌었어요") == ([], ["near_poverty"])


def test_an_undecided_status_names_the_income_line_it_is_measured_against() -> None:
    from graphs.responder import result_block

    result = {
        "program_id": "housing_benefit",
        "program_name": "주거급여",
        "status": "unknown",
        "missing": ["assets"],
        "rules_version": "2026-01-01",
        "criteria": [
            {
                "name": "income_recognition",
                "passed": None,
                "detail": "소득인정액 확인 필요 (추정 1,260,000원 이상); 기준: 기준 중위소득 48% (2026년 2인 2,015,660원) 이하",
            }
        ],
    }
    ko = result_block(result, {}, "ko", full=False)
    en = result_block(result, {}, "en", full=False)
    assert "  판단 기준: 소득인정액 기준 중위소득 48% (2026년 2인 2,015,660원) 이하" in ko
    assert any("2,015,660 won a month for a 2-person household (2026)" in line for line in en)


def test_a_fire_alarm_is_no_fire() -> None:
    assert "fire_disaster" not in (
        (understand("집에 화재감지기나 응급버튼 같은거 달아주는 복지 있나요").facts or {}).get("crisis") or []
    )
    assert "fire_disaster" in ((understand("어제 화재로 집이 다 탔어요").facts or {}).get("crisis") or [])


@pytest.mark.parametrize(
    "text",
    [
        "의료급여 1종 받을 수 있나요?",
        "43살인데 의료급여 1종 자격 되나요?",
        "의료급여 1종, 차상위 계층 확인 받을 수 있어요?",
    ],
)
def test_a_type_of_medical_aid_asked_for_is_asked(text: str) -> None:
    assert "medical_benefit" in detect_programs(text)[0]


@pytest.mark.parametrize("text", ["Chua nhan gi", "Hien chua nhan tro cap gi"])
def test_unmarked_vietnamese_not_yet_received_is_none(text: str) -> None:
    assert parse_answer("receiving", text, {}, {}) == {"receiving": []}


def test_a_recipient_household_said_in_korean_inside_chinese_is_held() -> None:
    asked, receiving = detect_programs(
        "我们家是주거급여수급가구，我在上班有工资。社工说可以办'희망저축계좌'，这是什么？"
    )
    assert (asked, receiving) == ([], ["housing_benefit"])


# Found in blind18 after its one measurement (development data from then on).


def test_the_only_earner_is_not_living_alone() -> None:
    from graphs.nlu.facts import ALONE

    assert not ALONE.search("저 혼자 벌어요. 월 250이요")
    assert ALONE.search("저 혼자 살아요")


@pytest.mark.parametrize(
    ("text", "krw"),
    [("통장에 2,500 정도 남았어요", 25_000_000), ("적금 1,200 있어요", 12_000_000), ("월세 1,500원", 1500)],
)
def test_a_bare_grouped_thousand_in_korean_is_man_won(text: str, krw: int) -> None:
    from graphs.nlu.numbers import find_money

    assert [m.krw for m in find_money(text)] == [krw]


@pytest.mark.parametrize(
    "text",
    [
        "my husband left 2 months ago and doesnt answer his phone",
        "husband left home 2 months ago, no contact",
    ],
)
def test_a_husband_who_left_is_the_breadwinner_absent(text: str) -> None:
    assert "breadwinner_absent" in ((understand(text).facts or {}).get("crisis") or [])


def test_a_husband_who_left_for_work_is_not() -> None:
    assert "crisis" not in (understand("my husband left for work early").facts or {})


def test_a_danger_she_says_is_not_hers_is_no_crisis() -> None:
    text = "been feeling really low for months, cant sleep. not suicidal or anything but i think i need to talk to someone. is there free counseling for young ppl?"
    u = understand(text)
    assert u.intent not in ("crisis", "handoff")
    assert understand("죽고 싶어요 자살 생각은 없다고 했지만 사실은").intent == "crisis"


def test_years_away_are_taken_from_a_lifelong_stay() -> None:
    facts = {"members": [{"relation": "self", "age": 24}]}
    text = "애가 여기서 태어나서 쭉 살았어요 대학만 서울서 2년 다니고요"
    assert parse_answer("gyeonggi_residence_years", text, {}, facts) == {"gyeonggi_total_residence_years": 22}
    assert "gyeonggi_residence_years" in lg.slots_of({"gyeonggi_total_residence_years": 22})


def test_her_own_nationality_said_while_family_support_is_asked_is_kept() -> None:
    from graphs.dialogue.reading import read_message

    text = "em quoc tich Viet Nam, F-6"
    facts = {"members": [{"relation": "self"}, {"relation": "spouse", "nationality": "KR"}]}
    reading = read_message(text, understand(text), ["assets", "support_obligor"], {}, facts)
    assert reading.facts["members"][0] == {"relation": "self", "nationality": "VN"}
    assert "nationality" in reading.filled


@pytest.mark.parametrize(
    "text",
    ["tien coc 2000 man, tiet kiem 300 man, bo me chong o que khong co tien", "公公婆婆都在，公公开出租车"],
)
def test_her_parents_in_law_speak_to_family_support(text: str) -> None:
    from graphs.slots import relevant_slots

    assert "support_obligor" in relevant_slots(["assets", "support_obligor"], text)
