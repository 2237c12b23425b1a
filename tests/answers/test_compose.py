"""An open question gets the passage that answers it first, whom to call, the booklet's year and the
specialist line for its topic; a rule question about a named program gets the passage with that rule."""

from __future__ import annotations

from typing import Any

import pytest

from graphs.answers.compose import document_answer, shorten, shorten_for, topic_lines
from graphs.answers.focus import (
    asks_a_rule,
    asks_what_or_how_much,
    aspect,
    fits_group,
    focus_terms,
    focused_passage,
    question_parts,
    rank,
    search_query,
)
from graphs.dialogue.asking import asks_about_service, asks_about_topic, asks_can_i, asks_something
from graphs.dialogue.reading import read_message
from graphs.dialogue.turn import turn_intent
from graphs.flows import info_turn
from graphs.nlu import understand
from graphs.responder import info_reply


def _hit(
    section: str, text: str, score: float = 5.0, program: str = "노인장기요양보험제도"
) -> dict[str, Any]:
    return {
        "program": program,
        "section": section,
        "text": text,
        "score": score,
        "year": 2024,
        "kind": "booklet",
    }


LTC = [
    _hit(
        "알려드립니다",
        "알려드립니다: 65세 미만 노인성 질병을 가진 사람은 의사 소견서를 제출해야 합니다.",
        10.6,
    ),
    _hit(
        "방법",
        "방법: 국민건강보험공단 노인장기요양보험운영센터에 방문 또는 우편, 팩스, 누리집으로 신청",
        10.4,
    ),
    _hit(
        "목록",
        "목록의 '목록' 관련 정보: 사업명은(는) '노인장기요양보험제도', 문의처은(는) '국민건강보험공단(☎1577-1000)', 페이지은(는) '216'입니다.",
        9.2,
    ),
    _hit("문의", "문의: 국민건강보험공단 노인장기요양보험(☎1577-1000)", 9.1),
    _hit(
        "내용",
        "내용의 '시설급여' 관련 정보: 구분은(는) '시설급여', 지원내용은(는) '요양시설 입소 … 급여비용의 20% 본인부담'입니다.",
        9.0,
    ),
    _hit(
        "내용",
        "내용의 '재가급여' 관련 정보: 구분은(는) '재가급여', 지원내용은(는) '방문요양 … 급여비용의 15% 본인부담'입니다.",
        8.9,
    ),
]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("재가급여 시설급여 본인부담 몇프로씩 내요?", "how_much"),
        ("아버지 장기요양 신청할려면 어디다 해야돼요", "where"),
        ("아이돌봄서비스 누가 받을수 있는거에요", "who"),
        ("주택연금이 뭐에요", "what"),
        ("How much is the parent benefit?", "how_much"),
        ("Trung tâm hỗ trợ gia đình đa văn hóa là gì?", "what"),
        ("장기요양 등급 나오면 맞춤돌봄 계속 받을수있나요", "any"),
    ],
)
def test_the_aspect_asked(question: str, expected: str) -> None:
    assert aspect(question) == expected


def test_a_how_much_question_ranks_the_rows_with_the_figures_first() -> None:
    ranked = rank("재가급여 시설급여 본인부담 몇프로씩 내요?", LTC, ["노인장기요양보험제도"])
    assert {ranked[0][1]["text"], ranked[1][1]["text"]} == {LTC[4]["text"], LTC[5]["text"]}
    assert all(h["section"] != "목록" for _, h in ranked)  # a list row is navigation, not an answer


def test_the_answer_starts_with_the_passage_and_ends_with_whom_to_call() -> None:
    reply, cited = info_reply(
        [], LTC, "ko", application=False, question="아버지 장기요양 신청할려면 어디다 해야돼요"
    )
    first = reply.splitlines()[0]
    assert first.startswith("노인장기요양보험제도: 방법: 국민건강보험공단")
    assert "문의: 국민건강보험공단 노인장기요양보험(☎1577-1000)" in reply
    assert "2024년 안내책자 기준" in reply
    assert "은(는)" not in reply
    assert "관련 정보" not in reply
    assert cited
    assert cited[0]["section"] == "방법"


