"""`welfare-agent chat` (terminal) and `welfare-agent ask` (one turn, or `--batch FILE.jsonl`)."""

from __future__ import annotations

import asyncio
import json
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from agent.cli_common import fail, read_text
from agent.errors import ChatInputError

if TYPE_CHECKING:
    from agent.chat import ChatService


def _service() -> ChatService:
    """The chat service (the graph and its models are imported only by the commands that talk)."""
    from agent.chat import ChatService
    from agent.settings import get_settings

    return ChatService(get_settings())


async def mode_notice(chat: ChatService) -> str | None:
    """The one line saying replies are deterministic and why, or None when a model will phrase them."""
    tail = f"replies come from the rules engine and the documents (log: {chat.settings.data_dir / 'logs'})"
    if chat.llm is None:
        return f"deterministic mode (WELFARE_LLM_BACKEND=none): {tail}"
    health = await chat.llm.health()
    if health.ok:
        return None
    why = health.error if not health.reachable else f"model {health.model} is not on the server"
    return f"deterministic mode: no model at {health.host} ({why}); {tail}"


async def _notice(chat: ChatService) -> None:
    notice = await mode_notice(chat)
    if notice:
        typer.echo(notice, err=True)


async def _ask(message: str, session: str | None, locale: str | None) -> dict[str, Any]:
    async with _service() as chat:
        await _notice(chat)
        turn = await chat.turn(message, session_id=session, locale=locale)
    return turn.model_dump(mode="json")


async def _batch(text: str) -> None:
    async with _service() as chat:
        await _notice(chat)
        for number, raw in enumerate(text.splitlines(), start=1):
            if not raw.strip():
                continue
            out: dict[str, Any]
            try:
                item = json.loads(raw)
                if not isinstance(item, dict) or not isinstance(item.get("message"), str):
                    raise ValueError("each line needs a JSON object with a string 'message'")
                session = item.get("session_id")
                if session is not None and not isinstance(session, str):
                    raise ValueError("'session_id' must be a string")
                turn = await chat.turn(item["message"], session_id=session, locale=item.get("locale"))
                out = turn.model_dump(mode="json")
            except (json.JSONDecodeError, ValueError) as exc:
                out = {"line": number, "error": str(exc)}
            typer.echo(json.dumps(out, ensure_ascii=False))


async def _repl(locale: str | None) -> None:
    async with _service() as chat:
        await _notice(chat)
        session: str | None = None
        typer.echo(
            "시흥시 복지 상담 (끝내려면 빈 줄이나 Ctrl-D). Siheung welfare chat — empty line or Ctrl-D to quit."
        )
        while True:
            try:
                message = input("> ")
            except EOFError:
                break
            if not message.strip():
                break
            try:
                turn = await chat.turn(message, session_id=session, locale=locale)
            except ChatInputError as exc:
                typer.echo(f"error: {exc}", err=True)
                continue
            session = turn.session_id
            typer.echo(turn.reply)
            for citation in turn.citations[:3]:
                typer.echo(
                    f"  [{citation.title}] {citation.source}" + (f" {citation.url}" if citation.url else "")
                )


def register(app: typer.Typer) -> None:
    """Add `chat` and `ask` to the main app."""

    @app.command()
    def ask(
        message: Annotated[str | None, typer.Argument(help="The citizen's message")] = None,
        session: Annotated[str | None, typer.Option("--session", help="Continue this conversation")] = None,
        locale: Annotated[
            str | None, typer.Option("--locale", help="Reply language: ko, en, zh or vi")
        ] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Print the chat turn object")] = False,
        batch: Annotated[
            str | None, typer.Option("--batch", help="FILE.jsonl of {session_id, message}; - for stdin")
        ] = None,
    ) -> None:
        """One chat turn (or many with --batch), in deterministic mode when no model server is reachable."""
        if batch is not None:
            if message is not None:
                fail("give either MESSAGE or --batch, not both")
            asyncio.run(_batch(read_text(batch)))
            return
        if message is None:
            fail("MESSAGE is required (or --batch FILE.jsonl)")
        try:
            turn = asyncio.run(_ask(message, session, locale))
        except ChatInputError as exc:
            fail(str(exc))
        if as_json:
            typer.echo(json.dumps(turn, ensure_ascii=False, indent=2))
        else:
            typer.echo(turn["reply"])
            typer.echo(f"(session {turn['session_id']} · {turn['intent']} · {turn['mode']})", err=True)

    @app.command()
    def chat(
        locale: Annotated[
            str | None, typer.Option("--locale", help="Reply language: ko, en, zh or vi")
        ] = None,
    ) -> None:
        """Chat in the terminal."""
        if not sys.stdin.isatty():
            typer.echo("reading messages from standard input, one a line", err=True)
        asyncio.run(_repl(locale))
