"""Create, read and answer handoff cases."""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, case, delete
from sqlmodel import Session, col, select

from tools.handoff.models import Handoff, HandoffMessage, utcnow_handoff

#: Allowed status changes: an open case is claimed (or closed at once), a claimed one is closed.
TRANSITIONS: dict[str, frozenset[str]] = {
    "open": frozenset({"claimed", "closed"}),
    "claimed": frozenset({"closed"}),
    "closed": frozenset(),
}


class CaseStateError(ValueError):
    """A status change the case's current status does not allow."""


def create_case(
    engine: Engine,
    *,
    session_id: str,
    reason: str,
    language: str,
    summary: str,
    facts: dict[str, Any],
    programs: list[str],
    contact: str = "chat",
    results: list[dict[str, Any]] | None = None,
    transcript: list[dict[str, Any]] | None = None,
) -> Handoff:
    """Record a case; one case in progress per session (asking again returns the one not yet closed)."""
    with Session(engine) as session:
        existing = session.exec(
            select(Handoff).where(Handoff.session_id == session_id, Handoff.status != "closed")
        ).first()
        if existing is not None:
            return existing
        created = Handoff(
            id="H" + secrets.token_hex(8),
            session_id=session_id,
            reason=reason,
            language=language,
            summary=summary,
            facts=facts,
            programs=programs,
            contact=contact,
            results=results or [],
            transcript=transcript or [],
        )
        session.add(created)
        session.commit()
        session.refresh(created)
        return created


def attach_phone(engine: Engine, case_id: str, phone: str) -> None:
    """Keep the citizen's call-back number in her case (and nowhere else)."""
    with Session(engine) as session:
        found = session.get(Handoff, case_id)
        if found is not None:
            found.phone, found.contact = phone, "phone"
            session.add(found)
            session.commit()


def list_cases(engine: Engine, status: str | None = None) -> list[Handoff]:
    """The queue: crisis cases first, then cases in progress before closed ones, newest first within each."""
    with Session(engine) as session:
        query = select(Handoff)
        if status:
            query = query.where(Handoff.status == status)
        crisis_first = case((col(Handoff.reason) == "crisis", 0), else_=1)
        closed_last = case((col(Handoff.status) == "closed", 1), else_=0)
        return list(session.exec(query.order_by(closed_last, crisis_first, col(Handoff.created_at).desc())))


def get_case(engine: Engine, case_id: str) -> Handoff | None:
    """One case by id."""
    with Session(engine) as session:
        return session.get(Handoff, case_id)


def case_of_session(engine: Engine, session_id: str) -> Handoff | None:
    """The session's newest case (in progress or closed), or None."""
    with Session(engine) as session:
        return session.exec(
            select(Handoff).where(Handoff.session_id == session_id).order_by(col(Handoff.created_at).desc())
        ).first()


def change_status(engine: Engine, case_id: str, status: str, officer: str, outcome: str | None) -> Handoff:
    """open → claimed (by `officer`) → closed (with an outcome); `CaseStateError` for anything else,
    `KeyError` when there is no such case."""
    with Session(engine) as session:
        found = session.get(Handoff, case_id)
        if found is None:
            raise KeyError(case_id)
        if status not in TRANSITIONS[found.status]:
            raise CaseStateError(f"a {found.status} case cannot become {status}")
        if status == "claimed":
            found.claimed_by = officer
        else:
            found.closed_at = utcnow_handoff()
            found.claimed_by = found.claimed_by or officer
            found.outcome = outcome
        found.status = status
        session.add(found)
        session.commit()
        session.refresh(found)
        return found


def add_message(
    engine: Engine, case_id: str, sender: str, text: str, author: str | None = None
) -> HandoffMessage:
    """Append a message to a case (the text must already be redacted when it comes from a citizen)."""
    with Session(engine) as session:
        message = HandoffMessage(case_id=case_id, sender=sender, author=author, text=text)
        session.add(message)
        session.commit()
        session.refresh(message)
        return message


def messages_of(engine: Engine, case_id: str) -> list[HandoffMessage]:
    """A case's messages, oldest first."""
    with Session(engine) as session:
        return list(
            session.exec(
                select(HandoffMessage)
                .where(HandoffMessage.case_id == case_id)
                .order_by(col(HandoffMessage.at), col(HandoffMessage.id))
            )
        )


def purge_closed(engine: Engine, cutoff: datetime) -> int:
    """Delete the cases closed before `cutoff` with their messages and call-back numbers; returns how many."""
    with Session(engine) as session:
        stale = list(
            session.exec(
                select(Handoff.id).where(Handoff.status == "closed", col(Handoff.closed_at) < cutoff)
            )
        )
        if stale:
            session.execute(delete(HandoffMessage).where(col(HandoffMessage.case_id).in_(stale)))
            session.execute(delete(Handoff).where(col(Handoff.id).in_(stale)))
            session.commit()
        return len(stale)
