"""The links of one activity on its page: which earlier or later activity it is (with the confidence and how the
link came about) and buttons to confirm, reject or make a link; decisions go to the store through the worker."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import strings, uploads
from dashboard.db import database_path
from dashboard.format import inert
from dashboard.linking import Link

_DECISIONS = {  # state → the buttons it offers: (label, decision)
    "assumed": ((strings.LINK_CONFIRM, "confirmed"), (strings.LINK_REJECT, "rejected")),
    "proposed": ((strings.LINK_CONFIRM, "confirmed"), (strings.LINK_REJECT, "rejected")),
    "confirmed": ((strings.LINK_REJECT, "rejected"),),
    "rejected": ((strings.LINK_UNDO_REJECT, "confirmed"),),
}


def _decide(municipality: str, earlier: str, later: str, decision: str) -> None:
    answer = uploads.decide_link(municipality, earlier, later, decision, database_path())
    if "error" in answer:
        st.error(strings.LINK_FAILED.format(reason=inert(answer["error"])))
    else:
        st.rerun()


def link_panel(municipality: str, key: str, keys: list[str], links: list[Link], names: dict[str, str]) -> None:
    """What the activity shown (`key`; all its keys: `keys`) is linked to, and the decisions a user can make."""
    st.subheader(strings.LINK_HEADER)
    shown = [link for link in links if link.earlier in keys or link.later in keys]
    if not shown:
        st.caption(strings.LINK_NONE)
    for number, link in enumerate(shown):
        other = link.earlier if link.later == key else link.later
        where = strings.LINK_LATER if other == link.later else strings.LINK_EARLIER
        state = strings.LINK_STATES[link.state].format(confidence=link.confidence)
        columns = st.columns([4, 1, 1])
        columns[0].markdown(f"{inert(where.format(name=names.get(other, other)))} — {state}")
        for position, (label, decision) in enumerate(_DECISIONS[link.state]):
            if columns[1 + position].button(label, key=f"koppeling_{number}_{decision}"):
                _decide(municipality, link.earlier, link.later, decision)
    others = [key for key in names if key not in keys]
    if others:
        left, right = st.columns([4, 1])
        chosen = left.selectbox(strings.LINK_MAKE, others, index=None, format_func=names.get, key="koppel_met")
        if right.button(strings.LINK_MAKE_BUTTON, key="koppel", disabled=chosen is None):
            _decide(municipality, chosen, keys[-1], "confirmed")


def activity_names(activities: pd.DataFrame) -> dict[str, str]:
    """Each activity key's code and name as last reported, for the choices."""
    names: dict[str, str] = {}
    for key, code, name in zip(activities["activity_key"], activities["code"], activities["name"], strict=True):
        names[key] = f"{code} {name}" if isinstance(code, str) else name
    return dict(sorted(names.items(), key=lambda item: item[1]))
