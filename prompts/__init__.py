"""Texts layer: prompt files, canned replies and locale strings, loaded by name (package data)."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources
from typing import Any

from tools.yamlio import safe_load

LANGUAGES = ("ko", "en", "zh", "vi")


class PromptNotFoundError(LookupError):
    """A text asked for by name does not exist (a bug: fail loudly)."""


@lru_cache(maxsize=64)
def load_text(name: str) -> str:
    """The text file `prompts/<name>` (e.g. 'respond.md')."""
    file = resources.files(__package__).joinpath(name)
    if not file.is_file():
        raise PromptNotFoundError(f"prompts/{name} does not exist")
    return file.read_text(encoding="utf-8")


@lru_cache(maxsize=64)
def load_yaml(name: str) -> Any:
    """The parsed YAML file `prompts/<name>`."""
    return safe_load(load_text(name))


def label(table: str, key: str, language: str = "ko") -> str:
    """A locale string from `prompts/<table>.yaml`: `{key: {ko: ..., en: ..., zh: ..., vi: ...}}`."""
    entries = load_yaml(f"{table}.yaml")
    if key not in entries:
        raise PromptNotFoundError(f"prompts/{table}.yaml has no '{key}'")
    texts = entries[key]
    return str(texts.get(language) or texts["ko"])


@lru_cache(maxsize=1)
def prompts_version() -> str:
    """A short hash of every prompt, reply template and locale file: which texts produced an answer."""
    digest = hashlib.sha256()
    root = resources.files(__package__)
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.is_file() and entry.name.endswith((".md", ".yaml", ".txt")):
            digest.update(entry.name.encode())
            digest.update(entry.read_bytes())
    return digest.hexdigest()[:12]
