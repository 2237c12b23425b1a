"""Multi-turn eligibility conversations with a simulated citizen (or a blind script), scored against the
rules engine on the full household.

Run from the repository root:

    python -m eval.dialogue.run [--n N] [--seed S] [--lang ko] [--program ID] [--show-failures K] [--json out.json]
    python -m eval.dialogue.run --blind eval/dialogue/blind.jsonl [--show-failures K] [--json out.json]

`--n` cases are generated, then those matching `--lang` / `--program` are played (so a filter plays about
n/19 cases per program). The agent runs in deterministic mode on a fresh SQLite data directory.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path

from eval.dialogue.blind import BlindFormatError, load_blind
from eval.dialogue.evaluate import Evaluation, fresh_settings, run_blind, run_generated
from eval.dialogue.households import PROGRAMS
from eval.dialogue.report import render, summary


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m eval.dialogue.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=400, help="cases to generate (default 400)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--lang", choices=("ko", "en", "zh", "vi"))
    parser.add_argument("--program", choices=PROGRAMS)
    parser.add_argument("--blind", type=Path, help="play a blind set (JSON lines) instead of generated cases")
    parser.add_argument(
        "--show-failures", type=int, metavar="K", help="print only the first K failing transcripts"
    )
    parser.add_argument(
        "--json", type=Path, metavar="OUT", help="write the summary and every conversation here"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation and print the report; exit 2 on a malformed blind file."""
    args = _parser().parse_args(argv)
    settings = fresh_settings()
    evaluation: Evaluation
    if args.blind:
        try:
            items = load_blind(args.blind)
        except (BlindFormatError, OSError) as exc:
            print(f"{args.blind}: {exc}", file=sys.stderr)
            return 2
        evaluation = asyncio.run(run_blind(settings, items, label=f"blind {args.blind}"))
    else:
        evaluation = asyncio.run(
            run_generated(settings, n=args.n, seed=args.seed, language=args.lang, program=args.program)
        )
    print(render(evaluation, show_failures=args.show_failures))
    if args.json:
        payload = {
            "summary": summary(evaluation),
            "conversations": [o.as_json() for o in evaluation.outcomes],
        }
        args.json.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
