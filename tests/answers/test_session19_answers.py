"""Answers found wanting at the start of session 19 (known from session 18's trial and blind16, development
data): the second question of a message gets a section the first did not, a question about what a receipt
cuts prefers the passage that says what is cut, and an amount that is a condition is not a how-much question."""

from __future__ import annotations

from typing import Any

import pytest

from graphs.answers.focus import aspect, focused_passage, focused_passages


def _hit(section: str, text: str, score: float = 1.0) -> dict[str, Any]:
    return {
        "section": section,
        "lang": "ko",
        "text": text,
        "kind": "booklet",
        "score": score,
        "program_id": "x",
    }


_ALLOWANCE = [
    _hit("지급액", "장애수당 생계급여·의료급여수급자 월 6만 원; 주거급여·교육급여수급자 월 6만 원"),
    _hit("지급액", "경증장애아동수당 생계급여·의료급여수급자 월 11만 원", 0.98),
    _hit(
        "자주하는 질문",
        "장애수당을 받으면 국민기초생활보장 수급자격에서 탈락되나요? → 탈락되지 않습니다. 소득에 포함되지 않습니다.",
        0.6,
    ),
]


def test_the_second_question_gets_another_section_than_the_first() -> None:
    question = "장애수당 한달 얼마에요? 근데 이거 받으면 생계급여 깎이거나 끊기는거 아니죠??"
    found = focused_passages(question, _ALLOWANCE, ["장애수당"])
    assert [h["section"] for h in found] == ["지급액", "자주하는 질문"]


def test_what_a_receipt_cuts_prefers_the_passage_that_says_so() -> None:
    question = "기초수급자인데 장애수당 신청하면 그게 소득으로 잡혀서 생계급여가 깎이나요?"
    hit = focused_passage(question, _ALLOWANCE, ["장애수당"])
    assert hit is not None
    assert hit["section"] == "자주하는 질문"


def test_an_amount_that_is_a_condition_is_not_a_how_much_question() -> None:
    assert (
        aspect("노인일자리 나가서 한달에 얼마 받게되면 그거땜에 기초연금 깎이거나 끊기는건 아니죠??") == "any"
    )
    assert aspect("얼마 이상 벌면 끊겨요?") == "any"
    assert aspect("기초연금 한달에 얼마 받아요?") == "how_much"


def test_a_booklet_answer_gives_each_question_of_the_message_its_passage() -> None:
    from graphs.answers.compose import document_answer

    def booklet(section: str, text: str, score: float) -> dict[str, Any]:
        return {
            "program": "치매안심센터",
            "section": section,
            "lang": "ko",
            "text": text,
            "kind": "booklet",
            "score": score,
            "year": 2024,
        }

    hits = [
        booklet("내용", "치매 조기검진 비용 무료, 진단검사 비용 최대 8만원 지원", 1.0),
        booklet("내용", "감별검사 비용 최대 11만원 지원", 0.9),
        booklet("내용", "치매치료비 월 3만원 지원", 0.9),
        booklet("요약", "치매 예방, 상담, 조기검진을 한 곳에서 하는 보건소의 센터입니다.", 0.3),
    ]
    answer = document_answer("치매안심센터가 뭐예요? 검사 비용은 얼마예요", hits)
    text = "\n".join(answer.lines)
    assert "한 곳에서" in text  # what it is, asked first
    assert "8만원" in text  # what the tests cost


def test_a_foreign_question_quotes_the_korean_passage_that_answers_not_the_contact() -> None:
    from graphs.answers.compose import document_answer

    def passage(section: str, lang: str, text: str, score: float) -> dict[str, Any]:
        return {
            "program": "산모·신생아 건강관리 지원사업",
            "section": section,
            "lang": lang,
            "text": text,
            "kind": "booklet",
            "score": score,
            "year": 2024,
        }

    hits = [
        passage("summary", "vi", "Hỗ trợ chăm sóc sức khỏe sản phụ và trẻ sơ sinh: nhân viên đến nhà.", 1.0),
        passage("문의", "ko", "문의: 관할(주소지) 주민센터 및 보건복지상담센터(☎129)", 0.9),
        passage(
            "방법",
            "ko",
            "방법: 시군구 보건소 또는 복지로를 통해 출산예정일 40일 전부터 출산 후 30일까지 신청",
            0.8,
        ),
    ]
    answer = document_answer("Giờ đăng ký còn kịp không, đăng ký ở đâu ạ?", hits, "vi")
    assert "출산 후 30일까지" in "\n".join(answer.lines)


