"""Operations: liveness, readiness, metrics."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_health_readiness_and_metrics(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz").json()
    assert ready["ready"] is True
    assert ready["checks"]["database"] == "ok"
    assert ready["checks"]["model"] == "none (deterministic mode)"
    client.post("/v1/chat", json={"message": "더 이상 살고 싶지 않아요"})
    metrics = client.get("/metrics").text
    assert 'welfare_chat_turns_total{intent="crisis",language="ko",mode="deterministic"} 1.0' in metrics
    assert "welfare_crisis_turns_total 1.0" in metrics
    assert 'welfare_http_requests_total{method="POST",route="/v1/chat",status="200"} 1.0' in metrics
    assert "/v1/chat?" not in metrics
