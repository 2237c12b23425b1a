"""The ingested-documents registry: re-ingesting replaces, broken files change nothing."""

from __future__ import annotations

from pathlib import Path

from tests.retrieval.retrieval_helpers import make_pdf
from tools.retrieval.store import DocumentStore


def _doc(path: Path, body: str) -> Path:
    path.write_text(f"# 안내\n\n## 내용\n{body}\n", encoding="utf-8")
    return path


def test_reingesting_the_same_path_replaces_instead_of_duplicating(tmp_path: Path) -> None:
    store = DocumentStore(tmp_path / "store")
    doc = _doc(tmp_path / "guide.md", "첫 번째 판")
    first = store.ingest(doc)
    assert (first.ok, first.replaced, first.passages) == (True, False, 1)

    again = store.ingest(doc)
    assert again.unchanged
    _doc(doc, "두 번째 판")
    changed = store.ingest(doc)
    assert changed.replaced

    assert len(store.entries()) == 1
    texts = [p.text for p in store.passages()]
    assert texts == ["두 번째 판"]


def test_same_file_name_in_another_folder_is_another_document(tmp_path: Path) -> None:
    store = DocumentStore(tmp_path / "store")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    store.ingest(_doc(tmp_path / "a" / "guide.md", "A"))
    store.ingest(_doc(tmp_path / "b" / "guide.md", "B"))
    assert sorted(p.text for p in store.passages()) == ["A", "B"]


def test_broken_file_is_reported_and_nothing_else_is_lost(tmp_path: Path) -> None:
    store = DocumentStore(tmp_path / "store")
    good = store.ingest(_doc(tmp_path / "good.md", "좋은 문서"))
    fingerprint = store.fingerprint()
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7 this is not really a pdf")
    outcome = store.ingest(broken)
    assert not outcome.ok
    assert outcome.error is not None
    assert "broken.pdf" in outcome.error
    assert good.ok
    assert store.fingerprint() == fingerprint
    assert [p.text for p in store.passages()] == ["좋은 문서"]


def test_a_broken_new_version_keeps_the_previous_one(tmp_path: Path) -> None:
    store = DocumentStore(tmp_path / "store")
    pdf = tmp_path / "guide.pdf"
    pdf.write_bytes(make_pdf(["Version one"]))
    assert store.ingest(pdf).ok
    pdf.write_bytes(b"garbage")
    assert not store.ingest(pdf).ok
    assert [p.text for p in store.passages()] == ["Version one"]


def test_remove(tmp_path: Path) -> None:
    store = DocumentStore(tmp_path / "store")
    doc = _doc(tmp_path / "x.md", "x")
    store.ingest(doc)
    assert store.remove(doc)
    assert not store.remove(doc)
    assert store.passages() == []
