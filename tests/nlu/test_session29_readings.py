"""Messages misread, found in session 29 (blind26 failures read as development data, and trials)."""

from __future__ import annotations

from graphs.nlu.facts import extract_facts


def test_a_birth_with_its_day_gives_the_baby_months() -> None:
    facts = extract_facts("둘째는 지난달 20일에 태어났어요")
    baby = facts["members"][-1]
    assert baby["relation"] == "child"
    assert baby["months_old"] == 1
    assert baby["birth_order"] == 2


def test_the_baby_said_after_an_older_child_is_one_more() -> None:
    facts = extract_facts("첫째는 세살이고 둘째 낳았는데 첫만남이용권 받을 수 있나요")
    children = [m for m in facts["members"] if m["relation"] == "child"]
    assert children == [
        {"relation": "child", "age": 3, "birth_order": 1},
        {"relation": "child", "birth_order": 2},
    ]


def test_a_home_in_her_name_is_property() -> None:
    facts = extract_facts("쬐끄만 빌라 내 이름으로 구천쯤 하나 있구 통장 이백")
    assert facts["assets"] == {"property_krw": 90_000_000, "financial_krw": 2_000_000}
    assert extract_facts("아파트 엄마 명의로 이억")["assets"] == {"property_krw": 200_000_000}


def test_a_hardship_sensed_by_the_classifier_gets_the_emergency_support_lines() -> None:
    from graphs.referrals import crisis_kinds, crisis_lines

    message = "아빠가 뇌졸중으로 쓰러지셔서 병원비가 너무 많이 나왔어요 도움받을데 있나요"
    events = extract_facts(message)["crisis"]
    kinds = crisis_kinds(["model"], message, events)
    assert kinds == ["hardship"]
    lines = crisis_lines(kinds, "ko")
    assert lines[0].startswith("보건복지상담센터 129")
    assert not any(
        "109" in line or "1366" in line for line in lines
    )  # no suicide or violence line for a stroke
    # a danger sensed with no event told keeps the general lines
    assert any("109" in line for line in crisis_lines(crisis_kinds(["model"], "너무 힘들어요", []), "ko"))


def test_dual_earners_are_a_couple() -> None:
    members = extract_facts("맞벌이 4인가족이에요 둘이 합쳐서 오백 벌어요 중학생 초등학생 있는데")["members"]
    assert [m.get("relation") for m in members] == ["self", "spouse", "child", "child"]


def test_children_ages_listed_bare_in_native_words() -> None:
    from graphs.slots import parse_answer

    facts = {"members": [{"relation": "self"}, {"relation": "child"}, {"relation": "child"}]}
    for reply in ("열넷, 열하나", "열넷이랑 열하나요"):
        patch = parse_answer("child_age", reply, extract_facts(reply), facts)
        assert isinstance(patch, dict)
        assert [m.get("age") for m in patch["members_replace"]] == [None, 14, 11]


def test_a_total_said_before_its_parts_is_not_counted_twice() -> None:
    from graphs.dialogue.reading import read_message
    from graphs.nlu import understand

    message = "아 아니다 제가 잘못 말했네요 이백오만원이요. 남편 산재연금 백이십오에 제 알바 팔십"
    reading = read_message(message, understand(message), ["income"], {}, {"members": [{"relation": "self"}]})
    assert reading.facts["income"] == {"earned_krw": 800_000, "other_krw": 1_250_000}
    assert extract_facts("한달에 이백오십쯤 들어와요")["income"] == {"other_krw": 2_500_000}


def test_no_relatives_while_assets_are_asked_is_no_answer_about_assets() -> None:
    from graphs.dialogue.reading import read_message
    from graphs.nlu import understand

    message = "没有子女，也没有别的亲人"
    reading = read_message(message, understand(message), ["assets"], {}, {"members": [{"relation": "self"}]})
    assert "assets" not in reading.facts
    assert reading.facts["support_obligor"] == "none"


def test_born_here_and_stayed_in_dialect_and_native_years() -> None:
    from graphs.nlu.durations import duration_months
    from graphs.nlu.places import find_region

    assert find_region("시흥서 태어나가 계속 여 살았다") == {"sido": "경기도", "sigungu": "시흥시"}
    assert duration_months("스물네 해 내내 경기도 살았다") == 24 * 12
    assert duration_months("공부 해요") is None


def test_what_else_can_i_get_is_discovery() -> None:
    from graphs.dialogue.asking import WHAT_CAN_I

    for message in ("Con gi khac em co the nhan khong?", "what else can we get?", "또 뭐 받을 수 있어요?"):
        assert WHAT_CAN_I.search(message)


def test_a_bare_amount_corrected_by_denying_the_old_one() -> None:
    from graphs.dialogue.reading import read_message
    from graphs.nlu import understand

    facts = {"members": [{"relation": "self"}, {}], "income": {"earned_krw": 0, "other_krw": 2_000_000}}
    ledger = {"income": {"status": "said", "turn": 1}, "household": {"status": "said", "turn": 1}}
    message = "참, 다시 계산해보니 200이 아니라 230이네요. 동생 연금이 올랐더라고요"
    reading = read_message(message, understand(message), ["assets"], ledger, facts)
    assert reading.facts["income"]["other_krw"] == 2_300_000
    assert "assets" not in reading.facts  # its "아니라" is no "no" to the open question


def test_a_correction_is_never_about_an_assumed_fact() -> None:
    from graphs.dialogue.reading import read_message
    from graphs.nlu import understand

    facts = {"income": {"earned_krw": 0, "other_krw": 2_480_000}, "receiving": []}
    ledger = {"income": {"status": "said", "turn": 1}, "receiving": {"status": "assumed", "turn": 1}}
    message = "아 아니다 잘못 봤네, 이백삼십팔만원이여"
    reading = read_message(message, understand(message), ["household", "age"], ledger, facts)
    assert reading.facts["income"]["other_krw"] == 2_380_000


def test_not_having_received_anything_is_no_word_of_despair() -> None:
    from graphs.nlu.danger import has_danger_word

    assert not has_danger_word("그동안 외국에 있어서 아무것도 못받았어요 아동수당도요")
    assert has_danger_word("요즘 너무 지쳐서 아무것도 못하겠어요")


def test_each_members_income_listed_bare_is_summed() -> None:
    from graphs.slots import parse_answer

    facts = {"members": [{"relation": "self"}, {"relation": "spouse"}]}
    for reply, kind in (("나 삼백 와이프 백오십", "other_krw"), ("나 삼백 집사람 백오십 월급", "earned_krw")):
        patch = parse_answer("income", reply, extract_facts(reply), facts)
        assert isinstance(patch, dict)
        assert patch["income"][kind] == 4_500_000
    assert extract_facts("상가 세 받는 기 이백이십 들어옵니더")["income"] == {"other_krw": 2_200_000}
