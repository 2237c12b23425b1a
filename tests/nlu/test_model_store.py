"""The intent model cache: a cached model is the trained one, and a bad or unwritable cache only costs time."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from graphs.nlu import intent
from graphs.nlu.model_store import load_arrays, save_arrays


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WELFARE_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(intent, "_model", None)
    return tmp_path


def test_round_trip_keeps_every_weight() -> None:
    model = intent.train(intent.load_training()[:200])
    again = intent.IntentModel.from_arrays(model.to_arrays())
    assert again.vocabulary == model.vocabulary
    assert np.array_equal(again.weights, model.weights)
    assert np.array_equal(again.bias, model.bias)


def test_second_process_loads_the_same_model(cache: Path) -> None:
    trained = intent.get_model()
    (entry,) = cache.glob("intent-*.npz")
    intent._model = None
    loaded = intent.get_model()
    assert loaded is not trained
    assert loaded.vocabulary == trained.vocabulary
    assert np.array_equal(loaded.weights, trained.weights)
    assert entry.stem == intent.model_key()


def test_a_corrupt_entry_is_retrained_and_replaced(cache: Path) -> None:
    key = intent.model_key()
    (cache / f"{key}.npz").write_bytes(b"not a zip file")
    model = intent.get_model()
    assert intent.classify("상담원 연결해 주세요").intent == "handoff"
    assert load_arrays(key) is not None
    assert len(model.vocabulary) > 1000


def test_new_version_replaces_older_entries(cache: Path) -> None:
    save_arrays("intent-old", {"bias": np.zeros(8)})
    save_arrays("other-model", {"bias": np.zeros(8)})
    save_arrays("intent-new", {"bias": np.ones(8)}, replaces="intent-")
    assert sorted(p.name for p in cache.iterdir()) == ["intent-new.npz", "other-model.npz"]


def test_unwritable_cache_only_costs_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory should be")
    monkeypatch.setenv("WELFARE_CACHE_DIR", str(blocker / "cache"))
    save_arrays("intent-x", {"bias": np.zeros(8)})  # must not raise
    assert load_arrays("intent-x") is None


def test_key_changes_with_the_training_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = intent.model_key()
    changed = tmp_path / "training.jsonl"
    changed.write_text(
        intent.TRAINING_PATH.read_text(encoding="utf-8") + '{"text": "x", "intent": "smalltalk"}\n'
    )
    monkeypatch.setattr(intent, "TRAINING_PATH", changed)
    assert intent.model_key() != before
