"""Query translation for questions in English, Chinese or Vietnamese: the Korean welfare terms they mean.

The passages are Korean, so a foreign-language question shares almost no tokens with them. The welfare
lexicon (`lexicon.yaml`: Korean booklet terms with the words residents use for them in en, zh and vi) turns
"my grandma has dementia" into 치매 노인 and "bà tôi bị lẫn" into the same, which the lexical index then
matches. Matching: English by lightly stemmed word n-grams, Vietnamese by syllable n-grams with the
diacritics folded (so "tro cap" meets "trợ cấp"), Chinese by substring.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from tools.cache import cached_yaml
from tools.retrieval.tokenizer import normalize, stem_en
from tools.vietnamese import fold_latin, is_vietnamese

LEXICON_PATH = Path(__file__).with_name("lexicon.yaml")
#: Longest expression matched, in words (English) or syllables (Vietnamese).
MAX_WORDS = 6

_WORD = re.compile(r"[a-z0-9]+")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


@dataclass(frozen=True)
class Lexicon:
    """Expressions to Korean terms: word tuples for English and (folded) Vietnamese, strings for Chinese."""

    en: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict)
    vi: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict)
    zh: dict[str, frozenset[str]] = field(default_factory=dict)


def _en_words(text: str) -> tuple[str, ...]:
    return tuple(stem_en(w) for w in _WORD.findall(normalize(text).replace("-", " ")))


def _vi_syllables(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold_latin(normalize(text))))


def _add(table: dict[object, set[str]], key: object, korean: str) -> None:
    if key:
        table.setdefault(key, set()).add(korean)


def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    """Read the lexicon file (a missing file gives an empty lexicon)."""
    if not path.is_file():
        return Lexicon()
    raw = cached_yaml(path) or {}
    en: dict[object, set[str]] = {}
    vi: dict[object, set[str]] = {}
    zh: dict[object, set[str]] = {}
    for korean, entry in raw.items():
        for expression in entry.get("en") or []:
            _add(en, _en_words(str(expression)), str(korean))
        for expression in entry.get("vi") or []:
            _add(vi, _vi_syllables(str(expression)), str(korean))
        for expression in entry.get("zh") or []:
            if len(str(expression)) >= 2:
                _add(zh, str(expression), str(korean))
    return Lexicon(
        en={k: frozenset(v) for k, v in en.items() if isinstance(k, tuple)},
        vi={k: frozenset(v) for k, v in vi.items() if isinstance(k, tuple)},
        zh={k: frozenset(v) for k, v in zh.items() if isinstance(k, str)},
    )


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The bundled lexicon (parsed once)."""
    return load_lexicon()


def _longest_matches(
    units: Sequence[Hashable], table: Mapping[Any, frozenset[str]], longest: int, shortest: int = 1
) -> tuple[list[frozenset[str]], int]:
    """The Korean terms of each longest expression of `units` (words, or characters of a string) found in
    `table`, left to right, without overlaps; and how many units they cover."""
    groups: list[frozenset[str]] = []
    covered = 0
    i = 0
    while i < len(units):
        for n in range(min(longest, len(units) - i), shortest - 1, -1):
            found = table.get(units[i : i + n])
            if found:
                groups.append(found)
                covered += n
                i += n
                break
        else:
            i += 1
    return groups, covered


def _ngram_groups(
    words: tuple[str, ...], table: dict[tuple[str, ...], frozenset[str]]
) -> tuple[list[frozenset[str]], int]:
    """Word expressions (English, Vietnamese): up to `MAX_WORDS` words."""
    return _longest_matches(words, table, MAX_WORDS)


def _zh_groups(text: str, table: dict[str, frozenset[str]]) -> list[frozenset[str]]:
    """Chinese expressions: substrings of two characters or more."""
    return _longest_matches(text, table, max((len(k) for k in table), default=0), shortest=2)[0]


def translations(query: str, lexicon: Lexicon | None = None) -> list[frozenset[str]]:
    """For each welfare expression of a non-Korean query, the Korean terms it may mean (one set per
    expression, in order; empty for a Korean query)."""
    if len(_HANGUL.findall(query)) * 2 >= len(re.findall(r"[^\W\d_]", query)):
        return []  # before the lexicon is read: a Korean question never needs it
    lexicon = lexicon or default_lexicon()
    groups: list[frozenset[str]] = []
    if _HAN.search(query):
        groups += _zh_groups(normalize(query), lexicon.zh)
    vi, vi_covered = _ngram_groups(_vi_syllables(query), lexicon.vi)
    if is_vietnamese(query):
        groups += vi
    else:  # unmarked Latin text: the reading that explains more of its words
        en, en_covered = _ngram_groups(_en_words(query), lexicon.en)
        groups += vi if vi_covered > en_covered else en
    return groups


