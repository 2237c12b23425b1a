"""Officer routes: bearer keys with roles, the rules engine, search, the handoff queue, the audit chain."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from agent import audit
from agent.auth import revoke_user
from agent.models import AuditEntry

ELDER = {"members": [{"relation": "self", "age": 70}], "income_recognition_krw": 0, "receiving": []}


def test_keys_are_required_and_revocable(client: TestClient, officer_headers: dict[str, str]) -> None:
    assert client.post("/v1/eligibility/check", json=ELDER).status_code == 401
    wrong = client.post("/v1/eligibility/check", json=ELDER, headers={"Authorization": "Bearer wa_nope"})
    assert wrong.status_code == 401
    assert wrong.headers["WWW-Authenticate"] == "Bearer"
    assert client.post("/v1/eligibility/check", json=ELDER, headers=officer_headers).status_code == 200
    revoke_user(client.app.state.services.db, "kim")  # type: ignore[attr-defined]
    assert client.post("/v1/eligibility/check", json=ELDER, headers=officer_headers).status_code == 401


def test_eligibility_one_and_many(client: TestClient, officer_headers: dict[str, str]) -> None:
    one = client.post(
        "/v1/eligibility/check", json=ELDER, params={"program": "basic_pension"}, headers=officer_headers
    )
    assert one.json()["results"][0]["status"] == "eligible"
    assert one.json()["stamp"]["model"] == "deterministic"  # what produced it (issue 15)
    assert len(one.json()["stamp"]["rules"]) == 12
    many = client.post(
        "/v1/eligibility/check", json=[ELDER, {"members": [{"age": 300}]}], headers=officer_headers
    )
    assert many.status_code == 200
    assert len(many.json()[0]["results"]) == 19
    assert many.json()[1]["stamp"] == one.json()["stamp"]
    assert "members[0].age" in many.json()[1]["error"]
    bad = client.post("/v1/eligibility/check", json={"members": [{"age": 300}]}, headers=officer_headers)
    assert bad.status_code == 422
    assert "members[0].age" in bad.json()["error"]
    unknown = client.post(
        "/v1/eligibility/check", json=ELDER, params={"program": "x"}, headers=officer_headers
    )
    assert unknown.status_code == 422


def test_search_cites_sources(client: TestClient, officer_headers: dict[str, str]) -> None:
    hits = client.get("/v1/search", params={"q": "기초연금 얼마", "k": 3}, headers=officer_headers).json()
    assert hits[0]["program_id"] == "basic_pension"
    assert {"program", "title", "source", "year", "score", "text"} <= set(hits[0])


def test_audit_chain_detects_tampering(client: TestClient, officer_headers: dict[str, str]) -> None:
    client.get("/v1/handoffs", headers=officer_headers)
    client.get("/v1/handoffs/HXXXX", headers=officer_headers)
    client.post("/v1/eligibility/check", json=ELDER, headers=officer_headers)
    db = client.app.state.services.db  # type: ignore[attr-defined]
    assert [e.action for e in audit.entries(db)] == ["handoffs.list", "eligibility.check"]
    assert audit.verify(db).ok
    with Session(db) as session:
        entry = session.exec(select(AuditEntry).where(AuditEntry.action == "eligibility.check")).one()
        tampered = entry.id
        entry.actor = "someone else"
        session.add(entry)
        session.commit()
    broken = audit.verify(db)
    assert not broken.ok
    assert broken.broken_at == tampered


def test_household_data_is_fingerprinted_not_stored(
    client: TestClient, officer_headers: dict[str, str]
) -> None:
    household = {**ELDER, "income": {"earned_krw": 1234567, "other_krw": 0}}
    client.post("/v1/eligibility/check", json=household, headers=officer_headers)
    exported = "\n".join(audit.export_lines(client.app.state.services.db))  # type: ignore[attr-defined]
    assert "1234567" not in exported
    assert audit.fingerprint(household) in exported


def test_only_admins_read_the_audit_log(client: TestClient, officer_headers: dict[str, str]) -> None:
    from agent.auth import create_user

    assert client.get("/v1/audit", headers=officer_headers).status_code == 403
    _, key = create_user(client.app.state.services.db, "lee", "admin")  # type: ignore[attr-defined]
    client.get("/v1/handoffs", headers=officer_headers)
    body = client.get("/v1/audit", headers={"Authorization": f"Bearer {key}"}).json()
    assert body["intact"] is True
    assert [e["action"] for e in body["newest"]] == ["handoffs.list"]
