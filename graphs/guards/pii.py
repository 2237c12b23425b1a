"""Detection and redaction of Korean personal identifiers (개인정보 보호법).

Kinds and placeholders: 주민등록번호 `rrn` → `[주민등록번호]`, 외국인등록번호 `foreigner_rrn` → `[외국인등록번호]`,
mobile and landline numbers → `[전화번호]`, card numbers → `[카드번호]`, bank accounts → `[계좌번호]`,
e-mail addresses → `[이메일]`, detailed street addresses → `[주소]`.

Design decisions:
- Detection runs on a normalised view of the text (full-width and other-script digits folded, zero-width and tag
  characters removed, dashes unified, digits spelled in Hangul "공일공 …" read as digits, digits typed one by one
  with spaces joined); spans are reported in the caller's original text.
- 주민등록번호: 6 + 7 digits. With a hyphen the shape alone suffices; with a space, a dot or no separator the first six
  digits must be a plausible YYMMDD and the 7th digit 1–8. The check digit is never used: numbers issued since
  October 2020 do not follow it, so a failed check digit does not make a number safe. A 7th digit of 9 or 0 (born
  in the 1800s) is not treated as an RRN without a hyphen; such a 13-digit run is still redacted as an account.
  A 7th digit of 5–8 is a 외국인등록번호. "앞자리 NNNNNN" / "뒷자리 NNNNNNN" halves are redacted when the message
  talks about a registration number.
- Card numbers: four groups (4-4-4-1..4, 4-4-4-4-3) or the Amex 4-6-5 shape are cards whatever their Luhn digit
  (a mistyped card number is still personal data); an ungrouped run of 13–19 digits is a card when Luhn-valid.
- Bank accounts: hyphenated groups with 10–14 digits in all and at least two hyphens; space-separated groups or a
  single hyphen with a bank word nearby (국민, 신한, 계좌, 통장, account, ...); and, conservatively, any other
  ungrouped run of 10–19 digits not followed by a money unit.
- Telephone numbers of public institutions listed in `public_numbers.txt` are not personal data. Hotlines (129,
  109, 1366, ...) and 4-4 representative numbers (1600-3190) never match.
- Addresses: a road name with a building number ("정왕대로 233", "마유로20번길 45"), apartment units
  ("101동 1203호", "302호", "101-1203호"), and lot numbers ("정왕동 1234-5", "대야동 567번지"). For lot numbers
  only the number is redacted, so "정왕동" stays: the agent needs the dong. A dong alone is never redacted.
- Money, dates, ages, household sizes, percentages and years are not personal data; numbers followed by a money
  unit are never accounts.

All patterns are linear-time: every run-start is anchored by a look-behind and every repetition is bounded or
delimited by a character that the repeated part cannot contain.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from graphs.guards.normalize import normalize_with_map

__all__ = [
    "PLACEHOLDERS",
    "PiiFinding",
    "PiiKind",
    "Redaction",
    "detect_pii",
    "is_public_number",
    "luhn_valid",
    "redact",
]

PiiKind = Literal["rrn", "foreigner_rrn", "mobile", "landline", "card", "account", "email", "address"]

PLACEHOLDERS: dict[PiiKind, str] = {
    "rrn": "[주민등록번호]",
    "foreigner_rrn": "[외국인등록번호]",
    "mobile": "[전화번호]",
    "landline": "[전화번호]",
    "card": "[카드번호]",
    "account": "[계좌번호]",
    "email": "[이메일]",
    "address": "[주소]",
}
"""The text each kind of identifier is replaced with."""


class PiiFinding(BaseModel):
    """One personal identifier found in a text.

    `value` is the identifier itself: it is left out of `repr()` and of `model_dump()` / JSON, so logging or
    checkpointing a finding never stores the value. Read it only to show where the text was changed.
    """

    model_config = ConfigDict(frozen=True)

    kind: PiiKind
    """What was found."""
    start: int = Field(ge=0)
    """Start offset in the text given to `detect_pii` (original characters, not the normalised view)."""
    end: int = Field(ge=0)
    """End offset (exclusive)."""
    value: str = Field(repr=False, exclude=True)
    """The original characters, `text[start:end]` (never serialised)."""

    @property
    def placeholder(self) -> str:
        """The replacement text, e.g. `[주민등록번호]`."""
        return PLACEHOLDERS[self.kind]


class Redaction(BaseModel):
    """A text with every personal identifier replaced by its placeholder."""

    model_config = ConfigDict(frozen=True)

    text: str
    """The redacted text; the only form that may be stored, logged, checkpointed or sent to a model."""
    findings: list[PiiFinding]
    """What was replaced, in order; offsets refer to the text before redaction."""

    @property
    def kinds(self) -> list[PiiKind]:
        """The distinct kinds found, in order of first appearance."""
        return list(dict.fromkeys(finding.kind for finding in self.findings))


# ----------------------------------------------------------------------------------------------- patterns

_B0 = r"(?<![0-9])(?<![0-9][-.])"  # start of a digit group run
_B1 = r"(?![0-9])(?![-.][0-9])"  # end of a digit group run
_SEP = r"(?: ?[-.] ?| )"  # exactly one separator: "-", " - ", ".", " "
_OPT = _SEP + "?"

_RRN_HYPHEN = re.compile(_B0 + r"([0-9]{6}) ?- ?([0-9])[0-9]{6}" + _B1)
_RRN_OTHER = re.compile(
    _B0 + r"[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])(?:[ .])?([1-8])[0-9]{6}" + _B1
)
_RRN_CONTEXT = re.compile(
    r"주민|등록\s?번호|등록증|외국인\s?번호|resident|registration|住民|身份证|đăng ký", re.I
)
_RRN_HALVES = re.compile(
    r"(?:앞\s?자리|앞\s?번호)[^0-9]{0,8}([0-9]{6})(?![0-9])|뒷\s?(?:자리|번호)[^0-9]{0,8}([0-9]{7})(?![0-9])"
)

_CARD_GROUPED = re.compile(
    _B0 + r"(?:[0-9]{4}(?:" + _SEP + r"[0-9]{4}){2}" + _SEP + r"[0-9]{1,4}(?:" + _SEP + r"[0-9]{3})?"
    r"|[0-9]{4}" + _SEP + r"[0-9]{6}" + _SEP + r"[0-9]{5})" + _B1
)
_CARD_BARE = re.compile(r"(?<![0-9A-Za-z])[0-9]{13,19}(?![0-9])")

_PREFIX = r"(?:\+ ?82 ?-? ?(?:\(0\))?|\(?0)"
_MOBILE = re.compile(_B0 + _PREFIX + r"1[016789]\)?" + _OPT + r"[0-9]{3,4}" + _OPT + r"[0-9]{4}" + _B1)
_LANDLINE = re.compile(
    _B0
    + _PREFIX
    + r"(?:2|3[1-3]|4[1-4]|5[1-5]|6[1-4]|70|50[0-9])\)?"
    + _OPT
    + r"[0-9]{3,4}"
    + _OPT
    + r"[0-9]{4}"
    + _B1
)

_ACCOUNT_HYPHEN = re.compile(_B0 + r"[0-9]{2,7}(?: ?- ?[0-9]{1,7}){1,4}" + _B1)
_ACCOUNT_SPACED = re.compile(_B0 + r"[0-9]{2,7}(?: [0-9]{2,7}){1,3}" + _B1)
_ACCOUNT_BARE = re.compile(r"(?<![0-9A-Za-z])[0-9]{10,19}(?![0-9])")
_MONEY_AFTER = re.compile(r"\s?(?:원|만|천|억|won|krw|₩)", re.I)
_BANK_CONTEXT = re.compile(
    r"국민|신한|농협|우리\s?은행|우리|하나|기업|카카오\s?뱅크|카뱅|토스|케이\s?뱅크|새마을|신협|우체국|수협|"
    r"SC\s?제일|씨티|부산은행|대구은행|경남은행|광주은행|전북은행|제주은행|산업은행|은행|계좌|통장|입금|송금|"
    r"account|bank|shinhan|kookmin|woori|hana|nonghyup|kakao|账户|账号|银行|tài khoản|ngân hàng",
    re.I,
)

_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}"
    r"(?: ?@ ?| ?[\[(] ?at ?[\])] ?| ?골뱅이 ?)"
    r"[A-Za-z0-9][A-Za-z0-9\-]{0,62}(?:(?:\.| ?[\[(] ?dot ?[\])] ?)[A-Za-z0-9\-]{1,63}){1,4}",
    re.I,
)

_UNITS = (
    r"(?![0-9])(?!\s?(?:만|원|천|억|명|세|종|급|쪽|조|항|살(?![아았])|년|개월|개|달|월|일|주일|주간|시|분|초|번(?!지)|회|배|평|점|위|차|등|건|"
    r"인(?!데|가요|지|거|걸|줄)|가구|호선|정거장|km|m\b|kg|%|퍼센트|정도|쯤|가량|씩|벌|받|나와|나오|들어))"
)
_ROAD = re.compile(
    r"(?<![가-힣0-9A-Za-z])([가-힣]{1,12}[0-9]{0,3}(?:대로|로|길)(?: ?[0-9]{1,4}번?길)?) ?"
    r"([0-9]{1,4}(?:-[0-9]{1,4})?)" + _UNITS
)
_ROAD_EN = re.compile(
    r"(?<![0-9])[0-9]{1,4}(?:-[0-9]{1,4})?,? [A-Z][a-z]{1,20}(?:-[a-z]{1,10})?-(?:daero|ro|gil)\b"
)
_NOT_ROADS = frozenset(
    [
        "정말로",
        "진짜로",
        "알바로",
        "아르바이트로",
        "파트타임로",
        "새로",
        "바로",
        "그대로",
        "따로",
        "서로",
        "실제로",
        "주로",
        "혼자로",
        "앞으로",
        "뒤로",
        "위로",
        "아래로",
        "대로",
        "멋대로",
        "마음대로",
        "월세로",
        "전세로",
        "현금으로",
        "카드로",
        "통장으로",
        "문자로",
        "전화로",
        "메일로",
        "이메일로",
        "택시로",
        "버스로",
        "지하철로",
        "걸어서로",
        "길",
        "골목길",
        "오솔길",
        "산길",
        "지름길",
        "가는길",
        "오는길",
    ]
)
#: A job said with 로 ("조리사로 220", "경비로 230 받아요"): what she works as, then her pay, not a road.
_AS_A_JOB = re.compile(
    r"(?:조리|간호|요양보호|복지|상담|미화|경비|배달|판매|회사|공무|사무|생산|계약|정규|일용|청소|간병|보육|운전|택배|보조|"
    r"주방|식당|캐셔|도우미|알바|직원|기사|강사|교사|노동)(?:사|원|직|인|부|생|자)?로$"
)
_DONG_HO = re.compile(r"(?<![0-9])[0-9]{1,4} ?동 ?[0-9]{1,5} ?호(?!선)")
_HYPHEN_HO = re.compile(r"(?<![0-9제\-])[0-9]{2,4}-[0-9]{3,4} ?호(?!선)")
_HO = re.compile(r"(?<![0-9A-Za-z제\-])[0-9]{3,4} ?호(?!선|[0-9])")
_LOT = re.compile(
    r"(?<![가-힣])([가-힣]{1,6}[0-9]?(?:동|리)) ?((?:산 ?)?[0-9]{1,5}(?:-[0-9]{1,5})?(?: ?번지)?)" + _UNITS
)
_NOT_LOTS = frozenset(
    [
        "활동",
        "이동",
        "운동",
        "자동",
        "노동",
        "공동",
        "행동",
        "아동",
        "감동",
        "변동",
        "출동",
        "작동",
        "연동",
        "충동",
        "소동",
        "난동",
        "가동",
        "동동",
        "관리",
        "처리",
        "거리",
        "우리",
        "자리",
        "수리",
        "정리",
        "소리",
        "머리",
        "요리",
        "유리",
        "무리",
        "다리",
        "원리",
        "권리",
        "진리",
        "심리",
        "논리",
        "의리",
        "추리",
        "경리",
        "차리",
        "하리",
    ]
)

_HANGUL_DIGITS = {
    "공": "0",
    "영": "0",
    "일": "1",
    "이": "2",
    "삼": "3",
    "사": "4",
    "오": "5",
    "육": "6",
    "칠": "7",
    "팔": "8",
    "구": "9",
}
_HANGUL_DIGIT_RUN = re.compile(r"[공영일이삼사오육칠팔구](?:(?: ?-? ?)[공영일이삼사오육칠팔구]){9,}")
#: "…오육칠팔이에요": the last 이 of a run before a particle's ending is the copula, not a 2.
_COPULA_AFTER = re.compile(r"[에예다고요야라랑며었]")
_NUMBER_LENGTHS = (10, 11)  # digits of a Korean phone number
_HAN_DIGITS = dict(zip("零〇一二三四五六七八九", "00123456789", strict=True))
_HAN_DIGIT_RUN = re.compile(r"[零〇一二三四五六七八九](?:[ -]?[零〇一二三四五六七八九]){9,}")
#: Digits said in words, in English and Vietnamese (with and without marks).
_WORD_DIGITS = {
    "zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9",
    "không": "0", "khong": "0", "một": "1", "mot": "1", "hai": "2", "ba": "3", "bốn": "4", "bon": "4",
    "năm": "5", "nam": "5", "sáu": "6", "sau": "6", "bảy": "7", "bay": "7", "tám": "8", "tam": "8",
    "chín": "9", "chin": "9",
}  # fmt: skip
SPOKEN_DIGITS: dict[str, str] = {**_HANGUL_DIGITS, **_HAN_DIGITS, **_WORD_DIGITS}
"""A digit said as a word, in each of the four languages ("공" "零" "one" "một" → "0" "0" "1" "1")."""
_DIGIT_WORD = "(?:" + "|".join(sorted(map(re.escape, _WORD_DIGITS), key=len, reverse=True)) + ")"
_WORD_DIGIT_RUN = re.compile(
    rf"(?<![^\W\d_]){_DIGIT_WORD}(?:[\s,.-]+{_DIGIT_WORD}){{9,}}(?![^\W\d_])", re.IGNORECASE
)
_SPACED_DIGITS = re.compile(r"(?<![0-9])[0-9](?:" + _SEP + r"[0-9]){9,}(?![0-9])")


# ----------------------------------------------------------------------------------------------- helpers


def luhn_valid(digits: str) -> bool:
    """True when the digit string passes the Luhn check used by payment cards."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def _digits(text: str) -> str:
    return "".join(char for char in text if "0" <= char <= "9")


