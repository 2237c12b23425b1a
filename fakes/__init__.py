"""Faithful fakes of the services at the network edge (for tests and benchmarks; never in production)."""

from fakes.ollama_server import FakeOllama, FakeReply

__all__ = ["FakeOllama", "FakeReply"]
