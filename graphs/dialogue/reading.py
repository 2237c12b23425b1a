"""Reading a message for everything it says: the answer to the open question, facts volunteered, refusals.

A message is split into clauses; each clause goes to the slot its words speak about ("소득은 없고 재산은 1억":
income, then assets), so a negation applies to its own fact only ("받는 급여는 없어요" sets `receiving` and
leaves income alone). With a question pending, a reply that names no slot is read first as its answer
("예순두 살이요", "없어요"). Everything else the message states (members, money by kind, crisis events, ...)
comes from `extract_facts` and is merged; a later statement of a fact replaces the earlier one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from graphs.dialogue import ledger as lg
from graphs.dialogue.asking import ALSO_ASKED, CAN_I, asks_question
from graphs.dialogue.proxy import as_applicant, lives_with_writer
from graphs.memory import merge_facts, replace_members
from graphs.nlu import Understanding
from graphs.nlu.facts import (
    ALONE,
    RELATION_WORDS,
    denied_programs,
    extract_facts,
    income_kinds_said,
    outside_money_blanked,
    unlabelled_amounts,
    writer_income,
)
from graphs.nlu.numbers import bare_number, find_ages, find_money, parse_numeral
from graphs.slots import (
    DECLINED,
    HOUSEHOLD_COUNT,
    OBLIGORS_GONE,
    SLOT_KEYWORDS,
    TOGETHER,
    clauses_for,
    parse_answer,
    refuses,
    relevant_slots,
    says_nothing,
)
from tools.vietnamese import accept_unmarked

_QUESTION = re.compile(r"\?\s*$|[까나]요\s*$|吗|không\s*$", re.IGNORECASE)
#: A request to look at something ("노인맞춤돌봄도 봐주세요", "check the care service too"): a program it names is
#: what she asks about, not a relative's benefit.
_REQUEST = re.compile(
    r"봐\s?주|알아봐|확인해\s?주|알려\s?주|찾아\s?주|\bcheck\b|look (?:at|into)|帮我看|查一下|看看|xem giúp|kiểm tra",
    re.I,
)
#: Words that make a list of people a statement of who lives together ("남편이랑 셋이 살아요", "me, my husband and our
#: baby", "我和老公还有孩子三口人"), not a mention ("우리 애 11살이에요").
_BOTH = re.compile(r"둘\s?다|모두|전부|\bboth\b|\bneither\b|都|cả hai", re.IGNORECASE)
_CORRECTION = re.compile(
    r"^\s*(?:아\s?|[啊哦噢][，,]?\s?)?(?:아니(?:다|요|야|고)?|아뇨|정정|잘못\s?말|잠깐(?:만)?(?:요)?|잠만(?:요)?|(?:아|앗)\s?(?:참|맞다)|sorry|no,|wait|actually|不对|不是|说错|không phải|nhầm|(?:à|a|ủa)\s?không\b)"
    # a few words in: "à em nói nhầm", "제가 잘못 말했어요", "oh I meant"
    r"|^.{0,10}?(?:更正|纠正|改正|搞错|弄错|说错|correction|sửa lại|sua lai)|^.{0,15}?(?:nói\s|noi\s)?(?:nhầm|nham)\b|^.{0,15}?(?:잘못\s?말|말을?\s?잘못|(?:아까|방금|앞에)\s?(?:건|거|것은?|말은?)?\s?틀렸|착각)|^.{0,20}?\b(?:I meant|my mistake|I misspoke)\b"
    # "다시 계산해보니 200이 아니라 230이네요": recounted, the number said instead of another
    r"|^.{0,12}?(?:다시\s?(?:계산|보니|봤|확인|세어)|잘못\s?(?:봤|알았|계산))|[\d일이삼사오육칠팔구십백천만]\s?(?:만\s?원)?(?:이|가)?\s?아니(?:라|고)\s?[\d일이삼사오육칠팔구십백천]",
    re.IGNORECASE,
)


@dataclass
class Reading:
    """What one message says about the household, and how each slot now stands."""

    facts: dict[str, Any]
    """The household after this message."""
    filled: list[str] = field(default_factory=list)
    """Slots this message gave a value."""
    answered: list[str] = field(default_factory=list)
    """Of those, the slots the agent had asked for (the message continues the flow)."""
    refused: list[str] = field(default_factory=list)
    """Slots she preferred not to answer in this message."""
    answered_now: list[str] = field(default_factory=list)
    """Slots whose own parse (not the whole-message facts) gave a value."""
    programs_named_as_facts: bool = False
    """The programs the message names are benefits she receives (the answer to that question), not a topic."""


MONEY_SLOTS = frozenset({"income", "assets", "income_recognition"})
ONLY_WHEN_ASKED = frozenset({"region", "months_resident", "gyeonggi_residence_years", "birth_date"})
"""Slots whose words are too common to read unasked ("5년", "구로구", a date): volunteered, they come from the
whole message's reading, which needs a word of living (or of birth) beside them."""
CHILD_SLOTS = frozenset({"child_age", "months_old", "school", "birth_date"})


