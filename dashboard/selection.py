"""What the user has filtered on, as plain values (no Streamlit), and the one place that turns it into SQL."""

from __future__ import annotations

from dataclasses import dataclass

UNKNOWN_MUNICIPALITY = "?"  # the choice for documents whose municipality was not found


@dataclass(frozen=True)
class Selection:
    """The shared filters; None (or empty) means 'all'."""

    municipality: str | None = None
    doc_id: str | None = None
    programme: str | None = None
    theme: str | None = None
    period: str | None = None
    statuses: tuple[str, ...] = ()

    def documents_sql(self, documents: str = "d") -> tuple[str, list]:
        """A WHERE fragment on the documents table (municipality and document), with its parameters."""
        clause = (
            f"(?::VARCHAR IS NULL OR coalesce({documents}.municipality, '{UNKNOWN_MUNICIPALITY}') = ?)"
            f" AND (?::VARCHAR IS NULL OR {documents}.doc_id = ?)"
        )
        return clause, [self.municipality, self.municipality, self.doc_id, self.doc_id]

    def sql(self, documents: str = "d", activities: str = "a") -> tuple[str, list]:
        """A WHERE fragment on documents and activities, with its parameters (never formatted user text)."""
        clause, params = self.documents_sql(documents)
        clause += (
            f" AND (?::VARCHAR IS NULL OR {activities}.programme = ?)"
            f" AND (?::VARCHAR IS NULL OR {activities}.theme = ?)"
        )
        return clause, [*params, self.programme, self.programme, self.theme, self.theme]
