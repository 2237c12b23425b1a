"""How long: durations said in years and months, in digits or words, in the four languages ("2년 3개월",
"넉 달", "반년", "三年", "two years", "hai năm")."""

from __future__ import annotations

import re

from graphs.nlu.numbers import native_korean_number, parse_numeral, parse_words
from tools.vietnamese import accept_unmarked

MONTHS = re.compile(r"(\d+)\s*(?:개월|달|months?|个月|tháng)", re.IGNORECASE)
YEARS = re.compile(r"(?<!\d)(\d{1,2})\s*(?:년|years?|年|năm)(?!\s?\d{1,2}\s?월)", re.IGNORECASE)
"""A number of years ("3년", "2 years"); not a calendar year ("2024년") or a date ("26년 3월")."""
YEARS_AND_MONTHS = re.compile(rf"{YEARS.pattern}(?:\s*(\d{{1,2}})\s*(?:개월|months?|个月|tháng))?", re.I)
"""A duration in years with its months ("2년 10개월")."""


_WORDED_DURATION = re.compile(
    r"\b([a-z]+(?:[- ][a-z]+)?|(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)(?: \w+)?)\s+(years?|months?|năm|tháng)\b",
    re.I,
)
#: "a year and a half", "1년 반", "một năm rưỡi", "一年半": six months more.
AND_A_HALF = re.compile(r"and a half|(?:년|year)\s?반|năm rưỡi|年半", re.I)
_A_YEAR = re.compile(r"\b(?:a|an|one)\s+year\b|(?<![가-힣\d])일\s?년|(?<![\d])一年|\bmột năm\b", re.I)
_NARROW_COUNTS = {"석": "세", "넉": "네"}  # "석 달", "넉 달": 3 and 4 before 달
_NATIVE_DURATION = re.compile(r"(?<![가-힣])(한|두|세|석|네|넉|다섯|여섯|일곱|여덟|아홉|열)\s?달")
#: Years in native words with 해: "스물네 해 내내", "세 해째", "열 해 넘게" (not 해 as "do": "해요").
_NATIVE_YEARS = re.compile(
    r"(?<![가-힣])((?:열|스물|서른|마흔|쉰)?\s?(?:한|두|세|네|다섯|여섯|일곱|여덟|아홉)|열|스무|서른|마흔|쉰)\s?해"
    r"(?=\s|$|[.,~]|째|동안|내내|넘|가\b|를\b|쯤|정도)"
)
CJK_DURATION = re.compile(r"([一二三四五六七八九十两]{1,3})\s?(年|个月)")
#: Years or months in Sino-Korean words: "이 년 됐어요", "삼년째", "십오 년", "육 개월" (not "이년" alone, a slur).
_SINO_DURATION = re.compile(
    r"(?<![가-힣])([이삼사오육칠팔구십]{1,3})\s?(년|개월)(?=\s?(?:째|됐|되|넘|반|정도|쯤|가량|살|있|이|간|동안|지)|\s*[.!~]*\s*$)"
)


def duration_months(text: str) -> int | None:
    """How long, in months: "2년 3개월", "넉 달", "반년", "三年", "36个月" (the last figure said wins over an
    earlier one only through the reading's correction rule, not here: the first duration is read)."""
    years, extra = YEARS.search(text), MONTHS.search(text)
    half = 6 if AND_A_HALF.search(text) else 0
    if years or extra:
        return (int(years.group(1)) * 12 if years else 0) + (int(extra.group(1)) if extra else half)
    if _A_YEAR.search(text):
        return 12 + half
    for worded in _WORDED_DURATION.finditer(text):  # "two years ago", "hai năm", "eighteen months"
        words = worded.group(1)
        count = parse_words(words)
        if count is None:
            count = parse_words(words.split()[-1])
        if count is not None:
            return int(count) * (1 if worded.group(2).lower().startswith(("month", "tháng")) else 12)
    if sino := _SINO_DURATION.search(after_correction(text)):
        value = parse_numeral(sino.group(1))
        if value is not None:
            return int(value) * (12 if sino.group(2) == "년" else 1) + (half if sino.group(2) == "년" else 0)
    if native := _NATIVE_DURATION.search(after_correction(text)):
        return native_korean_number(_NARROW_COUNTS.get(native.group(1), native.group(1)))
    if native_years := _NATIVE_YEARS.search(after_correction(text)):
        count = native_korean_number(native_years.group(1))
        if count is not None:
            return count * 12
    if re.search(r"반\s?년|半年|nửa năm", text):
        return 6
    if cjk := CJK_DURATION.search(text):
        value = parse_numeral(cjk.group(1))
        if value is not None:
            return int(value) * (12 if cjk.group(2) == "年" else 1)
    return None


def after_correction(text: str) -> str:
    """The part of "반년이 아니라 넉 달이네요" after its "아니라": what she now says."""
    parts = re.split(r"아니(?:라|고)|not\b|不是", text, maxsplit=1)
    return parts[-1]


accept_unmarked(globals())
