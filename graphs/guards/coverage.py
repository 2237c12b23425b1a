"""What a model's reply must say: the output check's positive half (issue 15).

`check_grounding` and `check_claims` reject a reply for what it says that it may not. This module rejects a
reply for what it leaves out or garbles, measured against the deterministic reply of the same turn:

- it is in the resident's language (`detect_language`, which ignores a Korean program name in brackets);
- it is long enough to answer anything, does not repeat her message back, and reads as sentences: no stray
  chat-template tokens or role labels (or labels of its own making, "CITIZER:"), no sentence said over again,
  no word looping, mostly letters rather than symbols;
- an answer from the documents gives the answer the deterministic reply opens with (a fifth of what its
  opening lines are recognised by: character pairs, word pairs or content words, as `instructions` reads);
- a Korean term in brackets follows an English phrase that is its name in the sources ("Basic Pension
  (기초연금)"), not another's;
- each program the deterministic reply speaks of is named, and the sentence naming it (or the next one, when
  that names no other program) says the engine's status in words: likely / not likely / not decided yet;
  a sentence naming one program never states the opposite verdict;
- the amount of each program she likely gets, and each deadline the deterministic reply names, is there;
- when a question is open, the reply asks it (a question sentence with a word of that fact).

Everything is matched on folded text (case, width, look-alike letters, Vietnamese marks), so the phrasing is
free and the content is not. `check_coverage` returns what is missing; empty means the reply may be shown.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from graphs.grounding import extract_figures
from graphs.guards.claims import folded
from graphs.guards.instructions import features
from graphs.nlu.language import Language, detect_language
from graphs.nlu.programs import find_mentions

__all__ = ["MustSay", "check_coverage", "must_say", "reads_as_sentences", "sentence_problems"]

_WORDS_PATH = Path(__file__).with_name("question_words.yaml")

# Status words, on folded text. "Unknown" is matched first and masked, so that "판단하기 어려워요" (can't tell
# yet) is not read as "어려워요" (not likely).
_UNKNOWN = re.compile(
    r"아직|판단(?:할|하기|이)\s?(?:수\s?없|어렵|어려)|알\s?수\s?없|확인이\s?필요|정보가\s?(?:더\s?)?필요|더\s?알려|알려\s?주시면"
    r"|(?:can ?not|can't|unable to|not able to) (?:yet )?(?:tell|say|decide|determine|judge)|not (?:yet )?(?:sure|known|clear|decided)"
    r"|need (?:to know|more)|depends on|not yet|more information|once (?:you|i) know"
    r"|还(?:不能|无法|不确定)|暂时(?:无法|不能)|尚(?:不能|无法)|无法判断|需要(?:更多|知道|了解|您)|还需要|取决于|还不知道"
    r"|chua (?:the|biet|xac dinh|ro)|can (?:them|biet)|tuy thuoc",
    re.IGNORECASE,
)
_ELIGIBLE = re.compile(
    r"가능성이\s?(?:높|크|커|있)|받으실\s?수\s?있|받을\s?수\s?있|대상(?:이에요|입니다|이\s?되|으로\s?보|이\s?될)|해당(?:돼|됩니다|될|되실)|자격이\s?(?:있|되)"
    # a negation just before turns each English, Chinese and Vietnamese form round ("unlikely", "不符合")
    r"|(?<!un)(?<!not )\blikely|(?<!in)(?<!not )\beligible|(?<!not )(?<!n't )qualif(?:y|ies)|\bcan (?:get|receive)|good chance"
    r"|很可能|(?<!不)可能(?:符合|可以|能)|(?<!不)可以(?:领|申请|获得|享受)|(?<![不])能(?:领|获得|享受)|(?<!不)符合(?:条件|资格)|(?<!没)有资格"
    r"|co the (?:duoc )?nhan|kha nang (?:cao|lon)|(?<!khong )du dieu kien|(?<!khong )(?<!kho )duoc nhan",
    re.IGNORECASE,
)
_INELIGIBLE = re.compile(
    r"어려(?:워|울|운|우|웁)|받기\s?어렵|받으실\s?수\s?없|받을\s?수\s?없|대상이\s?아니|해당(?:되지|하지)\s?않|자격이\s?없|힘들"
    r"|not (?:be )?eligible|ineligible|unlikely|not likely|(?:cannot|can't|can not|won't|will not) (?:get|receive|qualify)"
    r"|do(?:es)? not (?:qualify|meet)|not (?:qualify|meet)"
    r"|不符合|不能(?:领|获得|享受)|无法(?:领|获得|享受)|没有资格|难以|不太可能"
    r"|khong du|khong (?:duoc|the) nhan|kho (?:duoc|nhan|co the)",
    re.IGNORECASE,
)
_OPPOSITE = {"eligible": _INELIGIBLE, "ineligible": _ELIGIBLE}
_SAYS = {"eligible": _ELIGIBLE, "ineligible": _INELIGIBLE, "unknown": _UNKNOWN}

_SENTENCE = re.compile(r"(?<=[.!?。！？])\s*|\n+")
_QUESTION = re.compile(
    r"[?？]|알려\s?주|말씀해\s?주|tell me|let me know|could you (?:say|share)|请(?:告诉|说)|cho (?:toi )?biet",
    re.IGNORECASE,
)
# Chat-template tokens and role labels a small model leaks ("<|im_end|>", "assistant:", "[INST]").
_TEMPLATE_TOKENS = re.compile(
    r"<\|[^|>]{1,24}\|>|</?s>|\[/?INST\]|<<SYS>>|^\s*(?:assistant|user|system|human|ai)\s*:",
    re.IGNORECASE | re.MULTILINE,
)
# A label of the model's own making at the start of a line ("CITIZER:", "PANCER:"), as a small model writes.
_LABEL_LINE = re.compile(r"^\s*[A-Z]{4,}(?: [A-Z]{2,})*\s*:", re.MULTILINE)
# An English phrase with a Korean term in brackets: "Basic Pension (기초연금)".
_GLOSS = re.compile(r"((?:[A-Za-z'’-]+ ){0,4}[A-Za-z'’-]+)\s*\(([가-힣][가-힣·\s]{1,30})\)")
_DEADLINE_NEAR = re.compile(
    r"까지|마감|기한|이내|until|by|before|deadline|截止|之前|以前|前|hạn|trước", re.IGNORECASE
)
_LETTER = re.compile(r"[^\W\d_]")
_GIST_FEATURES = 12
_GIST_SHARE = 0.2
"""Measured on the real small model: its garbled answers held at most 9% of the opening's features, fair
paraphrases 30% and more."""
_MIN_LETTERS = {"ko": 20, "zh": 20, "en": 40, "vi": 40}
"""A reply with fewer letters than this (or than a third of the deterministic one) answers nothing: about
one short sentence ("주소지 행정복지센터에서 신청할 수 있어요." has 21)."""


@dataclass(frozen=True)
class MustSay:
    """What a model's reply must carry to stand in for the deterministic reply."""

    language: Language
    statuses: Mapping[str, str]
    """program id → the engine's status, for each program the deterministic reply speaks of."""
    amounts: frozenset[int]
    """The amounts of the programs she likely gets."""
    deadlines: frozenset[str]
    """Normalised dates the deterministic reply gives as deadlines."""
    question_slot: str | None
    """The fact the deterministic reply asks for, when a question is open."""
    min_letters: int = 0
    """Fewer letters than this is no answer ("안내해 드릴게요." alone)."""
    message: str = ""
    """Her message: a reply that repeats it back is echoing, not answering (a real small model did)."""
    gist: frozenset[str] = frozenset()
    """For an answer from the documents: what the deterministic reply's opening lines are recognised by
    (`instructions.features`); a fifth of it must be in the reply, or the reply does not give the answer."""
    glosses: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """Korean term → the content words of the English phrases the sources put before it in brackets
    ("administrative welfare centre (행정복지센터)"): a reply may gloss a Korean term only so."""


