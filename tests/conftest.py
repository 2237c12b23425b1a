"""Fixtures shared by every test: isolated settings, real databases, and no outbound network."""

from __future__ import annotations

import ipaddress
import os
import socket
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from agent.llm import reset_breakers
from agent.settings import Settings
from fakes.ollama_server import FakeOllama

DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"

CONTRACT_PROGRAM_IDS = frozenset(
    {
        "livelihood_benefit", "medical_benefit", "housing_benefit", "education_benefit", "near_poverty",
        "basic_pension", "disability_pension", "disability_allowance", "child_allowance", "parent_benefit",
        "first_meeting_voucher", "emergency_welfare", "single_parent_child_support", "youth_monthly_rent",
        "senior_customized_care", "energy_voucher", "national_employment_support",
        "gyeonggi_youth_basic_income", "siheung_birth_support",
    }
)  # fmt: skip
"""The program ids of ../shared/contracts.md, written out here as the tests' oracle (not read from the data)."""

_real_connect = socket.socket.connect


def _is_local(address: Any) -> bool:
    if not isinstance(address, tuple):
        return True  # unix sockets
    host = str(address[0])
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def _no_outbound_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any connection that leaves the machine: fakes live on loopback only."""

    def guarded(self: socket.socket, address: Any) -> Any:
        if not _is_local(address):
            raise AssertionError(f"unexpected outbound connection to {address!r}")
        return _real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads the developer's `.env` or data directory."""
    for name in (
        "DATABASE_URL",
        "WELFARE_DATA_DIR",
        "WELFARE_LLM_BACKEND",
        "OLLAMA_HOST",
        "WELFARE_LLM_MODEL",
        "REDIS_URL",
        "WELFARE_REDIS_URL",
        "WELFARE_METRICS_KEY",
        "WELFARE_LOG_LEVEL",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("WELFARE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("WELFARE_LLM_BACKEND", "none")
    monkeypatch.chdir(tmp_path)
    from agent.settings import get_settings

    get_settings.cache_clear()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings on a fresh SQLite database in a temporary data directory."""
    return Settings(WELFARE_DATA_DIR=str(tmp_path / "data"), WELFARE_LLM_BACKEND="none")


def _postgres_admin_url() -> str:
    return os.environ.get("WELFARE_TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for this test session (skipped when PostgreSQL is absent)."""
    admin_url = _postgres_admin_url()
    try:
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text("select 1"))
    except Exception as exc:  # any failure to reach the server means: no PostgreSQL here
        pytest.skip(
            f"PostgreSQL not reachable at {admin_url} ({type(exc).__name__}); set WELFARE_TEST_POSTGRES_URL"
        )
    name = f"welfare_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def redis_url() -> str:
    """The local Redis (database 15, kept for tests; skipped when Redis is absent)."""
    url = os.environ.get("WELFARE_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except Exception as exc:  # any failure to reach the server means: no Redis here
        pytest.skip(f"Redis not reachable at {url} ({type(exc).__name__}); set WELFARE_TEST_REDIS_URL")
    return url


@pytest.fixture(params=["sqlite", "postgres"])
def any_db_settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    """Settings on SQLite and, as a second run, on PostgreSQL."""
    if request.param == "sqlite":
        return Settings(WELFARE_DATA_DIR=str(tmp_path / "data"), WELFARE_LLM_BACKEND="none")
    url = request.getfixturevalue("postgres_url")
    return Settings(WELFARE_DATA_DIR=str(tmp_path / "data"), DATABASE_URL=url, WELFARE_LLM_BACKEND="none")


@pytest.fixture(autouse=True)
def _fresh_breakers() -> Iterator[None]:
    """Each test starts with closed circuit breakers (they are shared per process)."""
    reset_breakers()
    yield
    reset_breakers()


@pytest.fixture
def fake() -> Iterator[FakeOllama]:
    """A started fake Ollama server on loopback (stopped after the test)."""
    with FakeOllama() as server:
        yield server


def model_settings(tmp_path: Path, host: str) -> Settings:
    """Settings with the Ollama backend pointed at `host` (a fake server, or a closed port)."""
    return Settings(
        WELFARE_DATA_DIR=str(tmp_path / "data"),
        WELFARE_LLM_BACKEND="ollama",
        OLLAMA_HOST=host,
        WELFARE_LLM_MODEL="qwen3:4b",
    )
