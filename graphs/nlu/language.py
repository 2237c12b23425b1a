"""Language detection (ko / en / zh / vi) from script and Vietnamese diacritics, with no model."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from graphs.nlu.programs import load_aliases
from tools.vietnamese import UNMARKED_SYLLABLES

Language = Literal["ko", "en", "zh", "vi"]

_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_HAN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
# Letters that occur in Vietnamese but not in English (đ, ơ, ư, ă, and the tone-marked vowels).
_VI_MARKS = re.compile(r"[đĐơƠưƯăĂ\u1ea0-\u1ef9àáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵâêô]")
_VI_WORDS = re.compile(
    r"\b(toi|khong|duoc|cua|nhung|nguoi|chao|cam on|bao nhieu|tro cap|con toi|o dau|the nao)\b"
)


#: Words only a Chinese sentence has (a Korean one never writes them, even with a Hanja name in it).
_ZH_GRAMMAR = re.compile(r"是|吗|啥|什么|怎么|哪|谁|多少|可以|能不能|我们|我|你|呢|吧|了")


def _plain_vietnamese(text: str) -> bool:
    words = re.findall(r"[a-z]+", text.lower())
    hits = sum(1 for word in words if word in UNMARKED_SYLLABLES)
    return hits >= min(3, len(words)) >= 2 and hits * 5 >= len(words) * 2


@lru_cache(maxsize=1)
def _korean_program_names() -> re.Pattern[str]:
    """Korean program names as written in messages (with or without spaces): "아동수당", "첫만남 이용권"."""
    names = sorted((a for a in load_aliases() if _HANGUL.search(a)), key=len, reverse=True)
    return re.compile("|".join(r"\s?".join(map(re.escape, name)) for name in names))


def detect_language(text: str, default: Language = "ko") -> Language:
    """The language of `text`: Korean when any Hangul dominates, Chinese for Han script,
    Vietnamese for Latin text with Vietnamese diacritics (or common unaccented words), else English.

    A Korean program name pasted into another language ("Tôi muốn hỏi về 아동수당") does not count as Korean."""
    if _LATIN.search(text) or _HAN.search(text):
        stripped = _korean_program_names().sub(" ", text)
        if stripped.strip() and not _HANGUL.search(stripped):
            text = stripped
    hangul = len(_HANGUL.findall(text))
    han = len(_HAN.findall(text))
    latin = len(_LATIN.findall(text))
    if hangul == 0 and han == 0 and latin == 0:
        return default
    if han >= 4 and _ZH_GRAMMAR.search(text):
        # Chinese sentence words around a Korean name she copied ("저소득층 기저귀·조제분유 지원是啥？谁能领？")
        return "zh"
    # A Korean program name pasted into a Vietnamese or English sentence ("Trợ cấp cha mẹ (부모급여) là gì?")
    # does not make the message Korean; Hangul must be a fair share of the letters.
    if hangul and hangul >= han and hangul * 3 >= latin:
        return "ko"
    if han > 0 and han >= hangul and han * 2 >= latin:
        return "zh"
    if latin:
        marks = len(_VI_MARKS.findall(text))
        if marks >= 2 or (marks == 1 and latin < 12):
            return "vi"
        if _VI_WORDS.search(text.lower()) or _plain_vietnamese(text):
            return "vi"
        # One plain word ("chat", "ok") in a Vietnamese conversation is not a switch to English.
        if default == "vi" and len(text.split()) == 1 and latin <= 8:
            return "vi"
        return "en"
    return "zh" if han else "ko"
