"""From a Siheung 법정동 or 행정동 name to the 행정동 whose 행정복지센터 serves it.

Pure functions over the table in `dongs.json` (welfare-facts §5.2). Where a name is served by several
centres (정왕동 by six, 장현동 by three, ...) every candidate is returned: the citizen's road-name address
decides, and this module never guesses one.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, Field

Kind = Literal["행정동", "법정동", "행정동·법정동"]


class Table(BaseModel):
    """The transcribed table: 행정동 → its 법정동, in the source's order."""

    source: str
    as_of: str
    centres: dict[str, list[str]]


class CentreAnswer(BaseModel):
    """Which centre(s) serve a dong."""

    query: str = Field(description="The name as given.")
    dong: str = Field(description="The normalised name (with 동).")
    kind: Kind = Field(description="Whether the name is a 행정동, a 법정동, or both.")
    centres: list[str] = Field(
        description="The 행정동 whose 행정복지센터 may serve it, in the table's order."
    )
    ambiguous: bool = Field(
        description="True when several centres are possible: check the road-name address."
    )


class UnknownDongError(ValueError):
    """The name is not a 법정동 or 행정동 of Siheung."""


@lru_cache(maxsize=1)
def table() -> Table:
    """The 행정동 → 법정동 table shipped with the package."""
    text = resources.files("siheung_centre_finder").joinpath("dongs.json").read_text(encoding="utf-8")
    return Table.model_validate(json.loads(text))


def normalise(name: str) -> str:
    """`" 정왕 1 동"` → `"정왕1동"`; `"배곧"` → `"배곧동"`; a leading `시흥시` is dropped."""
    text = re.sub(r"\s+", "", name)
    text = re.sub(r"^(경기도)?시흥시?", "", text)
    text = text.replace("제", "") if re.fullmatch(r".+제\d동", text) else text
    if text and not text.endswith("동"):
        text += "동"
    return text


def known_names() -> list[str]:
    """Every 행정동 and 법정동 name, longest first (for matching inside a sentence)."""
    names = set(table().centres)
    for legal in table().centres.values():
        names.update(legal)
    return sorted(names, key=lambda n: (-len(n), n))


def find_centre(name: str) -> CentreAnswer:
    """The 행정동 whose centre serves `name` (a 법정동 or 행정동, with or without "동").

    Raises `UnknownDongError` for a name that is not in Siheung's table.
    """
    dong = normalise(name)
    centres = table().centres
    serving = [admin for admin, legal in centres.items() if dong in legal]
    is_admin = dong in centres
    if not serving and not is_admin:
        raise UnknownDongError(f"'{name}' is not a 행정동 or 법정동 of Siheung")
    if is_admin and dong not in serving:
        serving.insert(0, dong)
    ordered = [admin for admin in centres if admin in serving]
    kind: Kind = (
        "행정동·법정동"
        if is_admin and any(dong in v for v in centres.values())
        else ("행정동" if is_admin else "법정동")
    )
    return CentreAnswer(query=name, dong=dong, kind=kind, centres=ordered, ambiguous=len(ordered) > 1)


_NAME = re.compile("|".join(re.escape(n) for n in known_names()))


def dong_in(message: str) -> str | None:
    """The first Siheung dong name written in a message (Korean), or None."""
    text = re.sub(r"(\S+?)\s+(\d)\s*동", r"\1\2동", message)  # "정왕 1동" → "정왕1동"
    match = _NAME.search(text)
    return match.group(0) if match else None


_SINGLE = {
    "ko": "{dong}은 {centre} 행정복지센터가 맡아요.",
    "en": "{dong} is served by the {centre} 행정복지센터 (administrative welfare centre).",
    "zh": "{dong}由{centre}行政福利中心（행정복지센터）负责。",
    "vi": "{dong} do trung tâm phúc lợi hành chính (행정복지센터) {centre} phụ trách.",
}
_SEVERAL = {
    "ko": "{dong}은 {centres} 행정복지센터가 나누어 맡아요. 주소(도로명)로 맞는 곳을 확인해 주세요.",
    "en": "{dong} is shared between the 행정복지센터 (administrative welfare centres) of {centres}. "
    "Please check which one serves your road-name address (도로명주소).",
    "zh": "{dong}由{centres}行政福利中心（행정복지센터）分别负责。请按您的道路名地址（도로명주소）确认对应的中心。",
    "vi": "{dong} do các trung tâm phúc lợi hành chính (행정복지센터) {centres} cùng phụ trách. "
    "Hãy kiểm tra nơi phụ trách theo địa chỉ tên đường (도로명주소) của bạn.",
}
_JOIN = {"ko": "·", "en": ", ", "zh": "、", "vi": ", "}


def sentence(answer: CentreAnswer, language: str) -> str:
    """One short sentence in ko, en, zh or vi (Korean for any other language); no guessing when ambiguous."""
    lang = language if language in _SINGLE else "ko"
    if answer.ambiguous:
        return _SEVERAL[lang].format(dong=answer.dong, centres=_JOIN[lang].join(answer.centres))
    return _SINGLE[lang].format(dong=answer.dong, centre=answer.centres[0])
