"""What a question asks about a program, and which of the program's passages answer it.

The search ranks programs well but, inside one program, every passage shares the program's name, so its scores
barely tell "이의신청은 어떻게" from "신청 방법". Here a passage is ranked for the question by what is left once
the program's own name is set aside: the question's content words it contains, and whether its section is the
aspect asked about (how much → 내용·금액, where → 방법·문의, who → 대상, what → 요약·개요).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from graphs.answers.readable import row_label
from graphs.nlu.language import detect_language
from graphs.nlu.numbers import find_ages
from graphs.nlu.programs import detect_programs
from tools.vietnamese import fold_latin
from tools.yamlio import safe_load

Aspect = Literal["how_much", "where", "who", "what", "any"]

_ASPECTS: tuple[tuple[Aspect, re.Pattern[str]], ...] = (
    (
        "how_much",
        re.compile(
            r"얼마|얼매|얼메|얼맨|월마|몇\s?(?:프로|퍼|%|시간|개|번|회|만|일|년)|금액|비용|본인부담|할인|how much|how many"
            r"|多少|几(?!岁)|bao nhiêu|mấy",
            re.I,
        ),
    ),
    (
        "where",
        re.compile(
            r"어디|어데|워디|어드메|(?:어떻게|어케|어캐|우째|우예|어찌)\s?(?:신청|해야|하면|해요|하나|받|하는지|하는|할)|신청\s?(?:방법|하려면|할려면|하면|은|해야)|전화|번호|연락처"
            r"|위치|(?<!려)(?<!해)(?<!봐)(?<!줘)주소|where|how (?:do|can|to)|apply|phone|number|call|哪里|哪儿|怎么|电话|在哪|去哪|到哪|哪申请|地方|ở đâu|số điện thoại"
            r"|đăng ký|làm sao|thế nào|gọi (?:số|cho)|số nào|which number|what number|who (?:do|should|can) (?:i|we) call"
            r"|서류|절차|준비물|챙겨\s?(?:가|와|갈|올)|가져\s?(?:가|와|갈|올)|지참|\bprocess\b|procedure|documents?\b|paperwork|材料|手续|giấy tờ|thủ tục"
            # when to apply is told where the application is ("출산예정일 40일 전부터 출산 후 30일까지 신청")
            r"|언제까지|언제부터|신청\s?기한|마감|deadline|when (?:do|can|should) (?:i|we) apply|too late"
            r"|截止|什么时候(?:申请|办|去)|hạn chót|khi nào (?:đăng ký|nộp)",
            re.I,
        ),
    ),
    (
        "who",
        re.compile(
            r"누가|누구|대상(?:이|은|자)|(?:자격|조건)\s?(?:이|은)?\s?(?:어떻게|뭐)|아무나|몇\s?(?:살|세|개월)|나이\s?제한|who can|who is eligible"
            r"|how old|谁|什么人|哪些人|几岁"
            r"|(?<![a-zà-ỹ])ai được|đối tượng",
            re.I,
        ),
    ),
    (
        "what",
        re.compile(
            r"뭐(?:에요|예요|에여|예여|야|임|지|하는|냐|니|여|가요|꼬|고(?=\s?[?？]))|(?<!할)머(?:여|야|임|에요|예요|에여|꼬)|무엇|뭔가요|뭔데|뭔지|뭐하는|머하는|뭐\s?해\s?주는|머\s?해\s?주는|what is|what's|是什么|là gì",
            re.I,
        ),
    ),
)
_FOLDED_ASPECTS = tuple((name, re.compile(fold_latin(p.pattern), p.flags)) for name, p in _ASPECTS)
#: Section words that answer each aspect.
_SECTIONS: dict[str, tuple[str, ...]] = {
    "how_much": (
        "내용",
        "금액",
        "지급",
        "감면",
        "상세",
        "본인부담",
        "지원",
        "한도",
        "단가",
        "얼마",
        "How much",
        "What you get",
        "What you pay",
        "What it gives",
        "What you get",
        "金额",
        "支援内容",
        "自付部分",
        "Số tiền",
        "Được hỗ trợ gì",
        "Phần tự trả",
    ),
    "where": (
        "방법", "문의", "연락처", "신청", "센터", "기관", "누리집", "서류", "절차",
        "How to apply", "how to apply", "Contact", "Documents", "如何申请", "申请", "咨询", "所需材料",
        "Cách đăng ký", "cách đăng ký", "Liên hệ", "Giấy tờ",
    ),
    "who": ("대상", "자격", "기준", "요건", "누가", "Who can get it", "谁可以领取", "Ai được nhận"),
    "what": ("요약", "개요", "한눈에", "내용", "대상", "At a glance", "概要", "Tóm tắt"),
}  # fmt: skip
#: Sections that are navigation or citation, not an answer.
_NOT_ANSWERS = (
    "목록", "footer", "법적", "세부목차", "장제목", "소분류", "제목", "sections", "heading",
    "Legal basis", "法律依据", "Cơ sở pháp lý",
)  # fmt: skip
CONTACT_SECTIONS = ("문의", "연락처", "Contact", "咨询", "Liên hệ")
_WORD = re.compile(
    r"[가-힣]{2,}|[\u4e00-\u9fff]{2,}|[a-zà-ỹ]{4,}|(?-i:\b[A-Z]{3,}\b)|\d+(?:세|살|개월|일)(?=[가-힣\s?,.]|$)",
    re.I,
)
#: Bigrams that say nothing of what is asked.
_STOP = frozenset(
    {
        "지원", "제도", "서비스", "신청", "사업", "안내", "이용", "복지", "혜택", "어디", "받아", "받을", "있어", "있나",
        "해요", "어떻", "떻게", "얼마", "하나", "되나", "돼요", "되요", "나요", "인가", "는데", "한테", "에서", "으로",
        "하면", "해야", "는지", "나와", "거에", "에요", "예요", "어요", "아요", "세요", "궁금", "알려", "려주", "주세",
        "그거", "이거", "저희", "우리", "제가", "저는", "나는", "있는", "없는", "하는", "같은", "이랑", "정도", "몇프",
        "프로", "까지", "부터", "이나", "에게", "하고", "그럼", "근데", "그냥", "혹시", "받는", "받으", "되는", "할수",
        "수있", "있을", "싶어", "싶은", "합니", "니다", "습니",
        # Vietnamese and English words of any question (Latin words count whole)
        "được", "không", "nhận", "đang", "tuổi", "nhiêu", "những", "người", "nhưng", "muốn", "biết", "thì",
        "duoc", "khong", "nhan", "dang", "tuoi", "nhieu", "nhung", "nguoi", "muon", "biet",
        "what", "with", "have", "does", "this", "that", "there", "would", "could", "should", "about", "they",
    }
)  # fmt: skip


#: "복지 신청은 어디서 해요?", "Where do I apply for welfare?": where to apply, for no program in particular.
_APPLY_AT_ALL = re.compile(
    r"^\s*(?:그냥\s?|혹시\s?)?(?:복지|복지\s?(?:급여|제도|혜택|서비스|지원)|지원금?|혜택|수당|급여)?\s?(?:은|는|을|를|이|가)?\s?"
    r"(?:신청|접수)(?:은|는|을|를|하려면|할려면|하면|하는\s?(?:곳|데)(?:는|은)?)?\s?(?:어디(?:서|에서|로|에|예요|에요|인가요)?|어떻게)\s?[가-힣]{0,8}\s?[?？.!]*\s*$"
    r"|^\s*(?:where|how) (?:do|can|should|would) (?:i|we|you) apply(?: for (?:welfare|benefits?|support|help|assistance))?\s?[?.!]*\s*$"
    r"|^\s*(?:福利|补助|补贴|津贴)?(?:在哪里|去哪里|在哪儿|去哪儿|怎么|如何)申请\S{0,4}[?？]?\s*$"
    r"|^\s*(?:đăng ký|nộp đơn|xin) ?(?:phúc lợi|trợ cấp)? ?(?:ở đâu|thế nào|như thế nào)\S{0,6}\s?\??\s*$",
    re.IGNORECASE,
)


def asks_where_to_apply_at_all(question: str) -> bool:
    """True for a question about where or how to apply that names nothing to apply for."""
    return bool(_APPLY_AT_ALL.search(question.strip()))


#: An amount that is a condition, not the question: "한달에 얼마 받게되면 … 끊기나요", "얼마 이상 벌면".
_CONDITIONAL_AMOUNT = re.compile(
    r"얼마(?:라도|쯤|정도)?\s?(?:받게\s?되면|받으면|벌면|벌게\s?되면|이상|넘으면|넘게|나오면|생기면)"
)


def aspect(question: str) -> Aspect:
    """The aspect a question asks about (the first that matches, in the order how much, where, who, what)."""
    # Vietnamese typed without its marks ("dang ky o dau") is read with the folded patterns.
    # (its Latin words decide, beside the Korean names she copies in: "Xin 산모·신생아 건강관리 o dau")
    latin = re.sub(r"[^\x00-\x7f]+", " ", question)
    unmarked = fold_latin(question) == question and "vi" in (
        detect_language(question, default="ko"),
        detect_language(latin, default="en"),
    )
    question = _CONDITIONAL_AMOUNT.sub(" ", question)
    for name, pattern in _FOLDED_ASPECTS if unmarked else _ASPECTS:
        if pattern.search(question):
            return name
    return "any"


_PARTS = re.compile(r"[?？!。]+|\.\s|\s(?:그리고|그리구|또|근데|and also|also|还有|另外|và cả|còn)\s", re.I)


#: Words of a rule question said beside "can I get it?" ("자식이 돈 잘벌면 기초연금 못받어?", "소급되나요").
_RULE_CUE = re.compile(
    r"깎|깍|빼|제외|중복|같이|함께|둘\s?다|소급|자동|따로|이의|신고|변경|사망|돌아가|직역|부양|자식|국민연금|공무원"
    r"|언제|기간|마감|까지|늦(?:은|었|지|나|어)|(?:살|쓸)\s?수\s?있|쿠팡|온라인|어디서\s?(?:써|쓰)|현금|외국인|안\s?냈|못\s?냈|한\s?번도|떨어졌"
    r"|계속|그대로|그\s?뒤|이후|나중에|바뀌|끊기|끊겨|중단|유지|미리|지나야|지나서|전부터|되기\s?전|되면|받는\s?중|받고\s?(?:계신|있는)데|다니(?:면|는데)|어린이집"
    r"|받으신|등급\s?(?:받|나오|나왔|있)|땜에|때문에|때매|because of|因为|vì (?:con|chồng|vợ)"
    # a consequence asked of a receipt: "장애수당 받으믄 기초수급자 짤리는거 아니죠", "생계급여 받고있어요 그럼 …
    # 못받는거죠", "소득으로 잡히나"
    r"|받고\s?있(?:어요|고|는데|음)|받으(?:면|믄|문)|못\s?받(?:는|나|아|죠|지)|짤리|잘리|잡히|포함되|영향"
    r"|reduc|deduct|both|together|deadline|foreigner|still|continue|减|扣|同时|外国人|继续|还能"
    r"|两个都|都能(?:拿|领)|换成|转成|重新申请|还要申请|要不要(?:重新)?申请|switch to|chuyển sang|cả hai"
    # whose income counts: "제 소득도 들어가나요", "does my income count", "算不算", "có tính thu nhập"
    r"|소득\S{0,2}\s?들어가|\bcount(?:s|ed)?\b|included|算不算|算进|计入|算在|(?:có|được|bị) tính|tính vào"
    r"|giảm|cùng lúc|người nước ngoài|vẫn|còn nhận|nhà trẻ|국적|nationality|citizenship|国籍|quốc tịch"
    r"|집주인|명의|landlord|rent(?:ing)? (?:it )?from|房东|名下|chủ nhà"
    # whether a relative's income stops it: "会因为儿子有收入被拒吗", "vì con trai có thu nhập"
    r"|被拒|不批|因为(?:儿子|女儿|子女|孩子)|(?:儿子|女儿|子女)(?:的)?(?:收入|工资)|vì con (?:trai |gái )?có thu nhập"
    r"|\bstop|suspend|cut off|dừng|ngừng|bị cắt|停|暂停|中断"
    # whether what she heard is true: "일한다고 안나온다는 말이 있던디 참말이여?", "is it true that …", "听说…是真的吗"
    r"|(?:다는|라는|단|란)\s?(?:말|소리|얘기)(?:이|가|을|를|도)?\s?(?:있던|있는|들었|하던|하더)|참말|사실이(?:에요|야|여|냐|나)|정말이(?:에요|야|여|냐)"
    r"|is it true|是真的吗|có thật (?:là|không)",
    re.I,
)


def asks_a_rule(question: str) -> bool:
    """Whether a question about a program asks more than whether she can get it: a rule, a figure, a place."""
    return aspect(question) != "any" or bool(_RULE_CUE.search(question))


def question_parts(question: str) -> list[str]:
    """The questions of a message that asks more than one ("얼마예요? 그리고 언제까지 신청해요?")."""
    return [p.strip() for p in _PARTS.split(question) if p and p.strip()]


def marked_question(part: str, message: str) -> bool:
    """Whether a part of the message (`question_parts`) ends in a question mark there."""
    return bool(re.search(rf"{re.escape(part)}\s*[?？]", message))


def part_asks(part: str, message: str) -> bool:
    """Whether a part of the message asks something (a question mark after it, or where, how much …), not a
    statement of her situation ("Em mới sang Hàn được 1 năm …")."""
    return marked_question(part, message) or aspect(part) != "any"


def asks_what_or_how_much(question: str) -> bool:
    """Whether one of the message's questions asks what something is, how much it gives or whom it is for
    ("아동수당 몇살까지 나와요? 그리고 부모급여는 언제까지 신청해야…": the program's summary, not only how to apply)."""
    return any(aspect(part) in ("how_much", "what", "who") for part in question_parts(question))


def bigrams(text: str, stop: frozenset[str] | None = None) -> set[str]:
    """The content bigrams of a text's words (Hangul and Han pairs; Latin words whole), without `stop`
    (this module's stop list by default)."""
    stop = _STOP if stop is None else stop
    out: set[str] = set()
    text = text.lower()
    for m in _WORD.finditer(text):
        word = m.group(0)
        if m.start() and text[m.start() - 1].isdigit() and not word[0].isdigit():
            continue  # "8월분부터", "3개월째": a date or a quantity, not a word of what is asked
        if word[0].isdigit():  # an age or a period: "65세" (a passage may say "65살" as "65세")
            out.add(re.sub(r"살$", "세", word))
            continue
        if word.isascii() or not ("\uac00" <= word[0] <= "\ud7a3" or "\u4e00" <= word[0] <= "\u9fff"):
            out.add(word)
            continue
        out |= {word[i : i + 2] for i in range(len(word) - 1)}
    return {b for b in out if b not in stop and len(set(b)) > 1}


@lru_cache(maxsize=2)
def _table(name: str, key: str) -> tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]:
    """A word table beside this module: rows of a pattern (`say`) and the words it stands for (`key`)."""
    rows = safe_load(Path(__file__).with_name(name).read_text(encoding="utf-8"))
    # Vietnamese is matched with and without its marks (fold_latin on both sides).
    return tuple((re.compile(fold_latin(row["say"]), re.I), tuple(row[key])) for row in rows)


