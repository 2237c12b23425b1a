"""What to ask next, and what to assume, from the rules engine's results for the programs she asked about.

The engine already says, per program, which facts would decide an undecided status (`missing`); a fact that
no undecided program needs cannot change an answer and is never asked. Facts are asked one or two at a time,
those that decide more of her programs first, then in the natural order of an intake. A fact that rarely
matters is assumed the common way and named in the reply, so she can correct it.
"""

from __future__ import annotations

import re
from typing import Any

from graphs.answers.focus import asks_a_rule, aspect, bigrams, korean_terms
from graphs.dialogue import ledger as lg
from graphs.dialogue.reading import Reading
from graphs.memory import merge_facts
from graphs.nlu import Understanding
from graphs.nlu.programs import detect_programs
from graphs.slots import SLOT_ORDER
from tools.vietnamese import with_unmarked

MAX_ASKS = 3
"""A slot asked this often without a usable answer is not asked again (the status stays undecided, and the
reply says why). It is often asked beside another slot that gets the answer, hence three, not two."""
INCOME_CRITERIA = frozenset(
    {"income_recognition", "income", "household_income", "youth_household_income", "low_income_status"}
)
"""Criteria compared with 기준 중위소득 for the household's size: they need to know who lives together."""
HOUSEHOLD_CRITERIA = INCOME_CRITERIA | {"vulnerable_member", "child", "child_age", "newborn", "student"}
"""Undecided criteria that the household's composition can decide (a child, an older member)."""
EXCLUSION_ONLY_RECEIVING = frozenset({"basic_pension", "disability_pension", "national_employment_support"})
"""Programs for which other benefits only exclude (중복수급): not receiving them is the common case. (차상위
is not here: many who ask about it already receive 기초생활보장, which excludes it.)"""
NBLS_HINTS = frozenset({"livelihood_benefit", "medical_benefit", "housing_benefit", "education_benefit"})


def assumed_facts(goal: list[str], facts: dict[str, Any], ledger: lg.Ledger) -> dict[str, Any]:
    """Facts to assume for the check: `receiving: []` when every program asked about only excludes on it and
    nothing she said hints otherwise (a disability for 기초연금, 65 or older for 장애인연금)."""
    if not goal or not set(goal) <= EXCLUSION_ONLY_RECEIVING:
        return {}
    if lg.status(ledger, "receiving") not in (None, "assumed") or facts.get("receiving") is not None:
        return {}
    members = facts.get("members") or []
    disabled = any(m.get("disability") in ("mild", "severe") for m in members)
    old = any((m.get("age") or 0) >= 64 for m in members if m.get("relation") == "self")
    if ("basic_pension" in goal and disabled) or ("disability_pension" in goal and old):
        return {}
    return {"receiving": []}


RESIDENCE_CRITERIA = frozenset({"residence"})
"""Criteria that are the program's own place rule (시흥시 거주, 경기도 시·군): the engine passes them on the
service's city when no region is given, which is the common case for any other program but decides these."""


def _residence_assumed(result: dict[str, Any], ledger: lg.Ledger) -> bool:
    return lg.status(ledger, "region") is None and any(
        c["name"] in RESIDENCE_CRITERIA and c["passed"] for c in result.get("criteria") or []
    )


FOREIGN = "XX"
"""A nationality other than Korean, country unknown (the engine treats every code but KR alike)."""


def nationality_probe(language: str, facts: dict[str, Any], ledger: lg.Ledger) -> dict[str, Any] | None:
    """The household as it would be if she were not a Korean national, when that is worth checking: she writes
    in English, Chinese or Vietnamese and has not said her nationality. The engine assumes Korean nationals;
    where the probe's statuses differ, nationality decides, and it is asked (see `undecided_facts`)."""
    me: dict[str, Any] = next((m for m in facts.get("members") or [] if m.get("relation") == "self"), {})
    if language == "ko" or lg.status(ledger, "nationality") is not None or me.get("nationality"):
        return None
    return merge_facts(facts, {"members": [{"relation": "self", "nationality": FOREIGN}]})


