"""Safe failure: with the database gone the API answers 503 with JSON, and recovers without a restart."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from agent.app import create_app
from agent.settings import Settings
from tests.conftest import _postgres_admin_url

ASK = "일흔 살이고 혼자 사는데 기초연금 받을 수 있나요?"


@pytest.fixture
def outage_db() -> Iterator[tuple[str, Engine, str]]:
    """A database of its own that the test can switch off (skipped without PostgreSQL)."""
    admin_url = _postgres_admin_url()
    try:
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text("select 1"))
    except Exception as exc:  # no server here
        pytest.skip(f"PostgreSQL not reachable at {admin_url} ({type(exc).__name__})")
    name = f"welfare_outage_{uuid.uuid4().hex[:10]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False), admin, name
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true'))
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _switch(admin: Engine, name: str, *, on: bool) -> None:
    with admin.connect() as connection:
        connection.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS {"true" if on else "false"}'))
        if not on:
            connection.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name"),
                {"name": name},
            )


def test_database_outage_and_recovery(tmp_path: Path, outage_db: tuple[str, Engine, str]) -> None:
    url, admin, name = outage_db
    settings = Settings(WELFARE_DATA_DIR=str(tmp_path / "data"), DATABASE_URL=url, WELFARE_LLM_BACKEND="none")
    with TestClient(create_app(settings)) as client:
        first = client.post("/v1/chat", json={"message": ASK})
        assert first.status_code == 200
        _switch(admin, name, on=False)
        down = client.post("/v1/chat", json={"session_id": first.json()["session_id"], "message": "없어요"})
        assert down.status_code == 503
        assert "temporarily unavailable" in down.json()["error"]
        assert "Traceback" not in down.text
        assert client.get("/readyz").status_code == 503
        _switch(admin, name, on=True)
        back = client.post(
            "/v1/chat",
            json={"session_id": first.json()["session_id"], "message": "월 소득 30만원이에요"},
        )
        assert back.status_code == 200
        assert back.json()["follow_up"]["slot"] == "assets"  # the conversation survived the outage
        assert client.get("/readyz").status_code == 200