def korean_terms(question: str) -> list[str]:
    """The Korean documents' words for the topics a question in English, Chinese or Vietnamese names."""
    return [
        word
        for pattern, ko in _table("crosslingual.yaml", "ko")
        if pattern.search(fold_latin(question))
        for word in ko
    ]


#: A word she says the case is not ("노인이 아니라 요양은 안 된다던데"): left out of the search.
_NEGATED = re.compile(r"[가-힣]+?(?:이|가)?\s?아니(?:라|고|어서|라서|니까|ㄴ데|예요|에요)")


#: A sentence that only says what she already receives ("생계급여 받고 있어요."): her situation, not her topic.
_RECEIVING_ONLY = re.compile(
    r"^[^?？]*(?:받고\s?있(?:어요|습니다|음|어|다|구요|고요)|받는\s?중이(?:에요|예요)|수급자(?:예요|에요|입니다))\s*[.!。！~]*\s*$"
)
_SENTENCES = re.compile(r"[^.?!。？！\n]+[.?!。？！\n]*")


def receiving_only(sentence: str) -> bool:
    """Whether a short sentence only tells what she receives ("나 생계급여 받어", "we are on livelihood
    benefit."): no question in it, and every program it names is hers already."""
    if _RECEIVING_ONLY.match(sentence.strip()):
        return True
    if re.search(r"[?？]", sentence) or len(sentence.split()) > 5:
        return False  # a longer sentence tells more than that ("나가 차상위인디 무릎이 너무 아파서 …")
    asked, held = detect_programs(sentence)
    return bool(held) and not asked


