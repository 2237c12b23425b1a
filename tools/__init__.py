"""Capabilities layer: benefits database, rules engine, retrieval, handoff and the tool registry."""
