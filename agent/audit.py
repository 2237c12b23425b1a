"""The append-only audit log of officer actions, hash-chained so that tampering is detectable."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, text
from sqlmodel import Session, select

from agent.models import AuditEntry, utcnow

GENESIS = "0" * 64
_lock = threading.Lock()


def _digest(prev_hash: str, entry: AuditEntry) -> str:
    body = {
        "ts": entry.ts.isoformat(),
        "actor": entry.actor,
        "role": entry.role,
        "action": entry.action,
        "target": entry.target,
        "detail": entry.detail,
    }
    canonical = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256((prev_hash + canonical).encode()).hexdigest()


def fingerprint(data: Any) -> str:
    """A short, stable fingerprint of a household or request: logged instead of the personal data itself."""
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def append(
    engine: Engine,
    *,
    actor: str,
    role: str,
    action: str,
    target: str = "",
    detail: dict[str, Any] | None = None,
) -> AuditEntry:
    """Add an entry after the newest one (serialised, so two writers never fork the chain)."""
    with _lock, Session(engine) as session:
        if engine.dialect.name == "postgresql":
            session.exec(text("SELECT pg_advisory_xact_lock(727274)"))  # type: ignore[call-overload]
        last = session.exec(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).first()  # type: ignore[union-attr]
        prev = last.hash if last else GENESIS
        entry = AuditEntry(
            ts=utcnow(),
            actor=actor,
            role=role,
            action=action,
            target=target,
            detail=detail or {},
            prev_hash=prev,
            hash="",
        )
        entry.hash = _digest(prev, entry)
        session.add(entry)
        session.commit()
        session.refresh(entry)
        return entry


def entries(engine: Engine) -> Iterator[AuditEntry]:
    """Every entry, oldest first."""
    with Session(engine) as session:
        yield from session.exec(select(AuditEntry).order_by(AuditEntry.id))  # type: ignore[arg-type]


@dataclass
class Verification:
    """The result of walking the chain."""

    ok: bool
    count: int
    broken_at: int | None = None
    reason: str | None = None


def verify(engine: Engine) -> Verification:
    """Recompute every hash; report the first entry that was changed, removed or reordered."""
    prev = GENESIS
    count = 0
    for entry in entries(engine):
        count += 1
        if entry.prev_hash != prev:
            return Verification(
                False, count, entry.id, "previous hash does not match (an entry was removed or reordered)"
            )
        if _digest(prev, entry) != entry.hash:
            return Verification(False, count, entry.id, "hash does not match the entry (it was changed)")
        prev = entry.hash
    return Verification(True, count)


def export_lines(engine: Engine) -> Iterator[str]:
    """The log as JSON lines, for an archive."""
    for entry in entries(engine):
        yield json.dumps(entry.model_dump(mode="json"), ensure_ascii=False, sort_keys=True)
