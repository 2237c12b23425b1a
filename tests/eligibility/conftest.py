"""Fixtures for the eligibility cases: one rules engine per session over a real SQLite database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from agent.db import load_rules_engine, make_engine
from agent.settings import SOURCE_ROOT, Settings
from tools.eligibility.engine import Engine


@pytest.fixture(scope="session")
def case_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """The rules engine read from a freshly migrated and seeded SQLite database in a temporary directory.

    Settings are passed explicitly (by their environment names: the fields are alias-only), so neither the
    developer's `.env` nor a `DATABASE_URL` in the environment can point the cases at another database.
    """
    data_dir = tmp_path_factory.mktemp("eligibility-cases")
    settings = Settings(
        WELFARE_DATA_DIR=str(data_dir),
        DATABASE_URL=None,
        WELFARE_RULES_DIR=str(SOURCE_ROOT / "data"),
        WELFARE_LLM_BACKEND="none",
    )
    database = make_engine(settings)
    try:
        yield load_rules_engine(settings, database)
    finally:
        database.dispose()


def pytest_make_parametrize_id(config: pytest.Config, val: object, argname: str) -> str | None:
    """Show a case's own name (Korean included, unescaped) as its test id."""
    del config, argname
    case_id = getattr(val, "case_id", None)
    return case_id if isinstance(case_id, str) else None
