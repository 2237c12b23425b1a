"""The printed report of an evaluation: rates, question counts, breakdowns, failure shapes, transcripts."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from typing import Any

from eval.dialogue.evaluate import Evaluation
from eval.dialogue.scoring import Outcome


def percentile(values: list[int], share: float) -> float:
    """The `share` percentile (nearest rank) of `values`; 0 for none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))
    return float(ordered[rank])


def _rate(hits: int, total: int) -> str:
    return f"{hits}/{total} = {hits / total:.1%}" if total else "0/0"


def summary(evaluation: Evaluation) -> dict[str, Any]:
    """The numbers of the report, JSON-serialisable."""
    outcomes = evaluation.outcomes
    questions = [o.transcript.questions for o in outcomes]
    by_language: dict[str, list[bool]] = defaultdict(list)
    by_program: dict[str, list[bool]] = defaultdict(list)
    for o in outcomes:
        by_language[o.language].append(o.success)
        if o.discovery:
            by_program["(discovery)"].append(o.success)
        for p in o.programs:
            by_program[p].append(o.expected.get(p) == o.got.get(p) and o.transcript.error is None)
    unanswerable = Counter(slot for o in outcomes for slot in o.unanswerable)
    shapes = Counter(m.shape() for o in outcomes for m in o.mismatches)
    program_shapes = Counter(f"{m.program}: {m.shape()}" for o in outcomes for m in o.mismatches)
    reasked = Counter(
        slot
        for o in outcomes
        if not o.success
        for slot, times in Counter(o.transcript.asked()).items()
        if times > 1
    )
    events: dict[str, list[bool]] = defaultdict(list)
    for o in outcomes:
        for kind in {e.split()[0] for e in o.events if e.split()[0] in ("refused", "corrected")}:
            events[kind].append(o.success)
    return {
        "label": evaluation.label,
        "as_of": evaluation.as_of.isoformat(),
        "seconds": round(evaluation.seconds, 1),
        "conversations": len(outcomes),
        "successes": sum(o.success for o in outcomes),
        "success_rate": sum(o.success for o in outcomes) / len(outcomes) if outcomes else 0.0,
        "questions_median": statistics.median(questions) if questions else 0,
        "questions_p90": percentile(questions, 0.9),
        "ended": dict(Counter(o.transcript.ended for o in outcomes)),
        "by_language": {k: [sum(v), len(v)] for k, v in sorted(by_language.items())},
        "by_program": {k: [sum(v), len(v)] for k, v in sorted(by_program.items())},
        "events": {k: [sum(v), len(v)] for k, v in sorted(events.items())},
        "unanswerable": dict(unanswerable.most_common()),
        "failure_shapes": dict(shapes.most_common()),
        "failure_shapes_by_program": dict(program_shapes.most_common()),
        "reasked_slots_in_failures": dict(reasked.most_common()),
    }


def transcript_text(outcome: Outcome) -> str:
    """A failing conversation, turn by turn, with expected and final statuses."""
    programs = ", ".join(outcome.programs) or "(discovery)"
    lines = [
        f"--- {outcome.case_id} [{outcome.language}] {programs} — {outcome.note}",
        f"    persona: {outcome.persona or '-'}; events: {', '.join(outcome.events) or '-'}",
        f"    expected {outcome.expected}  got {outcome.got}  ({outcome.transcript.ended})",
    ]
    for m in outcome.mismatches:
        detail = "; ".join(m.criteria) or "-"
        lacking = f"; agent lacks {list(m.missing)}" if m.missing and m.got == "unknown" else ""
        lines.append(f"    {m.program}: {m.expected} → {m.got}: {detail}{lacking}")
    for index, e in enumerate(outcome.transcript.exchanges, 1):
        statuses = {str(r.get("program_id")): r.get("status") for r in e.results}
        lines.append(f"  {index}. resident: {e.said}")
        about = ",".join(e.programs) or "-"
        lines.append(
            f"     agent [{e.intent} {about}; asks {e.slot or '-'}; {statuses or '-'}]: " + _short(e.reply)
        )
    if outcome.transcript.error:
        lines.append(f"  ERROR: {outcome.transcript.error}")
    return "\n".join(lines)


def _short(text: str, limit: int = 220) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def render(evaluation: Evaluation, *, show_failures: int | None = None) -> str:
    """The whole printed report (`show_failures`: how many failing transcripts; None for all)."""
    s = summary(evaluation)
    out = [
        f"Dialogue evaluation — {s['label']} — checked on {s['as_of']} — {s['seconds']} s",
        f"Success: {_rate(s['successes'], s['conversations'])}",
        f"Questions before the verdict: median {s['questions_median']:g}, p90 {s['questions_p90']:g}"
        f"   (ended: {', '.join(f'{k} {v}' for k, v in sorted(s['ended'].items()))})",
        "",
        "By language:",
        *(f"  {k:4} {_rate(*v)}" for k, v in s["by_language"].items()),
        "",
        "By program (the program's own status right; a two-program case counts for each):",
        *(f"  {k:30} {_rate(*v)}" for k, v in s["by_program"].items()),
    ]
    if s["events"]:
        out += ["", "Conversations with:", *(f"  {k:10} {_rate(*v)}" for k, v in s["events"].items())]
    out += ["", "Unanswerable questions by slot:"]
    out += [f"  {k:28} {v}" for k, v in s["unanswerable"].items()] or ["  (none)"]
    out += ["", "Failure shapes (expected→got [criteria decided differently]):"]
    out += [f"  {v:4}  {k}" for k, v in list(s["failure_shapes"].items())[:20]] or ["  (none)"]
    out += ["", "Failure shapes by program (top 25):"]
    out += [f"  {v:4}  {k}" for k, v in list(s["failure_shapes_by_program"].items())[:25]] or ["  (none)"]
    out += ["", "Slots asked more than once in failing conversations:"]
    out += [f"  {k:28} {v}" for k, v in s["reasked_slots_in_failures"].items()] or ["  (none)"]
    failures = [o for o in evaluation.outcomes if not o.success]
    shown = failures if show_failures is None else failures[:show_failures]
    if shown:
        out += ["", f"Failing conversations ({len(shown)} of {len(failures)}):"]
        out += [transcript_text(o) for o in shown]
    return "\n".join(out)
