"""Passages as the retriever returns them, for the composer's tests."""

from __future__ import annotations

from typing import Any


def passage(
    program: str, program_id: str, section: str, lang: str, kind: str, text: str, score: float, **more: Any
) -> dict[str, Any]:
    """A hit of `program`: a 2026 project document's section, or the 2024 booklet's (`kind`)."""
    return {
        "program": program,
        "program_id": program_id,
        "section": section,
        "lang": lang,
        "kind": kind,
        "text": text,
        "score": score,
        "year": 2026 if kind == "project" else 2024,
        **more,
    }
