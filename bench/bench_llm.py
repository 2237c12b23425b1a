"""Model-layer overhead: the time the backend adds before the first token, against a fixed fake TTFT.

The fake Ollama server (loopback, real HTTP) waits exactly `TTFT_MS` before its first token; the wall time
from calling `backend.stream(...)` to the first `on_token` minus that TTFT is what the agent's model layer
adds (HTTP, JSON, timeouts, breaker). Target: <= 20 ms at p95. Also the size of a typical respond prompt.
"""

from __future__ import annotations

import asyncio
import json
from time import perf_counter

from agent.llm import OllamaBackend, OpenAICompatBackend, ResilientBackend
from bench.common import Row, median, percentile, row
from fakes.ollama_server import FakeOllama
from graphs.llm import ChatMessage
from graphs.prompting import load_prompt

TTFT_MS = 200.0
CALLS = 50
WARMUP = 5

TYPICAL_RESULT = {
    "program_id": "basic_pension",
    "status": "eligible",
    "amount_krw": 349700,
    "amount_period": "month",
    "criteria": [
        {"name": "age", "passed": True, "detail": "만 65세 이상 (70세)", "source": "기초연금법 제3조"},
        {
            "name": "income_recognition",
            "passed": True,
            "detail": "소득인정액 추정 30만 원",
            "source": "보건복지부고시",
        },
    ],
    "missing": [],
    "rules_version": "2026-01-01",
    "how_to_apply": "주소지 행정복지센터, 국민연금공단 지사 또는 복지로에서 신청",
    "documents": ["신분증", "통장 사본"],
}


def typical_respond_messages() -> tuple[list[ChatMessage], int, int]:
    """The respond prompt for a typical eligibility turn, with its size (characters, approximate tokens)."""
    rendered = load_prompt("respond").render(
        language="ko",
        tool_results=json.dumps(TYPICAL_RESULT, ensure_ascii=False),
        passages="[1] 기초연금 안내 (보건복지부, 2026): 기초연금은 만 65세 이상이고 소득인정액이 선정기준액 이하인 "
        "어르신께 드립니다. 주소지 행정복지센터나 국민연금공단 지사에서 신청합니다.",
        pending_question="none",
        last_turns="시민: 일흔 살이고 혼자 사는데 기초연금 받을 수 있나요?",
        message="얼마나 받을 수 있어요?",
        draft="기초연금: 받으실 가능성이 높습니다.\n  예상 금액: 월 349,700원 (2026년 기준, 추정)\n"
        "  신청: 주소지 행정복지센터, 복지로, 국민연금공단 지사에서 신청합니다.",
    )
    return rendered.messages, rendered.chars, rendered.approx_tokens


async def _added_ms(backend: ResilientBackend, messages: list[ChatMessage]) -> list[float]:
    samples: list[float] = []
    for n in range(WARMUP + CALLS):
        start = perf_counter()
        first: list[float] = []

        async def on_token(_: str, first: list[float] = first) -> None:
            if not first:
                first.append(perf_counter())

        await backend.stream(messages, on_token=on_token)
        if n >= WARMUP:
            samples.append((first[0] - start) * 1000 - TTFT_MS)
    await backend.aclose()
    return samples


def run() -> list[Row]:
    """Median and p95 of the added time to first token for both backends; the prompt size."""
    messages, chars, tokens = typical_respond_messages()
    rows: list[Row] = []
    with FakeOllama(ttft_ms=TTFT_MS, default_text="기초연금을 받으실 가능성이 높습니다.") as fake:
        backends: list[ResilientBackend] = [
            OllamaBackend(host=fake.url, model="qwen3:4b"),
            OpenAICompatBackend(base_url=fake.openai_url, model="qwen3:4b"),
        ]
        for backend in backends:
            samples = asyncio.run(_added_ms(backend, messages))
            rows.append(row("llm", f"{backend.name}_ttft_added_median", median(samples), "ms"))
            rows.append(
                row("llm", f"{backend.name}_ttft_added_p95", percentile(samples, 95), "ms", "<= 20 ms")
            )
    rows.append(row("llm", "respond_prompt_chars", chars, "chars"))
    rows.append(row("llm", "respond_prompt_tokens_approx", tokens, "tokens"))
    return rows


if __name__ == "__main__":
    for r in run():
        print(r)
