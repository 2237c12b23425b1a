"""CLI commands for document retrieval: `search` and `ingest`.

    welfare-agent search "QUERY" [--k N] [--json]
    welfare-agent search --batch FILE.jsonl      (lines {"query": "..."}; '-' reads standard input)
    welfare-agent ingest PATH ...                (Markdown, HTML, PDF, corpus JSON; directories recurse)

Bad input exits with code 2 and a one-line message on standard error, never a traceback.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TextIO

import typer

if TYPE_CHECKING:  # the retrieval stack is imported by the commands that search or ingest
    from tools.retrieval.search import Retriever, SearchHit

MAX_K = 100


def _fail(message: str, code: int = 2) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def _retriever() -> Retriever:
    from agent.settings import get_settings
    from tools.retrieval.search import Retriever, configure_default

    retriever = Retriever.from_settings(get_settings())
    configure_default(retriever)
    return retriever


def _hit_json(hit: SearchHit) -> dict[str, object]:
    return hit.model_dump()


def _print_hits(hits: list[SearchHit]) -> None:
    if not hits:
        typer.echo("No matching passages.")
        return
    for n, hit in enumerate(hits, start=1):
        year = f" · {hit.year}" if hit.year else ""
        typer.echo(f"{n}. {hit.title}  [{hit.program}{year}]  score {hit.score:.2f}")
        typer.echo(f"   source: {hit.source}" + (f" · {hit.url}" if hit.url else ""))
        text = " ".join(hit.text.split())
        typer.echo(f"   {text[:300]}{'…' if len(text) > 300 else ''}")
        if hit.note:
            typer.echo(f"   note: {hit.note}")


def _batch_lines(source: str) -> Iterator[tuple[int, str]]:
    stream: TextIO
    if source == "-":
        stream = sys.stdin
        yield from enumerate(stream, start=1)
        return
    path = Path(source)
    if not path.is_file():
        _fail(f"batch file not found: {source}")
    try:
        with path.open(encoding="utf-8") as stream:
            yield from enumerate(stream, start=1)
    except UnicodeDecodeError:
        _fail(f"batch file is not UTF-8 text: {source}")


def _run_batch(retriever: Retriever, source: str, k: int, per_program: int) -> None:
    from tools.retrieval.search import SearchError

    for number, line in _batch_lines(source):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if not isinstance(item, dict) or not isinstance(item.get("query"), str):
                raise ValueError('expected an object with a "query" string')
            line_k = item.get("k", k)
            if not isinstance(line_k, int) or isinstance(line_k, bool):
                raise ValueError('"k" must be an integer')
            hits = retriever.search(item["query"], line_k, max_per_program=per_program)
            out: dict[str, object] = {"line": number, "results": [_hit_json(h) for h in hits]}
        except json.JSONDecodeError as exc:
            out = {"line": number, "error": f"invalid JSON: {exc.msg}"}
        except (ValueError, SearchError) as exc:
            out = {"line": number, "error": str(exc)}
        typer.echo(json.dumps(out, ensure_ascii=False))


def search_command(
    query: Annotated[
        str | None, typer.Argument(help="The question or key words, in Korean or English.")
    ] = None,
    k: Annotated[int, typer.Option("--k", "-k", help="How many programs to return (1-100).")] = 5,
    as_json: Annotated[bool, typer.Option("--json", help="Print the hits as a JSON list.")] = False,
    batch: Annotated[
        str | None,
        typer.Option("--batch", help='JSON-lines file of {"query": "..."} (- for standard input).'),
    ] = None,
    per_program: Annotated[int, typer.Option("--per-program", help="Passages per program (1-5).")] = 1,
    program: Annotated[str | None, typer.Option("--program", help="Only this program id.")] = None,
) -> None:
    """Search the policy documents: the top passages with program, title, source, year, score and text."""
    from tools.retrieval.search import SearchError

    if batch is not None and query is not None:
        _fail("give either a QUERY or --batch FILE, not both")
    if batch is None and (query is None or not query.strip()):
        _fail('give a QUERY (e.g. welfare-agent search "기초연금 신청") or --batch FILE')
    if not 1 <= k <= MAX_K:
        _fail(f"--k must be between 1 and {MAX_K} (got {k})")
    if not 1 <= per_program <= 5:
        _fail(f"--per-program must be between 1 and 5 (got {per_program})")
    try:
        retriever = _retriever()
        retriever.index()
        if batch is not None:
            _run_batch(retriever, batch, k, per_program)
            return
        assert query is not None
        hits = retriever.search(query, k, program_id=program, max_per_program=per_program)
    except SearchError as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"cannot read or write the index: {exc}", code=1)
    if as_json:
        typer.echo(json.dumps([_hit_json(h) for h in hits], ensure_ascii=False, indent=1))
    else:
        _print_hits(hits)


def _expand(paths: list[Path]) -> Iterator[Path]:
    from tools.retrieval.documents import SUPPORTED_SUFFIXES

    for path in paths:
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
            )
            if not found:
                yield path  # reported as "no supported files" below
            yield from found
        else:
            yield path


def ingest_command(
    paths: Annotated[
        list[Path], typer.Argument(help="Files or directories (Markdown, HTML, PDF, corpus JSON).")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object per file.")] = False,
) -> None:
    """Add policy documents to retrieval. Re-ingesting a file replaces it; a broken file is reported and
    skipped (exit code 2 after the others are ingested)."""
    from tools.retrieval.store import IngestOutcome

    expanded = list(_expand(paths))
    outcomes: dict[int, IngestOutcome] = {}
    files: list[tuple[int, Path]] = []
    for n, path in enumerate(expanded):
        if path.is_dir():
            outcomes[n] = IngestOutcome(path=str(path), ok=False, error=f"{path}: no supported files")
        elif not path.exists():
            outcomes[n] = IngestOutcome(path=str(path), ok=False, error=f"{path}: no such file")
        else:
            files.append((n, path))
    try:
        retriever = _retriever()
        outcomes.update(zip((n for n, _ in files), retriever.ingest(p for _, p in files), strict=True))
    except OSError as exc:
        _fail(f"cannot write the document store or index: {exc}", code=1)
    ordered = [outcomes[n] for n in sorted(outcomes)]
    for o in ordered:
        if as_json:
            typer.echo(json.dumps(o.model_dump(), ensure_ascii=False))
        elif o.ok:
            state = "unchanged" if o.unchanged else "replaced" if o.replaced else "added"
            typer.echo(f"{state}: {o.path} ({o.passages} passages)")
        else:
            typer.echo(f"skipped: {o.error}", err=True)
    failed = sum(1 for o in ordered if not o.ok)
    if failed:
        typer.echo(f"error: {failed} of {len(ordered)} file(s) could not be ingested", err=True)
        raise typer.Exit(2)


def register(app: typer.Typer) -> None:
    """Add the retrieval commands (`search`, `ingest`) to the main app."""
    app.command("search")(search_command)
    app.command("ingest")(ingest_command)
