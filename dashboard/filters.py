"""The shared sidebar filters: one selection for every page, drawn by the entry point (so it survives page changes
and "Open …" links) and written to the URL on every run (so the view can be shared and reloaded). A page shows only
the filters that apply to it; the others keep their value for the pages that use them."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from dashboard import filter_queries, strings
from dashboard.format import inert
from dashboard.navigation import ACTIVITY_PARAM
from dashboard.selection import UNKNOWN_MUNICIPALITY, Selection
from model.access import Access

FILTER_KEYS = ("gemeente", "vergelijk", "document", "programma", "thema", "periode", "status")
_LIST_KEYS = ("vergelijk", "status")
MAX_COMPARED = 6
PAGE_FILTERS: dict[str, tuple[str, ...]] = {
    "overzicht": FILTER_KEYS,
    "activiteiten": tuple(key for key in FILTER_KEYS if key != "vergelijk"),
    "financien": ("gemeente",),
    "vergelijken": ("gemeente",),
    "indicatoren": ("gemeente", "document"),
    "bronnen": ("gemeente", "document"),
    "toevoegen": (),
}
_KEPT = "_kept_filters"  # the last value of every filter, whether or not the page shows it
_STATUS_BY_WORD = {word: status for status, word in strings.STATUS_WORDS.items()}


def _kept() -> dict[str, object]:
    return st.session_state.setdefault(_KEPT, {})


def _url_value(key: str) -> object | None:
    if key not in st.query_params:
        return None
    return st.query_params.get_all(key) if key in _LIST_KEYS else st.query_params.get(key)


def _seed(key: str, label: str, valid: Callable[[object], bool], fallback: object) -> None:
    """Give the widget `key` its value before it is drawn: its own state, else the URL, else the kept value, else
    `fallback`. A value that does not fit the options (any more) is dropped; one from the URL with a notice."""
    if key in st.session_state:
        if not valid(st.session_state[key]):
            st.session_state[key] = fallback
        return
    from_url = _url_value(key)
    if from_url is not None and not valid(from_url):
        st.sidebar.warning(strings.INVALID_FILTER.format(filter=label.lower(), value=inert(repr(from_url))))
        from_url = None
    kept = _kept().get(key)
    for candidate in (from_url, kept):
        if candidate is not None and valid(candidate):
            st.session_state[key] = candidate
            return
    st.session_state[key] = fallback


def _select(
    key: str, label: str, options: list[str], first: str | None, shown: bool, fallback: str | None = None
) -> str | None:
    """A select box (or, when the page does not show it, the kept value); `first` is the 'all' choice, `fallback`
    the value without any other (else the first choice)."""
    choices = [first, *options] if first is not None else options
    if not shown:
        value = _kept().get(key, fallback)
        return value if isinstance(value, str) and value in options else None
    _seed(key, label, lambda value: value in choices, fallback if fallback in choices else (choices or [None])[0])
    value = st.sidebar.selectbox(label, choices, key=key, format_func=_label)
    _kept()[key] = value
    return None if value == first else value


def _label(value: str | None) -> str:
    return strings.UNKNOWN_MUNICIPALITY_LABEL if value == UNKNOWN_MUNICIPALITY else str(value)


def _choose_many(key: str, label: str, options: list[str], shown: bool, placeholder: str, limit: int | None = None) -> list[str]:
    """A multiselect (or, when the page does not show it, the kept choices) of values among `options`."""
    if not shown:
        return [value for value in _kept().get(key) or [] if value in options]
    _seed(key, label, lambda value: isinstance(value, list) and all(v in options for v in value), [])
    chosen = st.sidebar.multiselect(
        label, options, key=key, placeholder=placeholder, max_selections=limit, format_func=_label
    )
    _kept()[key] = list(chosen)
    return list(chosen)


def _write_url(values: dict[str, object]) -> None:
    """Every filter in the URL (other parameters, such as the open activity, stay)."""
    for key in FILTER_KEYS:
        value = values.get(key)
        if value in (None, "", []):
            if key in st.query_params:
                del st.query_params[key]
        elif st.query_params.get_all(key) != (value if isinstance(value, list) else [value]):
            st.query_params[key] = value


_SELECTION = "_selection"


def remember_selection(selection: Selection) -> None:
    """Hand the entry point's selection to the page that runs after it."""
    st.session_state[_SELECTION] = selection