_HANGUL_WORD = re.compile(r"[가-힣][가-힣·]+")
_LETTER = re.compile(r"[^\W\d_]")


def written_korean(question: str) -> list[str]:
    """The Korean words written in a question in another language ("想给他装假牙(틀니)", "xin 실업급여"): the
    names she copied from a letter or a poster, the surest sign of her topic. None in a Korean question."""
    words = _HANGUL_WORD.findall(question)
    hangul = sum(len(w) for w in words)
    letters = len(_LETTER.findall(question))
    return list(dict.fromkeys(words)) if words and hangul * 2 < letters else []


def search_query(question: str) -> str:
    """The query to search the (Korean) documents with: the question without what she says it is not, nor
    what she already receives when she asks about something else, and its topics in Korean (the Korean
    words she wrote in a question in another language once more)."""
    extra = [*korean_terms(question), *written_korean(question)]
    sentences = [m.group() for m in _SENTENCES.finditer(question)]
    kept = [s for s in sentences if not receiving_only(s)]
    text = _NEGATED.sub(" ", " ".join(kept) if kept and len(kept) < len(sentences) else question)
    return f"{text} {' '.join(extra)}" if extra else text


_FOR_OLDER = re.compile(r"^(?:노인|어르신|독거노인)")
_YOUNGER_AGE = re.compile(r"(?<![0-9])[1-5][0-9]\s?(?:세|살)")
_OLDER_PERSON = re.compile(
    r"노인|어르신|할머니|할아버지|할매|할배|부모|어머니|아버지|엄마|아빠|어머님|아버님|(?<![0-9])[6-9][0-9]\s?(?:세|살)"
)


