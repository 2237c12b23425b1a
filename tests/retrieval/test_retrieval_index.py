"""The persisted index: loaded when unchanged, rebuilt when a document changes, robust to damage."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from tools.retrieval.index import Bm25Matrix, build_count, known_parts, known_wholes, read_manifest
from tools.retrieval.search import Retriever


def _retriever(data: Path, rules: Path) -> Retriever:
    return Retriever(data_dir=data, rules_dir=rules)


def test_index_is_persisted_and_not_rebuilt_when_unchanged(tmp_path: Path, small_rules: Path) -> None:
    data = tmp_path / "data"
    before = build_count()
    _retriever(data, small_rules).index()
    assert build_count() == before + 1
    manifest = data / "index" / "manifest.json"
    mtime = manifest.stat().st_mtime_ns

    second = _retriever(data, small_rules)  # a fresh process would do the same: load, not build
    assert len(second.index()) == 5
    assert build_count() == before + 1
    assert manifest.stat().st_mtime_ns == mtime
    assert second.refresh() is second.index()


def test_loaded_index_is_memory_mapped_and_outlives_a_rebuild(tmp_path: Path, small_rules: Path) -> None:
    data = tmp_path / "data"
    _retriever(data, small_rules).index()
    loaded = _retriever(data, small_rules)
    matrix = loaded.index().text
    for array in (matrix.data, matrix.indices, matrix.indptr):
        assert isinstance(array, np.memmap)
        assert not array.flags.writeable
    before = loaded.search("기초연금", 1)[0].passage_id
    total = float(matrix.data.sum())
    mapped = set((data / "index").glob("lexical-*"))

    doc = small_rules / "documents" / "ko" / "basic_pension.md"
    doc.write_text(doc.read_text(encoding="utf-8") + "\n## 문의\n보건복지상담센터 129\n", encoding="utf-8")
    _retriever(data, small_rules).index()  # another process rebuilds and deletes the mapped directory
    assert not any(path.exists() for path in mapped)
    assert float(matrix.data.sum()) == total  # the unlinked files stay readable while mapped
    assert loaded.search("기초연금", 1)[0].passage_id == before


def test_index_is_rebuilt_when_a_document_changes(tmp_path: Path, small_rules: Path) -> None:
    data = tmp_path / "data"
    first = _retriever(data, small_rules)
    old_hash = first.index().content_hash
    doc = small_rules / "documents" / "ko" / "basic_pension.md"
    doc.write_text(
        doc.read_text(encoding="utf-8") + "\n## 문의\n보건복지상담센터 129 코끼리\n", encoding="utf-8"
    )

    before = build_count()
    second = _retriever(data, small_rules)
    assert second.index().content_hash != old_hash
    assert build_count() == before + 1
    assert second.search("코끼리", 1)[0].section == "문의"
    manifest = read_manifest(data / "index")
    assert manifest is not None
    assert len(list((data / "index").glob("lexical-*"))) == 1  # the old index directory is cleaned up


def test_ingest_rebuilds_and_reingest_replaces(tmp_path: Path, small_rules: Path) -> None:
    data = tmp_path / "data"
    retriever = _retriever(data, small_rules)
    retriever.index()
    doc = tmp_path / "notice.md"
    doc.write_text("# 시흥 공지\n\n## 내용\n거북섬 축제 안내\n", encoding="utf-8")
    (outcome,) = retriever.ingest([doc])
    assert outcome.ok
    assert retriever.search("거북섬 축제", 1)[0].kind == "ingested"

    doc.write_text("# 시흥 공지\n\n## 내용\n월곶 포구 안내\n", encoding="utf-8")
    (outcome,) = retriever.ingest([doc])
    assert outcome.replaced
    assert all("거북섬" not in h.text for h in retriever.search("거북섬 축제", 5))
    hits = retriever.search("월곶 포구", 5)
    assert sum(1 for h in hits if h.kind == "ingested") == 1
    assert len([p for p in retriever.index().passages if p.kind == "ingested"]) == 1


def test_unchanged_reingest_does_not_rebuild(tmp_path: Path, small_rules: Path) -> None:
    retriever = _retriever(tmp_path / "data", small_rules)
    doc = tmp_path / "n.md"
    doc.write_text("# n\n\n## 내용\n같은 내용\n", encoding="utf-8")
    retriever.ingest([doc])
    before = build_count()
    (outcome,) = retriever.ingest([doc])
    assert outcome.unchanged
    assert build_count() == before


def test_damaged_saved_index_is_rebuilt(tmp_path: Path, small_rules: Path) -> None:
    data = tmp_path / "data"
    _retriever(data, small_rules).index()
    manifest = read_manifest(data / "index")
    assert manifest is not None
    (data / "index" / manifest.directory / "passages.json").write_text("[{broken", encoding="utf-8")
    before = build_count()
    assert len(_retriever(data, small_rules).index()) == 5
    assert build_count() == before + 1


def test_broken_project_document_is_skipped_not_fatal(tmp_path: Path, small_rules: Path) -> None:
    (small_rules / "documents" / "ko" / "broken.md").write_bytes(b"---\ntitle: [x\n---\n\xff\xfe")
    retriever = _retriever(tmp_path / "data", small_rules)
    assert len(retriever.index()) == 5
    assert retriever.search("기초연금", 1)[0].program_id == "basic_pension"


def test_booklet_chunks_are_linked_to_program_and_project_document_preferred(
    tmp_path: Path, small_rules: Path
) -> None:
    retriever = _retriever(tmp_path / "data", small_rules)
    booklet = [p for p in retriever.index().passages if p.program == "기초연금제도"]
    assert {p.program_id for p in booklet} == {"basic_pension"}
    (hit,) = retriever.search("어르신 기초연금 월 최대 금액", 1)
    assert (hit.kind, hit.year) == ("project", 2026)  # one hit per program, the current document
    hits = retriever.search("어르신 기초연금 월 최대 금액", 1, max_per_program=3)
    booklet_hits = [h for h in hits if h.kind == "booklet"]
    assert booklet_hits
    assert booklet_hits[0].note is not None
    assert "2024" in booklet_hits[0].note
    assert booklet_hits[0].source == "「테스트 책자」 220쪽"


def test_an_unknown_korean_compound_is_scored_by_its_known_parts() -> None:
    vocab = {"활동지원": 0, "장애인": 1, "노인": 2, "일자리": 3}
    assert known_parts("활동지원사", vocab) == ["활동지원"]
    assert known_parts("노인일자리", vocab) == ["노인", "일자리"]
    assert known_parts("활동지원", vocab) == []  # known itself: nothing added
    assert known_parts("맞벌이", vocab) == []  # no known head
    assert known_parts("pension", vocab) == []
    matrix = Bm25Matrix.build([["장애인", "활동지원"], ["노인", "일자리"]])
    scores = matrix.scores({"활동지원사": 1.0})
    assert scores[0] > 0
    assert scores[1] == 0


def test_a_word_that_is_most_of_a_title_compound_finds_that_title() -> None:
    titles = frozenset({"국민내일배움카드제", "아동수당", "장애아동수당", "기초연금"})
    assert known_wholes("내일배움카드", titles) == ["국민내일배움카드제"]
    assert known_wholes("아동수당", titles) == []  # a title's own word names its program, not the longer ones
    assert known_wholes("배움카드", titles) == []  # too little of the title
    assert known_wholes("card", titles) == []


def test_the_retriever_finds_a_program_by_most_of_its_title(full_retriever: Retriever) -> None:
    hits = full_retriever.search("내일배움카드", k=3, max_per_program=1)
    assert "국민내일배움카드제" in [h.program for h in hits]