def undecided_facts(
    results: list[dict[str, Any]], ledger: lg.Ledger, probes: dict[str, list[dict[str, Any]]] | None = None
) -> list[str]:
    """The facts that could still change a status, those that decide more programs first: the engine's
    missing facts of undecided programs, and each probed fact (`probes`: the results under another value of
    it) that changes some program's status."""
    counts: dict[str, int] = {}
    for fact, alternative in (probes or {}).items():
        status_if = {r["program_id"]: r["status"] for r in alternative}
        flips = sum(1 for r in results if status_if.get(r["program_id"], r["status"]) != r["status"])
        if flips:
            counts[fact] = flips
    for result in results:
        if _residence_assumed(result, ledger):
            counts["region"] = counts.get("region", 0) + 1
        if result["status"] != "unknown":
            continue
        for fact in result.get("missing") or []:
            counts[fact] = counts.get(fact, 0) + 1
        needs_size = any(
            c["name"] in HOUSEHOLD_CRITERIA and c["passed"] is None for c in result.get("criteria") or []
        )
        if needs_size and not lg.settled(ledger, "household"):
            counts["household"] = counts.get("household", 0) + 1
    order = {slot: index for index, slot in enumerate(SLOT_ORDER)}
    return sorted(counts, key=lambda fact: (-counts[fact], order.get(fact, len(order))))


def next_questions(
    results: list[dict[str, Any]],
    ledger: lg.Ledger,
    probes: dict[str, list[dict[str, Any]]] | None = None,
    facts: dict[str, Any] | None = None,
    *,
    limit: int = 2,
) -> list[str]:
    """The next one or two slots to ask: undecided facts she has not refused, not settled, not asked twice."""
    askable = set(SLOT_ORDER)
    undecided = undecided_facts(results, ledger, probes)
    if facts is not None and not lg.settled(ledger, "child_age"):
        undecided = _children_together(undecided, facts)
    return [
        fact
        for fact in undecided
        if fact in askable
        and (lg.status(ledger, fact) not in ("refused", *lg.SETTLED) or _named_in_passing(fact, ledger))
        and lg.asks(ledger, fact) < MAX_ASKS
    ][:limit]


def _named_in_passing(fact: str, ledger: lg.Ledger) -> bool:
    """Benefits named in passing ("기초연금 받아요") do not say she receives no other: asked once."""
    return fact == "receiving" and lg.status(ledger, fact) == "said" and lg.asks(ledger, fact) == 0


BABY_SLOTS = ("months_old", "birth_date")


def _children_together(undecided: list[str], facts: dict[str, Any]) -> list[str]:
    """The baby's months or birth date asked as the children's ages when more than the youngest is unknown
    ("아이들이 몇 살인가요?" before "몇 개월인가요?"): one answer about the baby leaves her other children
    undecided, and the engine cannot rule them out as newborns."""
    children = [m for m in facts.get("members") or [] if m.get("relation") in ("child", "grandchild")]
    unaged = [c for c in children if not {"age", "months_old", "birth_date"} & c.keys()]
    if not set(BABY_SLOTS) & set(undecided) or not unaged or (len(unaged) == 1 and len(children) == 1):
        return undecided
    replaced = ["child_age" if fact in BABY_SLOTS else fact for fact in undecided]
    return list(dict.fromkeys(replaced))


PROFILE_SLOTS = ("household", "age", "income")
"""The short profile "what can I get?" starts with."""


def profile_complete(ledger: lg.Ledger) -> bool:
    """Whether discovery has its short profile (each slot settled, refused, or asked enough)."""
    return all(
        lg.settled(ledger, s) or lg.status(ledger, s) == "refused" or lg.asks(ledger, s) >= MAX_ASKS
        for s in PROFILE_SLOTS
    )


SITUATION_CRITERIA = frozenset(
    {"child_age", "newborn", "child", "student", "single_parent", "crisis", "renting", "job_seeker",
     "vulnerable_member", "severe_disability", "mild_disability"}
)  # fmt: skip
"""Criteria a household's situation meets (a child, a birth, a crisis, single parenthood, a disability …): a
program one of them passes for is about what she told, even before the profile says whether she qualifies."""