def fits_person(question: str, program: str) -> bool:
    """Whether a program can be for the person asked about: a program for older people does not fit a
    question about someone younger with no older person in it ("남편이 48살인데, 노인이 아니라…")."""
    if not _FOR_OLDER.match(program):
        return True
    said = _NEGATED.sub(" ", question)
    return not (_YOUNGER_AGE.search(said) and not _OLDER_PERSON.search(said))


#: Programs only for one group of people (their name or the booklet's situation heading names it), and the
#: words that say a question is about that group: a veterans' program does not answer a question that never mentions service.
_GROUP_ONLY: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (
        re.compile(r"보훈|국가유공자|참전유공자|고엽제"),
        re.compile(r"보훈|유공자|참전|고엽제|군인|제대|전역|veteran|退伍|老兵|cựu chiến binh", re.I),
    ),
    (
        re.compile(r"산재|산업재해|업무상 사고"),
        re.compile(
            r"산재|산업재해|일하다|작업|공장|현장|다쳤|다친|\bat work\b|on the job|work(?:place)? (?:injury|accident)"
            r"|factory|injur|hurt|工伤|受伤|tai nạn lao động|bị thương",
            re.I,
        ),
    ),
)


#: Ages a program's 대상 (or its summary in her language) names: (pattern, what the number is).
_AGE_BOUNDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"(\d{1,2})\s?세\s?미만|dưới (\d{1,2}) tuổi|\bunder (\d{1,2})\b|未满(\d{1,2})岁", re.I),
        "under",
    ),
    (re.compile(r"(\d{1,2})\s?세\s?이하|(\d{1,2})岁(?:以下|及以下)", re.I), "up_to"),
    (
        re.compile(
            r"(\d{1,2})\s?세\s?이상|từ (\d{1,2}) tuổi|(\d{1,2}) tuổi trở lên|(?:aged )?(\d{1,2}) (?:or|and) over"
            r"|(\d{1,2})岁(?:以上|及以上)",
            re.I,
        ),
        "from",
    ),
    (re.compile(r"(\d{1,2})\s?[~–-]\s?(\d{1,2})\s?(?:세|살|tuổi|岁|years?)"), "range"),
)


