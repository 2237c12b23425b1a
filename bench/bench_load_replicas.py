"""HTTP load against two replicas: 200 concurrent five-turn conversations, each turn sent to the next replica.

Two `welfare-agent serve` processes share a fresh database on the local PostgreSQL and the local Redis, as
`compose.yaml` runs them; the client plays the load balancer and alternates replicas turn by turn, so every
conversation continues on the other replica at each turn. The same conversation and error rules as
`bench_load.py`. The client and both servers share the machine's cores: what one replica sustains per core is
reported from the single-replica run of `bench_load.py`, where the server had a core of its own.

Needs PostgreSQL (`WELFARE_TEST_POSTGRES_URL`, default the local server) and Redis (`WELFARE_TEST_REDIS_URL`).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
from sqlalchemy import create_engine, make_url, text

from bench.bench_load import (
    CONVERSATION,
    DEADLINE_S,
    ELIGIBLE_TURN,
    REQUEST_TIMEOUT_S,
    SESSIONS,
    STARTUP_TIMEOUT_S,
    Tally,
    _eligible,
    _free_port,
    _stop,
    peak_rss_mb,
)
from bench.common import Row, percentile, row

NAME = "load-2-replicas"
ROOT = Path(__file__).resolve().parent.parent
POSTGRES = os.environ.get(
    "WELFARE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
REDIS = os.environ.get("WELFARE_TEST_REDIS_URL", "redis://127.0.0.1:6379/14")


@contextlib.contextmanager
def _database() -> Iterator[str]:
    """A fresh PostgreSQL database, dropped afterwards."""
    admin = create_engine(POSTGRES, isolation_level="AUTOCOMMIT")
    name = f"welfare_bench_{uuid.uuid4().hex[:10]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(POSTGRES).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


async def _wait_ready(urls: list[str]) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    async with httpx.AsyncClient(timeout=2) as client:
        for url in urls:
            while True:
                with contextlib.suppress(httpx.HTTPError):
                    if (await client.get(f"{url}/readyz")).status_code == 200:
                        break
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{url} not ready after {STARTUP_TIMEOUT_S:.0f} s")
                await asyncio.sleep(0.2)


async def _session(client: httpx.AsyncClient, urls: itertools.cycle[str], tally: Tally) -> None:
    """One conversation, each turn on the next replica; stops at its first error."""
    session_id: str | None = None
    for index, message in enumerate(CONVERSATION):
        payload = {"message": message, **({"session_id": session_id} if session_id else {})}
        started = time.perf_counter()
        try:
            response = await client.post(f"{next(urls)}/v1/chat", json=payload)
        except httpx.HTTPError as exc:
            tally.errors[f"exception:{type(exc).__name__}"] += 1
            return
        if not response.is_success:
            tally.errors[f"http_{response.status_code}"] += 1
            return
        body = response.json()
        if session_id is not None and body.get("session_id") != session_id:
            tally.errors["session_changed"] += 1
            return
        session_id = body["session_id"]
        tally.latencies.append(time.perf_counter() - started)
        tally.turns += 1
        if index == ELIGIBLE_TURN and not _eligible(body):
            tally.errors["turn3_not_eligible"] += 1
            return
    tally.sessions_done += 1


async def _drive(urls: list[str], sessions: int) -> tuple[Tally, float]:
    await _wait_ready(urls)
    limits = httpx.Limits(max_connections=2 * sessions, keepalive_expiry=2.0)
    async with httpx.AsyncClient(limits=limits, timeout=httpx.Timeout(REQUEST_TIMEOUT_S)) as client:
        warm = Tally()
        for _ in range(3):
            await _session(client, itertools.cycle(urls), warm)
        if warm.errors:
            raise RuntimeError(f"warm-up failed: {dict(warm.errors)}")
        tally = Tally()
        tasks = [
            asyncio.create_task(_session(client, itertools.cycle(urls[n % 2 :] + urls[: n % 2]), tally))
            for n in range(sessions)
        ]
        started = time.perf_counter()
        _, pending = await asyncio.wait(tasks, timeout=DEADLINE_S)
        wall = time.perf_counter() - started
        for task in pending:
            task.cancel()
        if pending:
            tally.errors["deadline"] += len(pending)
            await asyncio.gather(*pending, return_exceptions=True)
        return tally, wall


def measure(sessions: int = SESSIONS) -> tuple[Tally, float, list[float]]:
    """Two replicas on one fresh database and Redis; (tally, wall s, each replica's peak RSS MB)."""
    with _database() as database, tempfile.TemporaryDirectory(prefix="welfare-load2-") as tmp:
        env = {
            **os.environ,
            "DATABASE_URL": database,
            "REDIS_URL": REDIS,
            "WELFARE_LLM_BACKEND": "none",
            "WELFARE_RATE_SESSION_PER_MIN": "100000",
            "WELFARE_RATE_CLIENT_PER_MIN": "100000",
            "WELFARE_LOG_LEVEL": "WARNING",
        }
        subprocess.run(
            [sys.executable, "-m", "agent", "db", "upgrade"],
            cwd=ROOT,
            env={**env, "WELFARE_DATA_DIR": str(Path(tmp) / "migrate")},
            check=True,
            capture_output=True,
        )
        servers: list[tuple[str, subprocess.Popen[bytes]]] = []
        try:
            for name in ("a", "b"):
                port = _free_port()
                process = subprocess.Popen(
                    [sys.executable, "-m", "agent", "serve", "--port", str(port)],
                    cwd=ROOT,
                    env={**env, "WELFARE_DATA_DIR": str(Path(tmp) / name)},
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
                servers.append((f"http://127.0.0.1:{port}", process))
            tally, wall = asyncio.run(_drive([url for url, _ in servers], sessions))
            return tally, wall, [peak_rss_mb(p.pid) for _, p in servers]
        finally:
            for _, process in servers:
                _stop(process)


def run() -> list[Row]:
    """The two-replica load benchmark's rows."""
    tally, wall, rss = measure()
    samples = tally.latencies or [0.0]
    note = f"{os.cpu_count()} cores shared by the client and both replicas"
    rows = [
        row(NAME, f"{SESSIONS} sessions x {len(CONVERSATION)} turns: turns/s ({note})", tally.turns / wall, "1/s"),
        row(NAME, "turn latency p50", percentile(samples, 50) * 1e3, "ms"),
        row(NAME, "turn latency p95", percentile(samples, 95) * 1e3, "ms"),
        row(NAME, "turn latency p99", percentile(samples, 99) * 1e3, "ms"),
        row(NAME, "turns completed", tally.turns, "turns", str(SESSIONS * len(CONVERSATION))),
        row(NAME, "errors", sum(tally.errors.values()), "count", "0"),
        *(row(NAME, f"replica {i + 1} peak RSS (VmHWM)", mb, "MB") for i, mb in enumerate(rss)),
    ]  # fmt: skip
    rows.extend(row(NAME, f"errors: {kind}", n, "count", "0") for kind, n in sorted(tally.errors.items()))
    return rows
