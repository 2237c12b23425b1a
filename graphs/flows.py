"""The replies of the eligibility, discovery and information flows, with the next question to ask."""

from __future__ import annotations

from typing import Any

from graphs import responder
from graphs.answers import PROFILE_SLOTS, has_slot
from graphs.slots import (
    next_slots,
    question,
    undecidable_label,
)
from graphs.state import AgentState

TRAIT_FACTS = {
    "disability",
    "single_parent",
    "crisis",
    "child_age",
    "months_old",
    "school",
    "birth_date",
    "gyeonggi_residence_years",
    "months_resident",
    "employed",
    "region",
}
"""Circumstances a citizen mentions when they apply to her; discovery does not ask about each of them."""
CHILD_CRITERIA = {"child_age", "newborn", "child", "student"}
"""Criteria about children, which fail on a household whose composition the citizen has not told yet."""
INCOME_CRITERIA = {
    "income_recognition",
    "income",
    "household_income",
    "youth_household_income",
    "low_income_status",
}
DISCOVERY_SHOWN = 6


def eligibility_turn(state: AgentState, language: str, *, discovery: bool) -> dict[str, Any]:
    """The reply of an eligibility check or a discovery: statuses first, then the next one or two questions."""
    catalogue = {p["id"]: p for p in state.get("catalogue") or []}
    known = list(state.get("known") or [])
    declined = list(state.get("declined") or [])
    asked = dict(state.get("asked") or {})
    results = list(state.get("results") or [])
    if discovery and not results:
        profile = [s for s in PROFILE_SLOTS if not has_slot(state, s)]
        return ask(language, next_slots(profile, known=known, declined=declined, asked=asked), asked)
    if not {"household", "child_age"} & set(known):
        results = [reopen_children(r) for r in results]
    shown = results
    if discovery:
        # "Likely to fit": eligible, or undecided on a fact the profile asks about — not programs that
        # hinge only on a circumstance the citizen has not mentioned (a disability, a child, a crisis).
        fitting = [
            r
            for r in results
            if r["status"] == "eligible"
            or (r["status"] == "unknown" and not set(r["missing"]) <= TRAIT_FACTS)
        ]
        shown = sorted(fitting, key=lambda r: r["status"] != "eligible")[:DISCOVERY_SHOWN]
    missing: list[str] = []
    for result in shown:
        if result["status"] == "unknown":
            missing.extend(m for m in result["missing"] if m not in missing)
    if "household" not in known and any(
        r["status"] != "ineligible" and any(c["name"] in INCOME_CRITERIA for c in r["criteria"])
        for r in shown
    ):
        missing.insert(0, "household")
    slots = next_slots(missing, known=known, declined=declined, asked=asked)
    for slot in slots:
        asked[slot] = asked.get(slot, 0) + 1
    text_question = " ".join(question(s, language) for s in slots) or None
    undecidable = [label for m in missing if m not in slots and (label := undecidable_label(m, language))]
    intro = None
    if discovery:
        intro = responder.render("discovery_intro" if shown else "discovery_none", language)
        if not slots:
            text_question = None
            extra = responder.render("discovery_more", language)
    reply = (
        responder.eligibility_reply(
            shown,
            catalogue,
            language,
            question=text_question,
            declined=[d for d in declined if d in missing],
            undecidable=undecidable,
            intro=intro,
            facts_line=responder.facts_summary(state.get("facts") or {}, known, language),
        )
        if shown or not discovery
        else "\n".join([intro or "", text_question or responder.render("final_note", language)])
    )
    if discovery and not slots:
        reply = f"{reply}\n{extra}"
    update: dict[str, Any] = {
        "reply": reply,
        "pending": slots,
        "asked": asked,
        "results": shown if discovery else results,
        "citations": [c.model_dump() for c in responder.citations(shown, [], catalogue, language)],
    }
    if slots:
        update["follow_up"] = {"slot": slots[0], "question": text_question}
    return update


def ask(language: str, slots: list[str], asked: dict[str, int]) -> dict[str, Any]:
    """Ask for `slots` (counting each ask)."""
    for slot in slots:
        asked[slot] = asked.get(slot, 0) + 1
    text = " ".join(question(s, language) for s in slots)
    reply = text or responder.render("which_program", language)
    update: dict[str, Any] = {"reply": reply, "pending": slots, "asked": asked}
    if slots:
        update["follow_up"] = {"slot": slots[0], "question": text}
    return update


def info_turn(state: AgentState, language: str, *, application: bool) -> dict[str, Any]:
    """What a program is, or where and how to apply, from the catalogue and the passages found."""
    catalogue = list(state.get("catalogue") or [])
    hits = list(state.get("hits") or [])
    if not catalogue and not hits and not state.get("programs"):
        return {"reply": responder.render("which_program", language)}
    reply = responder.info_reply(catalogue, hits, language, application=application)
    by_id = {p["id"]: p for p in catalogue}
    return {
        "reply": reply,
        "citations": [c.model_dump() for c in responder.citations([], hits, by_id, language)],
    }


def reopen_children(result: dict[str, Any]) -> dict[str, Any]:
    """Before the citizen has said who lives with her, "no child in the household" is not known: undecided."""
    failed = [c for c in result["criteria"] if c["passed"] is False]
    if result["status"] != "ineligible" or not failed or any(c["name"] not in CHILD_CRITERIA for c in failed):
        return result
    criteria = [
        {**c, "passed": None} if c["name"] in CHILD_CRITERIA and c["passed"] is False else c
        for c in result["criteria"]
    ]
    return {**result, "status": "unknown", "criteria": criteria, "missing": [*result["missing"], "child_age"]}
