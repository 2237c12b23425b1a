"""The chat service: the conversation graph over a persistent checkpointer, one call per turn."""

from __future__ import annotations

import asyncio
import logging
import secrets
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from typing import Any, Literal

from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.checkpoint.sqlite.aio import AsyncSqliteSaver
from sqlalchemy import Engine

from agent.db import load_rules_engine, make_engine, rules_version
from agent.errors import ChatInputError
from agent.llm.factory import make_backend
from agent.settings import Settings
from graphs import responder
from graphs.dialogue.handoff import PHONE_KINDS
from graphs.graph import build_graph
from graphs.guards import guard_input
from graphs.guards.pii import detect_pii
from graphs.llm import ChatBackend
from graphs.state import ChatTurn, Citation, FollowUp, Stamp
from prompts import prompts_version
from tools.builtin import ToolDeps, register_tools
from tools.handoff.service import add_message, attach_phone, get_case
from tools.plugins import PluginReport, load_plugins, parse_allow_list
from tools.registry import ToolRegistry
from tools.retrieval.search import Retriever

log = logging.getLogger(__name__)
MAX_MESSAGE_CHARS = 2000
PRUNE_EVERY = 10
"""Old checkpoints of a conversation are deleted every this many turns (the store keeps at most this many)."""


def new_session_id() -> str:
    """An opaque, unguessable session id (192 random bits)."""
    return secrets.token_urlsafe(24)


