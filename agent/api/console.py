"""The officers' console: its page, and signing in and out (an officer key exchanged for a session cookie).

The key is typed once into the sign-in form and sent in a POST body, never in a URL; the cookie holds a random
token (HttpOnly, SameSite=Strict, Secure behind HTTPS) whose hash is stored. The console then calls the officer
API with that cookie, and every request that changes something carries the session's CSRF token.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from fastapi.responses import FileResponse
from pydantic import BaseModel, ConfigDict, Field

from agent import audit
from agent.api.deps import SESSION_COOKIE, ServicesDep, csrf_ok, limit_client
from agent.auth import session_user, sign_in, sign_out
from agent.web import STATIC

router = APIRouter(tags=["console"], dependencies=[Depends(limit_client)])
PAGE_HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
    "base-uri 'none'; form-action 'self'",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


class SignIn(BaseModel):
    """The sign-in form: an officer key (`welfare-agent users add`)."""

    model_config = ConfigDict(extra="forbid")

    key: str = Field(min_length=1, max_length=200)


def _same_origin(request: Request) -> bool:
    """A browser's sign-in comes from this site's own page (a form elsewhere cannot sign someone in here)."""
    origin = request.headers.get("origin")
    if origin is None or (origin == "null" and request.headers.get("sec-fetch-site") == "same-origin"):
        return True
    return origin == f"{request.url.scheme}://{request.headers.get('host', request.url.netloc)}"


@router.get("/officer", include_in_schema=False)
async def console_page() -> FileResponse:
    """The console (a single page; it asks for the key when not signed in)."""
    return FileResponse(STATIC / "officer.html", headers=PAGE_HEADERS)


@router.post("/officer/session")
async def console_sign_in(form: SignIn, request: Request, response: Response, services: ServicesDep) -> Any:
    """Exchange an officer key for a session cookie; returns who signed in and the CSRF token."""
    if not _same_origin(request):
        raise HTTPException(403, "sign in from the console's own page")
    signed = sign_in(services.db, form.key.strip(), services.settings.officer_session_hours)
    if signed is None:
        raise HTTPException(401, "that key is not valid (ask an administrator for an officer key)")
    user, token, row = signed
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=int(services.settings.officer_session_hours * 3600),
        path="/",
        httponly=True,
        samesite="strict",
        secure=services.settings.cookie_secure or request.url.scheme == "https",
    )
    audit.append(services.db, actor=user.name, role=user.role, action="console.sign_in")
    return {"name": user.name, "role": user.role, "csrf": row.csrf}


@router.get("/officer/session")
async def console_whoami(request: Request, services: ServicesDep) -> dict[str, Any]:
    """Who is signed in, and the CSRF token the page must send (401 when nobody is)."""
    signed = session_user(services.db, request.cookies.get(SESSION_COOKIE, ""))
    if signed is None:
        raise HTTPException(401, "not signed in")
    user, row = signed
    return {"name": user.name, "role": user.role, "csrf": row.csrf}


@router.delete("/officer/session", status_code=204)
async def console_sign_out(request: Request, services: ServicesDep) -> Response:
    """Sign out: the session ends on the server, and the cookie is cleared."""
    token = request.cookies.get(SESSION_COOKIE, "")
    signed = session_user(services.db, token)
    if signed is not None:
        user, row = signed
        if not csrf_ok(request, row.csrf):
            raise HTTPException(403, "the console's CSRF token is missing or wrong; reload the page")
        sign_out(services.db, token)
        audit.append(services.db, actor=user.name, role=user.role, action="console.sign_out")
    response = Response(status_code=204)
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict")
    return response
