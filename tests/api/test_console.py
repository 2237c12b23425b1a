"""The officers' console over HTTP: signing in with a key (a cookie, never the key again), the CSRF token on
every change, signing out, and the consultation endpoint the screen calls as the officer types."""

from __future__ import annotations

from fastapi.testclient import TestClient

from agent import audit
from agent.auth import create_user

ELDER = {"members": [{"relation": "self", "age": 72}], "income": {"other_krw": 300000}}


def _sign_in(client: TestClient) -> str:
    _, key = create_user(client.app.state.services.db, "park", "officer")  # type: ignore[attr-defined]
    response = client.post("/officer/session", json={"key": key})
    assert response.status_code == 200, response.text
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=strict" in cookie.replace("Strict", "strict")
    assert key not in cookie
    assert key not in response.text
    return str(response.json()["csrf"])


def test_the_page_is_served_without_the_key(client: TestClient) -> None:
    page = client.get("/officer")
    assert page.status_code == 200
    assert "담당자 로그인" in page.text
    assert page.headers["cache-control"] == "no-store"
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert client.get("/officer/session").status_code == 401


def test_sign_in_csrf_and_sign_out(client: TestClient) -> None:
    assert client.post("/officer/session", json={"key": "wa_not-a-key"}).status_code == 401
    assert client.post("/officer/session", json={}).status_code == 422
    csrf = _sign_in(client)
    assert client.get("/officer/session").json()["name"] == "park"
    # reading with the cookie works; changing anything needs the token too
    assert client.get("/v1/handoffs").status_code == 200
    assert client.post("/v1/eligibility/consult", json=ELDER).status_code == 403
    wrong = client.post("/v1/eligibility/consult", json=ELDER, headers={"X-CSRF-Token": "x" * len(csrf)})
    assert wrong.status_code == 403
    ok = client.post("/v1/eligibility/consult", json=ELDER, headers={"X-CSRF-Token": csrf})
    assert ok.status_code == 200
    assert client.delete("/officer/session").status_code == 403  # signing out is a change too
    assert client.delete("/officer/session", headers={"X-CSRF-Token": csrf}).status_code == 204
    assert client.get("/officer/session").status_code == 401
    assert client.get("/v1/handoffs").status_code == 401
    actions = [e.action for e in audit.entries(client.app.state.services.db)]  # type: ignore[attr-defined]
    assert actions[0] == "console.sign_in"
    assert actions[-1] == "console.sign_out"


def test_a_sign_in_from_another_site_is_refused(client: TestClient) -> None:
    _, key = create_user(client.app.state.services.db, "choi", "officer")  # type: ignore[attr-defined]
    response = client.post("/officer/session", json={"key": key}, headers={"Origin": "https://evil.example"})
    assert response.status_code == 403
    assert "set-cookie" not in response.headers


def test_a_revoked_key_ends_its_console_sessions(client: TestClient) -> None:
    from agent.auth import revoke_user

    _sign_in(client)
    revoke_user(client.app.state.services.db, "park")  # type: ignore[attr-defined]
    assert client.get("/officer/session").status_code == 401


def test_consult_groups_what_the_officer_needs(client: TestClient, officer_headers: dict[str, str]) -> None:
    body = client.post("/v1/eligibility/consult", json=ELDER, headers=officer_headers).json()
    results = {r["program_id"]: r for r in body["results"]}
    assert len(results) == 19
    pension = results["basic_pension"]
    assert pension["name_ko"] == "기초연금"
    assert pension["status"] == "unknown"  # assets not told
    assert any("재산" in q["question"] for q in pension["questions"])
    assert all(c["source"] for c in pension["criteria"])
    bad = client.post(
        "/v1/eligibility/consult",
        json={"members": [{"relation": "self", "age": -3}]},
        headers=officer_headers,
    )
    assert bad.status_code == 422
    assert bad.json()["field"] == "members[0].age"
    assert client.post("/v1/eligibility/consult", json=ELDER).status_code == 401


def test_the_queue_count_views_no_case(client: TestClient, officer_headers: dict[str, str]) -> None:
    sid = client.post("/v1/chat", json={"message": "상담원 연결해 주세요"}).json()["session_id"]
    client.post("/v1/chat", json={"message": "채팅으로요", "session_id": sid})
    summary = client.get("/v1/handoffs/summary", headers=officer_headers).json()
    assert summary == {"open": 1, "crisis_open": 0}
    assert list(audit.entries(client.app.state.services.db)) == []  # type: ignore[attr-defined]
