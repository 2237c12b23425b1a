"""Every fact a result can say is missing has a readable name on the web page, in every language (an internal
field name such as `child_age` must never reach a resident)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from agent.db import load_rules_engine
from eval.dialogue.households import generate_cases
from tests.dialogues.conftest import DialogueWorld
from tools.eligibility.household import parse_household

I18N = Path(__file__).resolve().parents[2] / "agent" / "web" / "static" / "i18n.js"
STRIPPED = (
    "income",
    "assets",
    "receiving",
    "housing",
    "crisis",
    "single_parent",
    "support_obligor",
    "region",
)


def _labelled_names() -> dict[int, set[str]]:
    """The keys of each `missingNames` table of the page, by table (ko, en, zh, vi in file order)."""
    text = I18N.read_text(encoding="utf-8")
    tables = re.findall(r"missingNames: \{(.*?)\n    \}", text, re.S)
    return {i: set(re.findall(r"^\s+(\w+):", t, re.M)) for i, t in enumerate(tables)}


def test_every_missing_fact_has_a_label_in_every_language(dialogue_world: DialogueWorld) -> None:
    engine = load_rules_engine(dialogue_world.settings)
    missing: set[str] = {"household"}  # the policy asks for who lives together itself
    for case in generate_cases(120, 3, engine, date.today()):
        full = dict(case.household)
        ageless = [{"relation": m.get("relation")} for m in full["members"]]  # who, but not how old
        variants = [
            full,
            {k: v for k, v in full.items() if k not in STRIPPED},
            {"members": ageless},
            {"members": [{"relation": "self"}]},
        ]
        for household in variants:
            for result in engine.check(parse_household(household)):
                missing.update(result.missing)
    assert {"child_age", "months_old", "age", "income", "receiving"} <= missing  # the variants reach them
    tables = _labelled_names()
    assert len(tables) == 4
    for index, names in tables.items():
        assert missing <= names, f"table {index} lacks labels for {sorted(missing - names)}"
