"""Fixtures for the model layer: a fake Ollama server on loopback, backends pointed at it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from agent.llm import OllamaBackend, OpenAICompatBackend, ResilientBackend, Timeouts
from fakes.ollama_server import FakeOllama

#: Short timeouts keep the failure tests fast; the 2-second promise is checked against the defaults too.
FAST = Timeouts(connect_s=0.5, first_token_s=0.5, idle_s=0.5, total_s=5.0)


@pytest.fixture(params=["ollama", "openai"])
async def backend(request: pytest.FixtureRequest, fake: FakeOllama) -> AsyncIterator[ResilientBackend]:
    """Each backend, on the fake server, with the default timeouts."""
    chosen: ResilientBackend
    if request.param == "ollama":
        chosen = OllamaBackend(host=fake.url, model="qwen3:4b")
    else:
        chosen = OpenAICompatBackend(base_url=fake.openai_url, model="qwen3:4b")
    yield chosen
    await chosen.aclose()