#: Words of a general slot that answer the open, more specific one: "여섯 살이에요" asked for a child's age.
ANSWERS_FOR = {
    "child_age": {"age"},
    "months_old": {"age", "child_age"},
    "birth_date": {"age", "child_age"},
    "school": {"child_age"},
}


def _last_answered(ledger: lg.Ledger) -> list[str]:
    """The slot answered most recently, as a one-slot list (empty when none was). An assumed fact was not told:
    a correction is never about it."""
    answered = [
        (e.get("turn", 0), slot)
        for slot, e in ledger.items()
        if e.get("status") in lg.SETTLED and e.get("status") != "assumed"
    ]
    return [max(answered)[1]] if answered else []


def _own_age(facts: dict[str, Any]) -> int | None:
    """The applicant's age in a household dict, if told."""
    me: dict[str, Any] = next((m for m in facts.get("members") or [] if m.get("relation") == "self"), {})
    age = me.get("age")
    return int(age) if age is not None else None


def _as_pending(targets: list[str], pending: list[str]) -> list[str]:
    """`targets` with a general slot replaced by the open question it answers (see `ANSWERS_FOR`)."""
    if not pending or set(pending) & set(targets):
        return targets
    for slot in pending:  # the first open question her words can answer
        if targets and set(targets) <= ANSWERS_FOR.get(slot, set()):
            return [slot]
    return targets


def _without_own_age(said: dict[str, Any]) -> dict[str, Any]:
    """`said` without the applicant's age or school: in the answer to a question about a child, an age or a
    school is the child's."""
    members = [
        {k: v for k, v in m.items() if k not in ("age", "months_old", "school")}
        if m.get("relation") == "self"
        else m
        for m in said.get("members") or []
    ]
    trimmed = {**said, "members": members} if members else dict(said)
    if members and all(len(m) == 1 for m in members) and len(members) == 1:
        trimmed.pop("members")
    return trimmed


def _only_a_no(patch: dict[str, Any]) -> bool:
    """Whether a patch says only "none" (no crisis, no benefits, zero amounts), as a bare no does."""
    values = [v for k, v in patch.items() if k not in ("members", "members_replace")]
    return bool(values) and all(
        v in ([], False, "none") or (isinstance(v, dict) and not any(v.values())) for v in values
    )