_LANGUAGES: dict[str, Language] = {"ko": "ko", "en": "en", "zh": "zh", "vi": "vi"}


def _language(code: str) -> Language:
    return _LANGUAGES.get(code, "ko")


@lru_cache(maxsize=1)
def _question_words() -> dict[str, dict[str, tuple[str, ...]]]:
    table = yaml.safe_load(_WORDS_PATH.read_text(encoding="utf-8"))
    return {
        slot: {lang: tuple(folded(str(w)) for w in words) for lang, words in by_language.items()}
        for slot, by_language in table.items()
    }


def _deadlines(text: str) -> set[str]:
    found = set()
    for figure in extract_figures(text):
        if figure.kind == "date" and "?-" not in figure.value[1:] and not figure.value.endswith("-?-?"):
            after = text[figure.start + len(figure.raw) : figure.start + len(figure.raw) + 8]
            if _DEADLINE_NEAR.search(after):
                found.add(figure.value)
    return found


def must_say(
    deterministic_reply: str,
    results: Iterable[Mapping[str, Any]],
    *,
    language: str,
    question_slot: str | None,
    shown: str | None = None,
    message: str = "",
    its_answer: bool = True,
) -> MustSay:
    """What the model's reply must say, read off the deterministic reply and this turn's results.

    `shown`: the text the model was given (tool results and passages); a deadline it was not shown (the
    deterministic reply may quote more of a passage than the prompt holds) is not required.
    `its_answer`: False when the model looked things up with tools of its own, so that its answer may rest on
    what it found rather than on the deterministic reply's opening.
    """
    spoken = {pid for m in find_mentions(deterministic_reply) for pid in m.program_ids}
    statuses: dict[str, str] = {}
    amounts: set[int] = set()
    for result in results:
        pid = str(result.get("program_id"))
        if pid not in spoken or result.get("status") not in _SAYS:
            continue
        statuses[pid] = str(result["status"])
        amount = result.get("amount_krw")
        if result["status"] == "eligible" and isinstance(amount, int) and amount > 0:
            amounts.add(amount)
    glosses: dict[str, set[str]] = {}
    for english, korean in _GLOSS.findall(deterministic_reply + "\n" + (shown or "")):
        glosses.setdefault(korean.strip(), set()).update(_content_words(english))
    deadlines = _deadlines(deterministic_reply)
    if shown is not None:
        deadlines &= {f.value for f in extract_figures(shown) if f.kind == "date"}
    return MustSay(
        language=_language(language),
        statuses=statuses,
        amounts=frozenset(amounts),
        deadlines=frozenset(deadlines),
        question_slot=question_slot,
        message=message,
        glosses={k: frozenset(v) for k, v in glosses.items()},
        gist=frozenset() if statuses or not its_answer else _gist(deterministic_reply, language),
        # a verdict is short and says enough; an answer from the documents must say something
        min_letters=0
        if statuses
        else min(_MIN_LETTERS.get(language, 40), len(_LETTER.findall(deterministic_reply)) // 3),
    )


def _gist(reply: str, language: str) -> frozenset[str]:
    """The features of the reply's opening lines, enough of them to recognise its answer."""
    found: frozenset[str] = frozenset()
    for line in reply.strip().splitlines()[:3]:
        found |= features(line, language)
        if len(found) >= _GIST_FEATURES:
            break
    return found


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text) if s and s.strip()]


