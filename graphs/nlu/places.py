"""Where the resident lives: 시·도 and 시·군·구 named in a message ("서울 구로구 살아요", "I live in Seongnam",
"住在城南市", "Tôi sống ở Ansan"), and not where she does not or did before ("시흥 안 살아요", "전엔 부산에서
살았어요").

In a whole message a place counts only beside a word of living (살아요, live, 住, sống), so a program's name
("시흥시 출생축하금") or an office ("시흥시청") is not taken for her address; in a reply to "어디 사세요?" the
place alone is enough (`answer=True`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from tools.vietnamese import accept_unmarked, with_unmarked
from tools.yamlio import safe_load

_DATA = Path(__file__).with_name("places.yaml")
_HANGUL = re.compile(r"[가-힣]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
#: After a short Korean name: a place ending or a particle, not a number's unit ("이천만원", "이천 원").
_KO_AFTER = (
    r"(?:시|군|구|도|동|읍|면)?"
    r"(?!\s?(?:원|만|억|천|백|명|개|년|세|마리))"
    r"(?=\s|$|[^가-힣]|에|에서|이요|요|이에요|예요|이라|라|이고|고|살|사|쪽|동네|근처|인데|이랑|랑|으로|로|은|는|서(?=\s|$|[^가-힣]|부터|도|는|만))"
)
_LIVING = re.compile(
    r"살|사는|사세|사셔|사십|사시|산\s?(?:지|거|게|건|것)|삽니|거주|주민|이사|동네|토박이|\blive[sd]?\b|\bliving\b|\bmoved\b|\bresident\b"
    r"|住|搬到|sống|\bở\b|chuyển (?:đến|về)",
    re.I,
)
_LIVING_BEFORE = re.compile(
    r"(?:\blive[sd]?|\bliving|\bmoved|\bresident)\s+(?:\w+\s+){0,2}(?:in|to)?\s*$|\bin\s+$|住在\s*$|住\s*$|搬到\s*$"
    r"|(?:sống|ở|chuyển đến|chuyển về)\s+(?:ở\s+|tại\s+)?(?:thành phố\s+|quận\s+|tp\.?\s*)?$",
    re.I,
)
_NEGATED_AFTER = re.compile(
    r"^(?:시|군|구|도)?\s?(?:에|에서|은|는|이|가)?\s?(?:안\s?(?:살|사)|살지\s?않|아니|아녜|말고|x\b"
    r"|(?:쭉\s?|오래\s?)?(?:살았|살다가?|살던|있었|지냈))"
    r"|^(?:市|区)?(?:不是|没住|不住)|^\s*(?:-|,)?\s*not\b",
    re.I,
)
#: "태어나서부터 쭉 시흥 살았음": lived there all along, up to now — not a former address.
#: "태어나서", "태어나가" (경상도), "태어나갖고": born, and then.
BORN_THEN = r"태어나(?:서|가|갖고|가지고)"
_ALL_ALONG = re.compile(rf"{BORN_THEN}|태어날\s?때|평생|여태|지금까지|어릴\s?때부터")
_LIVED_TILL_NOW = re.compile(
    r"^(?:시|군|구)?\s?(?:에|에서|서)?\s?(?:쭉\s?|계속\s?)?살았(?:음|어요|어|습니다|지|다|죠)?\s*(?:[.!~]|$)"
)
_NEGATED_BEFORE = re.compile(
    r"(?:not|n't|no longer)\s+(?:live\s+|living\s+)?in\s+$|\bnever\s+(?:lived|been|stayed)\s+in\s+$|(?:used to live|(?<!have )(?<!'ve )lived|grew up) in\s+$|\bfrom\s+$|不(?:住|在)(?:在)?$|没住在$|không (?:sống|ở)\s(?:ở\s)?$",
    re.I,
)


@dataclass(frozen=True)
class Place:
    """A place name found in a message."""

    start: int
    end: int
    sido: str
    sigungu: str | None
    negated: bool


def _pattern(alias: str) -> str:
    escaped = re.escape(alias).replace(r"\ ", r"\s?")
    if _HANGUL.search(alias):
        return rf"(?<![가-힣]){escaped}{_KO_AFTER}"
    if _CJK.search(alias):
        return escaped  # the risky ones are written with their 市/区 in the data
    return rf"\b{escaped}(?:-(?:si|gu|gun|do))?\b"


@cache
def _names() -> list[tuple[str, str, str | None]]:
    """(name, 시·도, 시·군·구) for every name in `places.yaml`, longest first ("경기도 광주" before "광주")."""
    data: dict[str, Any] = safe_load(_DATA.read_text(encoding="utf-8"))
    entries: list[tuple[str, str, str | None]] = []
    for sido, aliases in data["sido"].items():
        entries += [(alias, sido, None) for alias in [sido, *aliases]]
    for sido, places in data["sigungu"].items():
        for sigungu, aliases in places.items():
            entries += [(alias, sido, sigungu) for alias in [sigungu, *aliases]]
    return sorted(entries, key=lambda e: len(e[0]), reverse=True)


@cache
def _gazetteer() -> list[tuple[re.Pattern[str], str, str | None]]:
    return [(with_unmarked(re.compile(_pattern(a), re.I)), s, g) for a, s, g in _names()]


@cache
def _any_name() -> re.Pattern[str]:
    """Every name as a plain literal: one quick search rules out the many messages that name no place."""
    return re.compile("|".join(re.escape(n).replace(r"\ ", r"\s?") for n, _, _ in _names()), re.I)


def find_places(text: str) -> list[Place]:
    """Every place named in `text`, in order, longest names first where they overlap."""
    if not _any_name().search(text):
        return []
    found: list[Place] = []
    taken: list[tuple[int, int]] = []
    for pattern, sido, sigungu in _gazetteer():
        for m in pattern.finditer(text):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            before = text[max(0, m.start() - 20) : m.start()]
            after = text[m.end() : m.end() + 12]
            negated = bool(_NEGATED_AFTER.search(after) or _NEGATED_BEFORE.search(before)) and not (
                _ALL_ALONG.search(before) and _LIVED_TILL_NOW.match(after)
            )
            found.append(Place(m.start(), m.end(), sido, sigungu, negated))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda p: p.start)


_APART_AFTER = re.compile(
    r"(?:시|군|구)?\s?(?:에|에서|엔|에는)?\s?(?:따로|떨어져)|\s?(?:separately|on (?:my|his|her) own)\b", re.I
)


#: A workplace or school named before the place: "works in", "a job in", "studies in".
_WORK_BEFORE = re.compile(
    r"\b(?:works?|working|worked|job|office|factory|company|stud(?:y|ies|ying))\s+(?:\w+\s+)?in\s+$", re.I
)


def _near_living(text: str, place: Place) -> bool:
    """A word of living right after the place (Korean: "인천 논현동 사는데") or right before it ("I live in",
    "住在", "sống ở"), not somewhere else in the sentence ("남편 직장이 시흥이라" is not her address)."""
    after = text[place.end : place.end + 12]
    before = text[max(0, place.start - 12) : place.start]
    if _WORK_BEFORE.search(before):
        return False  # "my husband works in Siheung": his workplace
    return bool(
        _LIVING.search(after) or _LIVING_BEFORE.search(before) or _BORN_AND_STAYED.match(text, place.end)
    )


#: Born in the place and living there since: "시흥서 태어나가 계속 여 살았다", "시흥에서 태어나서 쭉 살아요".
_BORN_AND_STAYED = re.compile(
    r"(?:시|군|구)?\s?(?:에서|서)\s?태어나(?:서|가|갖고|가지고)?\s?(?:부터\s?)?(?:계속|쭉|여태|지금까지)[^.?!]{0,12}?살"
)


def _without_other_cities_dongs(places: list[Place], text: str) -> list[Place]:
    """A 동 named right after another city is that city's ("고양 신천동": 고양시, though 신천동 is also a name
    of a Siheung 동)."""
    kept: list[Place] = []
    for place in places:
        before = kept[-1] if kept else None
        if (
            before is not None
            and before.sigungu
            and place.sigungu != before.sigungu
            and text[place.start : place.end].endswith("동")
            and place.start - before.end <= 2
        ):
            continue
        kept.append(place)
    return kept


def find_region(text: str, *, answer: bool = False) -> dict[str, Any] | None:
    """The region she says she lives in (`{"sido", "sigungu"}`, sigungu None when only the 시·도 is named),
    or None. A 시·군·구 wins over a 시·도; the last place named wins ("시흥 말고 서울 살아요")."""
    places = _without_other_cities_dongs(
        [p for p in find_places(text) if not p.negated and (answer or _near_living(text, p))], text
    )
    if len(places) > 1:  # "지는 안산에 따로 살고 있고": where the writer lives apart is not the household's
        places = [p for p in places if not _APART_AFTER.match(text, p.end)] or places
    if not places:
        return None
    specific = [p for p in places if p.sigungu]
    if not specific and all(p.sido == "경기도" for p in places):
        return None  # "경기도에 5년 살았어요": which 시·군 is still open, and that is what decides
    place = specific[-1] if specific else places[-1]
    if specific and any(p.sigungu is None and p.sido != place.sido and p.start > place.start for p in places):
        place = next(p for p in reversed(places) if p.sigungu is None)  # "강서구요, 아 부산이요"
    return {"sido": place.sido, "sigungu": place.sigungu}


accept_unmarked(globals())