def _apply(
    reading: Reading,
    slot: str,
    message: str,
    u: Understanding,
    pending: list[str],
    asked_before: list[str],
    applicant: str | None = None,
    money_text: str | None = None,
) -> None:
    """Read `slot` from the clauses of `message` that speak about it; record a value or a refusal."""
    if slot == "income" and money_text is not None:
        message = money_text  # without the money of relatives outside the household
    # a count said anywhere in the message belongs to the household answer ("2 người, tôi với chồng")
    counted = slot == "household" and HOUSEHOLD_COUNT.search(message)
    part = message if counted else clauses_for(slot, message)
    if slot not in pending and (_QUESTION.search(part) or asks_question(part)):
        return  # a question mentioning income is not a statement of income ("소득으로 잡히나")
    own_age = any(
        m.get("relation") == "self" and m.get("age") is not None for m in u.facts.get("members") or []
    )
    if slot == "age" and slot not in pending and not own_age:
        return  # "애 셋, 14살": an age the whole message gives to someone else is not hers
    others_aged = [
        m
        for m in u.facts.get("members") or []
        if m.get("relation") not in ("self", None) and m.get("age") is not None
    ]
    if slot == "age" and not own_age and others_aged and len(find_ages(message)) == len(others_aged):
        return  # "저까지 2명이요, 애 하나랑 살아요. 10살이요" asked who and how old: every age is of someone else
    aged_child = any(
        m.get("relation") in ("child", "grandchild")
        and (m.get("age") is not None or m.get("months_old") is not None)
        for m in u.facts.get("members") or []
    )
    if slot == "child_age" and slot not in pending and not aged_child:
        return  # "I just turned 45 … three kids": an age the whole message gives to her is not a child's
    said = as_applicant(extract_facts(part), applicant, part) if part != message else u.facts
    if slot == "household" and slot not in pending and not said.get("members"):
        return  # "老公离家出走了": a person named, unasked, whom the message does not make a member
    patch = parse_answer(slot, part, said, reading.facts)
    if slot == "crisis" and slot not in pending and isinstance(patch, dict) and _only_a_no(patch):
        return  # "I have no job", "일이 없어요": a crisis said with a no, not "no crisis"
    if (
        slot == "support_obligor"
        and slot not in pending
        and patch == {"support_obligor": "none"}
        and not OBLIGORS_GONE.search(part)
    ):
        return  # "moved out of my parents place, no job rn": a no about something else, not "no relatives"
    if patch == DECLINED:
        named = refused_topic(message, pending, reading.facts)
        if named and slot not in named:
            return  # "孩子的事情我不想说" while assets are asked: a refusal of what it names (read after)
        if slot in pending or slot in asked_before or slot in relevant_slots([slot], part):
            reading.refused.append(slot)
    elif isinstance(patch, dict):
        reading.facts = merge_facts(reading.facts, patch)
        reading.answered_now.append(slot)
        if slot not in reading.filled:
            reading.filled.append(slot)


def _outside(facts: dict[str, Any], ledger: lg.Ledger) -> frozenset[str]:
    """The relations the settled household has no member of (her son, once she said she lives alone): money they
    hold is theirs, not the household's."""
    members = facts.get("members") or []
    status = lg.status(ledger, "household")
    # told in answer to who lives with her, or said as living alone; not children named in passing ("애 셋"),
    # nor a household only assumed to be hers alone
    if not (status in ("answered", "corrected") or (status == "said" and len(members) == 1)):
        return frozenset()
    present = {m.get("relation") for m in members}
    if None in present:
        return frozenset()
    return frozenset(r for r in RELATION_WORDS if r not in present)


#: A number at the end of a correction: "… 천오백이네요", "아니 1200이요".
_LAST_NUMBER = re.compile(
    r"([\d,.]+|[일이삼사오육칠팔구십백천만억]+?)\s?(?:이네요|네요|이에요|예요|이요|요|입니다|이야|야)?\s*[.!~]*\s*$"
)


def _corrected_amount(message: str) -> int | None:
    """The amount a correction ends with, in won (a bare number is in 만원, as residents say it)."""
    m = _LAST_NUMBER.search(message.strip())
    value = parse_numeral(m.group(1)) if m else None
    if not value:
        return None
    return int(value * 10**4) if value < 10**4 else int(value)


