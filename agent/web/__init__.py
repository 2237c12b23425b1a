"""The web pages: the citizens' chat at `/` and the officers' console at `/officer` (static HTML, CSS and
JavaScript served by the FastAPI app)."""

from pathlib import Path

STATIC = Path(__file__).resolve().parent / "static"
