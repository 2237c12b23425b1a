"""The FastAPI application: citizen chat and web page, officer API, operations."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import psycopg
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from psycopg_pool import PoolTimeout
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException

from agent.api import citizen, console, officer, ops, screening
from agent.api.deps import Services
from agent.api.middleware import BodyLimit, RequestLog
from agent.chat import ChatService
from agent.metrics import Metrics
from agent.ratelimit import Limiter, make_storage, token_windows
from agent.settings import Settings, get_settings
from agent.web import STATIC

log = logging.getLogger(__name__)


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; the chat service (database, rules, checkpointer, model backend) opens at start-up."""
    settings = settings or get_settings()
    metrics = Metrics()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        storage = make_storage(settings.redis_url)  # one count for every replica when Redis is configured
        async with ChatService(settings) as chat:
            app.state.services = Services(
                settings=settings,
                chat=chat,
                db=chat.db,
                metrics=metrics,
                session_limiter=Limiter(
                    "session",
                    token_windows(settings.rate_session_per_min, int(settings.rate_session_per_min // 3)),
                    storage,
                ),
                client_limiter=Limiter(
                    "client",
                    token_windows(settings.rate_client_per_min, int(settings.rate_client_per_min // 3)),
                    storage,
                ),
                case_limiter=Limiter(
                    "cases",
                    token_windows(settings.rate_cases_per_hour / 60, int(settings.rate_cases_per_hour)),
                    storage,
                ),
            )
            yield

    app = FastAPI(
        title="Siheung welfare agent",
        version="0.1.0",
        description="Citizen chat, officer eligibility API and operations for Siheung City's welfare agent.",
        lifespan=lifespan,
    )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse({"error": exc.detail}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {
                "field": "body"
                if e["type"] == "json_invalid"
                else ".".join(str(p) for p in e["loc"] if p != "body"),
                "message": "invalid JSON" if e["type"] == "json_invalid" else e["msg"],
            }
            for e in exc.errors()
        ]
        first = errors[0] if errors else {"field": "", "message": "invalid request"}
        return JSONResponse(
            {
                "error": f"{first['field']}: {first['message']}" if first["field"] else first["message"],
                "details": errors,
            },
            status_code=422,
        )

    @app.exception_handler(SQLAlchemyError)
    @app.exception_handler(psycopg.Error)
    @app.exception_handler(PoolTimeout)
    @app.exception_handler(sqlite3.Error)
    async def database_error(_: Request, exc: Exception) -> JSONResponse:
        metrics.errors.labels("database").inc()
        log.error("database unavailable", extra={"error": type(exc).__name__})
        return JSONResponse(
            {"error": "the service is temporarily unavailable; please try again shortly"}, status_code=503
        )

    app.include_router(citizen.router)
    app.include_router(officer.router)
    app.include_router(screening.router)
    app.include_router(ops.router)
    app.include_router(console.router)

    if STATIC.is_dir():
        app.mount("/static", StaticFiles(directory=STATIC), name="static")

        @app.get("/", include_in_schema=False)
        async def index() -> FileResponse:
            return FileResponse(STATIC / "index.html")

    officer_batches = dict.fromkeys(
        ("/v1/screenings", "/v1/eligibility/check"), settings.max_officer_body_bytes
    )
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes, larger=officer_batches)
    app.add_middleware(RequestLog, metrics=metrics)
    return app