#: Money facts a later message may correct by quoting the old value: (slot, path in the household).
_MONEY_FACTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("income", ("income", "earned_krw")),
    ("income", ("income", "other_krw")),
    ("income_recognition", ("income_recognition_krw",)),
    ("assets", ("assets", "property_krw")),
    ("assets", ("assets", "financial_krw")),
    ("assets", ("assets", "debt_krw")),
    ("housing", ("housing", "rent_krw")),
)
#: A word denying the amount right before it ("not 850,000", "不是85万", "không phải 850") or after it ("35만이
#: 아니라", "850,000 is wrong").
_DENIED_BEFORE = re.compile(r"(?:\bnot|\bisn't|不是|không phải|khong phai)\s*(?:about\s*|là\s*)?$", re.I)
_DENIED_AFTER = re.compile(
    r"^\s?(?:원)?(?:이|가|은|는)?\s?(?:아니|틀렸|잘못)|^\s?(?:won\s)?(?:is |was )?wrong", re.I
)


def _quoted_correction(message: str, facts: dict[str, Any]) -> tuple[str, tuple[str, ...], int] | None:
    """A money fact she corrects by denying its old value: "it's 805,000 not 850,000", "85만이 아니라 80만5천",
    "不是85万，是80万5千". Two amounts, the denied one equal to a value the household holds: the other amount
    replaces that value (slot, path, new value)."""
    amounts = find_money(message)
    if len(amounts) != 2 and (bare := _bare_instead(message)) is not None:
        return _held_money(facts, *bare)
    if len(amounts) != 2 or amounts[0].krw == amounts[1].krw:
        return None
    denied = [
        a
        for a in amounts
        if _DENIED_BEFORE.search(message[max(0, a.start - 14) : a.start])
        or _DENIED_AFTER.match(message[a.end :])
    ]
    if len(denied) != 1:
        return None
    new = next(a.krw for a in amounts if a is not denied[0])
    return _held_money(facts, denied[0].krw, new)


def _held_money(facts: dict[str, Any], denied: int, new: int) -> tuple[str, tuple[str, ...], int] | None:
    """The money fact whose value is `denied`, with `new` in its place (slot, path, new value)."""
    for slot, path in _MONEY_FACTS:
        held: Any = facts
        for key in path:
            held = held.get(key) if isinstance(held, dict) else None
        if held == denied:
            return slot, path, new
    return None


#: Two bare numbers, the first denied: "200이 아니라 230이네요" (in 만원, as residents say them).
_BARE_INSTEAD = re.compile(
    r"(?<![\d,.])([\d,.]+|[일이삼사오육칠팔구십백천]+)\s?(?:만\s?원|만원)?(?:이|가)?\s?아니(?:라|고)[,\s]*"
    r"([\d,.]+|[일이삼사오육칠팔구십백천]+)(?![\d,.])"
)


def _bare_instead(message: str) -> tuple[int, int] | None:
    """The denied and the new amount of "A가 아니라 B", in won, when both are said bare."""
    m = _BARE_INSTEAD.search(message)
    if m is None:
        return None
    values = [parse_numeral(g) for g in m.groups()]
    if any(not v for v in values):
        return None
    won = [int(v * 10**4) if v < 10**4 else int(v) for v in values if v]
    return (won[0], won[1]) if won[0] != won[1] else None


def _set_path(facts: dict[str, Any], path: tuple[str, ...], value: int) -> dict[str, Any]:
    """`facts` with the value at `path` replaced (a copy; the rest of the household kept)."""
    if len(path) == 1:
        return {**facts, path[0]: value}
    return {**facts, path[0]: {**(facts.get(path[0]) or {}), path[1]: value}}


def _states_household(message: str, members: list[dict[str, Any]]) -> bool:
    """Whether the message says who lives together (not only names someone): "남편이랑 셋이 살아요", "혼자요"."""
    return bool(members) and bool((len(members) > 1 and TOGETHER.search(message)) or ALONE.search(message))


def _gives(slot: str, message: str, u: Understanding, facts: dict[str, Any]) -> bool:
    """Whether the message gives `slot` a value, read as a whole or as that slot's answer."""
    if slot in lg.slots_of(u.facts):
        return True
    patch = parse_answer(slot, clauses_for(slot, message), dict(u.facts), facts)
    return patch is not None and patch != DECLINED


