"""Handoff: a case for an officer, with the conversation summary and the facts collected."""
