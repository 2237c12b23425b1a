"""`welfare-agent check` and `welfare-agent programs`: the officer's eligibility commands."""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import typer

from agent.cli_common import AsOfOption, ProgramOption, fail, read_text

if TYPE_CHECKING:  # the rules engine and the database are imported by the commands that use them
    from tools.eligibility.engine import Engine
    from tools.eligibility.result import EligibilityResult


def _rules() -> Engine:
    from agent.db import load_rules_engine
    from agent.settings import get_settings

    return load_rules_engine(get_settings())


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"--as-of: not a date (YYYY-MM-DD): {value!r}")


def _json_error(exc: json.JSONDecodeError) -> str:
    return f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"


def check_one(
    engine: Engine, data: Any, programs: list[str] | None, as_of: date | None
) -> list[EligibilityResult]:
    """Validate one household and evaluate it (raises `HouseholdInputError`)."""
    from tools.eligibility.household import parse_household

    household = parse_household(data)
    return engine.check(household, programs, as_of)


def render_text(results: list[EligibilityResult], language: str = "ko") -> str:
    """Readable results for a terminal (labels from `prompts/labels.yaml`)."""
    from prompts import label

    lines: list[str] = []
    for r in results:
        amount = ""
        if r.amount_krw is not None and r.amount_period:
            amount = f" — {label('labels', r.amount_period, language)} {r.amount_krw:,}원"
        lines.append(f"{label('labels', r.status, language)}  {r.program_name} ({r.program_id}){amount}")
        for c in r.criteria:
            mark = {True: "✔", False: "✘", None: "?"}[c.passed]
            lines.append(f"    {mark} {c.detail}  [{c.source}]")
        if r.missing:
            lines.append(f"    {label('labels', 'missing', language)}: {', '.join(r.missing)}")
        if r.amount_note:
            lines.append(f"    {label('labels', 'amount', language)}: {r.amount_note}")
        for note in r.unconfirmed:
            lines.append(f"    {label('labels', 'unconfirmed', language)}: {note}")
        lines.append(f"    {label('labels', 'rules_version', language)} {r.rules_version}")
    return "\n".join(lines)


def _batch(engine: Engine, text: str, programs: list[str] | None, as_of: date | None) -> None:
    from tools.eligibility.household import HouseholdInputError

    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        out: dict[str, Any] = {"line": number}
        try:
            results = check_one(engine, json.loads(raw), programs, as_of)
            out["results"] = [r.model_dump(mode="json") for r in results]
        except json.JSONDecodeError as exc:
            out["error"] = _json_error(exc)
        except HouseholdInputError as exc:
            out["error"] = str(exc)
        typer.echo(json.dumps(out, ensure_ascii=False))


def _is_batch(path: str, text: str) -> bool:
    if path.endswith(".jsonl"):
        return True
    if path != "-":
        return False
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) <= 1:
        return True
    try:
        json.loads(text)
    except json.JSONDecodeError:
        return True
    return False


def register(app: typer.Typer) -> None:
    """Add `check` and `programs` to the main app."""

    @app.command()
    def check(
        household: Annotated[
            str, typer.Argument(help="HOUSEHOLD.json, a .jsonl file (one a line), or - for stdin")
        ],
        program: ProgramOption = None,
        as_of: AsOfOption = None,
        as_json: Annotated[bool, typer.Option("--json", help="Print a JSON list of results")] = False,
    ) -> None:
        """Check a household's eligibility for every program (or those given with --program)."""
        from tools.eligibility.household import HouseholdInputError

        on = _parse_date(as_of)
        text = read_text(household)
        engine = _rules()
        programs = program or None
        if programs:
            try:
                engine.validate_programs(programs, "--program")
            except HouseholdInputError as exc:
                fail(str(exc))
        if _is_batch(household, text):
            _batch(engine, text, programs, on)
            return
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            fail(f"{household}: {_json_error(exc)}")
        try:
            results = check_one(engine, data, programs, on)
        except HouseholdInputError as exc:
            fail(f"{household}: {exc}")
        if as_json:
            typer.echo(json.dumps([r.model_dump(mode="json") for r in results], ensure_ascii=False, indent=2))
        else:
            typer.echo(render_text(results))

    @app.command()
    def programs(
        as_json: Annotated[bool, typer.Option("--json", help="Print the catalogue as JSON")] = False,
    ) -> None:
        """List the program catalogue."""
        engine = _rules()
        catalogue = [engine.book.programs[pid] for pid in engine.program_ids]
        if as_json:
            typer.echo(
                json.dumps([p.model_dump(mode="json") for p in catalogue], ensure_ascii=False, indent=2)
            )
            return
        for p in catalogue:
            typer.echo(f"{p.id:<30} {p.name_ko} ({p.level}) — {p.agency}")