#: What she says of herself that no duration or relative's description gives.
_OWN_TRAITS = frozenset({"nationality", "disability", "employed", "pregnant"})


_TOPICS_REFUSED = ("income", "assets", "support_obligor", "household", "age", "nationality", "disability")


def refused_topic(message: str, pending: list[str], facts: dict[str, Any]) -> list[str]:
    """The facts a refusal names, when it names some ("소득은 말하기 싫어요", "孩子的事情我不想说": her grown
    children, whom family support asks about when no child lives with her); [] when it names none. Only the
    sentences that refuse are read ("연금은 육십만원이요. 자식 얘기는 묻지 마세요": her children, not income)."""
    refusing = [s for s in re.split(r"(?<=[.!?。！？])\s*", message) if refuses(s)]
    message = " ".join(refusing) or message
    named = relevant_slots(pending, message) or relevant_slots(
        [s for s in _TOPICS_REFUSED if s not in pending], message
    )
    children_named = bool(SLOT_KEYWORDS["child_age"].search(message))
    no_child_here = not any(m.get("relation") == "child" for m in facts.get("members") or [])
    if not named and children_named and no_child_here:
        named = ["support_obligor"]
    return named


def read_message(
    message: str,
    u: Understanding,
    pending: list[str],
    ledger: lg.Ledger,
    facts: dict[str, Any],
    applicant: str | None = None,
) -> Reading:
    """Everything `message` says, merged into `facts` (see the module docstring). With `applicant` (she asks
    for her mother: "parent"), what the message says of that person is the applicant's (`proxy`)."""
    quoted = _quoted_correction(message, facts)
    if quoted is not None:
        slot, path, value = quoted
        return Reading(facts=_set_path(facts, path, value), filled=[slot], answered_now=[slot])
    u = u.model_copy(update={"facts": as_applicant(u.facts, applicant, message)})
    outside = _outside(facts, ledger) if applicant is None else frozenset()
    # "혼자 살아요", then "제 연금 사십에 아들 월급이 오백"; "our son earns 7 million but he lives in Seoul with his own
    # family": his pay is his, not the household's income (what family support asks of him all the same)
    household_money = outside_money_blanked(message, outside)
    if household_money != message:
        own = extract_facts(household_money).get("income")
        u = u.model_copy(
            update={
                "facts": {k: v for k, v in u.facts.items() if k != "income"}
                | ({"income": own} if own else {})
            }
        )
    asked_before = [s for s in ledger if lg.asks(ledger, s) and s not in pending]
    unasked = [s for s in SLOT_KEYWORDS if s not in ONLY_WHEN_ASKED]
    candidates = list(dict.fromkeys([*pending, *asked_before, *unasked]))
    # A yes/no question is open ("is that from work?"): "아니요" answers it, it corrects nothing.
    correcting = bool(_CORRECTION.search(message)) and "income_kind" not in pending
    last = _last_answered(ledger)
    if correcting and (
        not pending
        or (
            set(last) & MONEY_SLOTS
            and not set(last) & set(pending)
            # "200이 아니라 230이네요. 동생 연금이 올랐더라고요": words of what she corrects are no other answer, nor
            # is "다시" a place when the message names none; "说错了，老伴是63岁，不是65" is of another slot
            and not [
                s
                for s in relevant_slots(candidates, message)
                if s not in last and (s != "region" or _gives(s, message, u, facts))
            ]
            and re.search(r"\d|[일이삼사오육칠팔구십백천만억]", message)
        )
    ):
        # "아 아니다, 여덟 살이에요", "아 아니다 이번에 올라서 170이에요" (while assets are asked): a correction is
        # about what she answered last, not the open question.
        pending = last
    if (
        correcting
        and "age" not in pending
        and lg.settled(ledger, "age")
        and _own_age(u.facts)
        not in (
            None,
            _own_age(facts),
        )
    ):
        # "아 잠만 생일 지나서 만 25네요" while where she lives is asked: her age corrected, not an answer to it
        pending = ["age"]
    named = _as_pending(relevant_slots(candidates, message), pending)
    # A reply with no word of any slot ("none", "네") answers one open question: the first it can answer.
    targets = named or pending
    if (
        "income_kind" in pending
        and not find_money(message)
        and (pending[0] == "income_kind" or income_kinds_said(message))
    ):
        # "아니요 연금이랑 임대료예요" says what her income is, not how much: the open question, not income
        targets = ["income_kind", *(t for t in targets if t not in ("income", "income_kind"))]
    restated = {t for t in targets if _gives(t, message, u, facts)}
    if correcting and any(lg.settled(ledger, t) and t in restated for t in targets if t not in pending):
        # "아 아니다, 만 69세예요" corrects her age; its "아니" is not a no to the open question. Only a slot the
        # message gives a value: "No, I have no such family" names the household but answers family support.
        pending = [t for t in targets if lg.settled(ledger, t) and t in restated][:1]
    first = pending[0] if pending else None
    # "Actually no, we have no income at all" while family support is asked: about income, not her relatives
    elsewhere = (
        first == "support_obligor"
        and bool(set(named) & MONEY_SLOTS)
        and not SLOT_KEYWORDS[first].search(message)
        # no one else named: not "Chồng cũ làm công nhân, lương khoảng hai triệu rưỡi"
        and all(m.get("relation") == "self" for m in u.facts.get("members") or [])
    )
    if (
        first
        and first not in targets
        and not elsewhere
        # "chưa nhận gì" while his nationality is asked: a reply to the benefits the reply assumed, not a "no" to it
        and not any(lg.status(ledger, s) == "assumed" for s in named)
        and (
            first not in MONEY_SLOTS
            or find_money(message)
            # "没有子女，也没有别的亲人" while assets are asked: a no about her relatives, not about money
            or (says_nothing(message) and "support_obligor" not in named)
        )
    ):
        # The open question is tried first even when her words also touch another slot ("My son is well off"
        # answers the support question, not the children's ages). Money is left to its words, and amounts
        # are those words ("husband about 4 million, me 2.5 million").
        targets = [first, *targets]
    said = dict(u.facts)
    reading = Reading(facts=facts)
    if (
        "receiving" in pending
        and u.programs
        and not _QUESTION.search(message)
        and not CAN_I.search(message)  # "생계비도 받을수있나해서요" asks for it: not received
        and said.get("receiving") != []
    ):
        # Asked what she receives, she names programs ("차상위 확인서 받아", "只领住房补助"): facts, not a new goal.
        denied = denied_programs(message)  # "… 받아요 기초수급은 아니에요": not that one
        said["receiving"] = sorted(
            {*(said.get("receiving") or []), *(p for p in u.programs if p not in denied)}
        )
        reading.programs_named_as_facts = True
    elif (
        "support_obligor" in pending
        and u.programs
        and not (
            _QUESTION.search(message)
            or _REQUEST.search(message)
            or CAN_I.search(message)
            or ALSO_ASKED.search(message)  # "also the education benefit for my son": asked, not hers
        )
    ):
        reading.programs_named_as_facts = True  # "친정엄마는 기초연금으로 사세요": her relatives', not a goal
    # The open question first: a short reply is its answer ("여섯 살이에요" is the child's age, not hers).
    stated = set(lg.slots_of(said))
    if len(said.get("members") or []) > 1:
        stated.add("household")  # its members are already read, each with its age
    for slot in [t for t in targets if t in pending]:
        if slot in CHILD_SLOTS and slot in stated:
            continue  # the whole message already gives each child its age; a clause would mix them up
        _apply(reading, slot, message, u, pending, asked_before, applicant, household_money)
        if not named and (reading.answered_now or reading.refused):
            break
    if set(reading.answered_now) & CHILD_SLOTS:
        said = _without_own_age(said)
    if (
        set(pending) & {"support_obligor", "months_resident", "gyeonggi_residence_years"}
        and not set(pending) & CHILD_SLOTS
        and ("support_obligor" in pending or not _states_household(message, said.get("members") or []))
    ):
        # "아들이 잘 살아요": relatives who live elsewhere; "21년 2개월": a duration, not a baby's age. A birth
        # date is not a duration: "2026년 1월 16일생이야" said meanwhile is the baby's.
        members = said.pop("members", [])
        born = [m for m in members if m.get("birth_date")]
        # what she says of herself meanwhile stays hers ("em quoc tich Viet Nam, F-6"): not an age, which a
        # duration may have given
        own = [
            {"relation": "self", **{k: v for k, v in m.items() if k in _OWN_TRAITS}}
            for m in members
            if m.get("relation") == "self" and set(m) & _OWN_TRAITS
        ]
        if born or own:
            said["members"] = [*own[:1], *born]
        if facts.get("region") and "support_obligor" not in pending:
            said.pop(
                "region", None
            )  # "대전 3년 있다가 다시 왔어요": a place she lived before, not where she lives
    if "support_obligor" in pending and OBLIGORS_GONE.search(message):
        said.pop(
            "crisis", None
        )  # "老公父母都去世了" asked of family support: relatives gone, no sudden crisis
    if "support_obligor" in pending and not set(pending) & MONEY_SLOTS and not elsewhere:
        # "아들 하나 있는데 연봉이 2억 넘어요": the relative's money, not the household's
        said.pop("income", None)
        said.pop("assets", None)
    # A statement of monthly income or of assets is the whole of it ("월급 200": no other income; "a 5 million won
    # rental deposit": no savings and no debt), as the answer to the question about it is read.
    if "income" in said:
        said["income"] = {"earned_krw": 0, "other_krw": 0, **said["income"]}
        if "income" in pending:  # "老公二百八十万" beside a pension: in the answer about income, it is income
            said["income"]["other_krw"] += unlabelled_amounts(household_money)
    if "assets" in said:
        said["assets"] = {"property_krw": 0, "financial_krw": 0, "debt_krw": 0, **said["assets"]}
    if lg.settled(ledger, "household") and not _states_household(message, said.get("members") or []):
        # "nothing, husband controlled all the money": a person named in passing, once the household is
        # told, is not one more member — only a member something is said of is kept
        kept = [m for m in said.get("members") or [] if m.get("relation") == "self" or len(m) > 1]
        if kept:
            said["members"] = kept
        else:
            said.pop("members", None)
    # Then what the whole message states; then other slots' own clauses, more precise for their slot.
    if said:
        reading.facts = merge_facts(reading.facts, said)
        reading.filled.extend(s for s in lg.slots_of(said) if s not in reading.filled)
    if correcting and _states_household(message, said.get("members") or []):
        # "Không phải, tôi sống với vợ": a corrected household is the whole of it, not one more member.
        whole = replace_members(facts.get("members") or [], said["members"])
        reading.facts = merge_facts(reading.facts, {"members_replace": whole})
    for slot in [t for t in targets if t not in pending and t not in stated]:
        # Only slots the whole message did not already state: its reading keeps each value with its member.
        if slot == "region" and facts.get("region"):
            continue  # where she lives, once said, is not changed by a place she names in passing
        if slot in MONEY_SLOTS and "support_obligor" in pending and not find_money(message):
            continue  # "돈 잘버는 애들은 아니유": her daughters' means, not "no income" for the household
        _apply(reading, slot, message, u, pending, asked_before, applicant, household_money)
    before_income = facts.get("income") or {}
    now_income = reading.facts.get("income") or {}
    if correcting and "income" in reading.filled and before_income and not income_kinds_said(message):
        # "월급 150" then "아 아니다 170이에요": the corrected amount is of the kind it corrects
        kinds = [k for k in ("earned_krw", "other_krw") if before_income.get(k)]
        if len(kinds) == 1:
            total = int(now_income.get("earned_krw") or 0) + int(now_income.get("other_krw") or 0)
            reading.facts = {**reading.facts, "income": {"earned_krw": 0, "other_krw": 0, kinds[0]: total}}
    before_assets = facts.get("assets") or {}
    corrected = _corrected_amount(message) if correcting and "assets" in pending else None
    if corrected is not None and not find_money(message):
        # "통장에 천만원", then "아 아니다 … 천오백이네요": a bare number corrects the kind of asset she gave
        kinds = [k for k in ("property_krw", "financial_krw", "debt_krw") if before_assets.get(k)]
        if len(kinds) == 1:
            reading.facts = merge_facts(reading.facts, {"assets": {**before_assets, kinds[0]: corrected}})
            reading.filled = [*(f for f in reading.filled if f != "assets"), "assets"]
    if named and not reading.filled and not reading.refused and set(pending) - set(named):
        # "둘이 합쳐서 세후 480" while income is asked: "둘이" named the household but said nothing of it; the
        # open question it answers is read as when nothing was named
        for slot in [p for p in pending if p not in named]:
            if slot in MONEY_SLOTS and "support_obligor" in named and not find_money(message):
                continue  # "没有子女，也没有别的亲人" while assets are asked: her relatives, not her money
            _apply(reading, slot, message, u, pending, asked_before, applicant, household_money)
            if reading.answered_now or reading.refused:
                break
    if not reading.filled and not reading.refused and pending and refuses(message):
        # "모르겠어요" to two questions asked together answers the first; "둘 다 몰라요" both; "孩子的事情我不想说"
        # the one it names
        named_refusal = refused_topic(message, pending, facts)
        reading.refused.extend(named_refusal or (pending if _BOTH.search(message) else pending[:1]))
    age = bare_number(message)
    if not reading.filled and age is not None and 0 < age < 120 and not lg.settled(ledger, "age"):
        # A bare number while another question is open: an age she gives before being asked ("일흔둘이요").
        reading.facts = merge_facts(reading.facts, {"members": [{"relation": "self", "age": age}]})
        reading.filled.append("age")
    if _states_household(message, u.facts.get("members") or []) and "household" not in reading.filled:
        reading.filled.append("household")
    if applicant == "parent" and lives_with_writer(message) and "household" not in reading.filled:
        reading.filled.append(
            "household"
        )  # "저희와 같이 살아요": her household is told (the writer not of it)
    writer_own = writer_income(message) if applicant in _WRITER_AS else {}
    if writer_own and "income" in reading.filled:
        reading.facts = _writer_income_apart(reading.facts, writer_own, _WRITER_AS[str(applicant)])
    reading.refused = [s for s in reading.refused if s not in reading.filled]
    reading.answered = [s for s in reading.filled if s in pending]
    return reading


#: Who the writer is in the household of the person she asks for (her son's: his parent; her mother's: a child).
_WRITER_AS = {"child": "parent", "parent": "child"}


def _writer_income_apart(facts: dict[str, Any], own: dict[str, int], relation: str) -> dict[str, Any]:
    """`facts` with the writer's own income ("저는 월 이백이십 벌어요", asking for her son) told apart: kept as that
    member's own when she lives with the applicant (the household's income still holds it, and 기초연금 or
    장애인연금 leave it out), else taken out of the applicant's household income."""
    income = dict(facts.get("income") or {})
    share = {k: min(v, int(income.get(k) or 0)) for k, v in own.items()}
    members = [dict(m) for m in facts.get("members") or []]
    writer = next((m for m in members if m.get("relation") == relation), None)
    if writer is not None:
        writer.update(share)
        return {**facts, "members": members}
    return {**facts, "income": {**income, **{k: int(income.get(k) or 0) - v for k, v in share.items()}}}


# The patterns above also match Vietnamese typed without marks ("khong phai", "song voi vo").
accept_unmarked(globals())
