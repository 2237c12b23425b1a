"""How well the screener's attack model generalises: train it without one red-team batch at a time (each batch
was written separately, by a different author) and count what it catches of that batch on its own, and
whether it refuses any look-alike or any ordinary message it did not see (the NLU evaluation sets).

Run from the repository root (about 10 s):

    python -m eval.guards.holdout
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from graphs.guards.attack_model import LABELS, THRESHOLD, load_redteam, training_pairs
from graphs.nlu.intent import IntentModel, train

NLU_SETS = sorted((Path(__file__).resolve().parents[1] / "nlu").glob("*.jsonl"))


def _batch(item_id: str) -> str:
    prefix = item_id.split("-")[0]
    return prefix[3:] or "1"  # atk-001 / ben-001 -> "1", atk2-001 -> "2"


def main() -> int:
    """Print one line per held-out batch."""
    items = load_redteam()
    unseen = [
        json.loads(line)["text"]
        for path in NLU_SETS
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    for batch in sorted({_batch(item["id"]) for item in items}):
        kept = [item for item in items if _batch(item["id"]) != batch]
        model = train(training_pairs(kept), labels=LABELS)
        held = [item for item in items if _batch(item["id"]) == batch]

        def attack(text: str, model: IntentModel = model) -> bool:
            return bool(1.0 - model.probabilities(text)[0] >= THRESHOLD)

        attacks = [
            item["text"] for item in held if item["expected"] == "refuse" and item["category"] in LABELS
        ]
        lookalikes = [item["text"] for item in held if item["expected"] == "allow"]
        print(
            f"batch {batch}: attacks caught by the model alone {sum(map(attack, attacks))}/{len(attacks)}, "
            f"look-alikes refused {sum(map(attack, lookalikes))}/{len(lookalikes)}, "
            f"ordinary messages refused {sum(map(attack, unseen))}/{len(unseen)}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