def reads_as_sentences(text: str) -> list[str]:
    """Why `text` does not read as a reply a person wrote (empty when it does): template tokens, a sentence
    said twice, a word looping, or more symbols than letters."""
    problems: list[str] = []
    if _TEMPLATE_TOKENS.search(text) or _LABEL_LINE.search(text):
        problems.append("holds chat-template tokens or role labels")
    sentences = Counter(re.sub(r"\W+", "", s.casefold()) for s in _sentences(text))
    # a short closing said twice ("없으면 '없어요'라고 해 주세요.") is how two questions end; more is a loop
    if any((n >= 3 and len(s) >= 6) or (n >= 2 and len(s) >= 40) for s, n in sentences.items()):
        problems.append("says a sentence over again")
    words = text.split()
    if any(words[i] == words[i + 1] == words[i + 2] for i in range(len(words) - 2)):
        problems.append("loops on a word")
    trigrams = [tuple(words[i : i + 3]) for i in range(len(words) - 2)]
    if len(trigrams) >= 20 and len(set(trigrams)) < 0.6 * len(trigrams):
        problems.append("repeats itself")
    visible = re.sub(r"\s", "", text)
    if visible and len(re.findall(r"[^\w]", visible)) > 0.5 * len(visible):
        problems.append("is more symbols than words")
    if "\ufffd" in text:
        problems.append("holds broken characters")
    if len(_LETTER_SPACED.findall(text)) >= 2:
        problems.append("spells words out letter by letter")
    return problems


