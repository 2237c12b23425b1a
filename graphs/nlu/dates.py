"""Calendar dates as residents write them: "2026년 1월 10일", "2026-01-10", "2026年1月10日", "17/12/2025",
"ngày 17 tháng 12 năm 2025", "January 10, 2026", "10 Jan 2026". Only whole dates (a day, a month and a
year); "올해 3월생" names a month, not a day, and is left to the question that asks for the date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from tools.vietnamese import accept_unmarked

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
MONTH_NAME = "|".join(sorted(_MONTHS, key=len, reverse=True))
"""The English month names and their abbreviations, as a regular-expression alternation."""
_MONTH_NAME = MONTH_NAME


def month_number(name: str) -> int:
    """The number of an English month name or abbreviation ("march", "Sept" → 3, 9)."""
    return _MONTHS[name.lower()]


_YMD = re.compile(r"(?<!\d)(20\d{2}|19\d{2})\s*[-./년年]\s*(\d{1,2})\s*[-./월月]\s*(\d{1,2})(?!\d)")
_DMY = re.compile(r"(?<![\d/.-])(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(20\d{2}|19\d{2})(?!\d)")
_VI = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+|,\s*)năm\s+(\d{4})", re.I)
_EN_MDY = re.compile(rf"\b({_MONTH_NAME})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_EN_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_NAME})\.?,?\s+(\d{{4}})\b", re.I)


@dataclass(frozen=True)
class FoundDate:
    """A date and where it stands in the text."""

    value: date
    start: int
    end: int


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


_MD = re.compile(
    r"(?<![\d년年./-])(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[월月]\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[일日号號]"
)
_ZH_DIGITS = {c: i for i, c in enumerate("一二三四五六七八九", 1)}


def _small_number(token: str) -> int:
    """1–31 in digits or Chinese numerals ("八" 8, "二十" 20, "十二" 12, "三十一" 31)."""
    if token.isdigit():
        return int(token)
    tens, _, ones = token.partition("十")
    if not _:
        return _ZH_DIGITS.get(token, 0)
    return (_ZH_DIGITS.get(tens, 0) if tens else 1) * 10 + _ZH_DIGITS.get(ones, 0)


_VI_MD = re.compile(r"ng[àa]y\s+(\d{1,2})\s+th[áa]ng\s+(\d{1,2})(?!\d|\s*,?\s*n[ăa]m)", re.I)
#: "ngày 15/11", "ngay 15-11": day, then month, as Vietnamese write them.
_VI_DM = re.compile(r"ng[àa]y\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})(?![\d/-]|\.\d)", re.I)
#: "01년 12월20일생", "95년 3월 2일": a two-digit year.
_YY_MD = re.compile(r"(?<!\d)(\d{2})\s*[년年]\s*(\d{1,2})\s*[월月]\s*(\d{1,2})\s*[일日号號]?")
_EN_MD = re.compile(rf"\b({_MONTH_NAME})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s*\d{{4}})", re.I)


def find_past_dates(text: str, today: date) -> list[FoundDate]:
    """Whole dates, and a month and day said without the year ("9월 15일생", "Nov 10") taken as the last such
    day up to `today`: for a birth that has happened, the year is not in doubt."""
    found = find_dates(text)

    def add(month: int, day: int, m: re.Match[str]) -> None:
        if any(f.start < m.end() and m.start() < f.end for f in found):
            return
        value = _make(today.year, month, day)
        if value is not None and value > today:
            value = _make(today.year - 1, month, day)
        if value is not None:
            found.append(FoundDate(value, m.start(), m.end()))

    for m in _YY_MD.finditer(text):
        year = int(m.group(1))
        year += 2000 if year <= today.year % 100 else 1900
        value = _make(year, int(m.group(2)), int(m.group(3)))
        if (
            value is not None
            and value <= today
            and not any(f.start < m.end() and m.start() < f.end for f in found)
        ):
            found.append(FoundDate(value, m.start(), m.end()))
    for m in _MD.finditer(text):
        add(_small_number(m.group(1)), _small_number(m.group(2)), m)
    for m in _VI_DM.finditer(text):
        add(int(m.group(2)), int(m.group(1)), m)
    for m in _EN_MD.finditer(text):
        add(_MONTHS[m.group(1).lower()], int(m.group(2)), m)
    for m in _VI_MD.finditer(text):
        add(int(m.group(2)), int(m.group(1)), m)
    return sorted(found, key=lambda f: f.start)


@dataclass(frozen=True)
class FoundMonth:
    """A month said without its day ("8월에", "in August", "2025年8月", "tháng 8"), as months before today."""

    months_ago: int
    start: int
    end: int


_MONTH_ONLY = re.compile(
    r"(?:(?:((?:19|20)?\d{2})\s*[년年]|(재작년|작년|지난\s?해|올해|금년|去年|今年))\s*)?"
    r"(?<![\d./-])(\d{1,2})\s*(?:월|月份?)(?!\s*\d{1,2}\s*[일日号號])"
    rf"|\bin\s+({_MONTH_NAME})\b\.?(?:\s+((?:19|20)\d{{2}}))?"
    r"|(?<!ngày )(?<!\d )tháng\s+(\d{1,2})(?!\d)(?:\s*(?:,\s*)?năm\s+((?:19|20)\d{2}))?",
    re.I,
)


#: Years back said in words before a month: "작년 11월에 낳았어요".
_YEARS_BACK = {"재작년": 2, "작년": 1, "지난해": 1, "去年": 1, "올해": 0, "금년": 0, "今年": 0}


def _century(two_digits: int, today: date) -> int:
    """ "25년" is 2025; a two-digit year after this one is last century's ("98년생")."""
    year = 2000 + two_digits
    return year if year <= today.year else year - 100


