"""CLI commands for document retrieval: `search` and `ingest` (filled in by the retrieval work)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the retrieval commands to the main app."""
    del app
