"""Korean-aware tokens for BM25: Kiwi morphemes, noun compounds, light English stemming, synonym expansion.

Kiwi itself is the process-wide instance of `tools.korean`.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from tools.korean import get_kiwi
from tools.vietnamese import UNMARKED_SYLLABLES, fold_latin
from tools.yamlio import safe_load

#: Bump when token output changes: it is part of the index content hash, so indexes are rebuilt.
TOKENIZER_VERSION = "kiwi-cong-nomulti-5-zh-vi"

# Content morphemes: nouns, numerals, roots, foreign words, numbers, verb and adjective stems, adverbs.
_NOUNS = frozenset({"NNG", "NNP", "NR", "XR", "SH"})
_KEEP = _NOUNS | frozenset({"SL", "SN", "VV", "VA", "MAG"})
# Tags that may glue onto a neighbouring noun to form a compound (기초+연금, 이용+권, 비+수급).
_COMPOUND = _NOUNS | frozenset({"XSN", "XPN"})

_KO_STOP = frozenset(
    {
        "하", "되", "있", "없", "같", "이", "그", "저", "것", "수", "등", "좀", "너무", "정말", "진짜", "그냥",
        "다", "더", "또", "잘", "안", "못", "꼭", "많이", "아직", "이미", "혹시", "어떻게", "왜", "얼마나",
        "알", "주", "보", "받", "싶", "가", "오", "나", "우리", "제", "때", "경우", "거", "뭐", "어디",
    }
)  # fmt: skip
_EN_STOP = frozenset(
    {
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "for", "from", "by",
        "with", "about", "as", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did",
        "have", "has", "had", "i", "me", "my", "we", "our", "you", "your", "he", "him", "his", "she", "her",
        "they", "them", "their", "it", "its", "this", "that", "these", "those", "there", "here", "what",
        "which", "who", "whom", "whose", "when", "where", "why", "how", "can", "could", "would", "should",
        "will", "shall", "may", "might", "must", "not", "no", "yes", "any", "some", "all", "just", "so",
        "than", "then", "too", "very", "up", "down", "out", "into", "over", "also", "only", "still", "get",
        "got",
    }
)  # fmt: skip
# Unmarked Vietnamese syllables ("tro cap nuoi con") are dropped: Kiwi reads them as foreign words and the English
# path turned them into junk matches ("co" -> co-payment). The corpus has no Vietnamese, so such a question finds
# nothing rather than something wrong.
_EN_IRREGULAR = {
    "children": "child", "women": "woman", "men": "man", "people": "person", "mothers": "mother",
    "lives": "live", "living": "live", "unemployed": "unemploy", "unemployment": "unemploy",
}  # fmt: skip


def normalize(text: str) -> str:
    """NFKC, lower case, collapsed whitespace."""
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())


def stem_en(word: str) -> str:
    """A deliberately light English stemmer (plurals, -ing, -ed) so that 'pensions' meets 'pension'."""
    w = word.lower().strip("'")
    if w in _EN_IRREGULAR:
        return _EN_IRREGULAR[w]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 5 and w.endswith("ing"):
        return w[:-3]
    if len(w) > 4 and w.endswith("ed") and not w.endswith("eed"):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def _compounds(forms: list[str]) -> list[str]:
    # Adjacent noun pieces written without a space become compounds (기초+연금 -> 기초연금); the pieces are
    # kept as tokens too, so a query for 연금 still meets 기초연금.
    out = [a + b for a, b in itertools.pairwise(forms)]
    if len(forms) >= 3:
        out.append("".join(forms))
    return out


def _tokens_from_kiwi(morphs: Iterable[Any]) -> list[str]:
    out: list[str] = []
    run: list[str] = []
    prev_end = -1
    for m in morphs:
        tag = m.tag
        if tag in _COMPOUND:
            if run and m.start == prev_end:
                run.append(m.form)
            else:
                if len(run) > 1:
                    out.extend(_compounds(run))
                run = [m.form]
        elif run:
            if len(run) > 1:
                out.extend(_compounds(run))
            run = []
        prev_end = m.start + m.len
        if tag not in _KEEP:
            continue
        if tag == "SL":
            word = m.form.lower()
            if word in _EN_STOP or word in UNMARKED_SYLLABLES or len(word) < 2:
                continue
            out.append(stem_en(word))
        elif m.form not in _KO_STOP:
            out.append(m.form)
    if len(run) > 1:
        out.extend(_compounds(run))
    return out


_HAN_RUN = re.compile(r"^[\u4e00-\u9fff]{3,}$")
_SYLLABLE = re.compile(r"[a-z]+")
_LATIN_RUN = re.compile(r"[a-z][a-z\s'-]*[a-z]")


def _other_scripts(text: str, tokens: list[str]) -> list[str]:
    """Chinese and Vietnamese, which Kiwi does not segment: a run of Chinese characters becomes its
    character bigrams (我妈妈有 -> 我妈 妈妈 妈有), and Latin text adds its word bigrams with the marks
    folded: Vietnamese words are mostly two syllables (trợ cấp, tro cap -> tro_cap), so a question typed
    without marks meets the marked text (for English the bigrams act as a light phrase match)."""
    out: list[str] = []
    for token in tokens:
        if _HAN_RUN.match(token):
            out.extend(token[i : i + 2] for i in range(len(token) - 1))
        else:
            out.append(token)
    for run in _LATIN_RUN.findall(fold_latin(text)):
        words = _SYLLABLE.findall(run)
        out.extend(f"{a}_{b}" for a, b in itertools.pairwise(words))
    return out


def tokenize(text: str) -> list[str]:
    """Index/query tokens of one text."""
    text = normalize(text)
    if not text:
        return []
    return _other_scripts(text, _tokens_from_kiwi(get_kiwi().tokenize(text)))


def tokenize_many(texts: Sequence[str]) -> list[list[str]]:
    """Tokens of many texts, using Kiwi's batch mode (about twice as fast as one at a time)."""
    normalized = [normalize(t) for t in texts]
    result = get_kiwi().tokenize(normalized)
    return [_other_scripts(t, _tokens_from_kiwi(m)) for t, m in zip(normalized, result, strict=True)]


