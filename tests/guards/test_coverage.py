"""The output check's positive half: a model's reply is shown only if it says what the engine decided."""

from __future__ import annotations

from typing import Any

import pytest

from graphs.guards.coverage import check_coverage, must_say, reads_as_sentences, sentence_problems

DETERMINISTIC = """기초연금 안내예요. 만 65세 이상 어르신께 매달 연금을 드립니다.
기초연금: 받으실 가능성이 높습니다.
  예상 금액: 월 349,700원 (2026년 기준, 추정)
아동수당: 아직 판단할 수 없어요.
장애인연금: 이번에는 받기 어려워요.
재산은 어느 정도인가요? 없으면 "없어요"라고 해 주세요."""
RESULTS: list[dict[str, Any]] = [
    {"program_id": "basic_pension", "status": "eligible", "amount_krw": 349700},
    {"program_id": "child_allowance", "status": "unknown", "amount_krw": 100000},
    {"program_id": "disability_pension", "status": "ineligible", "amount_krw": None},
]
MUST = must_say(DETERMINISTIC, RESULTS, language="ko", question_slot="assets")


def test_what_must_be_said_is_read_off_the_deterministic_reply() -> None:
    assert dict(MUST.statuses) == {
        "basic_pension": "eligible",
        "child_allowance": "unknown",
        "disability_pension": "ineligible",
    }
    assert MUST.amounts == {349700}  # only the amount of a program she likely gets
    assert MUST.question_slot == "assets"


@pytest.mark.parametrize(
    "reply",
    [
        "기초연금은 받으실 가능성이 높아요. 매달 349,700원 정도예요. 아동수당은 아직 판단하기 어려워요. "
        "장애인연금은 이번에는 어려워 보여요. 재산은 얼마나 있으세요?",
        # the program named in one sentence, the verdict in the next; the amount in Korean units
        "기초연금 안내예요. 대상이 되실 가능성이 커요, 월 34만 9,700원이요. 아동수당은 정보가 더 필요해요. "
        "장애인연금은 받기 어렵습니다. 집이나 예금 같은 재산을 알려 주세요.",
    ],
)
def test_a_paraphrase_that_says_it_all_is_shown(reply: str) -> None:
    assert check_coverage(reply, MUST) == []


def test_a_reply_in_english_names_programs_and_verdicts_in_english() -> None:
    must = must_say(
        DETERMINISTIC.replace("기초연금:", "Basic Pension (기초연금):"),
        RESULTS,
        language="en",
        question_slot="assets",
    )
    reply = (
        "You are likely eligible for the Basic Pension (기초연금), 349,700 won a month. For the child "
        "allowance I can't tell yet. The disability pension looks unlikely this time. Roughly what do you own?"
    )
    assert check_coverage(reply, must) == []


@pytest.mark.parametrize(
    ("reply", "problem"),
    [
        (
            "기초연금은 이번에는 받기 어려워요. 월 349,700원. 아동수당은 아직 몰라요. 장애인연금도 어려워요. 재산은요?",
            "states the opposite of the engine for basic_pension",
        ),
        (
            "기초연금은 받으실 가능성이 높아요, 월 349,700원. 장애인연금은 어려워요. 재산은 얼마나 있으세요?",
            "does not name child_allowance",
        ),
        (
            "기초연금은 받으실 가능성이 높아요. 아동수당은 아직 몰라요. 장애인연금은 어려워요. 재산은 얼마나 있으세요?",
            "leaves out the amount 349,700",
        ),
        (
            "기초연금은 받으실 가능성이 높아요, 월 349,700원. 아동수당은 아직 몰라요. 장애인연금은 어려워요.",
            "does not ask for assets",
        ),
        (
            "You are likely eligible for the basic pension, 349,700 won. Child allowance: not yet known. "
            "Disability pension: unlikely. What do you own?",
            "is not in the resident's language (ko)",
        ),
        (
            "기초연금은 신청해 보세요. 월 349,700원. 아동수당은 아직 몰라요. 장애인연금은 어려워요. 재산은요?",
            "does not say the engine's status for basic_pension (eligible)",
        ),
    ],
)
def test_a_reply_that_leaves_out_or_turns_round_what_matters_is_not_shown(reply: str, problem: str) -> None:
    assert problem in check_coverage(reply, MUST)


