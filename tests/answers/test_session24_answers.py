"""Answers found wanting in session 24 in blind21 (development data since its one measurement)."""

from __future__ import annotations

from typing import Any

from graphs.answers.compose import document_answer, referral_lines
from graphs.answers.focus import korean_terms, search_query, written_korean
from tests.answers.passages import passage


def test_the_korean_words_of_a_foreign_question_are_searched_once_more() -> None:
    question = "我爸70岁，想给他装假牙(틀니)。这个补助要去哪里登记？"
    assert written_korean(question) == ["틀니"]
    assert search_query(question).endswith("틀니")
    assert written_korean("틀니 지원 어디서 신청해요?") == []


def test_naturalisation_said_as_done_is_no_topic() -> None:
    assert korean_terms("我已经入籍了，现在没工作") == []
    assert korean_terms("Em đã nhập quốc tịch Hàn rồi") == []
    assert "귀화" in korean_terms("入籍要什么条件？")


def _hit(program: str, section: str, lang: str, text: str, score: float) -> dict[str, Any]:
    return passage(program, "", section, lang, "booklet", text, score)


def test_a_korean_name_she_copied_chooses_the_program() -> None:
    hits = [
        _hit("장애인 건강보험료 경감", "summary", "zh", "残疾人健康保险费减免: 面向登记残疾人", 0.9),
        _hit("장애인 건강보험료 경감", "방법", "ko", "방법: 국민건강보험공단 지사에 문의 후 신청", 0.8),
        _hit("노인 틀니 지원", "summary", "zh", "老人假牙支援: 面向65岁以上老人", 0.7),
        _hit(
            "노인 틀니 지원",
            "방법",
            "ko",
            "방법: 치과 병·의원 또는 건강보험공단 지사에 대상자 등록 신청",
            0.6,
        ),
    ]
    answer = document_answer("我爸70岁，想给他装假牙(틀니)。这个补助要去哪里登记？", hits, "zh")
    assert answer.lines[0].startswith("老人假牙支援 (노인 틀니 지원)")
    assert "치과" in "\n".join(answer.lines)


def test_each_question_of_a_foreign_message_gets_its_passage() -> None:
    name = "국민내일배움카드제"
    hits = [
        _hit(name, "summary", "zh", "国民明日学习卡: 发卡后5年内支援职业培训费", 0.9),
        _hit(name, "훈련비_지원율", "ko", "훈련비_지원율: 훈련비의 45~85% 지원", 0.8),
        _hit(name, "카드신청", "ko", "카드신청: 가까운 고용센터를 방문하거나 고용24를 통해 신청", 0.5),
    ]
    answer = document_answer("1）我能申请국민내일배움카드吗？2）培训费能补助多少？在哪里办？", hits, "zh")
    text = "\n".join(answer.lines)
    assert "45~85%" in text
    assert "고용센터" in text


def test_a_stroke_and_a_bed_bound_husband_name_long_term_care() -> None:
    message = "Chồng em bị đột quỵ, giờ nằm một chỗ. Có trợ giúp gì cho nhà em không ạ?"
    assert any("1577-1000" in line for line in referral_lines(message, "vi", ""))
    assert "장기요양" in korean_terms(message)


def test_dialect_where_and_an_income_cutoff_are_read() -> None:
    from graphs.answers.focus import aspect
    from graphs.answers.limits import asks_limit

    assert aspect("그건 어데 가가 하노") == "where"
    assert asks_limit("and whats the income cutoff for a single person?")


def test_what_a_service_is_asked_by_someone_who_needs_it_gets_no_crisis_lines() -> None:
    from graphs.nlu import situation_programs

    message = (
        "일상돌봄서비스 머임? 나 서른넷인데 허리다쳐서 집안일도 못하고 밥도 제대로 못먹음 이런것도 해주나"
    )
    assert "senior_customized_care" not in situation_programs(message)


def test_both_asked_of_a_benefit_she_receives_is_no_discovery() -> None:
    from graphs.dialogue.asking import WHAT_CAN_I, asks_about_received

    message = "장애인연금 받고있는데 내년에 65세 되면 어케되요? 둘다 받을수있나요"
    assert not WHAT_CAN_I.search(message)
    assert asks_about_received(message) == ["disability_pension"]


def test_unemployment_money_is_the_unemployment_benefit() -> None:
    assert "실업급여" in korean_terms("can I still get unemployment money??")