# --------------------------------------------------------------------------------------------- synonyms

SYNONYMS_PATH = Path(__file__).with_name("synonyms.yaml")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


@dataclass(frozen=True)
class SynonymRule:
    """When any pattern occurs in a query, `add` is appended to it with `weight`.

    A pattern is a tuple of parts that must all occur (most patterns have one part)."""

    patterns: tuple[tuple[str, ...], ...]
    regexes: tuple[re.Pattern[str], ...]
    add: str
    weight: float


def _compile(pattern: str) -> tuple[str | None, re.Pattern[str] | None]:
    if pattern.startswith("re:"):
        return None, re.compile(pattern[3:])
    p = normalize(pattern)
    if _HANGUL.search(p):
        # Korean: substring match ignoring spaces (노인 수당 = 노인수당).
        return p.replace(" ", ""), None
    # English and numbers: match at a word start, so 'pension' also meets 'pensions'.
    return None, re.compile(r"(?<![a-z0-9])" + re.escape(p))


def load_synonyms(path: Path = SYNONYMS_PATH) -> tuple[SynonymRule, ...]:
    """Parse the synonym file: a list of `{match: [...], add: "...", weight: 0.7}` rules."""
    raw = safe_load(path.read_text(encoding="utf-8")) or {}
    rules: list[SynonymRule] = []
    for i, entry in enumerate(raw.get("rules", [])):
        if not isinstance(entry, dict) or "match" not in entry or "add" not in entry:
            raise ValueError(f"{path}: rule {i} needs 'match' and 'add'")
        subs: list[tuple[str, ...]] = []
        regexes: list[re.Pattern[str]] = []
        for pattern in entry["match"]:
            if isinstance(pattern, list):  # all of these parts (Korean substrings)
                subs.append(tuple(normalize(str(part)).replace(" ", "") for part in pattern))
                continue
            sub, rx = _compile(str(pattern))
            if sub:
                subs.append((sub,))
            if rx:
                regexes.append(rx)
        add = entry["add"]
        rules.append(
            SynonymRule(
                patterns=tuple(subs),
                regexes=tuple(regexes),
                add=" ".join(add) if isinstance(add, list) else str(add),
                weight=float(entry.get("weight", 0.7)),
            )
        )
    return tuple(rules)


@lru_cache(maxsize=1)
def default_synonyms() -> tuple[SynonymRule, ...]:
    """The bundled welfare synonym list (parsed once)."""
    return load_synonyms()


def expansions(query: str, rules: Sequence[SynonymRule] | None = None) -> Iterator[tuple[str, float]]:
    """The (text, weight) expansions that the synonym rules add to a query."""
    text = normalize(query)
    compact = text.replace(" ", "")
    for rule in default_synonyms() if rules is None else rules:
        if any(all(part in compact for part in parts) for parts in rule.patterns) or any(
            rx.search(text) for rx in rule.regexes
        ):
            yield rule.add, rule.weight


def query_terms(query: str, rules: Sequence[SynonymRule] | None = None) -> dict[str, float]:
    """Weighted query tokens: the query's own tokens weigh 1, synonym expansions their rule weight."""
    weights: dict[str, float] = {}
    for token in tokenize(query):
        weights[token] = 1.0
    extra = list(expansions(query, rules))
    if extra:
        for (_, weight), tokens in zip(extra, tokenize_many([e for e, _ in extra]), strict=True):
            for token in tokens:
                if weights.get(token, 0.0) < weight:
                    weights[token] = weight
    return weights
