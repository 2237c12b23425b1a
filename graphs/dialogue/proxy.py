"""Asking for someone else: "어머니 대신 문의드립니다", "I'm asking for my mother", "帮我妈妈问一下", "남편이 받을 수 있나요?".

Families often ask for an older parent. Then the applicant is the parent: what the message says about her
("어머니 일흔일곱이세요", "혼자 사세요") is the applicant's, and the writer is not a member of her household.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from graphs.nlu.facts import ALONE
from tools.vietnamese import accept_unmarked

_PARENT = r"어머니|어머님|엄마|어무이|엄니|아버지|아버님|아빠|아부지|부모님|시어머니|시아버지|친정엄마|장모님|장인어른"
_ASKING_FOR = re.compile(
    rf"(?:{_PARENT})\s?(?:대신|대신해서|일로|일\s?때문에|(?:를|을)\s?위해|(?:께서|가|이)?\s?(?:받으실|받을\s?수|신청하실|해당되시))"
    rf"|(?:{_PARENT})\s?(?:\S+\s?){{0,3}}(?:문의|여쭤|알아보|알아볼|물어보|물어볼)"
    # "부모님 기초연금 신청하려는데 되나 봐줘": the check asked of the parent's program
    rf"|(?:{_PARENT})\s?(?:\S+\s?){{0,3}}?(?:되나|되는지|되실지|되시는지)\s?(?:좀\s?)?(?:봐|알아|확인|체크)"
    rf"|(?:{_PARENT})\s?(?:가|께서|는|은|이)?\s?혼자\s?(?:사세|사시|사셔|계세|계시|계셔|지내세|지내시|지내셔)"
    # "우리 엄마 기초연금 받을 수 있는지": the parent's program asked about, with no first person between
    rf"|(?:{_PARENT})\s?(?:가|께서|는|은|이|도)?\s(?:(?!저는|제가|저도|저\s|나는|내가|난\s|전\s|저희|우리|돌아가|사망|안\s?계)[^.?!。？\n]){{0,24}}?"
    r"(?:받을\s?수|받을수|받으실|되는지|되시는지|될까요|되나요|해당(?:되|돼)|신청할\s?수|신청\s?가능)"
    # "어머니가 72세인데 기초연금 되나요", "엄마 일흔셋이신데": the parent's age said to set the topic — not an
    # age in a list of the household ("저 30살 남편 45살 시어머니 72살")
    rf"|(?:{_PARENT})\s?(?:가|께서|는|은|이)?\s?(?:올해|지금|연세가?)?\s?(?:만\s?)?"
    r"(?:\d{2,3}\s?(?:세|살)|(?:쉰|예순|일흔|여든|아흔)(?:하나|한|둘|두|셋|세|넷|네|다섯|여섯|일곱|여덟|아홉)?\s?(?:살|세)?)"
    r"\s?(?:인데|이신데|신데|이세요|세요|이셔서|되셨는데|되셨어요|되셨|이시고|이신데요)"
    # "엄마 기초연금 신청하면 …": the parent's own program, named right after the parent (not a receipt told)
    rf"|(?:{_PARENT})\s?(?:의\s?)?(?:기초연금|노인맞춤돌봄|노인돌봄|장기요양|장애인연금)"
    r"\s?(?:을|를|도|은|는|이|가)?\s?(?:신청|되나|될까|되는지|받을\s?수|나올까|나오나)"
    r"|\b(?:asking|enquiring|inquiring|writing)\s+(?:for|on behalf of)\s+my\s+(?:mother|mom|mum|father|dad|parents?)\b"
    r"|\bfor my (?:mother|mom|mum|father|dad)\b|\bmy (?:mother|mom|mum|father|dad) (?:is|lives|turned|can she|can he)"
    r"|(?:替|帮)(?:我)?(?:妈妈|爸爸|母亲|父亲|婆婆|公公)(?:问|咨询|打听)|我(?:妈妈|爸爸|母亲|父亲)(?:能|可以)"
    # "我妈75岁，一个人住 … 她能申请什么补助吗？"
    r"|我(?:妈|爸)(?![妈爸])[^？?]{0,40}?(?:她|他)(?:能|可以|有没有)"
    r"|hỏi (?:giúp|cho|thay) (?:mẹ|bố|ba|má)|(?:mẹ|bố|ba|má) (?:tôi|em|mình) (?:có|được)"
    r"|\b(?:mẹ|bố|ba|má)(?: (?:chồng|vợ))?(?: (?:tôi|em|mình))? có (?:được|đủ điều kiện|nhận)"
    # the parent named, then the question asked of him or her a few words on: "아버지가 정왕동서 혼자 사시는디",
    # "我妈妈73岁，和我们一起住。她能领…吗", "my mom is 70 and lives alone, can she get…", "mẹ em … bà có được…"
    rf"|(?:{_PARENT})(?:가|께서|는|은|이)?\s?[^.?!。？]{{0,16}}?혼자\s?(?:사세|사시|사셔|계세|계시|계셔|지내세|지내시|지내셔)"
    r"|(?<!单亲)(?<!我是)(?:妈妈|爸爸|母亲|父亲|婆婆|公公)[^？?]{0,40}?(?:她|他)(?:能|可以|有没有|够不够)"
    # "我爸爸75岁一个人住 … 能领基础年金吗": the parent's facts, then the question, with no 我 between
    # ("我是单亲爸爸": she is the parent, not asking for one)
    r"|(?<!单亲)(?<!我是)(?:妈妈|爸爸|母亲|父亲|婆婆|公公)(?:(?!我)[^？?]){0,40}?(?:一个人住|独居|能领|可以领|能不能领|能申请|可以申请)"
    r"|\bmy (?:mother|mom|mum|father|dad)\b[^?]{0,80}?\b(?:can|could|is|does) (?:she|he)\b"
    r"|(?:mẹ|bố|ba|má)(?: chồng)? (?:tôi|em|mình)[^?]{0,80}?\b(?:bà|ông)(?: ấy)? (?:có )?(?:được|đủ)"
    # "Me chong em 80 tuoi o mot minh, co duoc nguoi den nha cham soc khong?": the parent, her age, her need
    r"|\b(?:mẹ|bố|ba|má)(?: (?:chồng|vợ))?(?: (?:tôi|em|mình))? (?:đã |năm nay )?[5-9]\d tuổi",
    re.IGNORECASE,
)
#: Honorific living words said of the parent: "혼자 사세요", "혼자 사시는데", "lives alone".
_LIVES_ALONE = re.compile(
    r"혼자\s?(?:사세|사시|사셔|계세|계시|계셔|지내세|지내시|지내셔)|lives? alone|一个人住|sống một mình", re.I
)


#: An age said of him or her ("He's 79", "她八十了"): the person asked for, though no relation word is near.
_THEIR_AGE = re.compile(
    r"\b(?:he|she)(?:'s|\s+is)\s+(?:now\s+|already\s+)?\d|\bthey(?:'re|\s+are)\s+(?:both\s+)?\d|(?:他|她)(?:今年|现在)?\s?[\d一二三四五六七八九十]+\s?岁"
    r"|(?:ông|bà)(?:\s+ấy)?\s+\d+\s+tuổi|연세(?:가|는)?\s?\S+\s?(?:이세요|세요|이십니다|셔요)",
    re.IGNORECASE,
)


#: An honorific verb, said of the parent, not of the writer herself ("받으셨어요", "다니시고"); not a request to
#: the agent ("알려주세요").
_HONORIFIC = re.compile(
    r"[가-힣](?:으)?(?:셨|시고|신데|십니다|셔요|셔서|시는|시며)|(?<!주)(?<!주\s)(?:으)?세요"
    rf"|[가-힣]신\s?(?={_PARENT})"  # "장기요양 등급 받으신 어머니"
)

_PARENT_WORD = re.compile(
    rf"{_PARENT}|\b(?:mother|mom|mum|father|dad|parents?)\b|妈|爸|母亲|父亲|婆婆|公公|\b(?:mẹ|bố|ba|má)\b",
    re.I,
)
_SPOUSE = r"남편|신랑|아내|와이프|집사람|부인"
_SPOUSE_WORD = re.compile(
    rf"{_SPOUSE}|\b(?:husband|wife|spouse)\b|老公|丈夫|妻子|老婆|爱人|\b(?:chồng|vợ)\b", re.IGNORECASE
)
#: The writer speaking of herself: "I'm 48", "저는 장애 없고요", "我今年", "tôi 45 tuổi".
#: The parent asked for lives with the writer ("저랑 같이 살아요", "저희와 같이 살아요", "모시고 살아요", "lives
#: with us", "跟我们一起住", "sống với em"): her household is told — the writer is not of it (see `as_applicant`).
_WITH_WRITER = re.compile(
    r"(?:저|제|나|내|우리|저희)(?:랑|이랑|하고|와|과|네|집에서|집에)\s?(?:같이|함께)?\s?(?:살|사세|사시|사셔|지내|계세|계시|계셔)"
    r"|모시고\s?(?:살|있|지내)|\blives? with (?:me|us)\b|\bwith (?:me|us)\b|(?:跟|和|与)我(?:们)?(?:一起)?住"
    r"|(?:sống|ở) (?:với|cùng) (?:tôi|em|chúng tôi|vợ chồng (?:tôi|em))"
    # said from her side: "엄마랑 같이 사는데", "I live with my mom", "我跟妈妈一起住", "em ở với mẹ"
    r"|(?:엄마|어머니|어머님|아빠|아버지|아버님|부모님|시어머니|시아버지|친정\s?엄마)(?:랑|이랑|하고|와|과)\s?(?:같이|함께)?\s?(?:살|사는|지내)"
    r"|\b(?:i|we) (?:live|am living|are living|stay) with (?:my|our) (?:mom|mum|mother|dad|father|parents?)\b"
    r"|我(?:们)?(?:跟|和|与)(?:我)?(?:妈|妈妈|母亲|爸|爸爸|父亲|父母|爸妈)(?:一起)?住"
    r"|(?:tôi|em|chúng tôi) (?:sống|ở) (?:với|cùng) (?:mẹ|bố|ba|má|cha|bố mẹ|ba mẹ)",
    re.IGNORECASE,
)


def lives_with_writer(message: str) -> bool:
    """Whether the message says the parent she asks for lives with her (her household is then told)."""
    return bool(_WITH_WRITER.search(message))


_FIRST_PERSON = re.compile(
    r"\bI(?:'m|\s+am|\s+have|\s+work)\b|저는|제가|전\s|나는|내가|난\s|본인은|我(?:今年|是|有|也)|\btôi\s+(?:là|\d|có|bị)"
    r"|(?:^|[,.]\s*)em\s+(?:là|\d|có|bị|người|việt|trung|quốc tịch)",
    re.IGNORECASE,
)
#: Asking whether her husband (his wife) can get something: "남편이 중증인데 장애인연금 받을 수 있나요?", "can my
#: wife get ...", "我老公能领吗", "chồng tôi có được ...". Not when she asks for herself ("남편이 실직했는데 제가
#: 받을 수 있나요?"): no first-person subject between the spouse and the question.
_ASKING_FOR_SPOUSE = re.compile(
    rf"(?:{_SPOUSE})\s?(?:이|가|은|는|께서|도)?\s"
    r"(?:(?!저는|제가|저도|나는|내가|난\s|전\s|우리)[^.?!。？\n]){0,30}?"
    r"(?:받을\s?수|받을수|받나요|받아요\?|되나요|될까요|되나\b|해당(?:되|돼)|신청할\s?수|신청\s?가능)"
    r"|\b(?:can|could|will|would)\s+my\s+(?:husband|wife)\b|\bis\s+my\s+(?:husband|wife)\s+(?:eligible|entitled)"
    r"|\bfor\s+my\s+(?:husband|wife)\b|我(?:的)?(?:老公|丈夫|妻子|老婆)(?:能|可以|能不能|有没有资格)"
    r"|我(?:的)?(?:老公|丈夫|妻子|老婆)[^？?]{0,40}?(?:他|她)(?:能|可以|能不能|有没有资格)"
    r"|\bmy (?:husband|wife)\b[^?]{0,80}?\b(?:can|could) (?:she|he) (?:get|receive|apply)"
    r"|(?:chồng|vợ)\s+(?:tôi|em|mình)\s+(?:có\s+)?(?:được|đủ điều kiện)",
    re.IGNORECASE,
)


#: The spouse's situation as a condition of the writer's question, not the spouse asking: "…있으면", "안되나요".
_ABOUT_THEIRS = re.compile(r"[가-힣]면(?:\s|$)|안\s?되|못\s?받")


#: Programs for a disabled person: asked about while only the spouse is said to be disabled, they are asked
#: for the spouse ("남편이 작년에 사고로 중증장애 판정 받았어요. 장애인연금 받을 수 있을까요?").
_FOR_THE_DISABLED = frozenset({"disability_pension", "disability_allowance"})


_CHILD = r"아들|(?<!가)딸(?!기)|자녀|자식|\bsons?\b|\bdaughters?\b|儿子|女儿|con trai|con gái|con gai"
#: Asking whether her grown son or daughter can get something: "아들 청년기본소득 문의요", "can my son get …",
#: "我儿子能领吗", "con trai tôi có được …": the child named, then the question, no first person between.
_ASKING_FOR_CHILD = re.compile(
    rf"(?:{_CHILD})\s?(?:이|가|은|는|도|의)?\s?"
    # the question may come a sentence later ("아들이 서른여덟인데 뇌병변 중증이에요. … 장애인연금 신청 되나요?"),
    # unless she speaks of herself in between
    r"(?:(?!저는|제가|저도|나는|내가|난\s|전\s|저\s|제\s)[^?!？\n]){0,90}?"
    r"(?:받을\s?수|받을수|받나요|되나요|될까요|되나\b|되는지|해당(?:되|돼)|신청할\s?수|신청\s?가능|문의|알아보|물어보"
    r"|\b(?:can|could|is)\s+(?:he|she)\b|\beligible\b|能|可以|có (?:được|đủ)|được không)"
    r"|\b(?:can|could|will)\s+my\s+(?:son|daughter)\b|\bfor\s+my\s+(?:son|daughter)\b"
    r"|(?:asking|enquiring|inquiring)\s+(?:for|about|on behalf of)\s+my\s+(?:son|daughter)\b",
    re.IGNORECASE,
)
#: Programs for a grown child: asked about beside a son or daughter, they are asked for that child.
_FOR_A_GROWN_CHILD = frozenset(
    {
        "gyeonggi_youth_basic_income",
        "youth_monthly_rent",
        "national_employment_support",
        "disability_pension",
        "disability_allowance",
    }
)


def asking_for(message: str, said: dict[str, Any] | None = None, programs: Sequence[str] = ()) -> str | None:
    """ "parent" when the message asks for a parent, "spouse" for her husband (his wife), "child" for her grown
    son or daughter (a program for adults asked beside the child), else None. `said` and `programs` (the
    message's facts and the programs it asks about) tell a question about a disability program asked for a
    disabled spouse, and a question asked for a child."""
    if _ASKING_FOR.search(message):
        return "parent"
    if programs and set(programs) <= _FOR_A_GROWN_CHILD and _ASKING_FOR_CHILD.search(message):
        return "child"
    found = _ASKING_FOR_SPOUSE.search(message)
    if found is not None and not _ABOUT_THEIRS.search(found.group(0)):
        return (
            "spouse"  # not "와이프가 버는게 있으면 안되나요?": her earnings as a condition of his own claim
        )
    members = (said or {}).get("members") or []
    disabled = {m.get("relation") for m in members if m.get("disability") in ("mild", "severe")}
    if programs and set(programs) <= _FOR_THE_DISABLED and disabled == {"spouse"}:
        return "spouse"
    return None


def _swapped(member: dict[str, Any]) -> dict[str, Any]:
    relation = {"self": "spouse", "spouse": "self"}.get(str(member.get("relation")), member.get("relation"))
    return {**member, "relation": relation}


#: Relations to the writer, as relations to her parent (the applicant).
_OF_THE_WRITER = {"spouse": "other", "child": "grandchild"}


def as_applicant(
    said: dict[str, Any], applicant: str | None, message: str, *, told_before: bool = False
) -> dict[str, Any]:
    """The facts of a message with the person asked for as the applicant (`self`); unchanged otherwise. Asking
    for a parent, the writer is not of the applicant's household; asking for a spouse, the writer is the
    applicant's spouse. `told_before`: the facts of earlier messages, when asking for a parent shows only now
    ("엄마는 78세", then "엄마 기초연금 봐주세요"): what was said of her is the applicant's."""
    if applicant is None:
        return said
    if applicant == "child":
        return _as_the_child(said, message)
    if applicant == "spouse":
        if not _SPOUSE_WORD.search(message) and not _FIRST_PERSON.search(message):
            return said  # "55살이요" to the question about him: the applicant's, as asked
        members = [dict(m) for m in said.get("members") or []]
        writer = next((m for m in members if m.get("relation") == "self"), None)
        spouse = next((m for m in members if m.get("relation") == "spouse"), None)
        if writer and spouse and not _FIRST_PERSON.search(message):
            # "Can my wife get it? She is 50 and severely disabled": nothing is said of the writer, so what
            # was read as hers is the spouse's.
            for key in [k for k in writer if k != "relation" and k not in spouse]:
                spouse[key] = writer.pop(key)
        members = [_swapped(m) for m in members]
        if members and not any(m.get("relation") == "self" for m in members):
            # "둘이 살아요": the writer (now the spouse) and one unnamed — the applicant
            unnamed = next((m for m in members if not m.get("relation")), None)
            if unnamed is not None:
                unnamed["relation"] = "self"
        members.sort(
            key=lambda m: m.get("relation") != "self"
        )  # the applicant first, as the household has it
        return {**said, "members": members} if members else said
    members = said.get("members") or []
    told = told_before and any(m.get("relation") == applicant for m in members)
    if not (told or _PARENT_WORD.search(message) or _FIRST_PERSON.search(message) or ALONE.search(message)):
        return said  # "여든셋이셔유" to the question about her: the applicant's, as asked
    theirs = [m for m in members if m.get("relation") == applicant]
    if not theirs and (_THEIR_AGE.search(message) or _HONORIFIC.search(message)):
        # "He's 79", "장기요양 3등급 받으셨어요": read as the writer's, it is the applicant's
        theirs = [m for m in members if m.get("relation") == "self"]
    if not theirs and not _LIVES_ALONE.search(message):
        # About the writer or the household as a whole ("둘이 살아요"): nothing to move, but the writer's own
        # details are not the applicant's.
        return {
            **said,
            "members": [m for m in members if m.get("relation") != "self"] or [{"relation": "self"}],
        }
    me: dict[str, Any] = {"relation": "self"}
    for member in theirs[:1]:
        me.update({k: v for k, v in member.items() if k != "relation"})
    # The writer's own family is the applicant's family the other way round: her husband is a son-in-law,
    # not the applicant's spouse ("mẹ 66, em 40, chồng em 45"); her children are grandchildren.
    others = [
        {**m, "relation": _OF_THE_WRITER.get(str(m.get("relation")), m.get("relation"))}
        for m in members
        if m.get("relation") not in ("self", applicant) and m not in theirs
    ] + [{**m, "relation": "spouse"} for m in theirs[1:2]]  # "아빠72 엄마70": her parents are a couple
    result = {**said, "members": [me, *others]}
    if _LIVES_ALONE.search(message) or (ALONE.search(message) and not others):
        result["members"] = [me]
    return result


#: Relations to the writer, as relations to her grown child (the applicant).
_OF_THE_PARENT = {"self": "parent", "spouse": "parent", "child": "sibling", "parent": "other"}
_CHILD_WORD = re.compile(_CHILD, re.IGNORECASE)


def _as_the_child(said: dict[str, Any], message: str) -> dict[str, Any]:
    """Asking for her grown son or daughter: the child (the first one grown or disabled, else the first) is
    the applicant, she and her husband the applicant's parents, the other children his siblings."""
    members = [dict(m) for m in said.get("members") or []]
    children = [m for m in members if m.get("relation") == "child"]
    if not children and not (_CHILD_WORD.search(message) or _FIRST_PERSON.search(message)):
        return said  # "24살이에요" to the question about him: the applicant's, as asked
    asked = next(
        (c for c in children if (c.get("age") or 0) >= 18 or c.get("disability") in ("mild", "severe")),
        children[0] if children else None,
    )
    # about herself or the household with the child unnamed, she is only a parent of the applicant
    applicant = [{**asked, "relation": "self"}] if asked is not None else []
    others = [
        {**m, "relation": _OF_THE_PARENT.get(str(m.get("relation")), m.get("relation"))}
        for m in members
        if m is not asked
    ]
    return {**said, "members": applicant + others} if members else said


accept_unmarked(globals())
