"""The dialogue ledger: for every fact slot of the conversation, how it stands and since which turn.

The values themselves live in the household dict (`facts`); the ledger says where each came from:
`said` (volunteered), `answered` (in reply to the agent's question), `corrected` (replaced an earlier value),
`refused` (she prefers not to say, or does not know), `assumed` (the common value, named in the reply), and how
often the agent has asked for it. It is plain JSON, so the checkpointer stores it as it is.
"""

from __future__ import annotations

from typing import Any, Literal

Status = Literal["said", "answered", "corrected", "refused", "assumed"]
Ledger = dict[str, dict[str, Any]]
SETTLED: frozenset[str] = frozenset({"said", "answered", "corrected", "assumed"})


def slots_of(patch: dict[str, Any]) -> list[str]:
    """The slots a facts patch fills (`members` with ages fills household, age and child_age).

    Whether the members are the whole household is for the reading to say ("우리 애 11살" names a child, it
    does not say who lives together), so `household` is never among them."""
    slots: list[str] = []
    members = patch.get("members") or patch.get("members_replace") or []
    others = [m for m in members if m.get("relation") != "self"]
    me: dict[str, Any] = next((m for m in members if m.get("relation") == "self"), {})
    if me.get("age") is not None:
        slots.append("age")
    young = [m for m in others if m.get("relation") in ("child", "grandchild")]
    if any(m.get("age") is not None or m.get("months_old") is not None for m in young):
        slots.append("child_age")
    if any(m.get("months_old") is not None for m in others):
        slots.append("months_old")
    if any(m.get("birth_date") for m in others):
        slots.append("birth_date")
    if any(m.get("school") for m in others):
        slots.append("school")
    for key, slot in (("disability", "disability"), ("employed", "employed")):
        if any(m.get(key) is not None for m in members):
            slots.append(slot)
    if me.get("nationality") is not None:
        slots.append(
            "nationality"
        )  # not "老公韩国人": her husband's says nothing of hers, which is what is asked
    if any(m.get("pregnant") is not None for m in members):
        slots.append("pregnant")
    if any(m.get("daycare") is not None for m in members):
        slots.append("daycare")
    for key in (
        "income",
        "assets",
        "housing",
        "crisis",
        "receiving",
        "single_parent",
        "support_obligor",
        "region",
    ):
        if key in patch:
            slots.append(key)
    if "income_recognition_krw" in patch:
        slots.append("income_recognition")
    if "gyeonggi_residence_years" in patch or "gyeonggi_total_residence_years" in patch:
        slots.append("gyeonggi_residence_years")
    if (patch.get("region") or {}).get("months_resident") is not None:
        slots.append("months_resident")
    return slots


def record(ledger: Ledger, slots: list[str], status: Status, turn: int) -> Ledger:
    """`ledger` with `slots` set to `status` at `turn`; a new value for a settled slot is a correction."""
    updated = {slot: dict(entry) for slot, entry in ledger.items()}
    for slot in slots:
        entry = updated.setdefault(slot, {"asks": 0})
        previous = entry.get("status")
        if status in ("said", "answered") and previous in SETTLED and entry.get("turn") != turn:
            entry["status"] = "corrected"
        else:
            entry["status"] = status
        entry["turn"] = turn
    return updated


def count_asks(ledger: Ledger, slots: list[str], turn: int) -> Ledger:
    """`ledger` with one more ask of each of `slots` (at `turn`)."""
    updated = {slot: dict(entry) for slot, entry in ledger.items()}
    for slot in slots:
        entry = updated.setdefault(slot, {"asks": 0})
        entry["asks"] = int(entry.get("asks", 0)) + 1
        entry["asked_turn"] = turn
    return updated


def status(ledger: Ledger, slot: str) -> str | None:
    """The slot's status, or None when nothing is known of it."""
    return (ledger.get(slot) or {}).get("status")


def settled(ledger: Ledger, slot: str) -> bool:
    """Whether the slot has a value (said, answered, corrected or assumed)."""
    return status(ledger, slot) in SETTLED


def refused(ledger: Ledger) -> list[str]:
    """The slots she preferred not to answer."""
    return [slot for slot, entry in ledger.items() if entry.get("status") == "refused"]


def asks(ledger: Ledger, slot: str) -> int:
    """How often the agent has asked for the slot."""
    return int((ledger.get(slot) or {}).get("asks", 0))


def told_at(ledger: Ledger, turn: int) -> list[str]:
    """The slots her message at `turn` gave a value for, or refused."""
    told = ("said", "answered", "corrected", "refused")
    return [
        slot for slot, entry in ledger.items() if entry.get("turn") == turn and entry.get("status") in told
    ]


def known(ledger: Ledger) -> list[str]:
    """The settled slots, in the order they were first recorded."""
    return [slot for slot in ledger if settled(ledger, slot)]