def current_selection() -> Selection:
    """The selection the entry point drew for this run; the page says which municipality (and document) it shows."""
    selection = st.session_state.get(_SELECTION, Selection())
    if selection.municipality is not None:
        document = st.session_state.get("document") if selection.doc_id else None
        st.caption(
            strings.SHOWING.format(
                municipality=inert(_label(selection.municipality)),
                document=strings.SHOWING_DOCUMENT.format(document=inert(document)) if document else "",
            )
        )
    return selection


def sidebar_selection(page: str, access: Access) -> Selection:
    """Draw the filters `page` shows (each narrowing the options of the next), keep the rest, write all to the URL
    and return the selection. The municipality is always one: the one chosen last, else the newest document's;
    only municipalities `access` allows are offered, so no page and no export shows another."""
    shown = PAGE_FILTERS.get(page, FILTER_KEYS)
    if shown:
        st.sidebar.header(strings.FILTERS_HEADER)
    towns = [town for town in filter_queries.municipalities() if access.allows(town)]
    if not towns:
        st.info(strings.NO_ALLOWED_DOCUMENTS)
        st.stop()
    newest = filter_queries.newest_municipality(None if access.everything else tuple(towns))
    linked = st.query_params.get(ACTIVITY_PARAM)  # a link naming only an activity opens its municipality
    fallback = (filter_queries.activity_municipality(linked) if linked else None) or newest
    fallback = fallback if fallback in towns else newest
    municipality = _select("gemeente", strings.FILTER_MUNICIPALITY, towns, None, "gemeente" in shown, fallback)
    municipality = municipality or newest
    others = [town for town in towns if town != municipality]
    compare = _choose_many(  # not drawn when there is no other municipality to compare with
        "vergelijk", strings.FILTER_COMPARE, others, "vergelijk" in shown and bool(others), strings.CHOOSE_COMPARE, MAX_COMPARED
    )
    def wanted(*keys: str) -> bool:  # options are read only for a filter drawn here or a value kept for it
        return any(key in shown or _kept().get(key) for key in keys)

    documents = filter_queries.document_options(municipality) if wanted("document") else {}
    document = _select("document", strings.FILTER_DOCUMENT, list(documents), strings.ALL_DOCUMENTS, "document" in shown)
    scope = Selection(municipality, documents.get(document) if document else None)
    groups = filter_queries.activity_groups(scope) if wanted("programma", "thema") else None
    programmes, all_themes, by_programme = filter_queries.group_options(groups, None) if groups is not None else ([], [], {})
    programme = _select("programma", strings.FILTER_PROGRAMME, programmes, strings.ALL, "programma" in shown)
    themes = by_programme.get(programme, []) if programme else all_themes
    theme = _select("thema", strings.FILTER_THEME, themes, strings.ALL, "thema" in shown)
    periods = filter_queries.period_options(scope) if wanted("periode") else []
    period = _select("periode", strings.FILTER_PERIOD, periods, strings.LATEST, "periode" in shown)
    words = _choose_many("status", strings.FILTER_STATUS, list(_STATUS_BY_WORD), "status" in shown, strings.CHOOSE_STATUS)
    statuses = tuple(_STATUS_BY_WORD[word] for word in words)
    _write_url(
        {
            "gemeente": municipality,
            "vergelijk": compare,
            "document": document,
            "programma": programme,
            "thema": theme,
            "periode": period,
            "status": [strings.STATUS_WORDS[s] for s in statuses],
        }
    )
    return Selection(municipality, scope.doc_id, programme, theme, period, statuses, tuple(compare))
