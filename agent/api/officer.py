"""Officer routes (bearer API key): eligibility checks, document search, the handoff queue. Every action is
written to the hash-chained audit log; household data is logged as a fingerprint, not stored."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, HTTPException, Query
from pydantic import BaseModel, ConfigDict
from sqlmodel import Session

from agent import audit
from agent.api.deps import AdminDep, OfficerDep, ServicesDep, limit_client
from tools.eligibility.household import HouseholdInputError, parse_household
from tools.handoff.models import Handoff, utcnow_handoff
from tools.handoff.service import list_cases

router = APIRouter(prefix="/v1", tags=["officers"], dependencies=[Depends(limit_client)])
MAX_BATCH = 500


@router.post("/eligibility/check")
async def check(
    user: OfficerDep,
    services: ServicesDep,
    body: Annotated[dict[str, Any] | list[Any], Body(description="A household JSON, or a list of them.")],
    program: Annotated[
        list[str] | None, Query(description="Program ids (repeatable); all when omitted.")
    ] = None,
    as_of: Annotated[date | None, Query(description="Date the rules apply to.")] = None,
) -> Any:
    """The rules engine on one household (`{"results": [...]}`) or many (a list of `{"index", "results" | "error"}`)."""
    rules = services.chat.rules
    try:
        programs = rules.validate_programs(program, "program") if program else None
    except HouseholdInputError as exc:
        raise HTTPException(422, str(exc)) from None
    households = body if isinstance(body, list) else [body]
    if len(households) > MAX_BATCH:
        raise HTTPException(413, f"at most {MAX_BATCH} households per request")
    out: list[dict[str, Any]] = []
    for index, data in enumerate(households):
        try:
            results = rules.check(parse_household(data), programs, as_of)
            out.append({"index": index, "results": [r.model_dump(mode="json") for r in results]})
        except HouseholdInputError as exc:
            if not isinstance(body, list):
                raise HTTPException(422, str(exc)) from None
            out.append({"index": index, "error": str(exc)})
    audit.append(
        services.db,
        actor=user.name,
        role=user.role,
        action="eligibility.check",
        target=",".join(audit.fingerprint(h) for h in households[:20]),
        detail={
            "households": len(households),
            "programs": programs or "all",
            "as_of": str(as_of) if as_of else None,
            "statuses": [
                {r["program_id"]: r["status"] for r in item.get("results", [])} for item in out[:20]
            ],
        },
    )
    return out if isinstance(body, list) else {"results": out[0]["results"]}


@router.get("/search")
async def search(
    user: OfficerDep,
    services: ServicesDep,
    q: Annotated[str, Query(min_length=1, max_length=500, description="The question or key words.")],
    k: Annotated[int, Query(ge=1, le=20)] = 5,
) -> list[dict[str, Any]]:
    """Policy passages with citations (the same corpus the agent cites)."""
    hits = services.chat.retriever().search(q, k)
    audit.append(
        services.db,
        actor=user.name,
        role=user.role,
        action="search",
        target=audit.fingerprint(q),
        detail={"k": k},
    )
    return [h.model_dump(mode="json") for h in hits]


def _case(case: Handoff) -> dict[str, Any]:
    return case.model_dump(mode="json")


@router.get("/handoffs")
async def handoffs(
    user: OfficerDep,
    services: ServicesDep,
    status: Annotated[Literal["open", "claimed", "closed"] | None, Query()] = None,
) -> list[dict[str, Any]]:
    """The handoff queue, newest first."""
    audit.append(
        services.db, actor=user.name, role=user.role, action="handoffs.list", detail={"status": status}
    )
    return [_case(c) for c in list_cases(services.db, status)]


@router.get("/handoffs/{case_id}")
async def handoff(case_id: str, user: OfficerDep, services: ServicesDep) -> dict[str, Any]:
    """One case with its summary and the collected facts."""
    with Session(services.db) as db:
        case = db.get(Handoff, case_id)
    if case is None:
        raise HTTPException(404, "no such case")
    audit.append(services.db, actor=user.name, role=user.role, action="handoffs.read", target=case_id)
    return _case(case)


class HandoffUpdate(BaseModel):
    """Claim or close a case."""

    model_config = ConfigDict(extra="forbid")

    status: Literal["claimed", "closed"]


@router.patch("/handoffs/{case_id}")
async def update_handoff(
    case_id: str, change: HandoffUpdate, user: OfficerDep, services: ServicesDep
) -> dict[str, Any]:
    """open → claimed (by the caller) → closed; anything else is a 409."""
    with Session(services.db) as db:
        case = db.get(Handoff, case_id)
        if case is None:
            raise HTTPException(404, "no such case")
        allowed = {"open": {"claimed", "closed"}, "claimed": {"closed"}, "closed": set()}[case.status]
        if change.status not in allowed:
            raise HTTPException(409, f"a {case.status} case cannot become {change.status}")
        if change.status == "claimed":
            case.claimed_by = user.name
        else:
            case.closed_at = utcnow_handoff()
        case.status = change.status
        db.add(case)
        db.commit()
        db.refresh(case)
    audit.append(
        services.db, actor=user.name, role=user.role, action=f"handoffs.{change.status}", target=case_id
    )
    return _case(case)


@router.get("/audit")
async def audit_log(
    user: AdminDep,
    services: ServicesDep,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> dict[str, Any]:
    """Admins only: whether the hash chain is intact, and the newest entries."""
    verification = audit.verify(services.db)
    newest = list(audit.entries(services.db))[-limit:]
    audit.append(services.db, actor=user.name, role=user.role, action="audit.read", detail={"limit": limit})
    return {
        "intact": verification.ok,
        "entries": verification.count,
        "broken_at": verification.broken_at,
        "reason": verification.reason,
        "newest": [e.model_dump(mode="json") for e in reversed(newest)],
    }
