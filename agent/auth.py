"""Officer API keys: created once (shown once), stored as a hash, checked on every officer call."""

from __future__ import annotations

import hashlib
import secrets
from typing import Literal

from sqlalchemy import Engine
from sqlmodel import Session, select

from agent.models import ApiUser, utcnow

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
