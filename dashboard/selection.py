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
    compare: tuple[str, ...] = ()  # other municipalities shown beside this one (never summed with it)

    def documents_sql(self, documents: str = "d") -> tuple[str, list]:
        """A WHERE fragment on the documents table (municipality and document), with its parameters. Only the
        filters that are set appear, as plain comparisons DuckDB can apply while it scans."""
        return self._where([(documents, "municipality", self.municipality), (documents, "doc_id", self.doc_id)])

    def activities_sql(self, activities: str = "a") -> tuple[str, list]:
        """A WHERE fragment on the activities table alone (its municipality column), with its parameters."""
        return self._where([(activities, "municipality", self.municipality)])

    def sql(self, documents: str = "d", activities: str = "a") -> tuple[str, list]:
        """A WHERE fragment on documents and activities, with its parameters (never formatted user text). The
        activities are filtered on their own municipality column too (the store copies it from their document),
        so that they are skipped while scanned rather than after a join."""
        return self._where(
            [
                (documents, "municipality", self.municipality),
                (activities, "municipality", self.municipality),
                (documents, "doc_id", self.doc_id),
                (activities, "programme", self.programme),
                (activities, "theme", self.theme),
            ]
        )

    @staticmethod
    def _where(filters: list[tuple[str, str, str | None]]) -> tuple[str, list]:
        parts, params = ["TRUE"], []
        for alias, column, value in filters:
            if value is None:
                continue
            if column == "municipality" and value == UNKNOWN_MUNICIPALITY:
                parts.append(f"{alias}.municipality IS NULL")
            else:
                parts.append(f"{alias}.{column} = ?")
                params.append(value)
        return " AND ".join(parts), params