def _named(sentence: str) -> set[str]:
    return {pid for m in find_mentions(sentence) for pid in m.program_ids}


def _opposite(sentence: str, status: str) -> bool:
    """The sentence states the verdict opposite to `status` (likely ↔ not likely), and not the engine's own
    beside it ("6살 아이는 받을 수 있고, 11살 아이는 받기 어려워요" speaks of two children)."""
    opposite = _OPPOSITE.get(status)
    read = _UNKNOWN.sub(" ", folded(sentence))
    return opposite is not None and bool(opposite.search(read)) and not _SAYS[status].search(read)


def sentence_problems(
    sentence: str, language: str, statuses: Mapping[str, str], previous: str = "", message: str = ""
) -> list[str]:
    """Why one sentence may not be streamed before the reply is whole: a chat-template token, another
    language than the resident's (when it has words enough to tell), a loop, her `message` repeated back, or
    a verdict opposite to the engine's for the one program it names (or, naming none, the one the
    `previous` sentence named)."""
    problems = []
    if _TEMPLATE_TOKENS.search(sentence) or _LABEL_LINE.search(sentence):
        problems.append("holds chat-template tokens or role labels")
    lang = _language(language)
    if (len(_LETTER.findall(sentence)) >= 8 and not _in_language(sentence, lang)) or _mixed(sentence, lang):
        problems.append(f"is not in the resident's language ({language})")
    loops = [
        p
        for p in reads_as_sentences(sentence)
        if p in ("loops on a word", "repeats itself", "spells words out letter by letter")
    ]
    problems += loops
    if _echoes(sentence, message, lang):
        problems.append("repeats her message back")
    # naming none, the program the sentence before named, or the only one of the turn ("Yes, you're eligible!")
    named = (
        _named(sentence)
        or (_named(previous) if previous else set())
        or (set(statuses) if len(statuses) == 1 else set())
    )
    if len(named) == 1:
        (pid,) = named
        if pid in statuses and _opposite(sentence, statuses[pid]):
            problems.append(f"states the opposite of the engine for {pid}")
    return problems


def _status_problems(sentences: list[str], statuses: Mapping[str, str]) -> list[str]:
    mentioned = [_named(s) for s in sentences]
    read = [folded(s) for s in sentences]
    problems: list[str] = []
    for pid, status in statuses.items():
        windows: list[str] = []
        for i, ids in enumerate(mentioned):
            if pid not in ids:
                continue
            window = read[i]
            if i + 1 < len(read) and not mentioned[i + 1]:
                window += " " + read[i + 1]  # "기초연금 안내예요. 받으실 가능성이 높아요."
            windows.append(window)
            if ids == {pid} and _opposite(sentences[i], status):
                problems.append(f"states the opposite of the engine for {pid}")
        if not windows:
            problems.append(f"does not name {pid}")
            continue
        says = _SAYS[status]
        if not any(says.search(w if status == "unknown" else _UNKNOWN.sub(" ", w)) for w in windows):
            problems.append(f"does not say the engine's status for {pid} ({status})")
    return problems


def _asks(sentences: list[str], slot: str, language: str) -> bool:
    """A question sentence asks for `slot` (one of several the reply may ask, as the deterministic one does)."""
    questions = [q for q in map(folded, sentences) if _QUESTION.search(q)]
    if not questions:
        return False
    words = _question_words().get(slot, {}).get(language)
    return not words or any(w in q for q in questions for w in words)


def _content_words(text: str) -> set[str]:
    words = re.findall(r"[a-z]{4,}", text.casefold().replace("centre", "center"))
    return {w for w in words if w not in ("your", "the", "and", "with")}


