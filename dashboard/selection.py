"""What the user has filtered on, as plain values (no Streamlit), so queries can be tested on their own."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Selection:
    """The shared filters; None (or empty) means 'all'."""

    municipality: str | None = None
    doc_id: str | None = None
    programme: str | None = None
    theme: str | None = None
    period: str | None = None
    statuses: tuple[str, ...] = ()

    def sql(self, documents: str = "d", activities: str = "a") -> tuple[str, list]:
        """A WHERE fragment on documents and activities, with its parameters (never formatted user text)."""
        clause = (
            f"(?::VARCHAR IS NULL OR {documents}.municipality = ?) AND (?::VARCHAR IS NULL OR {documents}.doc_id = ?)"
            f" AND (?::VARCHAR IS NULL OR {activities}.programme = ?)"
            f" AND (?::VARCHAR IS NULL OR {activities}.theme = ?)"
        )
        params = [
            self.municipality,
            self.municipality,
            self.doc_id,
            self.doc_id,
            self.programme,
            self.programme,
            self.theme,
            self.theme,
        ]
        return clause, params