def _age_bounds(group: list[dict[str, Any]]) -> tuple[int | None, int | None]:
    """(lowest age, first age past) the program's 대상 passages or summaries found name ("만 65세 이상",
    "만 6세~만 65세 미만", "dưới 65 tuổi", "19~64 tuổi")."""
    lows: list[int] = []
    highs: list[int] = []
    for hit in group:
        if not any(w in str(hit.get("section") or "") for w in ("대상", "summary")):
            continue
        for pattern, kind in _AGE_BOUNDS:
            for match in pattern.finditer(str(hit.get("text") or "")):
                numbers = [int(n) for n in match.groups() if n]
                if kind == "under":
                    highs.append(numbers[0])
                elif kind == "up_to":
                    highs.append(numbers[0] + 1)
                elif kind == "from":
                    lows.append(numbers[0])
                elif len(numbers) == 2 and numbers[0] < numbers[1]:
                    lows.append(numbers[0])
                    highs.append(numbers[1] + 1)
    if lows and highs and max(lows) >= min(highs):
        return None, None  # "65세 이상 또는 65세 미만 노인성 질병": two groups, no one range
    return (min(lows) if lows else None), (max(highs) if highs else None)


def _ages_fit(question: str, group: list[dict[str, Any]]) -> bool:
    """Whether an adult age the question gives (in any language: "80 tuổi", "78세", "she is 80") fits the ages
    the program's 대상 names: a program for people under 65 does not answer a question about an 80-year-old."""
    ages = [a.value for a in find_ages(_NEGATED.sub(" ", question)) if a.unit == "years" and a.value >= 18]
    if not ages:
        return True
    low, high = _age_bounds(group)
    return not ((high is not None and min(ages) >= high) or (low is not None and max(ages) < low))


