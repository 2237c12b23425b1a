"""When a message tells of a danger: whether the classifier's guess of one is trusted, and whether the message
also asks something the reply should answer after the help lines that fit (`graphs.dialogue.turn` decides the
reply from these). The danger words themselves are `graphs.nlu.danger` and the crisis rules'."""

from __future__ import annotations

import re

from graphs.answers.compose import topic_notes
from graphs.dialogue.asking import ASKS, CAN_I, UNMARKED_QUESTION, asks_question
from graphs.dialogue.reading import Reading
from graphs.nlu import Understanding, situation_programs
from graphs.nlu.programs import detect_programs
from graphs.state import FLOWS, DangerReply

MODEL_CRISIS_CONFIDENCE = 0.3
"""The classifier alone (no crisis rule fired) must be at least this sure to route to the crisis reply: its
own threshold. The guess also needs a word of danger or despair (`graphs.nlu.danger`), which is what keeps
plain facts about a hard life out; with that gate the old 0.5 only lost real crises said indirectly (9 of 70
in `eval/dialogue/indirect_crisis.jsonl`, 0 at 0.3, with 0 of 208 plain facts and no new false alarm on the
NLU sets)."""


#: "What do I do?" in a danger asks for help now, not about a service: the crisis reply answers it.
_WHAT_TO_DO = re.compile(
    r"어떡|어떻게\s?해야|어쩌|어찌|what (?:should|do) i do|怎么办|该怎么|phải làm sao|làm sao bây giờ|làm gì bây giờ",
    re.IGNORECASE,
)


#: Words of a question for a service or a place ("도움받을 데가 있을까요", "그게 뭐에요", "is there any help").
_SEEKS = re.compile(
    r"있을까|있나|있어요|없을까|없나|도움\s?받|받을\s?(?:수|데|곳)|지원|서비스|제도|어디(?:에|서|다|로)?|신고|뭐(?:예요|에요|야|임)"
    r"|is there|are there|any (?:\w+ ){0,2}(?:help|support|service|program)|where (?:can|do)|options|what can i do|有没有|哪里|ở đâu|hỗ trợ|có .{0,20}không",
    re.IGNORECASE,
)


def trusted_crisis_guess(u: Understanding, reading: Reading, *, flow: str | None, pending: list[str]) -> bool:
    """Whether the classifier's crisis guess is trusted: sure enough, and the message is not an answer in a
    flow (an answer there is read as facts)."""
    return (
        u.intent == "crisis"
        and u.confidence >= MODEL_CRISIS_CONFIDENCE
        and not reading.answered
        and not pending
        and flow not in FLOWS
    )


def sensed_danger_question(u: Understanding, text: str) -> bool:
    """Whether a danger only the classifier sensed (no crisis rule named it) comes in a message that asks where
    to turn or what help there is ("남편이 쓰러져서 입원했어요… 도움받을 데가 있을까요?", "집에 와서 돌봐주는 거
    없을까요?"): the lines that fit, then the answer, not the crisis reply alone."""
    if u.intent != "crisis" or set(u.crisis_signals) - {"model"}:
        return False
    if asks_question(text) and topic_notes(text, "ko", answering=True):
        return True  # "手被机器压伤了 … 老板说不给办工伤，怎么办？": the 산재 note answers what she should do
    if _WHAT_TO_DO.search(text):
        return False
    return (asks_question(text) or bool(UNMARKED_QUESTION.search(text))) and bool(_SEEKS.search(text))


def help_intent(u: Understanding) -> str:
    """The answer a sensed danger's question gets: the check of a program she named, else the documents."""
    if u.programs:
        return "eligibility_check"
    return u.runner_up if u.runner_up in ("program_info", "application_help") else "program_info"


LIFE_DANGER = frozenset({"suicide", "medical_emergency", "person_unseen"})
"""Crisis kinds where the reply is the help lines alone: nothing else is asked of her in that turn."""

#: A collapse told as the cause of a lasting need ("중풍으로 쓰러지시고 혼자 거동이 안되세요", "뇌졸중으로 쓰러진 뒤"),
#: not happening now.
_COLLAPSED_BEFORE = re.compile(
    r"(?:중풍|뇌졸중|뇌경색|뇌출혈|치매|수술|사고)(?:으로|로)?\s?(?:쓰러지시고|쓰러지셔서|쓰러지신\s?뒤|쓰러진\s?뒤|쓰러지고|쓰러져서)"
    r"|(?:had|after) a stroke|中风(?:了|后)|bị (?:đột quỵ|tai biến)"
    # a collapse on a day gone by ("上周在家晕倒", "지난달에 쓰러지셨는데"): the need it left is asked about
    r"|(?:上周|上个月|去年|前几天|几天前|지난\s?주|지난\s?달|작년|며칠\s?전|\d+\s?(?:일|주|달|개월|년)\s?전"
    r"|last (?:week|month|year)|(?:days?|weeks?|months?) ago|tuần trước|tháng trước|năm ngoái)"
    r".{0,20}(?:쓰러|晕倒|昏迷|collapsed|ngất|bất tỉnh)"
    # found after the collapse, so it is over ("쓰러지셨는데 하루 지나서야 발견됐어요")
    r"|(?:쓰러|晕倒|collapsed|ngất).{0,30}(?:발견(?:됐|되었|돼서|되셨)|지나서야|병원에\s?(?:계세요|계셔|입원)|퇴원|were found|was found|被发现|才发现|được phát hiện)",
    re.IGNORECASE,
)
_NOT_NOW_EMERGENCY = re.compile(
    r"숨|의식|피를?|안\s?일어나|breath|unconscious|bleeding|呼吸|昏迷|khó thở|bất tỉnh", re.I
)


