"""Fixtures for the scripted dialogues: one real SQLite data directory and one retriever per test session."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from agent.settings import Settings
from tools.retrieval.search import Retriever


@dataclass(frozen=True)
class DialogueWorld:
    """What every dialogue shares: the settings of a fresh data directory and the retriever built once over it."""

    settings: Settings
    retriever: Retriever


@pytest.fixture(scope="session")
def dialogue_world(tmp_path_factory: pytest.TempPathFactory) -> DialogueWorld:
    """Settings on a freshly migrated SQLite database (deterministic mode) and its document retriever.

    Settings are passed explicitly, so neither a developer's `.env` nor `DATABASE_URL` can redirect the dialogues.
    """
    data_dir = tmp_path_factory.mktemp("dialogues")
    settings = Settings(WELFARE_DATA_DIR=str(data_dir), DATABASE_URL=None, WELFARE_LLM_BACKEND="none")
    return DialogueWorld(settings=settings, retriever=Retriever.from_settings(settings))


def pytest_make_parametrize_id(config: pytest.Config, val: object, argname: str) -> str | None:
    """Show a dialogue's own name (Korean included) as its test id."""
    del config, argname
    dialogue_id = getattr(val, "dialogue_id", None)
    return dialogue_id if isinstance(dialogue_id, str) else None
