"""Retrieval benchmark: query latency over the whole corpus, index build and load time, Kiwi's cost,
process memory with the index loaded, and retrieval quality on the evaluation set.

`run()` follows the bench runner's interface (rows of benchmark/metric/value/unit/target). The measurements
happen in a fresh child process pinned to one CPU, so that Kiwi's load time and memory and the process RSS
are not blurred by whatever the runner loaded before. Standalone: `python -m bench.bench_retrieval [--json]`.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
MULTILINGUAL = REPO / "eval" / "retrieval" / "questions_multilingual.jsonl"
BENCHMARK = "retrieval"
ROUNDS = 5
WARMUP = 20


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _pin_one_cpu() -> int | None:
    try:
        cpus = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpus[0]})
        return cpus[0]
    except (AttributeError, OSError):
        return None


def _sample_text() -> str:
    """About 20,000 characters of the booklet: Kiwi's memory grows on first use, so it is measured after
    tokenizing real text, not just after construction."""
    records = json.loads((REPO / "data/corpus/welfare-booklet-2024/chunks.json").read_text(encoding="utf-8"))
    return "\n".join(r["text"] for r in records[:200])[:20000]


def _kiwi_default_cost() -> dict[str, float]:
    """Kiwi with its default options (typo and multi-word dictionaries), for comparison."""
    sample = _sample_text()
    before = _rss_mb()
    started = time.perf_counter()
    from kiwipiepy import Kiwi

    kiwi = Kiwi()
    seconds = time.perf_counter() - started
    kiwi.tokenize(sample)
    return {"seconds": seconds, "rss_mb": _rss_mb() - before}


def _worker() -> dict[str, Any]:
    """Everything measured inside the child process."""
    cpu = _pin_one_cpu()
    import numpy as np

    from tools import korean
    from tools.retrieval import index as index_module
    from tools.retrieval import tokenizer
    from tools.retrieval.evaluation import evaluate, load_questions
    from tools.retrieval.search import Retriever

    sample = _sample_text()
    rss_start = _rss_mb()
    started = time.perf_counter()
    korean.get_kiwi()
    kiwi_seconds = time.perf_counter() - started
    tokenizer.tokenize(sample)
    rss_kiwi = _rss_mb()

    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        builder = Retriever(data_dir=data_dir, rules_dir=REPO / "data")
        started = time.perf_counter()
        builder.index()
        build_seconds = time.perf_counter() - started
        del builder

        started = time.perf_counter()
        retriever = Retriever(data_dir=data_dir, rules_dir=REPO / "data")
        index = retriever.index()
        load_seconds = time.perf_counter() - started
        builds = index_module.build_count()
        rss_index = _rss_mb()

        questions = load_questions()
        texts = [q.question for q in questions]
        for text in texts[:WARMUP]:
            retriever.search(text, 5)
        latencies: list[float] = []
        for _ in range(ROUNDS):
            for text in texts:
                t0 = time.perf_counter()
                retriever.search(text, 5)
                latencies.append((time.perf_counter() - t0) * 1000)
        token_ms: list[float] = []
        for text in texts:
            t0 = time.perf_counter()
            tokenizer.query_terms(text)
            token_ms.append((time.perf_counter() - t0) * 1000)
        report = evaluate(retriever, questions)
        rss_end = _rss_mb()
        full = _full_retrieval(data_dir, [*questions, *load_questions(MULTILINGUAL)])

    return {
        "cpu": cpu,
        "passages": len(index),
        "programs": len(index.program_keys),
        "vocabulary": index.vocabulary,
        "kiwi_load_seconds": kiwi_seconds,
        "kiwi_rss_mb": rss_kiwi - rss_start,
        "build_seconds": build_seconds,
        "load_seconds": load_seconds,
        "builds_during_load": builds - 1,
        "rss_with_index_mb": rss_index,
        "rss_after_queries_mb": rss_end,
        "queries": len(latencies),
        "latency_median_ms": statistics.median(latencies),
        "latency_p95_ms": float(np.percentile(latencies, 95)),
        "latency_max_ms": max(latencies),
        "tokenize_median_ms": statistics.median(token_ms),
        "recall_at_1": report.overall.recall_at_1,
        "recall_at_5": report.overall.recall_at_5,
        "mrr": report.overall.mrr,
        "recall_at_5_en": report.by_lang["en"].recall_at_5 if "en" in report.by_lang else float("nan"),
        "recall_at_5_test_split": report.by_split["test"].recall_at_5
        if "test" in report.by_split
        else float("nan"),
        **full,
    }


def _full_retrieval(data_dir: Path, questions: list[Any]) -> dict[str, Any]:
    """What the agent runs for a question in any language: the lexicon, the summaries and the in-process
    vectors (multilingual-e5-small) fused with the index. Latency, memory and recall@5 by language."""
    import numpy as np

    from tools.retrieval.dense import LocalEmbedder
    from tools.retrieval.evaluation import evaluate
    from tools.retrieval.search import Retriever

    if not LocalEmbedder.installed():
        return {}
    before = _rss_mb()
    started = time.perf_counter()
    retriever = Retriever(data_dir=data_dir, rules_dir=REPO / "data", embedder=LocalEmbedder())
    retriever.index()
    retriever.dense_index(wait=True)
    retriever.search("시흥시 기초연금", 1)  # the model loads on the first query
    ready = time.perf_counter() - started
    latencies: list[float] = []
    for q in questions:
        t0 = time.perf_counter()
        retriever.search(q.question, 5)
        latencies.append((time.perf_counter() - t0) * 1000)
    report = evaluate(retriever, questions)
    return {
        "full_ready_seconds": ready,
        "full_model_rss_mb": _rss_mb() - before,
        "full_latency_median_ms": statistics.median(latencies),
        "full_latency_p95_ms": float(np.percentile(latencies, 95)),
        **{f"full_recall_at_5_{lang}": s.recall_at_5 for lang, s in report.by_lang.items()},
    }


def _child(flag: str) -> dict[str, Any]:
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    proc = subprocess.run(
        [sys.executable, "-m", "bench.bench_retrieval", flag],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"benchmark worker failed ({proc.returncode}): {proc.stderr.strip()[-2000:]}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def _row(metric: str, value: float, unit: str, target: str | None = None) -> dict[str, Any]:
    return {
        "benchmark": BENCHMARK,
        "metric": metric,
        "value": round(float(value), 4),
        "unit": unit,
        "target": target,
    }


def run() -> list[dict[str, Any]]:
    """Measure retrieval; one row per metric."""
    m = _child("--worker")
    default = _child("--kiwi-default")
    return [
        _row("query_latency_median", m["latency_median_ms"], "ms", "<= 5 ms (1 core)"),
        _row("query_latency_p95", m["latency_p95_ms"], "ms"),
        _row("query_latency_max", m["latency_max_ms"], "ms"),
        _row("query_tokenize_median", m["tokenize_median_ms"], "ms"),
        _row("queries_timed", m["queries"], "queries"),
        _row("index_build_time", m["build_seconds"], "s"),
        _row("index_load_time", m["load_seconds"], "s"),
        _row("index_rebuilds_on_load", m["builds_during_load"], "builds", "0"),
        _row("passages", m["passages"], "passages"),
        _row("programs", m["programs"], "programs"),
        _row("vocabulary", m["vocabulary"], "tokens"),
        _row("kiwi_load_time", m["kiwi_load_seconds"], "s"),
        _row("kiwi_memory", m["kiwi_rss_mb"], "MB"),
        _row("kiwi_load_time_default_options", default["seconds"], "s"),
        _row("kiwi_memory_default_options", default["rss_mb"], "MB"),
        _row("rss_with_index_loaded", m["rss_with_index_mb"], "MB"),
        _row("rss_after_queries", m["rss_after_queries_mb"], "MB"),
        _row("recall_at_1", m["recall_at_1"], "ratio"),
        _row("recall_at_5", m["recall_at_5"], "ratio", ">= 0.9"),
        _row("mrr", m["mrr"], "ratio"),
        _row("recall_at_5_english", m["recall_at_5_en"], "ratio"),
        _row("recall_at_5_test_split", m["recall_at_5_test_split"], "ratio", ">= 0.9"),
        *(
            [
                _row("full_query_latency_median", m["full_latency_median_ms"], "ms", "<= 3x the index alone"),
                _row("full_query_latency_p95", m["full_latency_p95_ms"], "ms"),
                _row("full_vectors_and_model_ready", m["full_ready_seconds"], "s"),
                _row("full_model_memory", m["full_model_rss_mb"], "MB"),
                *(
                    _row(f"full_recall_at_5_{lang}", m[f"full_recall_at_5_{lang}"], "ratio", target)
                    for lang, target in (
                        ("ko", ">= 0.92"),
                        ("en", ">= 0.85"),
                        ("zh", ">= 0.85"),
                        ("vi", ">= 0.85"),
                    )
                ),
            ]
            if "full_latency_median_ms" in m
            else []
        ),
    ]


def main() -> int:
    """Standalone entry point: print a table (or JSON rows with --json)."""
    if "--worker" in sys.argv:
        print(json.dumps(_worker()))
        return 0
    if "--kiwi-default" in sys.argv:
        _pin_one_cpu()
        print(json.dumps(_kiwi_default_cost()))
        return 0
    rows = run()
    if "--json" in sys.argv:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    print(f"{'metric':<34} {'value':>12} {'unit':<10} target")
    for r in rows:
        print(f"{r['metric']:<34} {r['value']:>12.4g} {r['unit']:<10} {r['target'] or ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
