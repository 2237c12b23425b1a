"""Officer routes (bearer API key): eligibility checks, document search, the handoff queue. Every action is
written to the hash-chained audit log; household data is logged as a fingerprint, not stored."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, HTTPException, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from agent import audit
from agent.api.deps import AdminDep, OfficerDep, Services, ServicesDep, limit_client
from graphs.slots import questions_for
from tools.eligibility.household import HouseholdInputError, parse_household
from tools.handoff.models import Handoff
from tools.handoff.service import (
    CaseStateError,
    add_message,
    change_status,
    get_case,
    list_cases,
    messages_of,
)

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
    """The rules engine on one household (`{"results": [...], "stamp"}`) or many (a list of `{"index", "results" |
    "error", "stamp"}`)."""
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
    # What produced the results (rules data, documents, prompts; the engine is deterministic): a list answer
    # carries it on every item, a single one beside its results.
    stamp = (await services.chat.stamp("deterministic")).model_dump()
    if isinstance(body, list):
        return [{**item, "stamp": stamp} for item in out]
    return {"results": out[0]["results"], "stamp": stamp}


@router.post("/eligibility/consult")
async def consult(
    user: OfficerDep,
    services: ServicesDep,
    body: Annotated[dict[str, Any], Body(description="A household JSON (as for /eligibility/check).")],
    as_of: Annotated[date | None, Query(description="Date the rules apply to.")] = None,
) -> Any:
    """The consultation screen's view of one household: every program's result, its Korean name, and for
    each fact still missing the question to ask the resident. Invalid input: 422 naming the field."""
    try:
        household = parse_household(body)
    except HouseholdInputError as exc:
        return JSONResponse({"error": str(exc), "field": exc.field}, status_code=422)
    rules = services.chat.rules
    results = rules.check(household, None, as_of)
    audit.append(
        services.db,
        actor=user.name,
        role=user.role,
        action="eligibility.consult",
        target=audit.fingerprint(body),
        detail={"statuses": {r.program_id: r.status for r in results}},
    )
    return {
        "results": [
            {
                **r.model_dump(mode="json"),
                "name_ko": rules.book.programs[r.program_id].name_ko,
                "questions": questions_for(r.missing),
            }
            for r in results
        ]
    }


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


QUEUE_FIELDS = (
    "id",
    "session_id",
    "status",
    "reason",
    "language",
    "contact",
    "programs",
    "summary",
    "created_at",
    "claimed_by",
    "closed_at",
    "outcome",
)


def _queue_item(case: Handoff) -> dict[str, Any]:
    """What the queue shows of a case (the packet, with the number and the transcript, is one click away)."""
    data = case.model_dump(mode="json", include=set(QUEUE_FIELDS))
    data["case_id"] = case.id
    return data


def _packet(case: Handoff, services: Services) -> dict[str, Any]:
    """The case packet: summary, facts, results, redacted transcript, contact, and the messages so far."""
    data = case.model_dump(mode="json")
    data["case_id"] = case.id
    data["messages"] = [
        {"from": m.sender, "author": m.author, "text": m.text, "at": m.at.isoformat()}
        for m in messages_of(services.db, case.id)
    ]
    return data


def _found(services: Services, case_id: str) -> Handoff:
    case = get_case(services.db, case_id)
    if case is None:
        raise HTTPException(404, "no such case")
    return case


@router.get("/handoffs")
async def handoffs(
    user: OfficerDep,
    services: ServicesDep,
    status: Annotated[Literal["open", "claimed", "closed"] | None, Query()] = None,
) -> list[dict[str, Any]]:
    """The handoff queue: crisis cases first, then the newest."""
    cases = list_cases(services.db, status)
    audit.append(
        services.db,
        actor=user.name,
        role=user.role,
        action="handoffs.list",
        detail={"status": status, "cases": [c.id for c in cases[:50]]},
    )
    return [_queue_item(c) for c in cases]


@router.get("/handoffs/summary")
async def handoffs_summary(user: OfficerDep, services: ServicesDep) -> dict[str, int]:
    """How many cases wait, and how many of them are crisis cases (counts only: no case is viewed)."""
    del user
    waiting = list_cases(services.db, "open")
    return {"open": len(waiting), "crisis_open": sum(c.reason == "crisis" for c in waiting)}


@router.get("/handoffs/{case_id}")
async def handoff(case_id: str, user: OfficerDep, services: ServicesDep) -> dict[str, Any]:
    """One case packet (every view is audited: it holds personal data)."""
    case = _found(services, case_id)
    audit.append(services.db, actor=user.name, role=user.role, action="handoffs.read", target=case_id)
    return _packet(case, services)


class HandoffUpdate(BaseModel):
    """Claim or close a case (closing says what came of it)."""

    model_config = ConfigDict(extra="forbid")

    status: Literal["claimed", "closed"]
    outcome: str | None = Field(default=None, max_length=2000)


@router.patch("/handoffs/{case_id}")
async def update_handoff(
    case_id: str, change: HandoffUpdate, user: OfficerDep, services: ServicesDep
) -> dict[str, Any]:
    """open → claimed (by the caller) → closed with an outcome; anything else is a 409."""
    if change.status == "closed" and not (change.outcome or "").strip():
        raise HTTPException(422, "outcome: say what came of the case when closing it")
    try:
        case = change_status(services.db, case_id, change.status, user.name, change.outcome)
    except KeyError:
        raise HTTPException(404, "no such case") from None
    except CaseStateError as exc:
        raise HTTPException(409, str(exc)) from None
    audit.append(
        services.db,
        actor=user.name,
        role=user.role,
        action=f"handoffs.{change.status}",
        target=case_id,
        detail={"outcome": change.outcome} if change.outcome else {},
    )
    return _packet(case, services)


class OfficerMessage(BaseModel):
    """An officer's reply to the citizen (shown in her chat)."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=4000)


@router.post("/handoffs/{case_id}/messages", status_code=201)
async def reply_to_citizen(
    case_id: str, message: OfficerMessage, user: OfficerDep, services: ServicesDep
) -> dict[str, Any]:
    """Reply to the citizen; she sees it in her chat page. A closed case takes no more replies (409)."""
    case = _found(services, case_id)
    if case.status == "closed":
        raise HTTPException(409, "the case is closed")
    text = message.text.strip()
    if not text:
        raise HTTPException(422, "text: must not be empty")
    if case.status == "open":  # answering a case takes it
        case = change_status(services.db, case_id, "claimed", user.name, None)
    sent = add_message(services.db, case_id, "officer", text, author=user.name)
    audit.append(
        services.db,
        actor=user.name,
        role=user.role,
        action="handoffs.reply",
        target=case_id,
        detail={"chars": len(text)},
    )
    return {"from": "officer", "author": sent.author, "text": sent.text, "at": sent.at.isoformat()}


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
