"""Operations: liveness, readiness, metrics."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from agent.app import create_app
from agent.settings import Settings
from tests.api.conftest import METRICS_HEADERS


def test_health_readiness_and_metrics(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz").json()
    assert ready["ready"] is True
    assert ready["checks"]["database"] == "ok"
    assert ready["checks"]["model"] == "none (deterministic mode)"
    client.post("/v1/chat", json={"message": "더 이상 살고 싶지 않아요"})
    metrics = client.get("/metrics", headers=METRICS_HEADERS).text
    assert 'welfare_chat_turns_total{intent="crisis",language="ko",mode="deterministic"} 1.0' in metrics
    assert "welfare_crisis_turns_total 1.0" in metrics
    assert 'welfare_http_requests_total{method="POST",route="/v1/chat",status="200"} 1.0' in metrics
    assert "/v1/chat?" not in metrics


def test_metrics_need_the_key(client: TestClient) -> None:
    assert client.get("/metrics").status_code == 401
    wrong = client.get("/metrics", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    assert wrong.json()["detail"]
    assert client.get("/metrics", headers=METRICS_HEADERS).status_code == 200


def test_without_a_key_metrics_are_for_this_host_only(tmp_path: Path) -> None:
    settings = Settings(WELFARE_DATA_DIR=str(tmp_path / "data"), WELFARE_LLM_BACKEND="none")
    with TestClient(create_app(settings), client=("203.0.113.9", 5000)) as remote:
        assert remote.get("/metrics").status_code == 403
    with TestClient(create_app(settings), client=("127.0.0.1", 5000)) as local:
        assert local.get("/metrics").status_code == 200
        # through a proxy on this host, the request is not local
        assert local.get("/metrics", headers={"X-Forwarded-For": "203.0.113.9"}).status_code == 403