def fits_group(question: str, group: list[dict[str, Any]]) -> bool:
    """Whether the program of `group` (its passages) can be for the person asked about: its age group fits
    (`fits_person`, and the ages its 대상 names), and a program only for veterans or injured workers is kept
    for questions about them."""
    if not fits_person(question, str(group[0].get("program") or "")) or not _ages_fit(question, group):
        return False
    text = " ".join(f"{h.get('program') or ''} {h.get('category') or ''}" for h in group[:4])
    return not any(only.search(text) and not asked.search(question) for only, asked in _GROUP_ONLY)


def expansions(question: str) -> list[str]:
    """The documents' words for what the question says in everyday words (`lexicon.yaml`)."""
    return [
        word
        for pattern, means in _table("lexicon.yaml", "means")
        if pattern.search(fold_latin(question))
        for word in means
    ]


def expansion_rows(question: str) -> list[set[str]]:
    """The documents' words for what the question says, one set for each everyday expression it uses
    ("짤림" → {탈락, 수급자격}; "알바" → {근로소득, 근로})."""
    return [
        {word.lower() for word in means}
        for pattern, means in _table("lexicon.yaml", "means")
        if pattern.search(fold_latin(question))
    ]


def focus_terms(question: str, names: Iterable[str]) -> set[str]:
    """The question's content bigrams, with those of the documents' words for them, that are not the
    program's own name."""
    named: set[str] = set()
    for name in names:
        named |= bigrams(name)
    extra = " ".join([*expansions(question), *korean_terms(question)])
    return (bigrams(question) | bigrams(extra)) - named


def is_answer(hit: dict[str, Any]) -> bool:
    """Whether a passage can answer (navigation rows and legal-basis lines cannot)."""
    section = str(hit.get("section") or "")
    return not any(word in section for word in _NOT_ANSWERS)


def is_contact(hit: dict[str, Any]) -> bool:
    """Whether a passage says whom to contact."""
    section = str(hit.get("section") or "")
    return any(word in section for word in CONTACT_SECTIONS)


def overlap(terms: set[str], hit: dict[str, Any]) -> int:
    """How many of `terms` the passage (its section and text) contains."""
    text = f"{hit.get('section') or ''} {hit.get('text') or ''}".lower()
    return sum(1 for t in terms if t in text)


OTHER_ROW = 4.0
"""How far a booklet table row whose label is not what the question asks falls behind a row of the same
table whose label is (two of the question's words)."""


def _label_terms(hit: dict[str, Any], terms: set[str]) -> int | None:
    """How many of `terms` a table row's label holds ("한국어교육" of "대상의 '한국어교육' 관련 정보"); None for
    a passage that is no table row."""
    label = row_label(str(hit.get("text") or ""))
    return None if label is None else sum(1 for t in terms if t in label.lower())


