"""A resident's answer to each question the agent may ask, read from the hidden household.

`answer(slot, truth, say)` returns the reply text, or None when the household does not hold that fact (she
then says she does not know). Templates are many per slot and language; numbers come as digits or words.
"""

from __future__ import annotations

from collections.abc import Callable

from eval.dialogue.answers_children import (
    birth_date_answer,
    child_age_answer,
    months_old_answer,
    school_answer,
    single_parent_answer,
)
from eval.dialogue.answers_family import (
    age_answer,
    disability_answer,
    household_answer,
    nationality_answer,
    pregnant_answer,
    support_obligor_answer,
)
from eval.dialogue.answers_money import (
    assets_answer,
    crisis_answer,
    employed_answer,
    income_answer,
    income_recognition_answer,
    receiving_answer,
)
from eval.dialogue.answers_place import (
    gyeonggi_years_answer,
    housing_answer,
    months_resident_answer,
    region_answer,
)
from eval.dialogue.say import Say, Truth

Answerer = Callable[[Truth, Say], "str | None"]

ANSWERS: dict[str, Answerer] = {
    "household": household_answer,
    "age": age_answer,
    "income": income_answer,
    "income_kind": income_answer,  # restated with its kinds ("월급 182만원이요")
    "income_recognition": income_recognition_answer,
    "assets": assets_answer,
    "support_obligor": support_obligor_answer,
    "receiving": receiving_answer,
    "disability": disability_answer,
    "crisis": crisis_answer,
    "single_parent": single_parent_answer,
    "child_age": child_age_answer,
    "school": school_answer,
    "months_old": months_old_answer,
    "birth_date": birth_date_answer,
    "employed": employed_answer,
    "housing": housing_answer,
    "region": region_answer,
    "months_resident": months_resident_answer,
    "gyeonggi_residence_years": gyeonggi_years_answer,
    "nationality": nationality_answer,
    "pregnant": pregnant_answer,
}
"""The slot vocabulary: every question the resident can answer from the household."""


def answer(slot: str, truth: Truth, say: Say) -> str | None:
    """The reply to a question about `slot`; None when it is not in the vocabulary or not in the household."""
    answerer = ANSWERS.get(slot)
    return None if answerer is None else answerer(truth, say)