def test_the_specialist_line_is_named_once_and_not_when_the_reply_already_gives_its_number() -> None:
    assert topic_lines("치매안심센터는 뭐하는 곳이에요", "ko", "") == [
        "치매상담콜센터 1899-9988 (24시간)",
        "시흥시 치매안심센터 031-310-5857 (호현로 55)",
    ]
    assert topic_lines("장기요양 신청", "ko", "문의: ☎1577-1000") == []
    assert topic_lines("노인일자리 얼마 받아요", "en", "")[0].startswith("Jobs for older people: 1544-3388")
    assert topic_lines("주차 위반 과태료", "ko", "") == []


def test_another_program_is_named_only_when_it_is_about_the_question() -> None:
    other = _hit(
        "내용",
        "내용: 본인이 부담하는 장기요양급여 비용의 40% 또는 60% 감경",
        8.0,
        "노인장기요양보험 본인부담금 감경",
    )
    unrelated = _hit("대상", "대상: 만 65세 이상 무치악 어르신", 7.0, "노인 틀니 지원")
    answer = document_answer("장기요양 본인부담 얼마예요", [*LTC, other, unrelated])
    text = "\n".join(answer.lines)
    assert "노인장기요양보험 본인부담금 감경" in text
    assert "틀니" not in text
    assert answer.contact == "국민건강보험공단 노인장기요양보험(☎1577-1000)"
    assert answer.booklet_year == 2024


def test_a_rule_question_about_a_named_program_gets_the_rule() -> None:
    hits = [
        _hit(
            "한눈에 보기",
            "만 65세 이상 어르신 가운데 소득과 재산이 적은 분께 드리는 연금입니다.",
            8.0,
            "기초연금",
        ),
        _hit("신청 방법", "주소지 행정복지센터, 복지로에서 신청합니다.", 7.4, "기초연금"),
        _hit(
            "알려드립니다",
            "알려드립니다: 소득인정액은 소득평가액과 재산의 소득환산액을 합산 (부양의무자 기준 미적용)",
            6.0,
            "기초연금제도",
        ),
    ]
    assert (
        focused_passage("자식이 돈 잘벌면 기초연금 못받어? 부양의무자 그런거 보나", hits, ["기초연금"])
        is hits[2]
    )
    assert focused_passage("기초연금 신청 어떻게 해요", hits, ["기초연금"]) is None  # nothing beyond the name


def test_a_long_passage_is_cut_after_a_sentence_and_keeps_its_phone_number() -> None:
    text = "첫 문장입니다. " * 40 + "문의 ☎1577-1389"
    short = shorten(text)
    assert short.endswith("(☎ 1577-1389)")
    assert len(short) < 400


def test_a_long_passage_is_shown_from_the_part_that_answers_the_question() -> None:
    faq = "자주하는 질문: 언제 지급하나요? - 매월 25일에 지급합니다. " * 14 + (
        "지급이 정지되는 경우가 있나요? - 아동의 국외체류 기간이 90일 이상 지속되는 경우 지급이 정지됩니다."
    )
    question = "아동수당 받는 애가 외국에 오래 나가 있으면 어떻게 돼요?"
    short = shorten_for(faq, focus_terms(question, ["아동수당"]))
    assert short.startswith("… 지급이 정지되는 경우가 있나요?")
    assert "90일 이상" in short
    assert shorten_for(faq, set()) == shorten(faq)  # nothing asked beyond the name: the passage's start


def test_a_program_for_veterans_does_not_answer_a_question_that_never_mentions_service() -> None:
    veterans = [
        _hit("대상", "보훈대상자 본인 및 배우자", program="요양지원")
        | {"category": "본인이나 가족이 보훈대상자일 때"}
    ]
    question = "장기요양 등급 받으면 요양원 비용은 얼마나 내야돼요?"
    assert not fits_group(question, veterans)
    assert fits_group("참전유공자인데 요양원 비용 지원돼요?", veterans)
    assert fits_group(question, [_hit("시설급여", "장기요양 급여비용의 20% 본인부담")])


