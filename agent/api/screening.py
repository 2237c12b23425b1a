"""`POST /v1/screenings` (officers): household records → the programs each likely qualifies for and does not
receive, ranked for follow-up. Records are personal data: the request is audited by fingerprint, nothing is
stored or sent to a model."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, HTTPException
from pydantic import BaseModel, ConfigDict, Field

from agent import audit
from agent.api.deps import OfficerDep, ServicesDep, limit_client
from tools.eligibility.household import HouseholdInputError
from tools.screening import rank, screen_record

router = APIRouter(prefix="/v1", tags=["officers"], dependencies=[Depends(limit_client)])
MAX_RECORDS = 2000


class ScreeningRequest(BaseModel):
    """Records to screen (each a Household with `record_id` and an optional `dong`)."""

    model_config = ConfigDict(extra="forbid")
    records: list[Any] = Field(min_length=1, max_length=MAX_RECORDS)
    programs: list[str] | None = None
    as_of: date | None = None


@router.post("/screenings")
async def screenings(body: ScreeningRequest, user: OfficerDep, services: ServicesDep) -> dict[str, Any]:
    """`{"results": [...], "summary": {...}}`: one result per record, ranked (crisis, the very old living alone,
    infants, severe disability, then the monthly amount missed); a bad record carries its `error`."""
    rules = services.chat.rules
    try:
        programs = rules.validate_programs(body.programs, "programs") if body.programs else None
    except HouseholdInputError as exc:
        raise HTTPException(422, str(exc)) from None
    ranked = rank(screen_record(rules, record, programs, body.as_of) for record in body.records)
    summary = {
        "records": len(ranked),
        "with_candidates": sum(bool(item.candidates) for item in ranked),
        "errors": sum(item.error is not None for item in ranked),
    }
    audit.append(
        services.db,
        actor=user.name,
        role=user.role,
        action="screening.run",
        target=audit.fingerprint([item.record_id for item in ranked[:20]]),
        detail={**summary, "programs": programs or "all", "as_of": str(body.as_of) if body.as_of else None},
    )
    return {"results": [item.as_json() for item in ranked], "summary": summary}
