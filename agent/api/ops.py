"""Operations: liveness, readiness (database, index, model server) and Prometheus metrics."""

from __future__ import annotations

import hmac
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from sqlalchemy import text

from agent.api.deps import ServicesDep

router = APIRouter(tags=["operations"])


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    """The process is up."""
    return {"status": "ok"}


@router.get("/readyz")
async def readyz(services: ServicesDep) -> Response:
    """Ready when the database answers; the index and the model server are reported (deterministic mode
    works without a model server, so its absence does not make the service unready)."""
    checks: dict[str, Any] = {}
    ready = True
    try:
        with services.db.connect() as connection:
            connection.execute(text("select 1"))
        checks["database"] = "ok"
    except Exception as exc:  # any failure to reach the database means not ready
        checks["database"] = f"unavailable ({type(exc).__name__})"
        ready = False
    index_dir = services.settings.data_dir / "index"
    checks["index"] = "ok" if index_dir.exists() else "not built yet (built on first search)"
    llm = services.chat.llm
    if llm is None:
        checks["model"] = "none (deterministic mode)"
    else:
        health = await llm.health()
        checks["model"] = {
            "reachable": health.reachable,
            "model": health.model,
            "present": health.model_present,
            "circuit": health.circuit,
            "mode": "llm" if health.ok else "deterministic fallback",
        }
    return JSONResponse({"ready": ready, "checks": checks}, status_code=200 if ready else 503)


@router.get("/metrics")
async def metrics(request: Request, services: ServicesDep) -> Response:
    """Prometheus metrics, for the bearer of `WELFARE_METRICS_KEY`, or (with no key set) for clients on this
    host that did not come through a proxy."""
    key = services.settings.metrics_key or None  # an empty key is no key
    if key is not None:
        given = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode(), key.encode()):
            return JSONResponse({"detail": "metrics need the metrics key"}, status_code=401)
    elif not _local(request):
        return JSONResponse({"detail": "metrics are served only on this host"}, status_code=403)
    return Response(services.metrics.render(), media_type="text/plain; version=0.0.4")


def _local(request: Request) -> bool:
    """A request from this host itself, not one a proxy forwarded."""
    host = request.client.host if request.client else ""
    forwarded = "x-forwarded-for" in request.headers or "forwarded" in request.headers
    return not forwarded and host in ("127.0.0.1", "::1")