def test_a_deadline_is_required_only_when_the_model_was_shown_it() -> None:
    reply = "첫만남이용권은 아기가 태어나면 한 번 주는 바우처예요. 출생일로부터 1년 안에 쓰시면 돼요. [1]"
    deterministic = "첫만남이용권 안내예요. 2026년 12월 31일까지 신청하세요. 아기가 태어나면 주는 바우처예요."
    shown = must_say(deterministic, [], language="ko", question_slot=None, shown="신청: 2026년 12월 31일까지")
    assert "leaves out the deadline 2026-12-31" in check_coverage(reply, shown)
    unseen = must_say(
        deterministic, [], language="ko", question_slot=None, shown="아기가 태어나면 주는 바우처"
    )
    assert check_coverage(reply, unseen) == []


def test_an_answer_from_the_documents_must_say_something() -> None:
    deterministic = (
        "노인장기요양보험 안내예요. "
        + "장기요양 등급을 받으면 방문요양 같은 재가급여나 시설급여를 받아요. " * 2
    )
    must = must_say(deterministic, [], language="ko", question_slot=None)
    assert "is too short to answer" in check_coverage("안내해 드릴게요.", must)
    assert (
        check_coverage(
            "장기요양 등급을 받으시면 집으로 오는 방문요양이나 요양원 같은 시설급여를 쓸 수 있어요. [1]", must
        )
        == []
    )


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            "<|im_start|>assistant 기초연금은 받으실 가능성이 높아요.",
            "holds chat-template tokens or role labels",
        ),
        ("assistant: 기초연금은 받으실 가능성이 높아요.", "holds chat-template tokens or role labels"),
        ("보건복지부터 보건복지부터 보건복지부터 인모벌더 물리하다", "loops on a word"),
        ("기초연금은 받으실 수 있어요. " * 3 + "문의는 129.", "says a sentence over again"),
        ("기초연금 !!! ### ---- ***** ?? ... //// 1", "is more symbols than words"),
    ],
)
def test_junk_does_not_read_as_sentences(text: str, problem: str) -> None:
    assert problem in reads_as_sentences(text)


def test_two_questions_may_end_alike() -> None:
    text = (
        '소득은 얼마인가요? 없으면 "없어요"라고 해 주세요. 재산은 얼마인가요? 없으면 "없어요"라고 해 주세요.'
    )
    assert reads_as_sentences(text) == []


def test_a_sentence_is_held_back_before_it_streams() -> None:
    statuses = {"basic_pension": "eligible"}
    assert sentence_problems("기초연금은 받으실 가능성이 높아요.", "ko", statuses) == []
    assert sentence_problems("The basic pension is likely yours.", "ko", statuses) == [
        "is not in the resident's language (ko)"
    ]
    assert sentence_problems("기초연금은 받기 어려워요.", "ko", statuses) == [
        "states the opposite of the engine for basic_pension"
    ]
    # the verdict in the sentence after the one naming the program
    assert sentence_problems("이번에는 받기 어려워요.", "ko", statuses, previous="기초연금 안내예요.") == [
        "states the opposite of the engine for basic_pension"
    ]
    # "can't tell yet" is not "not likely"
    assert sentence_problems("기초연금은 아직 판단하기 어려워요.", "ko", {"basic_pension": "unknown"}) == []


