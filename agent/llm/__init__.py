"""Model backends behind `graphs.llm.ChatBackend`: Ollama (default) and OpenAI-compatible servers.

`make_backend(settings)` builds the configured one (None in deterministic mode); every backend applies the
timeouts and the process-wide circuit breaker of `agent.llm.resilience`.
"""

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
