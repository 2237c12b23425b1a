"""YAML reading with libyaml's C parser when PyYAML has it: the data files load several times faster at start."""

from __future__ import annotations

from typing import Any

import yaml

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """`yaml.safe_load`, on the C parser where available (errors are the same `yaml.YAMLError`)."""
    return yaml.load(text, Loader=_LOADER)
