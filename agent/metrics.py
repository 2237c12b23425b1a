"""Prometheus metrics of the service: turns, latency, modes, LLM calls and fallbacks, feedback, errors."""

from __future__ import annotations

from collections.abc import Iterator

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily
from prometheus_client.registry import Collector

from graphs.llm_turn import fallback_counts


class _Fallbacks(Collector):
    """Turns sent back to the deterministic reply, by reason (model down, slow, ungrounded, ...)."""

    def collect(self) -> Iterator[CounterMetricFamily]:
        family = CounterMetricFamily(
            "welfare_llm_fallbacks", "Turns answered deterministically after a model fault", labels=["reason"]
        )
        for reason, count in sorted(fallback_counts().items()):
            family.add_metric([reason], count)
        yield family


class Metrics:
    """One registry per app (tests build several apps in one process)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.turns = Counter(
            "welfare_chat_turns", "Chat turns", ["intent", "mode", "language"], registry=self.registry
        )
        self.turn_seconds = Histogram(
            "welfare_chat_turn_seconds",
            "Chat turn latency",
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
            registry=self.registry,
        )
        self.llm_calls = Counter("welfare_llm_calls", "LLM calls", registry=self.registry)
        self.prompt_tokens = Counter(
            "welfare_llm_prompt_tokens", "Prompt tokens sent (approximate)", registry=self.registry
        )
        self.crisis = Counter(
            "welfare_crisis_turns", "Turns answered with the crisis reply", registry=self.registry
        )
        self.handoffs = Counter("welfare_handoffs_created", "Handoff cases created", registry=self.registry)
        self.feedback = Counter(
            "welfare_feedback", "Citizen feedback", ["intent", "program", "helpful"], registry=self.registry
        )
        self.requests = Counter(
            "welfare_http_requests", "HTTP requests", ["method", "route", "status"], registry=self.registry
        )
        self.errors = Counter("welfare_errors", "Errors by kind", ["kind"], registry=self.registry)
        self.registry.register(_Fallbacks())

    def render(self) -> bytes:
        """The text exposition format."""
        return generate_latest(self.registry)
