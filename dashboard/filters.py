"""The shared sidebar filters, bound to the URL so a filtered view can be bookmarked and shared."""

from __future__ import annotations

import streamlit as st

from dashboard import queries, strings
from dashboard.downloads import share_link
from dashboard.selection import Selection

_STATUS_BY_WORD = {word: status for status, word in strings.STATUS_WORDS.items()}


def _choice(label: str, key: str, options: list[str], first: str = strings.ALL) -> str | None:
    """A select box bound to query parameter `key`; an unknown value in the URL is ignored with a notice."""
    raw = st.query_params.get(key)
    choices = [first, *options]
    if raw is not None and raw not in choices:
        st.sidebar.warning(strings.INVALID_FILTER.format(filter=label.lower(), value=raw))
        if key in st.session_state and st.session_state[key] not in choices:
            del st.session_state[key]
    value = st.sidebar.selectbox(label, choices, key=key, bind="query-params")
    return None if value == first else value


def _statuses() -> tuple[str, ...]:
    words = list(_STATUS_BY_WORD)
    raw = st.query_params.get_all("status")
    for value in raw:
        if value not in words:
            st.sidebar.warning(strings.INVALID_FILTER.format(filter=strings.FILTER_STATUS.lower(), value=value))
    chosen = st.sidebar.multiselect(
        strings.FILTER_STATUS, words, key="status", bind="query-params", placeholder=strings.CHOOSE_STATUS
    )
    return tuple(_STATUS_BY_WORD[word] for word in chosen)


def sidebar_selection() -> Selection:
    """Draw the filters (each narrowing the options of the next) and return what is selected."""
    st.sidebar.header(strings.FILTERS_HEADER)
    options = queries.filter_options(Selection())
    municipality = _choice(strings.FILTER_MUNICIPALITY, "gemeente", options["municipality"])
    options = queries.filter_options(Selection(municipality))
    document_label = _choice(strings.FILTER_DOCUMENT, "document", list(options["document"]))
    doc_id = options["document"].get(document_label) if document_label else None
    options = queries.filter_options(Selection(municipality, doc_id))
    programme = _choice(strings.FILTER_PROGRAMME, "programma", options["programme"])
    options = queries.filter_options(Selection(municipality, doc_id, programme))
    theme = _choice(strings.FILTER_THEME, "thema", options["theme"])
    period = _choice(strings.FILTER_PERIOD, "periode", options["period"], first=strings.LATEST)
    selection = Selection(municipality, doc_id, programme, theme, period, _statuses())
    share_link()
    return selection
