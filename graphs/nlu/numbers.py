"""Numbers in citizens' words: Korean (sino and native), Chinese, English and Vietnamese numerals,
money amounts in KRW and ages in years or months.

`parse_numeral("1.2백만") == 1_200_000`; `find_money("월 백오십 벌어요")` finds 1,500,000 won;
`find_ages("일흔 살이에요")` finds 70 years.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from tools.vietnamese import accept_unmarked, fold_latin

_DIGITS = {
    "영": 0, "공": 0, "일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "칠": 7, "팔": 8, "구": 9,
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_SMALL = {"십": 10, "백": 100, "천": 1000, "十": 10, "百": 100, "千": 1000}
# No 조 (10^12): no household counts in trillions, and the syllable is in ordinary words ("구조조정", "조정").
_BIG = {"만": 10**4, "억": 10**8, "万": 10**4, "亿": 10**8}
_ZH_DIGITS = "一二两三四五六七八九"
_ZH_UNITS = {"百": 100, "千": 1000, "万": 10**4, "亿": 10**8}
_NUMERAL_CHARS = "".join(_DIGITS) + "".join(_SMALL) + "".join(_BIG)
# A point or comma belongs to a number only before a digit: "100万,退休年金50万,一共" is not one run.
_NUMERAL_RUN = re.compile(rf"[\d{_NUMERAL_CHARS}](?:[\d{_NUMERAL_CHARS}]|[.,](?=\d)|\x00)*")

_NATIVE_TENS = {
    "열": 10,
    "스물": 20,
    "스무": 20,
    "서른": 30,
    "마흔": 40,
    "쉰": 50,
    "예순": 60,
    "일흔": 70,
    "여든": 80,
    "아흔": 90,
}
_NATIVE_ONES = {
    "하나": 1, "한": 1, "둘": 2, "두": 2, "셋": 3, "세": 3, "석": 3, "넷": 4, "네": 4, "넉": 4, "다섯": 5, "여섯": 6,
    "일곱": 7, "여덟": 8, "아홉": 9,
}  # fmt: skip
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
}  # fmt: skip


@dataclass(frozen=True)
class Money:
    """An amount of money in KRW found at text[start:end]; `explicit` when a currency or scale word was given."""

    krw: int
    start: int
    end: int
    explicit: bool


@dataclass(frozen=True)
class Age:
    """An age found at text[start:end], in years or in months."""

    value: int
    unit: Literal["years", "months"]
    start: int
    end: int


def _plain_number(token: str) -> float | None:
    token = token.strip(".,")
    if not token:
        return None
    if token.count(".") > 1 or re.fullmatch(r"\d{1,3}(\.\d{3})+", token):
        token = token.replace(".", "")  # Vietnamese thousands separators: 1.500.000
    if re.fullmatch(r"\d+,\d{1,2}", token):
        token = token.replace(",", ".")  # "2,6 triệu": a decimal comma (thousands are grouped by three)
    token = token.replace(",", "")
    try:
        return float(token)
    except ValueError:
        return None


def parse_numeral(text: str) -> float | None:
    """The value of one numeral written with digits and/or Korean or Chinese numerals and scale words.

    Handles "80만" (800000), "1.2백만" (1200000), "백오십" (150), "3억5천" (350000000: 천 after 억 means 천만),
    "八十万" (800000), "1,500,000". Returns None when `text` is not a numeral.
    """
    text = re.sub(r"\s+", "", text)
    if not text:
        return None
    total = 0.0
    section = 0.0
    current: float | None = None
    last_big = 0
    last_small = 0
    seen = False
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isdigit():
            j = i
            while j < len(text) and (text[j].isdigit() or text[j] in ".,"):
                j += 1
            value = _plain_number(text[i:j])
            if value is None:
                return None
            current = value
            seen = True
            i = j
            continue
        if ch in _DIGITS:
            current = float(_DIGITS[ch])
            seen = True
        elif ch in _SMALL:
            section += (current if current is not None else 1.0) * _SMALL[ch]
            last_small = _SMALL[ch]
            current = None
            seen = True
        elif ch in _BIG:
            section += current if current is not None else 0.0
            if section == 0:
                section = 1.0
            total += section * _BIG[ch]
            last_big = _BIG[ch]
            section = 0.0
            last_small = 0
            current = None
            seen = True
        else:
            return None
        i += 1
    if not seen:
        return None
    tail = section + (current if current is not None else 0.0)
    if last_big >= 10**8 and tail and current is None and last_small == 1000:
        tail *= 10**4  # "3억 5천" is 3억 5천만
    if current is not None and len(text) > 1 and text[-1] in _ZH_DIGITS and text[-2] in _ZH_UNITS:
        # "三百五" is 350 and "三万五" 35,000: a Chinese digit after a unit counts the next unit down
        tail += current * (_ZH_UNITS[text[-2]] / 10 - 1)
    return total + tail


def native_korean_number(text: str) -> int | None:
    """Native Korean numbers up to 99: 일흔 (70), 예순다섯 (65), 스물 (20), 다섯 (5)."""
    text = re.sub(r"\s+", "", text)
    for tens, tv in _NATIVE_TENS.items():
        if text.startswith(tens):
            rest = text[len(tens) :]
            if not rest:
                return tv
            return tv + _NATIVE_ONES[rest] if rest in _NATIVE_ONES else None
    return _NATIVE_ONES.get(text)


_EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_EN_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9}
#: One English number word (for patterns that find a number written in words).
EN_NUMBER_WORD = "(?:" + "|".join(sorted([*_EN_UNITS, "hundred", *_EN_SCALES], key=len, reverse=True)) + ")"


def english_number(text: str) -> int | None:
    """A number written in English words, digits allowed between them: "five hundred twenty-three
    thousand" → 523000, "three hundred forty-nine thousand seven hundred" → 349700, "1.5 million" →
    1500000. None when a word is not part of a number."""
    total = 0
    current = 0.0
    seen = False
    for word in re.findall(r"[a-z]+|\d+(?:\.\d+)?", text.lower().replace(",", "")):
        if word == "and" and seen:
            continue
        if word in _EN_UNITS:
            current += _EN_UNITS[word]
        elif word[0].isdigit():
            current += float(word)
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in _EN_SCALES:
            total += round((current or 1) * _EN_SCALES[word])
            current = 0
        else:
            return None
        seen = True
    return total + round(current) if seen else None


_VI_DIGIT_WORDS = {
    "không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5, "sáu": 6,
    "bảy": 7, "tám": 8, "chín": 9,
}  # fmt: skip
_VI_DIGIT_WORDS |= {
    fold_latin(w): d for w, d in list(_VI_DIGIT_WORDS.items()) if fold_latin(w) not in ("tu",)
}
_TENTH_OF = {"triệu": 10**6, "trieu": 10**6, "tỷ": 10**9, "tỉ": 10**9, "ty": 10**9}
_HALF = ("rưỡi", "ruoi")
_VI_BIG = {"nghìn": 10**3, "ngàn": 10**3, "vạn": 10**4, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9}
_VI_BIG |= {fold_latin(w): v for w, v in list(_VI_BIG.items())}
#: One Vietnamese number word, with and without its marks (for patterns that find a number in words).
VI_NUMBER_WORD = (
    "(?:"
    + "|".join(
        sorted(
            {*_VI_DIGIT_WORDS, *_VI_BIG, "mười", "muoi", "mươi", "trăm", "tram", "linh", "lẻ", "le", *_HALF},
            key=len,
            reverse=True,
        )
    )
    + ")"
)


def spoken_tenth(words: list[str]) -> tuple[list[str], int]:
    """ "hai triệu sáu" is 2.6 million and "hai triệu rưỡi" 2.5 million, as people say them: the words before a
    lone digit word after the millions, and what that digit is worth (0 and the words unchanged otherwise).
    "năm" is left alone: after an amount it is "a year"."""
    if len(words) >= 3 and words[-2] in _TENTH_OF and words[-1] not in ("năm", "nam"):
        last = words[-1]
        digit = 5 if last in _HALF else int(last) if last.isdigit() else _VI_DIGIT_WORDS.get(last, 0)
        if 0 < digit < 10:
            return words[:-1], digit * _TENTH_OF[words[-2]] // 10
    return words, 0


def vietnamese_number(text: str) -> int | None:
    """A number written in Vietnamese words, marks optional: "năm trăm hai mươi ba nghìn" → 523000, "ba trăm
    bốn mươi chín nghìn bảy trăm" → 349700, "hai triệu rưỡi" is not read (None). None when a word is not part
    of a number."""
    words, tenth = spoken_tenth(re.findall(r"[^\W\d_]+|\d+", text.lower()))
    if tenth:
        head = vietnamese_number(" ".join(words))
        return None if head is None else head + tenth
    total = 0
    hundreds = 0
    rest = 0
    last = 0
    seen = False
    for word in words:
        if word in ("linh", "lẻ", "le") and seen:
            continue
        if word.isdigit():
            rest += int(word)
            last = int(word)
        elif word in _VI_DIGIT_WORDS:
            rest += _VI_DIGIT_WORDS[word]
            last = _VI_DIGIT_WORDS[word]
        elif word in ("mười", "muoi") and not (rest and last):
            rest += 10
            last = 0
        elif word in ("mươi", "muoi"):
            rest += last * 9  # "hai mươi": the digit before counts ten times
            last = 0
        elif word in ("trăm", "tram"):
            hundreds, rest, last = (rest or 1) * 100, 0, 0
        elif word in _VI_BIG:
            total += (hundreds + rest or 1) * _VI_BIG[word]
            hundreds, rest, last = 0, 0, 0
        else:
            return None
        seen = True
    return total + hundreds + rest if seen else None


def word_number(text: str) -> int | None:
    """A small count written as digits or a word in any of the four languages (two, hai, 两, 둘, 두 명)."""
    text = text.strip().lower()
    text = re.sub(r"\s*명$", "", text)
    if text.isdigit():
        return int(text)
    if text in _WORD_NUMBERS:
        return _WORD_NUMBERS[text]
    native = native_korean_number(text)
    if native is not None:
        return native
    value = parse_numeral(text)
    return int(value) if value is not None else None


_NATIVE_AGE = re.compile(
    r"(열|스물|스무|서른|마흔|쉰|예순|일흔|여든|아흔)\s?(하나|한|둘|두|셋|세|넷|네|다섯|여섯|일곱|여덟|아홉)?\s?(?:살|세)"
)
#: "일흔둘이여", "예순여덟이고", "일흔둘 혼자 살아요": an age in native words ending a phrase, without 살 (twenty and
#: over only); before another word unless that word counts something ("스무 명", "서른 평").
_NATIVE_AGE_BARE = re.compile(
    r"(?<![가-힣])(스물|스무|서른|마흔|쉰|예순|일흔|여든|아흔)(하나|둘|셋|넷|다섯|여섯|일곱|여덟|아홉)?"
    r"(?=\s*(?:$|[,.!?~]|이에요|이예요|예요|이요|요|유(?![가-힣])|이유|이여|이야|야|이고|이구|인데|인디|이라|입니다|이지|이다|이랑|이세요|이십니다|이신데|이네요|이네|이더라"
    r"|이셔|이시|이제|인기라|묵|먹|잡숫|이던가|이던데|이었나|일걸|일\s?거|쯤|정도"
    r"|임(?![가-힣])|\s(?:먹었|먹은|됐|된|이에요|살|세)|\s?(?:할머니|할아버지|할매|할배|노인|어르신|영감|할멈)"
    r"|\s(?!(?:명|개|번|가지|평|시간|분|해|마리|군데|장|곳|가구|달|주|일|년|하나|한|둘|두|셋|세|넷|네|다섯|여섯|일곱|여덟"
    r"|아홉)(?![가-힣]))[가-힣]))"
)
#: "나 쉰여덟 아들 서른": an age in native words right after "나/저" (her own), whatever follows.
_NATIVE_AGE_AFTER_ME = re.compile(
    r"(?:^|(?<=\s))(?:나|저|난|전)\s(스물|스무|서른|마흔|쉰|예순|일흔|여든|아흔)(하나|둘|셋|넷|다섯|여섯|일곱|여덟|아홉)?(?![가-힣])"
)
#: "칠십 할머니", "칠십 먹은 할매", "80 넘은 할아버지": a number right before an older person's noun is that person's
#: age (a bare digit only after a verb of age: "월 70 할머니 연금" is money).
_ELDER_AGE = re.compile(
    r"(?<![가-힣\d])(?:([이삼사오육칠팔구]십[일이삼사오육칠팔구]?)\s?(?:(?:먹은|묵은|넘은|넘으신|된|되신)\s?)?"
    r"|(\d{2,3})\s?(?:먹은|묵은|넘은|넘으신|된|되신)\s?)"
    r"(?:할머니|할아버지|할매|할배|노인|어르신|영감|할멈)"
)
#: "오십둘", "육십다섯": Sino-Korean tens with native ones, as people say ages aloud.
_MIXED_AGE = re.compile(r"^([이삼사오육칠팔구])십(하나|둘|셋|넷|다섯|여섯|일곱|여덟|아홉)$")
#: The same inside a message: "칠십하나인데 일자리 구하면", "육십다섯 살".
_MIXED_AGE_IN = re.compile(
    r"(?<![가-힣\d])([이삼사오육칠팔구])십(하나|둘|셋|넷|다섯|여섯|일곱|여덟|아홉)"
    r"(?=\s*(?:$|[,.!?~]|이에요|이예요|예요|이요|요|인데|인디|인데유|이고|이구|이여|이야|야|이라|입니다|살|세|\s))"
)
#: "만24", "만 24": 만 before two digits is the Korean word for an age in full years.
_MAN_AGE = re.compile(r"(?<![\d가-힣])만\s?(\d{2})(?![\d만천백억원]|\s?(?:세|살|원|명|개))")
#: "kids 3 and 5", "two sons aged 7, 9": a list of numbers right after the children is their ages.
_KIDS_AGES = re.compile(
    r"(?:\b(?:kids?|children|sons?|daughters?|boys?|girls?)\s*(?:are\s+|aged?\s+|of\s+)?"
    r"|(?<=kids|dren|sons|ters|boys|irls)\b[^.!\d]{0,60}\b(?:they(?:'re|\s+are)|ages?)\s+)[(（]?"
    r"(\d{1,2}(?:\s*(?:[(（][^)）\d]{0,24}[)）])?\s*(?:,|and|&)\s*\d{1,2})+)\b(?!\s*(?:months?|weeks?|people|won|%))",
    re.I,
)
#: A number said instead of the one before: "45 아니고 46", "45 아니 46".
_CORRECTED_TO = re.compile(r"(?:살|세)?\s?(?:이|가)?\s?아니(?:고|구|라|야)?\s?,?\s?(\d{2,3})(?![\d만천원.,])")
#: An age to be reached soon: "turns 8 next month", "다음 달에 8살 돼요" (7 now, in full years).
#: "다음달이면 예순다섯 돼요", "下个月就满65岁了", "tháng sau tôi tròn 65 tuổi", "I'll be 65 next year".
_TURNS_SOON = re.compile(
    r"\b(?:turns?|turning|(?:i'?ll|he'?ll|she'?ll|will) be) (\d{1,3}) (?:next|this coming) (?:month|week|year)"
    r"|(?:다음\s?달|담달|다음\s?주|내달|내년|곧)(?:\s?(?:\d{1,2}|[일이삼사오유육칠팔구시십]{1,3})\s?월)?(?:에|이면|이믄|되면)?\s?(?:만\s?)?"
    r"(\d{1,3}|(?:열|스물|스무|서른|마흔|쉰|예순|일흔|여든|아흔|[이삼사오육칠팔구]십)\s?(?:하나|한|둘|두|셋|세|넷|네|다섯|여섯|일곱|여덟|아홉)?)"
    r"\s?(?:살|세)?\s?(?:이|가)?\s?(?:돼|되|됨|됩)"
    r"|(?:下个月|下月|下周|明年)(?:就|才)?(?:要)?满?(\d{1,3})(?:周)?岁"
    r"|(?:tháng sau|tháng tới|năm sau|năm tới|sang năm)\s+(?:(?:tôi|em|mẹ|bố|ông|bà|anh|chị)\s+)?(?:sẽ\s+)?"
    r"(?:tròn|đủ|lên)\s?(\d{1,3})\s?tuổi",
    re.I,
)
#: A couple named, then their two ages without a unit ("My husband and I, 66 and 63", "me and my wife are 70
#: and 68", "남편이랑 저 71, 68"): each number the age of the one named in that place.
COUPLE_AGES = re.compile(
    r"(?P<who>\b(?:my\s+)?(?:husband|wife|spouse|partner)\s+and\s+(?:i|me)\b|\b(?:i|me)\s+and\s+my\s+"
    r"(?:husband|wife|spouse|partner)\b|\bwe(?:'re|\s+are)\b|\bboth\s+of\s+us\b|(?:남편|신랑|아내|와이프|집사람)"
    r"(?:이랑|하고|랑|과|와)\s?(?:저|나)|(?:저|나)(?:랑|하고|와)\s?(?:남편|신랑|아내|와이프|집사람)|(?:우리\s?)?부부(?:가|는)?|"
    r"chồng\s+(?:tôi|em)\s+và\s+(?:tôi|em)|(?:tôi|em)\s+và\s+chồng|vợ\s+chồng\s+(?:tôi|em)|"
    r"(?:老公|丈夫|老伴|老婆|妻子)和我|我和(?:老公|丈夫|老伴|老婆|妻子)|我们俩|我俩)"
    r"[\s,:：，(（]*(?:are|is|là|都)?\s*(?P<first>\d{2})\s*(?:,|，|、|and|&|và|和|이랑|하고|랑|/)\s*(?P<second>\d{2})"
    r"(?!\s*(?:만|万|천|원|won|krw|%|people|명|\d))",
    re.I,
)
#: "15, 12 và 7 tuổi", "14, 10, 5살", "3岁和5岁": a list of numbers ending in one unit of age, each an age.
_AGE_LIST = re.compile(
    r"(?<![\d.,])(\d{1,2}(?:\s*(?:,|、|，|and|và|&|和|이랑|하고|랑)\s*\d{1,2})+)\s*(?:살|세|tuổi|岁|周岁|years?\s?old|yo\b)",
    re.I,
)
#: "여덟 살", "두 살": ones alone take only 살 ("세" after them is itself a number word).
_NATIVE_ONES_AGE = re.compile(r"(?<![가-힣])(한|두|세|네|다섯|여섯|일곱|여덟|아홉)\s?살")
#: People an age in brackets may follow ("남편(46) 저(44)").
_BRACKET_AGE_OWNERS = (
    "남편", "아내", "와이프", "부인", "husband", "wife", "老公", "丈夫", "妻子", "老婆", "chồng", "vợ", "저", "나",
    "아들", "딸", "큰애", "작은애", "엄마", "아빠", "我", "女儿", "儿子", "孩子", "妈妈", "爸爸",
    "son", "daughter",
)  # fmt: skip
_AFTER_OWNER = "(?:" + "|".join(f"(?<={w})|(?<={w} )" for w in _BRACKET_AGE_OWNERS) + ")"
_AGE_PATTERNS: list[tuple[re.Pattern[str], Literal["years", "months"]]] = [
    (re.compile(r"(?:만\s?)?(\d{1,3})\s?(?:세|살)(?!대)"), "years"),
    # "대학교 1학년(19)", "고3(17)": a bare number in brackets after a person or a grade, an age
    (re.compile(r"(?<=[가-힣\w])\s?[(（](\d{1,2})[)）]"), "years"),
    # "칠십이 세", not the verb ending "사세요" (4 + 세) or "오세요" (come)
    (re.compile(r"(?:만\s?)?(?<![가-힣])([일이삼사오육칠팔구십]{1,4})\s?세(?!요|용|여)"), "years"),
    # "저 올해 25인데", "나 지금 67이야": her own age in digits without 살
    (
        re.compile(
            r"(?:저는?|제가|나는?|내가|본인은?|전|난)\s?(?:올해|지금|현재|이제)\s?(\d{2})"
            r"(?=\s?(?:이에요|예요|이고|인데|이요|요|입니다|이야|야|이거든|이라|$|[,.!?]))"
        ),
        "years",
    ),
    # "남편(34), 큰애 네살": an age in brackets right after the person
    (re.compile(rf"{_AFTER_OWNER}[(（](\d{{1,2}})(?:세|살|岁|tuổi)?[)）]", re.I), "years"),
    (re.compile(r"(\d{1,2})\s?개월"), "months"),
    # "애가 두돌 넘었어요": the second birthday passed, two years old
    (
        re.compile(r"(?<![가-힣])(두|세|네|다섯)\s?돌(?![가-힣]{0,1}(?:봄|보|아|려|린|리|다|고|멩|잔))"),
        "years",
    ),
    # "두 달 됐어요", "한달 반": months in native words
    (
        re.compile(
            r"(?<![가-힣])(한|두|세|석|네|넉|다섯|여섯|일곱|여덟|아홉|열)\s?달(?!러|력|에|마다|동안|간|치|씩|째|\s?\d"
            r"|\s?(?:수입|소득|벌|월급|생활비|용돈|내내|밀|연체|못\s?(?:냈|내)|넘게|얼마|받|나오|나와|지급|최대|몇|[일이삼사오육칠팔구십백천만]))"
        ),
        "months",
    ),
    (re.compile(r"(?<![가-힣])([일이삼사오육칠팔구십]{1,3})\s?개월"), "months"),
    (re.compile(r"(\d{1,3}|[一二三四五六七八九十两]{1,4})\s?(?:周岁|岁)"), "years"),
    # "5个月大", "3个月了" — not "一个月" of "269万一个月" (per month)
    # and "老大9岁，6岁，23个月", a list's last item
    (
        re.compile(
            r"(?<![万元块钱\d])(\d{1,2}|[一二三四五六七八九十两]{1,3})\s?个月(?=大(?!概|约)|了|的|左右|宝宝|婴儿|\s*[，,。.、)）]|\s*$)"
        ),
        "months",
    ),
    (
        re.compile(
            r"(?<=宝宝|孩子|婴儿|女儿|儿子)\s?(?:才|刚)?(\d{1,2}|[一二三四五六七八九十两]{1,3})\s?个月"
            # not "儿子一个月挣四百万": per month
            r"(?!\s?(?:能|就|才|大概|差不多|也)?\s?(?:挣|赚|收入|工资|拿|给|有|花|交|付|[\d一二三四五六七八九十两百千万]))"
        ),
        "months",
    ),
    # "老三一个月前出生了": born that many months ago
    (re.compile(r"(\d{1,2}|[一二三四五六七八九十两]{1,3})\s?个月前(?=出生|生)"), "months"),
    # "我四十五，老婆四十三": a person word, then a bare number ending the phrase (no 岁), is an age
    (
        re.compile(
            r"(?<=我|妻|婆|公|夫|爸|妈|子|女|他|她|伴)\s?(?:今年|现在)?\s?([二三四五六七八九]?十[一二三四五六七八九]?|\d{2})(?=\s*(?:[，,。.、;；]|$))"
        ),
        "years",
    ),
    (re.compile(r"(\d{1,3})\s?tuổi"), "years"),
    (re.compile(r"(\d{1,2})\s?tháng(?=\s?tuổi|\s*(?:có|được|thì|rồi|,|\.|$))"), "months"),
    # "for 10 years" / "10 years ago" are durations, not ages.
    (
        re.compile(
            r"(?<!for )(?<!over )(?<!after )(?<!\d)(\d{1,3})\s*(?:-\s*)?(?:years?|yrs?|y/o|yo)(?:\s*-?\s*old)?\b(?! ago)(?! now)"
            r"(?!\s+(?:in|abroad|here|there|of|living|working)\b)",  # "30 years in the US": a stay
            re.I,
        ),
        "years",
    ),
    (re.compile(r"(\d{1,2})\s*(?:-\s*)?months?(?:\s*-?\s*old)?\b", re.I), "months"),
    # "is 청년월세 still possible at 35?": the age asked about
    (
        re.compile(
            r"\b(?:possible|eligible|apply|qualify)\s+(?:\w+\s+)?at\s+(\d{2})\b(?!\s*(?:am|pm|:|%|o'?clock))",
            re.I,
        ),
        "years",
    ),
    # "He's 79", "she is 83 now", "I'm 24": a number right after a person and to be is an age
    (
        re.compile(
            r"\b(?:i'?m|i am|he'?s|he is|she'?s|she is)\s+(?:now\s+|already\s+|just\s+)?(\d{1,3})\b"
            r"(?!\s*(?:k\b|%|won|krw|million|thousand|months?|weeks?|people|persons?|kids|children|,\d|\.\d))",
            re.I,
        ),
        "years",
    ),
    # "my husband and I are both 70", "we're both 68 now", "我和老伴都七十了": one age said of two people
    (
        re.compile(
            r"\b(?:are|we'?re|they'?re)\s+both\s+(?:now\s+|already\s+)?(\d{2,3})\b"
            r"(?!\s*(?:k\b|%|won|krw|million|thousand|months?|weeks?|,\d|\.\d))",
            re.I,
        ),
        "years",
    ),
    (re.compile(r"都\s?(\d{2}|[二三四五六七八九]十[一二三四五六七八九]?)\s?了"), "years"),
    (
        re.compile(
            r"\b(?:i'?m|i am|aged|age|(?<!income )(?<!rent )(?<!salary )(?<!pay )(?<!deposit )(?<!savings )(?<!debt )"
            r"(?<!wage )(?<!pension )(?<!total )(?<!earnings )is|turned|turning|she's|he's|she is|he is)\s+(\d{1,3})\b"
            r"(?!\s*(?:k\b|%|won|krw|million|thousand|months?|,\d|\.\d|people|person|kids|children))",
            re.I,
        ),
        "years",
    ),
]


#: Who a bare number after a person word is about: "남편 60 저 57", "저는 66이고 남편은 68이요", "Chồng 67, tôi 45",
#: "me (41)", "나이는 육십사". The number must end its phrase; a message about money reads such numbers as money.
_AGE_LABEL_KO = (
    "저|전|나|난|내가|제가|본인|나이|남편|아내|와이프|신랑|마누라|영감|할멈|엄마|어머니|아빠|아버지|시어머니|시아버지"
    "|아들|딸|손주|손자|손녀|큰애|작은애|첫째|둘째|셋째|막내"
    "|할머니|할아버지|할매|할배"
)
_AGE_LABEL_OTHER = (
    r"\b(?:me|myself|husband|wife|son|daughter|mom|mum|mother|dad|father|grandma|grandmother|grandpa|grandfather"
    r"|grandson|granddaughter)\b"
    r"|\b(?:tôi|em|mình|chồng|vợ|con trai|con gái|con|mẹ|bố|ba|má|bà|ông|cháu)\b"
)
_SINO_AGE = r"[이삼사오육칠팔구]?십[일이삼사오육칠팔구]?|[이삼사오육칠팔구]십(?:하나|둘|셋|넷|다섯|여섯|일곱|여덟|아홉)"
_NATIVE_AGE_WORD = (
    r"(?:스물|스무|서른|마흔|쉰|예순|일흔|여든|아흔)(?:하나|둘|셋|넷|다섯|여섯|일곱|여덟|아홉)?"
)
_LABEL_END = (
    r"(?=\s*(?:$|[,.!?~、，;)）]|(?:이|이에|이예|예|이시|이셔|이세|이십|이신|이여|이유|이라|이고|이구|인데|임|입니|이지|이다|이야"
    r"|야|요|유|살|세|먹|묵|됐|되|넘)|\s?아니|\s[(（]|\s(?:"
    + _AGE_LABEL_KO
    + r"|둘\s?다|모두|두\s?분|둘이|사셔|사세|사시|살아|살고|같이|함께|혼자)|\s?(?:and|và|tuổi)\b"
    r"|\s(?:me|my|husband|wife|son|daughter|mom|dad|tôi|em|mình|chồng|vợ|con)\b))"
)
_LABELLED_AGE = re.compile(
    r"(?:(?<![가-힣])(?:" + _AGE_LABEL_KO + r")(?:은|는|이|가|도)?|" + _AGE_LABEL_OTHER + r")"
    r"\s?(?:is\s|:\s?)?(?:올해|지금|현재|이제|năm nay)?\s?[(（]?\s?"
    r"(\d{2}|" + _NATIVE_AGE_WORD + "|" + _SINO_AGE + r")\s?[)）]?" + _LABEL_END,
    re.IGNORECASE,
)
#: A number without a unit ("rent 50"), which in a message about money is an amount in 만원.
_BARE_AMOUNT = re.compile(
    r"(?<![\d.,])\d+(?![\d.,]|\s?(?:만|천|억|원|won|krw|k\b|%|million|thousand|triệu|nghìn|万|元|块|살|세|岁|tuổi))",
    re.I,
)
_MONEY_WORDS = re.compile(
    r"월급|소득|수입|벌|급여|연금|용돈|만\s?원|천만|보증금|전세|월세|예금|통장|재산|빚|대출|income|earn|make|salary|wage|pension"
    r"|deposit|savings|rent|lương|thu nhập|tiền|cọc|tiết kiệm|工资|收入|挣|赚|存款|押金|保证金|房租",
    re.IGNORECASE,
)


def _labelled_ages(text: str) -> list[tuple[int, int, int]]:
    """(value, start, end) of numbers said right after a person word, as ages (see `_LABELLED_AGE`). In a
    message about money only those said before the first money word count ("남편 75 저 70 둘다 국민연금
    받아요"); after it they are amounts ("남편 연금 75 저 70")."""
    money = _MONEY_WORDS.search(text)
    found = []
    for m in _LABELLED_AGE.finditer(text):
        if money and m.end(1) > money.start():
            continue
        raw = m.group(1)
        value = int(raw) if raw.isdigit() else native_korean_number(raw) or _sino_korean(raw)
        if value is not None and 10 <= value <= 110:
            found.append((value, m.start(1), m.end(1)))
    if money and (re.search(r"\d\s*$", text[: money.start()]) or _BARE_AMOUNT.search(text, money.start())):
        return []  # "남편 90 저 70 벌어요", "me 36, rent 50": numbers and money words alternate, all amounts  # "남편 90 저 70 벌어요": the numbers run into the money word, so they are its amounts
    return found


def _sino_korean(text: str) -> int | None:
    """육십사 (64), 오십둘 (52): tens in Sino-Korean, ones in either."""
    m = re.fullmatch(r"([이삼사오육칠팔구])?십(.*)", text)
    if m is None:
        return None
    tens = "_이삼사오육칠팔구".find(m.group(1)) + 1 if m.group(1) else 1
    ones = m.group(2)
    if not ones:
        return tens * 10
    unit = "_일이삼사오육칠팔구".find(ones) if len(ones) == 1 else -1
    value = unit if unit > 0 else native_korean_number(ones)
    return tens * 10 + value if value is not None and 0 < value < 10 else None


_WEEKS = re.compile(
    r"(\d{1,2}|\b(?:one|two|three|four|five|six|seven|eight|một|hai|ba|bốn|năm|sáu)\b|[一二两三四五六七八]"
    r"|(?<![가-힣])(?:한|두|세|네|다섯|여섯|일곱|여덟|삼|사|오|육|칠|팔))"
    r"\s?(?:주차|주째|주\s?(?:됐|되었|지났|넘었|밖에)|주\s?전(?=에?\s?(?:\S{1,6}\s)?\S{0,3}(?:출산|낳|태어))"
    r"|weeks?(?:\s?old)?\b|tuần|周(?:大|了)|(?:个)?(?:星期|礼拜|周)前(?=\S{0,3}(?:生|出生)))",
    re.I,
)


_NEWBORN_WEEK = re.compile(
    r"(?:出生|生了|生下来?)\s?(?:了)?\s?[一两二三1-3]\s?(?:个)?(?:星期|礼拜|周)|上个?(?:星期|礼拜|周)\S{0,2}(?:生了|出生|生下)"
    r"|(?:sinh|đẻ) (?:được )?(?:một|1) tuần|tuần trước(?= (?:mới )?(?:sinh|đẻ))"
)
#: A baby's age in days: "이십일 됐고예", "열흘 됐어요", "10 days old", "bé được 10 ngày", "出生10天".
_DAYS = re.compile(
    r"(\d{1,3}|[일이삼사오육칠팔구십백]{1,3}|열흘|보름|스무|[一二两三四五六七八九十百]{1,3})\s?(?:일\s?(?:됐|되었|째|지났)"
    r"|일\s?전(?=에?\s?(?:\S{1,6}\s)?\S{0,3}(?:출산|낳|태어))|days?\s?old|ngày\s?(?:tuổi)?(?![a-zà-ỹ])"
    r"|days? ago"
    r"|天前(?=\S{0,3}(?:生|出生))|天(?:了|大)?)",
    re.I,
)
_DAY_WORDS = {"열흘": 10, "보름": 15, "스무": 20}


#: A birth year given for an age, as Koreans often do: "89년생", "01년생이에요", "2001년생".
_BORN_YEAR = re.compile(
    r"(?<!\d)((?:19|20)\d{2}|\d{2})\s?(?:년생(?:\s?(1[0-2]|[1-9])\s?월\s?생)?|년\s?(1[0-2]|[1-9])\s?월\s?생)"
)


def _mixed_age(found: re.Match[str]) -> int:
    """Sino-Korean tens and native ones ("오십둘", "칠십하나") as one number."""
    return _DIGITS[found.group(1)] * 10 + _NATIVE_ONES[found.group(2)]


#: 경상도 ones after a tens word: "일흔서이" is 일흔셋, "쉰너이" 쉰넷 (same length, so offsets hold).
_DIALECT_ONES = re.compile(r"(?<=[열물른흔쉰순든흔])(서|너)이")


def find_ages(text: str) -> list[Age]:
    """Ages stated in `text`: 만 65세, 일흔 살, 예순다섯, 70岁, 70 tuổi, "I'm 70", "10 month old"."""
    text = _DIALECT_ONES.sub(lambda m: {"서": "셋", "너": "넷"}[m.group(1)] + "이", text)
    found: list[Age] = []
    taken: list[tuple[int, int]] = []
    in_weeks = False

    def add(value: int | None, unit: Literal["years", "months"], start: int, end: int) -> None:
        if value is None or any(s < end and start < e for s, e in taken):
            return
        if unit == "months" and in_weeks:
            return  # "한달 조금 넘었어요 5주차": one baby, its age said twice
        if (unit == "years" and 0 <= value <= 120) or (unit == "months" and 0 <= value <= 48):
            found.append(Age(value, unit, start, end))
            taken.append((start, end))

    for m in _NEWBORN_WEEK.finditer(text):  # "出生一个星期", "上个星期刚生了": a baby of a week or so
        add(0, "months", m.start(), m.end())
    for m in _WEEKS.finditer(text):  # "5주차", "2 weeks old": a newborn's age in whole months, said precisely
        weeks = word_number(m.group(1))
        if weeks is not None:
            add(weeks * 7 * 12 // 365, "months", m.start(), m.end())
    for m in _DAYS.finditer(text):  # "이십일 됐고예", "10 days old", "được 10 ngày": a newborn's days
        days = _DAY_WORDS.get(m.group(1)) or parse_numeral(m.group(1))
        if m.group(0).lower().endswith("ago") and not _BIRTH_VERB.search(
            text, max(0, m.start() - 40), m.start()
        ):
            continue  # "I paid rent 10 days ago": days since something else
        if days is not None and 0 < days < 120:
            add(int(days) // 30, "months", m.start(), m.end())
    in_weeks = bool(found)
    for m in _TURNS_SOON.finditer(text):  # "he turns 8 next month": 7 now
        said = next(g for g in m.groups() if g)
        said = said.replace(" ", "")
        mixed = re.fullmatch(
            r"([이삼사오육칠팔구])십(하나|한|둘|두|셋|세|넷|네|다섯|여섯|일곱|여덟|아홉)?", said
        )
        if mixed:  # "육십다섯": Sino-Korean tens, native ones
            turning: int | None = _DIGITS[mixed.group(1)] * 10 + (
                _NATIVE_ONES[mixed.group(2)] if mixed.group(2) else 0
            )
        else:
            turning = int(said) if said.isdigit() else native_korean_number(said)
        add(None if turning is None else turning - 1, "years", m.start(), m.end())
    for m in _NATIVE_AGE.finditer(text):
        add(native_korean_number(m.group(1) + (m.group(2) or "")), "years", m.start(), m.end())
    for m in _NATIVE_ONES_AGE.finditer(text):
        add(native_korean_number(m.group(1)), "years", m.start(), m.end())
    for m in _NATIVE_AGE_BARE.finditer(text):
        add(native_korean_number(m.group(1) + (m.group(2) or "")), "years", m.start(), m.end())
    for m in _MIXED_AGE_IN.finditer(text):
        add(_mixed_age(m), "years", m.start(), m.end())
    for m in _ELDER_AGE.finditer(text):
        raw = m.group(1) or m.group(2)
        if raw.endswith("십이") and m.group(0)[len(raw) :].lstrip()[:1] in ("먹", "묵", "넘", "된", "되"):
            raw = raw[:-1]  # "팔십이 넘은 노인": 이 before the verb is the particle, not two
        elder = int(raw) if raw.isdigit() else _sino_korean(raw)
        if elder is not None and 40 <= elder <= 110:
            add(elder, "years", m.start(), m.start() + len(raw))
    for m in _NATIVE_AGE_AFTER_ME.finditer(text):
        add(native_korean_number(m.group(1) + (m.group(2) or "")), "years", m.start(1), m.end())
    for m in _MAN_AGE.finditer(text):
        add(int(m.group(1)), "years", m.start(), m.end())
    for m in COUPLE_AGES.finditer(text):  # "My husband and I, 66 and 63": both grown-ups' ages
        for group in ("first", "second"):
            if 19 <= int(m.group(group)) <= 110:
                add(int(m.group(group)), "years", m.start(group), m.end(group))
    for m in (*_KIDS_AGES.finditer(text), *_AGE_LIST.finditer(text)):  # "kids 3 and 5": each number an age
        for number in re.finditer(r"\d{1,2}", m.group(1)):
            add(int(number.group(0)), "years", m.start(1) + number.start(), m.start(1) + number.end())
    for pattern, unit in _AGE_PATTERNS:
        for m in pattern.finditer(text):
            raw = m.group(1)
            value = int(raw) if raw.isdigit() else (parse_numeral(raw) or native_korean_number(raw))
            add(int(value) if value is not None else None, unit, m.start(), m.end())

    for value, start, end in _labelled_ages(text):
        add(value, "years", start, end)
    for word_value, start, end, kind in find_word_numbers(text):
        if kind in ("age", "months"):
            add(word_value, "years" if kind == "age" else "months", start, end)
    for m in _CORRECTED_TO.finditer(text):  # "남편 45 아니고 46": the number said instead is an age too
        if any(a.unit == "years" and a.end >= m.start() - 4 and a.end <= m.start() for a in found):
            add(int(m.group(1)), "years", m.start(1), m.end(1))
    found = [
        a
        for a in found
        if not (a.unit == "months" and _not_an_age(text, a))
        and not (
            a.unit == "years"
            and _LIVED_BEFORE.search(text[max(0, a.start - 40) : a.start])
            and not _OLD_AFTER.search(text[a.start : a.end + 8])
        )
        and not _BOUND_AFTER.match(text[a.end :])
    ]
    said = list(found)
    # "89년생", "2001년생": the age she reaches this year, less one before July
    for m in _BORN_YEAR.finditer(text):
        if any(abs(a.start - m.end()) <= 20 or abs(m.start() - a.end) <= 20 for a in said):
            continue  # "02년생이요 생일 지나서 만24": the age she says wins over the one worked out
        year = int(m.group(1))
        year += 0 if year >= 100 else 2000 if year <= date.today().year % 100 else 1900
        today = date.today()
        month = int(m.group(2) or m.group(3)) if (m.group(2) or m.group(3)) else None
        if month is None:
            before_birthday = today.month < 7  # the middle of the year, when the month is not said
        else:  # "01년생 12월생": in her birth month, the birthday is more likely ahead in its first half
            before_birthday = month > today.month or (month == today.month and today.day <= 15)
        add(today.year - year - before_birthday, "years", m.start(), m.end())
    found.sort(key=lambda a: a.start)
    return _join_years_and_months(text, found)


#: What may stand between the years and the months of one age: "2살 3개월", "两岁一个月", "2 tuổi 2 tháng",
#: "2 years and 3 months".
_YEARS_THEN_MONTHS = re.compile(r"\s?(?:하고|and|và|零|又)?\s?", re.I)  # not a comma: "3살, 11개월" are two


#: An age said whole ("2 years old", "2 tuổi"): months after it are another child's.
_COMPLETE_AGE = re.compile(r"\bold\s*$", re.I)
#: What stands between an age and the same age restated in brackets: "두 살(22개월)", "快两岁了（22个月）".
_BRACKETED = re.compile(r"\s?(?:了|이에요|예요|이요|요)?\s?[(（]\s?")


def _join_years_and_months(text: str, ages: list[Age]) -> list[Age]:
    """One young child's age said in years and months ("두 살 한 달") is one age in months, not two ages; an age
    restated in brackets ("快两岁了（22个月）", "22개월(두 살)") is one age, in months."""
    joined: list[Age] = []
    for age in ages:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.unit != age.unit
            and _BRACKETED.fullmatch(text[last.end : age.start])
            and abs(
                (last.value if last.unit == "months" else last.value * 12)
                - (age.value if age.unit == "months" else age.value * 12)
            )
            < 18
        ):
            months = last if last.unit == "months" else age
            joined[-1] = Age(months.value, "months", last.start, age.end)
            continue
        if (
            last is not None
            and last.unit == "years"
            and age.unit == "months"
            and not _COMPLETE_AGE.search(text, last.start, last.end)  # "2 years old and 10 months old": two
            and age.value < 12
            and last.value * 12 + age.value <= 48
            and _YEARS_THEN_MONTHS.fullmatch(text[last.end : age.start])
        ):
            joined[-1] = Age(last.value * 12 + age.value, "months", last.start, age.end)
            continue
        joined.append(age)
    return joined


#: Months that are not someone's age: a pregnancy ("임신 6개월", "6 months pregnant") or a time ago or since
#: ("3개월 전에 이사", "3 months ago", "실직한 지 2개월 동안").
_PREGNANT_WORDS = r"임신|pregnant|怀孕|怀着|怀了|mang thai|có bầu|co bau|có thai|co thai|mang bầu|mang bau"
_PREGNANCY_BEFORE = re.compile(rf"(?:{_PREGNANT_WORDS}|임신한\s?지)\s?(?:\S+\s)?$", re.I)
_SPAN_AFTER = re.compile(
    r"^\s?(?:째(?!\s?(?:예요|에요|이에요|입니다|야|임))|전|동안|간|후|뒤|밀려|밀렸|연체|behind|overdue|late|in arrears|pregnant|along|ago|before|later|into|in a row|前|后|以来|trước|sau|nữa)",
    re.I,
)


#: "실직한 지 2개월", "이사 온 지 3개월": time since something — unless the something is the birth.
_SINCE_BEFORE = re.compile(
    r"([가-힣]+)\s?지\s?$|\bsince\b.{0,20}$|\bfor\s+(?:about\s+|around\s+|roughly\s+|almost\s+|nearly\s+|over\s+)?$"
    r"|\btrong\s+(?:khoảng\s+|khoang\s+)?$",
    re.I,
)
#: A child named right after the months ("18个月的宝宝", "18개월 된 아기", "an 18-month-old son").
_CHILD_NAMED_AFTER = re.compile(
    r"\s?(?:的|짜리|된|old|-old)?\s?(?:宝宝|孩子|儿子|女儿|小孩|아기|애기|아들|딸|baby|son|daughter|boy|girl)",
    re.I,
)
#: Arrears told before the months ("behind on rent 2 months", "拖欠了两个月", "nợ tiền nhà 3 tháng"): how long
#: unpaid, not a baby.
_ARREARS_BEFORE = re.compile(
    r"\b(?:behind|late|overdue)\b(?:\s+(?:on|with|in))?(?:\s+(?:the|my|our))?(?:\s+(?:rent|bills?|payments?))?"
    r"(?:\s+(?:by|for))?\s*$|(?:拖欠|欠|交不起|没交)了?\s*$|\b(?:nợ|no|chậm|cham)\s+(?:tiền\s+|tien\s+)?"
    r"(?:nhà|nha|thuê|thue|lương|luong)?\s*$"
    # wages unpaid for months ("công ty nợ lương 3 tháng", "월급 3개월 밀렸", "欠工资三个月")
    r"|\b(?:chưa|chua|không|khong)\s+(?:trả|tra)\s+(?:lương|luong)\s*$|(?:欠|拖欠)(?:了)?(?:工资|薪水)\s*$",
    re.I,
)
#: A trip or a stay told before the months ("về Việt Nam thăm ông bà khoảng 4 tháng", "친정 가서 3개월 정도"): how
#: long she is away, unless the months are said as an age ("4 tháng tuổi", "4 months old").
_TRIP_BEFORE = re.compile(
    r"(\bvề\b|\bve\b|thăm|\bsang\b|ở lại|\bvisit|\btrip\b|\bstay|travel|\bgo(?:ing)?\b|\bfly|回国|回去|回老家|出国"
    r"|가서|가\s?있|다녀|체류|여행|출국)[^.?!]{0,40}$",
    re.I,
)
#: A state told next to the months ("nằm viện 2 tháng rồi", "out of work 2 months now", "住院两个月了", "2 tháng rồi
#: không đi làm"): how long it has lasted, unless the months are said as an age ("4 tháng tuổi").
_STATE = (
    r"(?:nằm viện|nam vien|nhập viện|nhap vien|không (?:đi làm|có việc)|khong (?:di lam|co viec)|thất nghiệp|that nghiep"
    r"|mất việc|mat viec|out of work|unemployed|jobless|in (?:the )?hospital|住院|没(?:有)?工作|失业|입원|실직|일을?\s?못|무직)"
)
_STATE_BEFORE = re.compile(_STATE + r"[^.?!\d]{0,16}$", re.I)
_STATE_AFTER = re.compile(r"^\s?(?:rồi|roi|了|now|already|됐|째)?\s?,?\s?(?:mà\s|ma\s)?" + _STATE, re.I)
_PREGNANT_IN = re.compile(_PREGNANT_WORDS, re.I)
_CHILD_WORD = re.compile(
    r"애기|아기|baby|\bbé\b|宝宝|孩子|\bson\b|daughter|아들|딸|첫째|큰애|낳|태어|born", re.I
)
_CARRIED_CHILD = re.compile(
    r"^\s*(?:em\s)?(?:bé|con|baby|아기|애기|宝宝|孩子)(?:\s?(?:đầu lòng|đầu|thứ \w+|첫째|둘째|셋째|第一个|老大|老二))?",
    re.I,
)
_AGE_WORD_AFTER = re.compile(r"^\s?(?:tuổi|tuoi|old|된|됐|되었|大)", re.I)
_BIRTH_VERB = re.compile(
    r"태어|낳|출산|born|birth|had (?:a |our |my |the )?(?:first |second |third |new |little |baby )?(?:baby|son|daughter|child|girl|boy)"
    r"|出生|生了|sinh",
    re.I,
)
_AGO_AFTER = re.compile(r"^\s?(?:ago|전|前|trước)", re.I)


#: An age that bounds a rule, not a person's ("아동수당 아홉살까지 받는거죠?", "65세 이상", "under 9").
_BOUND_AFTER = re.compile(
    r"^\s?(?:까지|부터|이상|이하|미만|초과|넘으면|넘어서면|이전|전까지|and (?:over|older|up)|or (?:older|over)"
    # an age to be reached, as a rule's condition: "65세 되면 장애인연금 끊기고", "65岁以后"
    r"|(?:가|이)?\s?되면|(?:가|이)?\s?되시면|(?:가|이)?\s?되는\s?(?:달|해|날)|이후|以后|之后"
    r"|以上|以下|为止|之前|trở lên|trở xuống)",
    re.I,
)


#: An amount just before "một tháng"/"a month": a rate, not a baby's age ("200 man mot thang").
_PER_AMOUNT_BEFORE = re.compile(
    r"(?:\d\s?(?:man|won|triệu|trieu|nghìn|nghin|vạn|van|만\s?원?|원)|\d)\s*[)）]?\s*(?:mỗi\s*|moi\s*|a\s*|per\s*)?$",
    re.I,
)


#: "I've lived in Siheung 3 years", "been living here for 5 years", "sống ở đây 3 năm": a stay, not an age.
_LIVED_BEFORE = re.compile(
    r"\b(?:lived|living|live|stayed|staying|been)\b[^.,?!\d]{0,30}$|\b(?:sống|ở)\s[^.,?!\d]{0,20}$",
    re.IGNORECASE,
)
_OLD_AFTER = re.compile(r"\bold\b|tuổi|세|살|岁", re.IGNORECASE)


def _not_an_age(text: str, age: Age) -> bool:
    before = text[max(0, age.start - 14) : age.start]
    if _PER_AMOUNT_BEFORE.search(before) and re.match(r"(?:một|mot|1|one|a)\b", text[age.start :], re.I):
        return True  # "200 man mot thang": per month
    since = _SINCE_BEFORE.search(before)
    if _BIRTH_VERB.search(text[max(0, age.start - 40) : age.start]) and _AGO_AFTER.match(text[age.end :]):
        return (
            False  # "born here three weeks ago", "낳은 지 두 달 전": a time since the birth is the baby's age
        )
    lead = text[max(0, age.start - 60) : age.start]
    if _CHILD_NAMED_AFTER.match(text, age.end):
        return False  # "怀孕了，第二胎，还有一个18个月的宝宝": the months of the child named after them
    carrying = _PREGNANT_IN.search(text[max(0, age.start - 30) : age.start])
    carried = text[max(0, age.start - 30) : age.start][carrying.end() :] if carrying else ""
    # "mang thai bé đầu, 7 tháng rồi": the baby named right after the pregnancy is the one carried
    carried = _CARRIED_CHILD.sub(" ", carried)
    if carrying and not _CHILD_WORD.search(carried):
        return True  # "둘째 임신 중인데요🤰 (지금 6개월이요!)": how far along, not a baby
    trip = _TRIP_BEFORE.search(lead)
    away = (
        bool(trip)
        and not _BIRTH_VERB.search(lead)
        and not _CHILD_WORD.search(lead[trip.end(1) :] if trip else "")
    )
    return bool(
        _PREGNANCY_BEFORE.search(before)
        or _SPAN_AFTER.match(text[age.end :])
        or (since and not _BIRTH_VERB.search(since.group(0)))
        or bool(_ARREARS_BEFORE.search(text[max(0, age.start - 30) : age.start]))
        or (away and not _AGE_WORD_AFTER.match(text[age.end :]))
        or (
            bool(_STATE_BEFORE.search(lead) or _STATE_AFTER.match(text[age.end :]))
            and not _AGE_WORD_AFTER.match(text[age.end :])
            and not _BIRTH_VERB.search(lead)
        )
    )


_MONEY_CONTEXT = re.compile(
    r"((?:경비|조리사|요양보호사|캐셔|경리|간호조무사|간호사|회사원|택배|배달|미화원|일용직|알바|아르바이트|청소)(?:로|으로|일로|해서)?|월급|월세|월\s?소득|소득|수입|(?<![0-9일이삼사오유육칠팔구십정섣])월|벌|버는|연봉|재산|집|아파트|빌라|주택|땅|토지|상가|건물|시세|공시\s?가격?|시가|집값|예금|적금|저축|빚|대출|부채|보증금|전세|전셋돈|용돈|연금|급여|수당|양육비|통장|알바|부업|파트|한\s?달에?|매달|매월|합쳐(?:서|가)?|(?:집|아파트|빌라|주택|땅|상가)\s?(?:하나|한\s?채)\s?(?:있는데|있는디|있고|있어|있슈|있는)?|합치면|합치믄|합하면|합해서|합해가|다\s?해서|(?:받|나오|들어오)는\s?(?:거|기|게|것|돈)|"
    r"收入|工资|挣|房租|年金|养老金|退休金|一共|总共|加起来|一个月|每个月|每月|月薪|薪水|存款|押金|保证金)(?:이|은|는|엔|에는|에|도|으로|로|만|이랑|하고|게|가)?\s*(?:(?:[가-힣]{1,2}\s?)?(?:이름|명의)\s?(?:으로|로)\s?(?:된\s?(?:거|것|게)?\s?)?)?(?:(?:모아\s?둔|넣어\s?둔|들어\s?있는|있는)\s?(?:거|것|돈)(?:이|은|는|도)?\s*)?(?:세후|세전|실수령|税后|税前)?\s*(?:한|약|대략|대충|거의|딱|한\s?달에?|매달)?\s*$"
)
#: "한달 백오십 번다", "삼백 벌어요": a bare amount the verb after it makes money (in 만원).
_EARNING_AFTER = re.compile(
    r"^\s?(?:정도|쯤|가량|남짓)?\s?(?:씩\s?)?(?:번다|벌어|벌었|벌고|법니다|벌이|버는|벌음|받아|받어|받았|받는다|받는데|받는듯|받는\s?거|받고|받음|받습니다|나와|나옴|나오고|나오는데|나온다|들어와|들어옴|들어옵|들어오고|들어오는)"
)
_CURRENCY_AFTER = re.compile(r"^\s?(?:원|won\b|krw\b|韩元|韩币|元|块|uôn)", re.I)
_EN_MONEY = re.compile(
    r"((?:₩|krw\b)\s?)?(\d[\d,]*(?:\.\d+)?)\s*(k\b|thousand\b|million\b|mil\b|m\b|billion\b)?\s*(won\b|krw\b)?",
    re.I,
)
# "200 man", "coc 4000 man": the Korean 만 written in Latin letters by residents who write Vietnamese or English
_VI_MONEY = re.compile(
    r"(\d[\d.,]*)\s*(ngàn vạn|nghìn vạn|ngan van|nghin van|triệu|vạn|nghìn|ngàn|tỷ|tỉ|man\b)(\s*(?:won|krw|uôn))?",
    re.I,
)
_VI_COMPOUND = re.compile(
    r"(\d[\d.,]*)\s*(triệu|trieu|tỷ|tỉ|ty)\s+(\d{1,3})\s*(nghìn|nghin|ngàn|ngan|triệu|trieu|trăm nghìn|tram nghin|trăm ngàn|tram ngan|trăm|tram)"
    r"(\s*(?:won|krw|uôn))?",
    re.I,
)
#: "800,000": thousands grouped by commas are an amount of won, never an age or a count.
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")
_KOREAN_UNIT = re.compile(r"\s?[만억천백원万亿千元]")
_EN_SCALE = {"k": 10**3, "thousand": 10**3, "million": 10**6, "mil": 10**6, "m": 10**6, "billion": 10**9}
#: "2 triệu 5" is 2.5 million (a lone digit after the millions is hundreds of thousands), "2 triệu rưỡi" too.
_VI_TENTHS = re.compile(
    r"(\d+)\s*(triệu|trieu)\s+(\d|rưỡi|ruoi)(?!\d|[.,]\d)"
    r"(?!\s*(?:nghìn|nghin|ngàn|ngan|trăm|tram|triệu|trieu|tuổi|tuoi|người|nguoi|tháng|thang|năm|nam|con|đứa|dua)\b)",
    re.IGNORECASE,
)
_VI_SCALE = {
    "triệu": 10**6, "vạn": 10**4, "nghìn": 10**3, "ngàn": 10**3, "tỷ": 10**9, "tỉ": 10**9,
    "ngàn vạn": 10**7, "nghìn vạn": 10**7, "ngan van": 10**7, "nghin van": 10**7,
}  # fmt: skip
# "1 triệu 9 trăm (nghìn)": 9 hundred thousand after a million
_VI_SCALE |= {"trăm nghìn": 10**5, "trăm ngàn": 10**5, "trăm": 10**5, "man": 10**4}
_VI_SCALE |= {fold_latin(word): scale for word, scale in _VI_SCALE.items()}  # "trieu", "nghin"


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for k in range(start, end):
            chars[k] = " "
    return "".join(chars)


_HANGUL = re.compile(r"[가-힣]")


_COUNTED_BIG = re.compile(r"(?<=[\d一二两三四五六七八九十])个(亿)")


def find_money(text: str) -> list[Money]:
    """Money amounts in KRW: 80만원, 월 백오십 (a bare amount after 월/월급/소득 is in 만원), 1.2백만, 3억 5천,
    "1.5 million won", "800k", 八十万, "80 triệu". Ages and counts are not mistaken for money."""
    # "五个亿", "5个亿": 亿 counted with 个 in speech (the same length, so spans stay)
    text = _COUNTED_BIG.sub(lambda m: m.group(1) + " ", text)
    masked = _mask(text, [(a.start, a.end) for a in find_ages(text)])
    masked = re.sub(
        r"\d+\s?(?:인|명|개월|년|월(?!\s?(?:급|세|소득|수입))|살|세|시|종|번|구|동|층|평|대|일|口|个|người|tháng|năm)",
        lambda m: " " * len(m.group(0)),
        masked,
    )
    found: list[Money] = []
    taken: list[tuple[int, int]] = []
    listed: list[tuple[str, int, int]] = []

    def add(krw: float, start: int, end: int, explicit: bool) -> None:
        if krw <= 0 or any(s < end and start < e for s, e in taken):
            return
        found.append(Money(round(krw), start, end, explicit))
        taken.append((start, end))

    for word_value, start, end, kind in find_word_numbers(masked):
        if kind == "money":
            add(word_value, start, end, True)
    for m in _VI_TENTHS.finditer(masked):  # "2 triệu 5", "2 triệu rưỡi": 2.5 million
        big = _plain_number(m.group(1))
        if big is not None:
            tenths = 5 if m.group(3).lower() in ("rưỡi", "ruoi") else int(m.group(3))
            add(big * 10**6 + tenths * 10**5, m.start(), m.end(), True)
    for m in _VI_COMPOUND.finditer(masked):  # "2 triệu 200 nghìn": one amount
        big, small = _plain_number(m.group(1)), _plain_number(m.group(3))
        if big is not None and small is not None:
            add(
                big * _VI_SCALE[m.group(2).lower()] + small * _VI_SCALE[m.group(4).lower()],
                m.start(),
                m.end(),
                True,
            )
    for m in _VI_MONEY.finditer(masked):
        value = _plain_number(m.group(1))
        if value is not None:
            add(value * _VI_SCALE[m.group(2).lower()], m.start(), m.end(), True)
    for m in _EN_MONEY.finditer(masked):
        scale, won = m.group(3), m.group(4)
        grouped = bool(_GROUPED.fullmatch(m.group(2))) and not _KOREAN_UNIT.match(masked, m.end())
        if not (scale or won or m.group(1) or grouped):
            continue
        if grouped and not (scale or won or m.group(1)) and len(m.group(2)) <= 5 and _HANGUL.search(masked):
            continue  # "통장에 2,500 정도": in a Korean message a bare grouped thousand is 만원 (read below)
        value = _plain_number(m.group(2))
        if value is not None:
            add(value * (_EN_SCALE[scale.lower()] if scale else 1), m.start(), m.end(), True)
    # Korean / Chinese numerals; join "3억 5천" and "80 만" across one space.
    # "300이요", "1억이에요": 이/일 after a number and before no unit is a particle, not a digit.
    masked = re.sub(r"(?<=[\d억만천백])[이일](?![십백천만억\d])", " ", masked)
    # "사백오십이요": after 십, 이 before an ending is the particle too (사백오십이만원 stays 452만).
    masked = re.sub(r"(?<=십)이(?=요|에요|예요|고|구|랑|야|라|며|던|었|였|\s*$)", " ", masked)
    # "아빠만 60 받으셔": 만 after a word, not a numeral, is the particle "only"
    masked = re.sub(r"(?<=[가-힣])(?<![일이삼사오육칠팔구십백천])만(?=\s?\d)", " ", masked)
    joined = re.sub(r"(?<=[억만万亿\d])\s(?=[\d일이삼사오육칠팔구천백만])", "\x00", masked)
    for m in _NUMERAL_RUN.finditer(joined):
        raw = m.group(0).replace("\x00", "").strip(".,")
        start, end = m.start(), m.end()
        if not raw:
            continue
        has_ascii = any(c.isdigit() for c in raw)
        # "백십", "천이백": a numeral of several places, even with no digit among them, is a number
        has_digit = (
            has_ascii or any(c in _DIGITS for c in raw) or (len(raw) >= 2 and set(raw) <= set("십백천"))
        )
        has_big = any(c in _BIG for c in raw)
        after = joined[end:]
        currency = bool(_CURRENCY_AFTER.match(after))
        before = joined[max(0, start - 12) : start]  # "적금 모아둔거 이천": the money word a few words back
        context = bool(_MONEY_CONTEXT.search(before) or _EARNING_AFTER.match(after))
        # "월급 200 아니고 250": the number said instead of an amount is an amount too
        context = context or bool(
            _INSTEAD_BEFORE.search(before) and any(0 <= start - f.end <= 8 for f in found)
        )
        lone = raw in ("천", "백") and context  # "예금 천 정도", "월 백": 천만원, 백만원
        if not has_digit and not currency and not lone:
            if raw == "백":
                listed.append((raw, start, end))  # "저 월급 이백 와이프 식당 백이요": the list's next amount
            continue
        if not has_ascii and not any(c in _SMALL or c in _BIG for c in raw):
            continue  # a lone 이, 오, 일 is a word, not a number
        if not (currency or context or has_big):
            listed.append((raw, start, end))  # "남편 300, 저 200 벌어요": an amount if the list's last is one
            continue
        if not has_ascii and not (
            currency or context or (has_big and any(c in _SMALL or c in _DIGITS for c in raw))
        ):
            continue
        value = parse_numeral(raw)
        if value is None:
            continue
        if not has_big and not currency and value < 10**4:
            value *= 10**4  # "월 150", "월급 180", "월 백오십": amounts in 만원
        elif currency and not has_big and value < 1000 and re.match(r"^\s?만\s?원", after):
            value *= 10**4
        add(value, start, end, currency or has_big)
    for raw, start, end in listed:
        # "내 국민연금 이백팔십 마누라 백이십": a bare number after a person word, right after an amount, is the
        # list's next amount (in 만원)
        prev = max((f for f in found if f.end <= start), key=lambda f: f.end, default=None)
        if prev is None or prev.explicit or not _PERSON_BETWEEN.fullmatch(joined[prev.end : start]):
            continue
        value = parse_numeral(raw)
        if value is not None and 10 <= value < 10**4:
            add(value * 10**4, start, end, False)
    for raw, start, end in reversed(listed):
        nxt = next((f for f in sorted(found, key=lambda x: x.start) if f.start >= end), None)
        if nxt is None or nxt.explicit:
            continue
        # the amount's run may have swallowed the list's comma ("300,")
        gap = joined[end - 1 : nxt.start] if joined[end - 1] in ",，、" else joined[end : nxt.start]
        if not _LIST_BETWEEN.fullmatch(gap):
            continue
        value = parse_numeral(raw)
        if value is not None and 0 < value < 10**4:
            add(value * 10**4, start, end, False)
    found.sort(key=lambda x: x.start)
    return found


#: Between two amounts of one list, the second's holder: ", 저 ", ", 집사람이 ", ", chồng ".
_LIST_BETWEEN = re.compile(
    r"\s?[,，、]\s?(?:[가-힣a-zà-ỹ]{1,6}(?:이|가|은|는|도)?\s?)?"
    # "남편 삼백팔십 저 알바 백이십": no comma, the next holder and what she does
    r"|\s(?:마누라|할멈|영감|남편|신랑|아내|와이프|집사람|부인|저|나|내|제)(?:는|은|도|가)?\s(?:[가-힣]{1,4}\s)?",
    re.I,
)
_INSTEAD_BEFORE = re.compile(r"아니(?:고|구|라|야)?\s?,?\s?$")
#: Between an amount and the next one of a list, the next holder alone: " 마누라 ", ", 남편은 ".
_PERSON_BETWEEN = re.compile(
    r"\s?[,，、]?\s?(?:마누라|할멈|영감|남편|신랑|아내|와이프|집사람|부인|저|나|내|제|아들|딸|엄마|아빠|어머니|아버지)"
    r"(?:\s?(?:거|것|꺼|껀))?(?:이|가|은|는|도|께|꺼)?\s?(?:(?:식당|마트|공장|회사|알바|월급|연금)\s)?"
)


_BARE_TAIL = re.compile(
    r"(?:\s?(?:살|세|岁|周岁|tuổi|years?(?:\s?old)?))?\s?(?:이요|요|이에요|예요|입니다|이야|야|임|쯤|정도|이죠|인데요|이고"
    r"|이여|여|이유|유|입니더|이라예|라예)?"  # dialect: "팔십이여", "일흔둘이유"
    r"(?:\s?(?:만\s?(?:으로|나이로)|만\s?나이)(?:요|유|여)?)?\s*[.!~]*$",  # "… 만으로": her full age
    re.I,
)


def bare_number(text: str) -> int | None:
    """A reply that is only a number, in digits or words, with its polite ending: "일흔둘이요" (72),
    "예순두 살이요" (62), "8", "seventy-two" is not read (English tens words are rare in replies)."""
    core = re.sub(
        r"^(?:아\s?)?(?:아니(?:다|요|야)?|그게\s?아니라|정정|sorry|không phải)?[,\s]*",
        "",
        text.strip(),
        flags=re.I,
    )
    core = _BARE_TAIL.sub("", core).strip()
    core = re.sub(
        r"^만\s?(?=\d|[일이삼사오육칠팔구십스서마쉰예일여아열한두세네])", "", core
    )  # "만 24": 만 나이
    if not core or len(core) > 12:
        return None
    if core.isdigit():
        return int(core)
    if mixed := _MIXED_AGE.match(core):  # "오십둘"
        return _mixed_age(mixed)
    native = native_korean_number(core)
    if native is not None:
        return native
    value = parse_numeral(core) if any(c in _SMALL or c in _DIGITS for c in core) else None
    if value is None and core.lower() in _WORD_NUMBERS:
        return _WORD_NUMBERS[core.lower()]
    return int(value) if value is not None and value == int(value) else None


# Numbers written in English or Vietnamese words ("two million fifty thousand", "bốn mươi bốn",
# "tam tram nghin"), read only where a unit follows (won, tuổi, years old) or an age is being stated.
_EN_ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_VI_ONES = {
    "không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5, "sáu": 6,
    "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
    "khong": 0, "mot": 1, "bon": 4, "tu": 4, "nam": 5, "lam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9,
    "muoi": 10,
}  # fmt: skip
_WORD_SCALES = {
    "hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9,
    "trăm": 100, "tram": 100, "nghìn": 10**3, "ngàn": 10**3, "nghin": 10**3, "ngan": 10**3,
    "triệu": 10**6, "trieu": 10**6, "tỷ": 10**9, "tỉ": 10**9, "ty": 10**9, "vạn": 10**4,
}  # fmt: skip
_TENS_MARK = {"mươi", "muoi"}  # "bốn mươi" = 4 × 10; bare "mười" is 10
_FILLERS = {"and", "linh", "lẻ", "le", "-"}
_POINT = ("point", "phẩy", "phay")
_WORD = "|".join(
    sorted(
        {*_EN_ONES, *_VI_ONES, *_WORD_SCALES, *_TENS_MARK, "and", "linh", "lẻ", *_HALF, *_POINT},
        key=len,
        reverse=True,
    )
)
_WORD_RUN = re.compile(
    rf"(?<![\w])(?!(?:and|linh|lẻ)\b)(?:(?:{_WORD})(?:[\s-]+|(?=[^\w])|$)){{1,12}}", re.IGNORECASE
)


def _decimal_words(whole: list[str], after: list[str]) -> int | None:
    """ "one point five million": the whole part, single digits after the point, then one scale word."""
    digits = [_EN_ONES.get(t, _VI_ONES.get(t)) for t in after[:-1]]
    if (
        not digits
        or len(after) < 2
        or after[-1] not in _WORD_SCALES
        or any(d is None or d > 9 for d in digits)
    ):
        return None
    head = parse_words(" ".join(whole))
    if head is None:
        return None
    fraction = float("0." + "".join(str(d) for d in digits))
    return round((head + fraction) * _WORD_SCALES[after[-1]])


def parse_words(run: str) -> int | None:
    """The value of a run of English or Vietnamese number words; None when it is not one number."""
    tokens = [t for t in re.split(r"[\s-]+", run.strip().lower()) if t]
    if not tokens or tokens[0] in _WORD_SCALES or tokens[0] in _FILLERS:
        return None  # "1.5 million": the digits are read elsewhere
    tokens, tenth = spoken_tenth(tokens)
    if tenth:
        head = parse_words(" ".join(tokens))
        return None if head is None else head + tenth
    if point := next((i for i, t in enumerate(tokens) if t in _POINT), 0):
        return _decimal_words(tokens[:point], tokens[point + 1 :])
    total = current = last = 0
    seen = False
    for token in tokens:
        if token in _FILLERS:
            continue
        if token in _TENS_MARK:  # "sáu mươi": the digit just read is tens
            current += last * 9 if last else 10
            last = 0
            seen = True
        elif token in _EN_ONES or token in _VI_ONES:
            last = _EN_ONES.get(token, _VI_ONES.get(token, 0))
            current += last
            seen = True
        elif token in _WORD_SCALES:
            scale = _WORD_SCALES[token]
            last = 0
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


_WORD_MONEY_AFTER = re.compile(r"^\s?(?:won\b|krw\b|uôn\b|원)", re.IGNORECASE)
_WORD_AGE_AFTER = re.compile(
    r"^\s?(?:tuổi|tuoi\b|years?(?:[\s-]old)?\b(?! ago)(?! now)(?! later)|yrs?\b(?! ago))", re.IGNORECASE
)
#: "for two years", "over three years": a duration, as the digit patterns have it.
_DURATION_BEFORE = re.compile(r"\b(?:for|over|after|past|last)\s+$", re.IGNORECASE)
#: "… won một tháng", "… won a month": the month after an amount is "per month", not an age.
_PER = re.compile(
    r"(?:won|krw|uôn|uon|원|nghìn|nghin|triệu|trieu|đồng|dong|thousand|million)\s*$", re.IGNORECASE
)
_WORD_MONTHS_AFTER = re.compile(r"^\s?(?:tháng|thang\b|monthe?s?\b|mths?\b|mos?\b)", re.IGNORECASE)
#: Another unit after a number said of a person: "my child is thirteen weeks", not years.
_OTHER_UNIT_AFTER = re.compile(r"^\s?(?:weeks?|wks?|days?|mon\w*|m\b)", re.IGNORECASE)
_WORD_AGE_BEFORE = re.compile(
    r"(?:\bi'?m|\bi am|\baged?|\bturned|\bturning"
    # "our lad is ten", "my daughter's seven", "he's eighty": a person, then to be
    r"|\b(?:son|daughter|lad|lass|boy|girl|kid|child|baby|husband|wife|mum|mom|dad|mother|father|he|she)(?:'s|\s+is)"
    r")\s*$",
    re.IGNORECASE,
)


def find_word_numbers(text: str) -> list[tuple[int, int, int, str]]:
    """(value, start, end, kind) for number words followed by won ("money"), by months ("months"), or by an
    age unit or after "I'm" ("age")."""
    found: list[tuple[int, int, int, str]] = []
    for m in _WORD_RUN.finditer(text):
        raw = m.group(0)
        value = parse_words(raw)
        if value is None:
            continue
        end = m.start() + len(raw.rstrip(" -"))
        after = text[end:]
        if _WORD_MONEY_AFTER.match(after) or (
            value >= 10**4
            and re.search(r"million|triệu|trieu|nghìn|nghin|ngàn|ngan|vạn|van|thousand", raw, re.I)
        ):
            found.append((value, m.start(), end, "money"))
        elif (
            (months := _WORD_MONTHS_AFTER.match(after))
            and 0 <= value <= 48
            and not _PER.search(text[: m.start()])
        ):
            found.append((value, m.start(), end + months.end(), "months"))
        elif (
            (
                (unit := _WORD_AGE_AFTER.match(after))
                or (_WORD_AGE_BEFORE.search(text[: m.start()]) and not _OTHER_UNIT_AFTER.match(after))
            )
            and 0 < value < 120
            and not (unit and _DURATION_BEFORE.search(text[: m.start()]))
        ):  # the span takes the unit too, as the digit patterns' spans do
            found.append((value, m.start(), end + (unit.end() if unit else 0), "age"))
    return found


# Every pattern above also matches Vietnamese typed without marks ("tuoi", "khong co", "nguoi").
accept_unmarked(globals())