def korean_terms(query: str, lexicon: Lexicon | None = None) -> list[str]:
    """The Korean welfare terms a non-Korean query means (empty for a Korean query), in order, unique."""
    return list(dict.fromkeys(t for group in translations(query, lexicon) for t in sorted(group)))


CORPUS_DIR = Path(__file__).resolve().parents[2] / "data" / "corpus"
#: A word in more than this share of the programs' names says who, not what ("support", "children").
NAME_WORD_MAX_SHARE = 0.03


#: Words in the names of programs that do not say what kind of help ("help", "living").
_NAME_STOP = frozenset(
    {"help", "live", "living", "life", "need", "want", "money", "pay", "payment", "cost", "costs", "support",
     "service", "program", "programme", "center", "centre", "free", "more", "other", "general", "basic",
     # Vietnamese: "support", and the syllables of "for", "of", "and", "have", "not"
     "hỗ trợ", "ho tro", "có", "co", "cho", "của", "cua", "và", "va", "các", "cac", "không", "khong"}
)  # fmt: skip


def _name_units(text: str, language: str) -> set[str]:
    """Words (English), syllable pairs (Vietnamese, marks folded in "vi-folded") or character pairs (Chinese)."""
    if language == "zh":
        runs = re.findall(r"[\u4e00-\u9fff]+", text)
        return {run[i : i + 2] for run in runs for i in range(len(run) - 1)}
    if language.startswith("vi"):
        lowered = normalize(text) if language == "vi" else fold_latin(normalize(text))
        syllables = re.findall(r"[^\W\d_]+", lowered)
        return {
            f"{a} {b}"
            for a, b in itertools.pairwise(syllables)
            if a not in _NAME_STOP and b not in _NAME_STOP and f"{a} {b}" not in _NAME_STOP
        }
    return {w for w in _en_words(text) if len(w) >= 4 and w not in _NAME_STOP}


#: Where a program's name turns from what it gives to whom it is for ("Emergency safety service | for
#: seniors living alone", "Hỗ trợ chi phí điều trị | cho người …"). Chinese names put who first and are
#: left whole.
_FOR = {
    "en": re.compile(r"\s(?:for|of)\s", re.IGNORECASE),
    "vi": re.compile(r"\s(?:dành cho|cho|của)\s", re.IGNORECASE),
}


def _what(name: str, language: str) -> str:
    """The part of a program's name that says what it gives."""
    split = _FOR.get(language)
    return split.split(name, maxsplit=1)[0] if split else name


@lru_cache(maxsize=4)
def _help_names(language: str) -> frozenset[str]:
    """The distinctive units of the booklet programs' names in `language` (from `gists.<lang>.yaml`)."""
    counts: dict[str, int] = {}
    names = 0
    for path in CORPUS_DIR.rglob(f"gists.{language[:2]}.yaml"):
        programs = (cached_yaml(path) or {}).get("programs") or {}
        for entry in programs.values():
            names += 1
            for unit in _name_units(_what(str(entry.get("name") or ""), language[:2]), language):
                counts[unit] = counts.get(unit, 0) + 1
    return frozenset(u for u, n in counts.items() if n <= max(1, NAME_WORD_MAX_SHARE * names))


def names_a_kind_of_help(text: str) -> bool:
    """Whether a question in English, Chinese or Vietnamese names a kind of help the booklet has a program
    for ("hearing aids", "助听器", "máy trợ thính"), by the distinctive words of the programs' names in her
    language; who it is for ("children", "elderly") does not count."""
    if _HANGUL.search(text) and len(_HANGUL.findall(text)) * 2 >= len(re.findall(r"[^\W\d_]", text)):
        return False
    if _HAN.search(text):
        language = "zh"
    elif is_vietnamese(text):  # with marks, marked pairs meet; typed without, folded ones
        language = "vi" if fold_latin(text) != text else "vi-folded"
    else:
        language = "en"
    return bool(_name_units(text, language) & _help_names(language))
