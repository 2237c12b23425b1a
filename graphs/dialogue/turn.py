"""What one message makes of the conversation: the turn's intent, the programs and flow it leaves, and how a
danger shapes the reply. Pure functions over explicit inputs; the graph's `understand` node only gathers them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graphs.answers.compose import outside_topic, replaces_check, topic_notes
from graphs.answers.focus import aspect, korean_terms
from graphs.dialogue.asking import (
    AID_NOUN,
    ALSO_ASKED,
    ASKS,
    ASKS_FOR_PERSON,
    CAN_I,
    GIVEN,
    HOW,
    IF_ALSO,
    NEEDS_HELP,
    STAFF,
    TOPIC_NOUN,
    WHAT_ABOUT,
    WHAT_CAN_I,
    asks_about_program,
    asks_about_received,
    asks_about_service,
    asks_about_topic,
    asks_beyond_program,
    asks_can_i,
    asks_own_amount,
    asks_question,
    asks_something,
    cut_asked,
)
from graphs.dialogue.danger import (
    asks_about_danger,
    help_intent,
    sensed_danger_question,
    trusted_crisis_guess,
)
from graphs.dialogue.reading import Reading
from graphs.nlu import SUDDEN_LOSS, Understanding, asks_what_now
from graphs.state import FLOWS, DangerReply

PERSONAL_SLOTS = frozenset(
    {"household", "age", "child_age", "months_old", "birth_date", "income", "assets", "crisis", "disability",
     "single_parent", "employed"}
)  # fmt: skip
"""Facts about her own household: said with a question about a program, they ask for her answer."""


ASIDES = ("smalltalk", "out_of_scope")


LOW_CONFIDENCE = 0.6


def turn_intent(
    u: Understanding,
    reading: Reading,
    *,
    flow: str | None,
    pending: list[str],
    text: str = "",
    goal: list[str] | None = None,
) -> tuple[str, bool]:
    """The intent of this turn, and whether the open question is asked again after a brief aside.

    Ordered rules, first match wins:
    1. a crisis guess of the classifier is trusted only when sure and the message is not an answer in a flow
       (crisis rules already ran before understanding; they are never overruled);
    2. a request for a person; "can I apply for X?" with no how/where is an eligibility question;
    3. a message that gives facts or refuses one continues the flow it belongs to (a named new program
       starts that program's flow instead); facts stated with no flow yet start discovery, unless the
       message asks something else;
    4. with a question open, a confident aside (thanks, an off-topic remark) keeps the question open, and an
       unread reply continues the flow, which asks again.
    """
    in_flow = flow in FLOWS
    goal = goal or []
    gave = bool(reading.filled or reading.refused)
    if (
        in_flow
        and pending
        and u.intent != "crisis"
        and asks_question(text)
        and topic_notes(text, "ko", answering=True)
    ):
        # "Chồng em bị thương ở nhà máy … chủ không chịu làm 산재. Nhà em phải làm sao?" in the middle of a check:
        # a situation with its own answer, answered; the open question is asked again after it
        return "out_of_scope", True
    if (
        not in_flow
        and not pending
        and (u.intent in FLOWS or (u.programs and u.intent in ("program_info", "application_help")))
        and asks_question(text)
        and replaces_check(text)
    ):
        # "노인맞춤돌봄 대상자가 아니라고 통보가 왔어요. 이의신청 할 수 있나요?": a situation whose note answers it,
        # with what the programs she names are; not her check
        return "program_info", False
    if u.intent == "crisis":
        sure = trusted_crisis_guess(u, reading, flow=flow, pending=pending)
        if sure and "emergency_welfare" in u.programs:
            return "eligibility_check", False  # arrears or an eviction threat: 긴급복지, not the suicide line
        if sure and sensed_danger_question(u, text):
            return help_intent(u), False
        if sure:
            return "crisis", False
        fallback = (flow if in_flow else u.runner_up) or "smalltalk"
        if fallback == "handoff" and not ASKS_FOR_PERSON.search(text):
            fallback = (
                "out_of_scope"  # "돌봐드릴 사람이 없어요" is a situation to answer, not a request for one
            )
        return fallback, False
    answering = bool(reading.answered or reading.refused)
    if u.intent == "handoff" and asks_about_service(text):
        return "program_info", False
    if (
        u.intent == "handoff"
        and not pending
        and not STAFF.search(text)
        and topic_notes(text, "ko", answering=True)
    ):
        # "im 16 … is there somewhere i can talk to someone, like chat not phone call?": the line that fits her
        # (the youth line, its chat) answers, not a welfare officer
        return "out_of_scope", False
    if u.intent == "smalltalk" and not pending and (asks_something(text) or NEEDS_HELP.search(text)):
        return (
            "out_of_scope",
            False,
        )  # "老人坐地铁免费吗？": a question, searched and answered when the booklet has it
    if u.intent == "handoff" and u.confidence >= 0.5 and not (answering and u.confidence < 0.95):
        return (
            "handoff",
            False,
        )  # the classifier alone does not turn an answer ("One person, me") into a handoff
    if in_flow and u.intent != "handoff" and adds_programs(u, goal, text):
        return "eligibility_check", False  # "의료급여도 물어볼라고" in a check: that program joins it
    asks_given = bool(GIVEN.search(text)) and bool(set(reading.filled) & PERSONAL_SLOTS)
    can_i = bool(u.programs) and (asks_can_i(text) or (asks_given and not HOW.search(text)))
    # "장기요양 등급 받으면 노인맞춤돌봄도 받을 수 있어요?" with nothing of her own: a rule, not her check
    rule_only = bool(IF_ALSO.search(text)) and not reading.filled
    if u.intent in ("application_help", "program_info") and can_i and not in_flow and not rule_only:
        return "eligibility_check", False  # "신청하고 싶은데 대상인가요?", "받을 수 있는지 알고 싶어요"
    # Her own facts: a slot filled, or people of her household named ("家里有两个孩子", "셋째 출산했는데")
    personal = bool(set(reading.filled) & PERSONAL_SLOTS) or any(
        m.get("relation") != "self" for m in u.facts.get("members") or []
    )
    about = (asks_about_program(u, text) and not CAN_I.search(text)) or rule_only
    if u.intent == "eligibility_check" and about and not in_flow and not personal:
        # "아동수당 얼마고 몇살까지 나와요?": the answer does not depend on her
        return "program_info", False
    if u.intent == "eligibility_check" and u.programs and not in_flow and not pending and cut_asked(text):
        # "If my husband and I both get basic pension, is it reduced?": the rule, as the Korean question gets it
        return "program_info", False
    if u.intent in ("program_info", "application_help") and u.programs and personal and not in_flow:
        # "첫만남이용권 둘째도 주나요? 한달 전에 둘째 낳았어요", "국취제 신청하고 싶은데 조건이 어떻게 돼요?
        # 29살이고…": about the program, with her own facts — her answer is the check (with how to apply when
        # she asked how), not the general description.
        return "eligibility_check", False
    if (
        u.by_situation
        and not in_flow
        and not pending
        and u.intent in ("benefit_discovery", "eligibility_check", "out_of_scope")
        and SUDDEN_LOSS & set(u.facts.get("crisis") or [])
        and any(m.get("relation") == "child" for m in u.facts.get("members") or [])
        and (WHAT_CAN_I.search(text) or asks_what_now(text))
    ):
        # "남편이 지난달에 갑자기 돌아가셨어요 애들 둘 다 중학생이고 … 뭐부터 해야될지", "Chong em mat … cham 2 con …
        # Em co the duoc giup gi?": the earner lost with children to raise changes the whole household's life:
        # what it brings (긴급복지 first, 한부모, 교육급여 …), not one program's check (alone, or for arrears or a
        # lost job, 긴급복지's check gives its amount)
        return "benefit_discovery", False
    if u.intent == "benefit_discovery" and u.programs and not in_flow:
        return "eligibility_check", False  # naming a program is not "what can I get?"
    if (
        flow == "benefit_discovery"
        and u.intent in ("program_info", "application_help")
        and u.programs
        and aspect(text) in ("how_much", "any")
    ):
        # "How much is the first meeting voucher and the Siheung birth money for a third child?" after telling
        # her birth: how much she gets is her check of those programs, with what they are
        return "eligibility_check", False
    if not in_flow and not pending and not u.programs and asks_about_topic(text, personal):
        # A question about something that is not one of the checked programs ("요양원 본인부담 몇프로예요?",
        # "치매치료비 지원 받을 수 있나요?"): answered from the documents, not with the profile.
        if u.intent == "benefit_discovery":
            return "program_info", False
        if u.intent == "eligibility_check" and (
            aspect(text) != "any"
            or TOPIC_NOUN.search(text)
            or AID_NOUN.search(text)
            or korean_terms(text)
            or outside_topic(text)
        ):
            return "program_info", False  # "can I get it?" with no program recognised stays a check
        if u.intent == "out_of_scope":
            return "out_of_scope", False  # searched, and answered when a passage is about it
    if (
        not in_flow
        and not pending
        and not u.programs
        and u.intent in FLOWS
        and (NEEDS_HELP.search(text) or (WORRY.search(text) and topic_notes(text, "ko", answering=True)))
    ):
        # "낮에 봐드릴 사람이 없어요", "애 맡길 데가 없어요", "what should I do?": a situation to answer from the
        # documents (or refer honestly), not the start of a profile
        return "out_of_scope", False
    if (
        not in_flow
        and not pending
        and not u.programs
        and u.intent in (*FLOWS, "out_of_scope")
        and outside_topic(text, status_too=False)
        and not WHAT_CAN_I.search(text)
        and not asks_question(text)
    ):
        # "집주인이 보증금을 안돌려줘요 … 변호사 살 돈이 없어요 차상위에요": a trouble with its own line, told
        # with who she is; answered and referred, not the start of a profile
        return "out_of_scope", False
    if u.programs == ["emergency_welfare"] and u.intent in (*ASIDES, "benefit_discovery"):
        return "eligibility_check", False  # a situation that calls for 긴급복지 though it names no program
    # Naming her own program again while answering ("양육비로 66만원") stays in the flow; asking about it does not.
    own = (set(u.programs) <= set(goal) or bool(reading.answered)) and (
        not u.programs or not ASKS.search(text)
    )
    if in_flow and not u.programs and WHAT_CAN_I.search(text) and asks_question(text):
        # "and my wife is pregnant, is there anything for the baby when it comes?" in a check: what else she
        # can get, with what she just told, not one more fact for the check under way
        return "benefit_discovery", False
    if gave and own:
        if in_flow and flow:
            return flow, False
        if u.intent in ASIDES or (u.intent in FLOWS and u.confidence < 0.8):
            return "benefit_discovery", False
    if pending and not gave and u.intent in ASIDES and u.confidence >= LOW_CONFIDENCE:
        return u.intent, True
    if pending and in_flow and flow and not u.programs and (u.intent not in FLOWS or u.confidence < 0.8):
        return flow, False
    unsure_aside = (u.intent in ASIDES or u.intent in FLOWS) and u.confidence < LOW_CONFIDENCE
    if in_flow and flow and not u.programs and unsure_aside and not asks_something(text):
        # An unsure guess at a plain remark in a check ("자식은 없어요" after the verdict) is more about her
        # situation: the check goes on with it, not the out-of-scope reply.
        return flow, False
    if u.intent == "handoff" and not ASKS_FOR_PERSON.search(text):
        # An unsure guess of a request for a person ("Where can I take free Korean classes?") is a question:
        # searched, and answered when the documents have it.
        return ("program_info" if u.programs else "out_of_scope"), False
    # "À còn 부모급여 nữa, em chưa đăng ký" in a check waiting for an answer: answered, and the question asked again
    aside = bool(
        pending and in_flow and u.intent in ("program_info", "application_help") and not reading.filled
    )
    return u.intent, aside


#: A worry told, not a question ("그래서 너무 걱정돼요", "I'm so worried", "担心", "lo lắng"): with a topic whose
#: note says what to do first (치매), that note is the answer, not the start of a profile.
WORRY = re.compile(r"걱정|불안|막막|worried|worry|担心|着急|lo lắng|lo lang", re.IGNORECASE)


#: "기초연금 말고 장애인연금이요", "not that, the disability pension": a program named instead of the goal's.
_INSTEAD = re.compile(
    r"말고|아니고|아니라|그보다|그것보다|instead|rather than|不是|而是|không phải|khong phai", re.IGNORECASE
)


def goal_after(
    u: Understanding, reading: Reading, goal: list[str], text: str, *, joins: bool = False
) -> list[str]:
    """The programs the conversation is about after this message: those it names, unless it names them while
    answering the open question ("양육비로 43만 원 들어와요" is income, not a question about 양육비). When it
    `joins` a check under way ("생계급여도 같이 물어볼게요"), the goal survives with it added, unless she names it
    instead of the goal's ("기초연금 말고 장애인연금이요")."""
    if not u.programs or reading.programs_named_as_facts:
        return goal
    if goal and u.by_situation and joins:
        # "영감이랑 둘이 살고 병원비도 많이 나와유": an answer that tells a need besides adds its program
        return [*goal, *(p for p in u.programs if p not in goal)]
    if (
        goal
        and reading.answered
        and not (
            ASKS.search(text) or CAN_I.search(text) or ALSO_ASKED.search(text) or WHAT_ABOUT.search(text)
        )
    ):
        return goal
    if joins and goal and not _INSTEAD.search(text):
        return [*goal, *(p for p in u.programs if p not in goal)]
    return list(u.programs)


def adds_programs(u: Understanding, goal: list[str], text: str) -> bool:
    """Whether a message in a check under way asks about a program beside the goal's ("난방비 지원해주는 것도
    있다던디 그건 어뗘", "con 국민취업지원 thi sao"): it joins the check, unless she asks what it is or
    where, how and how much, which are answered in passing ("그런데 아동수당은 얼마예요?")."""
    new = [p for p in u.programs if p not in goal]
    if new and WHAT_ABOUT.search(text):
        return True  # "의료급여나 주거급여는 어떻게 돼요?" after her verdict: those too, for her
    return bool(new) and not HOW.search(text) and (aspect(text) == "any" or bool(CAN_I.search(text)))


@dataclass(frozen=True)
class Before:
    """What the conversation held before this message, and the guard's reply to a danger a rule named."""

    flow: str | None = None
    pending: list[str] = field(default_factory=list)
    goal: list[str] = field(default_factory=list)
    programs: list[str] = field(default_factory=list)
    danger: DangerReply = "none"
    danger_kinds: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Decision:
    """What the message makes of the conversation."""

    intent: str
    flow: str | None
    programs: list[str]
    """The programs this turn is about."""
    goal: list[str]
    """The programs her check is about: an aside about another program leaves them be."""
    danger: DangerReply
    danger_kinds: list[str]
    keep_pending: bool
    """A brief aside: the open question is asked again after the reply."""
    new_topic: bool
    """The programs changed: the open questions are dropped."""
    asked_about: list[str]
    """Programs she asks about for the first time: what each is and the rule that decides come first."""
    asked_how: bool
    """She asked how to apply for a program and is checked for it: how to apply comes with the verdict."""

    @property
    def crisis(self) -> bool:
        """Whether the reply opens with the help lines for a danger."""
        return self.danger in ("crisis_reply", "lines_then_answer")


def danger_reply(u: Understanding, reading: Reading, text: str, before: Before, intent: str) -> DangerReply:
    """How a danger shapes the reply, once the turn's intent is known.

    | the danger                     | the message                                  | reply              |
    |--------------------------------|----------------------------------------------|--------------------|
    | named by a rule (the guard's)  | asks something besides (`rule_danger_reply`) | lines_then_answer  |
    | sensed by the classifier, sure | nothing else to it (intent "crisis")         | crisis_reply       |
    | sensed by the classifier, sure | asks where to turn or what help there is     | lines_then_answer  |
    | sensed by the classifier, sure | asks what to do, and a topic note answers it | none               |
    | sensed by the classifier       | arrears, an eviction, or the guess unsure    | urgent_help        |
    | none                           |                                              | none               |
    """
    if before.danger == "lines_then_answer":
        return "lines_then_answer"
    if intent == "crisis":
        return "crisis_reply"
    if u.intent != "crisis":
        return "none"
    sure = trusted_crisis_guess(u, reading, flow=before.flow, pending=before.pending)
    if sure and sensed_danger_question(u, text) and aspect(text) == "what":
        # "일상돌봄서비스 머임? … 허리다쳐서 밥도 제대로 못먹음": what a service is, asked by someone who needs it —
        # the answer, not the crisis lines a guess alone would add
        return "none"
    if sure and sensed_danger_question(u, text):
        # a situation whose topic note answers it (a boss who will not file 산재): that answer with the topic's
        # own line, not the crisis lines
        return "none" if topic_notes(text, "ko", answering=True) else "lines_then_answer"
    return "urgent_help"


def decide(u: Understanding, reading: Reading, text: str, before: Before) -> Decision:
    """The turn's intent, programs, flow and reply to a danger, from what the message says and what the
    conversation held before it."""
    if u.programs and not before.pending and before.flow not in FLOWS and asks_beyond_program(text):
        u = u.model_copy(update={"programs": [], "intent": "program_info"})
    intent, keep_pending = turn_intent(
        u, reading, flow=before.flow, pending=before.pending, text=text, goal=before.goal
    )
    in_check = before.flow in FLOWS
    asked_about = (
        [p for p in u.programs if not before.pending or p not in before.goal]
        if intent == "eligibility_check"
        else []
    )
    # "where do i go to sign up?" beside her facts: how to apply comes with the verdict
    asked_how = intent == "eligibility_check" and (u.intent == "application_help" or aspect(text) == "where")
    danger = danger_reply(u, reading, text, before, intent)
    topic = goal_after(u, reading, before.goal, text, joins=in_check and intent == "eligibility_check")
    new_topic = topic != before.programs
    programs = topic if new_topic else list(before.programs)
    goal = topic if intent in FLOWS or not in_check else list(before.goal)
    received = [] if before.pending or in_check or u.programs else asks_about_received(text)
    own = [] if before.pending or in_check or u.programs else asks_own_amount(u, text)
    if intent in (*FLOWS, "program_info") and own:
        intent, programs, goal = "eligibility_check", own, own  # how much she gets of what she receives
    elif intent in FLOWS and received:
        intent, programs = "program_info", received  # a rule of what she receives, answered
    if intent == "eligibility_check" and not programs:
        intent = "benefit_discovery"
    flow = intent if intent in FLOWS else before.flow  # other questions answer in passing; the flow stays
    if before.danger == "lines_then_answer":
        # Danger, and a question besides ("남편한테 맞고 나왔어요, 긴급지원 받을 수 있나요?"): the lines, then her
        # question — "어떤게 학대인지 궁금" from the documents, a program she names by its check.
        if not u.programs and (asks_about_danger(text, before.danger_kinds) or asks_about_topic(text, False)):
            intent, programs = "program_info", []
        else:
            intent = flow = "eligibility_check" if programs else "benefit_discovery"
    kinds = (
        before.danger_kinds
        if before.danger != "none"
        else (list(u.crisis_signals) if danger in ("crisis_reply", "lines_then_answer") else [])
    )
    return Decision(
        intent=intent,
        flow=flow,
        programs=programs,
        goal=goal,
        danger=danger,
        danger_kinds=kinds,
        keep_pending=keep_pending,
        new_topic=new_topic,
        asked_about=asked_about,
        asked_how=asked_how,
    )