class ChatService:
    """Runs turns through the graph; state persists in SQLite (default) or PostgreSQL."""

    def __init__(
        self,
        settings: Settings,
        *,
        llm: ChatBackend | Literal["auto"] | None = "auto",
        retriever: Retriever | None = None,
    ) -> None:
        self.settings = settings
        self.llm: ChatBackend | None = make_backend(settings) if llm == "auto" else llm
        self._retriever = retriever
        self._stack = AsyncExitStack()
        self.checkpointer: BaseCheckpointSaver[Any] | None = None
        self.registry = ToolRegistry()
        self.plugin_reports: list[PluginReport] = []
        self._graph: Any = None
        self._versions: dict[str, str] = {}  # the stamp's parts that do not change between turns

    def retriever(self) -> Retriever:
        """The document retriever, loaded on first use (the index is built once and persisted)."""
        if self._retriever is None:
            self._retriever = Retriever.from_settings(self.settings)
        return self._retriever

    async def __aenter__(self) -> ChatService:
        db = make_engine(self.settings)
        self._stack.callback(db.dispose)
        rules = load_rules_engine(self.settings, db)
        self.db, self.rules = db, rules
        deps = ToolDeps(rules=rules, db=db, retriever=self.retriever)
        register_tools(self.registry, deps)
        self.plugin_reports = load_plugins(self.registry, deps, allow=parse_allow_list(self.settings.plugins))
        self.checkpointer = await self._stack.enter_async_context(_checkpointer(self.settings))
        self._graph = build_graph(tools=self.registry, llm=self.llm, checkpointer=self.checkpointer)
        self._versions = {"rules": rules_version(db), "prompts": prompts_version()}
        return self

    async def stamp(self, mode: str) -> Stamp:
        """What produces this service's answers: the rules data, the document index, the prompts and, in LLM
        mode, the model (with its digest, asked of the server once)."""
        if "documents" not in self._versions:
            index = await asyncio.to_thread(lambda: self.retriever().index())
            self._versions["documents"] = index.content_hash[:12]
        model = "deterministic"
        if mode == "llm" and self.llm is not None:
            if "model" not in self._versions:
                health = await self.llm.health()
                digest = f"@{health.digest.removeprefix('sha256:')[:12]}" if health.digest else ""
                self._versions["model"] = f"{health.backend}:{health.model}{digest}"
            model = self._versions["model"]
        return Stamp(
            rules=self._versions["rules"],
            documents=self._versions["documents"],
            prompts=self._versions["prompts"],
            model=model,
        )

    async def __aexit__(self, *exc: object) -> None:
        if self.llm is not None:
            await self.llm.aclose()
        await self._stack.aclose()

    async def session_exists(self, session_id: str) -> bool:
        """Whether a conversation with this id has been stored (ids the service did not issue are refused)."""
        assert self.checkpointer is not None
        found = await self.checkpointer.aget_tuple(
            {"configurable": {"thread_id": session_id, "checkpoint_ns": ""}}
        )
        return found is not None

    async def delete_session(self, session_id: str) -> None:
        """Forget a conversation entirely (the citizen's right to delete it)."""
        assert self.checkpointer is not None
        await self.checkpointer.adelete_thread(session_id)

    async def turn(
        self,
        message: str,
        *,
        session_id: str | None = None,
        locale: str | None = None,
        audience: str = "citizen",
        on_token: Callable[[str], Awaitable[None]] | None = None,
        handoff_allowed: bool = True,
    ) -> ChatTurn:
        """One chat turn: the contract's chat turn object.

        `on_token` receives the model's reply as it streams, one checked sentence at a time (nothing in
        deterministic mode: the caller streams the final reply itself). `handoff_allowed` is False when the
        client may open no more cases for now.
        """
        text = message.strip()
        if not text:
            raise ChatInputError("message: must not be empty")
        if len(text) > MAX_MESSAGE_CHARS:
            raise ChatInputError(f"message: at most {MAX_MESSAGE_CHARS} characters (got {len(text)})")
        if locale is not None and locale not in ("ko", "en", "zh", "vi"):
            raise ChatInputError(f"locale: must be one of ko, en, zh, vi (got {locale!r})")
        session = session_id or new_session_id()
        config = {"configurable": {"thread_id": session, "on_token": on_token}}
        started = time.perf_counter()
        # Redact before the graph sees the text: the raw message is never checkpointed, logged or sent on.
        guarded = guard_input(text, max_chars=MAX_MESSAGE_CHARS)
        state = await self._graph.ainvoke(
            {
                "message": guarded.text,
                "locale": locale,
                "session_id": session,
                "audience": audience,
                "guarded": True,
                "pii": list(guarded.pii_kinds),
                "refusal": None if guarded.allowed else guarded.screening.category,
                "handoff_allowed": handoff_allowed,
            },
            config,
            durability="exit",
        )
        await asyncio.to_thread(keep_for_case, self.db, state, text, guarded.text)
        if state.get("turn", 0) % PRUNE_EVERY == 0:
            await prune_checkpoints(self.checkpointer, session)
        log.info(
            "chat turn",
            extra={
                "intent": state.get("intent"),
                "mode": state.get("mode"),
                "ms": round((time.perf_counter() - started) * 1000, 2),
                "turn": state.get("turn"),
            },
        )
        turn = turn_from_state(state, session)
        turn.stamp = await self.stamp(turn.mode)
        return turn


def keep_for_case(db: Engine, state: dict[str, Any], raw: str, redacted: str) -> None:
    """What a case keeps from this turn: the call-back number she gave when she chose a call (from the raw
    message, into the case record only), or, once her case is open, her message (redacted) for the officer."""
    opened = state.get("handoff")
    if opened:
        if opened.get("contact") == "phone":
            number = next((f.value for f in detect_pii(raw) if f.kind in PHONE_KINDS), None)
            if number:
                attach_phone(db, opened["id"], number)
        return
    case_id = state.get("handoff_id")
    if case_id and not state.get("refusal"):
        case = get_case(db, case_id)
        if case is not None and case.status != "closed":
            add_message(db, case_id, "citizen", redacted)


