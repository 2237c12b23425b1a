"""The output check: every figure in the model's text must come from the tool results or the fixed texts.

`check_grounding(text, allowed_sources=[tool_results_json, prompt_fixed_text], allowed_citations=[...])`
extracts every amount (Korean forms too: `34만 9,700원`, `349,700원`, `35만원`, `1.2백만`, `월 백만 원`),
percentage, date (`2026년 3월 30일`, `2026.3.30`, `3월 30일`, `2026-03-30`, a year alone) and phone number
(`129`, `1350`, `031-310-2114`, `1600-3190`) from the text, normalizes it, and requires it to appear, in any
format, in the allowed sources. Cited titles must be among the retrieved ones. A reply that fails is not
shown: the caller falls back to the deterministic responder (and logs and counts the event).

A rounded amount passes only when the text says it is approximate (`약 35만 원` for 349,700) and it is
within 5% of a source amount; arithmetic the model did itself (a yearly total from a monthly amount) fails.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal

from graphs.guards.pii import SPOKEN_DIGITS
from graphs.nlu.numbers import (
    EN_NUMBER_WORD,
    VI_NUMBER_WORD,
    english_number,
    parse_numeral,
    vietnamese_number,
)

FigureKind = Literal["amount", "percent", "date", "phone", "citation"]

# ---------------------------------------------------------------------------------------------- patterns

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_KDIGIT = "일이삼사오육칠팔구"
# A Korean numeral written in words: 백, 삼십오, 천 ... (a digit word only directly before a unit).
_KWORD = rf"(?:[{_KDIGIT}]?[십백천])+[{_KDIGIT}]?"
# One group: digits with optional units (34만, 1.2백만, 5천, 9,700) or a word numeral with a unit (백만, 삼십오만).
_GROUP = rf"(?:(?:{_NUM})\s?(?:[십백천]\s?)?(?:[만억조])?|{_KWORD}\s?[만억조]?|[{_KDIGIT}][만억조]|만)"
# An amount starts after neither a digit nor (for a numeral in words) a Hangul letter: "지원금이 백만 원".
_START = rf"(?:(?<![\d.,])(?=\d)|(?<![\d.,가-힣])(?=[{_KDIGIT}십백천만억조]))"
_CURRENCY = r"(?:원|KRW|krw|won|₩)"
_AMOUNT_WITH_WON = re.compile(rf"{_START}(?:{_GROUP}\s?)+?{_CURRENCY}|(?:₩|KRW\s?)(?:{_NUM})")
# Without 원: a group that carries a Korean unit is still an amount (1.2백만, 35만, 월 백만).
_AMOUNT_UNITS_ONLY = re.compile(
    rf"(?<![\d.,])(?:{_NUM})\s?(?:[십백천]\s?)?[만억조](?:\s?(?:{_NUM})\s?(?:[십백천]\s?)?[만억조]?)*"
    # in words only when not inside a longer word ("천만에요")
    rf"|(?<![\d.,가-힣]){_KWORD}\s?[만억조](?![가-힣])"
)
# An amount in English words: "five hundred twenty-three thousand won" (a model may write figures so).
_AMOUNT_EN_WORDS = re.compile(
    rf"(?i)\b{EN_NUMBER_WORD}(?:(?:[\s-]+|,\s*|\s+and\s+){EN_NUMBER_WORD})*\s+(?:korean\s+)?(?:won|krw)\b"
)
# In Vietnamese words ("năm trăm hai mươi ba nghìn won") and in Chinese numerals or digits with 韩元.
_AMOUNT_VI_WORDS = re.compile(
    rf"(?i)(?<![^\W\d_]){VI_NUMBER_WORD}(?:\s+{VI_NUMBER_WORD})*\s+(?:won|krw|uôn)\b"
)
_ZH_NUMERAL = "零〇一二三四五六七八九两十百千万亿"
_AMOUNT_ZH = re.compile(rf"(?:\d|[{_ZH_NUMERAL}])(?:[\d,.]|[{_ZH_NUMERAL}])*\s?(?:韩元|韩币|韓元)")
_PERCENT = re.compile(rf"(?<![\d.,])({_NUM})\s?(?:%|％|퍼센트|프로|percent)")

_MONTHS_EN = {
    name: n
    for n, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH_NAMES = "|".join(sorted(_MONTHS_EN, key=len, reverse=True))
_YEAR = r"(?:19|20)\d{2}"
_DATE_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"(?<!\d)({_YEAR})\s?[년年]\s?(\d{{1,2}})\s?[월月]\s?(\d{{1,2}})\s?[일日号]"), "ymd"),
    (re.compile(rf"(?<![\d.])({_YEAR})\s?[.\-/]\s?(\d{{1,2}})\s?[.\-/]\s?(\d{{1,2}})(?![\d])\.?"), "ymd"),
    (re.compile(rf"(?i)\b({_MONTH_NAMES})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+({_YEAR})\b"), "mdy_en"),
    (re.compile(rf"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_NAMES})\.?,?\s+({_YEAR})\b"), "dmy_en"),
    (re.compile(rf"(?i)ngày\s+(\d{{1,2}})\s+tháng\s+(\d{{1,2}})(?:\s+năm\s+({_YEAR}))?"), "dmy_vi"),
    (re.compile(rf"(?<!\d)({_YEAR})\s?[년年]\s?(\d{{1,2}})\s?[월月](?!\s?\d)"), "ym"),
    (re.compile(r"(?<![\d.])(\d{1,2})\s?[월月]\s?(\d{1,2})\s?[일日号]"), "md"),
    (re.compile(rf"(?<![\d.,\-])({_YEAR})\s?(?:[년年]|năm)"), "y"),
    (re.compile(rf"(?i)\b(?:in|since|from|year)\s+({_YEAR})\b"), "y"),
]
_PHONE_FULL = re.compile(r"(?<![\d\-])(0\d{1,2})\s?[-.)]\s?(\d{3,4})\s?[-.]\s?(\d{4})(?![\d\-])")
_PHONE_REPRESENTATIVE = re.compile(r"(?<![\d\-])(1[5-9]\d{2})-(\d{4})(?![\d\-])")
_PHONE_LOCAL = re.compile(r"(?<![\d\-.,])(\d{3,4})-(\d{4})(?![\d\-])")
_PHONE_SHORT = re.compile(
    r"(?<![\d\-.,])(\d{3,4})(?![\d%]|[\-.,]\d|\s?(?:원|만|천|백|억|년|월|일|세|명|개|시|분|인|회|차|위|등|호|조|항|쪽))"
)
_PHONE_CONTEXT = re.compile(
    r"(?i)(전화|☎|번호|국번|콜센터|상담|센터|핫라인|문의|연락|hotline|call|phone|tel\b|dial|điện thoại|gọi|电话|热线|拨打|致电|打给)"
)
_CITATION_BRACKET = re.compile(
    r"\[\s*(?:(?:출처|근거|참고|자료|source|ref|nguồn|来源)\s*[:：]\s*([^\]\n]+?)|(\d{1,2}(?:\s*,\s*\d{1,2})*))\s*\]",
    re.IGNORECASE,
)
_CITATION_QUOTED = re.compile(r"[「『《]([^」』》\n]{2,80})[」』》]")
_APPROX = re.compile(
    r"(?i)(약|대략|정도|안팎|내외|가량|쯤|about|around|approximately|roughly|approx\.?|khoảng|大约|约)"
)
# Figures said in words, as a model told to hide them writes them: digits read one by one ("일오팔팔
# 구구구구", "one three five five", "一三五五") near a word of calling, and Sino-Korean numerals before 년/월/일
# ("이천이십육년 십이월 삼십일일").
_SPOKEN_DIGITS = re.compile(
    r"(?<![가-힣])[공영일이삼사오육칠팔구](?:[\s-]?[공영일이삼사오육칠팔구]){2,}(?![십백천만억])"
    r"|[零〇一二三四五六七八九](?:[\s-]?[零〇一二三四五六七八九]){2,}"
    r"|(?i:\b(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)(?:[\s,-]+(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)){2,}\b)"
)
_SINO_BEFORE_UNIT = re.compile(
    r"(?<![가-힣])([일이삼사오육칠팔구십백천]+)(?=[년월일](?![십백천만억]))|(유월|시월)"
)
_BARE_NUMBER = re.compile(rf"(?<![0-9A-Za-z.])(?:{_NUM})(?![\d])")


@dataclass(frozen=True)
class Figure:
    """One figure found in a text: its kind, the text as written, and the normalized value."""

    kind: FigureKind
    raw: str
    value: str
    start: int = 0
    approximate: bool = False


@dataclass(frozen=True)
class GroundingResult:
    """The verdict: `ok`, the figures that are not grounded (`violations`), and what was checked."""

    ok: bool
    violations: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------- numbers


def _to_number(token: str) -> float:
    return float(token.replace(",", ""))


_NOT_NUMERAL_PREFIX = re.compile(r"^[^\d일이삼사오육칠팔구십백천만억조一二三四五六七八九十百千万亿两]+")


def parse_korean_amount(text: str) -> int | None:
    """The integer value of an amount written with digits and/or Korean units (`34만 9,700원` → 349700).

    The same numeral reader as the one that reads citizens' messages (`graphs.nlu.numbers`), so a figure is
    normalised the same way whoever wrote it. Returns None when the text holds no number.
    """
    body = _NOT_NUMERAL_PREFIX.sub("", re.sub(rf"\s|{_CURRENCY}", "", text))
    value = parse_numeral(body)
    return None if value is None else round(value)


def _mask(text: str, spans: Iterable[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


# Chinese financial numerals (大写), as on cheques: 叁拾捌万伍仟 is 三十八万五千.
_ZH_CAPITALS = str.maketrans("壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億", "一二二三三四五六六七八九十百千万亿")
# Digits with a space between each ("1 6 6 8 - 2 2 7 4"): one number, as the redactor reads them.
_SPACED_DIGITS = re.compile(r"(?<![\d.,])\d(?:[ ]?-[ ]?\d|[ ]\d){3,}(?![\d.,])")


def _normalize_text(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_ZH_CAPITALS)
    return _SPACED_DIGITS.sub(lambda m: m.group(0).replace(" ", ""), text)


def _date_value(year: int | None, month: int | None, day: int | None) -> str | None:
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= 31:
        return None
    return "-".join(
        "?" if v is None else f"{v:02d}" if i else str(v) for i, v in enumerate((year, month, day))
    )


def _extract_dates(text: str) -> tuple[list[Figure], str]:
    found: list[Figure] = []
    for pattern, shape in _DATE_PATTERNS:
        spans = []
        for m in pattern.finditer(text):
            g = m.groups()
            y: int | None
            mo: int | None
            d: int | None
            if shape == "ymd":
                y, mo, d = int(g[0]), int(g[1]), int(g[2])
            elif shape == "mdy_en":
                y, mo, d = int(g[2]), _MONTHS_EN[g[0].lower()], int(g[1])
            elif shape == "dmy_en":
                y, mo, d = int(g[2]), _MONTHS_EN[g[1].lower()], int(g[0])
            elif shape == "dmy_vi":
                y, mo, d = (int(g[2]) if g[2] else None), int(g[1]), int(g[0])
            elif shape == "ym":
                y, mo, d = int(g[0]), int(g[1]), None
            elif shape == "md":
                y, mo, d = None, int(g[0]), int(g[1])
            else:
                y, mo, d = int(g[0]), None, None
            value = _date_value(y, mo, d)
            if value is None:
                continue
            found.append(Figure("date", m.group(0).strip(), value, m.start()))
            spans.append(m.span())
        text = _mask(text, spans)
    return found, text


def _extract_phones(text: str) -> tuple[list[Figure], str]:
    found: list[Figure] = []
    for pattern in (_PHONE_FULL, _PHONE_REPRESENTATIVE, _PHONE_LOCAL):
        spans = []
        for m in pattern.finditer(text):
            found.append(Figure("phone", m.group(0).strip(), "".join(m.groups()), m.start()))
            spans.append(m.span())
        text = _mask(text, spans)
    spans = []
    for m in _PHONE_SHORT.finditer(text):
        window = text[max(0, m.start() - 14) : m.end() + 10]
        in_parentheses = text[m.start() - 1 : m.start()] == "(" and text[m.end() : m.end() + 1] == ")"
        if in_parentheses or _PHONE_CONTEXT.search(window):
            found.append(Figure("phone", m.group(0), m.group(1), m.start()))
            spans.append(m.span())
    return found, _mask(text, spans)


def _is_approximate(text: str, start: int, end: int) -> bool:
    return bool(_APPROX.search(text[max(0, start - 8) : start]) or _APPROX.search(text[end : end + 6]))


def _zh_amount(text: str) -> int | None:
    value = parse_numeral(text)
    return None if value is None else round(value)


_CURRENCY_WORD = re.compile(r"(?i)\s*(?:(?:korean\s+)?(?:won|krw)|uôn|韩元|韩币|韓元)$")
#: Amounts written in words or Chinese numerals, read before the Korean and digit forms.
_WORDED_AMOUNTS: tuple[tuple[re.Pattern[str], Callable[[str], int | None]], ...] = (
    (_AMOUNT_EN_WORDS, english_number),
    (_AMOUNT_VI_WORDS, vietnamese_number),
    (_AMOUNT_ZH, _zh_amount),
)


def _extract_amounts(text: str) -> tuple[list[Figure], str]:
    found: list[Figure] = []
    spans = []
    for pattern, read in _WORDED_AMOUNTS:
        for m in pattern.finditer(text):
            value = read(_CURRENCY_WORD.sub("", m.group(0)))
            if value is not None:
                approx = _is_approximate(text, *m.span())
                found.append(Figure("amount", m.group(0), str(value), m.start(), approx))
                spans.append(m.span())
        text = _mask(text, spans)
    for pattern in (_AMOUNT_WITH_WON, _AMOUNT_UNITS_ONLY):
        spans = []
        for m in pattern.finditer(text):
            value = parse_korean_amount(m.group(0))
            if value is None:
                continue
            approx = _is_approximate(text, m.start(), m.end())
            found.append(Figure("amount", m.group(0).strip(), str(value), m.start(), approx))
            spans.append(m.span())
        text = _mask(text, spans)
    return found, text


def _extract_percents(text: str) -> tuple[list[Figure], str]:
    found = []
    spans = []
    for m in _PERCENT.finditer(text):
        value = _to_number(m.group(1))
        found.append(Figure("percent", m.group(0).strip(), _fmt_float(value), m.start()))
        spans.append(m.span())
    return found, _mask(text, spans)


def _fmt_float(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def _extract_citations(text: str) -> list[Figure]:
    found: list[Figure] = []
    for m in _CITATION_BRACKET.finditer(text):
        if m.group(1):
            found.append(Figure("citation", m.group(0), m.group(1).strip(), m.start()))
        else:
            for number in m.group(2).split(","):
                found.append(Figure("citation", m.group(0), f"#{int(number)}", m.start()))
    for m in _CITATION_QUOTED.finditer(text):
        found.append(Figure("citation", m.group(0), m.group(1).strip(), m.start()))
    return found


def _sino_unit(match: re.Match[str]) -> str:
    if match.group(2):
        return "6" if match.group(2) == "유월" else "10"
    value = parse_numeral(match.group(1))
    return match.group(0) if value is None else str(round(value))


def _spoken_phones(text: str) -> list[Figure]:
    """Phone numbers read out digit by digit in words, near a word of calling."""
    found = []
    for m in _SPOKEN_DIGITS.finditer(text):
        window = text[max(0, m.start() - 14) : m.end() + 10]
        if _PHONE_CONTEXT.search(window):
            words = re.findall(r"[a-zA-Z]+|[^\W\d_]", m.group(0))
            digits = "".join(SPOKEN_DIGITS.get(w.lower(), "") for w in words)
            found.append(Figure("phone", m.group(0), digits, m.start()))
    return found


def extract_figures(text: str) -> list[Figure]:
    """Every date, phone number, percentage, amount and citation in `text`, in that order of precedence.

    A span recognized as one kind is not read again as another (the year of a date is not an amount). Dates
    and phone numbers said in words are read too.
    """
    text = _SINO_BEFORE_UNIT.sub(_sino_unit, _normalize_text(text))
    citations = _extract_citations(text)
    rest = _mask(text, [(m.start(), m.end()) for m in _CITATION_BRACKET.finditer(text)])
    dates, rest = _extract_dates(rest)
    phones, rest = _extract_phones(rest)
    percents, rest = _extract_percents(rest)
    amounts, rest = _extract_amounts(rest)
    figures = dates + phones + _spoken_phones(rest) + percents + amounts + citations
    return sorted(figures, key=lambda f: f.start)


# ---------------------------------------------------------------------------------------------- sources


@dataclass
class _Facts:
    numbers: set[float] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    phones: set[str] = field(default_factory=set)
    text: str = ""

    def has_number(self, value: float) -> bool:
        return value in self.numbers or any(math.isclose(value, n, rel_tol=1e-9) for n in self.numbers)


def _readable(source: str) -> str:
    """JSON text re-dumped without \\u escapes (so that Korean units in it can be read); other text as is."""
    stripped = source.strip()
    if stripped[:1] in ("{", "[", '"'):
        try:
            return json.dumps(json.loads(stripped), ensure_ascii=False)
        except ValueError:
            return source
    return source


def _source_facts(sources: list[str]) -> _Facts:
    facts = _Facts()
    joined = _normalize_text("\n".join(_readable(s) for s in sources))
    facts.text = joined
    for figure in extract_figures(joined):
        if figure.kind == "amount" or figure.kind == "percent":
            facts.numbers.add(float(figure.value))
        elif figure.kind == "date":
            facts.dates.add(figure.value)
        elif figure.kind == "phone":
            facts.phones.add(figure.value)
    for m in _BARE_NUMBER.finditer(joined):
        facts.numbers.add(_to_number(m.group(0)))
    for m in re.finditer(r"\d+(?:\.\d+)?", joined):
        facts.numbers.add(float(m.group(0)))
    for m in re.finditer(r"\d+(?:-\d+)+", joined):  # hyphenated digit runs: phones, ISO dates
        facts.phones.add(m.group(0).replace("-", ""))
    for m in re.finditer(r"(?<!\d)\d{3,4}(?!\d)", joined):
        facts.phones.add(m.group(0))
    for value in list(facts.numbers):
        if value == int(value) and 1900 <= value <= 2100:
            facts.dates.add(f"{int(value)}-?-?")
    for date in list(facts.dates):
        y, mo, d = date.split("-")
        facts.dates.update({f"{y}-?-?", f"?-{mo}-{d}", f"{y}-{mo}-?"})
    return facts


def _rounds_to(value: int, source: float) -> bool:
    """`value` is `source` rounded at the precision `value` is written with, within 5%."""
    if source <= 0 or value <= 0 or abs(value - source) / source > 0.05:
        return False
    power = 10
    while value % (power * 10) == 0:
        power *= 10
    if value % power:
        return False
    return bool(math.floor(source / power + 0.5) * power == value)


def _amount_ok(figure: Figure, facts: _Facts) -> bool:
    value = int(figure.value)
    if facts.has_number(value):
        return True
    return figure.approximate and any(_rounds_to(value, n) for n in facts.numbers)


def _percent_ok(figure: Figure, facts: _Facts) -> bool:
    value = float(figure.value)
    return facts.has_number(value) or facts.has_number(round(value / 100, 10))


def _phone_ok(figure: Figure, facts: _Facts) -> bool:
    digits = figure.value
    if digits in facts.phones:
        return True
    return len(digits) >= 7 and any(p.endswith(digits) and len(p) > len(digits) for p in facts.phones)


def _fold(text: str) -> str:
    return re.sub(r"[\s\W_]+", "", _normalize_text(text).casefold())


def _citation_ok(figure: Figure, allowed: list[str], facts: _Facts) -> bool:
    if figure.value.startswith("#"):
        number = int(figure.value[1:])
        return 1 <= number <= len(allowed) or figure.value in allowed or str(number) in allowed
    cited = _fold(figure.value)
    if not cited:
        return True
    for title in allowed:
        folded = _fold(title)
        if folded and (cited == folded or (len(cited) >= 4 and (cited in folded or folded in cited))):
            return True
    # A quoted law or document name is fine when the tool results themselves name it.
    return figure.raw[0] in "「『《" and cited in _fold(facts.text)


def check_grounding(
    text: str, *, allowed_sources: list[str], allowed_citations: list[str] | None = None
) -> GroundingResult:
    """Check the model's `text` against what the tools returned and the prompts' fixed texts.

    `allowed_sources`: the tool results (as JSON text) and the fixed texts of the prompt; every amount,
    percentage, date and phone number of `text` must appear in them (normalized; any format).
    `allowed_citations`: the titles (or ids) of the retrieved passages, in the order they were numbered in
    the prompt (`[1]` is the first); None skips the citation check.
    """
    facts = _source_facts(allowed_sources)
    figures = extract_figures(text)
    violations: list[str] = []
    for figure in figures:
        if figure.kind == "amount":
            ok = _amount_ok(figure, facts)
        elif figure.kind == "percent":
            ok = _percent_ok(figure, facts)
        elif figure.kind == "date":
            ok = figure.value in facts.dates
        elif figure.kind == "phone":
            ok = _phone_ok(figure, facts)
        else:
            ok = allowed_citations is None or _citation_ok(figure, allowed_citations, facts)
        if not ok:
            violations.append(f"{figure.kind} not in the tool results: {figure.raw!r} ({figure.value})")
    return GroundingResult(ok=not violations, violations=violations, figures=figures)