def _row_about_else(hit: dict[str, Any], hits: list[dict[str, Any]], terms: set[str]) -> bool:
    """Whether `hit` is a table row about something else than the question while a row of the same table
    (program and section) is about what it asks."""
    if _label_terms(hit, terms) != 0:
        return False
    return any(
        (_label_terms(other, terms) or 0) > 0
        for other in hits
        if other.get("program") == hit.get("program") and other.get("section") == hit.get("section")
    )


#: A passage that defines its term: "자활근로사업단이란?", "'장애인표준사업장'이란 어떤 곳인가요?".
_DEFINES = re.compile(r"[가-힣』’'\")]\s?(?:이)?란\s?(?:\?|무엇|어떤|뭔가)")


def rank(
    question: str, hits: list[dict[str, Any]], names: Iterable[str]
) -> list[tuple[float, dict[str, Any]]]:
    """The answering passages of one program, best first, with their scores for the question."""
    asked = aspect(question)
    terms = focus_terms(question, names)
    consequence = bool(_CONSEQUENCE.search(question))
    best = max((float(h.get("score") or 0) for h in hits), default=0.0) or 1.0
    scored: list[tuple[float, dict[str, Any]]] = []
    for hit in hits:
        if not is_answer(hit):
            continue
        section = str(hit.get("section") or "")
        score = 2.0 * overlap(terms, hit) + float(hit.get("score") or 0) / best
        if _row_about_else(hit, hits, terms):
            score -= OTHER_ROW  # "한국어교육" asked: the table's other rows after its own, whatever they list
        if asked != "any" and is_section(hit, asked):
            score += 2.5
        if asked == "what" and any(word in section for word in ("요약", "개요", "한눈에")):
            score += 2.0  # what it is: the summary first, then what it gives, before who gets it
        elif asked == "what" and "내용" in section:
            score += 1.0
        if hit.get("kind") == "project":
            score += 1.5  # the current (2026) documents before the 2024 booklet's figures
            if asked == "how_much":
                score += 2.0  # an amount above all: the booklet's is that of 2024
        if consequence and any(word in section for word in ("질문", "FAQ", "Q&A")):
            score += 2.0  # "받으면 생계급여 깎이거나 끊기는거 아니죠": the booklet's own question and answer
        if consequence and _CONSEQUENCE.search(str(hit.get("text") or "")):
            score += 1.5  # a passage that says what is cut or counted, not one that only names the program
        if asked == "how_much" and re.search(r"\d\s?(?:원|%|시간|회|개)|\d만", str(hit.get("text") or "")):
            score += 1.0
            if "내용" in section:
                score += 1.0  # what the program gives, with its amount, before a FAQ that only mentions one
        if asked == "what" and _DEFINES.search(str(hit.get("text") or "")):
            score += 1.5  # "자활근로사업단이란? 청소, 집수리, 재활용 …": the booklet's own definition
        scored.append((score, hit))
    scored.sort(key=lambda pair: -pair[0])
    return scored


def asked_of(question: str, program_id: str) -> str:
    """What a message asks of one program: its questions less those about another program only ("부모급여
    얼마? … 아동수당 정지돼?": for 아동수당 the second; "에너지바우처 신청해도 되나? … 그거로 등유도 사나": all)."""
    parts = question_parts(question)
    asked = set(detect_programs(question)[0])  # not one she fears for ("… 생계급여 깎이거나 끊기는거 아니죠")
    kept = [p for p in parts if program_id in (named := asked & set(detect_programs(p)[0])) or not named]
    return " ".join(kept) if kept and len(kept) < len(parts) else question


def rule_passages(
    question: str, hits: list[dict[str, Any]], names: Iterable[str], language: str
) -> list[dict[str, Any]]:
    """The passages of one program answering what the question asks of it (`focused_passages`); in another
    language, the 2026 document's answer in hers first, its Korean original after it."""
    names = list(names)
    found = focused_passages(question, hits, names)
    if language != "ko" and found and found[0].get("lang") == "ko" and found[0].get("kind") == "project":
        mine = [h for h in hits if h.get("kind") == "project" and h.get("lang") == language]
        native = focused_passages(question, mine, names)
        found = [native[0], found[0]] if native else found
    return found


