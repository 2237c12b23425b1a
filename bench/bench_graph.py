"""Conversation turns in deterministic mode on the SQLite checkpointer, next to a bare four-node graph
(interleaved turn by turn, in one process).

Also turn 300 against turn 1 of one long conversation: latency and the size of the checkpoint store.
"""

from __future__ import annotations

import asyncio
import sqlite3
import tempfile
from pathlib import Path
from time import perf_counter
from typing import TypedDict

from langgraph.checkpoint.sqlite.aio import AsyncSqliteSaver
from langgraph.graph import END, START, StateGraph

from agent.chat import ChatService
from agent.settings import Settings
from bench.common import Row, median, percentile, row

CONVERSATION = [
    "일흔 살이고 혼자 사는데 기초연금 받을 수 있나요?",
    "월 소득은 30만원이고 재산은 없어요",
    "없어요",
]
TURNS = 600
WARMUP = 30
LONG = 300


class _Bare(TypedDict, total=False):
    message: str
    count: int


def _count(state: _Bare) -> _Bare:
    return {"count": state.get("count", 0) + 1}


async def _acount(state: _Bare) -> _Bare:
    return {"count": state.get("count", 0) + 1}


def _bare_graph(saver: AsyncSqliteSaver, *, asynchronous: bool):  # type: ignore[no-untyped-def]
    graph = StateGraph(_Bare)
    for name in ("a", "b", "c", "d"):
        graph.add_node(name, _acount if asynchronous else _count)
    graph.add_edge(START, "a")
    graph.add_edge("a", "b")
    graph.add_edge("b", "c")
    graph.add_edge("c", "d")
    graph.add_edge("d", END)
    return graph.compile(checkpointer=saver)


async def _interleaved(path: Path, settings: Settings) -> tuple[list[float], list[float], list[float]]:
    """Turn latencies of the bare graph (plain and async nodes) and of the agent, one turn of each in turn,
    so that both see the same machine: on a shared 2-core host, load drifts within seconds."""
    bare: list[float] = []
    bare_async: list[float] = []
    agent: list[float] = []
    async with (
        AsyncSqliteSaver.from_conn_string(str(path / "bare.db")) as saver,
        AsyncSqliteSaver.from_conn_string(str(path / "bare_async.db")) as async_saver,
        ChatService(settings) as chat,
    ):
        graphs = (
            (_bare_graph(saver, asynchronous=False), bare),
            (_bare_graph(async_saver, asynchronous=True), bare_async),
        )
        session = None
        for index in range(TURNS):
            message = CONVERSATION[index % 3]
            config = {"configurable": {"thread_id": f"t{index // 3}"}}
            for graph, samples in graphs:
                start = perf_counter()
                await graph.ainvoke({"message": message}, config, durability="exit")
                samples.append(perf_counter() - start)
            if index % 3 == 0:
                session = None
            start = perf_counter()
            turn = await chat.turn(message, session_id=session)
            agent.append(perf_counter() - start)
            session = turn.session_id
    return bare, bare_async, agent


def _stored_bytes(store: Path) -> int:
    """Bytes of checkpoint data held for all conversations (rows, not file pages)."""
    with sqlite3.connect(store) as db:
        checkpoints = db.execute(
            "select coalesce(sum(length(checkpoint) + length(metadata)), 0) from checkpoints"
        )
        writes = db.execute("select coalesce(sum(length(value)), 0) from writes")
        return int(checkpoints.fetchone()[0]) + int(writes.fetchone()[0])


async def _long(settings: Settings) -> tuple[list[float], list[int]]:
    samples = []
    sizes = []
    store = Path(settings.data_dir) / "checkpoints.db"
    async with ChatService(settings) as chat:
        session = None
        for index in range(LONG):
            start = perf_counter()
            turn = await chat.turn(CONVERSATION[index % 3], session_id=session)
            samples.append(perf_counter() - start)
            session = turn.session_id
            if index in (9, 99, LONG - 1):
                sizes.append(_stored_bytes(store))
    return samples, sizes


def run() -> list[Row]:
    """Measure both graphs in one run."""
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        settings = Settings(WELFARE_DATA_DIR=str(base / "agent"), WELFARE_LLM_BACKEND="none")
        bare, bare_async, agent = (samples[WARMUP:] for samples in asyncio.run(_interleaved(base, settings)))
        long_samples, sizes = asyncio.run(
            _long(Settings(WELFARE_DATA_DIR=str(base / "long"), WELFARE_LLM_BACKEND="none"))
        )
    ratio = median(agent) / median(bare)
    return [
        row("graph", "bare 4-node graph, SQLite checkpointer: median", median(bare) * 1e3, "ms"),
        row("graph", "bare 4-node graph, SQLite checkpointer: p95", percentile(bare, 95) * 1e3, "ms"),
        row("graph", "agent turn (deterministic, SQLite): median", median(agent) * 1e3, "ms"),
        row("graph", "agent turn (deterministic, SQLite): p95", percentile(agent, 95) * 1e3, "ms"),
        row("graph", "agent / bare (median)", ratio, "x", "≤ 1.5"),
        row("graph", "bare 4-node graph, async nodes: median", median(bare_async) * 1e3, "ms"),
        row("graph", "agent / bare with async nodes (median)", median(agent) / median(bare_async), "x"),
        row("graph", "turns 2-11 of one conversation: median", median(long_samples[1:11]) * 1e3, "ms"),
        row("graph", f"turns {LONG - 9}-{LONG}: median", median(long_samples[-10:]) * 1e3, "ms"),
        row("graph", "checkpoint data after 10 turns", sizes[0] / 1024, "KiB"),
        row("graph", "checkpoint data after 100 turns", sizes[1] / 1024, "KiB"),
        row("graph", f"checkpoint data after {LONG} turns", sizes[2] / 1024, "KiB", "bounded"),
    ]


if __name__ == "__main__":
    from bench.run import format_table

    print(format_table(run()))
