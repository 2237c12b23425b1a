"""The simulated-citizen evaluation (`eval/dialogue`): a fast subset through the real ChatService on SQLite.

The full run is `python -m eval.dialogue.run --n 400`; here 40 generated conversations (fixed seed, all four
languages) and the blind-format example are played, and what must already hold is asserted: the generator's
households are valid and cover every program, conversations end within ten turns without errors, and the
expected statuses are the rules engine's.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import date
from pathlib import Path
from random import Random

import pytest

from agent.db import load_rules_engine
from eval.dialogue import numerals
from eval.dialogue.answers import answer
from eval.dialogue.blind import load_blind
from eval.dialogue.conversation import MAX_TURNS
from eval.dialogue.evaluate import Evaluation, run_blind, run_generated
from eval.dialogue.households import PROGRAMS, Case, generate_cases
from eval.dialogue.reference import reference_results
from eval.dialogue.say import Say, Truth
from tests.conftest import CONTRACT_PROGRAM_IDS
from tests.dialogues.conftest import DialogueWorld
from tools.eligibility.engine import Engine
from tools.eligibility.household import parse_household

MIN_SUCCESS = 0.0  # raised when the conversation rebuild lands
SUBSET = 40
FULL = 400
SEED = 7
MIN_ASKED_PER_PROGRAM = 12
EXAMPLE = Path(__file__).resolve().parents[2] / "eval" / "dialogue" / "blind_example.jsonl"


@pytest.fixture(scope="module")
def engine(dialogue_world: DialogueWorld) -> Engine:
    """The rules engine over the dialogue database (the one the chat service loads)."""
    return load_rules_engine(dialogue_world.settings)


@pytest.fixture(scope="module")
def full_set(engine: Engine) -> list[Case]:
    """The generated set at the size the full evaluation plays."""
    return generate_cases(FULL, SEED, engine, date.today())


@pytest.fixture(scope="module")
def subset(dialogue_world: DialogueWorld) -> Evaluation:
    """The first `SUBSET` generated cases, played through the real service."""
    return asyncio.run(
        run_generated(dialogue_world.settings, n=SUBSET, seed=SEED, retriever=dialogue_world.retriever)
    )


def test_generated_households_are_contract_households(full_set: list[Case]) -> None:
    for case in full_set:
        parse_household(case.household)
        assert set(case.programs) <= CONTRACT_PROGRAM_IDS, case.id


def test_generator_asks_about_every_program(full_set: list[Case]) -> None:
    assert set(PROGRAMS) == CONTRACT_PROGRAM_IDS
    asked = Counter(p for case in full_set for p in case.programs)
    scarce = {p: asked[p] for p in PROGRAMS if asked[p] < MIN_ASKED_PER_PROGRAM}
    assert not scarce, f"programs asked fewer than {MIN_ASKED_PER_PROGRAM} times: {scarce}"
    discovery = sum(case.discovery for case in full_set) / len(full_set)
    assert 0.05 <= discovery <= 0.15
    languages = Counter(case.language for case in full_set)
    assert 0.45 <= languages["ko"] / len(full_set) <= 0.65
    assert all(languages[lang] / len(full_set) >= 0.08 for lang in ("en", "zh", "vi"))


def test_generation_is_deterministic(engine: Engine, full_set: list[Case]) -> None:
    again = generate_cases(SUBSET, SEED, engine, date.today())
    assert again == full_set[:SUBSET]


def test_the_resident_can_answer_the_common_questions(full_set: list[Case]) -> None:
    for case in full_set[:100]:
        say = Say(case.language, Random(case.seed))
        truth = Truth(case.household, case.extras)
        for slot in ("household", "age", "income", "assets", "receiving", "housing"):
            text = answer(slot, truth, say)
            assert text, f"{case.id}: no answer for {slot}"
        assert answer("not_a_slot", truth, say) is None


def test_numbers_in_words_say_the_right_amount() -> None:
    assert numerals.ko_money_words(850_000) == "팔십오만원"
    assert numerals.ko_money_words(120_000_000) == "일억 이천만원"
    assert numerals.ko_money_words(10_500_000) == "천오십만원"
    assert numerals.ko_native(72) == "일흔두"
    assert numerals.ko_native(20) == "스무"
    assert numerals.en_words(2_300_000) == "two million three hundred thousand"
    assert numerals.zh_numeral(1050) == "一千零五十"
    assert numerals.zh_numeral(150_000_000) == "一亿五千万"
    assert numerals.vi_numeral(850_000) == "tám trăm năm mươi nghìn"
    assert numerals.vi_numeral(21) == "hai mươi mốt"


def test_the_subset_speaks_all_four_languages(subset: Evaluation) -> None:
    assert {case.language for case in subset.cases} == {"ko", "en", "zh", "vi"}
    assert len(subset.outcomes) == SUBSET


def test_every_conversation_ends_within_ten_turns(subset: Evaluation) -> None:
    for outcome in subset.outcomes:
        assert outcome.transcript.error is None, f"{outcome.case_id}: {outcome.transcript.error}"
        assert 1 <= len(outcome.transcript.exchanges) <= MAX_TURNS, outcome.case_id


def test_expected_statuses_are_the_engines(subset: Evaluation, engine: Engine) -> None:
    for outcome in subset.outcomes:
        results = reference_results(
            engine, outcome.reference_household, outcome.programs or None, subset.as_of
        )
        statuses = {r.program_id: r.status for r in results}
        assert outcome.expected == {p: statuses[p] for p in outcome.expected}, outcome.case_id
        if not outcome.discovery:
            assert set(outcome.expected) == set(outcome.programs)
        for event in outcome.events:
            if event == "refused income":
                assert "income" not in outcome.reference_household, outcome.case_id


def test_success_rate_is_at_least_the_floor(subset: Evaluation) -> None:
    rate = sum(o.success for o in subset.outcomes) / len(subset.outcomes)
    assert rate >= MIN_SUCCESS


def test_the_blind_format_plays(dialogue_world: DialogueWorld) -> None:
    items = load_blind(EXAMPLE)
    evaluation = asyncio.run(run_blind(dialogue_world.settings, items, retriever=dialogue_world.retriever))
    assert {o.language for o in evaluation.outcomes} == {"ko", "en", "zh", "vi"}
    for item, outcome in zip(items, evaluation.outcomes, strict=True):
        exchanges = outcome.transcript.exchanges
        assert 1 <= len(exchanges) <= MAX_TURNS
        assert [e.said for e in exchanges[: len(item.turns)]] == list(item.turns)
