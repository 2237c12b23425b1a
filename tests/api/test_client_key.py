"""A client's rate limit follows its address: X-Forwarded-For is believed only from a trusted proxy."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from agent.app import create_app
from agent.settings import Settings


def _settings(tmp_path: Path) -> Settings:
    # 3 a minute: a burst of 1, then 429
    return Settings(
        WELFARE_DATA_DIR=str(tmp_path / "data"), WELFARE_LLM_BACKEND="none", WELFARE_RATE_CLIENT_PER_MIN=3
    )


def _codes(client: TestClient, forwarded: list[str]) -> list[int]:
    return [
        client.post("/v1/chat", json={"message": "안녕하세요"}, headers={"X-Forwarded-For": hop}).status_code
        for hop in forwarded
    ]


def test_a_client_cannot_escape_its_limit_by_naming_a_new_address(tmp_path: Path) -> None:
    with TestClient(create_app(_settings(tmp_path)), client=("203.0.113.9", 5000)) as direct:
        assert _codes(direct, ["198.51.100.1", "198.51.100.2"]) == [200, 429]


def test_behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit(tmp_path: Path) -> None:
    with TestClient(create_app(_settings(tmp_path)), client=("10.0.0.5", 5000)) as proxied:
        assert _codes(proxied, ["198.51.100.1", "198.51.100.2", "198.51.100.1"]) == [200, 200, 429]