def find_past_months(text: str, today: date) -> list[FoundMonth]:
    """Months said without a day, each the last such month up to `today` unless its year is said: for a
    birth that has happened ("8월에 낳았어요"), how many months ago."""
    found = []
    for m in _MONTH_ONLY.finditer(text):
        year_text = m.group(1) or m.group(5) or m.group(7)
        digits = m.group(3) or m.group(6)
        month = int(digits) if digits else _MONTHS[m.group(4).lower()]
        if not 1 <= month <= 12:
            continue
        if year_text:
            year = int(year_text) if len(year_text) == 4 else _century(int(year_text), today)
        elif m.group(2):
            year = today.year - _YEARS_BACK[re.sub(r"\s", "", m.group(2))]
        else:
            year = today.year - (month > today.month)
        ago = (today.year - year) * 12 + today.month - month
        if ago >= 0:
            found.append(FoundMonth(ago, m.start(), m.end()))
    return found


def find_dates(text: str) -> list[FoundDate]:
    """Every whole calendar date in `text`, in order. Day and month written with slashes are read day first
    (Vietnamese and most of the world), unless the second number cannot be a month."""
    found: list[FoundDate] = []

    def add(value: date | None, m: re.Match[str]) -> None:
        if value is not None and not any(f.start < m.end() and m.start() < f.end for f in found):
            found.append(FoundDate(value, m.start(), m.end()))

    for m in _YMD.finditer(text):
        add(_make(int(m.group(1)), int(m.group(2)), int(m.group(3))), m)
    for m in _VI.finditer(text):
        add(_make(int(m.group(3)), int(m.group(2)), int(m.group(1))), m)
    for m in _DMY.finditer(text):
        first, second, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        day, month = (second, first) if second > 12 else (first, second)
        add(_make(year, month, day), m)
    for m in _EN_MDY.finditer(text):
        add(_make(int(m.group(3)), _MONTHS[m.group(1).lower()], int(m.group(2))), m)
    for m in _EN_DMY.finditer(text):
        add(_make(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1))), m)
    return sorted(found, key=lambda f: f.start)


accept_unmarked(globals())
