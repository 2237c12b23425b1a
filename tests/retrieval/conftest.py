"""Fixtures for the retrieval tests: the full-corpus index (built once per session), a small rules
directory for rebuild tests, and fake Ollama /api/embed servers on loopback."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.retrieval.retrieval_helpers import BOOKLET, DOC_PENSION, REPO, FakeOllama
from tools.retrieval.search import Retriever


@pytest.fixture(scope="session")
def full_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory holding the index over the shipped documents and corpus (built once)."""
    data_dir = tmp_path_factory.mktemp("retrieval-data")
    Retriever(data_dir=data_dir, rules_dir=REPO / "data").index()
    return data_dir


@pytest.fixture(scope="session")
def full_retriever(full_data_dir: Path) -> Retriever:
    """A lexical retriever over the whole shipped corpus (read-only use)."""
    retriever = Retriever(data_dir=full_data_dir, rules_dir=REPO / "data")
    retriever.index()
    return retriever


@pytest.fixture
def small_rules(tmp_path: Path) -> Path:
    """A tiny rules directory: one project document and a three-record booklet corpus."""
    rules = tmp_path / "rules"
    (rules / "documents" / "ko").mkdir(parents=True)
    (rules / "documents" / "ko" / "basic_pension.md").write_text(DOC_PENSION, encoding="utf-8")
    corpus = rules / "corpus" / "booklet"
    corpus.mkdir(parents=True)
    (corpus / "chunks.json").write_text(json.dumps(BOOKLET, ensure_ascii=False), encoding="utf-8")
    (corpus / "corpus.yaml").write_text("title: 테스트 책자\nyear: 2024\n", encoding="utf-8")
    return rules


@pytest.fixture
def fake_ollama_factory() -> Iterator[Callable[[Callable[[str], list[float]]], FakeOllama]]:
    """Start fake Ollama servers with a given embedding function; all are stopped after the test."""
    started: list[FakeOllama] = []

    def start(embed: Callable[[str], list[float]]) -> FakeOllama:
        server = FakeOllama(embed).__enter__()
        started.append(server)
        return server

    yield start
    for server in started:
        server.__exit__(None, None, None)
