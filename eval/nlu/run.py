"""NLU evaluation on `eval/nlu/utterances.jsonl`: intent accuracy (per intent precision/recall, per language),
crisis recall, program-mention accuracy and fact-extraction accuracy.

Run from the repository root:

    python -m eval.nlu.run [--set blind3.jsonl] [--failures] [--json]

Expected facts use a flat vocabulary (see `graphs.nlu.facts.flatten_facts`); a list (crisis, receiving) is
correct when every expected item was extracted.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from graphs.nlu import LOW_CONFIDENCE, understand
from graphs.nlu.facts import flatten_facts
from graphs.nlu.intent import INTENTS

UTTERANCES_PATH = Path(__file__).with_name("utterances.jsonl")


def load_utterances(path: Path = UTTERANCES_PATH) -> list[dict[str, Any]]:
    """The labelled utterances, one JSON object per line."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _fact_matches(expected: Any, got: Any) -> bool:
    if isinstance(expected, list):
        return isinstance(got, list) and set(expected) <= set(got)
    return bool(got == expected)


def evaluate(items: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Run `understand` on every utterance and compute the report (a JSON-serialisable dict)."""
    items = load_utterances() if items is None else items
    gold_count: Counter[str] = Counter()
    predicted_count: Counter[str] = Counter()
    correct_count: Counter[str] = Counter()
    lang_total: Counter[str] = Counter()
    lang_correct: Counter[str] = Counter()
    program_exact = program_count = 0
    program_tp = program_fp = program_fn = 0
    fact_total = fact_correct = 0
    fact_key_total: Counter[str] = Counter()
    fact_key_correct: Counter[str] = Counter()
    confident = confident_correct = 0
    language_correct = 0
    failures: list[dict[str, Any]] = []
    for item in items:
        result = understand(item["text"])
        gold = item["intent"]
        gold_count[gold] += 1
        predicted_count[result.intent] += 1
        lang_total[item["language"]] += 1
        language_correct += result.language == item["language"]
        ok = result.intent == gold
        if ok:
            correct_count[gold] += 1
            lang_correct[item["language"]] += 1
        if result.confidence >= LOW_CONFIDENCE:
            confident += 1
            confident_correct += ok
        # Sets written only for intent (the blind ones) carry no program labels; they are not scored on them.
        got_programs = set(result.programs)
        expected_programs = set(item["programs"]) if "programs" in item else got_programs
        if "programs" in item:
            program_count += 1
            program_exact += expected_programs == got_programs
            program_tp += len(expected_programs & got_programs)
            program_fp += len(got_programs - expected_programs)
            program_fn += len(expected_programs - got_programs)
        flat = flatten_facts(result.facts)
        wrong_facts = {}
        for key, expected in item.get("facts", {}).items():
            fact_total += 1
            fact_key_total[key] += 1
            if _fact_matches(expected, flat.get(key)):
                fact_correct += 1
                fact_key_correct[key] += 1
            else:
                wrong_facts[key] = {"expected": expected, "got": flat.get(key)}
        if not ok or expected_programs != got_programs or wrong_facts:
            failures.append(
                {
                    "text": item["text"],
                    "intent": gold,
                    "predicted": result.intent,
                    "confidence": result.confidence,
                    "programs": sorted(expected_programs),
                    "predicted_programs": sorted(got_programs),
                    "facts": wrong_facts,
                }
            )
    n = len(items)
    per_intent = {
        intent: {
            "n": gold_count[intent],
            "precision": correct_count[intent] / predicted_count[intent] if predicted_count[intent] else 0.0,
            "recall": correct_count[intent] / gold_count[intent] if gold_count[intent] else 0.0,
        }
        for intent in INTENTS
    }
    return {
        "n": n,
        "intent_accuracy": sum(correct_count.values()) / n,
        "per_intent": per_intent,
        "per_language": {lang: lang_correct[lang] / lang_total[lang] for lang in sorted(lang_total)},
        "language_counts": dict(lang_total),
        "crisis_recall": per_intent["crisis"]["recall"],
        "crisis_precision": per_intent["crisis"]["precision"],
        "language_detection_accuracy": language_correct / n,
        "program_count": program_count,
        "program_exact_match": program_exact / program_count if program_count else 1.0,
        "program_precision": program_tp / (program_tp + program_fp) if program_tp + program_fp else 1.0,
        "program_recall": program_tp / (program_tp + program_fn) if program_tp + program_fn else 1.0,
        "fact_accuracy": fact_correct / fact_total if fact_total else 1.0,
        "fact_count": fact_total,
        "per_fact": {key: fact_key_correct[key] / fact_key_total[key] for key in sorted(fact_key_total)},
        "confident_share": confident / n,
        "confident_accuracy": confident_correct / confident if confident else 0.0,
        "failures": failures,
    }


def _print(report: dict[str, Any], failures: bool) -> None:
    print(f"utterances: {report['n']}  {report['language_counts']}")
    print(f"intent accuracy: {report['intent_accuracy']:.3f}")
    print(f"{'intent':<20}{'n':>5}{'precision':>11}{'recall':>9}")
    for intent, row in report["per_intent"].items():
        print(f"{intent:<20}{row['n']:>5}{row['precision']:>11.3f}{row['recall']:>9.3f}")
    print("per language: " + "  ".join(f"{k} {v:.3f}" for k, v in report["per_language"].items()))
    print(f"crisis recall: {report['crisis_recall']:.3f}  crisis precision: {report['crisis_precision']:.3f}")
    print(f"language detection: {report['language_detection_accuracy']:.3f}")
    if report["program_count"]:
        print(
            f"programs: exact-set {report['program_exact_match']:.3f}  precision {report['program_precision']:.3f}"
            f"  recall {report['program_recall']:.3f}"
        )
    else:
        print("programs: not labelled in this set")
    print(
        f"facts: {report['fact_accuracy']:.3f} of {report['fact_count']}  "
        + "  ".join(f"{k} {v:.2f}" for k, v in report["per_fact"].items())
    )
    print(
        f"confidence >= {LOW_CONFIDENCE}: {report['confident_share']:.3f} of turns, "
        f"accuracy {report['confident_accuracy']:.3f} (the rest would go to the LLM)"
    )
    if failures:
        for failure in report["failures"]:
            print(json.dumps(failure, ensure_ascii=False))


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--failures", action="store_true", help="list the utterances with any error")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--set",
        default=UTTERANCES_PATH.name,
        help="which set of eval/nlu/ to run (utterances.jsonl, the development set, by default)",
    )
    args = parser.parse_args(argv)
    path = UTTERANCES_PATH.parent / args.set
    if not path.is_file():
        parser.error(f"no evaluation set {args.set!r} in {UTTERANCES_PATH.parent}")
    report = evaluate(load_utterances(path))
    if args.json:
        if not args.failures:
            report.pop("failures")
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        _print(report, args.failures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