def _mislabels(text: str, must: MustSay) -> list[str]:
    """Korean terms the reply puts after an English phrase that is not theirs: "National Pension Service
    branch (보건복지상담)" (a real small model did). A program's name and its Korean name agree by the
    alias table; other terms by a content word shared with a gloss the sources give."""
    problems = []
    for english, korean in _GLOSS.findall(text):
        korean = korean.strip()
        programs = _named(korean)
        if programs and programs & _named(english):
            continue
        if _content_words(english) & must.glosses.get(korean, frozenset()):
            continue
        problems.append(f"labels {english.strip()!r} as {korean}")
    return problems


# A word written with a space between its letters ("a s s i s t a n t"): no reply needs it; an evasion does.
_LETTER_SPACED = re.compile(r"(?<!\S)(?:[^\W\d_] ){4,}[^\W\d_](?!\S)")
_BRACKETED = re.compile(r"\([^()]*\)|（[^（）]*）|\[[^\]]*\]")
_LATIN_RUN = re.compile(r"(?:[A-Za-z][A-Za-z'’-]*[\s,]+){4,}[A-Za-z][A-Za-z'’-]*")
_CJK_RUN = re.compile(r"(?:[가-힣\u4e00-\u9fff][\s·]*){15,}")


_HANGUL_WORD = re.compile(r"[가-힣][가-힣·]*")


_ECHO_SHARE = 0.8
"""A sentence holding this much of her message repeats it (the blind replies' echoes: 0.93 and 1.0; good
replies that restate her facts: at most 0.71)."""


def _echoes(sentence: str, message: str, language: str) -> bool:
    """The sentence is her message said back (word for word, or with 我 turned into 您)."""
    asked = features(message, language)
    return len(asked) >= 6 and len(asked & features(sentence, language)) >= _ECHO_SHARE * len(asked)


def _in_language(text: str, language: Language) -> bool:
    """`text` reads as `language`: Korean names of programs and offices inside an English, Chinese or
    Vietnamese sentence ("đăng ký 기초연금 tại 행정복지센터") do not make it Korean; a long Korean stretch does
    (`_mixed`)."""
    if language != "ko":
        stripped = _HANGUL_WORD.sub(" ", text)
        if len(_LETTER.findall(stripped)) * 2 >= len(_LETTER.findall(text)):  # names among her words
            text = stripped
    return detect_language(text, default=language) == language and not _mixed(text, language)


def _mixed(text: str, language: str) -> bool:
    """A stretch in another script than the resident's, outside brackets: five English words in a row in a
    Korean or Chinese reply, fifteen Hangul or Han characters in a row in an English or Vietnamese one (a
    program's Korean name is shorter)."""
    bare = _BRACKETED.sub(" ", text)
    run = _LATIN_RUN if language in ("ko", "zh") else _CJK_RUN
    return bool(run.search(bare))


def check_coverage(text: str, must: MustSay) -> list[str]:
    """What `text` leaves out of what it must say (see the module doc); empty when it may be shown."""
    problems = reads_as_sentences(text)
    if len(_LETTER.findall(text)) < must.min_letters:
        problems.append("is too short to answer")
    if any(_echoes(sentence, must.message, must.language) for sentence in _sentences(text)):
        problems.append("repeats her message back")
    if not _in_language(text, must.language):
        problems.append(f"is not in the resident's language ({must.language})")
    sentences = _sentences(text)
    if must.language == "en":
        problems += _mislabels(text, must)
    if must.gist and len(features(text, must.language) & must.gist) < _GIST_SHARE * len(must.gist):
        problems.append("does not give the answer the documents give")
    problems += _status_problems(sentences, must.statuses)
    figures = extract_figures(text)
    amounts = {int(f.value) for f in figures if f.kind == "amount"}
    problems += [f"leaves out the amount {a:,}" for a in sorted(must.amounts - amounts)]
    dates = {f.value for f in figures if f.kind == "date"}
    problems += [f"leaves out the deadline {d}" for d in sorted(must.deadlines - dates)]
    if must.question_slot and not _asks(sentences, must.question_slot, must.language):
        problems.append(f"does not ask for {must.question_slot}")
    return problems
