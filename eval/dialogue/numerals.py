"""Numbers as residents write them: digits, scale words or numerals in words, in ko, en, zh and vi."""

from __future__ import annotations

from random import Random

_KO_DIGITS = ("", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구")
_KO_NATIVE_TENS = ("", "열", "스물", "서른", "마흔", "쉰", "예순", "일흔", "여든", "아흔")
_KO_NATIVE_ONES = ("", "하나", "둘", "셋", "넷", "다섯", "여섯", "일곱", "여덟", "아홉")
_KO_NATIVE_BEFORE_UNIT = {"하나": "한", "둘": "두", "셋": "세", "넷": "네"}
_ZH_DIGITS = ("零", "一", "二", "三", "四", "五", "六", "七", "八", "九")
_EN_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_VI_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")


def ko_sino(n: int) -> str:
    """Sino-Korean numeral for 1..9999 ("천오십" for 1050); 일 is dropped before 십, 백 and 천."""
    if not 0 < n < 10000:
        raise ValueError(f"ko_sino: 1..9999 (got {n})")
    out = ""
    for unit, word in ((1000, "천"), (100, "백"), (10, "십")):
        digit = n // unit % 10
        if digit:
            out += ("" if digit == 1 else _KO_DIGITS[digit]) + word
    return out + _KO_DIGITS[n % 10]


def ko_native(n: int, *, before_unit: bool = True) -> str:
    """Native Korean numeral for 1..99: "일흔두" before 살, "일흔둘" standing alone; "스무" for 20."""
    if not 0 < n < 100:
        raise ValueError(f"ko_native: 1..99 (got {n})")
    tens, ones = _KO_NATIVE_TENS[n // 10], _KO_NATIVE_ONES[n % 10]
    if before_unit:
        ones = _KO_NATIVE_BEFORE_UNIT.get(ones, ones)
        if n == 20:
            tens = "스무"
    return tens + ones


def ko_money_words(krw: int) -> str:
    """ "팔십오만원", "일억 이천만원", "만원"; amounts that are not whole 만 fall back to digits."""
    if krw <= 0 or krw % 10000:
        return f"{krw:,}원"
    man = krw // 10000
    eok, rest = divmod(man, 10000)
    parts = []
    if eok:
        parts.append(ko_sino(eok) + "억")
    if rest:
        parts.append(("" if rest == 1 else ko_sino(rest)) + "만")
    return " ".join(parts) + "원"


def ko_money_digits(krw: int, rng: Random) -> str:
    """ "85만원", "85만 원", "850,000원", "1억 2천만원", "3,500만원", "1억2000만원"."""
    if krw % 10000 or rng.random() < 0.12:
        return f"{krw:,}원"
    man = krw // 10000
    eok, rest = divmod(man, 10000)
    if eok:
        if not rest:
            return f"{eok}억" + rng.choice(("원", " 원", ""))
        if rest % 1000 == 0 and rng.random() < 0.6:
            return f"{eok}억 {rest // 1000}천만원"
        return f"{eok}억" + rng.choice((" ", "")) + f"{rest}만원"
    if man >= 1000 and man % 1000 == 0 and rng.random() < 0.5:
        return f"{man // 1000}천만원"
    if man >= 1000 and man % 100 == 0 and rng.random() < 0.4:
        thousands, hundreds = divmod(man, 1000)
        return f"{thousands}천{hundreds // 100}백만원"
    shown = f"{man:,}" if man >= 1000 and rng.random() < 0.5 else str(man)
    return shown + rng.choice(("만원", "만 원", "만원", "만"))


def en_words(n: int) -> str:
    """English words for 0..999,999,999 ("two million three hundred thousand")."""
    if n < 20:
        return _EN_ONES[n]
    if n < 100:
        return _EN_TENS[n // 10] + ("-" + _EN_ONES[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        return _EN_ONES[n // 100] + " hundred" + (" " + en_words(rest) if rest else "")
    for scale, word in ((10**6, "million"), (1000, "thousand")):
        if n >= scale:
            rest = n % scale
            return en_words(n // scale) + f" {word}" + (" " + en_words(rest) if rest else "")
    raise ValueError(n)


def en_money(krw: int, rng: Random, *, words: bool) -> str:
    """ "850,000 won", "850k won", "2.3 million won", "two million won"."""
    if words:
        return en_words(krw) + " won"
    if krw >= 1_000_000 and krw % 100_000 == 0 and rng.random() < 0.6:
        millions = krw / 1_000_000
        shown = f"{millions:g}"
        return f"{shown} million won"
    if krw % 1000 == 0 and krw < 1_000_000 and rng.random() < 0.3:
        return f"{krw // 1000}k won"
    return f"{krw:,} won" if rng.random() < 0.85 else f"KRW {krw:,}"


def zh_numeral(n: int) -> str:
    """Chinese numeral for 1..99,999,999 ("一千零五十", "八十五万", "一亿五千万")."""
    if n <= 0:
        raise ValueError(n)
    if n >= 10**8:
        high, rest = divmod(n, 10**8)
        return zh_numeral(high) + "亿" + (("零" if rest < 10**7 else "") + zh_numeral(rest) if rest else "")
    if n >= 10**4:
        high, rest = divmod(n, 10**4)
        return zh_numeral(high) + "万" + (("零" if rest < 1000 else "") + zh_numeral(rest) if rest else "")
    out, zero = "", False
    for unit, word in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // unit % 10
        if digit:
            if zero and out:
                out += "零"
            out += ("" if (unit == 10 and digit == 1 and not out) else _ZH_DIGITS[digit]) + word
            zero = False
        else:
            zero = True
    return out


def zh_money(krw: int, rng: Random, *, words: bool) -> str:
    """ "85万韩元", "八十五万", "850000韩元", "一亿五千万韩币"."""
    unit = rng.choice(("韩元", "韩币", "", "块"))
    if krw % 10000 == 0:
        man = krw // 10000
        if words:
            return zh_numeral(man) + "万" + unit
        return f"{man}万" + unit
    return (zh_numeral(krw) if words else str(krw)) + (unit or "韩元")


def vi_numeral(n: int) -> str:
    """Vietnamese numeral for 1..999,999,999 ("tám trăm năm mươi nghìn", "hai mươi mốt")."""
    if n <= 0:
        raise ValueError(n)
    for scale, word in ((10**6, "triệu"), (1000, "nghìn")):
        if n >= scale:
            high, rest = divmod(n, scale)
            return vi_numeral(high) + f" {word}" + (" " + vi_numeral(rest) if rest else "")
    hundreds, tens, ones = n // 100, n // 10 % 10, n % 10
    parts = []
    if hundreds:
        parts.append(f"{_VI_DIGITS[hundreds]} trăm")
    if tens == 0:
        if ones and hundreds:
            parts.append("linh")
    elif tens == 1:
        parts.append("mười")
    else:
        parts.append(f"{_VI_DIGITS[tens]} mươi")
    if ones:
        if ones == 1 and tens >= 2:
            parts.append("mốt")
        elif ones == 5 and tens >= 1:
            parts.append("lăm")
        else:
            parts.append(_VI_DIGITS[ones])
    return " ".join(parts)


def vi_money(krw: int, rng: Random, *, words: bool) -> str:
    """ "850 nghìn won", "850.000 won", "2,3 triệu won", "tám trăm nghìn won"."""
    if words:
        return vi_numeral(krw) + rng.choice((" won", " won", ""))
    if krw >= 1_000_000 and krw % 100_000 == 0 and rng.random() < 0.5:
        return f"{krw / 1_000_000:g}".replace(".", ",") + " triệu won"
    if krw % 1000 == 0 and krw < 1_000_000 and rng.random() < 0.5:
        return f"{krw // 1000} nghìn won"
    return f"{krw:,}".replace(",", ".") + " won"


def money(krw: int, language: str, rng: Random, *, words: bool) -> str:
    """An amount of won as a resident writes it in `language`."""
    if language == "ko":
        return ko_money_words(krw) if words else ko_money_digits(krw, rng)
    if language == "en":
        return en_money(krw, rng, words=words)
    if language == "zh":
        return zh_money(krw, rng, words=words)
    return vi_money(krw, rng, words=words)


def age(years: int, language: str, *, words: bool) -> str:
    """An age with its unit: "일흔두 살" / "72세", "seventy-two" / "72", "七十二岁" / "72岁", "72 tuổi"."""
    if language == "ko":
        if words and 0 < years < 100:
            return ko_native(years) + " 살"
        return f"{years}세" if years % 3 == 0 else f"{years}살"
    if language == "en":
        return en_words(years) if words else str(years)
    if language == "zh":
        return (zh_numeral(years) if words and years else str(years)) + "岁"
    return (vi_numeral(years) if words and years else str(years)) + " tuổi"


def count(n: int, language: str, *, words: bool = True) -> str:
    """A small count for people: "두 명"/"2명", "two", "两个", "hai"."""
    if language == "ko":
        return f"{ko_native(n)} 명" if words and n < 100 else f"{n}명"
    if language == "en":
        return en_words(n) if words else str(n)
    if language == "zh":
        return ("两" if n == 2 else zh_numeral(n)) + "个" if words else f"{n}个"
    return vi_numeral(n) if words else str(n)
