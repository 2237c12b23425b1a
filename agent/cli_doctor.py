"""`welfare-agent doctor`: is the database, the search index and the model server reachable?

    welfare-agent doctor [--json]

Exit code 0 when everything required is fine, 1 when something is down. A model server that is down is
reported as such, with the reminder that the agent still answers in deterministic mode.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer

if TYPE_CHECKING:  # what each check needs is imported by that check: `--help` stays fast
    from agent.settings import Settings

Status = Literal["ok", "warn", "fail"]


@dataclass(frozen=True)
class Check:
    """One line of the report."""

    name: str
    status: Status
    detail: str
    data: dict[str, Any]


def check_database(settings: Settings) -> Check:
    """Reachable, migrated and seeded (a missing SQLite file is created on first start: a warning)."""
    from sqlalchemy import inspect, text

    from agent.db import make_engine

    url = settings.sqlalchemy_url
    shown = url
    if url.startswith("sqlite"):
        path = Path(url.removeprefix("sqlite:///"))
        if not path.exists():
            return Check(
                "database",
                "warn",
                f"{path} does not exist yet (created and seeded on first start)",
                {"url": url},
            )
    engine = make_engine(settings)
    try:
        shown = engine.url.render_as_string(hide_password=True)
        with engine.connect() as connection:
            connection.execute(text("select 1"))
            if "program" not in inspect(connection).get_table_names():
                return Check(
                    "database",
                    "warn",
                    f"{shown}: reachable, not migrated yet (done on first start)",
                    {"url": shown},
                )
            programs = int(connection.execute(text("select count(*) from program")).scalar_one())
    except Exception as exc:  # any driver error means: not usable
        return Check("database", "fail", f"{shown}: {type(exc).__name__}: {exc}"[:300], {"url": shown})
    finally:
        engine.dispose()
    if programs == 0:
        return Check(
            "database", "warn", f"{shown}: reachable, not seeded (done on first start)", {"url": shown}
        )
    return Check("database", "ok", f"{shown}: {programs} programs", {"url": shown, "programs": programs})


def check_index(settings: Settings) -> Check:
    from tools.retrieval.index import read_manifest

    """Whether the lexical search index is built (reading its manifest only; it is cheap)."""
    index_dir = settings.data_dir / "index"
    manifest = read_manifest(index_dir)
    if manifest is None:
        return Check(
            "index", "warn", f"{index_dir}: not built yet (built on first search)", {"path": str(index_dir)}
        )
    return Check(
        "index",
        "ok",
        f"{index_dir}: {manifest.passages} passages, {manifest.programs} programs, built {manifest.built_at}",
        {"path": str(index_dir), "passages": manifest.passages, "built_at": manifest.built_at},
    )


async def _health(settings: Settings) -> Check:
    from agent.llm.factory import make_backend

    backend = make_backend(settings)
    if backend is None:
        return Check(
            "model", "ok", "disabled (WELFARE_LLM_BACKEND=none): deterministic mode", {"backend": "none"}
        )
    try:
        health = await backend.health()
    finally:
        await backend.aclose()
    data = asdict(health)
    where = f"{health.backend} at {health.host}"
    if not health.reachable:
        return Check(
            "model", "fail", f"{where}: unreachable ({health.error}); replies use deterministic mode", data
        )
    if not health.model_present:
        listed = ", ".join(health.models) or "none"
        return Check(
            "model",
            "fail",
            f"{where}: model {health.model} not found (has: {listed}); replies use deterministic mode",
            data,
        )
    version = f" (server {health.version})" if health.version else ""
    return Check("model", "ok", f"{where}{version}: model {health.model} loaded", data)


def check_model(settings: Settings) -> Check:
    """Whether the model server answers and has the configured model."""
    return asyncio.run(_health(settings))


def run_checks(settings: Settings) -> list[Check]:
    """Every check, in order: database, index, model."""
    return [check_database(settings), check_index(settings), check_model(settings)]


def doctor_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Check the database, the search index and the model server; exit 1 when something is down."""
    from agent.settings import get_settings

    settings = get_settings()
    checks = run_checks(settings)
    ok = all(c.status != "fail" for c in checks)
    model = next(c for c in checks if c.name == "model")
    mode = "llm" if model.status == "ok" and model.data.get("backend") != "none" else "deterministic"
    if as_json:
        payload = {"ok": ok, "mode": mode, "checks": [asdict(c) for c in checks]}
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=1))
    else:
        width = max(len(c.name) for c in checks)
        for c in checks:
            typer.echo(f"{c.name.ljust(width)}  {c.status.upper():4}  {c.detail}")
        typer.echo(f"mode: {mode}" + ("" if ok else " (the agent still answers, deterministically)"))
    if not ok:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add `doctor` to the main app."""
    app.command("doctor")(doctor_command)
