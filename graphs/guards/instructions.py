"""Recognising a reply that repeats the model's instructions, however it is disguised (issue 15).

`check_output` finds the system prompt's lines verbatim (case, width and spacing aside). A model talked into
showing its instructions can also translate them, paraphrase them, write them with a space between letters or
with look-alike letters from other scripts. `echoes_instructions` compares the reply with the instructions'
distinctive sentences in the four languages (`instructions.yaml`) on folded text:

- look-alike letters (Cyrillic and Greek letters shaped like Latin ones) become Latin, marks are removed,
  letter-spaced words ("y o u  a r e") are joined;
- a sentence is recognised by its pairs of Hangul or Han characters in a row (Korean, Chinese), its pairs of
  words in a row (Vietnamese) or its content words (English);
- the reply echoes a sentence when it holds 45% of that sentence's features (ordinary replies hold at most
  40%: measured on 303 answers in four languages), or 30% when the
  reply also speaks of instructions, prompts or rules ("my instructions say…", "지시문", "指令").
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

import yaml

from graphs.guards.normalize import normalize
from tools.vietnamese import fold_latin

__all__ = ["echoes_instructions", "features"]

_PATH = Path(__file__).with_name("instructions.yaml")
_SHARE = 0.45
_MIN_FEATURES = 15
"""A sentence with fewer features than this is recognised only within its whole entry: a short one
("Plain, short sentences.") would match ordinary replies."""
_SHARE_WITH_META = 0.3

# Cyrillic and Greek letters that look like Latin ones (the confusables a look-alike attack uses most).
_LOOKALIKES = str.maketrans(
    {
        "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c",
        "т": "t", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ɡ": "g", "ո": "n", "ս": "u",
        "α": "a", "β": "b", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u",
        "χ": "x", "ω": "w", "ℓ": "l",
    }
)  # fmt: skip
_SPACED = re.compile(r"(?<!\S)(?:[^\W\d_] ){3,}[^\W\d_](?!\S)")
_CJK = re.compile(r"[\uac00-\ud7a3\u4e00-\u9fff]+")
_STOP = frozenset(
    [
        "the",
        "and",
        "you",
        "your",
        "for",
        "that",
        "are",
        "not",
        "with",
        "from",
        "this",
        "one",
        "its",
        "any",
        "after",
        "what",
        "which",
        "who",
        "has",
        "have",
        "was",
        "were",
        "will",
        "can",
        "all",
        "but",
        "into",
        "out",
        "than",
        "then",
        "there",
        "their",
        "them",
        "they",
        "also",
        "only",
        "just",
        "own",
    ]
)
_META = re.compile(
    r"instruct|system prompt|\bprompt\b|my (?:rules|guidelines|orders)|i (?:was|am|have been) (?:told|instructed|asked) to"
    r"|지시(?:를|에|문|사항|받|대로)|프롬프트|규칙|지침|명령|설정된|초안|指令|指示|提示词|规则|系统提示|设定|草稿|huong dan|chi thi|quy tac|loi nhac|menh lenh|ban nhap|\bdraft\b",
    re.IGNORECASE,
)


def _fold(text: str) -> str:
    folded = fold_latin(normalize(text).casefold().translate(_LOOKALIKES))
    return _SPACED.sub(lambda m: m.group(0).replace(" ", ""), folded)


def _stem(word: str) -> str:
    """An English word without its commonest endings ("explains", "explained" → "explain")."""
    for ending in ("ing", "ed", "es", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def features(text: str, language: str | None = None) -> frozenset[str]:
    """What a sentence is recognised by, folded: pairs of Hangul or Han characters in a row (ko, zh), pairs
    of words in a row (vi, whose short syllables are common one by one), content words (en). Without a
    `language`, all of them (a reply is compared with the sentences of every language)."""
    folded = _fold(text)
    found: set[str] = set()
    if language in (None, "ko", "zh"):
        cjk = "".join(_CJK.findall(folded))  # spaces between characters do not hide a pair
        found |= {cjk[i : i + 2] for i in range(len(cjk) - 1)}
    words = re.findall(r"[a-z]+", folded)
    if language in (None, "vi"):
        found |= {f"{a} {b}" for a, b in pairwise(words)}
    if language in (None, "en"):
        found |= {_stem(w) for w in words if len(w) >= 3 and w not in _STOP}
    return frozenset(found)


@lru_cache(maxsize=1)
def _instructions() -> tuple[frozenset[str], ...]:
    entries = yaml.safe_load(_PATH.read_text(encoding="utf-8"))
    found = []
    for entry in entries:
        for language, text in entry.items():
            found.append(features(str(text), language))
            # a long sentence also on its own: a reply that repeats only it is caught too
            for sentence in re.split(r"(?<=[.;。；])\s*", str(text)):
                sentence_features = features(sentence, language)
                if len(sentence_features) >= _MIN_FEATURES:
                    found.append(sentence_features)
    return tuple(found)


def echoes_instructions(reply: str) -> bool:
    """True when `reply` repeats one of the instructions' distinctive sentences, in any of the four
    languages, verbatim, translated or paraphrased, spaced out or in look-alike letters."""
    found = features(reply)
    share = _SHARE_WITH_META if _META.search(_fold(reply)) else _SHARE
    return any(len(sentence & found) >= share * len(sentence) for sentence in _instructions() if sentence)
