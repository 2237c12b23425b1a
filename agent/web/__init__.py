"""The citizen-facing web chat page: static files (HTML, CSS, JavaScript) served by the FastAPI app at `/`."""
