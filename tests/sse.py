"""Reading the chat stream (`POST /v1/chat/stream`) in tests: its server-sent events, in order."""

from __future__ import annotations

import time

import httpx


def stream_events(
    url: str, message: str, *, timeout: float = 30, started: float = 0.0
) -> list[tuple[str, str, float]]:
    """The events of one streamed turn at `url`: (name, data, seconds since `started` when it arrived)."""
    events: list[tuple[str, str, float]] = []
    with (
        httpx.Client(timeout=timeout) as client,
        client.stream("POST", url, json={"message": message}) as response,
    ):
        assert response.status_code == 200
        event = ""
        for line in response.iter_lines():
            if line.startswith("event: "):
                event = line.removeprefix("event: ")
            elif line.startswith("data: "):
                events.append((event, line.removeprefix("data: "), time.perf_counter() - started))
    return events