def turn_from_state(state: dict[str, Any], session_id: str) -> ChatTurn:
    """The chat turn object from the graph's final state."""
    follow = state.get("follow_up")
    intent = state.get("intent") or "smalltalk"
    language = state.get("language", "ko")
    results = list(state.get("results") or [])
    if language != "ko":  # the card in her language beside the official Korean (`local`, contracts.md)
        catalogue = {p["id"]: p for p in state.get("catalogue") or []}
        results = [
            {**r, "local": responder.local_view(r, catalogue.get(r["program_id"], {}), language)}
            for r in results
        ]
    reply = state.get("reply", "")
    shown = list(state.get("card_lines") or [])
    deterministic = state.get("mode", "deterministic") == "deterministic"
    brief = responder.without_lines(reply, shown) if deterministic and shown and results else None
    return ChatTurn(
        session_id=session_id,
        reply=reply,
        brief=brief if brief != reply else None,
        language=language,
        intent=intent if intent != "handoff_declined" else (state.get("flow") or "smalltalk"),
        programs=list(state.get("programs") or []),
        eligibility=results,
        citations=[Citation(**c) for c in state.get("citations") or []],
        follow_up=FollowUp(**follow) if follow else None,
        handoff=state.get("handoff"),
        crisis=bool(state.get("crisis")),
        mode="deterministic" if state.get("mode", "deterministic") == "deterministic" else "llm",
        usage=dict(state.get("usage") or {}),
    )


@asynccontextmanager
async def _checkpointer(settings: Settings) -> AsyncIterator[BaseCheckpointSaver[Any]]:
    url = settings.sqlalchemy_url
    if url.startswith("postgresql"):
        from langgraph.checkpoint.postgres.aio import AsyncPostgresSaver
        from psycopg.rows import dict_row
        from psycopg_pool import AsyncConnectionPool

        conninfo = url.replace("postgresql+psycopg://", "postgresql://", 1)
        # A pool that checks connections before lending them: after a database outage the service
        # recovers by itself, without a restart.
        async with AsyncConnectionPool(
            conninfo,
            min_size=1,
            max_size=10,
            kwargs={"autocommit": True, "prepare_threshold": 0, "row_factory": dict_row},
            check=AsyncConnectionPool.check_connection,
            timeout=3.0,  # a citizen waits seconds, not minutes, to hear that the service is down
            open=False,
        ) as pool:
            postgres = AsyncPostgresSaver(pool)  # type: ignore[arg-type]
            await postgres.setup()
            yield postgres
        return
    path = settings.ensure_data_dir() / "checkpoints.db"
    async with AsyncSqliteSaver.from_conn_string(str(path)) as saver:
        await saver.setup()
        yield saver


async def prune_checkpoints(saver: BaseCheckpointSaver[Any] | None, thread_id: str) -> None:
    """Keep only the newest checkpoint of a conversation, so the store does not grow with its length."""
    if isinstance(saver, AsyncSqliteSaver):
        async with saver.lock:
            await saver.conn.execute(
                "DELETE FROM checkpoints WHERE thread_id = ? AND checkpoint_id <> "
                "(SELECT max(checkpoint_id) FROM checkpoints WHERE thread_id = ?)",
                (thread_id, thread_id),
            )
            await saver.conn.execute(
                "DELETE FROM writes WHERE thread_id = ? AND checkpoint_id NOT IN "
                "(SELECT checkpoint_id FROM checkpoints WHERE thread_id = ?)",
                (thread_id, thread_id),
            )
            await saver.conn.commit()
        return
    if saver is not None and type(saver).__name__ == "AsyncPostgresSaver":
        pool: Any = saver.conn  # type: ignore[attr-defined]
        async with pool.connection() as conn, conn.cursor() as cur:
            await cur.execute(
                "DELETE FROM checkpoints WHERE thread_id = %s AND checkpoint_id <> "
                "(SELECT max(checkpoint_id) FROM checkpoints WHERE thread_id = %s)",
                (thread_id, thread_id),
            )
            await cur.execute(
                "DELETE FROM checkpoint_writes WHERE thread_id = %s AND checkpoint_id NOT IN "
                "(SELECT checkpoint_id FROM checkpoints WHERE thread_id = %s)",
                (thread_id, thread_id),
            )
            await cur.execute(
                "DELETE FROM checkpoint_blobs b WHERE b.thread_id = %s AND NOT EXISTS ("
                "SELECT 1 FROM checkpoints c WHERE c.thread_id = b.thread_id AND c.checkpoint_ns = b.checkpoint_ns "
                "AND c.checkpoint -> 'channel_versions' ->> b.channel = b.version)",
                (thread_id,),
            )
