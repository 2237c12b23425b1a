"""The `welfare-agent` command line (Typer)."""

from __future__ import annotations

from pathlib import Path

import typer

from agent import (
    cli_admin,
    cli_chat,
    cli_doctor,
    cli_eligibility,
    cli_retrieval,
    cli_screening,
    cli_service,
    cli_tools,
)

app = typer.Typer(
    name="welfare-agent",
    help="Siheung welfare agent: eligibility checks, policy search and chat.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _configure() -> None:
    """Structured logs on stderr for every command."""
    from agent.logging import configure_logging
    from agent.settings import get_settings

    settings = get_settings()
    # Commands print results and conversations on the terminal: the log goes to a file beside the data
    # (`serve` logs on stderr instead, as services do).
    configure_logging(settings.log_level, "json", file=log_file(settings.data_dir))


cli_eligibility.register(app)
cli_screening.register(app)
cli_retrieval.register(app)
cli_service.register(app)
cli_chat.register(app)
cli_admin.register(app)
cli_doctor.register(app)
cli_tools.register(app)


def log_file(data_dir: Path) -> Path:
    """Where the terminal commands write their log."""
    return data_dir / "logs" / "welfare-agent.log"


def main() -> None:
    """Entry point of the `welfare-agent` console script."""
    app()