def focused_passages(question: str, hits: list[dict[str, Any]], names: Iterable[str]) -> list[dict[str, Any]]:
    """The passages answering a question, one more for the second question of a message that asks two
    ("장애수당 한달 얼마에요? 근데 이거 받으면 생계급여 깎이거나 끊기는거 아니죠?"), best first, without repeats."""
    names = list(names)
    found: list[dict[str, Any]] = []
    parts = question_parts(question)
    # the first question on its own when it asks something the whole message's first-matched aspect hides
    # ("언제부터 신청할수 있어요? 그리고 … 한달에 얼마 나와요": when to apply, then how much)
    first = parts[0] if len(parts) > 1 and aspect(parts[0]) not in ("any", aspect(question)) else question
    for part in [first, *parts[1:3]]:
        # a later part is answered by another section (the amount rows rank high for "이거 받으면 생계급여
        # 깎이나요" too, since they name 생계급여)
        shown = {f.get("section") for f in found}
        unseen = [h for h in hits if h.get("section") not in shown]
        hit = focused_passage(part, unseen, names)
        if hit is not None:
            found.append(hit)
    return found[:2]


def is_section(hit: dict[str, Any], asked: str) -> bool:
    """Whether a passage's section answers the aspect `asked` ("대상" answers who)."""
    section = str(hit.get("section") or "")
    return any(word in section for word in _SECTIONS[asked])


#: A question about what happens to something else if she gets it: cut, stopped, counted as income.
_CONSEQUENCE = re.compile(
    r"깎|깍|끊기|끊겨|탈락|잡히|잡혀|짤리|잘리|영향|포함되|reduc|cut off|stop|counted as income|减少|扣|停|取消|giảm|bị cắt|mất|(?:bị )?(?:dừng|ngừng)|\bbi (?:dung|ngung)\b",
    re.I,
)


#: A question about what to bring, and the sections that answer it.
_DOCUMENTS_ASKED = re.compile(
    r"서류|준비물|챙겨\s?(?:가|와|갈|올)|가져\s?(?:가|와|갈|올)|지참|\bdocuments?\b|paperwork|what (?:do i|to) bring|材料|带什么|giấy tờ|mang (?:theo )?gì",
    re.I,
)
_DOCUMENT_SECTIONS = ("서류", "준비물", "Documents", "所需材料", "材料", "Giấy tờ")


def lists_documents(hit: dict[str, Any]) -> bool:
    """Whether a passage is a program's list of documents to bring."""
    return any(w in str(hit.get("section")) for w in _DOCUMENT_SECTIONS)


#: Sections a named program's reply shows anyway (its summary and contact).
_SHOWN = ("한눈에", "요약", "문의", "연락처")


def focused_passage(question: str, hits: list[dict[str, Any]], names: Iterable[str]) -> dict[str, Any] | None:
    """The passage of a named program that answers what the question asks beyond the program's name (a rule,
    a figure, a case), when the best-ranked one contains some of it."""
    names = list(names)
    ranked = [(s, h) for s, h in rank(question, hits, names) if not is_contact(h)]
    terms = focus_terms(question, names)
    if terms and ranked:
        best = ranked[0][1]
        # The summary says what the reply's own introduction says, unless more of the question is in it
        # ("국민연금 한번도 안냈는데": "국민연금을 내지 않았어도 받을 수 있습니다")
        needed = 2 if any(w in str(best.get("section")) for w in _SHOWN) else 1
        if overlap(terms, best) >= needed:
            return best
    if _DOCUMENTS_ASKED.search(question):
        # "뭐 챙겨가야 혀", "what documents": the section that lists them, whatever words she used
        papers = [h for _, h in ranked if lists_documents(h)]
        if papers:
            return papers[0]
    language = detect_language(question, default="ko")
    if aspect(question) == "how_much" and language != "ko":
        # "생계급여最多一个月能拿多少": her words are not the (Korean) documents' words; the current document's
        # section on how much answers it, in her language where it is written in it
        amounts = [h for _, h in ranked if h.get("kind") == "project" and is_section(h, "how_much")]
        if amounts:
            return min(amounts, key=lambda h: h.get("lang") != language)
    return None
