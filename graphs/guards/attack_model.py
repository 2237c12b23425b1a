"""A learned second opinion for the screener: the intent classifier's model and features, trained to tell
attacks (by kind) from ordinary messages.

The patterns of `injection.py` catch what they describe and little else: of a blind set of attacks written to
avoid textbook phrasings they caught 38 of 90; with this model as well, 65. A classifier generalises from
wording instead. It refuses only when it is quite sure (`THRESHOLD`); leaving one red-team batch out at a
time (`python -m eval.guards.holdout`) it catches 54/142, 72/90, 70/90 and 59/90 of the unseen attacks on its
own, and refuses 1 of 180 unseen look-alikes and none of 1,495 unseen ordinary messages.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graphs.guards.categories import MODEL_KINDS, Refusal
from graphs.nlu import intent
from graphs.nlu.intent import IntentModel, load_or_train, load_training
from graphs.nlu.model_store import fingerprint

REDTEAM_PATH = Path(__file__).with_name("redteam.jsonl")
LABELS: tuple[str, ...] = ("ok", *MODEL_KINDS)
"""Output classes: `ok`, then the refusal categories the model may give (garbage, SQL and length stay rules)."""
THRESHOLD = 0.7
"""Refuse when P(attack) is at least this. At 0.5 ordinary messages started to be refused (3–4 of 1,495)."""


@dataclass(frozen=True)
class Verdict:
    """The model's view of one message: the probability that it is an attack, and the likeliest kind."""

    attack_probability: float
    category: Refusal

    @property
    def refuse(self) -> bool:
        """True when the model is sure enough to refuse on its own."""
        return self.attack_probability >= THRESHOLD


def load_redteam() -> list[dict[str, Any]]:
    """The red-team suite: `{"id", "category", "text", "expected"}` per line."""
    lines = REDTEAM_PATH.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def training_pairs(redteam: list[dict[str, Any]] | None = None) -> list[tuple[str, str]]:
    """Red-team attacks under their category, look-alikes and intent-training messages as `ok`
    (`redteam`: a subset of the suite to train on, for held-out evaluation; all of it by default)."""
    pairs = [
        (item["text"], "ok" if item["expected"] == "allow" else item["category"])
        for item in (load_redteam() if redteam is None else redteam)
        if item["expected"] == "allow" or item["category"] in LABELS
    ]
    pairs.extend((text, "ok") for text, _ in load_training())
    return pairs


_model: IntentModel | None = None
_lock = threading.Lock()


def _key() -> str:
    # The intent model's key covers the shared featuriser and the ordinary messages.
    return "screen-" + fingerprint([REDTEAM_PATH, Path(__file__)], intent.model_key())[:24]


def get_model() -> IntentModel:
    """The attack model, from the model cache when its inputs are unchanged, else trained and cached."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                _model = load_or_train(_key(), training_pairs, LABELS)
    return _model


def judge(text: str) -> Verdict:
    """The probability that `text` is an attack and its likeliest kind."""
    probabilities = get_model().probabilities(text)
    best = max(range(1, len(LABELS)), key=lambda i: probabilities[i])
    return Verdict(attack_probability=float(1.0 - probabilities[0]), category=MODEL_KINDS[best - 1])
