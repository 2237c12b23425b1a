"""`POST /v1/screenings`: officers only, ranked results, bad records reported, audited, bigger bodies allowed."""

from __future__ import annotations

import json
from typing import Any

from fastapi.testclient import TestClient

from tests.screening.test_screening import RECORDS


def test_officers_screen_records_and_the_run_is_audited(
    client: TestClient, officer_headers: dict[str, str]
) -> None:
    assert client.post("/v1/screenings", json={"records": RECORDS}).status_code == 401
    response = client.post("/v1/screenings", json={"records": RECORDS}, headers=officer_headers)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["summary"] == {"records": 7, "with_candidates": 4, "errors": 2}
    ids = [r["record_id"] for r in body["results"]]
    assert ids[:3] == ["r-crisis", "r-85", "r-85-receiving"]
    assert all("error" in r for r in body["results"][-2:])
    from agent import audit as audit_log

    entries = list(audit_log.entries(client.app.state.services.db))  # type: ignore[attr-defined]
    run = next(e for e in entries if e.action == "screening.run")
    assert run.detail["records"] == 7
    assert "정왕본동" not in str(run.detail)  # no personal data in the log, only counts and a fingerprint


def test_bad_requests_get_a_clear_error(client: TestClient, officer_headers: dict[str, str]) -> None:
    def post(body: Any) -> Any:
        return client.post("/v1/screenings", json=body, headers=officer_headers)

    assert post({"records": []}).status_code == 422
    wrong = post({"records": RECORDS[:1], "programs": ["nope"]})
    assert wrong.status_code == 422
    assert "nope" in wrong.text
    assert post({"records": RECORDS[:1], "import_id": "x"}).status_code == 422


def test_a_batch_larger_than_a_chat_message_is_accepted(
    client: TestClient, officer_headers: dict[str, str]
) -> None:
    records = [{**RECORDS[0], "record_id": f"r{n}"} for n in range(200)]  # about 60 KB
    response = client.post("/v1/screenings", json={"records": records}, headers=officer_headers)
    assert response.status_code == 200, response.text[:200]
    assert response.json()["summary"]["records"] == 200
    # a citizen route keeps the small limit
    assert client.post("/v1/chat", json={"message": "가" * 20_000}).status_code == 413


def test_officers_screen_the_imported_records_of_a_dong(
    client: TestClient, officer_headers: dict[str, str]
) -> None:
    from tools.screening import read_records
    from tools.screening.records import import_records

    db = client.app.state.services.db  # type: ignore[attr-defined]
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in RECORDS[:5])
    import_records(db, read_records(lines, csv_format=False))
    response = client.post(
        "/v1/screenings", json={"imported": True, "dong": "정왕본동"}, headers=officer_headers
    )
    assert response.status_code == 200, response.text
    assert [r["record_id"] for r in response.json()["results"]] == [
        "r-crisis",
        "r-85",
        "r-85-receiving",
        "r-70",
    ]
    both = client.post(
        "/v1/screenings", json={"imported": True, "records": RECORDS[:1]}, headers=officer_headers
    )
    assert both.status_code == 422
    assert (
        client.post(
            "/v1/screenings", json={"dong": "x", "records": RECORDS[:1]}, headers=officer_headers
        ).status_code
        == 422
    )
