"""Benchmarks: `python -m bench.run` runs every `bench/bench_*.py` and writes JSON to `bench/results/`."""
