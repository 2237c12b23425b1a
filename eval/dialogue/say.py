"""How a resident words things: the language, her habits, the Korean particles, and the truth she tells."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from random import Random
from typing import Any

from eval.dialogue import numerals
from eval.dialogue.phrases import NAMES

Household = dict[str, Any]
Extras = dict[str, Any]

_DIGIT_FINAL = {"0": True, "1": True, "2": False, "3": True, "4": False, "5": False, "6": True, "7": True,
                "8": True, "9": False}  # fmt: skip


def ko_final(word: str) -> bool:
    """Whether `word` ends in a consonant (받침) as read aloud, for choosing 이에요/예요, 이랑/랑."""
    stripped = word.rstrip(" .,)")
    if not stripped:
        return False
    last = stripped[-1]
    if "가" <= last <= "힣":
        return (ord(last) - ord("가")) % 28 != 0
    return _DIGIT_FINAL.get(last, True)


def ko_cop(word: str) -> str:
    """word + 이에요/예요."""
    return word + ("이에요" if ko_final(word) else "예요")


def ko_iyo(word: str) -> str:
    """word + 이요/요 (the clipped spoken copula)."""
    return word + ("이요" if ko_final(word) else "요")


def ko_rang(word: str) -> str:
    """word + 이랑/랑."""
    return word + ("이랑" if ko_final(word) else "랑")


@dataclass
class Say:
    """Wording choices for one resident: the language, the random stream and her habits."""

    language: str
    rng: Random
    words_rate: float = 0.0
    chatty: bool = False
    full: bool = False
    """Only whole statements (no bare "72" or "None"): for facts volunteered or added to another answer."""
    memory: dict[str, str] = field(default_factory=dict)

    def stable(self, key: str, options: Sequence[str]) -> str:
        """The first choice made for `key`, kept for the whole conversation."""
        if key not in self.memory:
            self.memory[key] = self.pick(options)
        return self.memory[key]

    def pick(self, options: Sequence[str]) -> str:
        """One of the options."""
        return self.rng.choice(list(options))

    def choose(self, full: Sequence[str], bare: Sequence[str] = ()) -> str:
        """One of the whole statements, or (when a bare answer fits) of both kinds."""
        return self.pick(list(full) if self.full else [*full, *bare])

    def words(self) -> bool:
        """Whether this number is written in words."""
        return self.rng.random() < self.words_rate

    def money(self, krw: int) -> str:
        """An amount of won."""
        return numerals.money(krw, self.language, self.rng, words=self.words())

    def age(self, years: int) -> str:
        """An age with its unit."""
        return numerals.age(years, self.language, words=self.words())

    def count(self, n: int) -> str:
        """A count of people or children."""
        return numerals.count(n, self.language, words=self.rng.random() < 0.7)

    def program(self, program_id: str) -> str:
        """A program's name as residents say it (sometimes the Korean name in another language)."""
        names = NAMES[program_id]
        if self.language != "ko" and self.rng.random() < 0.2:
            return names["ko"][0]
        return self.pick(names[self.language])


def applicant_of(h: Household) -> dict[str, Any]:
    members: list[dict[str, Any]] = h["members"]
    return next((m for m in members if m.get("relation") == "self"), members[0])


def children_of(h: Household) -> list[dict[str, Any]]:
    return [m for m in h["members"] if m.get("relation") in ("child", "grandchild")]


def youngest_of(h: Household) -> dict[str, Any] | None:
    children = [c for c in children_of(h) if c.get("age") is not None or c.get("months_old") is not None]
    if not children:
        return None
    return min(children, key=lambda c: c.get("months_old", (c.get("age") or 0) * 12 + 6))


def gender_of(x: Extras) -> str:
    return str(x.get("gender", "f"))


@dataclass(frozen=True)
class Truth:
    """What the resident knows: the household (contract JSON) and the facts kept beside it."""

    household: Household
    extras: Extras


RELATIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "ko": {"spouse_f": ("남편", "신랑", "남편"), "spouse_m": ("아내", "와이프", "집사람"), "mother": ("어머니", "엄마"),
           "father": ("아버지", "아빠"), "parents": ("부모님",), "son": ("아들",), "daughter": ("딸",),
           "sister": ("여동생", "언니"), "brother": ("남동생", "형"), "grandchild": ("손주",), "other": ("친척",)},
    "en": {"spouse_f": ("my husband",), "spouse_m": ("my wife",), "mother": ("my mother", "my mom"),
           "father": ("my father", "my dad"), "parents": ("my parents",), "son": ("my son",),
           "daughter": ("my daughter",), "sister": ("my sister",), "brother": ("my brother",),
           "grandchild": ("my grandchild",), "other": ("a relative",)},
    "zh": {"spouse_f": ("老公", "丈夫"), "spouse_m": ("老婆", "妻子"), "mother": ("我妈", "母亲"), "father": ("我爸", "父亲"),
           "parents": ("父母", "爸妈"), "son": ("儿子",), "daughter": ("女儿",), "sister": ("妹妹",), "brother": ("弟弟",),
           "grandchild": ("孙子",), "other": ("亲戚",)},
    "vi": {"spouse_f": ("chồng",), "spouse_m": ("vợ",), "mother": ("mẹ tôi",), "father": ("bố tôi",),
           "parents": ("bố mẹ",), "son": ("con trai",), "daughter": ("con gái",), "sister": ("em gái",),
           "brother": ("em trai",), "grandchild": ("cháu",), "other": ("người họ hàng",)},
}  # fmt: skip
"""Relation words; `member_word` picks who a member is (mother or father, son or daughter) once and keeps it."""
_KINDS = {"child": ("son", "daughter"), "parent": ("mother", "father"), "sibling": ("sister", "brother")}


def member_word(index: int, member: dict[str, Any], x: Extras, say: Say) -> str:
    """How she calls member `index` (the same person is always the same word's sense)."""
    rel = RELATIONS[say.language]
    relation = str(member.get("relation"))
    if relation == "spouse":
        return say.pick(rel["spouse_f" if gender_of(x) == "f" else "spouse_m"])
    if relation in _KINDS:
        return say.pick(rel[say.stable(f"member{index}", _KINDS[relation])])
    return say.pick(rel.get(relation, rel["other"]))
