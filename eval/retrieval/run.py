"""Retrieval evaluation: recall@1, recall@5 and MRR on `eval/retrieval/questions.jsonl`.

Run from the repository root:

    python -m eval.retrieval.run [--split dev|test] [--failures] [--json]

The index is built in a temporary data directory unless `--data-dir` is given.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from tools.retrieval.evaluation import QUESTIONS_PATH, evaluate, load_questions
from tools.retrieval.search import Retriever

REPO = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--questions", type=Path, default=QUESTIONS_PATH)
    parser.add_argument("--split", choices=["dev", "test"], default=None, help="only this split")
    parser.add_argument("--lang", default=None, help="only questions in this language (ko, en)")
    parser.add_argument(
        "--data-dir", type=Path, default=None, help="where the index goes (default: a temp dir)"
    )
    parser.add_argument(
        "--failures", action="store_true", help="list questions whose gold is not in the top 5"
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)

    questions = [
        q
        for q in load_questions(args.questions)
        if (args.split is None or q.split == args.split) and (args.lang is None or q.lang == args.lang)
    ]
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = args.data_dir or Path(tmp)
        retriever = Retriever(data_dir=data_dir, rules_dir=REPO / "data")
        retriever.index()
        report = evaluate(retriever, questions)
    if args.json:
        print(report.model_dump_json(indent=1))
        return 0
    print(f"{'subset':<10} {'n':>4} {'R@1':>6} {'R@5':>6} {'MRR':>6}")
    rows = [("all", report.overall), *report.by_lang.items(), *report.by_split.items()]
    for name, s in rows:
        print(f"{name:<10} {s.n:>4} {s.recall_at_1:>6.3f} {s.recall_at_5:>6.3f} {s.mrr:>6.3f}")
    print(f"({report.seconds:.2f} s for {report.overall.n} questions)")
    if args.failures:
        for o in report.failures():
            print(json.dumps(o.model_dump(), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
