"""The `welfare-agent` command line (Typer)."""

from __future__ import annotations

import os

import typer

from agent import cli_admin, cli_chat, cli_doctor, cli_eligibility, cli_retrieval, cli_service, cli_tools
from agent.logging import configure_logging
from agent.settings import get_settings

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
    settings = get_settings()
    # Commands print their results on stdout; routine INFO logs would only clutter a terminal.
    level = settings.log_level if "WELFARE_LOG_LEVEL" in os.environ else "WARNING"
    configure_logging(level, settings.log_format)


cli_eligibility.register(app)
cli_retrieval.register(app)
cli_service.register(app)
cli_chat.register(app)
cli_admin.register(app)
cli_doctor.register(app)
cli_tools.register(app)


def main() -> None:
    """Entry point of the `welfare-agent` console script."""
    app()