def test_the_program_her_words_name_most_precisely_is_the_subject() -> None:
    from graphs.answers.compose import document_answer

    def summary(program: str, text: str, score: float) -> dict[str, Any]:
        return {
            "program": program,
            "section": "summary",
            "lang": "vi",
            "text": text,
            "kind": "booklet",
            "score": score,
        }

    hits = [
        summary("사회통합프로그램(KIIP)", "Chương trình hội nhập xã hội: dạy tiếng Hàn.", 1.0),
        summary(
            "다문화가족 방문교육 서비스", "Dịch vụ giáo dục tại nhà: giáo viên đến nhà dạy tiếng Hàn.", 0.8
        ),
    ]
    answer = document_answer("Nghe nói có cô giáo đến tận nhà dạy tiếng Hàn free hả?", hits, "vi")
    assert answer.lines[0].startswith("Dịch vụ giáo dục tại nhà")


@pytest.mark.parametrize(
    "text", ["我住在考试院已经一年多了", "고시원에서 애랑 둘이 살아요", "we live in a goshiwon"]
)
def test_a_goshiwon_names_housing_support_for_those_in_non_housing(text: str) -> None:
    from graphs.answers.focus import korean_terms

    assert "주거취약계층 주거지원" in korean_terms(text)


def test_a_further_question_searched_on_its_own_gets_its_program() -> None:
    from graphs.answers.compose import document_answer

    def passage(program: str, section: str, text: str, part: int | None = None) -> dict[str, Any]:
        hit = {
            "program": program,
            "section": section,
            "lang": "ko",
            "text": text,
            "kind": "booklet",
            "score": 1.0,
        }
        return hit if part is None else {**hit, "part": part}

    hits = [
        passage("장애인을 위한 요금감면제도", "내용", "지하철·전철 무료 이용; 공영버스 무료 이용"),
        passage("장애인 자동차 표지 발급", "방법", "방법: 읍면동 주민센터(행정복지센터)에 신청", part=1),
    ]
    question = "복지카드 있으면 지하철 공짜임?? 그리고 내 차에 장애인 주차 스티커 붙이려면 어디서 신청해"
    text = "\n".join(document_answer(question, hits).lines)
    assert "지하철·전철 무료" in text
    assert "장애인 자동차 표지 발급: 방법: 읍면동 주민센터" in text


def test_the_conditions_of_a_facility_asked_in_a_situation_are_answered_not_profiled() -> None:
    from graphs.answers.focus import aspect
    from graphs.dialogue.asking import asks_about_topic

    text = (
        "이혼하고 애 둘이랑 친정에 얹혀 사는데 눈치보여서 못살겠어요. 한부모 시설? 같은데 들어가서 살 수 있다던데 "
        "아무나 들어갈 수 있나요? 조건이 어떻게 돼요"
    )
    assert aspect(text) == "who"
    assert asks_about_topic(text, True)


def test_a_name_that_contains_a_program_s_name_is_not_that_program() -> None:
    from graphs.nlu.programs import detect_programs

    assert detect_programs("장애아동수당은 누가 받는거고 어디서 신청해요?") == ([], [])
    assert detect_programs("아동수당 얼마예요") == (["child_allowance"], [])


def test_what_a_thing_is_asked_first_is_the_topic_though_a_status_is_named_after() -> None:
    from graphs.dialogue.asking import names_other_topic

    assert names_other_topic("자활근로가 머여 수급자들 하는 일자리?")
    assert not names_other_topic("생계급여가 뭐예요?")


@pytest.mark.parametrize(
    "question",
    [
        "phải đăng ký trong bao lâu thì được nhận từ tháng sinh?",
        "出生后多久以内申请才能从出生月领？",
        "how long do I have to apply?",
    ],
)
def test_a_deadline_asked_in_other_languages_is_searched_with_the_documents_words_for_a_period(
    question: str,
) -> None:
    from graphs.answers.focus import expansions

    assert {"이내", "까지"} <= set(expansions(question))


def test_a_care_worker_who_comes_to_the_house_is_home_care() -> None:
    from graphs.answers.focus import expansions

    assert "재가급여" in expansions("how do we get a care worker to come to the house?")


def test_a_grandmother_is_no_dialect_what_question() -> None:
    assert aspect("혼자사는 할머니인데 나라에서 받을수 있는거 뭐 있는지 알려줘요") == "any"
    assert aspect("자활근로가 머여") == "what"
