"""Evaluation suites (run each with `python -m eval.<suite>.run`)."""