@pytest.mark.parametrize(
    ("message", "personal", "about"),
    [
        ("틀니 지원 받을라믄 어디 가야대", False, True),
        ("부분틀니 해넣었는데 임플란트도 보험되나", False, True),
        ("아이돌봄서비스 누가 받을수 있는거에요", False, True),
        ("응급안전안심서비스 그거 뭐임 혼자사는 노인들 해주는거", True, True),
        ("제가 받을 수 있는 거 뭐 있어요?", False, False),
        ("혼자 사는 일흔 살인데 받을 수 있는 거 있나요", True, False),
        ("What benefits can I get? I'm 70 and live alone", True, False),
        ("혼자 살아요", True, False),
        ("울아버지 62세신데 치매진단 받았어요 치매치료비 지원 받을수있나요", True, True),
        ("I'm 70 and live alone. Where can I get help?", True, False),
        ("혼자 사는 70살인데 정부지원금 받을수 있어요?", True, False),
        ("I live alone. Is there any government support for someone like me?", True, False),
        ("I'm 24. We have no income at all. Which benefits could I apply for?", True, False),
        ("What welfare am I eligible for? Me, my wife and my baby. The baby is 30 months old.", True, False),
        ("Có chương trình hỗ trợ nào cho tôi không?", False, False),
        ("Co chuong trinh ho tro nao cho toi khong?", False, False),
        ("Làm thêm được 1.190.000 won/tháng. Có chương trình hỗ trợ nào cho tôi không?", True, False),
    ],
)
def test_a_question_about_a_topic_is_answered_and_what_can_i_get_starts_the_profile(
    message: str, personal: bool, about: bool
) -> None:
    assert asks_about_topic(message, personal) is about


@pytest.mark.parametrize(
    ("message", "about"),
    [
        ("치매안심센터는 뭐하는덴가요? 그냥 상담만 해주는거?", True),
        ("Where can I take free Korean classes?", True),
        ("상담원이랑 직접 얘기하고 싶어요", False),
        ("담당자 연결은 어디서 해요?", False),  # a person asked for: a handoff, though it asks where
        ("Can I talk to a real person?", False),
    ],
)
def test_a_question_about_a_service_is_not_a_request_for_a_person(message: str, about: bool) -> None:
    assert asks_about_service(message) is about


def test_a_question_nothing_was_found_for_names_where_to_ask() -> None:
    state = {"message": "多文化家庭支援中心是做什么的？", "catalogue": [], "hits": [], "programs": []}
    reply = info_turn(state, "zh", application=False)["reply"]  # type: ignore[arg-type]
    assert "1577-1366" in reply
    assert reply.startswith("没有找到相关说明")


@pytest.mark.parametrize(
    "message",
    [
        "주거급여 신청할라카는데 우리집 되겠나 좀 봐주소",
        "경기도 청년기본소득 나두 되나? 올해 스물넷임",
        "能源补贴券(에너지바우처)怎么申请？家里有两个孩子",
    ],
)
def test_a_question_about_a_program_with_her_own_situation_is_her_check(message: str) -> None:
    u = understand(message)
    reading = read_message(message, u, [], {}, {}, None)
    assert turn_intent(u, reading, flow=None, pending=[], text=message, goal=[])[0] == "eligibility_check"


def test_everyday_words_find_the_documents_words() -> None:
    hits = [
        _hit(
            "금액",
            "2026년 기준연금액: 월 최대 349,700원. 부부가 함께 받으면 각각 20%를 감액합니다.",
            9.0,
            "기초연금",
        ),
        _hit(
            "대상",
            "소득 계산: 근로소득은 월 116만원을 기본 공제한 뒤 나머지의 30%를 추가 공제합니다.",
            8.0,
            "기초연금",
        ),
    ]
    question = "경비일 해서 월급 받는데 기초연금 계산할때 일해서 번돈은 얼마나 빼줘요"
    assert focused_passage(question, hits, ["기초연금"]) is hits[1]


def test_a_question_in_another_language_is_searched_with_its_topics_in_korean() -> None:
    assert search_query("老人长期疗养等级在哪里申请？").endswith("노인장기요양보험 장기요양 노인 어르신")
    assert search_query("기초연금 얼마예요") == "기초연금 얼마예요"


@pytest.mark.parametrize(
    ("message", "asks"),
    [
        ("老人坐地铁免费吗？几岁开始？", True),
        ("안녕하세요?", False),
        ("고마워요~ 잘 알겠어요?", False),
        ("Hi, how are you?", False),
    ],
)
def test_small_talk_that_asks_about_something_is_a_question(message: str, asks: bool) -> None:
    assert asks_something(message) is asks


def test_two_questions_in_one_message_are_both_seen() -> None:
    assert question_parts("부모급여 얼마에요? 그리고 언제까지 신청해야 태어난 달부터 받아요?") == [
        "부모급여 얼마에요",
        "언제까지 신청해야 태어난 달부터 받아요",
    ]
    assert asks_what_or_how_much("儿童津贴多少钱？在哪里申请？")
    assert not asks_what_or_how_much("기초연금 신청 어디서 해요?")


