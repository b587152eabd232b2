"""Loads the bundled vocabulary files (TOML), merged with an optional user file, once per process."""

from __future__ import annotations

import os
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

VOCABULARY_DIR = Path(__file__).parent / "vocabularies"
USER_VOCABULARY_ENV = "VOORTGANG_VOCABULARY"


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """Merge `extra` into `base`: tables recursively, lists concatenated, other values replaced."""
    merged = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        elif isinstance(value, list) and isinstance(merged.get(key), list):
            merged[key] = merged[key] + value
        else:
            merged[key] = value
    return merged


@cache
def load_vocabulary(name: str) -> dict[str, Any]:
    """Return vocabulary `name` (e.g. "statuses"), with the user's file (if any) merged on top."""
    with open(VOCABULARY_DIR / f"{name}.toml", "rb") as handle:
        data = tomllib.load(handle)
    user_file = os.environ.get(USER_VOCABULARY_ENV)
    if user_file:
        with open(user_file, "rb") as handle:
            data = _merge(data, tomllib.load(handle).get(name, {}))
    return data
