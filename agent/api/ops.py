"""Operations: liveness, readiness (database, index, model server) and Prometheus metrics."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response
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
async def metrics(services: ServicesDep) -> Response:
    """Prometheus metrics."""
    return Response(services.metrics.render(), media_type="text/plain; version=0.0.4")
