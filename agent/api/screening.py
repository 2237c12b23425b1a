"""`POST /v1/screenings` (officers): household records → the programs each likely qualifies for and does not
receive, ranked for follow-up. Records are personal data: the request is audited by fingerprint, nothing is
stored or sent to a model."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, HTTPException
from pydantic import BaseModel, ConfigDict, Field, model_validator

from agent import audit
from agent.api.deps import OfficerDep, ServicesDep, limit_client
from tools.eligibility.household import HouseholdInputError
from tools.screening import rank, screen_record
from tools.screening.stored import screen_stored

router = APIRouter(prefix="/v1", tags=["officers"], dependencies=[Depends(limit_client)])
MAX_RECORDS = 2000


class ScreeningRequest(BaseModel):
    """Records to screen (each a Household with `record_id` and an optional `dong`)."""

    model_config = ConfigDict(extra="forbid")
    records: list[Any] | None = Field(default=None, min_length=1, max_length=MAX_RECORDS)
    imported: bool = Field(default=False, description="Screen the records stored by `records import`")
    dong: str | None = Field(default=None, max_length=32, description="With `imported`: only this 동")
    programs: list[str] | None = None
    as_of: date | None = None

    @model_validator(mode="after")
    def _one_source(self) -> ScreeningRequest:
        if (self.records is None) == (not self.imported):
            raise ValueError("give either records or imported: true")
        if self.dong is not None and not self.imported:
            raise ValueError("dong: only with imported: true")
        return self


@router.post("/screenings")
async def screenings(body: ScreeningRequest, user: OfficerDep, services: ServicesDep) -> dict[str, Any]:
    """`{"results": [...], "summary": {...}}`: one result per record with its validated household, ranked
    (crisis, the very old living alone, infants, severe disability, then the monthly amount missed); a bad
    record carries its `error`."""
    rules = services.chat.rules
    try:
        programs = rules.validate_programs(body.programs, "programs") if body.programs else None
    except HouseholdInputError as exc:
        raise HTTPException(422, str(exc)) from None
    if body.records is not None:
        ranked = rank(screen_record(rules, record, programs, body.as_of) for record in body.records)
    else:  # narrowed in the database, decided by the engine
        stored = screen_stored(rules, services.db, programs, body.as_of, body.dong, with_household=True)
        ranked = rank(stored)
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
        detail={
            **summary,
            "source": "imported" if body.imported else "request",
            "dong": body.dong,
            "programs": programs or "all",
            "as_of": str(body.as_of) if body.as_of else None,
        },
    )
    # Officers open a household from the list (the console's consultation screen): it comes with each result.
    return {"results": [item.as_json(with_household=True) for item in ranked], "summary": summary}
