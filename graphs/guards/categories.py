"""Why a message may be refused: one list, used by the screener, its learned model and the canned replies."""

from __future__ import annotations

from typing import Literal, get_args

Refusal = Literal[
    "injection",
    "jailbreak",
    "impersonation",
    "fraud",
    "other_person_data",
    "tool_spoofing",
    "garbage",
    "too_long",
]
"""Why a message is refused (each has a canned reply in prompts/guards.yaml)."""

RULES_ONLY: tuple[Refusal, ...] = ("garbage", "too_long")
"""Refusals only the screener's rules decide (the learned model never gives them)."""

MODEL_KINDS: tuple[Refusal, ...] = tuple(kind for kind in get_args(Refusal) if kind not in RULES_ONLY)
"""The refusal categories the learned attack model may give."""
