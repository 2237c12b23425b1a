"""Blind sets: scripted residents written by someone who never saw the agent's code.

One JSON object a line:

    {"id": "...", "language": "ko", "programs": ["basic_pension"] (or [] for discovery),
     "household": {contract household: the whole truth the resident tells; refused facts are absent},
     "turns": ["opening message", "maybe a second message sent regardless"],
     "answers": {"slot": "the resident's reply when asked this slot", ...}, "note": "..."}

The turns are sent in order whatever the agent asks; then each question is answered from `answers` (each
answer at most twice), or with a plain "I don't know" in the language.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eval.dialogue.phrases import PLAIN_DONT_KNOW
from graphs.state import ChatTurn
from tools.eligibility.household import parse_household

LANGUAGES = ("ko", "en", "zh", "vi")
MAX_USES = 2


class BlindFormatError(ValueError):
    """A blind line is malformed; the message names the line and the field."""


@dataclass(frozen=True)
class BlindItem:
    """One scripted resident."""

    id: str
    language: str
    programs: tuple[str, ...]
    household: dict[str, Any]
    turns: tuple[str, ...]
    answers: dict[str, str]
    note: str = ""


def parse_item(raw: Any, line: int) -> BlindItem:
    """Validate one line's object."""
    where = f"line {line}"
    if not isinstance(raw, dict):
        raise BlindFormatError(f"{where}: must be a JSON object")
    unknown = sorted(set(raw) - {"id", "language", "programs", "household", "turns", "answers", "note"})
    if unknown:
        raise BlindFormatError(f"{where}: unknown keys {unknown}")
    language = raw.get("language")
    if language not in LANGUAGES:
        raise BlindFormatError(f"{where}: language must be one of {LANGUAGES} (got {language!r})")
    turns = raw.get("turns")
    if not isinstance(turns, list) or not turns or not all(isinstance(t, str) and t.strip() for t in turns):
        raise BlindFormatError(f"{where}: turns must be a non-empty list of messages")
    programs = raw.get("programs", [])
    if not isinstance(programs, list) or not all(isinstance(p, str) for p in programs):
        raise BlindFormatError(f"{where}: programs must be a list of program ids")
    answers = raw.get("answers", {})
    if not isinstance(answers, dict) or not all(isinstance(v, str) for v in answers.values()):
        raise BlindFormatError(f"{where}: answers must map slots to reply texts")
    household = raw.get("household")
    try:
        parse_household(household)
    except ValueError as exc:
        raise BlindFormatError(f"{where}: household: {exc}") from None
    assert isinstance(household, dict)
    return BlindItem(
        id=str(raw.get("id") or f"line-{line}"),
        language=str(language),
        programs=tuple(programs),
        household=household,
        turns=tuple(turns),
        answers={str(k): str(v) for k, v in answers.items()},
        note=str(raw.get("note") or ""),
    )


def load_blind(path: Path) -> list[BlindItem]:
    """Every item of a blind file (blank lines skipped)."""
    items = []
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not text.strip():
            continue
        try:
            raw = json.loads(text)
        except json.JSONDecodeError as exc:
            raise BlindFormatError(f"line {number}: not JSON ({exc})") from None
        items.append(parse_item(raw, number))
    return items


@dataclass
class ScriptedResident:
    """Plays a blind item: its turns first, then its answers."""

    item: BlindItem
    locale: str | None = None
    unanswerable: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    _queue: list[str] = field(default_factory=list)
    _uses: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        self._queue = list(self.item.turns[1:])

    @property
    def language(self) -> str:
        """The item's language."""
        return self.item.language

    def first_message(self) -> str:
        """The first scripted turn."""
        return self.item.turns[0]

    def reply(self, turn: ChatTurn) -> str | None:
        """The next scripted turn, else the scripted answer to the question, else nothing."""
        if self._queue:
            return self._queue.pop(0)
        if turn.follow_up is None:
            return None
        slot = turn.follow_up.slot
        if slot in self.item.answers and self._uses[slot] < MAX_USES:
            self._uses[slot] += 1
            return self.item.answers[slot]
        if slot not in self.item.answers:
            self.unanswerable.append(slot)
        else:
            self.events.append(f"answer for {slot} used up")
        return PLAIN_DONT_KNOW[self.language]