def situation_told(facts: dict[str, Any]) -> bool:
    """Whether the facts tell a situation programs are for (a child, a single parent, a crisis, a disability)."""
    members = facts.get("members") or []
    return bool(
        facts.get("single_parent")
        or facts.get("crisis")
        or any(m.get("relation") in ("child", "grandchild") for m in members)
        or any(m.get("disability") in ("mild", "severe") or m.get("pregnant") for m in members)
        or (facts.get("housing") or {}).get("tenure") in ("renter", "homeless")
    )


def situational(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The programs a situation criterion passes for and none fails: what fits what she told."""
    return [
        r
        for r in results
        if r["status"] != "ineligible"
        and any(c["passed"] is True and c["name"] in SITUATION_CRITERIA for c in r["criteria"])
    ]


def missing_profile(ledger: lg.Ledger) -> list[str]:
    """The profile slots discovery still asks for."""
    return [
        s
        for s in PROFILE_SLOTS
        if not lg.settled(ledger, s) and lg.status(ledger, s) != "refused" and lg.asks(ledger, s) < MAX_ASKS
    ]


#: "신청 가능한가요?", "can I apply?", "có thể đăng ký được không?": whether she can get it, not how to apply.
_CAN_I = re.compile(
    r"가능(?:한가요|할까요|해요|하나요|한지|할지)|될까요|되나요|돼요\?|돼\?|되는지|할\s?수\s?있|받을\s?수|자격|해당(?:되|하)|대상(?:인가|이에|이야|이나|일까|인지)"
    r"|되(?:겠나|겠능가|겠습니까|겠어요|겠냐|나\?|나\s*$|남|노|는감|는겨|겄)|될랑가|될까"
    r"|받고\s?싶|신청하고\s?싶|신청하면\s?(?:나오|받|되|돼)"
    r"|\bcan i (?:apply|get|receive)|\bam i eligible|\beligible\b|\bqualify|\bi (?:want|would like) to (?:get|receive|apply)"
    r"|được không|duoc khong|đủ điều kiện|du dieu kien|có thể (?:đăng ký|xin|nhận)|co the (?:dang ky|xin|nhan)"
    r"|能.{0,6}吗|可以.{0,8}吗|符不符合|有资格|能不能|可不可以",
    re.IGNORECASE,
)
#: How, where, with which documents: an application question even when it also asks "can I".
#: "둘째도 주나요?", "나와요?": whether it is given — hers when she says her situation, else about the program.
_GIVEN = re.compile(r"주나요|줘요\?|나와요\?|나오나요", re.IGNORECASE)
_HOW = re.compile(
    r"어디|어떻게|서류|뭐\s?(?:가|를)?\s?필요|준비물|언제|where|\bhow\b|document|\bwhen\b|哪里|怎么|材料|什么时候|ở đâu|o dau|như thế nào|giấy tờ|giay to|khi nào",
    re.IGNORECASE,
)
#: "What can I get?" with no topic: the one question that starts with the short profile.
_WHAT_CAN_I = re.compile(
    r"(?:뭐|무엇|뭘|어떤\s?(?:것|거|게|지원|혜택|복지|제도)|다)\s?(?:을|를)?\s?(?:받을|받을수|받|신청할|해당)|받을\s?수\s?있는\s?(?:거|것|게|지원|혜택|복지)"
    r"|해당(?:되는|하는)\s?(?:거|것|게)|what (?:can|could) i (?:get|receive|apply)|what (?:benefits|support|help)|anything (?:i|we) can get"
    r"|能(?:领|拿|申请|享受)(?:到)?(?:什么|哪些)|有(?:什么|哪些)(?:补助|福利|补贴|支援|待遇)|可以享受哪些"
    r"|(?:được|có thể|điều kiện) (?:nhận|hưởng|xin)(?: được)? (?:những |các )?"
    r"(?:gì|trợ cấp (?:gì|nào)|hỗ trợ (?:gì|nào)|chế độ (?:gì|nào)|phúc lợi (?:gì|nào))|hỗ trợ gì|phúc lợi gì",
    re.IGNORECASE,
)
_WHAT_CAN_I = with_unmarked(_WHAT_CAN_I)
ASKS = re.compile(r"\?|？|[까나죠]요?\s*$|吗|không\s*$|khong\s*$", re.IGNORECASE)
"""A message that ends as a question (a mark, a question ending)."""
MODEL_CRISIS_CONFIDENCE = 0.3
"""The classifier alone (no crisis rule fired) must be at least this sure to route to the crisis reply: its
own threshold. The guess also needs a word of danger or despair (`graphs.nlu.danger`), which is what keeps
plain facts about a hard life out; with that gate the old 0.5 only lost real crises said indirectly (9 of 70
in `eval/dialogue/indirect_crisis.jsonl`, 0 at 0.3, with 0 of 208 plain facts and no new false alarm on the
NLU sets)."""
FLOWS = ("eligibility_check", "benefit_discovery")
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
    if u.intent == "crisis":
        sure = trusted_crisis_guess(u, reading, flow=flow, pending=pending)
        if sure and "emergency_welfare" in u.programs:
            return "eligibility_check", False  # arrears or an eviction threat: 긴급복지, not the suicide line
        if sure and sensed_danger_question(u, text):
            return help_intent(u), False
        if sure:
            return "crisis", False
        fallback = (flow if in_flow else u.runner_up) or "smalltalk"
        if fallback == "handoff" and not _ASKS_FOR_PERSON.search(text):
            fallback = (
                "out_of_scope"  # "돌봐드릴 사람이 없어요" is a situation to answer, not a request for one
            )
        return fallback, False
    answering = bool(reading.answered or reading.refused)
    if u.intent == "handoff" and asks_about_service(text):
        return "program_info", False
    if u.intent == "smalltalk" and not pending and asks_something(text):
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
    asks_given = bool(_GIVEN.search(text)) and bool(set(reading.filled) & PERSONAL_SLOTS)
    can_i = bool(u.programs) and bool(_CAN_I.search(text) or asks_given) and not _HOW.search(text)
    if u.intent in ("application_help", "program_info") and can_i and not in_flow:
        return "eligibility_check", False  # "신청하고 싶은데 대상인가요?", "받을 수 있는지 알고 싶어요"
    # Her own facts: a slot filled, or people of her household named ("家里有两个孩子", "셋째 출산했는데")
    personal = bool(set(reading.filled) & PERSONAL_SLOTS) or any(
        m.get("relation") != "self" for m in u.facts.get("members") or []
    )
    about = asks_about_program(u, text) and not _CAN_I.search(text)
    if u.intent == "eligibility_check" and about and not in_flow and not personal:
        # "아동수당 얼마고 몇살까지 나와요?": the answer does not depend on her
        return "program_info", False
    if u.intent in ("program_info", "application_help") and u.programs and personal and not in_flow:
        # "첫만남이용권 둘째도 주나요? 한달 전에 둘째 낳았어요", "국취제 신청하고 싶은데 조건이 어떻게 돼요?
        # 29살이고…": about the program, with her own facts — her answer is the check (with how to apply when
        # she asked how), not the general description.
        return "eligibility_check", False
    if u.intent == "benefit_discovery" and u.programs and not in_flow:
        return "eligibility_check", False  # naming a program is not "what can I get?"
    if not in_flow and not pending and not u.programs and asks_about_topic(text, personal):
        # A question about something that is not one of the checked programs ("요양원 본인부담 몇프로예요?",
        # "치매치료비 지원 받을 수 있나요?"): answered from the documents, not with the profile.
        if u.intent == "benefit_discovery":
            return "program_info", False
        if u.intent == "eligibility_check" and (
            aspect(text) != "any" or _TOPIC_NOUN.search(text) or _AID_NOUN.search(text) or korean_terms(text)
        ):
            return "program_info", False  # "can I get it?" with no program recognised stays a check
        if u.intent == "out_of_scope":
            return "out_of_scope", False  # searched, and answered when a passage is about it
    if u.programs == ["emergency_welfare"] and u.intent in (*ASIDES, "benefit_discovery"):
        return "eligibility_check", False  # a situation that calls for 긴급복지 though it names no program
    # Naming her own program again while answering ("양육비로 66만원") stays in the flow; asking about it does not.
    own = (set(u.programs) <= set(goal) or bool(reading.answered)) and (
        not u.programs or not ASKS.search(text)
    )
    if gave and own:
        if in_flow and flow:
            return flow, False
        if u.intent in ASIDES or (u.intent in FLOWS and u.confidence < 0.8):
            return "benefit_discovery", False
    if pending and not gave and u.intent in ASIDES and u.confidence >= LOW_CONFIDENCE:
        return u.intent, True
    if pending and in_flow and flow and not u.programs and (u.intent not in FLOWS or u.confidence < 0.8):
        return flow, False
    if u.intent == "handoff" and not _ASKS_FOR_PERSON.search(text):
        # An unsure guess of a request for a person ("Where can I take free Korean classes?") is a question:
        # searched, and answered when the documents have it.
        return ("program_info" if u.programs else "out_of_scope"), False
    return u.intent, False


#: Words for a person to talk to: a request for one is a handoff, whatever else the message asks.
_PERSON = re.compile(
    r"사람|상담원|상담사|담당자|직원|공무원|person|human|agent|(?:talk|speak) to someone|someone (?:to|who|can)\b|officer"
    r"|人工|真人|客服|工作人员|nhân viên|người thật|cán bộ",
    re.IGNORECASE,
)


#: Asking to be put through to a person, not only naming one ("상담원 연결해 주세요", "talk to someone").
_ASKS_FOR_PERSON = re.compile(
    r"연결|바꿔|통화|얘기\s?하고\s?싶|이야기\s?하고\s?싶|상담\s?받고\s?싶|talk to|speak (?:to|with)|connect me|转人工|接人工|找人工|nói chuyện với|gặp nhân viên",
    re.IGNORECASE,
)
_GREETING = re.compile(
    r"안녕|반가|고마|감사|수고|hello|\bhi\b|\bhey\b|thank|你好|谢谢|再见|xin chào|chào|cảm ơn|cam on|tạm biệt",
    re.I,
)


def asks_something(text: str) -> bool:
    """Whether a message the classifier took as small talk asks a question about something (not a greeting)."""
    return bool(ASKS.search(text)) and not _GREETING.search(text) and len(bigrams(text)) >= 3


#: "What do I do?" in a danger asks for help now, not about a service: the crisis reply answers it.
_WHAT_TO_DO = re.compile(
    r"어떡|어떻게\s?해야|어쩌|어찌|what (?:should|do) i do|怎么办|该怎么|phải làm sao|làm sao bây giờ|làm gì bây giờ",
    re.IGNORECASE,
)


#: Words of a question for a service or a place ("도움받을 데가 있을까요", "그게 뭐에요", "is there any help").
_SEEKS = re.compile(
    r"있을까|있나|있어요|없을까|없나|도움\s?받|받을\s?(?:수|데|곳)|지원|서비스|제도|어디(?:에|서|다|로)?|신고|뭐(?:예요|에요|야|임)"
    r"|is there|are there|any (?:help|support|service|program)|where (?:can|do)|options|what can i do|有没有|哪里|ở đâu|hỗ trợ|có .{0,20}không",
    re.IGNORECASE,
)


#: A question written without a question mark ("what are my options", "그거 뭐예요").
_UNMARKED_QUESTION = re.compile(
    r"^(?:what|how|where|who|is there|are there|can i|do i)\b|\b(?:what|where|how) (?:are|is|can|do|should)\b"
    r"|뭐(?:예요|에요|야|임|지)\s*$|있(?:나|나요|어요|을까요)\s*$",
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
    if u.intent != "crisis" or set(u.crisis_signals) - {"model"} or _WHAT_TO_DO.search(text):
        return False
    return (asks_question(text) or bool(_UNMARKED_QUESTION.search(text))) and bool(_SEEKS.search(text))


_RECEIVES = re.compile(
    r"받고\s?(?:계신|있는|있)(?:데|는데|어요|어)?|받는\s?(?:중|데)|받으시는데|receiving|领着|đang nhận"
)


def asks_about_received(text: str) -> list[str]:
    """The programs she (or her family) receives that a question is about ("형이 장애인연금 받고 있는데 65세
    되면 계속 나오는 거예요?"): the question is answered about them, not turned into "what can I get?"."""
    asked, receiving = detect_programs(text)
    if asked or not receiving or _WHAT_CAN_I.search(text):
        return []
    return receiving if asks_question(text) and asks_a_rule(_RECEIVES.sub(" ", text)) else []


def help_intent(u: Understanding) -> str:
    """The answer a sensed danger's question gets: the check of a program she named, else the documents."""
    if u.programs:
        return "eligibility_check"
    return u.runner_up if u.runner_up in ("program_info", "application_help") else "program_info"


def asks_about_service(text: str) -> bool:
    """Whether a message the classifier took as a request for a person asks about a service instead ("치매안심센터는
    뭐하는 데예요? 상담만 해주는 거?", "Where can I take free Korean classes?"): answered, not handed off."""
    return aspect(text) in ("what", "who", "how_much", "where") and not _PERSON.search(text)


#: Spoken question endings that carry no question mark ("보험되나", "어디 가야대", "그거 뭐임").
_ASKS_SPOKEN = re.compile(
    r"(?:되나|있나|하나|되노|하노|있노|는겨|되는겨|뭐임|가야대|돼|되요|해요|나요|까|야\s?(?:됨|함|되나|하나))\s*(?:$|[^가-힣])"
)


def asks_question(text: str) -> bool:
    """Whether a message ends as a question: a mark, a question ending, or a spoken one ("보험되나")."""
    return bool(ASKS.search(text) or _ASKS_SPOKEN.search(text))


#: A named kind of help that is not one of the 19 programs ("치매치료비 지원", "활동지원", "기차표 할인").
_TOPIC_NOUN = re.compile(
    r"(?<![가-힣])(?!(?:정부|나라|국가|복지|무슨|어떤|받을|생활|그런|이런|저런)[가-힣]{0,1}(?:지원|혜택|서비스|제도))"
    r"[가-힣]{1,}(?:지원|비|수당|바우처|서비스|센터|할인|감면|등록|검사|검진|수술|교육|일자리|상담|돌봄|보험료|카드|임대|장려금|대출|저축계좌)"
    r"(?![가-힣]{2})"
)


#: Things residents ask help with by their own name, not as "…지원" ("틀니도 보험 되나", "보청기", "경로당").
_AID_NOUN = re.compile(
    r"틀니|임플란트|보청기|안경|개안|백내장|인공관절|무릎\s?수술|치과|기저귀|분유|예방\s?접종|건강\s?검진|난임"
    r"|치매|장기\s?요양|요양원|요양\s?등급|경로당|복지관|휠체어|보장구|콜택시|주택연금|임대\s?주택"
    r"|장려금|저축계좌|극저신용|햇살론|와서\s?(?:도와|돌봐|봐\s?주)|돌봐\s?(?:주는|줄)|간병|방문\s?(?:요양|간호|돌봄)|활동\s?지원|가사\s?(?:도우미|지원)"
)


def names_other_topic(message: str) -> bool:
    """Whether a question names a kind of help and none of the programs: a new topic, not the conversation's
    program ("치매안심센터는 뭐하는 데예요?" after a question about 노인맞춤돌봄)."""
    asked, _ = detect_programs(message)
    return not asked and bool(_TOPIC_NOUN.search(message))


def asks_about_topic(text: str, personal: bool) -> bool:
    """Whether a message the classifier took as "what can I get?" asks about something instead ("틀니 지원
    어디서?", "아이돌봄서비스 누가 받을 수 있어요?", "임플란트도 보험되나"): answered from the documents.

    A message with her own facts stays a discovery unless it asks what, who, how much or where; "what can I
    get?" stays one unless it asks what something is or who gets it."""
    asked = aspect(text)
    # "실업급여", "틀니", "unemployment benefits"
    topic = bool(_TOPIC_NOUN.search(text) or _AID_NOUN.search(text) or korean_terms(text))
    if personal and asked in ("any", "where") and not topic:
        return False  # "혼자 사는 70살인데 받을 수 있는 지원 있나요?", "I'm 70, where can I get help?"
    if _WHAT_CAN_I.search(text) and asked not in ("who", "what"):
        return False
    return asked != "any" or asks_question(text)


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
    if goal and reading.answered and not ASKS.search(text):
        return goal
    if joins and goal and not _INSTEAD.search(text):
        return [*goal, *(p for p in u.programs if p not in goal)]
    return list(u.programs)


def adds_programs(u: Understanding, goal: list[str], text: str) -> bool:
    """Whether a message in a check under way asks about a program beside the goal's ("난방비 지원해주는 것도
    있다던디 그건 어뗘", "con 국민취업지원 thi sao"): it joins the check, unless she asks what it is or
    where, how and how much, which are answered in passing ("그런데 아동수당은 얼마예요?")."""
    new = [p for p in u.programs if p not in goal]
    return bool(new) and not _HOW.search(text) and (aspect(text) == "any" or bool(_CAN_I.search(text)))


LIFE_DANGER = frozenset({"suicide", "medical_emergency"})
"""Crisis kinds where the reply is the help lines alone: nothing else is asked of her in that turn."""


def asks_for_help(message: str, signals: list[str]) -> bool:
    """Whether a message with a danger also asks for a program by name ("맞고 집을 나왔어요. 긴급지원 받을 수
    있나요?"), and the danger is not to her life right now: then the help lines come first and her question
    is answered, not left behind the offer of a person."""
    if not signals or set(signals) & LIFE_DANGER:
        return False
    asked, _ = detect_programs(message)
    return bool(asked) and bool(_CAN_I.search(message) or ASKS.search(message))


#: A question about what abuse is or how reporting works, not a danger happening to her now ("어떤게 학대인지
#:궁금", "신고하면 제 이름 알려지나요?", "what counts as abuse?").
_ABOUT_DANGER = re.compile(
    r"궁금|뭐(?:예요|에요|야|임|가요)|뭔가요|어떤\s?(?:게|것|경우)|들어가(?:요|나|는지)|해당(?:되|하)(?:나|는지|요)|포함(?:되|돼)"
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


_ABOUT_PROGRAM = re.compile(
    r"얼마|몇\s?(?:살|세|개월|년)|까지|언제|어디|방법|뭐(?:예요|에요|야|임|지)|소급|현금"
    r"|how much|how old|how long|until|when|where|what is|多少|几岁|什么时候|哪里|是什么|bao nhiêu|khi nào|ở đâu|là gì",
    re.IGNORECASE,
)


def asks_about_program(u: Understanding, text: str) -> bool:
    """Whether a message naming a program asks how much, until when, where or what it is ("아동수당 얼마고 몇살까지
    나와요?", "에너지바우처 혼자사는데 얼마 나와"): the reply then starts with what the program is and gives,
    before any question about her."""
    return bool(u.programs) and bool(_ABOUT_PROGRAM.search(text))


RELATED: dict[str, tuple[str, ...]] = {
    "first_meeting_voucher": ("parent_benefit", "child_allowance", "siheung_birth_support"),
    "parent_benefit": ("first_meeting_voucher", "child_allowance", "siheung_birth_support"),
    "siheung_birth_support": ("first_meeting_voucher", "parent_benefit", "child_allowance"),
    "child_allowance": ("parent_benefit", "first_meeting_voucher"),
    "single_parent_child_support": ("child_allowance",),
    "education_benefit": ("child_allowance",),
    "emergency_welfare": ("child_allowance", "livelihood_benefit", "housing_benefit"),
    "livelihood_benefit": ("medical_benefit", "housing_benefit"),
    "medical_benefit": ("livelihood_benefit",),
    "disability_allowance": ("disability_pension",),
    "disability_pension": ("disability_allowance",),
    "energy_voucher": ("parent_benefit", "child_allowance"),
}
"""Programs a household asking about one often also qualifies for (a birth brings 부모급여 and 아동수당 with
첫만남이용권). They are checked with the asked ones and named only when likely: never asked about."""


def related_programs(goal: list[str]) -> list[str]:
    """The programs related to the goal's, not in it."""
    return [p for g in goal for p in RELATED.get(g, ()) if p not in goal]
