"""Administration commands: officer API keys (`users`), the audit log (`audit`), and retention (`purge`)."""

from __future__ import annotations

import asyncio
import json
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from agent.cli_common import fail

if TYPE_CHECKING:
    from sqlalchemy import Engine

# The database and the chat graph are imported by the commands that use them: `--help` stays fast.

users_app = typer.Typer(help="Officer API keys.", no_args_is_help=True)
audit_app = typer.Typer(help="The hash-chained audit log.", no_args_is_help=True)


def _engine() -> Engine:
    from agent.db import make_engine, prepare_database
    from agent.settings import get_settings

    settings = get_settings()
    return prepare_database(settings, make_engine(settings))


@users_app.command("add")
def users_add(
    name: Annotated[str, typer.Argument(help="The officer's name or login")],
    role: Annotated[str, typer.Option(help="officer or admin")] = "officer",
) -> None:
    """Create a key (printed once: store it safely)."""
    if role not in ("officer", "admin"):
        fail("--role: must be officer or admin")
    from agent.auth import create_user

    chosen: Literal["officer", "admin"] = "admin" if role == "admin" else "officer"
    user, key = create_user(_engine(), name.strip(), chosen)
    typer.echo(f"created {user.role} {user.name} (id {user.id}); key (shown once):\n{key}")


@users_app.command("list")
def users_list(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Every user (keys are never shown, only their first characters)."""
    from agent.auth import list_users

    users = list_users(_engine())
    rows = [
        {
            "id": u.id,
            "name": u.name,
            "role": u.role,
            "key_prefix": u.key_prefix,
            "revoked": u.revoked_at is not None,
        }
        for u in users
    ]
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False))
        return
    for row in rows:
        typer.echo(
            f"{row['id']:>4}  {row['name']:<20} {row['role']:<8} {row['key_prefix']}…  {'revoked' if row['revoked'] else 'active'}"
        )


@users_app.command("revoke")
def users_revoke(who: Annotated[str, typer.Argument(help="A name or a key prefix")]) -> None:
    """Revoke a user's active keys."""
    from agent.auth import revoke_user

    count = revoke_user(_engine(), who)
    if count == 0:
        fail(f"no active key for {who!r}")
    typer.echo(f"revoked {count} key(s)")


@audit_app.command("verify")
def audit_verify() -> None:
    """Recompute the hash chain; exit 1 when an entry was changed, removed or reordered."""
    from agent import audit as audit_log

    result = audit_log.verify(_engine())
    if result.ok:
        typer.echo(f"audit log intact: {result.count} entries")
        return
    typer.echo(f"audit log BROKEN at entry {result.broken_at}: {result.reason}", err=True)
    raise typer.Exit(1)


@audit_app.command("export")
def audit_export(
    out: Annotated[str, typer.Option("--out", help="FILE.jsonl, or - for stdout")] = "-",
) -> None:
    """Write every entry as JSON lines."""
    from agent import audit as audit_log

    lines = audit_log.export_lines(_engine())
    if out == "-":
        for line in lines:
            sys.stdout.write(line + "\n")
        return
    count = 0
    with Path(out).open("w", encoding="utf-8") as handle:
        for line in lines:
            handle.write(line + "\n")
            count += 1
    typer.echo(f"wrote {count} entries to {out}")


def register(app: typer.Typer) -> None:
    """Add `users`, `audit` and `purge`."""
    app.add_typer(users_app, name="users")
    app.add_typer(audit_app, name="audit")

    @app.command()
    def purge(
        days: Annotated[
            int | None, typer.Option(help="Keep this many days (default WELFARE_RETENTION_DAYS)")
        ] = None,
    ) -> None:
        """Delete conversations older than the retention period (default 30 days), the handoff cases closed
        before it (with their messages and call-back numbers) and the household records imported before it."""
        from agent.db import make_engine, prepare_database
        from agent.retention import purge_conversations
        from agent.settings import get_settings
        from tools.handoff.service import purge_closed
        from tools.screening.records import purge_records

        settings = get_settings()
        keep = settings.retention_days if days is None else days
        if keep < 0:
            fail("--days: must be 0 or more")
        cutoff = datetime.now(UTC) - timedelta(days=keep)
        removed = asyncio.run(purge_conversations(settings, cutoff))
        typer.echo(f"deleted {removed} conversation(s) last active before {cutoff:%Y-%m-%d %H:%M} UTC")
        engine = prepare_database(settings, make_engine(settings))
        try:
            cases = purge_closed(engine, cutoff)
            records = purge_records(engine, cutoff)
        finally:
            engine.dispose()
        typer.echo(f"deleted {cases} handoff case(s) closed before {cutoff:%Y-%m-%d %H:%M} UTC")
        typer.echo(f"deleted {records} household record(s) imported before {cutoff:%Y-%m-%d %H:%M} UTC")
