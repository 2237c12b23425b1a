"""`welfare-agent screen`: household records → the programs each likely qualifies for and does not receive."""

from __future__ import annotations

import getpass
import json
from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from agent.cli_common import fail, read_text

if TYPE_CHECKING:  # the rules engine is imported by the command itself: `--help` stays fast
    from tools.screening import Screened


def register(app: typer.Typer) -> None:
    """Add `screen` to the main app."""

    @app.command()
    def screen(
        records: Annotated[
            str, typer.Argument(help="RECORDS.jsonl (a household with record_id and dong a line), .csv, or -")
        ],
        program: Annotated[
            list[str] | None, typer.Option("--program", "-p", help="Program id (repeatable)")
        ] = None,
        as_of: Annotated[
            str | None, typer.Option("--as-of", help="Date the rules apply to (YYYY-MM-DD)")
        ] = None,
        as_json: Annotated[bool, typer.Option("--json", help="One JSON line per record")] = False,
    ) -> None:
        """Screen household records, ranked for follow-up: crisis, the very old living alone, infants, severe
        disability, then the monthly amount missed. A bad record is reported and the others go on (exit 2
        after all were printed). Records are personal data: the screening is audited, nothing leaves the
        machine."""
        from agent import audit
        from agent.db import load_rules_engine, make_engine
        from agent.settings import get_settings
        from tools.eligibility.household import HouseholdInputError
        from tools.screening import RecordError, Screened, rank, read_records, screen_record

        try:
            on = date.fromisoformat(as_of) if as_of else None
        except ValueError:
            fail(f"--as-of: not a date (YYYY-MM-DD): {as_of!r}")
        text = read_text(records)
        settings = get_settings()
        engine = load_rules_engine(settings)
        try:
            programs = engine.validate_programs(program, "--program") if program else None
        except HouseholdInputError as exc:
            fail(str(exc))
        screened: list[Screened] = []
        for number, record in read_records(text, records.lower().endswith(".csv")):
            if isinstance(record, RecordError):
                screened.append(Screened(record_id=None, error=str(record), line=number))
                continue
            result = screen_record(engine, record, programs, on)
            screened.append(
                result if result.error is None else Screened(**{**result.__dict__, "line": number})
            )
        ranked = rank(screened)
        for item in ranked:
            typer.echo(json.dumps(item.as_json(), ensure_ascii=False) if as_json else _line(item))
        failed = sum(item.error is not None for item in ranked)
        db = make_engine(settings)
        try:
            audit.append(
                db,
                actor=getpass.getuser(),
                role="cli",
                action="screening.run",
                target=audit.fingerprint([item.record_id for item in ranked[:20]]),
                detail={
                    "records": len(ranked),
                    "with_candidates": sum(bool(item.candidates) for item in ranked),
                    "errors": failed,
                    "programs": programs or "all",
                    "as_of": str(on) if on else None,
                },
            )
        finally:
            db.dispose()
        if failed:
            typer.echo(f"error: {failed} of {len(ranked)} record(s) could not be screened", err=True)
            raise typer.Exit(2)


def _line(item: Screened) -> str:
    """One record in a terminal: id, 동, priorities, the programs and the monthly amount missed."""
    if item.error is not None:
        where = f"line {item.line}: " if item.line is not None else ""
        return f"{item.record_id or '-'}  error: {where}{item.error}"
    if not item.candidates:
        return f"{item.record_id}  {item.dong or ''}  —"
    programs = ", ".join(c.program_id for c in item.candidates)
    flags = f" [{', '.join(item.priorities)}]" if item.priorities else ""
    return f"{item.record_id}  {item.dong or ''}{flags}  {programs}  (월 {item.missed_monthly_krw:,}원 추정)"
