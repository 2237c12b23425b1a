"""Running many conversations through one ChatService and scoring each against the rules engine it uses."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from agent.chat import ChatService
from agent.settings import Settings
from eval.dialogue.blind import BlindItem, ScriptedResident
from eval.dialogue.citizen import SimulatedCitizen
from eval.dialogue.conversation import play
from eval.dialogue.households import Case, generate_cases
from eval.dialogue.reference import reference_results
from eval.dialogue.scoring import Outcome, score
from tools.retrieval.search import Retriever


@dataclass
class Evaluation:
    """The scored conversations of one run."""

    label: str
    as_of: date
    outcomes: list[Outcome]
    seconds: float
    cases: list[Case] = field(default_factory=list)


def fresh_settings(data_dir: Path | None = None) -> Settings:
    """Deterministic-mode settings on a fresh SQLite data directory (a temporary one by default)."""
    directory = data_dir or Path(tempfile.mkdtemp(prefix="dialogue-eval-"))
    return Settings(WELFARE_DATA_DIR=str(directory), DATABASE_URL=None, WELFARE_LLM_BACKEND="none")


async def simulate(chat: ChatService, case: Case, as_of: date) -> Outcome:
    """Play one generated case with the simulated citizen and score it."""
    citizen = SimulatedCitizen(case)
    transcript = await play(chat, citizen)
    disclosed = citizen.disclosed_household()
    reference = reference_results(chat.rules, disclosed, case.programs or None, as_of)
    expected, got, success, mismatches = score(case.programs, reference, transcript)
    return Outcome(
        case_id=case.id,
        language=case.language,
        programs=case.programs,
        expected=expected,
        got=got,
        success=success,
        transcript=transcript,
        reference_household=disclosed,
        persona=citizen.persona.describe(),
        events=citizen.events,
        unanswerable=citizen.unanswerable,
        mismatches=mismatches,
        note=f"target {case.target} ({case.band})",
    )


async def play_blind(chat: ChatService, item: BlindItem, as_of: date) -> Outcome:
    """Play one blind item and score it."""
    resident = ScriptedResident(item)
    transcript = await play(chat, resident)
    reference = reference_results(chat.rules, item.household, item.programs or None, as_of)
    expected, got, success, mismatches = score(item.programs, reference, transcript)
    return Outcome(
        case_id=item.id,
        language=item.language,
        programs=item.programs,
        expected=expected,
        got=got,
        success=success,
        transcript=transcript,
        reference_household=item.household,
        events=resident.events,
        unanswerable=resident.unanswerable,
        mismatches=mismatches,
        note=item.note,
    )


def select(cases: Iterable[Case], *, language: str | None, program: str | None) -> list[Case]:
    """The cases in `language` and about `program` (a discovery case is about no program)."""
    return [
        c
        for c in cases
        if (language is None or c.language == language) and (program is None or program in c.programs)
    ]


async def run_generated(
    settings: Settings,
    *,
    n: int,
    seed: int,
    as_of: date | None = None,
    language: str | None = None,
    program: str | None = None,
    retriever: Retriever | None = None,
) -> Evaluation:
    """Generate `n` cases (then keep those matching the filters) and play each in a new session."""
    day = as_of or date.today()
    started = time.perf_counter()
    async with ChatService(
        settings, llm=None, retriever=retriever or Retriever.from_settings(settings)
    ) as chat:
        cases = select(generate_cases(n, seed, chat.rules, day), language=language, program=program)
        outcomes = [await simulate(chat, case, day) for case in cases]
    label = f"simulated citizen, seed {seed}, n {n}" + (f", language {language}" if language else "")
    label += f", program {program}" if program else ""
    return Evaluation(label, day, outcomes, time.perf_counter() - started, cases)


async def run_blind(
    settings: Settings,
    items: list[BlindItem],
    *,
    as_of: date | None = None,
    retriever: Retriever | None = None,
    label: str = "blind set",
) -> Evaluation:
    """Play every blind item in a new session."""
    day = as_of or date.today()
    started = time.perf_counter()
    async with ChatService(
        settings, llm=None, retriever=retriever or Retriever.from_settings(settings)
    ) as chat:
        outcomes = [await play_blind(chat, item, day) for item in items]
    return Evaluation(label, day, outcomes, time.perf_counter() - started)
