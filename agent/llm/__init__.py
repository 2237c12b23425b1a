"""Model backends behind `graphs.llm.ChatBackend`: Ollama (default) and OpenAI-compatible servers.

`make_backend(settings)` builds the configured one (None in deterministic mode); every backend applies the
timeouts and the process-wide circuit breaker of `agent.llm.resilience`.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from agent.llm.factory import make_backend, timeouts_from
    from agent.llm.ollama import OllamaBackend
    from agent.llm.openai_compat import OpenAICompatBackend
    from agent.llm.resilience import (
        BreakerState,
        CircuitBreaker,
        ResilientBackend,
        Timeouts,
        breaker_for,
        failure_counts,
        reset_breakers,
    )

#: Where each exported name lives: imported on first use, so deterministic mode never loads a model client.
_HOMES = {
    "make_backend": "agent.llm.factory",
    "timeouts_from": "agent.llm.factory",
    "OllamaBackend": "agent.llm.ollama",
    "OpenAICompatBackend": "agent.llm.openai_compat",
    **dict.fromkeys(
        (
            "BreakerState",
            "CircuitBreaker",
            "ResilientBackend",
            "Timeouts",
            "breaker_for",
            "failure_counts",
            "reset_breakers",
        ),
        "agent.llm.resilience",
    ),
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'agent.llm' has no attribute {name!r}")
    return getattr(import_module(home), name)


__all__ = [
    "BreakerState",
    "CircuitBreaker",
    "OllamaBackend",
    "OpenAICompatBackend",
    "ResilientBackend",
    "Timeouts",
    "breaker_for",
    "failure_counts",
    "make_backend",
    "reset_breakers",
    "timeouts_from",
]
