"""Slot filling: which facts to ask for next, and reading a citizen's answer to the agent's question."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from graphs.memory import infant_takes_order, replace_members, same_birth_order
from graphs.nlu.dates import find_past_dates, find_past_months
from graphs.nlu.durations import (
    AND_A_HALF,
    CJK_DURATION,
    MONTHS,
    YEARS_AND_MONTHS,
    duration_months,
)
from graphs.nlu.facts import (
    ALONE,
    FOREIGN_COUNTRY,
    PROGRAM_FOR_LEVEL,
    RELATION_WORDS,
    SCHOOL_LEVELS,
    SPOUSE_GONE,
    income_kinds_said,
)
from graphs.nlu.numbers import (
    EN_NUMBER_WORD,
    Age,
    bare_number,
    english_number,
    find_ages,
    find_money,
    native_korean_number,
    parse_numeral,
    parse_words,
)
from graphs.nlu.places import BORN_THEN, find_region
from graphs.nlu.residence import residence
from prompts import load_yaml
from tools.vietnamese import accept_unmarked

#: The order in which facts are asked: what decides most programs first.
SLOT_ORDER: tuple[str, ...] = (
    "household",
    "age",
    "nationality",
    "income",
    "income_kind",
    "assets",
    "support_obligor",
    "receiving",
    "disability",
    "crisis",
    "single_parent",
    "child_age",
    "school",
    "months_old",
    "birth_date",
    "employed",
    "housing",
    "region",
    "months_resident",
    "gyeonggi_residence_years",
    "income_recognition",
)
DECLINED = "declined"
OBLIGOR_YEARLY_INCOME = 100_000_000
"""A relative's yearly income above which the family-support criterion of 생계·의료급여 fails (2024 booklet: 연 1억;
2026 unconfirmed)."""

_REFUSAL = re.compile(
    r"말하기\s*싫|말\s*안\s*할|묻지\s*마|물어보지\s*마|(?:얘기|말|대답)(?:은|는)?\s*(?:하기\s*)?싫|하기\s*싫어|안\s*알려|알려\s*주기\s*싫|비밀|모르겠|잘\s*몰라|몰라요|말씀\s*드리기\s*어려|"
    r"rather not|don'?t want to (?:say|tell|talk)|not telling|prefer not|i don'?t know|no idea|don'?t ask|"
    r"不想说|别问|不想谈|đừng hỏi|不告诉|不知道|không muốn nói|không biết",
    re.IGNORECASE,
)
_YES = re.compile(
    r"^\s*(?:네|예|응|어|맞아|맞습니다|그래요|있어|있습니다|yes|yeah|yep|sure|ok|是|对|有|好|có|vâng|dạ|\u1eeb)",
    re.IGNORECASE,
)
_NO = re.compile(
    r"없어|없습니다|없음|없고|없심더|없습니더|없십니더|없다|없데이|없지예|없어예|없슈|없당께|없소|없수|없제|없네|없구먼|없구만|읎|아니|아뇨|안\s*해|안\s*하|안\s*받|안\s*(?:돼|되어|됐)\s*있|등록\s*(?:은|이)?\s*안|아무것도|빵원|no\b|none|nope|not\b|nothing|\bzero\b|没有|不是|没|零收入|không|\bch\u01b0a\b|\bchua\b",
    re.IGNORECASE,
)
#: Korea named in a short reply to the nationality question ("Korean", "한국 사람이요", "She's Korean").
_KOREA = re.compile(r"korea|한국|韩国|hàn quốc|người hàn|han quoc|nguoi han", re.IGNORECASE)
_NOTHING = re.compile(
    r"\bnone\b|nothing|없어|없습니다|없음|없심더|없습니더|없다|없소|없수|없제|없네|읎|没有(?!韩国)|什么都没|không có gì|không có",
    re.I,
)
#: The child is not born yet: "아직 뱃속에 있어요", "not born yet", "还没出生", "chưa sinh".
_UNBORN = re.compile(
    r"뱃속|임신|출산\s?예정|아직\s?(?:안\s?)?태어나지|not born|pregnan|due in|还没(?:出生|生)|怀孕|chưa sinh|chua sinh|mang thai|có bầu",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"(\d+(?:\.\d+)?)")
_LEAD_NUMBER = re.compile(
    r"^\s*(?:만\s?)?(\d{1,3})\s*(?:살|세|岁|tuổi|years?(?: old)?)?\s*(?:[.,!;]|$|\s(?=(?:19|20)\d{2}\s?(?:년|年)))",
    re.I,
)
#: A number of years written in English words ("five years", "twenty-one years").
_WORD_YEARS = re.compile(rf"\b({EN_NUMBER_WORD}(?:[\s-]+{EN_NUMBER_WORD})*)(?=\s+years?\b)", re.I)


def _digits_for_words(found: re.Match[str]) -> str:
    value = english_number(found.group(1))
    return str(value) if value is not None else found.group(0)


_BARE_YEARS = re.compile(
    r"(?<![\d.])(\d{1,2})(?![\d.]|\s?(?:월|일|개월|명|인|만|천|원|세|살|months?|people))"
)
_SCHOOL = dict(SCHOOL_LEVELS)
_ALL_OF_THEM = re.compile(r"\b(?:both|all)\b|둘\s?다|모두|다\s|都|cả hai|tất cả|cả ba", re.I)


#: Words that tie part of an answer to one slot, so "소득은 없고 재산은 1억" fills each slot with its own clause.
SLOT_KEYWORDS: dict[str, re.Pattern[str]] = {
    "household": re.compile(
        r"가족|가구|식구|혼자|(?<![가-힣])(?:둘|셋|넷)이|명|인\s?가구|family|household|alone|家|口人|một mình|người",
        re.I,
    ),
    "age": re.compile(
        r"\d\s?(?:살|세)|나이|살이|세예|\byears? old\b|\bage\b|岁|tuổi|[열스서마쉰예일여아][물른흔순]?\s?살",
        re.I,
    ),
    "child_age": re.compile(
        r"아이|아기|(?<!장)(?<!사랑)애(?!인|완|매|교|정)|딸|아들|개월|child|kid|baby|son|daughter|孩子|宝宝|con",
        re.I,
    ),
    "income": re.compile(
        r"소득|수입|월급|벌|버는|(?<!기초)(?<!장애인)연금|용돈|(?<!받는\s)(?<!받는)(?<!복지\s)(?<!생계)(?<!주거)(?<!의료)(?<!교육)(?<!부모)(?<!실업)(?<!구직)(?<!요양)급여|월\s?\d|한\s?달에|income|earn|salary|wage|pension|a month|per month|monthly|收入|工资|每个月|thu nhập|lương|mỗi tháng|một tháng",
        re.I,
    ),
    "assets": re.compile(
        r"재산|전세금|보증금|땅|예금|적금|저축|통장|빚|대출|부채|집값|집이?\s?\d|asset|property|savings|account|debt|deposit|财产|存款|押金|保证金|tài sản|tiền cọc|\bcọc\b|tiết kiệm|tiền gửi|n\u1ee3|\bno (?:ngan hang|the|\d)",
        re.I,
    ),
    "housing": re.compile(
        r"월세|전세|자가|세입자|내\s?집|무상|\brent|own (?:my|the) home|租|thuê nhà|nhà riêng", re.I
    ),
    "support_obligor": re.compile(
        r"부모|자녀|자식|아들|딸|사위|며느리|부양|parents|children|family|\bsons?\b|daughters?|父母|子女|儿子|女儿|公公|婆婆|cha mẹ|con cái|con trai|con gái|(?:bố|ba|má|mẹ) (?:mẹ )?(?:chồng|vợ)|\bbố mẹ\b",
        re.I,
    ),
    "receiving": re.compile(
        r"받고|받는|수급|receiv|领取|đang nhận|chưa (?:được )?nhận|không nhận|nhận (?:gì|cái gì|trợ cấp)",
        re.I,
    ),
    "income_recognition": re.compile(
        r"소득\s?인정액|recogni[sz]ed income|认定收入|thu nhập (?:được )?công nhận", re.I
    ),
    # A date ("2017년 5월 3일", "5월 3일생", "2019-05-07", "3/5/2017"): read only when the birth date was asked.
    "birth_date": re.compile(
        r"\d{4}\s*년\s*\d{1,2}\s*월|\d{1,2}\s*월\s*\d{1,2}\s*일|\d{4}\s*[-./]\s*\d{1,2}\s*[-./]\s*\d{1,2}|"
        r"\d{1,2}\s*[./]\s*\d{1,2}\s*[./]\s*\d{4}|\d{4}年\d{1,2}月|생년월일|date of birth|born on|出生日期|ngày sinh",
        re.I,
    ),
    "disability": re.compile(r"장애|disab|残疾|khuyết tật", re.I),
    "crisis": re.compile(
        r"실직|병|사망|죽|가출|폐업|위기|\bjob|\bill\b|illness|died|crisis|失业|病|mất việc|bệnh", re.I
    ),
    # How long she has lived somewhere: "5년 계속 살았어요", "태어나서 쭉", "10 years in a row", "住了8年".
    "gyeonggi_residence_years": re.compile(
        rf"\d+\s?년|계속|연속|합산|합치면|{BORN_THEN}|평생|쭉|\d+\s?years?|all my life|since (?:i was )?born|\d+\s?年"
        r"|从小|出生|\d+\s?năm|từ (?:nhỏ|bé)|cả đời",
        re.I,
    ),
    "months_resident": re.compile(
        r"\d+\s?(?:년|개월|달)|\d+\s?(?:years?|months?)|\d+\s?(?:年|个月)|\d+\s?(?:năm|tháng)", re.I
    ),
    "region": re.compile(
        r"(?<![가-힣])[가-힣]{1,4}(?:시|군|구|동|읍|면)(?:이요|요|에|예요|이에요|\b|$)|서울|부산|인천|대구|대전|광주|울산|세종|제주"
        r"|\blive in\b|\bliving in\b|住在|[市区]|sống ở|song o",
        re.I,
    ),
}


def relevant_slots(candidates: list[str], text: str) -> list[str]:
    """The candidate slots the message speaks about (by their keywords), in candidate order."""
    return [slot for slot in candidates if slot in SLOT_KEYWORDS and SLOT_KEYWORDS[slot].search(text)]


_CLAUSE = re.compile(
    r"(?<!\d)[,.]|[,.](?!\d)|;|그리고|이고|이며|인데|하고|\band\b|\bbut\b|并且|而且|và|nhưng"
)


WHOLE_MESSAGE_SLOTS = frozenset({"support_obligor", "gyeonggi_residence_years"})
"""Slots whose answer runs over clauses: "有一个女儿在中国，她自己也困难" names her daughter, then says how she is;
"2 years now in Siheung. Suwon from birth till 13" tells one stay in each sentence."""


def clauses_for(slot: str, text: str) -> str:
    """The parts of the message that speak about `slot` (the whole message when none does)."""
    if slot in WHOLE_MESSAGE_SLOTS:
        return text
    pattern = SLOT_KEYWORDS.get(slot)
    if pattern is None:
        return text
    split = [p for p in _CLAUSE.split(text) if p.strip()]
    parts = [p for p in split if pattern.search(p)]
    if not parts and slot == "age":
        # "아 잠만 생일 지나서 만 25네요 ㅋㅋ;; 그럼 국민취업지원제도는 돼요?": the clause with the age, not the question
        parts = [p for p in split if find_ages(p)]
    if parts and slot == "income":
        # "chong 340만, minh 160만 moi thang": an amount of its own clause, of no other kind, is income too
        others = [SLOT_KEYWORDS[s] for s in ("assets", "housing") if s in SLOT_KEYWORDS]
        parts = [p for p in split if p in parts or (find_money(p) and not any(o.search(p) for o in others))]
    if not parts and slot in _EXCLUSIVE_SLOTS:
        # No clause speaks of it: the clauses that speak of another of these are not its answer ("예금은
        # 없어요" asked income and assets says nothing of income)
        others = [SLOT_KEYWORDS[s] for s in _EXCLUSIVE_SLOTS if s != slot and s in SLOT_KEYWORDS]
        return " ".join(p for p in split if not any(o.search(p) for o in others))
    return " ".join(parts) if parts else text


#: Facts whose words do not overlap: a clause about one is no answer about another.
_EXCLUSIVE_SLOTS = ("income", "assets", "receiving")


#: Not knowing how to do something is no answer about a fact: "Bố không biết dùng điện thoại nên em hỏi giúp".
_KNOW_HOW = re.compile(
    r"(?:할|쓸|볼|읽을|사용할)\s?줄\s?(?:몰라|모르)\S*"
    r"|không biết (?:dùng|sử dụng|xài|làm|đọc|viết|nói|tiếng|chữ|cách|gọi|nhắn)"
    r"|不知道(?:怎么|如何)|不会用"
    r"|(?:i )?don'?t know how",
    re.IGNORECASE,
)


def refuses(text: str) -> bool:
    """The citizen prefers not to answer (or does not know)."""
    return bool(_REFUSAL.search(_KNOW_HOW.sub(" ", text)))


def says_nothing(text: str) -> bool:
    """Whether a reply says there is none ("nothing", "없어요", "没有", "không có")."""
    return bool(_NOTHING.search(text))


#: A "no" that answers nothing: a condition ("Không được thì em xin 차상위…", "안 되면", "if not") or the
#: Vietnamese question's own "không" ("… được không?").
_NOT_A_NO = re.compile(
    r"(?:không|ko)\s?(?:được|dc)\s?thì|nếu không|(?:có\s?)?(?:được|có|phải)\s?(?:không|ko)\s?(?:ạ|ah|a|vậy|nhỉ|chị|anh|em)?\s*[?？]"
    r"|안\s?되면|if not\b|otherwise|不行的话|不然|否则"
    # "Có ai đến giúp bà không, …": the question "is there anyone …?" ends in its own "không"
    r"|\bcó (?:ai|cách|chỗ|nơi|chương trình|gì|hỗ trợ|trợ cấp|người)\b[^.?!]*?\bkhông\b(?=\s*[,?？.!]|\s*$)"
    # "dọn nhà không nổi": she cannot, which answers nothing
    r"|(?<=\w )không nổi"
    # "Mẹ tôi có được nhận 기초연금 không ạ?": a yes-no question wrapped around what she asks
    r"|\bcó\b[^.?!,]*?\b(?:không|ko)\s?(?:ạ|ah|a|vậy|nhỉ|chị|anh|em)?\s*(?:[?？]|$)",
    re.IGNORECASE,
)


def yes_no(text: str) -> bool | None:
    """A yes (True), a no (False), or neither (None)."""
    text = _KNOW_HOW.sub(" ", text)  # "không biết dùng điện thoại" says no "no"
    text = _NOT_A_NO.sub(" ", text)
    if _NO.search(text):
        return False
    if _YES.search(text):
        return True
    return None


def question(
    slot: str, language: str, facts: dict[str, Any] | None = None, applicant: str | None = None
) -> str:
    """The question that asks for `slot` in `language` (the benefits she receives besides those she named,
    when she named some); about her parent or spouse when she asks for them (`applicant`)."""
    table = load_yaml("slots.yaml")
    key = "receiving_more" if slot == "receiving" and (facts or {}).get("receiving") else slot
    if applicant and f"{key}_{applicant}" in table:
        key = f"{key}_{applicant}"
    texts = table[key]
    return str(texts.get(language) or texts["ko"])


def questions_for(missing: list[str], language: str = "ko") -> list[dict[str, str]]:
    """For an officer: the question to ask the resident for each missing fact that has one."""
    texts, labels = load_yaml("slots.yaml"), load_yaml("facts.yaml")
    return [
        {
            "fact": fact,
            "label": str((labels.get(fact) or {}).get(language) or fact),
            "question": str(texts[fact].get(language) or texts[fact]["ko"]),
        }
        for fact in missing
        if fact in texts
    ]


def undecidable_label(fact: str, language: str) -> str | None:
    """Why a fact cannot be collected in the chat, or None when it can."""
    table = load_yaml("undecidable.yaml")
    if fact not in table:
        return None
    return str(table[fact].get(language) or table[fact]["ko"])


def _children(facts: dict[str, Any]) -> list[dict[str, Any]]:
    return [m for m in facts.get("members", []) if m.get("relation") in ("child", "grandchild", None)]


#: The relatives who would have to support her are gone ("부모님 돌아가셨어요", "bố mẹ chồng mất rồi").
OBLIGORS_GONE = re.compile(
    r"돌아가셨|돌아가시고|안\s?계세|passed away|\bdied\b|\bdead\b|去世|不在了|đã mất|mất rồi|da mat|mat roi|qua đời|qua doi"
    # none to begin with: "没有子女，也没有别的亲人", "자식도 없고", "no kids, no family"
    r"|没有(?:子女|孩子|儿女|亲人|家人|亲戚)|(?:자식|자녀|애|가족|친척)(?:도|이|가|은|는)?\s?(?:하나도\s?|아무도\s?)?(?:없|읎)"
    r"|\bno (?:children|kids|relatives|family)\b|không có (?:con|người thân|họ hàng)",
    re.I,
)


def _income_kind(
    text: str, said: dict[str, Any], facts: dict[str, Any], answer: bool | None
) -> dict[str, Any] | None:
    """Her answer to whether her income is from work: restated with its kinds, or all of it one kind."""
    if said.get("income"):
        return {"income": {"earned_krw": 0, "other_krw": 0, **said["income"]}}
    income = facts.get("income") or {}
    total = int(income.get("earned_krw") or 0) + int(income.get("other_krw") or 0)
    kinds = income_kinds_said(text)
    work, other = "earned" in kinds, "other" in kinds
    if (work and not other) or (answer is True and not other):
        return {"income": {"earned_krw": total, "other_krw": 0}}
    if other or answer is False:
        return {"income": {"earned_krw": 0, "other_krw": total}}
    return None


#: No assets, said of the assets themselves ("재산은 없어요", "no savings", "không có tài sản", "没有存款").
_ASSETS_NONE = re.compile(
    r"(?:재산|예금|저축|적금|통장|집|property|savings|assets|tài sản|tiết kiệm|财产|存款|房子)[은는도이가]?\s?(?:하나도\s?|전혀\s?)?(?:없|업|읎|none|không)"
    r"|\bno (?:savings|property|assets)|không có (?:tài sản|tiết kiệm|nhà)|没有(?:财产|存款|房子)",
    re.I,
)


#: Words that say who lives together ("남편이랑 셋이 살아요", "of us", "一起住"), not only name someone.
TOGETHER = re.compile(
    r"살아|살고|사는|삽니다|살제|식구|가족|가구|명이|명이요|명이에요|(?<!도 )(?<!도)같이(?!\s?(?:요|봐|물어|알아|확인|신청|해))|함께|(?<![가-힣])(?:둘|셋|넷|다섯)이|\d\s?명|\d\s?인"
    r"|live with|living with|lives with|of us|\bme,|just me|一起住|住|口人|一家|sống với|ở với|người|nhà (?:tôi|em)|tôi,|toi,",
    re.IGNORECASE,
)


_SEVERE_ANSWER = re.compile(
    r"중증(?!(?:은|이)?\s?아니)|심한|(?<!not )severe|重度|nặng|\bnang\b", re.IGNORECASE
)
_MILD_ANSWER = re.compile(r"경증|심하지\s*않|가벼|mild|轻度|nhẹ|\bnhe\b", re.IGNORECASE)


#: A count of everyone in the household: "2 người", "셋이요", "three of us".
HOUSEHOLD_COUNT = re.compile(
    r"\d+\s*(?:명|인\s?가구|인\s?가족|식구|people|persons?|口|个人|người)|(?:hai|ba|bốn|năm) người|(?:两|三|四|五)(?:口人|个人)"
    r"|(?:둘|셋|넷|다섯)이(?:서|요|에요|예요|\s?살)|(?:two|three|four|five) of us",
    re.I,
)


#: A reply that is nothing but zero: "0원요", "0", "영원이요", "0 won".
_ZERO = re.compile(
    r"(?:(?:지금|현재|요즘|당장)(?:은|는)?|right now|now|currently|bây giờ|hiện (?:tại|giờ)|现在|目前)?\s?"
    r"(?:0|영)\s?(?:원|won|韩元|元|块|đồng|dong)?\s?(?:이요|요|입니다|이에요|예요|임)?\s*[.!~]*",
    re.I,
)


#: "저랑 애 둘이요": the two of them, or she and two children; the children she has told of decide.
_ME_AND_KIDS_TWO = re.compile(r"(?:저|나|제|내)\s?(?:랑|이랑|하고|와)\s?(?:애|아이|아기|애기)\s?(?:둘|2)")


def _children_she_told(
    text: str, members: list[dict[str, Any]] | None, known: list[dict[str, Any]]
) -> list[dict[str, Any]] | None:
    """Her two children already told of, when "저랑 애 둘이요" was read as her and one child."""
    told = [m for m in known if m.get("relation") == "child"]
    said = [m for m in members or [] if m.get("relation") == "child"]
    if not members or len(told) != 2 or len(said) != 1 or not _ME_AND_KIDS_TWO.search(text):
        return members
    return [*(m for m in members if m.get("relation") != "child"), *told]


def parse_answer(
    slot: str, text: str, said: dict[str, Any], facts: dict[str, Any]
) -> dict[str, Any] | str | None:
    """A facts patch for `slot` from the answer, `DECLINED`, or None when the message does not answer it."""
    if refuses(text) and not find_money(text) and not find_ages(text):
        return DECLINED  # "I'd rather not say" is not a no ("not"), and "잘 몰라요" is not "none"
    answer = yes_no(text)
    if slot == "household":
        members = said.get("members")
        if members and len(members) == 1 and not ALONE.search(text):
            members = None  # "서른둘이요" states her age, not that she lives alone
        if not members:
            count = re.search(r"(\d+)\s*(?:명|인|people|persons?|口|人|người)", text)
            if count and 1 <= int(count.group(1)) <= 30:
                members = [{"relation": "self"}] + [{} for _ in range(int(count.group(1)) - 1)]
        if not members and not find_money(
            text
        ):  # a bare relation: "어머니", "my wife", "和老公" — she and that person
            named = [rel for rel, pattern in RELATION_WORDS.items() if pattern.search(text)]
            members = [{"relation": "self"}, *({"relation": rel} for rel in named)] if named else None
        known = facts.get("members") or []
        told = {m.get("relation") for m in known}
        members = _children_she_told(text, members, known)
        # a count says who all of them are ("2 người, tôi với chồng"): not one more member named in passing
        passing = not (TOGETHER.search(text) or ALONE.search(text) or HOUSEHOLD_COUNT.search(text))
        fewer = any(
            sum(k.get("relation") == r for k in known) > sum(m.get("relation") == r for m in members or [])
            for r in told - {"self", None}
        )
        if (
            members
            and len(members) > 1
            and passing
            and (told - {m.get("relation") for m in members} or fewer)
        ):
            # "와이프는 알바로 60 벌어요" when asked who lives with her (her children already told): the wife
            # joins them, she does not replace them; "큰아이 이제 열 살" says one of the three children
            return {"members": members}
        if members:
            return {"members_replace": replace_members(known, members)}
    elif slot == "age":
        members = said.get("members") or []
        age = next(
            (m.get("age") for m in members if m.get("relation") == "self" and m.get("age") is not None), None
        )
        bare = bare_number(text)
        if bare is None and (lead := _LEAD_NUMBER.match(text)):
            bare = int(lead.group(1))  # "64. I turn 65 next month": the number she answers with comes first
        if bare is None:
            bare = parse_words(text.strip(" .!,~"))  # "hai mươi tám", "sixty-two"
        if age is None and bare is not None and 0 < bare < 120:
            age = bare
        if age is not None:
            return {"members": [{"relation": "self", "age": age}]}
    elif slot == "income":
        income = dict(said.get("income") or {})
        if not income:
            # Money the message already gives another kind is not income: "I'd rather not say. 800,000 won in
            # savings, a debt of …" (assets), "I pay 350k won monthly rent" (rent), "소득인정액 30만원".
            accounted = bool(
                said.get("assets")
                or (said.get("housing") or {}).get("rent_krw") is not None
                or said.get("income_recognition_krw") is not None
            )
            money = [] if accounted else find_money(text)
            if accounted and refuses(text):
                return DECLINED
            if money:
                income = {"other_krw": int(sum(m.krw for m in money))}
            elif (listed := _amounts_by_person(text)) is not None:
                # "나 삼백 와이프 백오십": each member's amount, in 만원; earnings when she says they are
                income = {"earned_krw" if _EARNINGS_SAID.search(text) else "other_krw": listed}
            elif (amount := _bare_amount(text) or _bare_amount_in_words(text)) is not None:
                income = {
                    "other_krw": amount
                }  # "170이에요", "아 아니다 이번에 올라서 170이에요", "사백오십이요": 만원
            elif answer is False or _ZERO.fullmatch(text.strip()):
                income = {"earned_krw": 0, "other_krw": 0}  # "없어요", "0원요"
        if income:
            return {
                "income": {"earned_krw": income.get("earned_krw", 0), "other_krw": income.get("other_krw", 0)}
            }
    elif slot == "income_kind":
        return _income_kind(text, said, facts, answer)
    elif slot == "income_recognition":
        if said.get("income_recognition_krw") is not None:
            return {"income_recognition_krw": int(said["income_recognition_krw"])}
        amounts = find_money(text)
        if len(amounts) == 1:  # "주민센터에서 이백구만원이래요": the one amount is the answer
            return {"income_recognition_krw": amounts[0].krw}
        if (amount := _bare_amount(text)) is not None:
            return {"income_recognition_krw": amount}
        if _ZERO.fullmatch(text.strip()):
            return {"income_recognition_krw": 0}
        return None
    elif slot == "assets":
        assets = dict(said.get("assets") or {})
        if not assets:
            income_said = bool(said.get("income"))
            money = [] if income_said else find_money(text)  # "월급은 200": income, not assets
            if money:
                assets = {"property_krw": int(sum(m.krw for m in money))}
            elif not income_said and (amount := _bare_amount(text) or _bare_amount_in_words(text)):
                assets = {"property_krw": amount}  # "이천이요", "3000 정도": 만원
            elif refuses(text):
                return DECLINED  # "월급 200이고 재산은 말 안 할래요": the "안" is no "no"
            elif income_said and not _ASSETS_NONE.search(text):
                return None  # "830k won a month, not from work": about her income, not a "no" to assets
            elif answer is False or income_said:
                assets = {}
            else:
                return None
        return {
            "assets": {
                "property_krw": assets.get("property_krw", 0),
                "financial_krw": assets.get("financial_krw", 0),
                "debt_krw": assets.get("debt_krw", 0),
            }
        }
    elif slot == "support_obligor":
        if any(
            refuses(sentence)
            and not find_money(sentence)
            and SLOT_KEYWORDS["support_obligor"].search(sentence)
            for sentence in re.split(r"[.!?。！？]\s*", text)
        ):
            return DECLINED  # "연금은 … 육십만원이요. 자식 얘기는 묻지 마세요": her money said, her children refused
        well_off = re.search(
            r"넉넉|잘\s*살|잘\s*벌|잘\s*버(?:는|니|네)|많이\s*벌|여유|부자|연봉이?\s?\S{0,4}억|억\s?(?:넘|이상)|의사|변호사|고소득|well off|rich|earns? a lot"
            r"|high (?:income|salary)|\bdoctor\b|\blawyer\b|(?<!不)宽裕|(?<!没)有钱|收入(?:都)?(?:挺|很)?高|(?<!不)过得(?:很|挺)?好"
            r"|好几亿|几个亿|上亿|(?:年收入|年薪|一年挣).{0,4}亿|(?:房子|房)好几套|好几套房|집(?:이|을)?\s?(?:몇|두|세)\s?채|빌딩"
            r"|khá giả|kha gia|kiếm được nhiều|kiem duoc nhieu"
            # what the office told her: "부양의무자 기준에 걸린다 카더라", "아들 때문에 걸려서 안 된대요"
            r"|(?:기준에|기준\s?때문에|때문에|땜시|땜에)\s?(?:딱\s?)?걸(?:린|려|렸)",
            text,
            re.IGNORECASE,
        )
        if well_off and _NOT_SO.match(text, well_off.end()):
            return {"support_obligor": "meets"}  # "부자 아입니더", "돈 잘버는 애들은 아니유", "not rich"
        if well_off:
            return {"support_obligor": "fails"}
        pay: dict[str, Any] = said.get("income") or {}
        monthly = int(pay.get("earned_krw") or 0) + int(pay.get("other_krw") or 0)
        if monthly:
            # "아들 … 월급 이백팔십 받고": the relative's pay said; above 1억 a year (the 2024 booklet's line) the
            # family-support criterion fails, below it is met
            return {"support_obligor": "fails" if monthly * 12 > OBLIGOR_YEARLY_INCOME else "meets"}
        if re.search(
            r"어려|어렵|힘들|형편이?\s*안|(?:부양의무자?|부양\s?의무|그건|그거는?)\s?(?:는|은)?\s?문제\s?(?:가\s?)?없|연락\s*안|연락이\s*끊|넉넉하지|넉넉지|빠듯|겨우|근근|가난|기초연금으로|수급자|"
            r"struggl|poor|can'?t help|can'?t (?:\w+ )?support|barely|normal (?:salar|income|job|wage)|average (?:salar|income)"
            r"|困难|不宽裕|没钱|不好|顾不过来|顾不上|自顾不暇|khó khăn|kho khan|nghèo|ngheo|chật vật"
            r"|평범|월급쟁이|회사원|직장인|공장|회사\s?(?:다니|댕기|댕김|나가)|(?:지|자기|제|저그)\s?식구|바쁘|바뻐|바빠|ordinary|office worker|his own family|her own family"
            r"|helps? (?:us )?(?:as (?:much as )?(?:she|he|they) can|a little|when (?:she|he|they) can)|rent (?:their|his|her) (?:flat|apartment|place)"
            r"|(?:have|has) (?:two|three|\d) kids|own (?:kids|children) to|tight|not much left"
            r"|普通|一般|上班族|在公司上班|打工|自己的家|bình thường|binh thuong|gia đình riêng|làm công nhân|đi làm thuê",
            text,
            re.IGNORECASE,
        ):
            return {"support_obligor": "meets"}
        if answer is False or OBLIGORS_GONE.search(text):
            return {"support_obligor": "none"}
    elif slot == "receiving":
        if said.get("receiving"):
            return {"receiving": said["receiving"]}
        if answer is False:  # asked for others besides those she named: "없어요" keeps those
            return {"receiving": list(facts.get("receiving") or [])}
    elif slot == "disability":
        # The first level she says is hers ("Yes, a mild one. … the pension for severe disabilities").
        own = PROGRAM_FOR_LEVEL.sub(lambda m: " " * len(m.group(0)), text)
        said_levels = [
            (m.start(), level)
            for level, pattern in (("severe", _SEVERE_ANSWER), ("mild", _MILD_ANSWER))
            if (m := pattern.search(own))
        ]
        if said_levels:
            return {"members": [{"relation": "self", "disability": min(said_levels)[1]}]}
        if answer is False:
            return {"members": [{"relation": "self", "disability": "none"}]}
    elif slot == "crisis":
        if said.get("crisis"):
            return {"crisis": said["crisis"]}
        if answer is False:
            return {"crisis": []}
    elif slot in ("single_parent", "employed"):
        if slot in said:
            return {slot: said[slot]}
        if slot == "single_parent" and SPOUSE_GONE.search(text):
            return {slot: True}  # "남편 재작년에 갔제": widowed, raising the children alone
        if answer is not None:
            if slot == "employed":
                return {"members": [{"relation": "self", "employed": answer}]}
            return {slot: answer}
    elif slot == "child_age":
        if _UNBORN.search(text) and not find_ages(text):
            return {"members": [{"relation": "self", "pregnant": True}]}
        return _child_ages(text, said, answer, facts)
    elif slot == "school":
        return _school(text, answer, facts)
    elif slot == "months_old":
        kids = [m for m in said.get("members") or [] if m.get("relation") == "child"]
        infant = next((m["months_old"] for m in kids if m.get("months_old") is not None), None)
        months = _months(text) if infant is None else infant  # "큰애 네살, 신생아": the newborn's 0
        if months is not None:
            return _set_youngest_child(facts, {"months_old": months})
        aged = _youngest_in_years(text, said, facts)
        if aged is not None:  # "10살이에요": the youngest is older than an infant; the age decides as well
            return aged
        if _UNBORN.search(text):
            return {"members": [{"relation": "self", "pregnant": True}]}
    elif slot == "birth_date":
        dates = find_past_dates(text, date.today())
        if dates:  # several: the latest is the youngest's
            return _set_youngest_child(facts, {"birth_date": max(d.value for d in dates).isoformat()})
        return _youngest_in_years(
            text, said, facts
        )  # "만으로 여덟살이에요": the age, not the date, settles it
    elif slot == "nationality":
        nationals = [m for m in said.get("members") or [] if m.get("nationality")]
        me = next((m for m in nationals if m.get("relation") == "self"), nationals[0] if nationals else None)
        if me is not None:
            return {"members": [{"relation": "self", "nationality": me["nationality"]}]}
        # A country said alone, or first: "Korean", "한국 사람이요", "越南", "Korean. I lived in Toronto for 30 years"
        first = re.split(r"[.。!！?？,，;；]", text.strip(), maxsplit=1)[0]
        if len(first.split()) <= 4:
            code = (
                "KR"
                if _KOREA.search(first)
                else next((c for c, p in FOREIGN_COUNTRY if p.search(first)), None)
            )
            if code is not None:
                return {"members": [{"relation": "self", "nationality": code}]}
        nothing = _NOTHING.search(text)  # "none" answers "what do you receive?" asked beside it, not this
        said_else = bool(find_money(text)) or bool(said.get("income") or said.get("assets"))
        if answer is not None and not (answer is False and (nothing or said_else)):
            # "Korean nationality?" — "yes" / "no"; not "bảy trăm nghìn chứ không phải bảy triệu", a correction
            return {"members": [{"relation": "self", "nationality": "KR" if answer else "XX"}]}
    elif slot == "housing":
        if said.get("housing"):
            return {"housing": said["housing"]}
        if re.search(r"자가|내\s*집|우리\s*집|own|自有|自己的房|nhà riêng|nha rieng", text, re.IGNORECASE):
            return {"housing": {"tenure": "owner"}}
        if re.search(r"전세|월세|세입|\brent|租|thuê|\bthue\b", text, re.IGNORECASE):
            return {"housing": {"tenure": "renter"}}
    elif slot == "region":
        region = said.get("region") or find_region(text, answer=True)
        if region:
            return {"region": region}
    elif slot == "months_resident":
        total = duration_months(text)
        moved = _MOVED.search(text)
        if total is None and moved:
            # "8월에 안산에서 이사왔어요": since the month of the move (this year's, unless a year is said)
            months = [m for m in find_past_months(text[: moved.start()], date.today()) if m.months_ago >= 0]
            if months:
                total = months[-1].months_ago
        lifelong = _lifelong_years(text, facts)
        if total is not None or lifelong is not None:
            # asked how long she has lived in Siheung, the place she names is where she lives: "we've never
            # lived in Siheung. Ansan for 4 years"
            place = find_region(_CAME_FROM.sub(" ", text), answer=True)  # not where she moved from
            stated = (
                None if moved else said.get("region")
            )  # "안산에서 이사왔어요": 안산 is where she came from
            region = dict(stated or place or facts.get("region") or {"sido": "경기도", "sigungu": "시흥시"})
            region["months_resident"] = total if total is not None else (lifelong or 0) * 12
            return {"region": region}
    elif slot == "gyeonggi_residence_years":
        if (history := residence(text)) is not None and not _LIFELONG.search(text):
            # "安山9年，首尔4年，始兴2年": the stays, in 경기도 in a row up to now and in all
            stay_years: dict[str, Any] = {"gyeonggi_residence_years": history.gyeonggi_years}
            if history.gyeonggi_total_years is not None:
                stay_years["gyeonggi_total_residence_years"] = history.gyeonggi_total_years
            return stay_years
        text = _WORD_YEARS.sub(
            _digits_for_words, text
        )  # "Five years straight (Ansan 2 + Siheung 3)": 5 years
        # Each duration ("1 year in a row, 13 in total", "2년 10개월"), not the year she moved ("2024년 2월에")
        durations = [round(int(y) + (int(m) / 12 if m else 0), 2) for y, m in YEARS_AND_MONTHS.findall(text)]
        if len(durations) == 1 and AND_A_HALF.search(text):
            durations = [durations[0] + 0.5]  # "1년 반"
        # "2 years now in Siheung. Suwon from birth till 13": a bare number beside the durations is years too
        loose: list[float] = [int(n) for n in _BARE_YEARS.findall(YEARS_AND_MONTHS.sub(" ", text))]
        numbers: list[float] = durations + loose if durations else loose
        if not numbers:  # "这次搬回来一年了，以前住过十年，加起来十一年": each duration in words, in order
            numbers = [
                float(v)
                for m in CJK_DURATION.finditer(text)
                if m.group(2) == "年"
                if (v := parse_numeral(m.group(1))) is not None
            ]
        if not numbers and (months := duration_months(text)) is not None:
            numbers = [round(months / 12, 2)]  # "about a year and a half", "hai năm"
        lifelong = _lifelong_years(text, facts)
        away = [int(y) for y in _AWAY_YEARS.findall(text)]
        if lifelong is not None and away and len(away) <= len(numbers):
            # "여기서 태어나서 쭉 살았어요 대학만 서울서 2년": her life less the years away, in total; how long since
            # she came back is said by a duration not away ("시흥 온지 2년, 그전엔 서울에서 3년 … 안산에서 태어나서")
            here = list(numbers)
            for years in away:
                here.remove(years)
            total = max(0, lifelong - sum(away))
            if not here:
                return {"gyeonggi_total_residence_years": total}
            return {
                "gyeonggi_residence_years": here[0],
                "gyeonggi_total_residence_years": max(total, here[0]),
            }
        if lifelong is not None and (not numbers or _IN_GYEONGGI_ALWAYS.search(text)):
            # "태어나서 쭉 경기도", "부천살다가 시흥온지 3년. 태어나서 경기도 벗어난적 없음": all her life in 경기도,
            # whatever city she moved between
            numbers = [lifelong]
        if numbers:
            patch: dict[str, Any] = {"gyeonggi_residence_years": numbers[0]}
            known_total = facts.get("gyeonggi_total_residence_years") or 0
            # "现在连续住了两年" after "加起来十一年": the years in a row, not a smaller total
            patch["gyeonggi_total_residence_years"] = (
                max(numbers) if len(numbers) > 1 else max(numbers[0], known_total)
            )
            return patch
    if refuses(text):
        return DECLINED
    return None


#: A denial right after a word of means: "부자 아입니더", "잘 버는 애들은 아니유", "넉넉하진 않아요".
_NOT_SO = re.compile(
    r"\S{0,6}\s?\S{0,4}\s?(?:아니|아닙|아입|아이다|아이라|않|안\s?(?:해|돼|되|넘)|못|없)", re.IGNORECASE
)

_BARE_AMOUNT = re.compile(
    r"(?<![\d.])(\d{2,5})\s?(?:정도|쯤|가량)?\s?(?:이에요|예요|이요|요|이고|입니다|이야|임|이다|받아요|벌어요|받아|받음|받으셔|받으세요|받으심|나와요|나와|나옴|벌어)?\s*[.!~]*\s*$"
)


#: A household member and the bare amount said after her ("나 삼백", "와이프 백오십", "남편은 250").
_PERSON_AMOUNT = re.compile(
    r"(?<![가-힣])(?:나|내|저|제|남편|신랑|와이프|아내|집사람|마누라|영감|아들|딸)(?:는|은|이|가)?\s"
    r"([\d,]+|[일이삼사오육칠팔구십백천]+)(?![\d,만원])"
)


_EARNINGS_SAID = re.compile(r"월급|벌어|벌고|번다|버는|일해서|맞벌이|알바")


def _amounts_by_person(text: str) -> int | None:
    """The sum of two or more members' bare amounts said as a list, in won ("나 삼백 와이프 백오십" = 4,500,000)."""
    values = [parse_numeral(m.group(1).replace(",", "")) for m in _PERSON_AMOUNT.finditer(text)]
    if len(values) < 2 or any(not v or v >= 10**4 for v in values):
        return None
    return int(sum(v for v in values if v) * 10**4)


