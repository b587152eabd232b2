"""Vergelijken: one line's budget through the year's documents (table and waterfall), two documents side by side,
a line over the years and the same line in other municipalities (per inhabitant with a population table)."""

import pandas as pd
import streamlit as st

from dashboard import check_queries, comparisons, filter_queries, stage_charts, strings
from dashboard.changes import KINDS, changes_between
from dashboard.cross_documents import activity_links, budget_cycle, newest_account
from dashboard.downloads import downloads, report_button
from dashboard.filters import current_selection
from dashboard.format import change, euro, inert
from dashboard.guard import require_documents
from dashboard.login import current_access
from dashboard.population import PopulationError, read_population
from dashboard.scopes import scope_key
from dashboard.selection import Selection
from dashboard.stages import Cycle, Report, budget_stages
from dashboard.tables import show_table
from dashboard.theme import status_label

TAB_PARAM = "weergave"


def _money(value: object) -> str | None:
    return euro(value) if isinstance(value, int | float) and pd.notna(value) else None


def _kind(kind: str) -> str:
    return strings.KIND_LABELS.get(kind, kind)


def _valid(key: str, options: list, fallback: object) -> None:
    """Give the widget `key` a value among `options` before it is drawn: another municipality (or year) has other
    options, and a stale value would not be one of them."""
    value = st.session_state.get(key)
    if isinstance(fallback, list):
        st.session_state[key] = [v for v in value if v in options] if isinstance(value, list) else fallback
    elif value not in options:
        st.session_state[key] = fallback


def stages_section(selection: Selection, cyc: Cycle) -> None:
    """The year's stages per line, and the chosen line's waterfall with each document's step and explanation."""
    years = cyc.years
    if not years:
        st.info(strings.STAGES_NONE)
        return
    st.caption(strings.STAGES_CAPTION)
    left, middle, right = st.columns([1, 1, 3])
    _valid("fase_jaar", years, years[0])
    year = left.selectbox(strings.STAGE_YEAR, years, key="fase_jaar")
    stages = budget_stages(cyc, year)
    if stages.empty:
        st.info(strings.STAGES_NONE)
        return
    kinds = list(dict.fromkeys(stages["kind"]))
    _valid("fase_soort", kinds, kinds[0])
    kind = middle.selectbox(strings.FINANCE_KIND, kinds, format_func=_kind, key="fase_soort")
    of_kind = stages[stages["kind"] == kind]
    scopes = list(dict.fromkeys(of_kind["scope"]))
    _valid("fase_regel", scopes, scopes[0])
    scope = right.selectbox(strings.STAGE_SCOPE, scopes, key="fase_regel")
    named = [
        strings.STAGE_STEP.format(role=strings.STAGE_ROLES[r], title=t)
        for r, t in zip(of_kind["role"], of_kind["title"], strict=True)
    ]
    table = of_kind.assign(column=named).pivot_table(index="scope", columns="column", values="amount", aggfunc="first")
    table = table.reindex(index=scopes, columns=list(dict.fromkeys(named)))
    show_table(table.map(_money).rename_axis(strings.STAGE_SCOPE).reset_index(), hide_index=True, key="fasen")
    steps = of_kind[of_kind["scope"] == scope]
    figure = stage_charts.stage_waterfall(
        steps, strings.CHART_STAGES.format(scope=scope, kind=_kind(kind).lower(), year=year)
    )
    st.plotly_chart(figure, theme=None, key="fasen_waterval")
    detail = steps[["role", "title", "amount", "change", "page", "line", "explanation"]]
    downloads("begrotingsfasen", selection, figure, detail.assign(scope=scope), money=("amount", "change"))
    report_button(
        strings.COMPARE_HEADER,
        selection,
        [figure],
        [(strings.TAB_STAGES, detail.assign(scope=scope, role=detail["role"].map(strings.STAGE_ROLES)))],
        "rapport-vergelijken",
    )
    show_table(
        detail.assign(
            role=detail["role"].map(strings.STAGE_ROLES),
            amount=detail["amount"].map(_money),
            change=[change(c) if pd.notna(c) else None for c in detail["change"]],
            explanation=detail["explanation"].fillna(strings.STAGE_NO_EXPLANATION),
        ).rename(
            columns={
                "role": strings.COL_STAGE,
                "title": strings.COL_DOCUMENT,
                "amount": strings.COL_AMOUNT,
                "change": strings.COL_CHANGE,
                "page": strings.COL_PAGE,
                "line": strings.COL_LINE,
                "explanation": strings.COL_EXPLANATION,
            }
        ),
        hide_index=True,
        key="fase_stappen",
    )


