"""Dense retrieval through a fake Ollama /api/embed server on loopback, fused by RRF; lexical-only without
a reachable server."""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable
from pathlib import Path

import pytest

from agent.settings import Settings
from tests.retrieval.retrieval_helpers import FakeOllama
from tools.retrieval.dense import LocalEmbedder, OllamaEmbedder, reciprocal_rank_fusion
from tools.retrieval.search import Retriever

IRON = "임산부 철분제·엽산제 지원"


def _embed(text: str) -> list[float]:
    # A scripted "semantic" space: the unusual word 'zebra' sits next to the iron-supplement passage,
    # which no lexical token connects it to.
    return [1.0, 0.0, 0.1] if ("zebra" in text or "철분제" in text) else [0.0, 1.0, 0.1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_rrf_fuses_rankings() -> None:
    fused = reciprocal_rank_fusion([[1, 2, 3], [3, 1]], k=60)
    assert [item for item, _ in fused] == [1, 3, 2]
    assert fused[0][1] == pytest.approx(1 / 61 + 1 / 62)


def test_dense_results_are_fused_with_lexical(
    tmp_path: Path, small_rules: Path, fake_ollama_factory: Callable[..., FakeOllama]
) -> None:
    server = fake_ollama_factory(_embed)
    embedder = OllamaEmbedder(server.url, "bge-m3")
    try:
        lexical = Retriever(data_dir=tmp_path / "lex", rules_dir=small_rules)
        assert IRON not in {h.program for h in lexical.search("기초연금 zebra", 5)}

        fused = Retriever(data_dir=tmp_path / "data", rules_dir=small_rules, embedder=embedder)
        programs = [h.program_id or h.program for h in fused.search("기초연금 zebra", 5)]
        assert set(programs[:2]) == {"basic_pension", IRON}
        assert [h.program for h in fused.search("zebra", 1)] == [IRON]  # dense alone finds it
    finally:
        embedder.close()
    assert all(r["model"] == "bge-m3" for r in server.requests)
    assert (tmp_path / "data" / "index" / "dense-bge-m3.npz").is_file()


def test_background_build_answers_lexically_until_ready(
    tmp_path: Path, small_rules: Path, fake_ollama_factory: Callable[..., FakeOllama]
) -> None:
    server = fake_ollama_factory(_embed)
    embedder = OllamaEmbedder(server.url, "bge-m3")
    try:
        retriever = Retriever(
            data_dir=tmp_path, rules_dir=small_rules, embedder=embedder, background_dense=True
        )
        retriever.search("기초연금", 1)  # starts the build; this answer may be lexical
        thread = retriever._dense_thread
        assert thread is not None
        thread.join(timeout=10)
        assert retriever.dense_index() is not None
        assert [h.program for h in retriever.search("zebra", 1)] == [IRON]
    finally:
        embedder.close()


def test_dense_index_is_persisted(
    tmp_path: Path, small_rules: Path, fake_ollama_factory: Callable[..., FakeOllama]
) -> None:
    server = fake_ollama_factory(_embed)
    first = OllamaEmbedder(server.url, "bge-m3")
    second = OllamaEmbedder(server.url, "bge-m3")
    try:
        Retriever(data_dir=tmp_path, rules_dir=small_rules, embedder=first).search("기초연금", 3)
        embedded = sum(len(r["input"]) for r in server.requests)
        Retriever(data_dir=tmp_path, rules_dir=small_rules, embedder=second).search("기초연금", 3)
        # Only the query was embedded the second time; passage vectors came from disk.
        assert sum(len(r["input"]) for r in server.requests) == embedded + 1
    finally:
        first.close()
        second.close()


def test_unreachable_server_means_lexical_only_and_one_info_log(
    tmp_path: Path, small_rules: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="tools.retrieval.dense")
    embedder = OllamaEmbedder(f"http://127.0.0.1:{_free_port()}", "bge-m3", connect_timeout=0.5)
    try:
        retriever = Retriever(data_dir=tmp_path, rules_dir=small_rules, embedder=embedder)
        for _ in range(3):
            hits = retriever.search("기초연금 금액", 2)
            assert hits[0].program_id == "basic_pension"
            assert hits[0].score > 1  # a BM25 score, not a fused RRF score
    finally:
        embedder.close()
    messages = [r for r in caplog.records if "dense retrieval unavailable" in r.getMessage()]
    assert len(messages) == 1
    assert messages[0].levelno == logging.INFO


def test_server_errors_fall_back_to_lexical(
    tmp_path: Path, small_rules: Path, fake_ollama_factory: Callable[..., FakeOllama]
) -> None:
    server = fake_ollama_factory(lambda _text: [])  # empty vectors: a broken model
    embedder = OllamaEmbedder(server.url, "bge-m3")
    try:
        retriever = Retriever(data_dir=tmp_path, rules_dir=small_rules, embedder=embedder)
        assert retriever.search("기초연금", 1)[0].program_id == "basic_pension"
        assert retriever.dense_index() is None
    finally:
        embedder.close()


@pytest.mark.parametrize(
    ("backend", "model", "local", "kind"),
    [
        ("none", "bge-m3", "true", LocalEmbedder),  # no model server: the in-process model
        ("ollama", None, "true", LocalEmbedder),
        ("ollama", "bge-m3", "true", OllamaEmbedder),  # a configured server's model wins
        ("ollama", None, "false", None),
        ("none", None, "false", None),
    ],
)
def test_embedder_follows_the_settings(
    tmp_path: Path, backend: str, model: str | None, local: str, kind: type | None
) -> None:
    settings = Settings(
        WELFARE_DATA_DIR=tmp_path,
        WELFARE_LLM_BACKEND=backend,
        WELFARE_EMBED_MODEL=model,
        WELFARE_LOCAL_EMBED=local,
        _env_file=None,
    )
    retriever = Retriever.from_settings(settings)
    assert type(retriever.embedder) is kind if kind else retriever.embedder is None
    if isinstance(retriever.embedder, OllamaEmbedder):
        retriever.embedder.close()
