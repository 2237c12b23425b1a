"""Retention: conversations are deleted after a configurable period (default 30 days)."""

from __future__ import annotations

from datetime import datetime

from agent.chat import _checkpointer
from agent.settings import Settings


async def purge_conversations(settings: Settings, cutoff: datetime) -> int:
    """Delete every conversation whose newest checkpoint is older than `cutoff`; returns how many."""
    async with _checkpointer(settings) as saver:
        latest: dict[str, str] = {}
        async for item in saver.alist(None):
            thread = str(item.config["configurable"]["thread_id"])
            ts = str(item.checkpoint["ts"])
            if ts > latest.get(thread, ""):
                latest[thread] = ts
        stale = [t for t, ts in latest.items() if datetime.fromisoformat(ts) < cutoff]
        for thread in stale:
            await saver.adelete_thread(thread)
        return len(stale)
