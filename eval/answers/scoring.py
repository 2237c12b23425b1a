"""Scoring one reply to an open question against what a correct answer must contain and must not do."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from graphs.state import ChatTurn

FAILURE_KINDS = ("intake_only", "greeting", "bare_refusal", "crisis_template")
PROFILE_SLOTS = frozenset({"household", "age", "income", "assets"})
_REFERRAL = re.compile(
    r"\d{2,4}-\d{3,4}(?:-\d{4})?|\b1[0-9]{2,3}\b|행정복지센터|복지로|정부24|centre|center|中心|trung tâm",
    re.I,
)


@dataclass(frozen=True)
class Question:
    """One evaluation question (`eval/answers/*.jsonl`)."""

    id: str
    language: str
    kind: str
    question: str
    must_contain_any: list[list[str]]
    must_not: list[str]
    persona: str = ""
    note: str = ""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Question:
        """A question from its JSON line; an unknown failure kind in `must_not` is an error, not ignored."""
        unknown = set(data.get("must_not", [])) - set(FAILURE_KINDS)
        if unknown:
            raise ValueError(f"{data.get('id')}: unknown must_not kinds {sorted(unknown)}")
        return cls(
            id=str(data["id"]),
            language=str(data["language"]),
            kind=str(data["kind"]),
            question=str(data["question"]),
            must_contain_any=[list(map(str, group)) for group in data["must_contain_any"]],
            must_not=[str(k) for k in data.get("must_not", [])],
            persona=str(data.get("persona", "")),
            note=str(data.get("note", "")),
        )


@dataclass
class Scored:
    """How one reply did."""

    question: Question
    reply: str
    intent: str
    missing_groups: list[list[str]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    cited: bool = False

    @property
    def ok(self) -> bool:
        """Every required group is present and no forbidden failure happened."""
        return not self.missing_groups and not self.failures


def failure_kinds(turn: ChatTurn) -> list[str]:
    """Which failure kinds a reply shows (whatever the question forbids)."""
    kinds: list[str] = []
    asks_profile = turn.follow_up is not None and turn.follow_up.slot in PROFILE_SLOTS and not turn.citations
    if asks_profile and all(r.get("status") == "unknown" for r in turn.eligibility):
        kinds.append("intake_only")
    if turn.intent == "smalltalk":
        kinds.append("greeting")
    if turn.intent == "out_of_scope" and not _REFERRAL.search(turn.reply):
        kinds.append("bare_refusal")
    if turn.intent == "crisis":  # the crisis reply alone; fitting lines followed by the answer are not
        kinds.append("crisis_template")
    return kinds


def score(question: Question, turn: ChatTurn) -> Scored:
    """The score of `turn` as the answer to `question`."""
    text = turn.reply.lower()
    missing = [g for g in question.must_contain_any if not any(s.lower() in text for s in g)]
    failures = [k for k in failure_kinds(turn) if k in question.must_not]
    return Scored(question, turn.reply, turn.intent, missing, failures, cited=bool(turn.citations))
