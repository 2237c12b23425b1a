"""Facts stated in a message, as a partial household dict in the contract's field names.

Only what the citizen said is returned; nothing is guessed. `members` always starts with the applicant
(`relation: self`) when any member fact was found.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from graphs.nlu.dates import find_past_dates, find_past_months
from graphs.nlu.numbers import (
    COUPLE_AGES,
    Age,
    Money,
    find_ages,
    find_money,
    native_korean_number,
    parse_numeral,
    word_number,
)
from graphs.nlu.places import find_places, find_region
from graphs.nlu.programs import detect_programs, find_mentions
from graphs.nlu.residence import moved_in, residence
from tools.vietnamese import accept_unmarked, fold_latin

_REL_WORDS: dict[str, str] = {
    "parent": r"엄마|어머니|어머님|어무이|엄니|어무니|어매|아부지|아버지|아빠|아버님|부모님|엄빠|친정엄마|시어머니|시아버지|장모|장인(?!어른)|시부모|mother|(?<!single )(?<!i'm a )(?<!i am a )\bmom\b|(?<!single )\bmum\b|father|(?<!single )(?<!i'm a )(?<!i am a )\bdad\b|\bparents\b|(?<!单亲)(?<!我是)妈妈|母亲|(?<!单亲)(?<!我是)爸爸|父亲|我爸|我妈|老爸|老妈|爸妈|父母|婆婆|公公|岳父|岳母|\b(?:bố|mẹ|ba|má) (?:chồng|vợ)\b|\bm\u1eb9\b|\bb\u1ed1\b|\bcha\b|\b(?:me|bo) (?:toi|em|chong|vo)\b",
    "spouse": r"남편|아내|와이프|(?<!할)부인|배우자|신랑|집사람|안사람|마누라|바깥양반|영감(?!님)|할멈|할매(?=\s?(?:하고|랑|캉|이랑|와)\s?(?:내|나|저)?(?:하고|랑|캉)?\s?(?:단\s?)?둘)|husband|\bwife\b|丈夫|老公|妻子|老婆|老伴|(?<!bố )(?<!mẹ )(?<!ba )(?<!má )(?<!bo )(?<!me )\bchồng\b|(?<!bố )(?<!mẹ )(?<!ba )(?<!má )\bvợ\b",
    "child": r"(?<![장연사])애(?:기|들)?(?!인)|(?<!다\s)(?<!다)아이(?!폰|디|패드|고)|아기|아들|(?<!가)딸(?!기)|자녀|자식|\bsons?\b|daughters?|\bchild(?:ren)?\b|\bkids?\b|\bbaby\b|(?<=our )(?:lad|lass|boy|girl|little one)\b|(?<=my )(?:lad|lass|little one)\b|孩子|儿子|女儿|宝宝|小孩|\bcon\b(?!\s(?:chế độ|che do|cái|cai|thì|thi|về|ve|tiền|tien|trợ cấp|tro cap|hỗ trợ|ho tro|nữa|nua|gì|gi|được|duoc)\b)|\bb\u00e9\b|쌍둥이|\btwins\b|双胞胎|첫째|둘째|셋째|막내|큰\s?(?:애|아이|딸|아들)|작은\s?(?:애|아이|딸|아들)|\b(?:the )?(?:eldest|oldest|youngest|older one|younger one)\b|老大|老二|老三|大的|小的|đứa (?:lớn|nhỏ|út|đầu|thứ \w+)",
    "grandchild": r"손주|손자|손녀|grandchild|grandson|granddaughter|孙子|孙女|\bcháu\b",
}
_REL = {rel: re.compile(pattern, re.I) for rel, pattern in _REL_WORDS.items()}
_APART_WORDS = (
    r"(?:따로|별거|떨어져|독립했|분가|보내\s?(?:줘|준|주)|부쳐\s?(?:줘|준|주)|separately|\bapart\b|elsewhere|\bsends?\b|不住一起|不在一起住|分开住"
    r"|寄钱|ở riêng|sống riêng|gửi (?:thêm|tiền|cho)"
    r"|(?:his|her|their) own (?:family|place|house|home|household)|자기\s?가정|지\s?가정|자기\s?식구|有自己的家|成家了"
    r"|养(?:一|他的|她的|自己的)?家)"
)
_ANY_REL = re.compile("|".join(f"(?:{pattern})" for pattern in _REL_WORDS.values()), re.I)
_APART = re.compile(_APART_WORDS, re.I)
_CLAUSE = re.compile(r"[^,.;，。；]+")
_SENTENCE_END = re.compile(r"[.!?。！？]")
_JOINED = re.compile(r"\s*(?:이랑|랑|하고|과|와|and|和|và|,)?\s*$", re.I)


def without_apart(lower: str) -> str:
    """`lower` without the relations said to live elsewhere: from the relation words just before the word
    for apart ("엄마는 따로 살아요", "아들이랑 딸은 분가했어요", "my mom lives separately") to the end of the
    clause; with no relation word just before it, the whole clause ("I send money to my mother")."""
    out = lower
    for clause in _CLAUSE.finditer(lower):
        apart = _APART.search(clause.group())
        if not apart:
            continue
        before = list(_ANY_REL.finditer(clause.group(), 0, apart.start()))
        start = clause.start()
        if before and apart.start() - before[-1].end() <= 12:
            start += before[-1].start()
            for prev in reversed(before[:-1]):  # "아들이랑 딸은": the relations joined to it go too
                if prev.end() + 6 < before[-1].start() or not _JOINED.match(
                    clause.group()[prev.end() : before[-1].start()]
                ):
                    break
                start = clause.start() + prev.start()
        elif not _ANY_REL.search(clause.group()):
            # "儿子一个月挣四百万，他自己也要养一家人，不住一起": said after, of the relation named last in its sentence
            since = max((m.end() for m in _SENTENCE_END.finditer(lower, 0, clause.start())), default=0)
            prior = list(_ANY_REL.finditer(lower, since, clause.start()))
            if prior:
                start = prior[-1].start()
        span = (start, clause.end())
        out = out[: span[0]] + " " * (span[1] - span[0]) + out[span[1] :]
    return out


RELATION_WORDS = _REL
"""Relation words per relation (parent, spouse, child, grandchild), in the four languages."""

_CHILD_COUNT = [
    re.compile(
        r"(?:애|아이|아기|자녀|자식|애기|아들|딸|손주|손자)(?:가|를|들|들이|는)?\s?(하나|둘|셋|넷|다섯|한\s?명|두\s?명|세\s?명|네\s?명|\d\s?명)(?!\s?(?:살|세|개월|달))"
    ),
    re.compile(
        r"\b(one|two|three|four|five|\d)\s+(?:young\s+|little\s+|small\s+)?(?:kids|children|sons|daughters|child|kid|babies)\b",
        re.I,
    ),
    re.compile(r"([一两二三四五\d])\s?个\s?(?:孩子|小孩|儿子|女儿)"),
    re.compile(r"\b(một|hai|ba|bốn|năm|\d)\s+(?:đứa\s+)?(?:con|cháu)\b"),
]
#: "애들 둘", "아이들 둘": children in the plural, so two children besides her ("아들 둘이" may be the two of them).
_PLURAL_CHILDREN = re.compile(r"(?:애|아이|아기|애기|자녀|자식|손주)들")
#: Members listed with "랑/하고" before a count: "와이프랑 다섯살 딸 셋이요".
_COMPANIONS = re.compile(r"[가-힣](?:랑|이랑|하고|와|과)\s")
#: "…둘이요", "…셋이 살아요": a count of everyone, not "딸 둘이랑" (with two daughters).
_ALL_OF_US = re.compile(r"이(?:요|에요|예요|서|유|다|\s?살|\s?지내)")
_ME_AND = re.compile(r"(?:저|나|제|본인)(?:\s?[(（]\d{1,2}[)）])?(?:랑|이랑|하고|와|과)\s?$")
#: The writer named bare in a list of people: "남편 저 아기 셋" (the three of them).
_RAISES_AFTER = re.compile(r"\s?(?:을|를)?\s?(?:키우|키워|있|둔|두고|낳)")
_ME_LISTED = re.compile(r"(?:^|[\s,])(?:저|나|본인)(?=[\s,])")
_SIZE = [
    re.compile(r"(\d|[일이삼사오육칠팔구]|한|두|세|네|다섯)\s?인\s?(?:가구|가족|세대|가정)"),
    re.compile(
        r"(?:식구가?|가족이?)\s?(\d+|하나|둘|셋|넷|다섯|여섯|일곱|여덟|아홉|열)\s?(?:명|이에요|입니다|이예)?"
    ),
    re.compile(r"(\d)\s?식구"),
    re.compile(
        r"family of (\d|two|three|four|five|six)|household of (\d|two|three|four|five|six)|(\d|two|three|four|five|six)[- ]person household",
        re.I,
    ),
    re.compile(r"(\d|[一两二三四五六])\s?口人"),
    re.compile(r"gia đình\s+(?:tôi\s+)?(?:có\s+)?(\d|hai|ba|bốn|năm|sáu)\s+người"),
]
_SIZE += [
    re.compile(
        r"(?<![가-힣])(둘|셋|넷|다섯|여섯|일곱|여덟)이(?:서|요|에요|예요|유|라예|\s?살|\s?사(?:는|니|네|세|시)|\s?지내|\s?있|\s?같이|\s?함께|다)"
    ),
    re.compile(r"(?<![가-힣])(두|세|네|다섯|여섯|일곱)\s?식구"),
    re.compile(r"(?<![가-힣])(서이|너이)(?:다|요|유|서|예|라|\s?살)"),  # 경상도 "남편 내 딸 아들 너이다"
    re.compile(
        r"\b(two|three|four|five|six|seven|\d) of us\b|\bwe are (two|three|four|five|six|seven|\d)\b", re.I
    ),
    # "2 people - me, my father", "3 people in the house"; not "two people I know" or "2 people work".
    re.compile(
        r"(?<![\w,.])(two|three|four|five|six|seven|\d) (?:people|persons)\b(?!\s+(?:i\b|we\b|who\b|work|earn))",
        re.I,
    ),
    re.compile(r"一家([一两二三四五六七])口"),
    re.compile(
        r"(?:nhà|gia đình)\s+(?:tôi\s+|em\s+)?(?:có\s+)?(\d|hai|ba|bốn|năm|sáu|bảy)\s+người|(?:chúng tôi|tụi tôi)\s+(\d|hai|ba|bốn|năm|sáu|bảy)\s+người"
    ),
    # "2 người, tôi với mẹ tôi", "Dạ, 3 người": a count of people said as the household, not "2 người con"
    re.compile(
        r"(?:^|[,.:;]\s*|dạ,?\s+|vâng,?\s+)(\d|hai|ba|bốn|năm|sáu|bảy)\s+người(?=\s*(?:[,.:;]|$|ạ|thôi|(?:gồm|là)\b))",
        re.I,
    ),
]
#: A parent and her children counted together ("Nhà 2 mẹ con", "hai bố con", "母子俩", "母女三人", "모녀 둘이"):
#: she and the rest her children, not her mother.
_PARENT_AND_CHILDREN = re.compile(
    r"(?<![\w])(?P<vi>\d|hai|ba|bốn|năm|sáu)\s+(?:mẹ|má|bố|cha)\s+con\b"
    r"|(?:母子|母女|父子|父女)(?P<zh>俩|两个人?|三个人?|三人|三口|四个人?|四人|四口)"
    r"|(?:모자|모녀|부자|부녀)\s?(?P<ko>둘|셋|넷)이",
    re.I,
)
_ZH_PAIR_COUNTS = {"俩": 2, "两": 2, "三": 3, "四": 4}


def _parent_and_children(match: re.Match[str]) -> int | None:
    """How many a "mẹ con" count names, she included."""
    if match.group("zh"):
        return _ZH_PAIR_COUNTS[match.group("zh")[0]]
    return (
        word_number(_DIALECT_COUNTS.get(raw, raw))
        if (raw := match.group("vi") or match.group("ko"))
        else None
    )


#: Relations said to live apart: "아들은 따로 살아요", "my son lives separately", "儿子不住一起", "con ở riêng".
_ONE_CHILD = re.compile(
    r"(?<![가-힣])애(?=\s?(?:데리고|랑|하고|를|키우|혼자))|(?<![장연사])애기|아기|(?<![가-힣])(?<!다\s)아이(?!폰|디|패드|들|고|가\s*(?:[.?!~]|$))|(?<!가)(?<![가-힣])딸(?!기|들|네)|(?<![가-힣])아들(?!들|네)|갓난|(?<!산모·)(?<!산모)(?<!산모\s)신생아(?!\s?(?:건강관리|청각|집중))|\bbaby\b|\b(?:our|my) (?:son|daughter|child|kid)\b|\ba (?:son|daughter|child|kid)\b|宝宝|婴儿|孩子(?!们)|儿子|女儿|\bcon (?:tôi|trai|gái|nhỏ|của tôi)\b|\bvà con\b|\bb\u00e9\b|em bé",
    re.I,
)
_ONE_GRANDCHILD = re.compile(r"손주|손자|손녀|grandchild|grandson|granddaughter|孙子|孙女|\bcháu\b", re.I)
_WITH_PARENT = re.compile(
    r"(?:엄마|어머니|어머님|엄니|어무니|어매|아버지|아빠|아부지|부모님|엄빠|시어머니|시아버지|친정엄마|시부모님?)(?:를|랑|이랑|와|과|하고)?\s?(?:\S{1,6}\s)?(?:\S{1,4}\s)?(?:모시|같이\s?(?:살|삼|사는)|함께\s?살|둘이|살아|살고|지내)"
    r"|live with my (?:mother|mom|father|dad|parents)|和(?:妈妈|爸爸|父母)(?:一起)?住|sống với (?:bố mẹ|ba mẹ|cha mẹ|mẹ|bố)"
    # "Me, my parents", "me and my mom", "my parents and me": the household listed
    r"|\bme(?:,| and| &)\s+my (?:mother|mom|mum|father|dad|parents)\b"
    r"|\bmy (?:parents|mom and dad|mother and father|mum and dad) and (?:me|i)\b",
    re.I,
)
_BOTH_PARENTS = re.compile(
    r"부모님|엄빠|시부모|(?:엄마|어머니)\s?(?:랑|하고|와)?\s?(?:아빠|아버지)|(?:아빠|아버지)\s?(?:랑|하고|와)?\s?(?:엄마|어머니)"
    r"|\bparents\b|\b(?:mom|mum|mother) and (?:dad|father)\b|\b(?:dad|father) and (?:mom|mum|mother)\b|父母|爸妈|cha mẹ|bố mẹ|ba mẹ",
    re.I,
)
#: Countries residents come from, by ISO code, in the four languages.
FOREIGN_COUNTRY: list[tuple[str, re.Pattern[str]]] = [
    ("VN", re.compile(r"베트남|vietnam|việt nam|viet nam|越南|người việt|nguoi viet|\bvn\b", re.I)),
    ("CN", re.compile(r"중국|조선족|chinese|china|中国|trung quốc|trung quoc", re.I)),
    ("PH", re.compile(r"필리핀|philippin|filipin|菲律宾", re.I)),
    ("KH", re.compile(r"캄보디아|cambodia|柬埔寨", re.I)),
    ("TH", re.compile(r"태국|thai|泰国", re.I)),
    ("UZ", re.compile(r"우즈벡|uzbek", re.I)),
    ("MN", re.compile(r"몽골|mongol|蒙古", re.I)),
    ("NP", re.compile(r"네팔|nepal|尼泊尔", re.I)),
    ("ID", re.compile(r"인도네시아|indonesia|印尼", re.I)),
    ("US", re.compile(r"미국|american|美国", re.I)),
    ("JP", re.compile(r"일본|japan|日本", re.I)),
    ("RU", re.compile(r"러시아|russia|俄罗斯", re.I)),
]
#: A person of another nationality: a visa, "외국인", "베트남 사람", "I'm Vietnamese", "我是中国人", "người Việt".
_FOREIGNER = re.compile(
    r"\b(?:visa\s?)?[efhd]-?\d{1,2}(?:-\d)?\b|비자|외국인|외국\s?국적|(?:베트남|중국|필리핀|캄보디아|태국|우즈벡|몽골|네팔|인도네시아|미국|일본|러시아)\s?(?:사람|출신|국적|여자|남자|인\b)"
    r"|(?:中国|越南|菲律宾|柬埔寨|泰国|蒙古|美国|日本|俄罗斯)(?:国籍|籍|人)|\bvisa\b|foreigner|foreign national|\b(?:vietnamese|chinese|filipino|american|cambodian|thai|mongolian|nepali|uzbek) (?:citizen|national|nationality)|\bi(?:'m| am) (?:vietnamese|chinese|filipino|cambodian|thai|from)|(?:我|他|她)是.{0,3}人|外国人|签证"
    r"|người (?:việt|nước ngoài|trung)|nguoi (?:viet|nuoc ngoai)|quốc tịch (?!hàn)|quoc tich (?!han)|\bvn\b"
    r"|\b(?:tôi|toi|em|mình|minh)\s(?:là\s|la\s)?(?:việt nam|viet nam|trung quốc|trung quoc|philippines|campuchia|thái lan)\b",
    re.I,
)
_KOREAN_NATIONAL = re.compile(
    r"한국\s?국적|귀화|국적\s?(?:을\s?)?(?:땄|취득|받았)|(?<![가-힣])한국\s?사람|내국인|korean (?:citizen|national|nationality)"
    r"|\b(?:i'm|i am|is|are|both) (?:a |also )?korean\b(?!\s?(?:visa|resident|language))|naturali[sz]ed|韩国国籍|韩国人|入籍|入了韩国籍|韩国籍"
    r"|quốc tịch hàn|quoc tich han|người hàn|nguoi han|(?:(?<=chồng )|(?<=vợ )|(?<=chong )|(?<=vo ))(?:là |la )?hàn\b|\bkr\b|(?:người|quốc tịch) hq\b|(?<!chưa )(?:đã )?nhập (?:quốc )?tịch|nhap (?:quoc )?tich",
    re.I,
)


#: Not (yet) a Korean national: "not naturalized", "아직 귀화 안 했어요", "还没入籍", "chưa nhập quốc tịch".
_NOT_NATURALISED = re.compile(
    r"not (?:yet )?naturali[sz]ed|(?:귀화|국적\s?취득)(?:은|는|을|를)?\s?(?:안|못)|(?:아직|안)\s?(?:귀화|국적)"
    r"|(?:还)?没(?:有)?入籍|未入籍|chưa nhập quốc tịch|chưa có quốc tịch",
    re.I,
)


_BOTH = re.compile(r"都是|都入|都\s?(?=\d|[二三四五六七八九]十)|\bboth\b|둘\s?다|모두|cả hai", re.I)


#: A clause about herself: "em 55 tuổi F-5", "저는 베트남 사람".
_STARTS_WITH_SELF = re.compile(r"\s*(?:tôi|em|mình|저는?|제가|나는?|내가|전|난|我|i\b|i'm)", re.I)


def _clause_subject(clause: str, at: int) -> str | None:
    """The relation a sentence begins with, when she does not name herself before `at` ("chồng em 70 tuổi người
    Hàn": his nationality, not hers; "Mẹ em 66 tuổi, người Việt": her mother's)."""
    found = _last_relation_word(clause, at)
    if found is None or clause[: found[0].start()].strip():
        return None
    between = _POSSESSIVE_SELF.sub(lambda m: " " * len(m.group(0)), clause[:at])
    return None if _SELF_WORD.search(between, found[0].end()) else found[1]


#: "mẹ tôi", "gia đình tôi": tôi after a noun is "my", not the writer speaking of herself.
_POSSESSIVE_SELF = re.compile(
    r"(?:(?<=mẹ)|(?<=bố)|(?<=ba)|(?<=má)|(?<=con)|(?<=vợ)|(?<=nhà)|(?<=ông)|(?<=bà)|(?<=anh)|(?<=chị)|(?<=của)"
    r"|(?<=cháu)|(?<=đình)|(?<=chồng))\s(?:tôi|mình)\b",
    re.I,
)


def _nationalities(lower: str, members: list[dict[str, Any]]) -> list[tuple[dict[str, Any], str]]:
    """Nationality statements, each on the member it is about (the nearest relation word in its clause, else
    the applicant): "em quốc tịch Việt Nam, chồng con người Hàn" says hers and theirs."""
    found: list[tuple[dict[str, Any], str]] = []
    korean = None if _NOT_NATURALISED.search(lower) else _KOREAN_NATIONAL
    statements: list[tuple[re.Match[str], str | None]] = (
        [(m, "KR") for m in korean.finditer(lower)] if korean else []
    )
    statements += [
        (m, None)
        for m in _FOREIGNER.finditer(lower)
        if not any(k.start() < m.end() and m.start() < k.end() for k, _ in statements)
    ]
    for m, stated in statements:  # Korean first: "người Việt nhưng đã nhập quốc tịch Hàn" is naturalised
        start = max(lower.rfind(c, 0, m.start()) for c in ",.;，。、") + 1
        ends = [i for c in ",.;，。、" if (i := lower.find(c, m.end())) >= 0]
        clause = lower[start : min(ends) if ends else len(lower)]  # whose nationality: within its clause
        code = stated or next((c for c, p in FOREIGN_COUNTRY if p.search(clause)), None)
        code = code or next((c for c, p in FOREIGN_COUNTRY if p.search(lower)), "XX")
        sentence = max(lower.rfind(c, 0, m.start()) for c in ".?!。？！\n") + 1
        rel = _nearest_relation(clause, m.start() - start, m.end() - start, window=14)
        lead = clause[max(0, m.start() - start - 20) : m.start() - start]
        if rel is None and not _SELF_WORD.search(
            lead
        ):  # "con gái 7 tuổi quốc tịch Hàn": hers, said after her age
            rel = _nearest_relation(clause, m.start() - start, m.end() - start, window=20)
        if rel is None and not _STARTS_WITH_SELF.match(clause):
            rel = _clause_subject(lower[sentence : m.start()], m.start() - sentence)
        # about a relative: only when that relative is a member here
        target = members[0] if rel is None else next((x for x in members if x.get("relation") == rel), None)
        named = [r for r, p in _REL.items() if p.search(clause, 0, m.start() - start)]
        if _BOTH.search(clause):  # "我和老伴都是入了韩国籍的", "we are both Korean": everyone named
            targets = members
        elif len(named) > 1 and _JOINED.search(clause):  # "chồng và con quốc tịch Hàn": each of them
            targets = [x for x in members if x.get("relation") in named]
        else:
            targets = [target] if target is not None else []
        found += [(t, code) for t in targets if all(f is not t for f, _ in found)]
    return found


#: All the children named, said before a school level ("둘 다 중학생", "both in middle school", "都上小学").
_ALL_OF_THEM = re.compile(
    r"(?:둘|셋|넷)\s?(?:이\s?)?(?:다|모두)|모두|전부|\bboth\b|\ball\b|都|cả (?:hai|ba)|đều|ca hai|deu"
)
#: Living alone said of oneself in so many words ("나 혼자 살아", "저 혼자 지내요", "I live alone", "我一个人住").
_SELF_ALONE = re.compile(
    r"(?:나|저|내|난|전|내가|제가)\s?(?:는\s?)?혼자\s?(?:살|사는|산다|삽|지내)|\bi (?:live|am living) alone\b"
    r"|我(?:一个人|自己)住|tôi sống một mình",
    re.I,
)
#: Living alone said without a subject ("지는 일흔셋이구 혼자 살어유"): hers, unless said of an elder ("혼자 사세요").
_LIVES_ALONE = re.compile(r"(?<![가-힣])혼자\s?(?:살(?!\s?(?:수|게|려|면))|사는|산다|삽|지내)(?!시|세|셔)")
ALONE = re.compile(
    r"혼자(?!\s?(?:서\s?)?(?:애|아이|아들|딸|자식|애들|아이들|둘|셋|다)?(?:를|을|들을?)?\s?(?:키우|키운|키울|키웁|키워|길러|기르|기른|기릅))"
    r"(?!\s?(?:서\s?)?(?:거동|못\s?(?:걸|움직|일어|씻|드|먹)|걷지|움직이지|일어나지|씻지|화장실|밥\s?(?:을\s?)?못))"
    r"(?!\s?(?:서\s?)?(?:벌|일해|일하|돈\s?벌|외벌이|맞벌))"  # "저 혼자 벌어요": the only earner, not living alone
    r"|(?<!con )(?<!cháu )(?<!các con )một mình(?! nuôi)|독거|홀로|자취(?:생|하|중|해|방)"
    r"|저\s?하나|나\s?하나|저만(?!\s?(?:벌|일해|일하))|1인|(?<![가-힣])한\s?명"
    r"|\bjust me\b|\bonly me\b|\bme alone\b|\bjust myself\b|\bone person\b|\bby myself\b|\b(?:live|living|lives) alone\b"
    r"|就我(?:自己|一个人?)|就我(?=[\s，,。.!！]|$)|只有我|我一个人|一个人住|独居|一个人生活|一口人"
    r"|chỉ (?:có )?mình tôi|mình tôi thôi|một người|sống một mình",
    re.I,
)
"""Living alone, in the four languages ("혼자 살아요", "just me", "就我自己", "chỉ có mình tôi"); not raising a child
alone ("혼자 키워요")."""
_WITH_SPOUSE = re.compile(
    r"(?:남편|아내|와이프|부인|신랑|배우자)(?:이랑|랑|과|와|하고)\s?(?:단\s?)?둘이|with my (?:wife|husband)|和(?:老公|老婆|丈夫|妻子)两个人|老两口|两口子|hai vợ chồng"
)
#: Two earners, husband and wife ("맞벌이 4인가족", "双职工", "both of us work"): a spouse lives with her.
_DUAL_EARNERS = re.compile(
    r"맞벌이|双职工|\bboth (?:of us|my (?:husband|wife) and i) work\b|hai vợ chồng (?:đều )?đi làm"
)
#: A spouse who died, left or divorced ("남편 재작년에 갔제", "passed away"): not a member, and she is alone.
SPOUSE_GONE = re.compile(
    r"(?:남편|아내|와이프)(?:은|는|도)?\s?없|돌아가|사망|죽었|이혼|집\s?나|연락\s?(?:이\s?)?끊|먼저\s?(?:보내|가|갔)|세상\s?(?:을\s?)?떠|(?:작년|재작년|몇\s?년\s?전|지난\s?달|지난\s?주|얼마\s?전|갑자기)에?\s?(?:갑자기\s?)?(?:갔|가셨|떠났)|여의|사별"
    r"|집(?:을|에서)?\s?나왔|(?:데리고|피해서?)\s?나왔|도망"
    r"|passed away|died|divorc|widow|survivor'?s? pension|유족\s?연금|去世|离婚|走了|qua đời|ly hôn|mất rồi|đã mất"
    r"|(?:chồng|vợ)(?:\s(?:tôi|em|mình))?\s?(?:[(（][^)）]{0,20}[)）]\s?)?(?:đã\s|mới\s|vừa\s)?mất\b(?!\s(?:việc|tiền|ngủ|nhà|khả năng|liên lạc))"
    r"|left (?:my )?(?:husband|wife|partner|him|home)|\bfled\b|ran away|跑出来|逃出来|bỏ nhà|bỏ chồng",
    re.IGNORECASE,
)

_TENURE = [
    (
        "homeless",
        re.compile(
            r"노숙|길에서\s?자|잘\s?(?:곳|데)이?\s?없|갈\s?(?:곳|데)가?\s?없|쫓겨|homeless|nowhere to (?:sleep|stay|live|go)|没地方住|睡大街|无家可归|không có chỗ (?:ngủ|ở)|ngủ ngoài đường",
            re.I,
        ),
    ),
    (
        "renter",
        re.compile(
            r"월세|전세|세입자|셋방|반전세|\brent(?:ing)?\b|\brenter\b|租房|租的房|thuê nhà|nhà thuê|ở thuê",
            re.I,
        ),
    ),
    (
        "owner",
        re.compile(
            r"자가|내\s?집|집이\s?있|집을\s?(?:가지|갖)|집\s?한\s?채|아파트\s?(?:갖고|가지고|소유|있)|own (?:a|my|our) (?:house|home|apartment|flat)|有房|自己的房子|nhà riêng|có nhà",
            re.I,
        ),
    ),
    ("free", re.compile(r"무상\s?거주|얹혀\s?살|친척\s?집에\s?살|rent-free|免费住", re.I)),
]
_SEVERE = re.compile(
    r"중증|심한\s?장애|장애\s?[12]급|[12]급\s?장애|severe(?:ly)?\s+disab|severe disability|registered as severe|重度残疾|重度|khuyết tật nặng",
    re.I,
)
#: A word that places "중증"/"severe" as a disability ("registered as severe", "뇌병변 중증").
_DISABILITY_WORD = re.compile(
    r"장애|disab|残疾|khuyết tật|palsy|wheelchair|registered as|뇌병변|지체|시각|청각|자폐|지적|휠체어|轮椅|xe lăn",
    re.I,
)
#: A program described by whom it is for: "disability pension for severe disabilities", "重度残疾人养老金".
PROGRAM_FOR_LEVEL = re.compile(
    r"(?:pension|allowance|benefit|program(?:me)?|support)s?\s+(?:for|to)\s+(?:people\s+with\s+|the\s+)?"
    r"(?:severe(?:ly)?|mild(?:ly)?)\s+disab\w*",
    re.I,
)
_MILD = re.compile(
    r"경증|가벼운\s?장애|장애\s?[3-6]급|mild(?:ly)?\s+disab|mild disability|轻度残疾|khuyết tật nhẹ", re.I
)
#: Programs named only to say she does not receive them.
#: "nothing else" after what she named: "그 외엔 없어요", "nothing else", "别的没有", "không có gì khác".
_NOTHING_ELSE = re.compile(
    r"그\s?외(?:에|엔|에는)?\s?(?:는\s?)?(?:없|아무)|그\s?밖(?:에|엔)?\s?(?:없|아무)|다른\s?(?:건|거|것은?)\s?없|nothing else|no other|"
    r"别的(?:都)?没|其他(?:都)?没|không có gì khác|khong co gi khac|ngoài ra không",
    re.I,
)
_NOT_RECEIVING = re.compile(
    r"(?:수급자?|차상위|연금|급여|수당)\S{0,3}\s?(?:는|은|도)?\s?아니|안\s?받|받지\s?않|못\s?받(?:고|아|아요|으세요|으시|는)|안\s?된다고|아무것도\s?안|하나도\s?안"
    r"|(?:안|못)\s?(?:나와|나오|나온|나옵|들어와|들어오)"  # "기초연금도 안 나와": not paid to her
    r"|(?:don'?t|do not|never|not) (?:get|receive|on)|none of|没(?:有)?(?:领|拿)|不领|không (?:nhận|hưởng)|không có (?:gì|trợ cấp|khoản|chế độ|(?=[가-힣]))|chưa (?:nhận|hưởng)",
    re.I,
)
#: A receipt said and its clause closed: "받고 있고", "받는데", "타고요,".
_RECEIPT_SAID = re.compile(
    r"(?<!안)(?<!안 )(?<!못)(?<!못 )(?:받|타)(?:고\s?있|고\s?계시|는|았|아)?\S{0,3}?(?:고|는데|지만|구요|고요)(?=[\s,])"
    # a sentence that ends in the receipt: "아동수당이랑 부모급여 받아요 기초수급은 아니에요"
    r"|(?<!안)(?<!안 )(?<!못)(?<!못 )(?:받|타)(?:아요|았어요|고\s?있어요|고\s?있습니다|습니다|아|음)(?=[\s,.!]|$)"
)


def denied_programs(text: str) -> list[str]:
    """The programs a message says are not received ("기초수급은 아니에요" after "부모급여 받아요")."""
    lower = text.lower()
    denial = _NOT_RECEIVING.search(lower)
    if not denial:
        return []
    start = _receipt_said_until(lower)
    if not re.search(r"[가-힣]", denial.group(0)):
        # English, Chinese and Vietnamese deny before the name ("có giấy 차상위, không nhận 기초생활")
        start = max(start, denial.start())
    return [p for m in find_mentions(text[start:]) for p in m.program_ids]


def _receipt_said_until(lower: str) -> int:
    """Where the last receipt said in its own clause ends ("부모급여 받아요 …"); 0 when none is."""
    affirmed = [m.end() for m in _RECEIPT_SAID.finditer(lower)]
    return affirmed[-1] if affirmed else 0


_NO_DISABILITY = re.compile(
    r"(?:등록된\s?)?장애(?:는|가|도)?\s?(?:없|아니)|장애(?:인)?\s?(?:등록|판정)(?:은|이|도)?\s?(?:안\s?(?:돼|되|했|받)|못\s?(?:했|받)|없|아직)"
    r"|no disability|not disabled|(?:no|not) registered (?:as )?disab|没有残疾|没(?:有)?(?:办|登记)残疾|không (?:bị |có )?khuyết tật|chưa đăng ký khuyết tật",
    re.I,
)
#: A job lost, the crisis event ("실직", "laid off", "mất việc").
_JOB_LOST = re.compile(
    r"실직|해고|일자리를?\s?잃|직장을?\s?잃|실업(?!\s?급여)|잘렸|짤렸|(?:회사|직장|일자리|알바)(?:에서|를|을)?\s?(?:잘리|짤리|잘려|짤려)|권고\s?사직|회사를?\s?그만두게|문\s?닫아서\s?일자리"
    r"|일자리가?\s?끊|일감이?\s?(?:끊|없어)|일이\s?(?:아예\s?|통\s?)?(?:끊|없어졌)"
    r"|lost (?:my|his|her) job|unemployed|laid off|(?:got|was) fired|(?:factory|company|shop) (?:closed|shut down)"
    r"|失业|丢了工作|被(?:公司)?(?:辞退|开除|裁员|解雇)|mất việc|thất nghiệp|bị (?:đuổi|sa thải)"
    r"|(?:bị )?(?:công ty|chủ|xưởng|nhà máy)?\s?(?:vừa |đã )?cho (?:tôi |em |anh |chị )?nghỉ việc|bị cho nghỉ"
    # the workplace closed ("회사가 문 닫아서", "Cong ty toi dong cua thang truoc", "公司倒闭了")
    r"|(?:회사|공장|직장)(?:가|이)?\s?(?:문\s?(?:을\s?)?닫|폐업|망했|망해서|부도)|(?:公司|工厂)(?:突然)?(?:倒闭|关门|破产)"
    r"|(?:công ty|cong ty|xưởng|xuong|nhà máy|nha may)(?: \w+){0,4} (?:đóng cửa|dong cua|phá sản|pha san|giải thể|giai the)",
    re.I,
)
#: Without work, which may have no loss behind it ("무직", "no job rn", "没工作"): not a crisis event.
_JOBLESS = re.compile(r"무직|백수|no job|没工作", re.I)
_UNEMPLOYED = re.compile(f"{_JOB_LOST.pattern}|{_JOBLESS.pattern}", re.I)
#: Not working now, which is not by itself a job loss (a crisis event).
_NOT_WORKING = re.compile(
    r"일\s?안\s?해|일\s?안\s?하|(?<![가-힣])백수|무직|놀고\s?있|취업\s?준비|취준|구직\s?(?:중|활동)|일\s?(?:자리\s?)?(?:찾|구하)고|퇴사\s?(?:했|하고|한\s?지)|퇴직\s?(?:했|하고)"
    r"|(?<![가-힣])쉬고\s?있|쉬는\s?중|계약(?:이)?\s?(?:끝나고|끝났|만료)|(?:일|회사|직장|알바)(?:을|를)?\s?그만\s?(?:뒀|두고)"
    r"|between jobs|contract (?:ended|ran out|finished)|合同到期|待业|hết hợp đồng|het hop dong|đang nghỉ làm"
    r"|not working|don'?t work|quit my job|(?:left|quit) (?:my|the) (?:job|company)|辞职了|离职了|nghỉ việc"
    r"|looking for (?:a )?(?:job|work)|job[- ]hunting|没有工作|不上班|找工作|在找工作|không (?:đi )?làm|không có việc|chưa có việc|đang tìm việc",
    re.I,
)
_EMPLOYED = re.compile(
    r"일하고\s?있|직장\s?(?:다니|다녀|댕기)|회사\s?(?:다니|다녀|댕기)|근무\s?중|알바\s?하|(?:i am|i'm) working|have a job|part[- ]time|有工作|在上班|đang làm việc|đi làm",
    re.I,
)
#: A case supposed, not told: "어린이집 다니면", "if she goes to daycare", "如果上托儿所", "nếu đi nhà trẻ".
_IF_AFTER = re.compile(r"\S{0,3}\s?(?:다니면|보내면|가면|이용하면|맡기면|다닐\s?경우|보낼\s?경우)")
_IF_BEFORE = re.compile(r"\b(?:if|when|once)\b[^.?!]*$|如果[^。？！]*$|要是[^。？！]*$|\bnếu\b[^.?!]*$", re.I)
_DAYCARE = re.compile(r"어린이집|daycare|day care|nursery|托儿所|幼儿园|nhà trẻ|nha tre", re.I)
_NOT_DAYCARE = re.compile(
    r"어린이집\S{0,3}\s?(?:안|못|아니)|안\s?(?:다녀|다니|보내)|(?:doesn'?t|does not|not|don'?t) (?:go|attend|send)|没(?:有)?上|不上|没去|không (?:đi|gửi)|chưa (?:đi|gửi)",
    re.I,
)
#: A birth that has happened: "낳았어요", "태어났어요", "đã sinh", "vừa sinh", "was born", "生了".
_GAVE_BIRTH_PAST = re.compile(
    r"낳았|낳은|태어났|태어난|출산했|출산한|was born|gave birth|had (?:a|our|my) baby|生了|出生了|đã sinh|vừa sinh|mới sinh",
    re.I,
)
_PREGNANT = re.compile(
    r"임신|임산부|뱃속|만삭|출산\s?(?:예정|앞두)|(?:다음\s?달|이번\s?달|곧|\d{1,2}\s?월에?)\s?출산(?:인데|이에요|예정|할|해요|입니다|이라)"
    r"|肚子里|trong bụng|pregnan|due (?:next|this) month|\bdue (?:in|on|date)\b|baby (?:is )?due|expecting a baby|怀孕|怀着|孕妇|预产期|快生了"
    r"|mang thai|có bầu|có thai|co thai|co bau|mang bầu|mang bau|sắp sinh|sap sinh|dự sinh|du sinh"
    # a birth to come: "sắp tới em đi bệnh viện sinh em bé", "em sinh xong thì …", "when the baby is born"
    r"|sắp tới[^.?!]{0,30}\bsinh\b|sinh xong thì|sau khi sinh (?:xong )?thì|生完(?:孩子|宝宝)?(?:以后|之后)"
    r"|(?:after|once|when) (?:the |our |my )?baby (?:is born|comes|arrives)",
    re.I,
)
#: The baby still to be born: she is pregnant, and it is not yet a member.
#: A wife named right before a pregnancy ("my wife is pregnant", "아내가 임신", "vợ tôi đang mang thai").
_WIFE_BEFORE = re.compile(
    r"(?:\bwife|아내|와이프|집사람|부인|마누라|\bvợ|妻子|老婆|爱人)(?:\s?(?:is|가|이|는|은|tôi|em|mình|đang|也|已经|怀))*\s?\S{0,4}\s?$",
    re.I,
)
_UNBORN = re.compile(
    r"(?:the |our |my )?baby (?:is )?due\b|뱃속\s?(?:의|에)?\s?(?:아기|애기|아이|둘째|셋째)?|배\s?속\s?(?:의|에)?\s?(?:아기|애기|아이)"
    r"|(?:아기|애기|아이)(?:는|가)?\s?(?:아직\s?)?(?:안\s?태어났|태어나기\s?전)|(?:the |our |my )?baby (?:is not|isn't|not) (?:yet )?born"
    r"|(?:for |the |our |my )?baby (?:when (?:it|he|she) (?:comes|arrives|is born)|(?:that is |who is )?(?:coming|on the way))"
    r"|when the baby (?:comes|arrives|is born)|(?:아기|애기|아이)(?:가|는)?\s?(?:태어나면|나오면)"
    r"|肚子里的?(?:宝宝|孩子|宝贝)?|(?:宝宝|孩子)还没(?:出生|生)|(?:em bé|con|bé) (?:trong bụng|sắp sinh|chưa (?:sinh|ra đời|chào đời))"
    r"|(?:mang thai|có bầu|có thai|mang bầu|怀着?|怀了)\s?(?:em\s)?(?:bé|con|宝宝|孩子|第一个|二胎)(?:\s?(?:đầu lòng|đầu|thứ \w+))?",
    re.I,
)
#: The baby she carries named by its order, said beside a pregnancy and no birth: "pregnant with our first baby",
#: "임신 7개월인데 첫 아기예요", "怀孕七个月了，第一个宝宝", "bé đầu lòng".
_FIRST_UNBORN = re.compile(
    r"pregnant with (?:our |my |a |the |her )?(?:first |second |third )?(?:baby|child|kid)|첫\s?(?:아기|애기|아이|애)"
    r"|第一(?:个|胎)(?:宝宝|孩子)?|头胎|(?:bé|con) đầu(?:\s?lòng)?",
    re.I,
)
_AGE_KEYS = frozenset({"age", "months_old", "birth_date"})
#: The baby named after children whose ages were given: "4살 아들이랑 아기", "con trai 4 tuổi và em bé".
_AND_BABY = re.compile(
    r"(?:\bvà|\band|和|还有|이랑|랑|하고|[,，])\s*(?:the |our |a |my )?(?:em bé|\bbé\b|\bbaby\b|小宝宝|宝宝|아기|애기|막내)"
    r"(?!\s?(?:아빠|아방|아버지|아범|엄마|어멍|어머니|어멈|'s|\s?father|\s?dad|爸爸|妈妈|bố|ba\b))",
    re.I,
)
#: A baby just born, its months not said: "신생아요 둘다", "newborn twins", "刚出生", "sơ sinh".
_NEWBORN = re.compile(
    r"(?<!산모·)(?<!산모)(?<!산모\s)신생아(?!\s?(?:건강관리|청각|집중))|갓난\s?(?:아기|애기|쟁이)|(?:방금|막|이번에|며칠\s?전에?|지난\s?주에?|엊그제)\s?(?:낳은|낳았|출산한|출산했|태어난|태어났)"
    r"|newborns?|born (?:last week|this week|a few days ago)|新生儿|刚出生|sơ sinh",
    re.I,
)
_SINGLE_PARENT = re.compile(
    r"한부모|싱글맘|싱글대디|미혼모|미혼부|혼자(?:서)?\s?(?:애|아이|아들|딸|자식)?(?:를|을|들)?\s?(?:둘|셋|넷|하나|\d\s?명)?\s?(?:을|를)?\s?(?:키우|키운|키울|키웁|키워|키웠|길러|기르|기른|기릅)"
    r"|single (?:mom|mother|dad|father|parent)|raising [^.?!]{0,30}?(?:alone|on my own|by myself)"
    # divorced or widowed, with the children: "이혼하고 애 데리고 나왔는데", "离婚了带着孩子", "ly hôn, nuôi con"
    r"|(?:이혼|사별)\s?(?:하고|했고|한\s?(?:뒤|후)|후에?)\s?(?:애|아이|아들|딸|자식|애들|아이들)\S{0,3}\s?(?:둘|셋|하나|\d\s?명)?\s?(?:데리고|키우|혼자)"
    r"|divorced,? (?:and )?(?:raising|with) (?:my|the|our|\w+) (?:\w+ )?(?:kids?|children|sons?|daughters?)"
    r"|widow(?:ed)?,? (?:and )?(?:raising|with) (?:my|the|our|\w+) (?:\w+ )?(?:kids?|children|sons?|daughters?)"
    r"|离婚(?:了|后)?[，,]?\s?(?:我)?(?:带着|带|一个人带|自己带)(?:两个|一个|\d个)?(?:孩子|儿子|女儿)"
    r"|ly hôn(?: rồi)?,? (?:em |tôi )?(?:đang )?nuôi (?:\w+ ){0,3}con"
    r"|单亲|一个人带孩子|自己带孩子|自己养孩子|đơn thân|một mình nuôi con|nuôi (?:\w+ ){1,3}một mình",
    re.I,
)
SCHOOL_LEVELS: list[tuple[str, re.Pattern[str]]] = [
    (
        "university",
        re.compile(
            r"대학생|대학교|대학\s?(?:[1-4]학년|다니|신입생)|university|college|freshman|sophomore|大学|大[一二三四](?![\d一-龥])"
            r"|sinh viên|đại học",
            re.I,
        ),
    ),
    (
        "high",
        re.compile(
            r"고등학생|고딩|고등학교|고등|(?<![가-힣])고[1-3](?!\d)|high school|\bgrade 1[0-2]\b|\b1[0-2]th grade\b|高中|高[一二三]"
            r"|cấp 3|trung học phổ thông|\blớp 1[0-2]\b",
            re.I,
        ),
    ),
    (
        "middle",
        re.compile(
            r"중학생|중딩|중학교|중학|(?<![가-힣])중[1-3](?!\d)|middle school|\bgrade [7-9]\b|\b[7-9]th grade\b|初中|初[一二三]"
            r"|cấp 2|trung học cơ sở|\blớp [7-9]\b",
            re.I,
        ),
    ),
    (
        "elementary",
        re.compile(
            r"초등학생|초등학교|초등|초딩|(?<![가-힣])초[1-6](?!\d)|elementary|primary school|\bgrade [1-6]\b"
            r"|\b(?:[1-6](?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth) grade\b|小学|(?<![初高大])[一二三四五六]年级"
            r"|tiểu học|cấp 1|\blớp [1-6]\b",
            re.I,
        ),
    ),
]
"""School levels in the four languages, with grades ("중3", "高二", "lớp 1", "3rd grade"), most advanced first."""
#: The single-parent words inside a program's name ("한부모가족 아동양육비", "单亲育儿补贴", "tiền nuôi con
#: đơn thân", "single parent child support"): naming the program says nothing of her.
_SINGLE_PARENT_PROGRAM = re.compile(
    r"한부모\s?(?:가족\s?)?(?:아동\s?)?(?:양육비|양육\s?지원|지원금?|수당|혜택|급여)"
    r"|单亲(?:家庭)?(?:儿童)?(?:育儿|养育|抚养)?(?:补贴|津贴|费|补助|支援)"
    r"|(?:tiền|trợ cấp|hỗ trợ|tien|tro cap|ho tro) (?:nuôi con|nuoi con) (?:cho )?(?:gia đình |gia dinh |bố mẹ |bo me |mẹ |me )?(?:đơn thân|don than)"
    r"|single[- ]parent (?:family )?(?:child(?:care)? )?(?:support|allowance|benefit|payment)",
    re.I,
)
#: A grandparent raising a grandchild (조손가족): "손주를 제가 키워요", "raising my grandson", "我一个人带孙子",
#: "tôi nuôi cháu".
_RAISING_GRANDCHILD = re.compile(
    r"(?:손주|손자|손녀)\S{0,4}\s?(?:를|을|놈을|녀석을)?\s?(?:내가|제가|우리가|혼자|할매가|할미가|저희가)?\s?(?:다\s?)?"
    r"(?:키우|키운|키워|키웁|기르|길러|돌보|돌봐|맡아)"
    r"|raising (?:my |our )?grand(?:child|children|son|daughter|kids?)|(?:带|养|照顾)(?:着)?(?:两个|一个)?(?:孙子|孙女|外孙)"
    r"|(?:nuôi|nuoi|chăm|cham) (?:hai |một |mot )?(?:đứa )?(?:cháu|chau)(?! ?(?:ăn|an)\b)",
    re.I,
)
_NOT_SINGLE_PARENT = re.compile(
    r"(?:한부모|싱글맘|싱글대디)(?:는|가|은)?\s?(?:아니|아녀|아님)|\bnot (?:a )?single (?:mom|mother|dad|father|parent)"
    r"|不是单亲|không phải (?:gia đình )?(?:đơn thân|bố mẹ đơn thân|mẹ đơn thân)"
    # still married, the spouse away ("my husband is in Saudi but we are still married"): not a single parent
    r"|\bstill married\b|(?:이혼|혼인)\s?(?:은|도)?\s?(?:안\s?했|하지\s?않|유지)|아직\s?(?:부부|혼인\s?중)|还没离婚|没离婚|vẫn (?:còn )?(?:là )?vợ chồng|chưa ly hôn",
    re.I,
)
#: Children named by their place in the family ("큰애 고2 작은애 중1"): one child each.
_RANKED_CHILD = re.compile(
    r"큰애|작은애|큰아이|작은아이|큰아들|작은아들|큰딸|작은딸|막내|첫째|둘째|셋째|넷째"
)
#: Years ago (two or more): "20년 전에", "몇 년 됐어요", "years ago", "十年前", "5 năm trước".
_YEARS_AGO = re.compile(
    r"(?:(?<!\d)(?:[2-9]|\d{2})|두|세|네|다섯|여섯|일곱|여덟|아홉|열|몇|여러|수십|이십|삼십|십)\s?년\s?(?:전|이?\s?(?:됐|되었|넘었|지났))"
    r"|\b(?:[2-9]|\d{2}|two|three|four|five|six|seven|eight|nine|ten|many|several|some|a few)\s+years\s+ago"
    r"|(?:\d+|[两二三四五六七八九十几]+)\s?年前|(?:\d+|hai|ba|bốn|năm|mười|nhiều|mấy)\s+năm\s+(?:trước|rồi)",
    re.I,
)
#: The due date said before a month ("dự sinh tháng 1", "due in January", "预产期1月").
_DUE_BEFORE = re.compile(
    r"(?:dự sinh|du sinh|dự kiến sinh|du kien sinh|ngày sinh dự kiến|sắp sinh|sap sinh|\bdue\b|expected|预产期|预计|예정일?)"
    r"[^.?!\d]{0,10}$",
    re.I,
)
_DUE_AFTER = re.compile(r"[^.?!\d]{0,8}(?:예정|(?:이|가)\s?예정)", re.I)
_CRISIS_EVENTS: list[tuple[str, re.Pattern[str]]] = [
    (
        "breadwinner_death",
        re.compile(
            r"(?<!bố mẹ )(?<!cha mẹ )(?<!bo me )(?<!cha me )(?<!시)"
            r"(?:남편|아내|가장|아버지|아빠|부인|와이프|영감|바깥양반|신랑|집사람|마누라|husband|wife|丈夫|老公|老伴|chồng|vợ)(?:.{0,14}|\s?\S{0,4}\s?[(（][^)）]{0,16}[)）]\s?)(?:돌아가|사망|죽었|죽어서|죽고\s?나서|세상을?\s?(?:떠나|떠났|뜨)|(?:지난\s?(?:달|주)|얼마\s?전)?에?\s?갑자기\s?(?:갔|가셨|떠났)|passed away|died|去世|死了|过世|qua đời|mất rồi|(?:mới|vừa|đã) mất|mất vì\b|mất (?:\d+\s?|một |hai |ba )?(?:tháng|năm|tuần|ngày))"
            r"|(?<!bố mẹ )(?<!cha mẹ )(?<!bo me )(?<!cha me )(?:chồng|vợ|chong)[^.?!]{0,40}(?:mất rồi|qua đời|đã mất|mat roi|qua doi|da mat)"
            r"|\b(?:i|we|just|recently) lost (?:my|our) (?:husband|wife|father|dad)\b(?!'s)",
            re.I,
        ),
    ),
    (
        "breadwinner_absent",
        re.compile(
            r"(?:남편|신랑|아내|와이프|집사람|가장|아빠|husband|wife|丈夫|老公|妻子|老婆|chồng|vợ).{0,8}(?:집\s?나갔|집을\s?나갔|연락\s?(?:이\s?)?끊|가출|행방불명|left us|disappeared|离家出走|bỏ đi)"
            # "my husband left 2 months ago and doesnt answer his phone", "husband left home, no contact"
            r"|\b(?:husband|wife|partner)\s+(?:left|walked out|moved out|ran off|abandoned us)\b(?!\s+(?:for work|to work|on a trip|for a trip))"
            r"|\b(?:husband|wife)\b.{0,40}\b(?:doesn'?t|does not|won'?t) answer (?:his|her) phone|丈夫(?:走了|跑了|不见了|联系不上)|老公(?:走了|跑了|不见了|联系不上)",
            re.I,
        ),
    ),
    (
        "serious_illness",
        re.compile(
            r"암\s?(?:진단|환자|수술|투병)|중병|큰\s?병|희귀병|투병|뇌출혈|뇌졸중|중환자실|(?:쓰러져(?:서)?|쓰러지셔서|쓰러지셨는데|사고로|사고가\s?나서|다쳐서)\s?(?:병원에\s?)?입원|cancer|serious(?:ly)? ill|stroke|in (?:the )?(?:hospital|icu)"
            r"|重病|癌|脑出血|中风|住院|ung thư|bệnh nặng|đột quỵ|nằm viện|bị tai nạn"
            # a serious injury (중한 부상): a fracture or an operation
            r"|골절|뼈가?\s?부러|허리가?\s?부러|수술(?:을|도)?\s?(?:했|받았|하고|받고)|\bfractured?\b|\bbroke (?:my|his|her) (?:back|leg|hip|arm|spine)"
            r"|\b(?:had|needed) (?:an? )?(?:operation|surgery)|骨折|(?:摔|撞|压|砸)断|断了(?:腿|胳膊|手|腰)|做了手术|动了手术|gãy (?:chân|tay|xương|lưng|cột sống)|phẫu thuật|bị mổ",
            re.I,
        ),
    ),
    (
        "domestic_violence",
        re.compile(
            r"가정\s?폭력|(?:남편|아내|와이프|부인|신랑|husband|wife|partner|丈夫|老公|chồng).{0,10}(?:때려|때리|폭력|맞았|맞아|맞고|칼|위협|hits?\b|beats?|hurts? me|打我|殴打|đánh)|家暴|domestic violence|bạo lực gia đình"
            r"|(?:husband|partner|boyfriend)\b.{0,60}\b(?:he|she) (?:hit|hits|beat|beats|hurt|hurts|kicked) me"
            r"|(?:husband|wife|partner|boyfriend)\b.{0,40}\b(?:was|is|got|gets|became) (?:violent|abusive)"
            # "I left my husband last week because of violence", "因为家暴离开了老公", "bỏ chồng vì bị đánh"
            r"|\b(?:left|fled|escaped)\b.{0,40}\b(?:violence|abuse|abusive)\b|(?:폭력|폭행|맞아서|맞고\s?살)\S{0,6}\s?(?:때문에\s?)?(?:집을?\s?)?(?:나왔|도망|피해)"
            r"|(?:bỏ|rời)\s(?:chồng|nhà)[^.]{0,20}(?:bạo lực|bị đánh)",
            re.I,
        ),
    ),
    (
        "abuse",
        re.compile(
            r"학대|(?:아빠|엄마|아버지|어머니|부모|계부|계모).{0,10}(?:때려|때리|폭력)|(?:child|kid).{0,20}(?:abused|beaten)|\babuse|虐待|ngược đãi|bạo hành",
            re.I,
        ),
    ),
    (
        "fire_disaster",
        re.compile(
            r"화재(?!\s?(?:감지|경보|예방|보험|안전))|불이\s?나|불나서|집이\s?타|홍수|침수|fire|flood|火灾|着火|hỏa hoạn|cháy nhà",
            re.I,
        ),
    ),
    (
        "business_closure",
        re.compile(
            r"폐업|가게\s?(?:문|를)?\s?닫|(?:식당|카페|매장)\s?(?:문|을|를)?\s?닫|사업\s?(?:망|실패)|장사\s?(?:망|접)|business (?:closed|failed)"
            r"|close[ds]? (?:down )?(?:my|our|the) (?:\w+ ){0,2}(?:cafe|café|shop|store|restaurant|business)"
            r"|business registration (?:is )?(?:already )?cancel|关店|倒闭|phá sản|đóng cửa hàng",
            re.I,
        ),
    ),
    ("job_loss", _JOB_LOST),
    ("divorce", re.compile(r"이혼|divorc|离婚|ly hôn", re.I)),
    (
        "utility_cutoff",
        re.compile(
            r"(?:전기|가스|수도|물).{0,6}(?:끊|단전|단수|끊겨)|단전|단수|(?:power|electricity|gas|water).{0,12}(?:cut off|shut off|disconnected)|断电|断水|停电|cắt điện|cắt nước",
            re.I,
        ),
    ),
    ("released_from_prison", re.compile(r"출소|교도소에서\s?나|released from prison|出狱|ra tù", re.I)),
]
_GYEONGGI_YEARS = re.compile(
    r"경기(?:도)?(?:에서|에)?\s?(?:산\s?지|거주(?:한\s?지)?|살았|산\s?게)\s?(\d{1,2})\s?년"
    r"|경기(?:도)?(?:에서|에)?\s?(?:만\s?)?(\d{1,2})\s?년\s?(?:째\s?)?(?:넘게\s?|이상\s?|동안\s?)?(?:살|거주)"
    r"|(?:lived|living|been) in gyeonggi(?:-do)? for (\d{1,2}) years"
    r"|在京畿道?(?:住|生活)了?(\d{1,2})年|sống ở gyeonggi(?:-do)? (\d{1,2}) năm",
    re.I,
)
#: A birth told in time words: "지난달에 낳았어요", "3개월 전에 출산", "last month I gave birth".
_BIRTH = re.compile(
    r"(지난달|이번\s?달|어제|지난주|오늘|엊그제)\s?(?:\d{1,2}\s?일\s?)?(?:에)?\s?(?:[가-힣]{1,3}(?:를|을|가|이)?\s?)?(?:낳|출산|태어났|태어남)"
    r"|(\d{1,2}|한|두|세|네|다섯|여섯)\s?(?:개월|달)\s?전에?\s?(?:[가-힣]{1,3}(?:를|을|가|이)?\s?)?(?:낳|출산|태어났|태어남)"
    r"|(?:gave birth|had a baby|baby was born|was born|born) (last month|this month|yesterday|last week)"
    r"|(上个月|这个月|昨天|上周|上星期|今天|前天)\s?(?:刚)?(?:出生|生)"
    r"|(?:sinh|sanh)\s(?:(?:bé|con|em bé)(?:\s(?:đầu lòng|đầu|thứ hai|thứ ba|trai|gái))?\s)?(?:vào\s)?(tháng trước|tháng này|hôm qua|tuần trước|hôm nay)"
    r"|(tháng trước|tháng này|hôm qua|tuần trước|hôm nay)\s(?:em\s|tôi\s|mình\s|vợ tôi\s)?(?:mới\s|vừa\s)?sinh",
    re.I,
)
#: A birth said without when: "둘째 낳았어요", "출산한 지 얼마 안 됐어요", "I just had a baby", "刚生了孩子".
_BORN = re.compile(
    r"(?:아기|아이|애기|애|첫째|둘째|셋째|넷째|막내|쌍둥이)(?:를|을|가|이)?\s?(?:낳았|출산했|태어났|태어남|낳음)|출산\s?한\s?지|낳은\s?지"
    r"|\b(?:just |recently )?(?:had|gave birth to) (?:a|our|my) (?:baby|son|daughter|second|third)|\bnewborn\b"
    r"|\b(?:baby|son|daughter|child|girl|boy) (?:was|is) (?:just )?born\b"
    r"|刚生了|生了(?:一个)?(?:孩子|宝宝|儿子|女儿)|mới sinh|vừa sinh",
    re.I,
)
_BIRTH_MONTHS = {
    "지난달": 1,
    "이번달": 0,
    "이번 달": 0,
    "어제": 0,
    "지난주": 0,
    "오늘": 0,
    "엊그제": 0,
    "last month": 1,
    "this month": 0,
    "yesterday": 0,
    "last week": 0,
    "上个月": 1,
    "这个月": 0,
    "昨天": 0,
    "上周": 0,
    "上星期": 0,
    "今天": 0,
    "前天": 0,
    "tháng trước": 1,
    "tháng này": 0,
    "hôm qua": 0,
    "tuần trước": 0,
    "hôm nay": 0,
}
_BIRTH_MONTHS_FOLDED = {fold_latin(k): v for k, v in _BIRTH_MONTHS.items()}
_BIRTH_ORDER = re.compile(
    r"(?<![a-zà-ỹ])(첫째|첫|둘째|셋째|넷째|first|second|third|fourth|第一|第二|第三|老大|老二|老三|老四|đầu|thứ hai|thứ ba)(?![a-zà-ỹ])"
    r"\s?(?:아이|애|아기|child|baby|个孩子|胎|con|째)?",
    re.I,
)
_ORDINALS = {
    "첫째": 1, "첫": 1, "first": 1, "第一": 1, "đầu": 1, "老大": 1,
    "둘째": 2, "second": 2, "第二": 2, "thứ hai": 2, "老二": 2,
    "셋째": 3, "third": 3, "第三": 3, "thứ ba": 3, "老三": 3,
    "넷째": 4, "fourth": 4, "老四": 4,
}  # fmt: skip
_ORDINALS_FOLDED = {fold_latin(k): v for k, v in _ORDINALS.items()}


_GRADUATED_AFTER = re.compile(
    r"\s?(?:을|를|은|는)?\s?(?:졸업|나와서|나오고|나왔|graduate|毕业)|\s?(?:을|를)?\s?(?:중퇴|자퇴)", re.I
)
_GRADUATED_BEFORE = re.compile(
    r"(?:graduated|finished|dropped out of)\s+(?:from\s+)?$|tốt nghiệp\s+$|bỏ học\s+$", re.I
)


_NOT_YET_AFTER = re.compile(
    r"\s?(?:에|을|를|은|는|도)?\s?(?:아직\s?)?(?:안\s?(?:들어|다녀|다니|가|갔)|입학\s?(?:전|안)|들어가기\s?전|가기\s?전|안\s?감)"
    r"|\s?yet\b|\s?(?:还没|还没有)",
    re.I,
)
_NOT_YET_BEFORE = re.compile(
    r"(?:还没|还没有|尚未|没)(?:上|读|去)?$|\bnot (?:yet )?(?:in|at|going to|started)\s+$|\bbefore\s+$|chưa (?:vào|học|đi học|đi)\s+$|chua (?:vao|hoc|di hoc|di)\s+$",
    re.I,
)


def _school_mentions(lower: str) -> list[tuple[int, int, str]]:
    """The school levels said, in order, one per mention ("고1이랑 중2"); a level taken back by a correction
    ("고2.. 아 아니다 고1") is dropped."""
    found = sorted(
        (m.start(), rank, m.end(), level)
        for rank, (level, pattern) in enumerate(SCHOOL_LEVELS)
        for m in pattern.finditer(lower)
    )
    mentions: list[tuple[int, int, str]] = []
    for start, _, end, level in found:
        if mentions and start < mentions[-1][1]:
            continue  # the same words matched by a less advanced level's pattern
        if _FOR_STUDENTS.match(lower, end):
            continue  # "고등학생 교육급여": the program's students, not one of her children
        if _GRADUATED_AFTER.match(lower, end) or _GRADUATED_BEFORE.search(lower, max(0, start - 20), start):
            level = "none"  # "고등학교 졸업하고 공장 다녀요": a school finished, none attended now
        elif _NOT_YET_AFTER.match(lower, end) or _NOT_YET_BEFORE.search(lower, max(0, start - 16), start):
            level = (
                "none"  # "还没上小学", "아직 초등학교 안 들어갔어요": a school not started, none attended now
            )
        if (
            mentions
            and level == mentions[-1][2]
            and not re.search(r"[,，、]|랑|하고|and|和|và", lower[mentions[-1][1] : start])
            and start - mentions[-1][1] <= 3
        ):
            mentions[-1] = (mentions[-1][0], end, level)  # "小学三年级": one mention in two words
            continue
        if mentions and _CORRECTS.search(lower, mentions[-1][1], start):
            mentions.pop()
        mentions.append((start, end, level))
    first = mentions[0] if mentions else None
    if (
        first is not None
        and len(mentions) > 2
        and _ALL_AT.search(lower, max(0, first[0] - 12), first[0])
        and all(level == first[2] for _, _, level in mentions)
    ):
        # "都上小学，六年级和四年级", "둘 다 초등학생, 6학년 4학년": the level said of all, then each one's grade
        mentions = mentions[1:]
    return mentions


_FOR_STUDENTS = re.compile(
    r"\s?(?:교육급여|교육비|학비|장학금|지원금|혜택|대상|education benefit|教育给付|trợ cấp giáo dục)", re.I
)
_ALL_AT = re.compile(r"都|\bboth\b|\ball\b|둘\s?다|모두|다\s?|cả hai|đều", re.I)


def _birth_order(match: re.Match[str]) -> int:
    """The birth order an ordinal word names, written with or without Vietnamese marks ("dau" = "đầu")."""
    word = match.group(1).lower()
    return _ORDINALS.get(word) or _ORDINALS_FOLDED[fold_latin(word)]


_NO_INCOME = re.compile(
    r"수입\s?(?:이|은)?\s?(?:한\s?푼도\s?|거의\s?)?(?:없|읎)|소득\s?(?:이|은)?\s?(?:한\s?푼도\s?|거의\s?)?(?:없|읎)|무소득"
    # "没什么收入", "hardly any income", "hầu như không có thu nhập": next to nothing, read as none (she may correct)
    r"|没(?:什么|啥)收入|几乎没有?收入|收入几乎没有|(?:hardly|barely|almost) (?:any|no) income"
    r"|(?:hầu như|gần như) không có thu nhập"
    r"|들어오는\s?돈(?:이|은)?\s?(?:한\s?푼도\s?|하나도\s?|전혀\s?)?(?:없|읎)"
    # "수급비말고는 없어요": the livelihood benefit itself is not income (보장법), so nothing else is none
    r"|(?:수급비|생계비|생계\s?급여)\s?(?:말고|빼고|외에|외엔|밖에)\s?(?:는|엔|에는)?\s?(?:소득|수입|돈|벌이|들어오는\s?(?:돈|거))?\s?(?:은|이|도)?\s?(?:하나도\s?|전혀\s?|따로\s?)?(?:없|읎)"
    # "지금 수입 0원입니다", "income is 0"
    r"|(?:수입|(?<!인정)소득|벌이|(?<!recogni.ed )income|earnings|(?<!认定)收入|thu nhập)\s?(?:은|이|는|is|:)?\s?(?:지금\s?|now\s?)?(?<![\d,.])0\s?(?:원|won|韩元|đồng)?(?![\d,.])"
    r"|no income|(?:have|has|had|with) no (?:money coming in|earnings)|没有?(?:任何)?收入|没有?(?:一分)?钱(?:进来|进账)|(?:一分钱)?收入(?:都|也)?没有?|一分钱(?:都|也)没"
    r"|không có (?:thu nhập|đồng nào|khoản thu nào)|không có (?:tiền|lương) (?:vào|gì)",
    re.I,
)
#: Income of unstated kind ("소득", "수입", "income"): counted as other income, no work deduction.
_UNSTATED_INCOME = re.compile(r"(?<!근로)(?<!근로\s)(?<!사업)(?<!사업\s)소득|수입|income|收入|thu nhập", re.I)
#: Rent she receives, as a landlord: "상가 월세 받는 거 삼백", "3 million a month in rent from my tenants",
#: "商铺楼每个月收租三百万", "tiền cho thuê nhà". Its rent words name her income, not a rent she pays.
_LANDLORD = re.compile(
    r"(?:월세|세|임대료|집세)\s?(?:를|을|도|는)?\s?(?:받|들어오)|세입자(?:한테|들?이\s?내|가\s?내)|세\s?(?:놓|줬|주고|줘서)|상가|건물(?:주|에서|이\s?있)"
    r"|from (?:my|our|the|her|his) tenants?|tenants? pays?|rent(?:al)? income|income from (?:the |my |our )?(?:rent|flat|apartment|house|room)|rent(?:ing)? (?:it |them |one |rooms? )?out"
    r"|(?:get|receive)s? [^.?]{0,20}\bin rent\b|collect(?:s|ing)? (?:the )?rent|\brent (?:i|we) (?:get|receive|collect)"
    r"|收租|租金收入|房租收入|出租|租出去|租给|商铺|铺面|店面|楼(?:房)?.{0,8}租金|房东"
    r"|cho thuê|thu tiền (?:nhà|thuê)|tiền cho thuê|chủ nhà",
    re.I,
)
_PAYS_RENT = re.compile(
    r"(?:월세|집세|임대료)\s?(?:를|을|도|는)?\s?(?:\d+\S*\s?)?(?:내|냄|낸)|\bpay(?:s|ing)?\b[^.?]{0,24}\brent\b|交房租|付房租|trả tiền (?:nhà|thuê)",
    re.I,
)
_MONEY_KINDS: list[tuple[str, re.Pattern[str]]] = [
    # money kept in the bank ("100 million in deposits", "a fixed deposit"), not a rental deposit
    (
        "financial",
        re.compile(
            r"\bin (?:bank |term |fixed |time )?deposits\b|\bbank deposits?\b|\b(?:fixed|time|term) deposits?\b"
            r"|deposits? (?:in|at) (?:the |a |my )?bank",
            re.I,
        ),
    ),
    # A deposit is an asset, also "a rental deposit" and "월세 보증금".
    (
        "property",
        re.compile(
            r"보증금|전세금|전셋돈|전세(?!\s?(?:대출|자금|사기))|deposit|押金|保证金|全租|tiền (?:đặt )?cọc",
            re.I,
        ),
    ),
    (
        "rent",
        re.compile(
            r"월세(?!\s?보증금)|집세|\brent(?!al deposit)|房租|租金|tiền thuê|tiền nhà(?! riêng)|nhà thuê|thuê nhà",
            re.I,
        ),
    ),
    (
        "debt",
        re.compile(
            r"빚|대출|부채|debt|loan|mortgage|欠|贷款|房贷|n\u1ee3|thế chấp|\bno (?:ngan hang|the|\d|(?:mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi|tram)\b)",
            re.I,
        ),
    ),
    (
        "financial",
        re.compile(
            r"예금|적금|저축|통장|savings|in the bank|(?:bank )?account|存款|tiết kiệm|tiet kiem|(?<!nợ )(?<!no )ngân hàng|(?<!nợ )(?<!no )ngan hang",
            re.I,
        ),
    ),
    (
        "property",
        re.compile(
            r"재산|아파트|시세|보증금|전세금|đặt cọc|tiền cọc|dat coc|tien coc|\bcọc\b|\bcoc\b|押金|(?:집|빌라|주택|아파트|오피스텔)?\s?한\s?채|빌라|단독\s?주택|오피스텔|상가|건물|토지|(?<![가-힣])땅(?![가-힣])|(?<!사는)집\s?값|(?<![가-힣])집(?:이|은|도)(?!\s?(?:없|있))|(?<![가-힣])집(?=\s?\d)|property|\bworth\b|\bvalued\b|\b(?:own|our|my) (?:flat|house|home|place|condo)\b|\bvilla\b|\bapartment\b|\bbuilding\b|房子|楼|商铺|店面|铺面|公寓|房产|住房|别墅|土地|地皮|(?<![价])值|tòa nhà|nhà trị giá|tài sản|nhà riêng|căn nhà|ngôi nhà|\bnhà\b[^,.]{0,12}(?:trị giá|khoảng|tầm|cỡ)",
            re.I,
        ),
    ),
    (
        "other",
        re.compile(
            r"연금|용돈|지원금|수당|양육비|生活费|零花钱|给(?=\s?[\d一二三四五六七八九十两])|보내\s?(?:줘|준|주|줌)|부쳐\s?(?:줘|준|주)|\bsends? (?:us|me|her|him)\b|\bgives? (?:us|me)\b|寄给|给我们|gửi cho|실업급여|휴업\s?급여|산재\s?(?:급여|보험금|연금)|임대\s?(?:료|소득|수입)|(?:상가|가게|건물|방)\s?세|rental income|(?:급여|benefits?)로|그\s?외(?!에?[는엔]?\s?(?:없|아무))|unemployment benefit"
            r"|그\s?밖(?!에?[는엔]?\s?(?:없|아무))|따로|pension|allowance|\bother\b|another|\bplus\b|not (?:from )?(?:work|wages)"
            r"|isn'?t (?:from )?(?:work|wages)|养老金|年金|退休(?:金|费|工资)|津贴|补助|其他|另外|不是工资|lương hưu|trợ cấp|khác|tro cap|\bkhac\b|ngoài ra|\bthêm\b",
            re.I,
        ),
    ),
    (
        "earned",
        re.compile(
            r"근로\s?소득|사업\s?소득|근로\s?수입|earned income|工资收入|工作收入|thu nhập (?:từ )?(?:lương|làm)",
            re.I,
        ),
    ),
    # Income of unstated kind counts as other income: no work deduction, so never an underestimate.
    ("other", _UNSTATED_INCOME),
    # what she lives on ("한달에 오십만원 정도로 살아요", "we live on 900k a month"): her income, its kind unsaid
    (
        "other",
        re.compile(
            r"(?:정도|쯤|가량|가지고|갖고)(?:으)?로?\s?(?:살아|살고|살지|사는|삽니|생활|먹고\s?살|버텨|버티)|원으로\s?생활"
            # "한달에 이백오십쯤 들어와요": what comes in each month, its kind unsaid
            r"|(?:(?<=[\d일이삼사오육칠팔구십백천만억원쯤씩\s])|(?<=정도|가량|남짓))들어\s?(?:와|옵|옴|오고|오는|온다)"
            r"|\b(?:live|living|get by) on\b"
            r"|靠.{0,8}(?:生活|过日子|活着)|sống (?:bằng|nhờ)|song (?:bang|nho)\b",
            re.I,
        ),
    ),
    (
        "earned",
        re.compile(
            r"월급|근로|일해서|벌|버는|번다|연봉|알바|파트|일용직|(?:마트|공장|회사|식당|가게|편의점|현장|직장|공사장)(?:에서|\s?(?:다니|댕기|나가|출근))|요양보호사|경비|택배|배달|캐셔|계산원|미화원|경리|조리사|급식실|회사원|직장인|공무원|간호조무사|간호사|간병인|서빙|주방\s?일|생산직|사무직|청소\s?(?:일|다니|다녀|댕기|나가|하)|일\s?(?:다니|다녀|댕기|나가)"
            r"|\bfrom (?:my )?(?:work|job)\b|\bat work\b|earn|\b(?:engineer|nurse|teacher|driver|cook|cleaner|technician|clerk|cashier|waiter|waitress|mechanic|designer|developer|programmer|factory worker|office worker|caregiver)\b|\bmakes?\b|\bmaking\b|salary|wage|part[- ]time|\bjob\b|\bworks? (?:as|at)\b"
            r"|工资|月薪|薪水|薪资|年薪|挣|赚|打工|零工|上班|兼职|保安|保洁|司机|服务员|做工|厂里|开(?:货|出租|大)?车|送快递|干活|当.{1,3}?[工员师]"
            r"|lương|kiếm|đi làm|làm thêm|quán ăn|bán thời gian|ban thoi gian|lái xe|công nhân|nhà máy|làm (?:ở|nhà hàng|công ty|xưởng)|lam (?:o|nha hang|cong ty|xuong)\b",
            re.I,
        ),
    ),
]


CHILD_AGE_ALONE = 15
"""An age under this, said with no one's name beside a child she names, is the child's (no writer is so young)."""
_HAVE_A_BEFORE = re.compile(r"\b(?:have|has|had|got|with|and|plus)\s+(?:a|an|one)\s+$", re.I)
#: An English age followed by its noun: "a 3-year-old child", "an 8 year old son".
_AGE_THEN_NOUN = re.compile(
    r"\s*(?:-?\s*(?:years?|months?)\s*-?\s*old)?\s*(?:little\s+|young\s+)?[a-z]", re.I
)


#: What may stand between an age and the person it is about: "일곱 살 아들", "3岁的孩子", "21개월 된 아기".
_AGE_OF = re.compile(r"\s?(?:짜리|된|인|의|的)?\s?")


_JOINED = re.compile(r"\s?(?:이랑|랑|하고|와|과|and|và|和|跟)\s?", re.I)


def _nearest_relation(text: str, start: int, end: int, window: int = 12) -> str | None:
    best: tuple[int, str] | None = None
    for rel, pattern in _REL.items():
        for m in pattern.finditer(text, max(0, start - window), min(len(text), end + window)):
            if m.end() <= start:
                if _JOINED.fullmatch(text, m.end(), start):
                    continue  # "남편이랑 5살 딸": the relation before is the list's last, not the age's own
                if _NEXT_STATEMENT.search(text, m.end(), start) and not _HONOURED.match(text, end):
                    # "딸 하나 키우는데 서른다섯": a statement about the daughter ended before it; but not
                    # "아버지 모시고 사는데 여든넷이세요", said of him
                    continue
                distance = start - m.end()
            elif m.start() >= end:
                if not _AGE_THEN_NOUN.match(text, end) and not _AGE_OF.fullmatch(text, end, m.start()):
                    continue  # "예순여덟이고 영감이랑": a relation word after the age, not its noun, is someone else
                distance = (m.start() - end) + 3  # a weaker signal than a preceding one ("10 month old baby")
            else:
                continue
            if best is None or distance < best[0]:
                best = (distance, rel)
    return best[1] if best else None


_INCOME_RECOGNITION = re.compile(
    r"소득\s?인정액|income recognition|recogni[sz]ed income|收入认定额|认定收入|thu nhập được công nhận", re.I
)
_RECOGNITION_REACH = 16
"""How far after the words for 소득인정액 its amount may stand ("thu nhập được công nhận của tôi là 300 …")."""
_RECOGNITION_ZERO = re.compile(
    rf"(?:{_INCOME_RECOGNITION.pattern})[^.?!。]{{0,24}}?(?:\bzero\b|\bnone\b|\bnothing\b|(?<!\d)0\s?(?:원|won|nghìn|nghin)?(?![\d,.])|없|零|không\b)",
    re.I,
)


_NONE_AFTER = re.compile(r"\s?(?:은|는|이|도)?\s?(?:없|업|읎|no\b|none|không|khong|没)", re.I)
_ABOUT = re.compile(
    r"khoảng|khoang|chừng|about|around|roughly|approximately|大概|大约|左右|약|대략|대충|한\s?(?=[\d일이삼사오육칠팔구십백천만])",
    re.I,
)
_NONE_BEFORE = re.compile(r"(?:(?:không|khong)(?:\s+(?:có|co))?|\bno|without|没有|没|无)\s*$", re.I)
_CURRENCY_LEAD = re.compile(r"^\s*(?:won\b|krw\b|원|uôn\b|韩元|块|元)", re.I)


_CLAUSE_GAP = 10
#: A verb that closes an amount's clause ("연금이 이백 나오고 상가 세 …"): a word past it starts the next one.
_CLAUSE_ENDS = re.compile(r"(?:나오|들어오|받|벌|있)(?:고|는데|는디|구)\s")


def _gap_after(text: str, end: int, start: int) -> int:
    """How far a word after an amount stands from it, its currency not counted ("1.97 million won from
    work": the word is next to the amount, as "월급 148만" is)."""
    gap = text[end:start]
    # A word past a comma starts the next clause ("…二百六十万, 我不上班"): it is the amount's only when
    # nothing nearer names it. (An amount's run may have swallowed the comma: look one character back.)
    separated = bool(re.search(r"[,，。;；!?！？]|\.(?:\s|$)", text[max(0, end - 1) : end] + gap)) or bool(
        _CLAUSE_ENDS.search(gap)
    )
    return len(_CURRENCY_LEAD.sub("", gap)) + (_CLAUSE_GAP if separated else 0)


def _kind_of(lower: str, money: Money, amounts: list[Money]) -> str | None:
    """`_money_kind`, and for a bare amount of her husband's or hers in a list beside earnings ("신랑 삼백오십 내
    파트로 백이십"), earnings too: a working member's bare amount in such a list is his pay."""
    kind = _money_kind(lower, money, amounts)
    if kind is not None or money.explicit:
        return kind
    holder = _subject_before(lower, money.start)
    listed_pay = any(
        other is not money and _money_kind(lower, other, amounts) == "earned" for other in amounts
    )
    return "earned" if listed_pay and holder == "spouse" else None


def _money_kind(text: str, money: Money, amounts: list[Money] | None = None) -> str | None:
    """The kind of an amount from the nearest kind word before or after it. A word after it that stands as
    near the next amount is that amount's when this one already has a word before it ("월급 200 연금 30"),
    and a word nearer the next amount always is ("1.420.000 won, thêm 250.000 won")."""
    if any(
        money.start - m.end() <= _RECOGNITION_REACH
        and not any(m.end() <= other.start < money.start for other in amounts or [])
        for m in _INCOME_RECOGNITION.finditer(text, max(0, money.start - 60), money.start + 1)
    ):
        return "recognition"  # "소득인정액 30만원", "thu nhập được công nhận của tôi là 300 nghìn won"
    before: tuple[int, str] | None = None
    after: tuple[int, str, bool] | None = None
    # "tiết kiệm khoảng 1 triệu": a word of about-ness between the kind and the amount does not part them
    reach = 14 + (10 if _ABOUT.search(text, max(0, money.start - 14), money.start) else 0)
    for kind, pattern in _MONEY_KINDS:
        for m in pattern.finditer(text, max(0, money.start - reach - 12)):
            if m.start() > money.end + 16:
                break
            if m.start() < money.end:
                distance = max(0, money.start - m.end())
                if distance > reach:
                    continue  # ends too far before the amount to be its word
                denied = _NONE_BEFORE.search(text, max(0, m.start() - 10), m.start())
                if m.end() <= money.start and (denied or _NONE_AFTER.match(text, m.end())):
                    continue  # "Không có lương, chỉ có hai triệu": a kind she has none of is not this amount's
                if before is None or distance < before[0]:
                    before = (distance, kind)
                continue
            if _NONE_AFTER.match(text, m.end()) or _NONE_BEFORE.search(
                text, max(0, m.start() - 8), m.start()
            ):
                continue  # "예금은 이백, 빚 없어요", "không nợ": a kind she has none of is not this amount's
            distance = _gap_after(text, money.end, m.start())
            following = [x for x in amounts or [] if x.start >= m.end() and x.start > money.end]
            to_next = following[0].start - m.end() if following else None
            if to_next is not None and to_next < distance:
                continue
            if after is None or distance < after[0]:
                after = (distance, kind, to_next is not None and to_next <= distance)
    if before and after and (after[0] < before[0] and not after[2]):
        return after[1]
    if before:
        return before[1]
    return after[1] if after else None


#: A word between two amounts that takes the first back: "아니", "잘못 말했어요", "sorry, I mean", "à nhầm", "不对".
_CORRECTS = re.compile(
    r"아니(?:다|고|요|야)?(?![가-힣]*(?:에요|예요|었|라|면))|잘못\s?말|정정|\bsorry\b|\bI mean\b|\bactually\b|\bno,"
    r"|nhầm|nham\b|不对|说错",
    re.IGNORECASE,
)
#: A word between two amounts that denies the second: "A chứ không phải B", "A, not B", "A，不是B".
#: It stands right before the second ("300k won a month, not from work. … a deposit of 10,000,000" denies nothing).
_NOT_THIS = re.compile(
    r"(?:chứ không phải|chu khong phai|\bnot|不是|아니라)\s*(?:là\s*|about\s*|around\s*|khoảng\s*)?$",
    re.IGNORECASE,
)


#: A word that makes the next amount the sum of those before it: "190, 60 해서 한달 250", "in total 2.5 million".
_TOTAL_BEFORE = re.compile(
    r"(?:합쳐서|합치면|합치믄|합하면|합해서|합해가|다\s?해서|해서|총|모두|전부|in total|total|altogether|一共|总共|加起来|合计|tổng cộng|tổng|cả thảy)"
    r"\D{0,8}$",
    re.I,
)

_TOTAL_AFTER = re.compile(
    r"\s?(?:won\s)?(?:in total|total|altogether|in all|combined|together|tổng cộng)", re.I
)


def _restates_total(text: str, money: Money, income: dict[str, int]) -> bool:
    """Whether `money` only sums the incomes already read from the message ("국민연금 190 퇴직연금 60 해서 250")."""
    told = sum(income.values())
    return (
        told > 0
        and abs(money.krw - told) <= 10_000
        and bool(
            _TOTAL_BEFORE.search(text, max(0, money.start - 14), money.start)
            or _TOTAL_AFTER.match(text, money.end)
        )
    )


#: A total said before an amount, not "해서" alone ("알바해서 50만원" is what the work brings).
_SUM_BEFORE = re.compile(
    r"(?:합쳐서|합치면|합치믄|합하면|합해서|합해가|다\s?해서|총|모두|전부|in total|total|altogether|一共|总共|加起来|合计|tổng cộng|tổng|cả thảy)\D{0,8}$",
    re.I,
)


def _unsaid_part(text: str, money: Money, income: dict[str, int], previous: Money) -> str | None:
    """The kind of an income named without an amount of its own when `money` totals it with the incomes read so
    far ("국민연금 65만원하고 기초연금 합쳐서 120만원", "월급 200에 용돈이랑 다 해서 250"), else None."""
    told = sum(income.values())
    if not 0 < told < money.krw or not (
        _SUM_BEFORE.search(text, max(0, money.start - 14), money.start) or _TOTAL_AFTER.match(text, money.end)
    ):
        return None
    between = text[previous.end : money.start]
    return next(
        (
            kind
            for kind, pattern in _MONEY_KINDS
            if kind in ("earned", "other") and pattern is not _UNSTATED_INCOME and pattern.search(between)
        ),
        None,
    )


#: A 노인장기요양 grade (which excludes 노인맞춤돌봄): "장기요양 3등급 받으셨어요", "요양등급 나왔어요".
_LONG_TERM_CARE = re.compile(
    r"장기\s?요양\s?(?:보험\s?)?(?:[1-5일이삼사오]\s?|인지지원\s?)?등급|요양\s?등급"
    r"|long[- ]term[- ]care (?:grade|rating|level)|长期(?:护理|疗养)(?:保险)?(?:[1-5一二三四五]\s?)?(?:级|等级)|护理等级|疗养等级"
    r"|(?:cấp|mức)(?: độ)? chăm sóc dài hạn",
    re.IGNORECASE,
)
_IF_GRADED = re.compile(
    r"\s?(?:이|을|가|를|은)?\s?(?:나오면|받으면|받게|되면|신청(?:하면|해|하려))|\s?if\b", re.I
)
_NO_LONG_TERM_CARE = re.compile(
    r"등급(?:은|이|도)?\s?(?:없|안\s?(?:받|나)|못\s?받|탈락)|등급(?:(?!남편|아내|부인|자식|아들|딸|엄마|아빠|어머니|아버지)[^.?!]){0,12}?(?:안\s?(?:해|했|받|나)|못\s?받|없|탈락)|no long[- ]term[- ]care|\bno (?:장기)?요양\s?등급|没有(?:长期)?护理等级|没有(?:장기)?요양\s?등급"
    r"|(?:does\s?n[o']t|do\s?n[o']t|has\s?n[o']t|have\s?n[o']t|without|never)\s+(?:\w+\s+){0,3}long[- ]term[- ]care"
    r"|không có (?:cấp|mức)",
    re.IGNORECASE,
)


_DIALECT_COUNTS = {"서이": "셋", "너이": "넷"}


def _lists_everyone(lower: str, count: re.Match[str]) -> bool:
    """Whether a child count closes a bare list of the three of them: "남편 저 아기 셋", "신랑이랑 애기 셋"."""
    before = lower[: count.start()]
    # "신랑이랑 애기 셋", the reply ending there: her husband and the baby, the three of them (three babies
    # would be triplets; "남편이랑 애 셋" stays three children)
    companions = (
        bool(_COMPANIONS.search(before))
        and bool(re.match(r"(?:애기|아기|아가)\s", count.group(0)))
        and not lower[count.end() :].strip(" .!~")
    )
    if not ((_ME_LISTED.search(before) or companions) and _REL["spouse"].search(before)):
        return False  # "나 아들 둘 키워" is two sons
    if _RAISES_AFTER.match(lower, count.end()):
        return False  # "남편 나 딸 셋 키워요": three daughters
    return not _PLURAL_CHILDREN.match(count.group(0)) and _count(count) == 3


def _count(match: re.Match[str]) -> int | None:
    raw = next((g for g in match.groups() if g), None)
    return word_number(_DIALECT_COUNTS.get(raw, raw)) if raw else None


#: Program names that contain a relation word ("애기 수당", "parent benefit", "儿童津贴"): not members; and the
#: single-parent programs' names, which say nothing of her (`_SINGLE_PARENT_PROGRAM`).
_NAMES_WITH_RELATIONS = re.compile(
    _SINGLE_PARENT_PROGRAM.pattern
    + r"|(?:애기|아이|아동|애들|부모|한부모)\s?(?:수당|급여|양육비|지원금?)|첫만남|"
    r"parents?'?\s(?:allowance|benefit)|child(?:ren)?'?s?\s(?:allowance|benefit|support)|single[- ]parent\s\w+"
    r"|(?:儿童|孩子|父母|单亲)(?:津贴|补贴|补助|给付)|(?:trợ cấp|tro cap)\s(?:nuôi con|nuoi con|trẻ em|tre em|cha mẹ|cha me)"
    # and names with a disability word: "중증장애인 연금" says nothing about her disability
    r"|(?:(?:중증|경증)\s?)?장애인?\s?(?:연금|수당)|(?:残疾(?:人)?|(?:重度|轻度)残疾人?)(?:年金|养老金|津贴|补贴)"
    r"|disability (?:pension|allowance)(?: for (?:people with )?(?:severe|mild) disabilit(?:y|ies))?"
    r"|(?:lương hưu|trợ cấp|phụ cấp|tro cap|phu cap|luong huu)(?:\s\w+){0,3}\skhuyết tật(?:\s(?:nặng|nhẹ))?"
    # and a program described by whom it is for: "애기 키우면 주는 부모급여", "the newborn voucher", "for newborns"
    r"|(?:애기|아기|아이|애)\s?(?:를\s?|가\s?)?(?:키우면|낳으면|키우는\s?(?:집|가정|사람)에?(?:게)?|있으면)\s?(?:주는|나오는|받는)"
    r"|newborn(?:s'?)?\s(?:voucher|first[- ]meeting|support|allowance)|(?:voucher|allowance|support) for newborns"
    r"|(?:新生儿|生孩子)(?:补贴|补助|券)|(?:sinh con|trẻ sơ sinh) (?:thì|được) (?:nhận|cho)",
    re.I,
)


_BIRTH_WORD = re.compile(
    r"태어|출생|낳|출산|(?<!학)생(?:이|일|으로|이에요|이요|이야|이고|이구|이라|임)?(?![가-힣])|born|birth|出生|生的|生了(?!病)|生下|sinh"
    r"|\bhad (?:my|our|a|the|her)\b.{0,14}\b(?:baby|son|daughter|twins)|\bdelivered\b",
    re.I,
)
_LIST_GAP = re.compile(r"(?:\s?[(（][^)）\d]{0,24}[)）])?[\s,、，/]*(?:and|và|和|랑|이랑|하고|,)?[\s,、，/]*")
_OWN_AGE_START = re.compile(r"(?:저|제가|나|내가|본인|전|난)\s?(?:올해|지금|현재|이제)|i'?m\s|i am\s", re.I)
_OWN_AGE_BEFORE = re.compile(
    r"(?:저는?|제가|나는?|내가|본인은?|(?<![가-힣])(?:전|난)|나이(?:는|가)?|i'?m(?: a| an)?|i am(?: a| an)?|\bme|我"
    r"|(?<!chồng )(?<!vợ )(?<!con )(?<!mẹ )(?<!bố )(?<!trai )(?<!gái )(?<!út )(?<!lớn )(?<!nhỏ )(?<!cháu )(?:tôi|em|mình))"
    r"\s?(?:올해\s?|今年\s?|năm nay\s?)?"
    r"[(（]?\s?$"
)
#: "今年满24岁" after "我10岁跟妈妈来的": the age she has now, said with no one else's name, is hers.
_NOW_AGE_BEFORE = re.compile(r"(?:今年满?|现在|올해|năm nay|this year)\s?$", re.I)


#: "he's 36", "she is 71", "他36岁", "anh ấy 40 tuổi": someone named before, not the one who writes.
_PRONOUN_BEFORE = re.compile(
    r"\b(?:he|she)(?:'s|\s+is|\s+was|\s+turned)\s+(?:about\s+|around\s+|only\s+)?\S*$|[他她](?:今年)?\S*$"
    r"|(?:anh|chị|ông|bà|cô|chú)\s+ấy\s+(?:năm nay\s+)?\S*$",
    re.I,
)


def _pronoun_before(text: str, age: Age) -> bool:
    """Whether a pronoun stands right before the age's number (the age's own match may begin with it)."""
    digits = re.search(r"\d", text[age.start : age.end])
    number_at = age.start + digits.start() if digits else age.start
    return bool(_PRONOUN_BEFORE.search(text, max(0, number_at - 24), number_at))


def _last_relation_word(text: str, before: int, since: int = 0) -> tuple[re.Match[str], str] | None:
    """The last relation word between `since` and `before`, with its relation."""
    last: tuple[re.Match[str], str] | None = None
    for rel, pattern in _REL.items():
        for m in pattern.finditer(text, since, before):
            if last is None or m.start() > last[0].start():
                last = (m, rel)
    return last


def _last_relation(text: str, before: int) -> str | None:
    """The relation of the last relation word before `before`."""
    found = _last_relation_word(text, before)
    return found[1] if found else None


#: "with my 5 year old", "our 3-year-old": an age after "my" with no one named is her child's.
_MY_AGED = re.compile(r"\b(?:my|our)\s+$")


_PLURAL_KIDS = re.compile(
    r"\b(?:kids|children|sons|daughters)\b|애들|아이들|자녀들|孩子们|các con|mấy đứa", re.I
)


_TWINS = re.compile(r"쌍둥이|twins|双胞胎|sinh đôi", re.I)


_CARRIED = re.compile(r"\s?(?:을|를|이|가)?\s?(?:임신|가졌|가짐|뱄|출산\s?예정)")


def _pair_twins(lower: str, ages: list[Age], children: list[dict[str, Any]]) -> None:
    """The twins' age said once is both twins': a second child of that age is added (or an unaged one given it)."""
    word = _TWINS.search(lower)
    said = next((a for a in ages if word and 0 <= a.start - word.end() <= 12), None)
    if said is None:
        return
    key = "months_old" if said.unit == "months" else "age"
    same = [c for c in children if c.get(key) == said.value]
    if len(same) != 1:
        return
    other = next((c for c in children if "age" not in c and "months_old" not in c), None)
    if other is None:
        other = {"relation": "child"}
        children.append(other)
    other.update({k: v for k, v in same[0].items() if k in ("age", "months_old")})


#: Words that end one statement and start another: what follows is not said of the person before them.
_NEXT_STATEMENT = re.compile(
    r"는데|인데|(?<![가-힣])고\s|[가-힣]고\s|지만|니까|면서|and\b|but\b|và\b|但|而且", re.I
)


#: An honorific after an age: said of the elder named, not of the writer ("여든넷이세요", "일흔이신데").
_HONOURED = re.compile(r"\s?(?:살|세)?\s?(?:이)?(?:세요|신데|셔|십니|시고|시거든|시니)")


def _subject_before(lower: str, start: int) -> str | None:
    """The person a sentence is about when its age comes a few words after the name ("큰아이 생일 지나서 이제 열
    살"): the relation just before, within one statement, she not speaking of herself between."""
    found = _last_relation_word(lower, start, max(0, start - 30))
    if found is None:
        return None
    between = lower[found[0].end() : start]
    if _NEXT_STATEMENT.search(between):
        return None
    return _holder_before(lower, start, reach=20)


def _corrected_ages(lower: str, ages: list[Age]) -> list[Age]:
    """Ages without those taken back: in "집사람 예순다섯 아니구 예순넷이유" the second is the same person's, said
    right; the first goes, and the second stands where it stood (its relation word before it)."""
    kept: list[Age] = []
    for age in ages:
        last = kept[-1] if kept else None
        if (
            last is not None
            and last.unit == age.unit
            and _CORRECTS.search(lower, last.end, age.start)
            and not _ANY_REL.search(lower, last.end, age.start)
        ):
            kept[-1] = Age(age.value, age.unit, last.start, last.end)
            continue
        kept.append(age)
    return kept


def _age_relations(lower: str, ages: list[Age]) -> list[str | None]:
    """Whose each age is: the nearest relation word, or the one a pronoun stands for ("Husband is Korean, he's
    36"); a list goes on with its relation ("the kids are 17, 15 and 9"); and a list of young ages about
    children ("애 세 명이랑 살아요, 열두 살, 7살, 26개월") is theirs, not hers."""
    rels = [
        _nearest_relation(lower, a.start, a.end)
        or (_last_relation(lower, a.start) if _pronoun_before(lower, a) else None)
        or ("child" if _MY_AGED.search(lower, max(0, a.start - 6), a.start) else None)
        or _subject_before(lower, a.start)
        for a in ages
    ]
    runs: list[list[int]] = []
    for i in range(len(ages)):
        if i and _LIST_GAP.fullmatch(lower, ages[i - 1].end, ages[i].start):
            runs[-1].append(i)
        else:
            runs.append([i])
    counted = (
        any(p.search(lower) for p in _CHILD_COUNT) or _BIRTH_ORDER.search(lower) or _PLURAL_KIDS.search(lower)
    )
    for run in runs:
        kin = next((rels[i] for i in run if rels[i] in ("child", "grandchild")), None)
        if len(run) < 2 or any(rels[i] not in (None, "child", "grandchild") for i in run):
            continue
        if kin is None and not (counted or any(ages[i].unit == "months" for i in run)):
            continue
        for i in run:
            own = i == run[0] and _OWN_AGE_BEFORE.search(lower, 0, ages[i].start)
            young = ages[i].unit == "months" or ages[i].value < 30
            if rels[i] is None and young and not own:
                rels[i] = kin or "child"
    for i in range(1, len(ages)):
        # "큰애 세 살, 작은애 10개월이에요, 41살 먹었어요": a grown-up age after a child's, with no relation word
        # between them, is not the same child's (the nearest word was the child's own)
        grown = ages[i].unit != "months" and ages[i].value >= 19
        after_child = rels[i - 1] == "child" and (ages[i - 1].unit == "months" or ages[i - 1].value < 19)
        between = _ANY_REL.search(lower, ages[i - 1].end, ages[i].start)
        if rels[i] == "child" and grown and after_child and not between:
            rels[i] = None
    for m in COUPLE_AGES.finditer(lower):  # "my husband and I, 66 and 63": in the order they were named
        firsts = [i for i, a in enumerate(ages) if a.start == m.start("first")]
        seconds = [i for i, a in enumerate(ages) if a.start == m.start("second")]
        if firsts and seconds:
            spouse_first = not _SELF_FIRST.match(m.group("who"))
            rels[firsts[0]], rels[seconds[0]] = ("spouse", "self") if spouse_first else ("self", "spouse")
    return rels


#: The couple named with herself first, or as "we" (whose order says nothing; she is taken first).
_SELF_FIRST = re.compile(
    r"(?:i|me|we|both|저|나|우리|부부|tôi|em|vợ chồng|我)\b|(?:저|나|우리|부부|我)", re.I
)


_HE_OR_SHE = re.compile(r"\b(?:he|she)(?:'s|\s+is|\s+goes)\b|[他她]|\b(?:nó|bé|cháu)\b", re.I)

#: She speaks of herself: a relation word before this is not the one a trait after it belongs to.
_SELF_WORD = re.compile(r"저는|제가|나는|내가|본인|\bi\b|\bi'm\b|\bmy own\b|tôi|我", re.I)


#: A relation named as company ("신랑이랑 살아요", "with my husband") is not the one a trait after it belongs to.
_NOT_HOLDER = re.compile(r"\s?(?:이랑|랑|하고|와|과|and\b|và\b|和)")


def _holder_before(text: str, start: int, reach: int = 16) -> str | None:
    """The relation a trait said just after it belongs to ("my husband has a severe disability", "chồng em bị
    khuyết tật nhẹ"), unless she speaks of herself in between ("남편이랑 살고 저는 경증") or a sentence ends."""
    found = _last_relation_word(text, start, max(0, start - reach - 10))
    if found is None:
        return None
    word, rel = found
    between = text[word.end() : start]
    if len(between) > reach or _SELF_WORD.search(between) or _NOT_HOLDER.match(between):
        return None
    return None if re.search(r"[.!?。！？]", between) else rel


#: She tells her own birth: "I was born", "저는 …생", "tôi sinh", "我是…出生".
_OWN_BIRTH = re.compile(
    r"\bi was born|\bmy (?:birthday|date of birth)|저는?|제가|나는?|내가|본인|tôi|我", re.I
)
_GROWN_UP_YEARS = 15
_GAVE_BIRTH = re.compile(
    r"낳|출산|生了(?!病)|生下|生孩子|gave birth|had (?:a|my|our|the) (?:baby|son|daughter)|delivered|sinh (?:con|bé|em bé)|sinh (?:thêm )?(?:đứa|bé)",
    re.I,
)


def _own_birth(lower: str, start: int, end: int, born: date) -> bool:
    """Whether a birth date is the writer's own: she says so, or it is a grown-up's and no one else is named
    near it ("Gyeonggi youth basic income - can I apply? I was born on 28 Dec 2001")."""
    if _nearest_relation(lower, start, end, window=16) is not None:
        return False
    if _GAVE_BIRTH.search(lower, max(0, start - 24), end + 12):
        return False  # "八月二十号生了老三", "10월 3일에 낳았어요": she gave birth, the date is the baby's
    if _OWN_BIRTH.search(lower, max(0, start - 24), start):
        return True
    return (date.today() - born).days >= _GROWN_UP_YEARS * 365


#: How long she has lived where she lives, said with it: "我在始兴住了五年", "시흥에서 산 지 3년", "시흥 5년째 살아요",
#: "lived in Siheung for 4 years", "sống ở Siheung 2 năm".
_LIVED_YEARS = re.compile(
    r"住了\s?([\d一二三四五六七八九十两]{1,3})\s?年|(?:산|살았|살고\s?있은|온)\s?지(?:는|가|도)?\s?(\d{1,2}|[일이삼사오육칠팔구십]{1,3}|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s?년|(\d{1,2})\s?년\s?(?:째|동안|넘게)?\s?(?:살|거주)"
    r"|\blived (?:in \w+|here) (?:for )?(\d{1,2}) years|(?:sống|ở) (?:ở )?\w+ (\d{1,2}) năm",
    re.I,
)


def _years_lived_here(text: str) -> int | None:
    m = _LIVED_YEARS.search(text)
    if m is None:
        return None
    said = next(g for g in m.groups() if g)
    value = int(said) if said.isdigit() else (native_korean_number(said) or parse_numeral(said))
    return int(value) if value else None


def _born_child(children: list[dict[str, Any]], text: str, at: int) -> dict[str, Any]:
    """The child a birth the message tells is about: the first without an age, else a new one; with the
    message's birth order ("둘째")."""
    born = next((c for c in children if not _AGE_KEYS & c.keys()), None)
    if born is None:
        born = {"relation": "child"}
        children.append(born)
    if order := _order_of_birth(text, at):
        born.setdefault("birth_order", _birth_order(order))
    return born


def _order_of_birth(text: str, at: int) -> re.Match[str] | None:
    """The birth order word that belongs to the birth told at `at`: the one said just before it ("둘째는 지난달에
    태어났어요"), else one that names no other child by an age ("애기는 10월 3일생이고 첫째는 네살": 첫째 is the
    four-year-old, not the baby)."""
    before = [m for m in _BIRTH_ORDER.finditer(text, 0, at) if at - m.end() <= 12]
    if before:
        return before[-1]
    aged = [a.start for a in find_ages(text)]
    return next(
        (m for m in _BIRTH_ORDER.finditer(text) if not any(0 <= s - m.end() <= 8 for s in aged)),
        None,
    )


def amount_holders(text: str) -> list[str | None]:
    """Whose each amount is: the relation word just before it ("남편 월급 삼백": the husband's), else the one person
    the message is about when she does not speak of herself ("아들이 하나 있는데 … 공장 다니는데 월급 삼백": the
    son's); None where she does not say (hers or the household's)."""
    lower = text.lower()
    about = _about(lower)
    return [_subject_before(lower, m.start) or about for m in find_money(text)]


def _about(lower: str) -> str | None:
    """The one relation a message is about, when she names one and does not speak of herself."""
    named = [rel for rel, pattern in _REL.items() if re.search(pattern, lower)]
    mention = _REL[named[0]].search(lower) if named else None
    gone = bool(mention and _NONE_AFTER.match(lower, mention.end()))
    return named[0] if len(named) == 1 and not _SELF_WORD.search(lower) and not gone else None


def writer_income(text: str) -> dict[str, int]:
    """The income the writer says is hers or her husband's ("아들은 수입 없고 저는 요양보호사로 월 이백이십
    벌어요", "我月薪四百万，老婆打工一百五十万", "My son has no income, I earn 2 million"), by kind: amounts whose
    nearest subject before them, in their sentence, is her "저는/I/我/tôi" or her spouse. Asking for her son or
    her mother, that income is not the applicant's."""
    lower = text.lower()
    own: dict[str, int] = {}
    amounts = find_money(text)
    for money in amounts:
        boundary = max((m.end() for m in _SENTENCE_END.finditer(lower, 0, money.start)), default=0)
        window = max(boundary, money.start - 30)
        named = [m for pattern in _REL.values() for m in pattern.finditer(lower, window, money.start)]
        # not the "我" of "我妈", nor the "tôi" of "mẹ tôi" (my mother)
        me = [
            m
            for m in _SELF_WORD.finditer(lower, window, money.start)
            if not any(r.start() <= m.start() <= r.end() + 1 for r in named)
        ]
        other = _last_relation_word(lower, money.start, window)
        if other is not None and (not me or other[0].start() > me[-1].start()):
            if other[1] != "spouse":
                continue  # her son's, her mother's
        elif not me:
            continue
        kind = _money_kind(lower, money, amounts)
        if kind in ("earned", "other"):
            key = f"{kind}_krw"
            own[key] = own.get(key, 0) + money.krw
    return own


def unlabelled_amounts(text: str) -> int:
    """The sum of the amounts in `text` that no word of kind is near ("老公二百八十万", "남편 150"): said in
    answer to the question about income, they are income."""
    amounts = find_money(text)
    return sum(
        m.krw
        for m in amounts
        if _kind_of(text.lower(), m, amounts) is None
        and not any(o is not m and o.krw == m.krw for o in amounts)  # "1 triệu 2 (120 man)": said twice
        and not _NOT_NOW.match(text, m.end)  # "I had 2.2 million before but now nothing"
        and not _TOTAL_NEAR.search(text, max(0, m.start - 12), m.end + 12)  # "so 7 million total"
        and not _corrects_earlier(text, m, amounts)  # "rent 400k.. sorry, 450k": the rent, corrected
        and not _denied(text.lower(), m, amounts)  # "ba triệu thôi chứ không phải ba triệu rưỡi"
        and not _sums_the_others(m, amounts)  # "이백오만원이요. 남편 산재연금 백이십오에 제 알바 팔십"
    )


def _sums_the_others(money: Money, amounts: list[Money]) -> bool:
    """Whether `money` is the total of two or more other amounts of the message (said before or after them)."""
    others = [a.krw for a in amounts if a is not money]
    return len(others) >= 2 and abs(sum(others) - money.krw) <= 10_000


def _denied(lower: str, money: Money, amounts: list[Money]) -> bool:
    """Whether `money` is denied after an earlier amount: "A chứ không phải B", "A, not B", "A，不是B"."""
    earlier = [a for a in amounts if a.end <= money.start]
    return bool(earlier) and bool(_NOT_THIS.search(lower, earlier[-1].end, money.start))


def _corrects_earlier(text: str, money: Money, amounts: list[Money]) -> bool:
    """Whether `money` follows a correction word right after an earlier amount: it takes that amount's place."""
    earlier = [a for a in amounts if a.end <= money.start]
    return bool(earlier) and bool(_CORRECTS.search(text, earlier[-1].end, money.start))


#: Money a relative gives her ("아들이 따로 살면서 삼십만원 보내줘요", "my son sends 300k"): hers, wherever he lives.
_GIVEN_TO_HER = re.compile(
    r"보내\s?(?:줘|준|주|와|온)|부쳐|용돈|생활비|(?:주|줘)(?:요|는|고|서|유)|\bsends?\b|\bgives?\b|给我|给(?:我们|家里)?[^，。,.]{0,6}(?:生活费|零花钱)|生活费|寄|gửi|cho (?:tôi|em|mình)"
    # a survivor's pension of her late husband is hers ("lương hưu của chồng đã mất (유족연금)", "남편 유족연금")
    r"|유족|돌아가신|사별|survivor|\blate (?:husband|wife)\b|遗属|去世|过世|đã mất|da mat|qua đời",
    re.I,
)


def _elsewhere(lower: str, together: str, money: Money, outside: frozenset[str]) -> bool:
    """Whether `money` is the own money of someone outside the household: its holder is a relation in `outside`,
    or it is said in a clause about relatives who live apart (`without_apart`); not money they give her."""
    apart = together[money.start : money.end].isspace() and not lower[money.start : money.end].isspace()
    about = _about(lower)
    if about is not None and not _REL[about].search(lower, 0, money.start):
        about = None  # "국민연금 사십만원 나오는 게 다여유. 아들이 …": said before the son is named, hers
    if not apart and (_subject_before(lower, money.start) or about) not in outside:
        return False
    boundary = max((m.end() for m in _SENTENCE_END.finditer(lower, 0, money.start)), default=0)
    end = _SENTENCE_END.search(lower, money.end)
    return not _GIVEN_TO_HER.search(lower, boundary, end.start() if end else len(lower))


def outside_money_blanked(text: str, outside: frozenset[str]) -> str:
    """`text` with the amounts held by a relation in `outside` (or said of relatives who live apart) blanked, same
    length: what is left is the household's money ("제 연금 사십, 아들 월급 오백" after "혼자 살아요")."""
    lower = text.lower()
    together = without_apart(lower)
    for money in reversed(find_money(text)):
        if _elsewhere(lower, together, money, outside):
            text = text[: money.start] + " " * (money.end - money.start) + text[money.end :]
    return text


#: Money spent, said right after the amount.
_SPENT_AFTER = re.compile(r"[^.?!。？！\d]{0,20}?(?:花掉|花了|花光|用掉|用完|用光|썼|써\s?버렸|나갔)")
_SPENT_BEFORE = re.compile(
    r"\b(?:spent|used up|paid out)\s+(?:about\s+|around\s+)?$|(?:đã tiêu|tiêu hết|xài hết)\s+$", re.I
)
_NOT_NOW = re.compile(
    r"\W{0,3}(?:won\s)?(?:before|previously)|[^.]{0,8}(?:전에는|전엔|예전|以前|trước đây)", re.I
)
_RESTATED = re.compile(r".{0,2}[(（]\s*")
#: A year's income said as such: "연봉 3천", "일년 합쳐서 천이백", "a year", "一年", "một năm".
_YEARLY = re.compile(
    r"연봉|연\s?소득|연\s?수입|일\s?년|1\s?년\s?(?:에|동안|합쳐|치)|한\s?해|연간|per year|a year|annual|yearly"
    r"|年收入|年薪|一年|每年|một năm|mỗi năm|cả năm|hàng năm|\b1 năm",
    re.I,
)
_YEARLY_AFTER = re.compile(
    r"\s?(?:won\s|원\s?)?(?:a year|per year|annually|yearly|/\s?(?:year|yr|năm)|một năm|mỗi năm|1 năm|一年|每年)",
    re.I,
)
_TOTAL_NEAR = re.compile(
    r"total|altogether|in all|combined|합쳐|합해서|합이|총|모두 합|总共|一共|加起来|tổng", re.I
)


def income_kinds_said(text: str) -> set[str]:
    """The kinds of income a message names: "earned" (월급, 일해서, salary) and "other" (연금, 수당, 상가 세,
    pension). "월 182" and "소득은 200" name none: the 30% deduction on earnings then hangs on it."""
    lower = text.lower()
    return {
        kind
        for kind, pattern in _MONEY_KINDS
        if kind in ("earned", "other") and pattern is not _UNSTATED_INCOME and pattern.search(lower)
    }


def states_income_kind(text: str) -> bool:
    """Whether a message says what kind its income is (`income_kinds_said`)."""
    return bool(income_kinds_said(text))


def _own_age(lower: str, age: Age) -> bool:
    """Whether an age in years is said as hers: "저는 서른둘", "I'm 8"."""
    return age.unit == "years" and bool(
        _OWN_AGE_BEFORE.search(lower, max(0, age.start - 12), age.start)
        or _OWN_AGE_START.match(lower, age.start)
    )


#: Someone outside the household she tells of ("동료가 그러는데", "dong nghiep nguoi Han cung 24 tuoi noi duoc
#: nhan … 25 man moi quy", "a mum at the school gate reckons", "我同事说"): what that clause says is theirs.
_OUTSIDER = re.compile(
    r"(?:직장\s?)?동료|(?<![가-힣])친구(?:가|는|도|한테|말로|말이)|이웃(?:집)?(?:이|은|도|사람|에)|옆집\s?(?:사람|아줌마|아저씨|언니|할머니|할아버지|엄마)"
    r"|아는\s?(?:사람|언니|형|누나|동생|분|엄마)|(?<!at a )(?<!at my )(?<!with a )(?<!with my )\b(?:my |a |our )?(?:colleague|co-?worker|workmate|mate|friend|neighbou?r)s?\b(?!'s|’s| (?:place|house|home|flat))"
    r"|\ba (?:mum|mom|dad|parent|lady|guy|woman|man)\b (?:at|from|in)\b|\bsomeone (?:at|from)\b"
    r"|đồng nghiệp|dong nghiep|hàng xóm|hang xom|(?<!chào )(?<!chao )\bbạn (?:của )?(?:tôi|em|mình)\b|(?<!chao )\bban (?:cua )?(?:toi|em|minh)\b|同事|朋友|邻居|工友|老乡",
    re.I,
)
_CLAUSE_BOUNDARY = re.compile(r"[,.;!?，。；！？\n]")


def _outsiders_masked(text: str) -> str:
    """`text` with each clause about someone outside the household blanked (same length)."""
    for m in reversed(list(_OUTSIDER.finditer(text))):
        starts = [b.end() for b in _CLAUSE_BOUNDARY.finditer(text, 0, m.start())]
        end = _CLAUSE_BOUNDARY.search(text, m.end())
        start, stop = (starts[-1] if starts else 0), (end.start() if end else len(text))
        text = text[:start] + " " * (stop - start) + text[stop:]
    return text


def extract_facts(text: str, outside: frozenset[str] = frozenset()) -> dict[str, Any]:
    """A partial household dict (contract field names) with the facts stated in `text`. Amounts held by a relation
    in `outside` (the household told before has no such member), or by one this message places outside it, are
    that person's, not the household's income."""
    original = text
    text = _outsiders_masked(_NAMES_WITH_RELATIONS.sub(lambda m: " " * len(m.group(0)), text))
    pair = _PARENT_AND_CHILDREN.search(text)
    if pair is not None:  # "hai mẹ con": no mother of hers is named
        text = text[: pair.start()] + " " * len(pair.group(0)) + text[pair.end() :]
    lower = text.lower()
    facts: dict[str, Any] = {}
    self_member: dict[str, Any] = {"relation": "self"}
    others: dict[str, list[dict[str, Any]]] = {"spouse": [], "parent": [], "child": [], "grandchild": []}
    member_facts = False

    # Ages, attached to the nearest relation word, else to the applicant.
    ages = _corrected_ages(lower, find_ages(text))
    relations = _age_relations(lower, ages)
    young = [
        a
        for a, r in zip(ages, relations, strict=True)
        if r is None and a.unit == "years" and a.value < 14 and not _own_age(lower, a)
    ]
    children_listed = len(young) >= 2
    paired = {start for m in COUPLE_AGES.finditer(lower) for start in (m.start("first"), m.start("second"))}
    own_age = False
    for age, rel in zip(ages, relations, strict=True):
        member_facts = True
        if children_listed and age in young:
            rel = "child"  # "6 years old and 3 years old. Are there any support programs…": her children
        if age.unit == "months":
            rel = rel if rel in ("child", "grandchild") else "child"
        key, value = ("months_old", age.value) if age.unit == "months" else ("age", age.value)
        if age.start not in paired and _own_age(
            lower, age
        ):  # "저는 서른둘", "24살만 돼요? 저 올해 25인데": the age she says is hers wins
            self_member[key] = value
            own_age = True
            continue
        if rel is None and age.value < 18 and _HAVE_A_BEFORE.search(lower, max(0, age.start - 14), age.start):
            rel = "child"  # "we have a 2 year old", "with a 5-year-old": the child's age, its noun left out
        if rel is None and _NOW_AGE_BEFORE.search(lower, max(0, age.start - 6), age.start):
            self_member[key] = (
                value  # "我10岁跟妈妈来的韩国 … 今年满24岁": the age now, not the one she came at
            )
            continue
        if rel is None or rel not in others:
            self_member.setdefault(key, value)
            continue
        group = others[rel]
        target = next((m for m in group if "age" not in m and "months_old" not in m), None)
        if target is None or (rel in ("spouse", "parent") and group):
            target = group[0] if group and rel in ("spouse",) else None
        if target is None:
            target = {"relation": rel}
            group.append(target)
        target.setdefault(key, value)
        if age.unit == "months":
            target.setdefault("age", age.value // 12)

    # A child's birth date ("2026년 1월 10일에 태어났어요", "born on 17/12/2025", "sinh ngày 17/12/2025").
    for found in find_past_dates(text, date.today()):
        if _BIRTH_WORD.search(lower, max(0, found.start - 24), found.end + 12):
            member_facts = True
            if _own_birth(lower, found.start, found.end, found.value):
                self_member.setdefault("birth_date", found.value.isoformat())
                continue
            born = _born_child(others["child"], text, found.start)
            born["birth_date"] = found.value.isoformat()

    # A birth month without its day ("8월에 낳았어요", "had my first baby in August", "sinh tháng 10").
    today = date.today()
    dated = [c for c in others["child"] if "birth_date" in c]
    for month in [] if dated else find_past_months(text, today):
        if month.months_ago >= 36 or not _BIRTH_WORD.search(lower, max(0, month.start - 24), month.end + 12):
            continue  # a birth three years ago or more is an age in years, and may be her own
        if _DUE_BEFORE.search(lower, max(0, month.start - 20), month.start) or _DUE_AFTER.match(
            lower, month.end
        ):
            continue  # "dự sinh tháng 1", "1월 출산 예정": the month the baby is due, not one it was born in
        member_facts = True
        born = _born_child(others["child"], text, month.start)
        # Born in that month: a full month fewer when most of its days are still ahead of today's date.
        born["months_old"] = max(0, month.months_ago - (today.day < 16))
        born["age"] = born["months_old"] // 12
        break

    # "Em vừa sinh bé thứ hai được 10 ngày", "둘째 낳은 지 20일": the one baby told of is of that birth order.
    order = _BIRTH_ORDER.search(lower)
    if order and _BORN.search(text) and len(others["child"]) == 1:
        told = others["child"][0]
        if told.get("months_old") is not None and "birth_order" not in told:
            told["birth_order"] = _birth_order(order)

    # Children counted ("애 둘", "two kids", "两个孩子", "hai con").
    counted: tuple[int, int] | None = None
    for pattern in _CHILD_COUNT:
        m = pattern.search(lower)
        if (
            m
            and _ALL_OF_US.match(lower, m.end())
            and not _PLURAL_CHILDREN.match(m.group(0))
            and (
                (_count(m) == 2 and _ME_AND.search(lower, max(0, m.start() - 10), m.start()))
                or bool(_COMPANIONS.search(lower, 0, m.start()))
            )
        ):
            # "저랑 아이 둘이요", "저랑 애 둘이 살아요": the two of them, so one child ("저랑 애들 둘이요": two);
            # "와이프랑 다섯살 딸 셋이요": the three of them, counted after the list
            if not others["child"]:
                others["child"].append({"relation": "child"})
            member_facts = True
            break
        if m and _lists_everyone(lower, m):
            # "남편 저 아기 셋": she, her husband and the baby, counted after the list
            if not others["child"]:
                others["child"].append({"relation": "child"})
            member_facts = True
            break
        if m:
            counted = m.span()
            n = _count(m)
            rel = "grandchild" if re.search(r"손주|손자|손녀|cháu", m.group(0)) else "child"
            if n and n <= 12:
                group = others[rel]
                while len(group) < n:
                    group.append({"relation": rel})
                member_facts = True
            break
    ranked = {
        m.group(0)
        for m in _RANKED_CHILD.finditer(lower)
        if not _CARRIED.match(lower, m.end())  # "둘째 임신 중": the unborn is not one of her children yet
    }
    if len(ranked) >= 2 and len(others["child"]) < len(ranked) and not _BORN.search(text):
        # "큰애 고2 작은애 중1": as many children as are named by place (a birth order of a new baby is not one)
        others["child"] += [{"relation": "child"} for _ in range(len(ranked) - len(others["child"]))]
        member_facts = True
    twins = bool(re.search(r"쌍둥이|twins|双胞胎|sinh đôi", lower))
    if twins and len(others["child"]) < 2:
        others["child"] = [
            *others["child"],
            *({"relation": "child"} for _ in range(2 - len(others["child"]))),
        ]
        member_facts = True
    aged = [c for c in others["child"] if "age" in c or "months_old" in c]
    if twins and len(aged) == 1:  # "쌍둥이 네 살": both are four
        twin = next(c for c in others["child"] if c is not aged[0])
        twin.update({k: v for k, v in aged[0].items() if k in ("age", "months_old")})
    elif twins:  # "큰아이 아홉 살, 쌍둥이가 다섯 살": two children of the age said after the twins
        _pair_twins(lower, ages, others["child"])

    together = without_apart(lower)  # relations said to live elsewhere are not members
    together = _UNBORN.sub(" ", together)  # "baby due in February", "肚子里的宝宝": not born yet
    if _PREGNANT.search(together) and not _BORN.search(together):
        together = _FIRST_UNBORN.sub(" ", together)
    # One child or grandchild named without a count ("남편이랑 아기랑 셋", "my husband and our baby").
    # what the message says of relatives who live apart ("儿子…不住一起"): the one child it names elsewhere is him
    apart_said = "".join(c if t == " " else " " for c, t in zip(lower, together, strict=False))
    for rel, pattern in (("child", _ONE_CHILD), ("grandchild", _ONE_GRANDCHILD)):
        if not others[rel] and pattern.search(together) and not pattern.search(apart_said):
            others[rel].append({"relation": rel})
            member_facts = True
    and_baby = _AND_BABY.search(together)
    if (
        and_baby
        and others["child"]
        and all(_AGE_KEYS & c.keys() for c in others["child"])
        and all(a.end <= and_baby.start() for a in ages)
    ):  # named after every age, none said for it
        others["child"].append({"relation": "child"})  # "con trai lớn 4 tuổi và em bé": the baby besides
    newborn = _NEWBORN.search(lower)
    if newborn:  # "신생아요 둘다", "newborn twins": no months yet
        if re.search(r"둘\s?다|both|两个都|俩都|cả hai", lower) and len(others["child"]) < 2:
            others["child"] += [{"relation": "child"} for _ in range(2 - len(others["child"]))]
        elif (
            others["child"]
            and all(_AGE_KEYS & c.keys() for c in others["child"])
            and all(a.end <= newborn.start() for a in ages)
        ):
            others["child"].append({"relation": "child"})  # "큰애 네살, 신생아": the newborn besides
        others["child"] = others["child"] or [{"relation": "child"}]
        for kid in others["child"]:
            if not _AGE_KEYS & kid.keys():
                kid.update({"months_old": 0, "age": 0})
        member_facts = True
    with_parent = _WITH_PARENT.search(together)
    if not others["parent"] and with_parent:
        # "부모님이랑 같이 살아요", "엄마 아빠랑", "엄빠랑": both of them
        both = _BOTH_PARENTS.search(together, max(0, with_parent.start() - 6), with_parent.end() + 8)
        others["parent"] += [{"relation": "parent"} for _ in range(2 if both else 1)]
        member_facts = True

    # Spouse living together.
    if _REL["spouse"].search(together) and not SPOUSE_GONE.search(lower) and not others["spouse"]:
        others["spouse"].append({"relation": "spouse"})
        member_facts = True
    if (_WITH_SPOUSE.search(lower) or _DUAL_EARNERS.search(lower)) and not others["spouse"]:
        others["spouse"].append({"relation": "spouse"})
        member_facts = True

    no_disability = _NO_DISABILITY.search(lower)
    if no_disability:  # "my husband has no disability" is his, not hers
        # in its own sentence: "와이프하고 살아. 등록된장애 없어" is hers
        since = max((m.end() for m in _SENTENCE_END.finditer(lower, 0, no_disability.start())), default=0)
        rel = _nearest_relation(lower, no_disability.start(), no_disability.end(), window=16)
        if rel is not None and not _ANY_REL.search(lower, since, no_disability.start()):
            rel = None
        holder = others.get(rel or "self") if rel not in (None, "self") else None
        if holder:
            holder[0]["disability"] = "none"
        elif rel in (None, "self"):
            self_member["disability"] = "none"
        member_facts = True
    # Disability, school, employment, pregnancy. "pension for severe disabilities" names the program, not her.
    leveled = PROGRAM_FOR_LEVEL.sub(lambda found: " " * len(found.group(0)), lower)
    for level, pattern in (("severe", _SEVERE), ("mild", _MILD)):
        m = pattern.search(leveled)
        word = _DISABILITY_WORD.search(lower)
        if m and word:
            # "아들이 중증", "chồng em bị khuyết tật nhẹ", "my wife is 60 and has a severe disability": the
            # relation next to the level or to the word, or the subject a little before it
            rel = _nearest_relation(lower, m.start(), m.end(), window=6) or _holder_before(
                lower, min(m.start(), word.start()), reach=24
            )
            held = others.get(rel or "self") or []
            target = held[0] if held else self_member
            if rel == "child" and not others["child"]:
                target = {"relation": "child"}
                others["child"].append(target)
            target["disability"] = level
            member_facts = True
            break
    schooled = _school_mentions(lower)
    for index, (start, end, level) in enumerate(schooled):
        kids = others["child"] or others["grandchild"]
        if _ALL_OF_THEM.search(lower[max(0, start - 10) : start]) and len(kids) >= 2:
            # "애들 둘 다 중학생", "两个孩子都上小学": the level of every child she named
            for kid in kids:
                if "months_old" not in kid and (kid.get("age") or 6) >= 6:
                    kid["school"] = level
            member_facts = True
            continue
        rel = _nearest_relation(lower, start, end, window=14)
        if rel is None and _HE_OR_SHE.search(lower, max(0, start - 16), start):
            rel = _last_relation(lower, start)  # "Does my son qualify? He's in 4th grade"
        if rel is None and len(schooled) > 1:
            rel = "child"  # "孩子一个上小学三年级，一个上初二": a level each, for her children in order
        if rel in ("child", "grandchild"):
            # a baby is at no school: "막내가 백일 지났어요 … 첫째 둘째는 초등학생" is of the older ones
            schoolable = [c for c in others[rel] if "months_old" not in c and (c.get("age") or 6) >= 6]
            while len(schoolable) <= index:
                schoolable.append({"relation": rel})
                others[rel].append(schoolable[-1])
            schoolable[index]["school"] = level
        else:
            self_member["school"] = level
        member_facts = True
    if (
        _UNEMPLOYED.search(lower)
        and not re.search(
            r"(?:남편|아내|husband|wife|丈夫|老公|chồng|vợ).{0,6}(?:실직|해고|잘렸|lost|失业|mất việc)", lower
        )
    ) or any(_subject_before(lower, m.start()) is None for m in _NOT_WORKING.finditer(lower)):
        self_member["employed"] = False  # not "chồng em … không đi làm được nữa": his, not hers
        member_facts = True
    elif any(_holder_before(lower, m.start()) is None for m in _EMPLOYED.finditer(lower)):
        self_member["employed"] = True  # not "아빠는 회사다니고": his work, not hers
        member_facts = True
    daycare = _DAYCARE.search(lower)
    if daycare and not (
        _IF_AFTER.match(lower, daycare.end())
        or _IF_BEFORE.search(lower, max(0, daycare.start() - 30), daycare.start())
    ):  # not "어린이집 다니면 어떻게 돼요?": a case asked about, not her child's
        if not others["child"]:
            others["child"].append({"relation": "child"})
        youngest = others["child"][-1]
        youngest["daycare"] = not _NOT_DAYCARE.search(lower)
        member_facts = True
    pregnancy = _PREGNANT.search(lower)
    if pregnancy:
        # "my wife is pregnant", "아내가 임신했어요": the wife named right before it is the one
        wife = _WIFE_BEFORE.search(lower, max(0, pregnancy.start() - 16), pregnancy.start())
        pregnant_one = "spouse" if wife else None
        if pregnant_one == "spouse" and not others["spouse"]:
            others["spouse"].append({"relation": "spouse"})
        (others["spouse"][0] if pregnant_one == "spouse" else self_member)["pregnant"] = True
        member_facts = True
        unaged = [c for c in others["child"] if not _AGE_KEYS & c.keys()]
        if len(others["child"]) == 1 and unaged and not _GAVE_BIRTH_PAST.search(lower):
            others["child"] = []  # "sắp tới em đi bệnh viện sinh em bé": the baby to come is no member yet
    graded = _LONG_TERM_CARE.search(lower)
    if graded and not _IF_GRADED.match(lower, graded.end()):  # "등급 나오면 …": a what-if, not a fact
        # "장기요양 3등급 받으신 어머니": the parent named, else the writer (or the applicant she asks for)
        graded_member = others["parent"][-1] if others["parent"] else self_member
        if (
            not others["parent"]
            and _nearest_relation(lower, graded.start(), graded.end(), window=24) == "spouse"
        ):
            # "我老伴去年中风了，现在长期疗养3级": his grade, not hers
            graded_member = others["spouse"][0] if others["spouse"] else {"relation": "spouse"}
            if not others["spouse"]:
                others["spouse"].append(graded_member)
        graded_member["long_term_care"] = not _NO_LONG_TERM_CARE.search(lower)
        member_facts = True

    # Household size.
    size: int | None = None
    for pattern in _SIZE:
        m = pattern.search(lower)
        if m and not (counted and m.start() < counted[1] and counted[0] < m.end()):
            size = _count(m)  # ("애 둘이에요" counts children, not the household)
            break
    if size is None and pair is not None:
        size = _parent_and_children(pair)
    if _SELF_ALONE.search(lower) or any(
        not _ANY_REL.search(lower, max(0, m.start() - 8), m.start()) for m in _LIVES_ALONE.finditer(lower)
    ):  # (not "아들 혼자 살아요": her son's)
        # "아들이 대기업 댕기는데 나 혼자 살아": family named only for what they do elsewhere lives elsewhere
        for rel in ("spouse", "child", "grandchild"):
            others[rel] = [m for m in others[rel] if set(m) - {"relation"}]
    alone = bool(ALONE.search(lower)) and not any(others[r] for r in ("spouse", "child", "grandchild"))
    # "엄마가 … 혼자 사세요": the parent lives alone (an honorific), not the writer
    if alone and not re.search(
        r"사시|사세요|사셔|사십니|살고\s?계|계세요|계십니|지내세요|(?:mother|father|mom|dad|妈妈|爸爸|我妈|我爸|老妈|老爸|m\u1eb9|b\u1ed1)",
        lower,
    ):
        member_facts = True
        others["parent"] = []
        size = 1
    else:
        alone = False
    if len(others["spouse"]) == 1 and _BOTH.search(lower):
        # "남편이랑 나 둘다 일흔셋이에요": one age said of the two of them
        spouse = others["spouse"][0]
        said = self_member.get("age", spouse.get("age"))
        if said is not None:
            self_member.setdefault("age", said)
            spouse.setdefault("age", said)
    ageless = [c for c in others["child"] if not {"age", "months_old", "birth_date"} & c.keys()]
    if not own_age and (self_member.get("age") or 99) < CHILD_AGE_ALONE and len(ageless) == 1:
        # "초4 딸 하나 있는데 … 열살이에요": a child's age said alone is her daughter's, not the writer's
        ageless[0]["age"] = self_member.pop("age")
    members = [self_member]
    for rel in ("spouse", "child", "grandchild", "parent"):
        members.extend(others[rel])
    if size is not None and 1 <= size <= 30:
        member_facts = True
        if len(members) < size and not others["parent"] and _REL["parent"].search(together):
            # "5口人：我、妻子、两个孩子、母亲": the count says who else lives with her, and a parent is named
            both = re.search(r"부모님|시부모|\bparents\b|父母|爸妈|cha mẹ|bố mẹ|ba mẹ", together)
            members += [{"relation": "parent"} for _ in range(min(size - len(members), 2 if both else 1))]
        # The count decides the size; members named beyond it were counted wrongly by the rules, not by her.
        members = (
            members[:size]
            if len(members) > size
            else members + [{"relation": "child"} if pair else {} for _ in range(size - len(members))]
        )
    for member, code in _nationalities(lower, members):
        member["nationality"] = code
        member_facts = True
    if member_facts:
        facts["members"] = members
    if (size is not None and len(members) == size) or alone:
        # who lives with her is told: a relation she names beside them lives elsewhere
        present = {m.get("relation") for m in members}
        if None not in present:
            outside = outside | {r for r in _REL if r not in present}

    # Money.
    income: dict[str, int] = {}
    assets: dict[str, int] = {}
    housing: dict[str, Any] = {}
    amounts = find_money(text)
    landlord = bool(_LANDLORD.search(lower)) and not _PAYS_RENT.search(lower)
    last: tuple[str, Money] | None = None  # the kind and the amount read last
    for money in amounts:
        if _elsewhere(lower, together, money, outside):
            continue  # "아들이 서울서 회사 댕기는디 월급이 오백": her son's pay, he not of her household
        kind = _kind_of(lower, money, amounts)
        if landlord and kind in ("rent", None):
            kind = "other"  # "상가 월세 받는 거 삼백": rent her tenants pay her is her income
        if _SPENT_AFTER.match(lower, money.end) or _SPENT_BEFORE.search(lower, 0, money.start):
            continue  # "那300万上礼拜办丧事已经花掉了", "300은 장례비로 썼어요": money gone, not hers now
        if last is not None and _NOT_THIS.search(lower, last[1].end, money.start):
            continue  # "2 triệu 8 chứ không phải 3 triệu 8", "2.8 million, not 3.8": the second is denied
        if _RESTATED.fullmatch(lower, max(0, money.start - 3), money.start) and any(
            o.krw == money.krw and o.end <= money.start for o in amounts
        ):
            continue  # "3 triệu won (300 vạn)": the same amount said again in brackets
        if last is not None and _CORRECTS.search(lower, last[1].end, money.start):
            # "월급 250만원 아니 280만원", "250 triệu… à nhầm 2 triệu 5": the second replaces the first
            kind = kind or last[0]
            if kind == last[0]:
                bucket = income if kind in ("earned", "other") else assets
                key = f"{kind}_krw"
                if key in bucket:
                    bucket[key] -= last[1].krw
        if kind in ("earned", "other") and _restates_total(lower, money, income):
            continue
        part = (
            _unsaid_part(lower, money, income, last[1])
            if last and kind in ("earned", "other", None)
            else None
        )
        if part is not None:
            # "국민연금 65만원하고 기초연금 합쳐서 120만원": the part named without an amount is the rest of the total
            kind, money = (
                part,
                Money(money.krw - sum(income.values()), money.start, money.end, money.explicit),
            )
        if kind in ("earned", "other") and (
            _YEARLY.search(lower, max(0, money.start - 16), money.start)
            or _YEARLY_AFTER.match(lower, money.end)
        ):
            money = Money(money.krw // 12, money.start, money.end, money.explicit)  # "일년 합쳐서 천이백"
        if kind is not None:
            last = (kind, money)
        if kind == "earned":
            income["earned_krw"] = income.get("earned_krw", 0) + money.krw
        elif kind == "other":
            income["other_krw"] = income.get("other_krw", 0) + money.krw
        elif kind == "rent":
            housing["rent_krw"] = money.krw
        elif kind in ("property", "financial", "debt"):
            assets[f"{kind}_krw"] = assets.get(f"{kind}_krw", 0) + money.krw
        elif kind == "recognition":
            facts["income_recognition_krw"] = money.krw
    if "income_recognition_krw" not in facts and _RECOGNITION_ZERO.search(lower):
        facts["income_recognition_krw"] = 0  # "my own 소득인정액 is zero", "소득인정액이 0원이래요"
    if _NO_INCOME.search(lower) and not income:
        income = {"earned_krw": 0, "other_krw": 0}
    if income:
        facts["income"] = income
    if assets:
        facts["assets"] = assets

    for tenure, pattern in _TENURE:
        if pattern.search(lower) and not (landlord and tenure == "renter"):
            housing["tenure"] = tenure
            break
    if "rent_krw" in housing:
        housing.setdefault("tenure", "renter")
    if housing:
        facts["housing"] = housing

    crisis = [event for event, pattern in _CRISIS_EVENTS if pattern.search(lower)]
    if "breadwinner_death" in crisis and _YEARS_AGO.search(lower):
        # "남편 20년 전에 돌아가셨어요": a death years ago is her situation, not a sudden crisis (긴급복지)
        crisis.remove("breadwinner_death")
    if crisis:
        facts["crisis"] = crisis
    if {"breadwinner_death", "breadwinner_absent"} & set(crisis) and "members" in facts:
        # A spouse who died or left is named, but is no longer a member of the household.
        facts["members"] = [m for m in facts["members"] if m.get("relation") != "spouse"]
    with_spouse = any(m.get("relation") == "spouse" for m in facts.get("members", []))
    single = _SINGLE_PARENT.search(lower)  # the single-parent programs' names are masked in `text`
    if _NOT_SINGLE_PARENT.search(lower) or (with_spouse and single):
        facts["single_parent"] = False  # "한부모는 아니에요"; a spouse lives with her
    elif _RAISING_GRANDCHILD.search(lower):
        # 조손가족: she raises a grandchild whose parent is gone ("딸년이 집 나가고 손주놈을 내가 키워요"); the
        # parent named is no member
        facts["single_parent"] = True
        members = [m for m in facts.get("members", [{"relation": "self"}]) if m.get("relation") != "child"]
        if not any(m.get("relation") == "grandchild" for m in members):
            members.append({"relation": "grandchild"})
        facts["members"] = members
    elif single:
        facts["single_parent"] = True
        members = facts.setdefault("members", [{"relation": "self"}])
        if not any(m.get("relation") == "child" for m in members):
            members.append({"relation": "child"})  # a single parent raises a child: its age is still to ask
    asked, receiving = detect_programs(original)
    if receiving and _NOTHING_ELSE.search(lower):
        facts["receiving"] = receiving  # "Mẹ tôi nhận 기초연금, không có gì khác": that one, nothing else
    elif _NOT_RECEIVING.search(lower) and (asked or receiving or denied_programs(original)):
        # "기초연금도 차상위도 아무것도 안 받아요": the programs named are not received; but "기초연금은 받고 있고
        # 장기요양 등급은 안 받았다": the receipt said before, in its own clause, stands
        cut = _receipt_said_until(lower)
        kept = detect_programs(original[:cut])[1] if cut and not _NOT_RECEIVING.search(lower, 0, cut) else []
        facts["receiving"] = kept
    elif receiving:
        facts["receiving"] = receiving
    # where relatives who live apart live is not hers ("our son … lives in Seoul with his own family")
    home = (
        "".join(" " if t == " " else c for c, t in zip(text, together, strict=True))
        if len(together) == len(text)
        else text
    )
    region = find_region(home)
    if region:
        facts["region"] = region
        one_place = len({p.sigungu or p.sido for p in find_places(text)}) == 1  # not "부천 5년 살다가 시흥"
        if one_place and (years := _years_lived_here(text)) is not None:
            region["months_resident"] = (
                years * 12
            )  # "我在始兴住了五年", "시흥 산 지 3년", "lived in Siheung 4 years"
    m = _GYEONGGI_YEARS.search(text)
    history = None if m else residence(text) or moved_in(text, date.today())
    if m:
        facts["gyeonggi_residence_years"] = float(next(g for g in m.groups() if g))
    elif history is not None:  # "在安山住了9年，然后去首尔读了4年大学，两年前搬回始兴": 2 in a row, 11 in all
        facts["gyeonggi_residence_years"] = history.gyeonggi_years
        if history.gyeonggi_total_years is not None:
            facts["gyeonggi_total_residence_years"] = history.gyeonggi_total_years
        now = history.current  # where she lives now, and since when
        facts["region"] = {"sido": now.sido, "sigungu": now.sigungu, "months_resident": now.months}
    children = [m for m in facts.get("members") or [] if m.get("relation") == "child"]
    birth_told = _BORN.search(text)
    # "둘째 낳았는데 … 첫째는 세돌 지났어요", "첫째는 세살이고 둘째 낳았는데": the older ones told, the baby of the
    # order said with the birth besides them
    order = _order_of_birth(text, birth_told.end()) if birth_told else None
    older_only = bool(order) and all((m.get("age") or 0) >= 2 for m in children)
    if (
        birth_told
        and (not children or (older_only and order is not None and _birth_order(order) > len(children)))
        and not _PREGNANT.search(text)  # "sắp tới em đi bệnh viện sinh em bé": a birth to come, no baby yet
    ):
        # "둘째 낳았어요", "출산한지 얼마 안됐어요": a baby, its age still to ask
        baby: dict[str, Any] = {"relation": "child"}
        if order:
            baby["birth_order"] = _birth_order(order)
        facts.setdefault("members", [{"relation": "self"}]).append(baby)
    birth = _BIRTH.search(text)
    if birth:
        when = next((g for i, g in enumerate(birth.groups(), 1) if g and i != 2), "")
        months = _BIRTH_MONTHS_FOLDED.get(fold_latin(when.lower()))
        if months is None and birth.group(2):
            months = int(birth.group(2)) if birth.group(2).isdigit() else native_korean_number(birth.group(2))
        child: dict[str, Any] = {"relation": "child"}
        if months is not None:
            child["months_old"] = months
            child["age"] = months // 12
        if order := _order_of_birth(text, birth.start()):
            child["birth_order"] = _birth_order(order)
        facts.setdefault("members", [{"relation": "self"}])
        newborn = next((m for m in facts["members"] if m.get("relation") == "child" and "age" not in m), None)
        if newborn is not None:
            newborn.update({k: v for k, v in child.items() if k != "relation"})
        else:  # no child without an age: the baby is one more ("첫째는 네 살이고 둘째는 지난달에…")
            facts["members"].append(child)
    _mark_rank(lower, facts)
    return facts


#: The older or the younger of the children she has told about: "my older one turned 10", "큰애는 열살",
#: "老大十岁", "đứa út 5 tuổi".
_ELDEST = re.compile(
    r"큰\s?(?:애|아이|놈|딸|아들|거)|맏이|(?:older|oldest|elder|eldest|big)\s(?:one|kid|child|son|daughter|boy|girl)"
    r"|老大|大的|大儿子|大女儿|đứa (?:lớn|đầu|cả)|con (?:lớn|cả)|bé lớn",
    re.I,
)
#: The first-born named ("첫째는 세살", "the first one is 3", "老大三岁", "đứa đầu 3 tuổi"): birth order 1.
_FIRST_BORN = re.compile(
    r"첫째|첫\s?(?:애|아이|딸|아들)|(?:first|1st)[- ](?:one|kid|child|born|son|daughter)|老大|đứa đầu|con đầu",
    re.I,
)
_YOUNGEST = re.compile(
    r"작은\s?(?:애|아이|놈|딸|아들|거)|막내|(?:younger|youngest|little|baby)\s(?:one|kid|child|son|daughter|boy|girl)"
    r"|老小|小的|最小的|小儿子|小女儿|đứa (?:nhỏ|út|bé)|con (?:nhỏ|út)|bé út",
    re.I,
)


def _mark_rank(lower: str, facts: dict[str, Any]) -> None:
    """The one child whose age a message gives, marked as the eldest or the youngest of those known when the
    message says which (`rank`: read when merging, never stored)."""
    aged = [
        m
        for m in facts.get("members") or []
        if m.get("relation") == "child" and ("age" in m or "months_old" in m)
    ]
    eldest, youngest = _ELDEST.search(lower), _YOUNGEST.search(lower)
    if len(aged) == 1 and bool(eldest) != bool(youngest) and "birth_order" not in aged[0]:
        aged[0]["rank"] = "eldest" if eldest else "youngest"
    elif len(aged) == 1 and _FIRST_BORN.search(lower) and not youngest and "birth_order" not in aged[0]:
        aged[0]["birth_order"] = (
            1  # "첫째는 세살이에요" (after "둘째 낳았어요"): the first-born, not the baby
        )


def flatten_facts(facts: dict[str, Any]) -> dict[str, Any]:
    """A flat view used by the evaluation: self_age, parent_age, child_age, child_months_old, household_size,
    earned_krw, other_krw, rent_krw, property_krw, tenure, disability, pregnant, single_parent, crisis, receiving,
    sigungu, gyeonggi_residence_years."""
    flat: dict[str, Any] = {}
    members: list[dict[str, Any]] = facts.get("members", [])
    if members:
        flat["household_size"] = len(members)
    for member in members:
        rel = member.get("relation")
        for key in ("age", "months_old"):
            if key in member and rel in ("self", "parent", "child", "spouse"):
                flat.setdefault(f"{rel}_{key}", member[key])
        if member.get("disability"):
            flat.setdefault("disability", member["disability"])
        if member.get("pregnant"):
            flat["pregnant"] = True
    for section in ("income", "assets", "housing"):
        for key, value in facts.get(section, {}).items():
            flat[key] = value
    for key in ("crisis", "single_parent", "receiving", "gyeonggi_residence_years"):
        if key in facts:
            flat[key] = facts[key]
    if "region" in facts:
        flat["sigungu"] = facts["region"].get("sigungu")
    return flat


# Every pattern of this module also matches Vietnamese typed without marks ("tuoi", "khong co", "nguoi").
# Short words whose unmarked form is an English word (mẹ/me, bố/bo, bé/be, nợ/no) are written above as
# escapes (\u1eb9), which this leaves alone; their unmarked forms appear only in context ("me toi").
accept_unmarked(globals())
