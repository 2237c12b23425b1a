"""Citizen routes: chat, streaming, feedback, sessions, limits — every bad request a 4xx with JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from agent.app import create_app
from agent.settings import Settings
from tests.api.conftest import METRICS_HEADERS

ASK = "일흔 살이고 혼자 사는데 기초연금 받을 수 있나요?"


def _events(text: str) -> list[tuple[str, object]]:
    out = []
    for block in text.strip().split("\n\n"):
        fields = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line)
        out.append((fields.get("event", "message"), json.loads(fields["data"])))
    return out


def test_chat_turn_follows_the_contract(client: TestClient) -> None:
    turn = client.post("/v1/chat", json={"message": ASK}).json()
    assert set(turn) >= {"session_id", "reply", "language", "intent", "programs", "eligibility", "citations"}
    assert set(turn) >= {"follow_up", "handoff", "crisis", "mode"}
    assert turn["intent"] == "eligibility_check"
    assert turn["mode"] == "deterministic"
    assert turn["follow_up"]["slot"] == "income"
    again = client.post(
        "/v1/chat", json={"session_id": turn["session_id"], "message": "월 소득 30만원, 재산 없어요"}
    ).json()
    assert again["session_id"] == turn["session_id"]
    assert again["follow_up"] is None  # the verdict: other benefits are assumed not received, and said so
    assert again["eligibility"][0]["status"] == "eligible"


def test_stream_sends_tokens_then_one_result(client: TestClient) -> None:
    response = client.post("/v1/chat/stream", json={"message": ASK, "locale": "en"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    events = _events(response.text)
    kinds = [kind for kind, _ in events]
    assert kinds[-1] == "result"
    assert kinds.count("result") == 1
    assert set(kinds[:-1]) == {"token"}
    result = events[-1][1]
    assert isinstance(result, dict)
    assert "".join(str(data) for kind, data in events if kind == "token") == result["reply"]
    assert result["language"] == "en"


def test_a_session_id_the_service_did_not_issue_starts_a_new_conversation(client: TestClient) -> None:
    made_up = "A" * 32
    turn = client.post("/v1/chat", json={"session_id": made_up, "message": ASK}).json()
    assert turn["session_id"] != made_up
    assert client.post("/v1/chat", json={"session_id": "../../etc", "message": ASK}).status_code == 422


@pytest.mark.parametrize(
    ("body", "status", "fragment"),
    [
        ({"message": ""}, 422, "message"),
        ({"message": "가" * 2001}, 422, "message"),
        ({"message": "hi", "locale": "fr"}, 422, "locale"),
        ({"message": "hi", "admin": True}, 422, "admin"),
        ({"msg": "hi"}, 422, "message"),
        ([1, 2], 422, ""),
    ],
)
def test_bad_requests_get_a_json_4xx(client: TestClient, body: object, status: int, fragment: str) -> None:
    response = client.post("/v1/chat", json=body)
    assert response.status_code == status
    assert fragment in response.json()["error"]


def test_broken_json_and_oversized_bodies(client: TestClient) -> None:
    broken = client.post("/v1/chat", content=b"{oops", headers={"content-type": "application/json"})
    assert broken.status_code == 422
    assert broken.json()["error"] == "body: invalid JSON"
    huge = client.post("/v1/chat", content=b"x" * 20_000, headers={"content-type": "application/json"})
    assert huge.status_code == 413
    assert "larger than" in huge.json()["error"]


def test_feedback_and_deleting_a_conversation(client: TestClient) -> None:
    session = client.post("/v1/chat", json={"message": ASK}).json()["session_id"]
    ok = client.post(
        "/v1/feedback",
        json={
            "session_id": session,
            "helpful": False,
            "comment": "연락처 010-1234-5678",
            "programs": ["basic_pension"],
        },
    )
    assert ok.status_code == 201
    metrics = client.get("/metrics", headers=METRICS_HEADERS).text
    assert 'welfare_feedback_total{helpful="false",intent="-",program="basic_pension"} 1.0' in metrics
    assert client.post("/v1/feedback", json={"session_id": "B" * 32, "helpful": True}).status_code == 404
    assert client.delete(f"/v1/sessions/{session}").status_code == 204
    assert client.delete(f"/v1/sessions/{session}").status_code == 404
    fresh = client.post("/v1/chat", json={"session_id": session, "message": "없어요"}).json()
    assert fresh["session_id"] != session


def test_rate_limits_answer_429_with_retry_after(tmp_path: Path) -> None:
    settings = Settings(
        WELFARE_DATA_DIR=str(tmp_path / "data"), WELFARE_LLM_BACKEND="none", WELFARE_RATE_SESSION_PER_MIN=6
    )
    with TestClient(create_app(settings)) as client:
        session = client.post("/v1/chat", json={"message": ASK}).json()["session_id"]
        codes = [
            client.post("/v1/chat", json={"session_id": session, "message": "없어요"}).status_code
            for _ in range(4)
        ]
        assert 429 in codes
        limited = client.post("/v1/chat", json={"session_id": session, "message": "없어요"})
        assert limited.status_code == 429
        assert int(limited.headers["Retry-After"]) >= 1
        assert "too many" in limited.json()["error"]
        assert client.post("/v1/chat", json={"message": ASK}).status_code == 200  # other sessions go on


def test_programs_and_openapi(client: TestClient) -> None:
    assert len(client.get("/v1/programs").json()) == 19
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/v1/chat", "/v1/chat/stream", "/v1/feedback", "/v1/eligibility/check", "/v1/search"} <= set(
        paths
    )


def test_stream_errors_before_streaming_are_plain_4xx(tmp_path: Path) -> None:
    settings = Settings(
        WELFARE_DATA_DIR=str(tmp_path / "data"), WELFARE_LLM_BACKEND="none", WELFARE_RATE_SESSION_PER_MIN=3
    )
    with TestClient(create_app(settings)) as client:
        bad = client.post("/v1/chat/stream", json={"session_id": "", "message": "0"})
        assert bad.status_code == 422
        assert bad.headers["content-type"].startswith("application/json")
        session = client.post("/v1/chat", json={"message": ASK}).json()["session_id"]
        codes = [
            client.post("/v1/chat/stream", json={"session_id": session, "message": "없어요"}).status_code
            for _ in range(3)
        ]
        assert codes[-1] == 429