def _bare_amount_in_words(text: str) -> int | None:
    """An amount said as a number in words with no unit, the whole answer about money, in 만원 ("사백오십이요" →
    4,500,000); not a small count ("셋이요")."""
    text = re.sub(r"^\s*(?:한|약|대략|대충|거의|얼추)\s?", "", text)  # "한 오천": about 5천
    value = bare_number(text)
    if value is None or re.search(r"\d", text) or not 10 <= value < 10_000:
        return None
    return value * 10_000


def _bare_amount(text: str) -> int | None:
    """An amount said as a bare number ending the answer about money, in 만원 ("170이에요" → 1,700,000)."""
    found = _BARE_AMOUNT.search(text)
    if found is None or len(re.findall(r"\d+", text)) != 1 or len(text.strip()) > 24 or "?" in text:
        return None  # only a short reply that is the amount: "I am 70" in a question is not money
    return int(found.group(1)) * 10_000


#: A move in: "이사왔어요", "이사 온", "moved here", "搬来", "chuyển đến".
_MOVED = re.compile(
    r"이사\s?(?:왔|와|온|옴|했|함)|(?:넘어|옮겨)\s?왔|moved (?:here|in|to)|搬(?:来|到|过来)|chuyển (?:đến|về)",
    re.I,
)
_CAME_FROM = re.compile(r"\S+에서(?=\s?(?:\S+\s)?(?:이사|넘어|옮겨))|\bfrom\s+\w+")
_LIFELONG = re.compile(
    rf"{BORN_THEN}|태어날\s?때부터|평생|토박이|all my life|since (?:i was )?born|born (?:and raised )?here|从出生|从小|一直住"
    r"|từ (?:nhỏ|bé|khi sinh ra)|cả đời",
    re.I,
)
_IN_GYEONGGI_ALWAYS = re.compile(
    r"경기\s?도?\s?(?:를|을|에서)?\s?(?:벗어난|떠난|나간)\s?적\s?(?:이\s?)?없|쭉\s?경기|경기도?\s?(?:에서\s?)?쭉"
    # "태어날 때부터 경기도 살았어", "경기도 토박이": all her life in 경기도, whatever city she moved between
    rf"|(?:태어날\s?때부터|{BORN_THEN}|어릴\s?때부터|평생)\s?(?:쭉\s?|계속\s?)?경기|경기\s?도?\s?(?:에서\s?)?(?:태어나|나고\s?자라|토박이)"
    r"|never left gyeonggi|always (?:lived )?in gyeonggi|一直在京畿|chưa (?:từng )?rời gyeonggi",
    re.I,
)
#: Years said of a place outside 경기도 ("대학만 서울서 2년", "부산에서 3년 살다가"): time away.
_AWAY_YEARS = re.compile(
    r"(?:서울|부산|대구|광주|대전|울산|세종|강원|충청|충북|충남|전라|전북|전남|경상|경북|경남|제주|지방|외국|해외|군대)"
    r"\s?(?:에서|서|에|에서만|서만)?\s?(?:\S+\s)?(\d{1,2})\s?년"
)
LIFELONG_FLOOR_YEARS = 15
"""Years assumed for "태어나서 쭉" when her age is not known: a floor (she is a parent or an adult asking), and
above every residence period the rules ask for (180 days, 3 years)."""


