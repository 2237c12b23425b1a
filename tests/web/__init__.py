"""Browser tests of the web chat page (Playwright driving the system Chromium)."""
