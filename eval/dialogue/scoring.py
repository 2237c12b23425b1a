"""Comparing a conversation's final statuses with the reference, and describing how they differ."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from eval.dialogue.conversation import Transcript
from tools.eligibility.result import EligibilityResult

NO_RESULT = "(none)"


@dataclass(frozen=True)
class Mismatch:
    """One program whose final status differs from the reference."""

    program: str
    expected: str
    got: str
    criteria: tuple[str, ...] = ()
    """Criteria decided differently: "income_recognition: passed→undecided"."""
    missing: tuple[str, ...] = ()
    """What the agent still lacked for an unknown status."""
    why_none: str = ""
    """For a program without any result: 'not recognised' or the intents the turns had."""

    def shape(self) -> str:
        """A program-independent label for grouping failures."""
        names = sorted({c.split(":")[0] for c in self.criteria})
        detail = f" [{', '.join(names)}]" if names else (f" [{self.why_none}]" if self.why_none else "")
        lacking = f" missing {','.join(self.missing)}" if self.got == "unknown" and self.missing else ""
        return f"{self.expected}→{self.got}{detail}{lacking}"


@dataclass
class Outcome:
    """One scored conversation."""

    case_id: str
    language: str
    programs: tuple[str, ...]
    expected: dict[str, str]
    got: dict[str, str]
    success: bool
    transcript: Transcript
    reference_household: dict[str, Any]
    persona: str = ""
    events: list[str] = field(default_factory=list)
    unanswerable: list[str] = field(default_factory=list)
    mismatches: list[Mismatch] = field(default_factory=list)
    note: str = ""

    @property
    def discovery(self) -> bool:
        """The resident asked what she can get."""
        return not self.programs

    def as_json(self) -> dict[str, Any]:
        """A JSON-serialisable record (transcript included)."""
        return {
            "id": self.case_id,
            "language": self.language,
            "programs": list(self.programs),
            "success": self.success,
            "expected": self.expected,
            "got": self.got,
            "questions": self.transcript.questions,
            "turns": len(self.transcript.exchanges),
            "ended": self.transcript.ended,
            "error": self.transcript.error,
            "persona": self.persona,
            "events": self.events,
            "unanswerable": self.unanswerable,
            "mismatches": [m.__dict__ | {"shape": m.shape()} for m in self.mismatches],
            "note": self.note,
            "household": self.reference_household,
            "transcript": [
                {"said": e.said, "reply": e.reply, "intent": e.intent, "asks": e.slot, "programs": list(e.programs),
                 "statuses": {str(r.get("program_id")): r.get("status") for r in e.results}}
                for e in self.transcript.exchanges
            ],
        }  # fmt: skip


def _label(passed: Any) -> str:
    return {True: "passed", False: "failed", None: "undecided"}.get(passed, "absent")


def criteria_diff(reference: EligibilityResult, agent: dict[str, Any] | None) -> tuple[str, ...]:
    """Criteria whose outcome differs between the reference and the agent's result."""
    mine = {c.name: c.passed for c in reference.criteria}
    theirs = {str(c.get("name")): c.get("passed") for c in (agent or {}).get("criteria", [])}
    diffs = []
    for name in list(mine) + [n for n in theirs if n not in mine]:
        want, got = mine.get(name, "absent"), theirs.get(name, "absent")
        if want != got:
            diffs.append(f"{name}: {_label(want)}→{_label(got)}")
    return tuple(diffs)


def _why_none(program: str, transcript: Transcript) -> str:
    if not any(program in e.programs for e in transcript.exchanges):
        return "not recognised"
    intents = sorted({e.intent for e in transcript.exchanges if program in e.programs})
    return "recognised; intent " + "/".join(intents)


def _mismatch(
    program: str, reference: EligibilityResult | None, agent: dict[str, Any] | None, transcript: Transcript
) -> Mismatch:
    expected = reference.status if reference else NO_RESULT
    got = str(agent.get("status")) if agent else NO_RESULT
    criteria = criteria_diff(reference, agent) if reference and agent else ()
    missing = tuple(str(m) for m in (agent or {}).get("missing", []))
    why = _why_none(program, transcript) if agent is None else ""
    return Mismatch(program, expected, got, criteria, missing, why)


def score(
    programs: Sequence[str], reference: list[EligibilityResult], transcript: Transcript
) -> tuple[dict[str, str], dict[str, str], bool, list[Mismatch]]:
    """(expected, got, success, mismatches) for a conversation about `programs` (empty: discovery).

    Asked programs: every final status equals the reference. Discovery: every program the agent showed
    as eligible is eligible by the reference, no program the reference finds eligible is shown as
    ineligible, and the agent showed at least one result (or, when the reference finds nothing eligible, ended
    the conversation saying so).
    """
    final = transcript.final_results()
    by_id = {r.program_id: r for r in reference}
    if programs:
        expected: dict[str, str] = {p: by_id[p].status for p in programs}
        got = {p: str(final[p]["status"]) if p in final else NO_RESULT for p in programs}
        mismatches = [
            _mismatch(p, by_id[p], final.get(p), transcript) for p in programs if expected[p] != got[p]
        ]
    else:
        shown_eligible = [p for p, r in final.items() if r.get("status") == "eligible"]
        missed = [
            p
            for p, r in by_id.items()
            if r.status == "eligible" and final.get(p, {}).get("status") == "ineligible"
        ]
        keys = [p for p in by_id if p in shown_eligible or p in missed]
        expected = {p: by_id[p].status for p in keys}
        got = {p: str(final[p]["status"]) for p in keys}
        mismatches = [
            _mismatch(p, by_id.get(p), final.get(p), transcript) for p in keys if expected[p] != got[p]
        ]
        # No result shown is right only when nothing fits and the agent ended by saying so.
        nothing_fits = not any(r.status == "eligible" for r in reference) and transcript.ended == "verdict"
        if not final and not nothing_fits:
            mismatches.append(Mismatch("(discovery)", "results", NO_RESULT))
    if transcript.error:
        mismatches.append(
            Mismatch("(conversation)", "turns", "error", why_none=transcript.error.split(":")[0])
        )
    success = not mismatches
    return expected, got, success, mismatches
