"""The `welfare-agent` command line (Typer)."""

from __future__ import annotations

import typer

from agent import cli_eligibility, cli_retrieval, cli_service

app = typer.Typer(
    name="welfare-agent",
    help="Siheung welfare agent: eligibility checks, policy search and chat.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
cli_eligibility.register(app)
cli_retrieval.register(app)
cli_service.register(app)


def main() -> None:
    """Entry point of the `welfare-agent` console script."""
    app()