def _lifelong_years(text: str, facts: dict[str, Any]) -> int | None:
    """Her age in years when she says she has lived there all her life, else None."""
    if not _LIFELONG.search(text):
        return None
    me: dict[str, Any] = next((m for m in facts.get("members") or [] if m.get("relation") == "self"), {})
    return int(me.get("age") or LIFELONG_FLOOR_YEARS)


def _months(text: str) -> int | None:
    """A number of months, in digits ("27개월") or words ("hai mươi bảy tháng", "twenty-seven months")."""
    worded = next((a.value for a in find_ages(text) if a.unit == "months"), None)
    if worded is not None:
        return worded
    digits = MONTHS.search(text)
    return int(digits.group(1)) if digits else None


#: Children's ages as bare numbers, two or more, each under 30 ("14 11 8 3", "7, 4 and 2").
_AGE_LIST = re.compile(
    r"(?<![\d.,])(?:[12]?\d)(?:\s*(?:,|、|，|and|và|和|이랑|랑)?\s+(?:[12]?\d))+(?![\d.,만천백])"
)


def _child_ages(
    text: str, said: dict[str, Any], answer: bool | None, facts: dict[str, Any]
) -> dict[str, Any] | None:
    # Children named without an age ("애 둘") do not answer how old they are; the household takes them.
    stated = [
        m
        for m in said.get("members") or []
        if m.get("relation") == "child" and (m.get("age") is not None or m.get("months_old") is not None)
    ]
    members = [dict(m) for m in facts.get("members", [{"relation": "self"}])]
    children = [m for m in members if m.get("relation") in ("child", "grandchild")]
    # Members counted earlier without a relation ("네 식구") are the children she now describes.
    children += [m for m in members if m.get("relation") is None]
    if stated:
        # The baby is the birth announced before; the others go, in order, to the children left.
        stated = infant_takes_order(stated, children)
        claimed = {id(c): same_birth_order(c, children) for c in stated}
        free = [c for c in children if all(c is not k for k in claimed.values())]
        for child in stated:
            values = {k: v for k, v in child.items() if k != "relation" and v is not None}
            target = claimed[id(child)] or (free.pop(0) if free else None)
            if target is not None:
                _set_age(target, values)
                target.setdefault("relation", "child")
            else:
                members.append({"relation": "child", **values})
        return {"members_replace": members}
    ages = find_ages(text) or _named_child_ages(text)
    if not ages and (listed := _AGE_LIST.search(text)):  # "만으로 14 11 8 3이요", "14, 11 and 8"
        ages = [
            Age(int(n), "years", listed.start(), listed.end()) for n in re.findall(r"\d+", listed.group(0))
        ]
    if not ages:  # "열넷, 열하나", "열넷이랑 열하나": ages in native words, listed bare
        ages = _listed_native_ages(text)
    if not ages:  # "열아홉이요", "seven": one age said bare, as to the question about her child
        bare = bare_number(text)
        bare = parse_words(text.strip(" .!,~")) if bare is None else bare
        if bare is not None and 0 <= bare < 30:
            ages = [Age(int(bare), "years", 0, len(text))]
    if ages:
        for index, age in enumerate(ages):
            values = {"months_old": age.value} if age.unit == "months" else {"age": age.value}
            if index < len(children):
                _set_age(children[index], values)
                children[index].setdefault("relation", "child")
            else:
                members.append({"relation": "child", **values})
        return {"members_replace": members}
    if answer is False and not children:
        return {"members_replace": members}
    return None


