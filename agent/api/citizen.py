"""Citizen routes: chat (JSON and Server-Sent Events), her handoff case, feedback, the program catalogue,
deleting a session."""

from __future__ import annotations

import asyncio
import json
import logging
import re
import sqlite3
import time
from collections.abc import AsyncIterator
from typing import Annotated, Any, Literal

import psycopg
from fastapi import APIRouter, Depends, HTTPException, Request, Response
from fastapi.sse import EventSourceResponse, format_sse_event
from psycopg_pool import PoolTimeout
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from agent.api.deps import Services, ServicesDep, client_key, limit_client, limit_session
from agent.chat import MAX_MESSAGE_CHARS, new_session_id
from agent.errors import ChatInputError
from agent.models import Feedback
from graphs.guards import redact
from graphs.state import ChatTurn
from tools.handoff.service import case_of_session, messages_of

log = logging.getLogger(__name__)
router = APIRouter(prefix="/v1", tags=["citizens"], dependencies=[Depends(limit_client)])
SESSION_ID = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
_CHUNK = re.compile(r"\S+\s*")


class ChatRequest(BaseModel):
    """A citizen's message (the contract's chat request)."""

    model_config = ConfigDict(extra="forbid")

    session_id: str | None = Field(default=None, description="Omit to start a conversation.")
    message: str = Field(min_length=1, max_length=MAX_MESSAGE_CHARS)
    locale: Literal["ko", "en", "zh", "vi"] | None = None


class FeedbackRequest(BaseModel):
    """A rating of the agent's last reply."""

    model_config = ConfigDict(extra="forbid")

    session_id: str = Field(min_length=20, max_length=64)
    helpful: bool
    comment: str | None = Field(default=None, max_length=1000)
    intent: str | None = Field(default=None, max_length=32)
    programs: list[str] = Field(default_factory=list, max_length=20)


async def _session_for(request: ChatRequest, services: Services) -> str:
    """The client's session when it exists; otherwise a new one (a client cannot choose an id)."""
    if request.session_id is None:
        return new_session_id()
    if not SESSION_ID.match(request.session_id):
        raise HTTPException(422, "session_id: not a session id issued by this service")
    if await services.chat.session_exists(request.session_id):
        return request.session_id
    return new_session_id()


def _record(services: Services, turn: ChatTurn, started: float) -> None:
    metrics = services.metrics
    metrics.turns.labels(turn.intent, turn.mode, turn.language).inc()
    metrics.turn_seconds.observe(time.perf_counter() - started)
    metrics.llm_calls.inc(turn.usage.get("llm_calls", 0))
    metrics.prompt_tokens.inc(turn.usage.get("prompt_tokens", 0))
    if turn.crisis:
        metrics.crisis.inc()
    if turn.handoff:
        metrics.handoffs.inc()


async def _turn(
    request: ChatRequest, services: Services, session: str, client: str, on_token: Any = None
) -> ChatTurn:
    started = time.perf_counter()
    try:
        turn = await services.chat.turn(
            request.message,
            session_id=session,
            locale=request.locale,
            on_token=on_token,
            handoff_allowed=services.case_limiter.available(client),
        )
    except ChatInputError as exc:
        raise HTTPException(422, str(exc)) from None
    except (SQLAlchemyError, OSError, sqlite3.Error, psycopg.Error, PoolTimeout) as exc:
        services.metrics.errors.labels("database").inc()
        log.error("chat store unavailable", extra={"error": type(exc).__name__})
        raise HTTPException(
            503, "the service is temporarily unavailable; please try again shortly or call 129"
        ) from None
    if turn.handoff:
        services.case_limiter.check(client)  # one of the few cases this client may open
    _record(services, turn, started)
    return turn


@router.post("/chat", response_model=ChatTurn)
async def chat(request: ChatRequest, services: ServicesDep, http: Request) -> ChatTurn:
    """One chat turn."""
    session = await _session_for(request, services)
    limit_session(session, services)
    return await _turn(request, services, session, client_key(http))


