"""NLU evaluation: intent, program mention and fact extraction accuracy on `utterances.jsonl`."""