def two_documents_section(selection: Selection, cyc: Cycle, statuses: pd.DataFrame) -> None:
    """Two chosen documents: per line both amounts, the difference and N/V; statuses; changed explanations."""
    docs = cyc.reports
    if len(docs) < 2:
        st.info(strings.TWO_NONE)
        return
    by_id = {d.doc_id: d for d in docs}
    left, right = st.columns(2)
    ids = list(by_id)
    _valid("eerste", ids, ids[-2])
    _valid("tweede", ids, ids[-1])
    first_id = left.selectbox(strings.TWO_FIRST, ids, format_func=lambda i: by_id[i].title, key="eerste")
    second_id = right.selectbox(strings.TWO_SECOND, ids, format_func=lambda i: by_id[i].title, key="tweede")
    first, second = by_id[first_id], by_id[second_id]
    names = {"a": strings.COL_FIRST.format(title=first.title), "b": strings.COL_SECOND.format(title=second.title)}

    st.subheader(strings.TWO_MONEY)
    money = comparisons.money_side_by_side(cyc.lines, first, second)
    if money.empty:
        st.write(strings.TWO_NOTHING.format(what=strings.TWO_MONEY.lower()))
    else:
        downloads("twee-documenten-bedragen", selection, data=money, money=("amount_a", "amount_b", "difference"))
        show_table(
            money.assign(
                kind=money["kind"].map(_kind),
                amount_a=money["amount_a"].map(_money),
                amount_b=money["amount_b"].map(_money),
                difference=money["difference"].map(_money),
            )[["scope", "kind", "amount_a", "amount_b", "difference", "direction"]].rename(
                columns={
                    "scope": strings.STAGE_SCOPE,
                    "kind": strings.COL_KIND,
                    "amount_a": names["a"],
                    "amount_b": names["b"],
                    "difference": strings.COL_DIFFERENCE,
                    "direction": strings.COL_DIRECTION,
                }
            ),
            hide_index=True,
            key="twee_bedragen",
        )
    st.subheader(strings.TWO_STATUSES)
    compared = comparisons.statuses_side_by_side(statuses, first, second)
    if compared.empty:
        st.write(strings.TWO_NOTHING.format(what=strings.TWO_STATUSES.lower()))
    else:
        show_table(
            compared.assign(
                status_a=compared["status_a"].map(lambda s: status_label(s) if isinstance(s, str) else None),
                status_b=compared["status_b"].map(lambda s: status_label(s) if isinstance(s, str) else None),
            )[["code", "name", "status_a", "status_b", "change"]].rename(
                columns={
                    "code": strings.COL_CODE,
                    "name": strings.COL_ACTIVITY,
                    "status_a": names["a"],
                    "status_b": names["b"],
                    "change": strings.COL_CHANGE,
                }
            ),
            hide_index=True,
            key="twee_statussen",
        )
    changes_section(selection.municipality or "", first, second)
    st.subheader(strings.TWO_EXPLANATIONS)
    texts = comparisons.changed_explanations(cyc.items, first, second)
    if texts.empty:
        st.write(strings.TWO_NOTHING.format(what=strings.TWO_EXPLANATIONS.lower()))
    else:
        show_table(
            texts.rename(columns={"item": strings.COL_ITEM, "explanation_a": names["a"], "explanation_b": names["b"]}),
            hide_index=True,
            key="twee_toelichtingen",
        )


def _diff_markdown(runs: list[tuple[str, str]]) -> str:
    """Word runs as Markdown: removed words struck through in red, new ones bold in green, all as plain text."""
    shown = {"equal": "{}", "delete": ":red[~~{}~~]", "insert": ":green[**{}**]"}
    return " ".join(shown[operation].format(inert(words)) for operation, words in runs)


