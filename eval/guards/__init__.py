"""Guard suites: personal-data redaction and red-team screening (`python -m eval.guards.run`)."""