@router.post(
    "/chat/stream",
    response_class=Response,
    responses={200: {"content": {"text/event-stream": {}}, "description": "token events, then one result"}},
)
async def chat_stream(request: ChatRequest, services: ServicesDep, http: Request) -> EventSourceResponse:
    """One chat turn as Server-Sent Events: `token` deltas, then one `result` (or `error`).

    The session and the rate limit are checked before the stream starts, so those errors are plain 4xx.
    """
    session = await _session_for(request, services)
    limit_session(session, services)
    return EventSourceResponse(_stream(request, services, session, client_key(http)))


def _sse(event: str, data: Any) -> bytes:
    return format_sse_event(event=event, data_str=json.dumps(data, ensure_ascii=False))


async def _stream(
    request: ChatRequest, services: Services, session: str, client: str
) -> AsyncIterator[bytes]:
    queue: asyncio.Queue[str | None] = asyncio.Queue()

    async def sink(text: str) -> None:
        await queue.put(text)

    async def run() -> ChatTurn:
        try:
            return await _turn(request, services, session, client, on_token=sink)
        finally:
            await queue.put(None)

    task = asyncio.create_task(run())
    sent: list[str] = []
    while (piece := await queue.get()) is not None:
        sent.append(piece)
        yield _sse("token", piece)
    streamed = bool(sent)
    try:
        turn = await task
    except HTTPException as exc:
        yield _sse("error", {"error": exc.detail, "status": exc.status_code})
        return
    except Exception:  # anything unexpected still ends the stream with an event, never a cut connection
        log.exception("chat stream failed")
        services.metrics.errors.labels("stream").inc()
        yield _sse("error", {"error": "the reply could not be completed; please try again", "status": 500})
        return
    if not streamed:  # deterministic mode: stream the final reply in word-sized pieces
        for piece in _CHUNK.findall(turn.reply):
            yield _sse("token", piece)
    elif _squeezed("".join(sent)) != _squeezed(turn.reply):
        # The model's reply failed its check after some sentences passed (only checked sentences are ever
        # sent): the page replaces what it showed with the reply that stands, before the result arrives.
        yield _sse("replace", {"text": turn.reply})
    yield _sse("result", turn.model_dump(mode="json"))


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


@router.post("/feedback", status_code=201)
async def feedback(request: FeedbackRequest, services: ServicesDep) -> dict[str, Any]:
    """Record a rating (the comment is redacted like any message)."""
    if not SESSION_ID.match(request.session_id) or not await services.chat.session_exists(request.session_id):
        raise HTTPException(404, "no such conversation")
    comment = redact(request.comment).text if request.comment else None
    item = Feedback(
        session_id=request.session_id,
        helpful=request.helpful,
        comment=comment,
        intent=request.intent,
        programs=request.programs,
    )
    with Session(services.db) as db:
        db.add(item)
        db.commit()
        db.refresh(item)
    for program in request.programs or ["-"]:
        services.metrics.feedback.labels(request.intent or "-", program, str(request.helpful).lower()).inc()
    return {"id": item.id, "status": "recorded"}


@router.delete("/sessions/{session_id}", status_code=204)
async def delete_session(
    session_id: Annotated[str, "the conversation to forget"], services: ServicesDep
) -> Response:
    """Delete a conversation (only its holder knows the unguessable id)."""
    if not SESSION_ID.match(session_id) or not await services.chat.session_exists(session_id):
        raise HTTPException(404, "no such conversation")
    await services.chat.delete_session(session_id)
    return Response(status_code=204)


@router.get("/sessions/{session_id}/handoff")
async def session_handoff(
    session_id: Annotated[str, "the conversation whose case to show"], services: ServicesDep
) -> dict[str, Any]:
    """Her case and the officer's replies (the session id is her only credential); 404 when there is none."""
    if not SESSION_ID.match(session_id):
        raise HTTPException(404, "no case for this conversation")
    case = await asyncio.to_thread(case_of_session, services.db, session_id)
    if case is None:
        raise HTTPException(404, "no case for this conversation")
    messages = await asyncio.to_thread(messages_of, services.db, case.id)
    return {
        "case_id": case.id,
        "status": case.status,
        "contact": case.contact,
        "messages": [{"from": m.sender, "text": m.text, "at": m.at.isoformat()} for m in messages],
    }


@router.get("/programs")
async def programs(services: ServicesDep) -> list[dict[str, Any]]:
    """The program catalogue."""
    rules = services.chat.rules
    return [rules.book.programs[pid].model_dump(mode="json") for pid in rules.program_ids]
