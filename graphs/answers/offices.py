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
    r"|which (?:community|welfare|administrative|dong) (?:service )?(?:cent(?:re|er)|office)"
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


def asked_offices(text: str) -> list[str]:
    """The centres serving where she lives when she asks which one is hers (at most three); none otherwise."""
    found = offices_for(text) if _WHICH_OFFICE.search(text) else []
    return found if len(found) <= 3 else []
