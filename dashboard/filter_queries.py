"""The filters' side of the read side: which municipalities, documents, programmes, themes and periods the
sidebar offers, and which municipality a view opens with. Parameterized SQL; DataFrames, lists and dicts out."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dashboard.db import query
from dashboard.queries import over_latest
from dashboard.selection import UNKNOWN_MUNICIPALITY, Selection


def municipalities(path: Path | None = None) -> list[str]:
    """The municipalities with documents, by name; '?' (UNKNOWN_MUNICIPALITY) last when some documents name none."""
    found = query(
        f"SELECT DISTINCT coalesce(municipality, '{UNKNOWN_MUNICIPALITY}') AS m FROM documents "
        f"ORDER BY m = '{UNKNOWN_MUNICIPALITY}', m",
        path=path,
    )
    return found["m"].tolist()


def newest_municipality(among: tuple[str, ...] | None = None, path: Path | None = None) -> str | None:
    """The municipality of the newest document (by year, then loading time), preferring documents with statuses,
    since the first page is the status overview: the first view shows it. `among` limits it to those names."""
    where, params = ("list_contains(?, municipality)", [list(among)]) if among is not None else ("TRUE", [])
    found = query(
        f"SELECT coalesce(municipality, '{UNKNOWN_MUNICIPALITY}') AS m FROM documents d WHERE {where} "
        "ORDER BY d.doc_id IN (SELECT DISTINCT doc_id FROM statuses) DESC, year DESC NULLS LAST, loaded_at DESC "
        "LIMIT 1",
        params,
        path=path,
    )
    return None if found.empty else found["m"].iloc[0]


def filter_options(selection: Selection, path: Path | None = None) -> dict[str, list]:
    """Values each filter can take, given the filters above it (gemeente → document → programma → thema)."""
    scope = Selection(selection.municipality, selection.doc_id)
    groups = activity_groups(scope, path)
    programmes, themes, by_programme = group_options(groups, selection.programme)
    return {
        "document": document_options(selection.municipality, path),
        "programme": programmes,
        "theme": themes,
        "themes_by_programme": by_programme,
        "period": period_options(scope, path),
    }


def document_options(municipality: str | None, path: Path | None = None) -> dict[str, str]:
    """The municipality's documents for the document filter: label → doc_id, newest first."""
    where, params = Selection(municipality).documents_sql()
    docs = query(
        f"""SELECT d.doc_id, coalesce(d.title, d.source) || ' (' || coalesce(d.year::VARCHAR, '?') || ')' AS label
            FROM documents d WHERE {where} ORDER BY d.year DESC NULLS LAST, label""",
        params,
        path=path,
    )
    return dict(zip(docs["label"], docs["doc_id"], strict=True))


def activity_groups(scope: Selection, path: Path | None = None) -> pd.DataFrame:
    """The (programme, theme) pairs of the activities within `scope` (municipality and document)."""
    where, params = scope.sql()
    return query(
        f"""SELECT DISTINCT a.programme, a.theme FROM activities a JOIN documents d USING (doc_id)
                       WHERE {where}""",
        params,
        path=path,
    )


def group_options(
    groups: pd.DataFrame, programme: str | None
) -> tuple[list[str], list[str], dict[str, list[str]]]:
    """Programmes, the themes of `programme` (of all when None) and the themes per programme."""
    programmes = sorted(p for p in groups["programme"].dropna().unique())
    in_programme = groups if programme is None else groups[groups["programme"] == programme]
    themes = sorted(t for t in in_programme["theme"].dropna().unique())
    by_programme = {name: sorted(part["theme"].dropna().unique()) for name, part in groups.groupby("programme")}
    return programmes, themes, by_programme


def period_options(scope: Selection, path: Path | None = None) -> list[str]:
    """The reporting periods within `scope` (municipality and document), in time order."""
    return over_latest(
        scope, "SELECT period, min(period_order) AS o FROM latest GROUP BY period ORDER BY o", [], path
    )["period"].tolist()


def activity_municipality(activity_key: str, path: Path | None = None) -> str | None:
    """The municipality of an activity (what a link that names only the activity opens)."""
    found = query(
        f"SELECT coalesce(municipality, '{UNKNOWN_MUNICIPALITY}') AS m FROM activities WHERE activity_key = ? LIMIT 1",
        [activity_key],
        path=path,
    )
    return None if found.empty else found["m"].iloc[0]
