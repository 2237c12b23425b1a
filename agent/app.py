"""The FastAPI application (grows with the service issue: chat, officer API, web page)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from agent.db import load_rules_engine
from agent.settings import Settings, get_settings
from tools.eligibility.engine import Engine


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; the rules engine is loaded (and the database seeded) on start-up."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.rules = load_rules_engine(settings)
        yield

    app = FastAPI(title="Siheung welfare agent", version="0.1.0", lifespan=lifespan)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse({"error": exc.detail}, status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{"field": ".".join(str(p) for p in e["loc"]), "message": e["msg"]} for e in exc.errors()]
        return JSONResponse({"error": "invalid request", "details": errors}, status_code=422)

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        """Liveness."""
        return {"status": "ok"}

    @app.get("/v1/programs")
    async def list_programs(request: Request) -> list[dict[str, Any]]:
        """The program catalogue."""
        rules: Engine = request.app.state.rules
        return [rules.book.programs[pid].model_dump(mode="json") for pid in rules.program_ids]

    return app
