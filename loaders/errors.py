"""The loaders' exceptions: files that cannot be read at all (everything else in a document becomes a warning), a
database that cannot be written, and bad command-line usage."""

from __future__ import annotations


class UnreadableDocument(Exception):
    """The file cannot be read: missing, empty, binary, wrong encoding or an unsupported format."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class StoreError(Exception):
    """The database cannot be written; the message says why and what to do."""


class UsageError(Exception):
    """Bad command-line usage (exit code 2)."""
