"""Simulated-citizen evaluation of multi-turn eligibility conversations (`python -m eval.dialogue.run`)."""
