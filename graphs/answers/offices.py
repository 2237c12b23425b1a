"""Which 행정복지센터 is hers: the administrative dongs that serve the neighbourhood she names
("배곧 사는데 어느 주민센터 가야돼?" → 배곧1동 or 배곧2동), from `dongs.yaml`."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from tools.yamlio import safe_load

DONGS_PATH = Path(__file__).with_name("dongs.yaml")

#: A question about which centre (or where it is), in the four languages.
_WHICH_OFFICE = re.compile(
    r"(?:어느|어디|어떤|무슨|몇)\s?(?:동\s?)?(?:주민\s?센터|행정\s?복지\s?센터|동사무소|동\s?주민센터)"
    r"|(?:주민\s?센터|행정\s?복지\s?센터|동사무소)(?:가|는|은|로|에|를)?\s?(?:어디|어느|어떤|몇\s?개|하나)"
    r"|(?:주민\s?센터|행정\s?복지\s?센터|동사무소)\s?(?:라는\s?게|란\s?게|라는\s?곳이)\s?(?:있|하나)"
    r"|which (?:community|welfare|administrative|dong) (?:service )?(?:cent(?:re|er)|office)|which (?:행정복지센터|주민센터)"
    r"|哪个(?:居民中心|行政福利中心|洞事务所)|(?:居民中心|行政福利中心)在哪|trung tâm (?:phúc lợi )?(?:hành chính )?nào",
    re.I,
)


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    table = safe_load(DONGS_PATH.read_text(encoding="utf-8"))
    assert isinstance(table, dict)
    return table


def _offices() -> dict[str, tuple[str, ...]]:
    return {str(office): tuple(areas) for office, areas in _table()["offices"].items()}


def _stem(name: str) -> str:
    """A dong's name as residents say it: "배곧동" → "배곧", "정왕1동" stays whole."""
    return re.sub(r"동$", "", name) if not re.search(r"\d동$|본동$", name) else name


def _latin() -> dict[str, str]:
    return {str(k): str(v) for k, v in _table().get("latin", {}).items()}


def offices_for(text: str) -> list[str]:
    """The 행정동 whose centres serve a neighbourhood `text` names (an office's own name first); names in Latin
    letters ("Mokgam", "Baegot") are read as their Korean."""
    lower = text.lower()
    text += " " + " ".join(ko for ko, latin in _latin().items() if re.search(rf"\b{latin}", lower))
    compact = re.sub(r"\s+", "", text)
    named = [office for office in _offices() if office in compact]
    if named:
        return named
    return [
        office
        for office, areas in _offices().items()
        if any(len(_stem(a)) >= 2 and _stem(a) in compact for a in areas)
    ]


#: Where she lives, and where to go ("배곧 아파트 사는데 … 어디 가야되나", "I live in Mokgam, where do I go"): her
#: centre is the answer to where.
_LIVES_IN = re.compile(
    r"사는데|살아요|살고|살거든|사는\s?(?:사람|데)|\bli(?:ve|ving) in\b|住在|sống ở|song o", re.I
)
_WHERE_TO_GO = re.compile(
    r"어디\s?(?:로|에|서|에서)?\s?(?:가|가야|가면|신청)|where (?:do|should|can) (?:i|we) (?:go|apply)|去哪|到哪|đi đâu|di dau",
    re.I,
)


def asked_offices(text: str) -> list[str]:
    """The centres serving where she lives when she asks which one is hers, or where to go while saying where
    she lives (at most three); none otherwise."""
    asked = _WHICH_OFFICE.search(text) or (_LIVES_IN.search(text) and _WHERE_TO_GO.search(text))
    found = offices_for(text) if asked else []
    return found if len(found) <= 3 else []
