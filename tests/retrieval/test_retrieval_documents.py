"""Loaders for each format, broken files reported, and the shipped project documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import CONTRACT_PROGRAM_IDS
from tests.retrieval.retrieval_helpers import REPO, make_pdf
from tools.retrieval.documents import (
    DocumentError,
    load_corpus_json,
    load_document,
    load_html,
    load_markdown,
    load_pdf,
    markdown_metadata,
)


def test_markdown_sections_become_passages_with_citation(tmp_path: Path) -> None:
    path = tmp_path / "doc.md"
    path.write_text(
        "---\nprogram_id: basic_pension\ntitle: 기초연금\nyear: 2026\nsource: 기초연금법\n"
        "url: https://example.invalid/x\n---\n# 기초연금\n\n머리말입니다.\n\n## 대상\n만 65세 이상\n\n## 금액\n월 349,700원\n",
        encoding="utf-8",
    )
    passages = load_markdown(path)
    assert [p.section for p in passages] == [None, "대상", "금액"]
    second = passages[1]
    assert second.title == "기초연금 — 대상"
    assert (second.program_id, second.year, second.source, second.lang) == (
        "basic_pension",
        2026,
        "기초연금법",
        "ko",
    )
    assert second.url == "https://example.invalid/x"


def test_markdown_without_front_matter_uses_h1(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# Housing help\n\n## Who\nLow-income tenants.\n", encoding="utf-8")
    (passage,) = load_markdown(path)
    assert passage.program == "Housing help"
    assert passage.lang == "en"


def test_markdown_with_broken_front_matter_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_text("---\ntitle: [unclosed\n---\n# x\n", encoding="utf-8")
    with pytest.raises(DocumentError, match=r"bad\.md: bad front matter"):
        load_markdown(path)


def test_html_sections_scripts_dropped(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>시흥시 복지 안내</title><style>p{}</style></head><body>"
        "<script>var secret = 1;</script><h2>출생축하금</h2><p>첫째 90만원</p><h2>문의</h2><p>보건소</p></body></html>",
        encoding="utf-8",
    )
    passages = load_html(path)
    assert [p.section for p in passages] == ["출생축하금", "문의"]
    assert passages[0].program == "시흥시 복지 안내"
    assert all("secret" not in p.text for p in passages)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("binary.html", b"\xff\xfe\x00<html>\x80\x81", "not UTF-8"),
        ("empty.html", b"<html><body><script>x()</script></body></html>", "no text"),
        ("plain.html", "그냥 글자".encode(), "not HTML"),
    ],
)
def test_broken_html_is_reported(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DocumentError, match=message):
        load_html(path)


def test_pdf_pages_become_passages(tmp_path: Path) -> None:
    path = tmp_path / "guide.pdf"
    path.write_bytes(make_pdf(["Energy voucher guide", "Apply at the welfare centre"]))
    (passage,) = load_pdf(path)
    assert "Energy voucher guide" in passage.text
    assert passage.page == 1
    assert passage.source == "guide.pdf p.1"


@pytest.mark.parametrize(
    "content",
    [b"%PDF-1.4\n garbage without objects", b"\x00\x01 not a pdf at all", b""],
    ids=["truncated", "junk", "empty"],
)
def test_broken_pdf_is_reported(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(content)
    with pytest.raises(DocumentError, match=r"broken\.pdf"):
        load_pdf(path)


def test_corpus_json_records_and_corpus_info(tmp_path: Path) -> None:
    path = tmp_path / "chunks.json"
    records = [
        {
            "text": "대상: 만 65세 이상",
            "metadata": {"id": "1-1", "source_page": 12, "사업명": "A사업", "항목": "대상"},
        },
        {"text": "참고_사업명: B사업", "metadata": {"id": "2-1", "사업명": None, "항목": "참고_사업명"}},
        {"text": "개요: B 설명", "metadata": {"id": "2-1", "사업명": None, "항목": "개요"}},
    ]
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "corpus.yaml").write_text(
        "title: 책자\nyear: 2024\nlow_priority_programs: [B사업]\n", encoding="utf-8"
    )
    passages = load_corpus_json(path, doc_prefix="t")
    assert passages[0].source == "「책자」 12쪽"
    assert passages[0].year == 2024
    assert passages[0].title == "A사업 — 대상"
    assert passages[2].program == "B사업"  # named by the group's 참고_사업명 record
    assert passages[2].priority < 1.0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "invalid JSON"),
        ('{"a": 1}', "expected a JSON list"),
        ('[{"metadata": {}}]', "no 'text'"),
    ],
)
def test_broken_corpus_json_is_reported(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "c.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DocumentError, match=message):
        load_corpus_json(path)


def test_unsupported_and_missing_files(tmp_path: Path) -> None:
    docx = tmp_path / "a.docx"
    docx.write_bytes(b"PK")
    with pytest.raises(DocumentError, match="unsupported file type"):
        load_document(docx)
    with pytest.raises(DocumentError, match="no such file"):
        load_document(tmp_path / "missing.md")


def test_shipped_program_documents_cover_the_contract_in_all_four_languages() -> None:
    docs = REPO / "data" / "documents"
    booklet = json.loads((REPO / "data/corpus/welfare-booklet-2024/chunks.json").read_text(encoding="utf-8"))
    booklet_names = {r["metadata"]["사업명"] for r in booklet}
    seen: dict[str, set[str]] = {}
    for path in sorted(docs.rglob("*.md")):
        if path.name == "README.md":
            continue
        meta = markdown_metadata(path)
        assert meta["program_id"] in CONTRACT_PROGRAM_IDS, path
        assert meta["year"] == 2026, path
        assert meta["source"], path
        assert meta["lang"] == path.parent.name, path
        assert set(meta["booklet_names"]) <= booklet_names, path
        passages = load_markdown(path, kind="project")
        assert len(passages) >= 4, path
        seen.setdefault(meta["program_id"], set()).add(meta["lang"])
    assert seen == {pid: {"ko", "en", "zh", "vi"} for pid in CONTRACT_PROGRAM_IDS}


def test_booklet_corpus_keeps_licence_and_attribution() -> None:
    corpus = REPO / "data" / "corpus" / "welfare-booklet-2024"
    assert "MIT License" in (corpus / "LICENSE").read_text(encoding="utf-8")
    assert "rovest/BOKJIRO_AI" in (corpus / "README.md").read_text(encoding="utf-8")
    assert len(json.loads((corpus / "chunks.json").read_text(encoding="utf-8"))) == 3638


def test_translated_documents_have_the_english_sections_and_figures() -> None:
    # zh/vi translate the English documents section by section (their figures were checked against the English
    # when they were written; amounts in 万/亿 or with Vietnamese separators defeat a digit-by-digit test)
    docs = REPO / "data" / "documents"
    for english in sorted((docs / "en").glob("*.md")):
        sections = len(load_markdown(english, kind="project"))
        for lang in ("zh", "vi"):
            translated = docs / lang / english.name
            assert len(load_markdown(translated, kind="project")) == sections, translated