def _collapsed_before(message: str, signals: list[str]) -> bool:
    """Whether the emergency told is a collapse in the past that left a need for care ("중풍으로 쓰러지시고
    혼자 거동이 안되세요"), nothing happening now: her question is then answered, the 119 line first."""
    return (
        "medical_emergency" in signals
        and bool(_COLLAPSED_BEFORE.search(message))
        and not _NOT_NOW_EMERGENCY.search(message)
        and not _DANGER_NOW.search(message)
    )


def asks_for_help(message: str, signals: list[str]) -> bool:
    """Whether a message with a danger also asks for a program by name ("맞고 집을 나왔어요. 긴급지원 받을 수
    있나요?"), or tells a situation 긴급복지 is for ("he hit me… I have no money"), and the danger is not to her
    life right now: then the help lines come first and her question or her check follows, not left behind
    the offer of a person."""
    life = set(signals) & LIFE_DANGER - (
        {"medical_emergency"} if _collapsed_before(message, signals) else set()
    )
    if not signals or life:
        return False
    if situation_programs(message):
        return True
    asked, _ = detect_programs(message)
    return bool(asked) and bool(CAN_I.search(message) or ASKS.search(message))


#: A question about what abuse is or how reporting works, not a danger happening to her now ("어떤게 학대인지
#:궁금", "신고하면 제 이름 알려지나요?", "what counts as abuse?").
_ABOUT_DANGER = re.compile(
    r"궁금|뭐(?:예요|에요|야|임|가요|였|더라)|뭔가요|(?:신고|상담)\s?(?:하는|할\s?수\s?있는)?\s?(?:앱|어플)|\b(?:an? )?app (?:to|for) report|어떤\s?(?:게|것|경우)|들어가(?:요|나|는지)|해당(?:되|하)(?:나|는지|요)|포함(?:되|돼)"
    r"|(?:신고|상담)\s?(?:하는|할)?\s?(?:번호|전화\s?번호|연락처)|몇\s?번(?:이었|이에|이야|인가|이죠|이더라)|번호(?:가|는)?\s?(?:뭐|몇)"
    r"|what(?:'s| is| was) the (?:number|hotline|phone)|(?:号码|电话)是(?:多少|什么)|số (?:điện thoại|đường dây)(?: nóng)? (?:là (?:gì|bao nhiêu)|nào)"
    r"|신고하면|어디(?:에|다|로)?\s?신고|신고(?:는|를)?\s?어디|이름(?:이)?\s?(?:알려|밝혀|나가)|(?:신고한\s?(?:거|게|걸)|제가).{0,8}알려지|비밀\s?(?:보장|이)|what counts|count as|is (?:it|this|that) (?:considered )?abuse"
    r"|算不算|是不是虐待|什么(?:是|算)|举报.{0,6}(?:名字|身份)|có (?:phải|tính) là|thế nào (?:là|thì)",
    re.IGNORECASE,
)


_DANGER_NOW = re.compile(
    r"지금|살려|도와\s?주세요|도와줘|맞고\s?있|때리고\s?있|죽을\s?것|right now|help me|hitting me|救命|正在|cứu|ngay bây giờ",
    re.IGNORECASE,
)


ABOUT_DANGER_KINDS = frozenset({"violence"})
"""Crisis rules whose words a question about the topic also uses (학대, 폭력)."""


def asks_about_danger(message: str, signals: list[str]) -> bool:
    """Whether a message with abuse words asks about the topic rather than telling a danger now: answered from
    the documents with the fitting lines first, not with the crisis reply alone."""
    return (
        bool(signals)
        and set(signals) <= ABOUT_DANGER_KINDS
        and bool(_ABOUT_DANGER.search(message))
        and not _DANGER_NOW.search(message)
    )


def rule_danger_reply(message: str, signals: list[str], pending: list[str]) -> DangerReply:
    """The reply to a danger a crisis rule named (the guard's decision, before the message is read).

    | the message                                                        | reply              |
    |--------------------------------------------------------------------|--------------------|
    | names no danger                                                    | none               |
    | asks for a program by name, not in danger of her life now          | lines_then_answer  |
    | answers "what happened?" in a check, not in danger of her life now | lines_then_answer  |
    | asks what abuse is or how reporting works, not happening now       | lines_then_answer  |
    | anything else                                                      | crisis_reply       |
    """
    if not signals:
        return "none"
    answers_question = "crisis" in pending and not set(signals) & LIFE_DANGER
    past_collapse = _collapsed_before(message, signals) and asks_question(message)
    if (
        asks_for_help(message, signals)
        or answers_question
        or asks_about_danger(message, signals)
        or past_collapse
    ):
        return "lines_then_answer"
    return "crisis_reply"
