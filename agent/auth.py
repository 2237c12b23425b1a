"""Officer API keys (created once, shown once, stored as a hash, checked on every officer call) and the console's
sign-in sessions (a key exchanged for a random cookie token; the table keeps only its hash)."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Literal

from sqlalchemy import Engine
from sqlmodel import Session, select

from agent.models import ApiUser, OfficerSession, utcnow

Role = Literal["officer", "admin"]
KEY_PREFIX = "wa_"


def hash_key(key: str) -> str:
    """sha256 of a key (keys are 256 random bits, so a fast hash is enough)."""
    return hashlib.sha256(key.encode()).hexdigest()


def create_user(engine: Engine, name: str, role: Role) -> tuple[ApiUser, str]:
    """A new user and its key; the key is returned once and never stored."""
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    user = ApiUser(name=name, role=role, key_prefix=key[:10], key_hash=hash_key(key))
    with Session(engine) as session:
        session.add(user)
        session.commit()
        session.refresh(user)
    return user, key


def list_users(engine: Engine) -> list[ApiUser]:
    """Every user, active and revoked."""
    with Session(engine) as session:
        return list(session.exec(select(ApiUser).order_by(ApiUser.id)))  # type: ignore[arg-type]


def revoke_user(engine: Engine, name_or_prefix: str) -> int:
    """Revoke the active keys of a user (by name or key prefix); returns how many were revoked."""
    with Session(engine) as session:
        users = session.exec(
            select(ApiUser).where(
                (ApiUser.name == name_or_prefix) | (ApiUser.key_prefix == name_or_prefix),
                ApiUser.revoked_at == None,  # noqa: E711 - SQL IS NULL
            )
        ).all()
        for user in users:
            user.revoked_at = utcnow()
            session.add(user)
        session.commit()
        return len(users)


def authenticate(engine: Engine, key: str) -> ApiUser | None:
    """The active user holding `key`, or None."""
    if not key.startswith(KEY_PREFIX):
        return None
    with Session(engine) as session:
        user = session.exec(select(ApiUser).where(ApiUser.key_hash == hash_key(key))).first()
    if user is None or user.revoked_at is not None:
        return None
    return user


def sign_in(engine: Engine, key: str, hours: float) -> tuple[ApiUser, str, OfficerSession] | None:
    """A console session for the holder of `key`: (user, cookie token, session), or None for a bad key.

    The token is returned once; the table stores its hash, so a copy of the database signs no one in.
    """
    user = authenticate(engine, key)
    if user is None or user.id is None:
        return None
    token = secrets.token_urlsafe(32)
    now = utcnow()
    session_row = OfficerSession(
        id=hash_key(token),
        user_id=user.id,
        csrf=secrets.token_urlsafe(24),
        created_at=now,
        expires_at=now + timedelta(hours=hours),
    )
    with Session(engine) as session:
        session.add(session_row)
        session.commit()
        session.refresh(session_row)
    return user, token, session_row


def session_user(engine: Engine, token: str) -> tuple[ApiUser, OfficerSession] | None:
    """The user of a live console session (expired sessions and revoked keys end it), or None."""
    if not token:
        return None
    with Session(engine) as session:
        row = session.get(OfficerSession, hash_key(token))
        if row is None:
            return None
        if row.expires_at <= utcnow():
            session.delete(row)
            session.commit()
            return None
        user = session.get(ApiUser, row.user_id)
    if user is None or user.revoked_at is not None:
        return None
    return user, row


def sign_out(engine: Engine, token: str) -> None:
    """End a console session."""
    with Session(engine) as session:
        row = session.get(OfficerSession, hash_key(token))
        if row is not None:
            session.delete(row)
            session.commit()
