"""Where she has lived, and for how long: a residence history told as places with durations.

"在安山住了9年，然后去首尔读了4年大学，两年前搬回始兴" is three stays: 안산 9 years, 서울 4, 시흥 2 (now). From
the stays come the years in 경기도 without a break up to now and the years in 경기도 in all (경기도 청년기본소득
asks for 3 years in a row or 10 in total), and how long she has lived in the city where she lives now.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from graphs.nlu.dates import MONTH_NAME, month_number
from graphs.nlu.durations import duration_months
from graphs.nlu.places import find_places
from tools.vietnamese import accept_unmarked

GYEONGGI = "경기도"

#: Where one stay's clause ends: punctuation, "then", "그 다음", "-다가", "rồi", "然后".
_CLAUSE_END = re.compile(
    r"[,，。.;；!?！？()（）+]|\b(?:then|and then|after that|before that|moved)\b|然后|之后|后来|以前|之前|再|"
    r"그리고|그\s?다음|그\s?후|그\s?전엔?|다가|고\s|\b(?:rồi|sau đó|trước đó|trước đây)\b",
    re.I,
)
#: The stay she is in now: counted since a move ("2년 전에 이사", "两年前搬回", "moved … 2 years ago") or said
#: to be now ("지금", "现在", "now", "giờ").
_SINCE_MOVE = re.compile(
    r"(?:년|달|개월|주)\s?전(?:에|부터)?|온\s?지|이사\s?온|前|\bago\b|\bsince\b|trước|đến nay", re.I
)
_LAST_YEAR = re.compile(r"작년|지난\s?해|去年|last year|năm ngoái|năm trước", re.I)
_BACK = re.compile(r"돌아|다시\s?(?:왔|이사|들어)|\bback\b|回|về lại|quay (?:lại|về)|trở (?:lại|về)", re.I)
_NOW = re.compile(r"지금|현재|이제|요즘|现在|目前|\bnow\b|currently|hiện|bây giờ|\bgiờ\b", re.I)


@dataclass(frozen=True)
class Stay:
    """One place she lived in, for how long, and whether she lives there now."""

    sido: str
    sigungu: str | None
    months: int
    current: bool
    back: bool = False
    """She came back to it ("돌아왔", "搬回", "moved back"): she lived in 경기도 before, for a time not told
    unless another stay says so."""


@dataclass(frozen=True)
class Residence:
    """What a history says: years in 경기도 up to now without a break, years in 경기도 in all, and months in
    the place she lives now (with that place)."""

    gyeonggi_years: float
    gyeonggi_total_years: float | None
    """None when she came back to 경기도 without saying how long she lived there before."""
    current: Stay


def residence_history(text: str) -> list[Stay] | None:
    """The stays of a history that names at least two places, each with its duration, in the order told;
    None when the message is not such a history (a duration without its place, a single place, where she
    lives now without how long)."""
    places = find_places(text)
    clause_ends = sorted({0, len(text), *(m.end() for m in _CLAUSE_END.finditer(text))})
    cuts = set(clause_ends)
    for start, end in pairwise(clause_ends):
        # "안산 2년 시흥 3년": two places in one clause are two stays, each from its place on
        cuts |= {p.start for p in [p for p in places if start <= p.start < end][1:]}
    bounds = sorted(cuts)
    stays: list[Stay] = []
    for start, end in pairwise(bounds):
        clause = text[start:end]
        here = [p for p in places if start <= p.start < end]
        months = duration_months(clause)
        if months is None and _LAST_YEAR.search(clause):
            months = 12  # "작년에 시흥 왔어요": about a year
        if months is None:
            if here and stays:
                return None  # a place after the stays without how long: the history is not complete
            continue
        if not here:
            return None  # a duration whose place is not said: not a history this reads
        current = bool(_SINCE_MOVE.search(clause) or _NOW.search(clause) or _LAST_YEAR.search(clause))
        back = bool(_BACK.search(clause))
        stays.append(Stay(here[-1].sido, here[-1].sigungu, months, current, back))
    return stays if len(stays) >= 2 else None


def residence(text: str) -> Residence | None:
    """The years in 경기도 a history gives (see `residence_history`), or None when it is not one."""
    stays = residence_history(text)
    if stays is None:
        return None
    now = next((i for i, s in enumerate(stays) if s.current), None)
    if now is None:
        now = len(stays) - 1  # told in order: the last stay is where she lives
    # told from now backwards ("시흥 온 지 2년, 그 전엔 서울 3년") when the stay now comes first
    before = list(reversed(stays[:now])) if now > 0 else stays[now + 1 :]
    unbroken = stays[now].months if stays[now].sido == GYEONGGI else 0
    if unbroken:
        for stay in before:
            if stay.sido != GYEONGGI:
                break
            unbroken += stay.months
    total = sum(s.months for s in stays if s.sido == GYEONGGI)
    untold = stays[now].back and not any(
        s.sido == GYEONGGI for s in before
    )  # "서울 살다가 작년에 시흥으로 돌아왔는데"
    return Residence(round(unbroken / 12, 2), None if untold else round(total / 12, 2), stays[now])


#: A move with its month ("moved to siheung from busan in march 2025", "2025년 3월에 시흥으로 이사 왔어요",
#: "2025年3月搬到始兴", "chuyển đến Siheung tháng 3/2025").
_MOVED_IN = re.compile(
    rf"\bmoved\b[^.?!]{{0,60}}?\bin (?P<en_month>{MONTH_NAME})\.? (?P<en_year>20\d\d)"
    r"|(?P<ko_year>20\d\d)\s?년\s?(?P<ko_month>1[0-2]|[1-9])\s?월[^.?!]{0,20}?(?:이사|왔|올라왔|내려왔|들어왔)"
    r"|(?P<zh_year>20\d\d)\s?年\s?(?P<zh_month>1[0-2]|[1-9])\s?月[^。？！]{0,12}?(?:搬|来)"
    r"|(?:chuyển|dọn)[^.?!]{0,40}?tháng (?P<vi_month>1[0-2]|[1-9])(?:/| năm )(?P<vi_year>20\d\d)",
    re.I,
)
#: The place she came from: "from busan", "从釜山", "từ Busan" before it; "부산에서" after it.
_FROM_BEFORE = re.compile(r"(?:\bfrom|从|\btừ)\s?$", re.I)


def moved_in(text: str, today: date) -> Residence | None:
    """The years in 경기도 since a move to a place in 경기도 whose month is told, when she came from outside it
    ("moved to siheung from busan in march 2025": 1.75 in a row and in all); None otherwise (a move within
    경기도 says nothing of the years before it)."""
    m = _MOVED_IN.search(text)
    if m is None:
        return None
    groups = {k: v for k, v in m.groupdict().items() if v}
    year = int(next(v for k, v in groups.items() if k.endswith("year")))
    month_said = next(v for k, v in groups.items() if k.endswith("month"))
    month = int(month_said) if month_said.isdigit() else month_number(month_said)
    months = (today.year - year) * 12 + today.month - month
    places = find_places(text)
    came_from = [
        p
        for p in places
        if _FROM_BEFORE.search(text[max(0, p.start - 6) : p.start]) or text[p.end : p.end + 2] == "에서"
    ]
    to = next((p for p in places if p.sido == GYEONGGI and not p.negated and p not in came_from), None)
    if months < 0 or to is None or not came_from or any(p.sido == GYEONGGI for p in came_from):
        return None
    stay = Stay(to.sido, to.sigungu, months, current=True)
    return Residence(round(months / 12, 2), round(months / 12, 2), stay)


accept_unmarked(globals())
