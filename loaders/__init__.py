"""Loaders: turn document bytes into records (pure; they never open the database)."""

from loaders.extract import extract_bytes, extract_file

__all__ = ["extract_bytes", "extract_file"]
