"""Run the benchmarks, print a table, and write the rows as JSON.

Usage: `python -m bench.run [NAME ...]` where NAME is a module suffix (`eligibility` for
`bench/bench_eligibility.py`). Each module exposes `run() -> list[Row]`.
"""

from __future__ import annotations

import argparse
import importlib
import json
import platform
import sys
from datetime import UTC, datetime
from pathlib import Path

from bench.common import Row

HERE = Path(__file__).resolve().parent


def discover() -> list[str]:
    """Names of the benchmark modules (`bench_*.py`), sorted."""
    return sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))


def format_table(rows: list[Row]) -> str:
    """A plain-text table of the rows."""
    header = ("benchmark", "metric", "value", "unit", "target")
    cells = [header] + [
        (r["benchmark"], r["metric"], f"{r['value']:.4g}", r["unit"], r.get("target") or "") for r in rows
    ]
    widths = [max(len(str(c[i])) for c in cells) for i in range(len(header))]
    lines = ["  ".join(str(c[i]).ljust(widths[i]) for i in range(len(header))) for c in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the named (or all) benchmarks; write `bench/results/<timestamp>.json` and `latest.json`."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "names", nargs="*", help=f"benchmarks to run (default: all of {', '.join(discover())})"
    )
    parser.add_argument("--out", type=Path, default=HERE / "results")
    args = parser.parse_args(argv)
    names = args.names or discover()
    unknown = sorted(set(names) - set(discover()))
    if unknown:
        print(f"error: unknown benchmark(s): {', '.join(unknown)}", file=sys.stderr)
        return 2
    rows: list[Row] = []
    for name in names:
        module = importlib.import_module(f"bench.bench_{name}")
        rows.extend(module.run())
    print(format_table(rows))
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    payload = {
        "when": stamp,
        "machine": {"python": platform.python_version(), "platform": platform.platform(), "cpus": _cpus()},
        "rows": rows,
    }
    for target in (args.out / f"{stamp}.json", args.out / "latest.json"):
        target.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


def _cpus() -> int:
    import os

    return os.cpu_count() or 0


if __name__ == "__main__":
    raise SystemExit(main())
