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
from pathlib import Path

import httpx

from bench.bench_load import (
    CONVERSATION,
    REQUEST_TIMEOUT_S,
    SESSIONS,
    STARTUP_TIMEOUT_S,
    Tally,
    _session,
    _stop,
    peak_rss_mb,
    until_deadline,
)
from bench.common import Row, free_port, percentile, postgres_database, row

NAME = "load-2-replicas"
ROOT = Path(__file__).resolve().parent.parent
POSTGRES = os.environ.get(
    "WELFARE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
REDIS = os.environ.get("WELFARE_TEST_REDIS_URL", "redis://127.0.0.1:6379/14")


async def _wait_ready(urls: list[str], processes: list[subprocess.Popen[bytes]]) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    async with httpx.AsyncClient(timeout=2) as client:
        for url, process in zip(urls, processes, strict=True):
            while True:
                if process.poll() is not None:
                    raise RuntimeError(f"the replica at {url} exited during start-up")
                with contextlib.suppress(httpx.HTTPError):
                    if (await client.get(f"{url}/readyz")).status_code == 200:
                        break
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{url} not ready after {STARTUP_TIMEOUT_S:.0f} s")
                await asyncio.sleep(0.2)


def cpu_seconds(pid: int) -> float:
    """User and system CPU time process `pid` has used so far (0 when it cannot be read)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _drive(
    urls: list[str], sessions: int, processes: list[subprocess.Popen[bytes]]
) -> tuple[Tally, float, float]:
    await _wait_ready(urls, processes)
    pids = [p.pid for p in processes]
    limits = httpx.Limits(max_connections=2 * sessions, keepalive_expiry=2.0)
    async with httpx.AsyncClient(limits=limits, timeout=httpx.Timeout(REQUEST_TIMEOUT_S)) as client:
        warm = Tally()
        for _ in range(3):
            await _session(client, warm, record=False, base=itertools.cycle(urls))
        if warm.errors:
            raise RuntimeError(f"warm-up failed: {dict(warm.errors)}")
        tally = Tally()
        cpu_before = sum(cpu_seconds(pid) for pid in pids)
        tasks = [
            asyncio.create_task(
                _session(client, tally, base=itertools.cycle(urls[n % len(urls) :] + urls[: n % len(urls)]))
            )
            for n in range(sessions)
        ]
        wall = await until_deadline(tasks, tally)
        return tally, wall, sum(cpu_seconds(pid) for pid in pids) - cpu_before


def measure(sessions: int = SESSIONS, replicas: int = 2) -> tuple[Tally, float, float, list[float]]:
    """`replicas` servers on one fresh database and Redis; (tally, wall s, the replicas' CPU seconds during
    the load, each replica's peak RSS MB)."""
    with postgres_database() as database, tempfile.TemporaryDirectory(prefix="welfare-load2-") as tmp:
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
            for name in "abcdefgh"[:replicas]:
                port = free_port()
                log = (Path(tmp) / f"{name}.log").open("wb")
                process = subprocess.Popen(
                    [sys.executable, "-m", "agent", "serve", "--port", str(port)],
                    cwd=ROOT,
                    env={**env, "WELFARE_DATA_DIR": str(Path(tmp) / name)},
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
                servers.append((f"http://127.0.0.1:{port}", process))
            try:
                tally, wall, cpu = asyncio.run(
                    _drive([url for url, _ in servers], sessions, [p for _, p in servers])
                )
            except RuntimeError:
                for log_path in sorted(Path(tmp).glob("*.log")):
                    print(
                        f"--- {log_path.name}\n{log_path.read_text(errors='replace')[-3000:]}",
                        file=sys.stderr,
                    )
                raise
            return tally, wall, cpu, [peak_rss_mb(p.pid) for _, p in servers]
        finally:
            for _, process in servers:
                _stop(process)


def run() -> list[Row]:
    """The two-replica load benchmark's rows."""
    tally, wall, cpu, rss = measure()
    samples = tally.latencies or [0.0]
    note = f"{os.cpu_count()} cores shared by the client and both replicas"
    rows = [
        row(NAME, f"{SESSIONS} sessions x {len(CONVERSATION)} turns: turns/s ({note})", tally.turns / wall, "1/s"),
        row(NAME, "turn latency p50", percentile(samples, 50) * 1e3, "ms"),
        row(NAME, "turn latency p95", percentile(samples, 95) * 1e3, "ms"),
        row(NAME, "turn latency p99", percentile(samples, 99) * 1e3, "ms"),
        row(NAME, "turns completed", tally.turns, "turns", str(SESSIONS * len(CONVERSATION))),
        row(NAME, "errors", sum(tally.errors.values()), "count", "0"),
        row(NAME, "replicas' CPU per turn (server side, PostgreSQL and Redis not included)", cpu / max(1, tally.turns) * 1e3, "ms"),
        row(NAME, "turns one replica sustains per core (1 / CPU per turn)", tally.turns / cpu if cpu else 0.0, "1/s"),
        *(row(NAME, f"replica {i + 1} peak RSS (VmHWM)", mb, "MB") for i, mb in enumerate(rss)),
    ]  # fmt: skip
    rows.extend(row(NAME, f"errors: {kind}", n, "count", "0") for kind, n in sorted(tally.errors.items()))
    return rows