_LIST_SEPARATOR = re.compile(r"\s*(?:,|，|、|이랑|랑|하고|그리고|\s)\s*")


def _listed_native_ages(text: str) -> list[Age]:
    """Two or more ages in native Korean words and nothing else ("열넷, 열하나", "열넷이랑 열하나요")."""
    parts = [p for p in _LIST_SEPARATOR.split(text.strip(" .!~요")) if p]
    values = [native_korean_number(re.sub(r"(?:이요|요|이고|고|살)$", "", p)) for p in parts]
    if len(values) < 2 or any(v is None or not 0 < v < 30 for v in values):
        return []
    return [Age(int(v), "years", 0, len(text)) for v in values if v is not None]


#: A child named by place in the family, then an age in native words with no 살 ("큰애 스물하나 작은애 열일곱").
_NAMED_CHILD_AGE = re.compile(
    r"(?:큰애|작은애|큰아이|작은아이|첫째|둘째|셋째|넷째|막내|큰아들|작은아들|큰딸|작은딸|큰놈|작은놈)(?:는|은|가|이)?\s?"
    r"([가-힣]{1,5}?)(?:이요|요|이고|고|이에요|예요|이|,|\s|$)"
)


def _named_child_ages(text: str) -> list[Age]:
    """Ages said in native words after each child's name in the family ("큰애 스물하나 작은애 열일곱")."""
    found = []
    for m in _NAMED_CHILD_AGE.finditer(text):
        value = native_korean_number(m.group(1))
        if value is not None and 0 < value <= 30:
            found.append(Age(value, "years", m.start(1), m.end(1)))
    return found


