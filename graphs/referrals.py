"""The crisis reply that fits the danger: the lines for this kind of danger first, then the general ones.

Lines and their sources are data (`prompts/referrals.yaml`). A missing person with dementia needs 112 now and
then 182; withheld care of an older person, 112 and the elder-protection line; self-harm, 109 and 129; no
food or shelter tonight, 129 and the 동 office. The offer of a person closes every crisis reply.
"""

from __future__ import annotations

import re

from prompts import load_yaml
from tools.vietnamese import with_unmarked

#: An older person in the message turns violence or neglect into elder abuse (its own line).
_OLDER = re.compile(
    r"노인|어르신|할머니|할아버지|어머님|아버님|시어머니|시아버지|elderly|grandm|grandf|old (?:mother|father|man|woman)"
    r"|老人|奶奶|爷爷|外婆|外公|婆婆|người già|người cao tuổi|bà nội|ông nội|bà ngoại"
    # a parent of 60 or more: "我妈妈70岁了", "엄마가 72세", "my mom is 80"
    r"|(?:妈妈|爸爸|母亲|父亲|엄마|아빠|어머니|아버지|\bmom|\bmother|\bdad|\bfather|mẹ|bố)[^。.!?]{0,8}(?:[6-9]\d|[六七八九]十)"
    r"|요양원|요양병원|nursing home|养老院|viện dưỡng lão",
    re.IGNORECASE,
)
_WITHHELD = re.compile(
    r"밥(?:을|도)?\s?(?:제대로\s?)?안\s?(?:줘|주|챙겨)|굶기|방치|won'?t (?:feed|give (?:her|him) food)|不给(?:饭|吃)|không cho ăn",
    re.I,
)


#: A parent in care is an older person: "요양보호사가 엄마한테 소리지르고 … 엄마는 치매라".
_CARED_FOR_PARENT = re.compile(
    r"(?:엄마|어머니|아빠|아버지|mom|mother|dad|father|妈妈|爸爸|mẹ|bố).{0,60}(?:치매|요양|dementia|caregiver|痴呆|护工|sa sút trí tuệ)"
    r"|(?:치매|요양보호사|간병인|dementia|caregiver|痴呆|护工).{0,60}(?:엄마|어머니|아빠|아버지|mom|mother|dad|father|妈妈|爸爸|mẹ|bố)",
    re.IGNORECASE,
)
#: A grown child who demands money or drinks ("아들놈이 술만 먹으면 돈 내놓으라고"): violence from him is elder abuse.
_GROWN_CHILD = re.compile(
    r"(?:아들|딸|며느리|사위)(?:놈|년|녀석|내외)?.{0,20}(?:술|돈\s?(?:내놓|달라|뜯)|용돈)"
    r"|(?:son|daughter)\b.{0,30}\b(?:drunk|drinks|money)|(?:儿子|女儿|儿媳).{0,12}(?:喝酒|要钱)|(?:con trai|con gái).{0,20}(?:say|rượu|đòi tiền)"
    # a grown child who hits a parent: "옆집 아들내미가 지 엄마를 맨날 때리는거같아요", "her son beats her"
    r"|(?:아들|딸|며느리|사위).{0,12}(?:엄마|어머니|어무이|아버지|아빠|노모|부모).{0,12}(?:때리|때려|팬다|패고|패요|폭행)"
    r"|\b(?:son|daughter)\b.{0,20}\b(?:hits?|beats?|hitting|beating)\b|(?:儿子|女儿|儿媳).{0,6}打|(?:con trai|con gái).{0,12}đánh",
    re.IGNORECASE,
)


#: A young person telling of home: hit by a parent, run away, a school year or a teenage age.
_YOUNG = re.compile(
    r"(?:아빠|엄마|아버지|어머니|부모님?|새아빠|계부)(?:가|이|한테|께서)?\s?(?:\S+\s)?(?:계속\s?)?(?:때려|때리|맞)|가출|(?<!\d)1[0-8]\s?살|(?<![가-힣])열(?:셋|넷|다섯|여섯|일곱|여덟)\s?살|중학생|고등학생|(?<![가-힣])[중고][1-3](?![0-9])"
    r"|\bteen(?:ager)?\b|\b(?:i'?m|i am|(?:she|he)(?:'s| is)) 1[3-9]\b|(?:my|her|his) (?:dad|mom|mum|father|mother|parents?) (?:hits?|beats?|kicked)"
    r"|\bran away from home\b|\brunaway\b|离家出走|爸爸打我|妈妈打我"
    r"|(?:bố|mẹ|ba|má) (?:đánh|đuổi)|bỏ nhà (?:đi|ra đi)",
    re.I,
)
#: A marriage migrant or a resident who needs her own language: "không biết tiếng Hàn", "F-6", "说韩语不太好".
_MIGRANT = with_unmarked(
    re.compile(
        r"tiếng (?:việt|hàn|trung)|người việt|(?:결혼\s?)?이민자|다문화|통역|\bF-?6\b|visa|비자|签证|韩语|中文|越南|"
        r"marriage migrant|(?:speak|understand) (?:much )?korean|in (?:vietnamese|chinese|tagalog|english|my language)",
        re.I,
    )
)
#: Crisis events read among the facts that say what kind a danger sensed by the classifier alone is.
_EVENT_KINDS = {
    "domestic_violence": "violence",
    "abuse": "violence",
    # 긴급복지지원법's 위기사유 with no danger to life: the emergency-support route, not the suicide line
    "breadwinner_death": "hardship",
    "breadwinner_absent": "hardship",
    "serious_illness": "hardship",
    "fire_disaster": "hardship",
    "business_closure": "hardship",
}


def crisis_kinds(signals: list[str], text: str, events: list[str] | None = None) -> list[str]:
    """The danger kinds of a crisis message, refined: violence or food withheld from an older person (or from
    a grown child after her money) is elder abuse; a danger the classifier sensed in a message that tells of
    violence at home (`events`, the household's crisis facts) is violence, not the general kind."""
    kinds = [s for s in signals if s != "model"]
    if not kinds:
        kinds = list(dict.fromkeys(_EVENT_KINDS[e] for e in events or [] if e in _EVENT_KINDS))
    if _YOUNG.search(text) and set(kinds) & {"violence", "no_shelter"}:
        kinds.insert(0, "youth")  # a teenager hit at home or without a bed tonight: the youth line first
    if "violence" in kinds and _MIGRANT.search(text):
        # violence at home told by a marriage migrant: counselling in her language too
        kinds.append("migrant")
    older = _OLDER.search(text) or _GROWN_CHILD.search(text) or _CARED_FOR_PARENT.search(text)
    if older and ("violence" in kinds or _WITHHELD.search(text)):  # not an older neighbour with no food
        kinds.insert(0, "elder_abuse")
    return kinds


def crisis_lines(kinds: list[str], language: str) -> list[str]:
    """The referral lines of a crisis reply: those that fit `kinds` first, then the general ones."""
    table = load_yaml("referrals.yaml")
    order: list[str] = []
    # A danger of a known kind: its lines, then 129; otherwise (sensed by the classifier) the general lines.
    for kind in [*kinds, "after"] if kinds else ["general"]:
        for line in table["crisis"].get(kind, []):
            if line not in order:
                order.append(line)
    lines = table["lines"]
    return [str(lines[line].get(language) or lines[line]["ko"]) for line in order]
