"""Loaders: turn document bytes into records (pure; they never open the database)."""

from __future__ import annotations

from typing import Any

__all__ = ["extract_bytes", "extract_file"]


def __getattr__(name: str) -> Any:
    """extract_file and extract_bytes, imported on first use, so that `voortgang serve` and the other commands
    that read no document start without loading every reader."""
    if name in __all__:
        from loaders import extract

        return getattr(extract, name)
    raise AttributeError(f"module 'loaders' has no attribute {name!r}")