def _set_age(child: dict[str, Any], values: dict[str, Any]) -> None:
    """Give `child` the stated age; an age in other units it had before is replaced, not kept beside it."""
    if {"age", "months_old", "birth_date"} & values.keys():
        for key in ("age", "months_old", "birth_date"):
            child.pop(key, None)
    child.update(values)


def _school(text: str, answer: bool | None, facts: dict[str, Any]) -> dict[str, Any] | None:
    found = sorted(
        (m.start(), m.end(), level) for level, pattern in _SCHOOL.items() for m in pattern.finditer(text)
    )
    levels: list[str] = []  # "초등학생, 초등학생, 중학생": one per child, in order
    last_end = -10
    for start, end, level in found:
        if not (levels and levels[-1] == level and start - last_end <= 2):  # "university freshman": one child
            levels.append(level)
        last_end = end
    members = [dict(m) for m in facts.get("members", [{"relation": "self"}])]
    children = [
        m for m in members if m.get("relation") in ("child", "grandchild", None) and m is not members[0]
    ]
    if len(levels) == 1 and _ALL_OF_THEM.search(text):
        levels = levels * max(1, sum(1 for c in children if c.get("school") is None))  # "both in elementary"
    elif children and len(levels) > len(children) and len(set(levels)) == 1:
        levels = levels[: len(children)]  # "都上小学，大的六年级，小的三年级": two children, said three ways
    if levels:
        for level in levels:
            target = next((c for c in children if c.get("school") is None), None)
            if target is None:
                target = {"relation": "child"}
                members.append(target)
                children.append(target)
            target["school"] = level
        return {"members_replace": members}
    if (
        answer is False
    ):  # "학교 다니는 애는 없어": nobody in the household is at school, she and her spouse neither
        for member in members:
            member.setdefault("school", "none")
        return {"members_replace": members}
    return None


def _youngest_in_years(text: str, said: dict[str, Any], facts: dict[str, Any]) -> dict[str, Any] | None:
    """An age in years said in answer to a question about the youngest child's months or birth date."""
    members = said.get("members") or []
    years = [m["age"] for m in members if m.get("relation") == "child" and m.get("age") is not None]
    adults = [m for m in members if m.get("relation") not in (None, "self", "child")]
    if not years and not any(m.get("age") is not None for m in adults):  # "남편(34)" is not the child's
        years = [a.value for a in find_ages(text) if a.unit == "years"]
    return _set_youngest_child(facts, {"age": min(years)}) if years else None


def _set_youngest_child(facts: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    members = [dict(m) for m in facts.get("members", [{"relation": "self"}])]
    children = [m for m in members[1:] if m.get("relation") in ("child", "grandchild", None)]
    if children:
        target = min(children, key=lambda c: c.get("age", 99))
        for key in ("age", "months_old", "birth_date"):
            target.pop(key, None)  # one statement of the age replaces the others, which may disagree
        target.update(values)
    else:
        members.append({"relation": "child", **values})
    return {"members_replace": members}


# Every pattern of this module also matches Vietnamese typed without marks ("tuoi", "khong co", "nguoi").
accept_unmarked(globals())
