"""What the routes depend on: the service container, the caller's identity, rate limits."""

from __future__ import annotations

import hmac
import ipaddress
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from sqlalchemy import Engine

from agent.auth import authenticate, session_user
from agent.chat import ChatService
from agent.metrics import Metrics
from agent.models import ApiUser
from agent.ratelimit import Limiter
from agent.settings import Settings


@dataclass
class Services:
    """Everything a request needs, built once at start-up."""

    settings: Settings
    chat: ChatService
    db: Engine
    metrics: Metrics
    session_limiter: Limiter
    client_limiter: Limiter
    case_limiter: Limiter
    """Handoff cases a client may open (a few an hour)."""


def get_services(request: Request) -> Services:
    """The app's services (set by the lifespan)."""
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]


@lru_cache(maxsize=8)
def _networks(spec: str) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    return tuple(ipaddress.ip_network(part.strip(), strict=False) for part in spec.split(",") if part.strip())


def _trusted(host: str, spec: str) -> bool:
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return any(address in network for network in _networks(spec))


def client_key(request: Request) -> str:
    """The client's address: behind a trusted proxy (`WELFARE_TRUSTED_PROXIES`) the first X-Forwarded-For hop
    it set, otherwise the connection's own address, so a client cannot pick a new identity per request."""
    peer = request.client.host if request.client else "unknown"
    forwarded = request.headers.get("x-forwarded-for")
    services: Services | None = getattr(request.app.state, "services", None)
    spec = services.settings.trusted_proxies if services is not None else ""
    if forwarded and _trusted(peer, spec):
        return forwarded.split(",")[0].strip()
    return peer


def limit_client(request: Request, services: ServicesDep) -> None:
    """429 with Retry-After when a client sends too many requests."""
    wait = services.client_limiter.check(client_key(request))
    if wait is not None:
        raise HTTPException(429, "too many requests", headers={"Retry-After": str(int(wait))})


def limit_session(session_id: str, services: Services) -> None:
    """429 with Retry-After when one conversation sends turns too fast."""
    wait = services.session_limiter.check(session_id)
    if wait is not None:
        raise HTTPException(
            429, "too many messages in this conversation", headers={"Retry-After": str(int(wait))}
        )


SESSION_COOKIE = "welfare_officer"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def csrf_ok(request: Request, expected: str) -> bool:
    """Whether the request echoes the console session's CSRF token (compared in constant time)."""
    return hmac.compare_digest(request.headers.get(CSRF_HEADER, "").encode(), expected.encode())


def officer(request: Request, services: ServicesDep) -> ApiUser:
    """The authenticated officer or admin, else 401.

    A script sends its key (Authorization: Bearer <key>); the console sends its session cookie, and on every
    request that changes something also the session's CSRF token in X-CSRF-Token (a page on another site can
    make the browser send the cookie, never read the token).
    """
    header = request.headers.get("authorization", "")
    scheme, _, key = header.partition(" ")
    if scheme.lower() == "bearer":
        user = authenticate(services.db, key.strip())
    else:
        signed_in = session_user(services.db, request.cookies.get(SESSION_COOKIE, ""))
        user = signed_in[0] if signed_in else None
        if signed_in and request.method not in SAFE_METHODS and not csrf_ok(request, signed_in[1].csrf):
            raise HTTPException(403, "the console's CSRF token is missing or wrong; reload the page")
    if user is None:
        raise HTTPException(
            401, "a valid officer API key is required", headers={"WWW-Authenticate": "Bearer"}
        )
    return user


OfficerDep = Annotated[ApiUser, Depends(officer)]


def admin(user: OfficerDep) -> ApiUser:
    """An authenticated admin, else 403."""
    if user.role != "admin":
        raise HTTPException(403, "this needs an admin key")
    return user


AdminDep = Annotated[ApiUser, Depends(admin)]
