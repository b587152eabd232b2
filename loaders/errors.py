"""Exceptions for files that cannot be read at all; everything else in a document becomes a warning."""

from __future__ import annotations


class UnreadableDocument(Exception):
    """The file cannot be read: missing, empty, binary, wrong encoding or an unsupported format."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
