"""Helpers shared by the CLI modules: failing cleanly and reading input files."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer


def fail(message: str) -> NoReturn:
    """Print `error: message` on stderr and exit with code 2 (bad input)."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


def read_text(path: str) -> str:
    """The text of `path`, or of standard input for '-'; exit 2 when unreadable."""
    if path == "-":
        return sys.stdin.read()
    file = Path(path)
    if not file.is_file():
        fail(f"{path}: no such file")
    try:
        return file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"{path}: cannot read: {exc}")


#: The options `check` and `screen` share.
ProgramOption = Annotated[list[str] | None, typer.Option("--program", "-p", help="Program id (repeatable)")]
AsOfOption = Annotated[str | None, typer.Option("--as-of", help="Date the rules apply to (YYYY-MM-DD)")]