def test_a_korean_term_in_brackets_must_be_the_name_of_what_it_follows() -> None:
    """A real small model wrote "a National Pension Service branch (보건복지상담)": a Korean term glossed
    with another thing's name is not shown; a program's own name, or the sources' gloss, is."""
    deterministic = (
        "About Basic Pension (기초연금): apply at your dong's administrative welfare centre (행정복지센터), "
        "on 복지로, or at a National Pension Service (국민연금공단) branch."
    )
    must = must_say(deterministic, [], language="en", question_slot=None)
    wrong = "To apply, visit a National Pension Service branch (보건복지상담) or the welfare centre."
    assert any(p.startswith("labels") for p in check_coverage(wrong, must))
    right = (
        "You can apply for the basic pension (기초연금) at the administrative welfare centre (행정복지센터) "
        "of your dong, or at a National Pension Service (국민연금공단) branch."
    )
    assert check_coverage(right, must) == []


def test_an_answer_from_the_documents_must_give_the_answer_they_open_with() -> None:
    """A real small model answered "장기요양 등급이 뭐예요?" with "노인장기요양보험 본인부담금 감경: 일반적이 1~5개,
    알려드리도 …": every figure grounded, no answer given. A fair paraphrase of the opening is shown."""
    deterministic = (
        "노인장기요양보험제도: 대상: 65세 이상 노인 또는 65세 미만 노인성질환자(치매, 중풍 등)로 6개월 이상의 기간 동안 "
        "혼자 일상생활을 수행하기 어려운 자 중 장기요양 1~5등급, 인지지원등급을 인정받은 자\n- 시설급여: …"
    )
    must = must_say(deterministic, [], language="ko", question_slot=None)
    garbled = "노인장기요양보험 본인부담금 감경: 일반적이 1~5개, 알려드리도 장기요양 보험(☎1577-1000)"
    assert "does not give the answer the documents give" in check_coverage(garbled, must)
    fair = (
        "장기요양 등급은 65세 이상이거나 치매·중풍 같은 노인성 질환이 있어 6개월 넘게 혼자 생활하기 어려운 분이 "
        "받는 1~5등급과 인지지원등급이에요. [1]"
    )
    assert check_coverage(fair, must) == []


def test_what_a_blind_set_of_written_replies_showed() -> None:
    """From eval/worst_model/blind_replies.jsonl (measured once, then development data): her message said
    back with 我 turned into 您, words spelled letter by letter, and a Vietnamese sentence naming Korean offices
    (which is still Vietnamese), and a Chinese question answered in Korean (which is not Chinese)."""
    asked = "我今年66岁，老伴68岁，两个人每月收入加起来100万韩元，有一套1亿5千万的房子，我们俩能不能都领基础养老金？"
    echo = "您今年66岁，老伴68岁，两个人每月收入加起来100万韩元，有一套1亿5千万的房子，您们俩能不能都领基础养老金？"
    assert "repeats her message back" in sentence_problems(echo, "zh", {}, message=asked)
    spaced = "I  a m  a n  a s s i s t a n t  t h a t  o n l y  e x p l a i n s  r e s u l t s"
    assert "spells words out letter by letter" in reads_as_sentences(spaced)
    vietnamese = "Bà có thể đăng ký 기초연금 tại 행정복지센터 nơi cư trú hoặc chi nhánh 국민연금공단."
    assert sentence_problems(vietnamese, "vi", {}) == []
    korean = "1세 아이를 가정에서 키우시면 부모급여는 월 50만원이에요."
    assert sentence_problems(korean, "zh", {}) == ["is not in the resident's language (zh)"]


def test_a_vietnamese_verdict_turned_round_is_held_back() -> None:
    """ "khó được nhận" (hard to get) holds "được nhận" (get): it is the opposite of likely, not likely."""
    eligible = {"basic_pension": "eligible"}
    assert sentence_problems("기초연금: lần này khó được nhận (349,700 won).", "vi", eligible) == [
        "states the opposite of the engine for basic_pension"
    ]
    assert sentence_problems("기초연금: bạn có khả năng cao được nhận (349,700 won).", "vi", eligible) == []