def changes_section(town: str, first: Report, second: Report) -> None:
    """Per activity what happened between the two reports, with the word diff of its narrative and proposal."""
    st.subheader(strings.TWO_CHANGES)
    texts = check_queries.activity_texts([first.doc_id, second.doc_id])
    changes = changes_between(texts, check_queries.statuses(town), activity_links(town), first, second)
    if not changes:
        st.write(strings.TWO_NOTHING.format(what=strings.TWO_STATUSES.lower()))
        return
    counts = {kind: sum(1 for c in changes if c.kind == kind) for kind in KINDS}
    st.caption(" · ".join(f"{strings.CHANGE_KINDS[kind]}: {n}" for kind, n in counts.items() if n))
    for item in sorted(changes, key=lambda c: KINDS.index(c.kind)):
        if item.kind == "unchanged" and not (item.progress or item.proposal):
            continue
        label = strings.CHANGE_ITEM.format(
            code=" → ".join(dict.fromkeys(c for c in (item.code_a, item.code_b) if c)),
            name=item.name,
            before=status_label(item.status_a) if item.status_a else "–",
            after=status_label(item.status_b) if item.status_b else "–",
        )
        with st.expander(f"{strings.CHANGE_KINDS[item.kind]} · {inert(label)}"):
            for heading, runs in (
                (strings.CHANGE_DIFF_PROGRESS, item.progress),
                (strings.CHANGE_DIFF_PROPOSAL, item.proposal),
            ):
                if runs:
                    st.markdown(f"**{heading}**")
                    st.markdown(_diff_markdown(runs))
            if not (item.progress or item.proposal) and item.kind not in ("new", "dropped"):
                st.caption(strings.CHANGE_SAME_TEXT)


def years_and_peers_section(selection: Selection, cyc: Cycle) -> None:
    """One line over every loaded year, and the line most like it in other municipalities."""
    town = selection.municipality
    options = list(dict.fromkeys(zip(cyc.lines["scope"], cyc.lines["kind"], strict=True)))
    if not options:
        st.info(strings.YEARS_NO_LINES)
        return
    _valid("jaren_regel", options, options[0])
    scope, kind = st.selectbox(
        strings.STAGE_SCOPE, options, format_func=lambda o: f"{o[0]} ({_kind(o[1]).lower()})", key="jaren_regel"
    )
    st.subheader(strings.YEARS_HEADER)
    years = comparisons.over_years(cyc, scope_key(scope), kind)
    if years.empty:
        st.write(strings.YEARS_NONE)
    else:
        figure = stage_charts.over_years(years, strings.CHART_YEARS.format(scope=scope, kind=_kind(kind).lower()))
        st.plotly_chart(figure, theme=None, key="jaren")
        downloads("regel-over-jaren", selection, figure, years, money=("original", "amendment", "actuals"))
    st.subheader(strings.PEERS_HEADER)
    st.caption(strings.PEERS_CAPTION)
    access = current_access()
    others = [t for t in filter_queries.municipalities() if t != town and access.allows(t)]
    _valid("peers", others, others[:10])
    chosen = st.multiselect(strings.PEERS_TOWNS, others, key="peers")
    upload = st.file_uploader(strings.PEERS_POPULATION, type=["csv"], key="inwoners")
    population = None
    if upload is not None:
        try:
            population = read_population(upload.getvalue())
        except PopulationError as error:
            st.error(inert(str(error)))
    accounts = {name: newest_account(name) for name in [town, *chosen]}
    found = comparisons.peer_figures(scope, kind, {k: v for k, v in accounts.items() if v is not None}, population)
    if found.empty:
        st.write(strings.PEERS_NONE)
        return
    per_inhabitant = population is not None and st.toggle(strings.PEERS_PER_INHABITANT, key="per_inwoner")
    figure = stage_charts.peers(
        found, per_inhabitant, strings.CHART_PEERS.format(scope=scope, kind=_kind(kind).lower())
    )
    st.plotly_chart(figure, theme=None, key="peers_chart")
    downloads("regel-bij-gemeenten", selection, figure, found, money=("amount",))


st.title(strings.COMPARE_HEADER)
require_documents()
selection = current_selection()
municipality = selection.municipality
budget = budget_cycle(municipality)
stages_tab, documents_tab, years_tab = st.tabs(  # only the open tab is computed; it is kept in the URL
    [strings.TAB_STAGES, strings.TAB_TWO_DOCUMENTS, strings.TAB_YEARS_PEERS], key=TAB_PARAM, bind="query-params"
)
if stages_tab.open:
    with stages_tab:
        stages_section(selection, budget)
if documents_tab.open:
    with documents_tab:
        two_documents_section(selection, budget, check_queries.statuses(municipality))
if years_tab.open:
    with years_tab:
        years_and_peers_section(selection, budget)
