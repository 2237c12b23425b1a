"""Reading a citizen's answers: which pending (or earlier) slot each clause of a message fills."""

from __future__ import annotations

import re
from typing import Any

from graphs.memory import merge_facts
from graphs.nlu import Understanding
from graphs.nlu.facts import extract_facts
from graphs.slots import (
    DECLINED,
    clauses_for,
    parse_answer,
    refuses,
    relevant_slots,
)
from graphs.state import AgentState

VOLUNTEERED = ("income", "assets", "disability", "housing")
"""Facts read from any clause that speaks about them, asked or not ("월 소득 30만원, 재산 없어요")."""
PROFILE_SLOTS = ("household", "age", "income")
_QUESTION = re.compile(r"\?\s*$|[까나]요\s*$|吗|không\s*$", re.IGNORECASE)


def read_answers(
    message: str, u: Understanding, state: AgentState, facts: dict[str, Any], declined: list[str]
) -> tuple[list[str], dict[str, Any], list[str], bool]:
    """Fill the slots the message answers: each from the clauses that speak about it.

    Candidates are the pending slots and, for corrections ("아니 월 50만원이에요"), the slots asked before.
    A bare answer ("없어요", "50만원") goes to the first pending slot only.
    """
    pending = list(state.get("pending") or [])
    candidates = pending + [s for s in (state.get("asked") or {}) if s not in pending]
    candidates += [s for s in VOLUNTEERED if s not in candidates]
    targets = relevant_slots(candidates, message) or pending[:1]
    answered: list[str] = []
    used_members = False
    asked = set(pending) | set(state.get("asked") or {})
    for slot in targets:
        part = clauses_for(slot, message)
        if slot not in asked and _QUESTION.search(part):
            continue  # a question mentioning income is not a statement of income
        patch = parse_answer(slot, part, extract_facts(part) if part != message else u.facts, facts)
        if patch == DECLINED:
            if slot in pending and slot not in declined:
                declined.append(slot)
        elif isinstance(patch, dict):
            facts = merge_facts(facts, patch)
            answered.append(slot)
            used_members = used_members or "members" in patch or "members_replace" in patch
    if not answered and pending and refuses(message):
        declined.extend(s for s in pending if s not in declined)
    return answered, facts, declined, used_members


def has_slot(state: AgentState, slot: str) -> bool:
    """Whether the conversation already holds the fact behind `slot`."""
    facts = state.get("facts") or {}
    if slot in (state.get("known") or []):
        return True
    if slot == "age":
        return any(m.get("relation") == "self" and m.get("age") is not None for m in facts.get("members", []))
    if slot == "income":
        income = facts.get("income") or {}
        return income.get("earned_krw") is not None and income.get("other_krw") is not None
    return False


def profile_complete(state: AgentState) -> bool:
    """Whether discovery has its short profile (each slot known, declined, or asked enough)."""
    declined = state.get("declined") or []
    asked = state.get("asked") or {}
    return all(has_slot(state, s) or s in declined or asked.get(s, 0) >= 2 for s in PROFILE_SLOTS)