@lru_cache(maxsize=1)
def _public_numbers() -> tuple[frozenset[str], tuple[str, ...]]:
    exact: set[str] = set()
    prefixes: list[str] = []
    source = resources.files("graphs.guards").joinpath("public_numbers.txt").read_text(encoding="utf-8")
    for raw in source.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.endswith("*"):
            prefixes.append(_digits(line))
        else:
            exact.add(_digits(line))
    return frozenset(exact), tuple(prefixes)


def is_public_number(number: str) -> bool:
    """True for a telephone number of a public institution listed in `public_numbers.txt` (not personal data)."""
    digits = _digits(number)
    if digits.startswith("82"):
        digits = "0" + digits[2:]
    exact, prefixes = _public_numbers()
    return digits in exact or any(digits.startswith(prefix) for prefix in prefixes)


@dataclass
class _View:
    """The normalised text that patterns run on, with the span in the original text of every character (a
    digit said as a word stands for the whole word)."""

    text: str
    starts: list[int]
    ends: list[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.starts[start], self.ends[end - 1]


def _replace(view: _View, pattern: re.Pattern[str], digit: Callable[[str], str | None]) -> _View:
    """The view with every run of `pattern` (digits said as words) written as bare digits: each word that
    `digit` reads becomes one digit spanning the word, and what stands between the words is dropped."""
    runs = list(pattern.finditer(view.text))
    if not runs:
        return view
    text: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    cursor = 0
    for run in runs:
        text.append(view.text[cursor : run.start()])
        starts.extend(view.starts[cursor : run.start()])
        ends.extend(view.ends[cursor : run.start()])
        for piece in re.finditer(r"[^\s,.-]+", run.group()):
            value = digit(piece.group())
            if value is None:
                continue
            first, last = run.start() + piece.start(), run.start() + piece.end() - 1
            text.append(value)
            starts.append(view.starts[first])
            ends.append(view.ends[last])
        cursor = run.end()
    text.append(view.text[cursor:])
    starts.extend(view.starts[cursor:])
    ends.extend(view.ends[cursor:])
    return _View("".join(text), starts, ends)


def _in_place(view: _View, pattern: re.Pattern[str], digits: dict[str, str]) -> _View:
    """Digits read one character each, in Hangul ("공일공 일이삼사") or in Chinese ("零一零"), as digits; a
    copula 이 ending a Hangul run stays ("…오육칠팔이에요")."""
    chars = list(view.text)
    for match in pattern.finditer(view.text):
        end = match.end()
        count = sum(1 for c in match.group() if c in digits)
        # "…오육칠팔이에요" has a copula after a whole number; "…오사삼이요" ends in a 2: the count decides.
        if (
            chars[end - 1] == "이"
            and _COPULA_AFTER.match(view.text, end)
            and count not in _NUMBER_LENGTHS
            and count - 1 in _NUMBER_LENGTHS
        ):
            end -= 1
        for position in range(match.start(), end):
            chars[position] = digits.get(chars[position], chars[position])
    return _View("".join(chars), view.starts, view.ends)


def _without_spaces(view: _View) -> _View:
    """Runs of single digits with one separator between ("0 1 0 - 1 2 3 4 …") without their spaces."""
    keep = [True] * len(view.text)
    for match in _SPACED_DIGITS.finditer(view.text):
        for position in range(match.start(), match.end()):
            keep[position] = view.text[position] != " "
    if all(keep):
        return view
    return _View(
        "".join(c for c, k in zip(view.text, keep, strict=True) if k),
        [i for i, k in zip(view.starts, keep, strict=True) if k],
        [i for i, k in zip(view.ends, keep, strict=True) if k],
    )


def _build_view(text: str) -> _View:
    normalised, index = normalize_with_map(text)
    view = _View(normalised, index, [i + 1 for i in index])
    view = _replace(view, _WORD_DIGIT_RUN, lambda word: _WORD_DIGITS.get(word.lower()))
    view = _in_place(view, _HANGUL_DIGIT_RUN, _HANGUL_DIGITS)
    view = _in_place(view, _HAN_DIGIT_RUN, _HAN_DIGITS)
    return _without_spaces(view)


def _near_bank(view: str, start: int, end: int) -> bool:
    return _BANK_CONTEXT.search(view, max(0, start - 25), start) is not None or (
        _BANK_CONTEXT.search(view[end : end + 15]) is not None
    )


_Candidate = tuple[PiiKind | Literal["public"], int, int]


def _candidates(view: str) -> Iterable[_Candidate]:
    """Every candidate span in the view, in priority order (earlier wins on overlap)."""
    for match in _EMAIL.finditer(view):
        yield "email", match.start(), match.end()
    for match in _RRN_HYPHEN.finditer(view):
        yield ("foreigner_rrn" if match.group(2) in "5678" else "rrn"), match.start(), match.end()
    for match in _RRN_OTHER.finditer(view):
        yield ("foreigner_rrn" if match.group(1) in "5678" else "rrn"), match.start(), match.end()
    if _RRN_CONTEXT.search(view):
        for match in _RRN_HALVES.finditer(view):
            group = 1 if match.group(1) is not None else 2
            yield "rrn", match.start(group), match.end(group)
    for match in _CARD_GROUPED.finditer(view):
        yield "card", match.start(), match.end()
    for match in _MOBILE.finditer(view):
        yield "mobile", match.start(), match.end()
    for match in _LANDLINE.finditer(view):
        # A public number reserves its span so that no later pattern (accounts) claims it.
        yield ("public" if is_public_number(match.group()) else "landline"), match.start(), match.end()
    for match in _CARD_BARE.finditer(view):
        if luhn_valid(match.group()):
            yield "card", match.start(), match.end()
    for match in _ACCOUNT_HYPHEN.finditer(view):
        count = len(_digits(match.group()))
        hyphens = match.group().count("-")
        near = _near_bank(view, match.start(), match.end())
        if 10 <= count <= 16 and (hyphens >= 2 or near):
            yield "account", match.start(), match.end()
    for match in _ACCOUNT_SPACED.finditer(view):
        if 10 <= len(_digits(match.group())) <= 16 and _near_bank(view, match.start(), match.end()):
            yield "account", match.start(), match.end()
    for match in _ACCOUNT_BARE.finditer(view):
        if not _MONEY_AFTER.match(view, match.end()):
            yield "account", match.start(), match.end()
    yield from _addresses(view)


def _addresses(view: str) -> Iterable[_Candidate]:
    for match in _DONG_HO.finditer(view):
        yield "address", match.start(), match.end()
    for match in _HYPHEN_HO.finditer(view):
        yield "address", match.start(), match.end()
    for match in _HO.finditer(view):
        yield "address", match.start(), match.end()
    for match in _ROAD.finditer(view):
        name = match.group(1)
        if name in _NOT_ROADS or name.endswith("으로") or len(name) < 2 or _AS_A_JOB.search(name):
            continue
        yield "address", match.start(), match.end()
    for match in _ROAD_EN.finditer(view):
        yield "address", match.start(), match.end()
    for match in _LOT.finditer(view):
        name, number = match.group(1), match.group(2)
        if name in _NOT_LOTS:
            continue
        if "-" in number or "번지" in number or len(_digits(number)) >= 3:
            yield "address", match.start(2), match.end(2)


# ----------------------------------------------------------------------------------------------- public API


def detect_pii(text: str) -> list[PiiFinding]:
    """Every personal identifier in `text`, ordered by position, without overlaps.

    Offsets refer to `text` as given (zero-width or full-width characters inside a number are part of its span).
    """
    view = _build_view(text)
    starts: list[int] = []  # accepted spans, sorted and disjoint, so only the neighbours can overlap
    ends: list[int] = []
    findings: list[PiiFinding] = []
    for kind, view_start, view_end in _candidates(view.text):
        start, end = view.span(view_start, view_end)
        position = bisect.bisect_left(starts, start)
        if position > 0 and ends[position - 1] > start:
            continue
        if position < len(starts) and starts[position] < end:
            continue
        starts.insert(position, start)
        ends.insert(position, end)
        if kind == "public":
            continue
        findings.append(PiiFinding(kind=kind, start=start, end=end, value=text[start:end]))
    findings.sort(key=lambda finding: finding.start)
    return findings


def redact(text: str) -> Redaction:
    """`text` with every identifier found by `detect_pii` replaced by its placeholder (e.g. `[전화번호]`)."""
    findings = detect_pii(text)
    parts: list[str] = []
    cursor = 0
    for finding in findings:
        parts.append(text[cursor : finding.start])
        parts.append(finding.placeholder)
        cursor = finding.end
    parts.append(text[cursor:])
    return Redaction(text="".join(parts), findings=findings)
