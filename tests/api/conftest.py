"""An app on a fresh SQLite data directory, a TestClient, and an officer key."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from agent.app import create_app
from agent.auth import create_user
from agent.settings import Settings

METRICS_KEY = "metrics-test-key"
METRICS_HEADERS = {"Authorization": f"Bearer {METRICS_KEY}"}


@pytest.fixture
def api_settings(tmp_path: Path) -> Settings:
    """Deterministic mode, generous limits."""
    return Settings(
        WELFARE_DATA_DIR=str(tmp_path / "data"), WELFARE_LLM_BACKEND="none", WELFARE_METRICS_KEY=METRICS_KEY
    )


@pytest.fixture
def client(api_settings: Settings) -> Iterator[TestClient]:
    """The app with its lifespan running."""
    with TestClient(create_app(api_settings)) as test_client:
        yield test_client


@pytest.fixture
def officer_headers(client: TestClient) -> dict[str, str]:
    """The Authorization header of a fresh officer."""
    _, key = create_user(client.app.state.services.db, "kim", "officer")  # type: ignore[attr-defined]
    return {"Authorization": f"Bearer {key}"}
