"""The resident's persona and how it changes her messages: 반말, dialect, fillers, typos, missing marks."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from random import Random

from eval.dialogue.phrases import FILLERS


@dataclass(frozen=True)
class Persona:
    """How one resident writes."""

    chatty: bool
    banmal: bool
    dialect: str | None
    """'gyeongsang' or 'jeolla' (Korean only)."""
    typo_rate: float
    words_rate: float
    """How often a number is written in words."""
    no_diacritics: bool
    """Vietnamese typed without tone marks."""
    send_locale: bool
    """The client sends the language with every turn."""

    def describe(self) -> str:
        """A short label for transcripts."""
        traits = ["chatty" if self.chatty else "terse"]
        if self.banmal:
            traits.append("반말")
        if self.dialect:
            traits.append(self.dialect)
        if self.typo_rate:
            traits.append("typos")
        if self.words_rate:
            traits.append("numbers in words")
        if self.no_diacritics:
            traits.append("no diacritics")
        if self.send_locale:
            traits.append("locale sent")
        return ", ".join(traits)


def draw_persona(rng: Random, language: str) -> Persona:
    """A persona for a resident writing in `language`."""
    korean = language == "ko"
    return Persona(
        chatty=rng.random() < 0.45,
        banmal=korean and rng.random() < 0.2,
        dialect=rng.choice(("gyeongsang", "jeolla")) if korean and rng.random() < 0.15 else None,
        typo_rate=rng.choice((0.0, 0.0, 0.15, 0.3)),
        words_rate=rng.choice((0.0, 0.0, 0.3, 0.6)),
        no_diacritics=language == "vi" and rng.random() < 0.25,
        send_locale=rng.random() < 0.25,
    )


_BANMAL = (
    (r"이에요", "이야"), (r"예요", "야"), (r"삽니다", "살아"), (r"입니다", "이야"), (r"습니다", "어"),
    (r"주세요", "줘"), (r"합니다", "해"), (r"해요", "해"),
    (r"어요", "어"), (r"아요", "아"), (r"이요", "이야"), (r"나요", "나"), (r"까요", "까"), (r"돼요", "돼"),
    (r"네요", "네"), (r"(?<=[가-힣])요", ""),
)  # fmt: skip
_DIALECT = {
    "gyeongsang": (
        (r"없어요", "없심더"), (r"있어요", "있심더"), (r"살아요", "삽니더"), (r"이에요", "이라예"), (r"예요", "라예"),
        (r"습니다", "습니더"), (r"해요", "합니더"), (r"돼요", "됩니꺼"), (r"나요", "나예"), (r"까요", "까예"),
        (r"어요", "어예"), (r"아니요", "아입니더"),
    ),
    "jeolla": (
        (r"없어요", "없어라"), (r"있어요", "있당께요"), (r"이에요", "이랑께요"), (r"예요", "여라"),
        (r"돼요", "된당가요"), (r"나요", "당가요"), (r"어요", "어라우"), (r"해요", "허요"),
    ),
}  # fmt: skip
_DIALECT_OPENERS = {
    "gyeongsang": ("아이고 마, ", "마, ", "그라니까, "),
    "jeolla": ("아따, ", "긍께, ", "워메, "),
}
_KO_TYPOS = (("없어요", "없어여"), ("있어요", "잇어요"), ("이에요", "이예요"), ("받을 수", "받을수"), ("몇", "몃"),
             ("됩니까", "됩니가"), ("해요", "헤요"), ("같아요", "같애요"))  # fmt: skip
_EN_TYPOS = (("don't", "dont"), ("I'm", "im"), ("receive", "recieve"), ("pension", "pention"), ("income", "incom"),
             ("months", "monthes"), ("allowance", "allowence"))  # fmt: skip


def _endings(text: str, rules: tuple[tuple[str, str], ...]) -> str:
    """Apply the first matching ending rule at the end of each sentence."""
    pieces = re.split(r"([.?!,]\s*|\s*$)", text)
    out = []
    for piece in pieces:
        for pattern, replacement in rules:
            changed = re.sub(pattern + r"$", replacement, piece)
            if changed != piece:
                piece = changed
                break
        out.append(piece)
    return "".join(out)


def strip_marks(text: str) -> str:
    """Vietnamese without tone marks ("không biết" → "khong biet")."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def _typos(text: str, language: str, rng: Random) -> str:
    if language == "ko":
        for right, wrong in _KO_TYPOS:
            if right in text and rng.random() < 0.5:
                text = text.replace(right, wrong, 1)
        if rng.random() < 0.5:
            text = re.sub(r" ", lambda _: "" if rng.random() < 0.6 else " ", text)
    elif language == "en":
        for right, wrong in _EN_TYPOS:
            if right in text and rng.random() < 0.5:
                text = text.replace(right, wrong, 1)
        if rng.random() < 0.4:
            text = text.lower().rstrip(".!")
    elif language == "vi" and rng.random() < 0.4:
        text = strip_marks(text)
    return text


def styled(text: str, language: str, persona: Persona, rng: Random, *, opening: bool = False) -> str:
    """`text` as this resident would type it."""
    if language == "ko":
        if persona.dialect and rng.random() < 0.7:
            text = _endings(text, _DIALECT[persona.dialect])
            if rng.random() < 0.3:
                text = rng.choice(_DIALECT_OPENERS[persona.dialect]) + text
        elif persona.banmal:
            text = _endings(text, _BANMAL)
    if persona.chatty and not opening and rng.random() < 0.35:
        text = rng.choice(FILLERS[language]) + text
    if persona.typo_rate and rng.random() < persona.typo_rate:
        text = _typos(text, language, rng)
    if persona.no_diacritics:
        text = strip_marks(text)
    return text