@pytest.mark.parametrize(
    ("message", "rule"),
    [
        ("일흔 살이고 혼자 사는데 기초연금 받을 수 있나요?", False),
        ("자식이 돈 잘벌면 기초연금 못받어?", True),
        ("출생신고 좀 늦게 했는데 부모급여 태어난 달부터 소급되나요", True),
        ("Con tôi đi nhà trẻ thì còn nhận 부모급여 không?", True),
    ],
)
def test_only_a_rule_question_beside_can_i_get_it_searches_the_programs_passages(
    message: str, rule: bool
) -> None:
    assert asks_a_rule(message) is rule


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("Where can I take free Korean classes? someone told me about KIIP", "program_info"),
        ("Is there a free interpreter in Vietnamese when I go to the hospital?", "out_of_scope"),
        ("i lost my job last week. where do i apply for unemployment benefits", "program_info"),
        ("사람이랑 직접 얘기하고 싶어요", "handoff"),
    ],
)
def test_an_unsure_handoff_or_a_named_topic_is_answered_not_handed_off_or_profiled(
    message: str, intent: str
) -> None:
    u = understand(message)
    reading = read_message(message, u, [], {}, {}, None)
    assert turn_intent(u, reading, flow=None, pending=[], text=message, goal=[])[0] == intent


@pytest.mark.parametrize(
    ("question", "language", "number"),
    [
        ("회사 망해서 사장이 월급 3달치 안주고 잠수탔어", "ko", "1350"),
        ("my boss never paid me for two months", "en", "1588-0075"),
        ("집주인이 계약끝났는데 보증금을 안돌려줘요", "ko", "132"),
        ("my landlord refuse to give back my deposit", "en", "132"),
        ("카드빚 연체된지 4달 넘었어", "ko", "1600-5500"),
    ],
)
def test_situations_outside_welfare_name_the_line_that_handles_them(
    question: str, language: str, number: str
) -> None:
    assert any(number in line for line in topic_lines(question, language, ""))


def test_rent_in_arrears_is_not_a_debt_for_the_credit_line() -> None:
    assert not any("1600-5500" in line for line in topic_lines("월세가 석 달 연체됐어요", "ko", ""))


def test_a_program_whose_ages_leave_out_the_person_asked_about_does_not_answer() -> None:
    under_65 = [
        _hit(
            "summary", "Hỗ trợ người đến nhà: Dành cho người dưới 65 tuổi", program="가사·간병 방문 지원사업"
        )
    ]
    over_65 = [_hit("대상", "만 65세 이상 기초연금 수급자", program="노인맞춤돌봄서비스")]
    either = [
        _hit("대상", "65세 이상 또는 65세 미만 노인성 질병을 가진 사람", program="노인장기요양보험제도")
    ]
    question = "Mẹ chồng em 80 tuổi bị lẫn. Có dịch vụ nào cho người đến nhà chăm sóc bà không ạ?"
    assert not fits_group(question, under_65)
    assert fits_group(question, over_65)
    assert fits_group(
        "나 아직 63인데 파킨슨이 있어. 장기요양은 65살 넘어야 되는겨?", either
    )  # two groups, no range
    assert not fits_group("저희 엄마 58세고 암수술하고 집에 계세요", over_65)


@pytest.mark.parametrize(
    ("message", "can_i"),
    [
        ("첫만남이용권 받으려면 어떻게 해야 된당가요? 저 받을 수 있당께요? 제가 임신 중이랑께요", True),
        ("기초연금 어디서 신청해요? 저도 받을 수 있나요?", True),
        ("첫만남이용권 어떻게 하면 받을 수 있어요?", False),
        ("Could you check Gyeonggi youth basic income and 청년월세 for me?", True),
        ("How can I apply for the basic pension?", False),
    ],
)
def test_a_sentence_asking_whether_she_can_get_it_beside_how(message: str, can_i: bool) -> None:
    assert asks_can_i(message) is can_i


def test_a_care_gap_note_answers_on_its_own_and_an_appeal_note_does_not() -> None:
    from graphs.answers.compose import topic_notes

    discharge = "아버지 이번주 퇴원하시는데 돌봐드릴 사람이 없어요"
    assert any("장기요양" in n for n in topic_notes(discharge, "ko", answering=True))
    assert topic_notes("주차위반 과태료 이의신청 어디서 해요", "ko", answering=True) == []
    assert topic_notes("주차위반 과태료 이의신청 어디서 해요", "ko") != []
