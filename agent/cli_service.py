"""`welfare-agent serve` and the database maintenance commands."""

from __future__ import annotations

from typing import Annotated

import typer

db_app = typer.Typer(help="Database maintenance.", no_args_is_help=True)


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply migrations and seed the catalogue from the data files when they changed."""
    from agent.db import prepare_database
    from agent.settings import get_settings
    from agent.warmup import warm_up

    settings = get_settings()
    engine = prepare_database(settings)
    typer.echo(f"database ready: {engine.url.render_as_string(hide_password=True)}")
    # The first answer should not wait for these: built now, loaded by `serve` (see agent/warmup.py).
    warmed = warm_up(settings)
    typer.echo(
        f"search index ready: {warmed.passages} passages ({warmed.index_seconds:.1f} s); "
        f"intent model ready ({warmed.intent_seconds:.1f} s)"
    )


@db_app.command("seed")
def db_seed() -> None:
    """Re-load the program and parameter files into the database, even when unchanged."""
    from sqlmodel import Session

    from agent.db import make_engine, prepare_database
    from agent.settings import get_settings
    from tools.benefits.files import load_dataset
    from tools.benefits.seed import seed

    settings = get_settings()
    engine = prepare_database(settings, make_engine(settings))
    with Session(engine) as session:
        seed(session, load_dataset(settings.rules_dir), force=True)
    typer.echo("catalogue re-seeded")


def register(app: typer.Typer) -> None:
    """Add `serve` and `db` to the main app."""
    app.add_typer(db_app, name="db")

    @app.command()
    def serve(
        host: Annotated[
            str | None, typer.Option(help="Bind address (default WELFARE_HOST or 127.0.0.1)")
        ] = None,
        port: Annotated[int | None, typer.Option(help="Port (default WELFARE_PORT or 8000)")] = None,
    ) -> None:
        """Run the HTTP service."""
        import uvicorn

        from agent.app import create_app
        from agent.logging import configure_logging
        from agent.settings import get_settings
        from agent.warmup import warm_up

        settings = get_settings()
        configure_logging(settings.log_level, settings.log_format)
        warm_up(settings)  # before the port opens: a replica is ready when it answers
        uvicorn.run(
            create_app(settings), host=host or settings.host, port=port or settings.port, log_config=None
        )
