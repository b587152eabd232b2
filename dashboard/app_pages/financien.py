"""Financiën: budget against actuals, deviations per theme with a threshold, the waterfall, explained items."""

import pandas as pd
import streamlit as st

from dashboard import charts, format, money_queries, queries, strings
from dashboard.checks import default_threshold
from dashboard.cross_documents import findings, findings_table
from dashboard.downloads import downloads, report_button
from dashboard.excerpts import excerpt
from dashboard.filters import current_selection
from dashboard.format import euro, inert
from dashboard.guard import require_documents
from dashboard.navigation import selectable_table, selected_points
from dashboard.tables import show_table

st.title(strings.FINANCE_HEADER)
require_documents()
selection = current_selection()
documents = money_queries.finance_documents(selection)
if documents.empty:
    st.info(strings.FINANCE_NONE)
else:
    labels = {
        row.doc_id: strings.FINANCE_DOCUMENT_CHOICE.format(
            title=row.title or row.source,
            year=int(row.year) if pd.notna(row.year) else "?",
            lines=format.number(row.budget_lines),
            deviations=format.number(row.deviations),
        )
        for row in documents.itertuples()
    }
    with_tables = documents[documents["budget_lines"] > 0]
    newest = (with_tables if not with_tables.empty else documents)["doc_id"].iloc[0]
    if st.session_state.get("financiendocument") not in labels:
        st.session_state["financiendocument"] = newest
    doc_id = st.selectbox(
        strings.FINANCE_DOCUMENT_PICK,
        list(labels),
        format_func=labels.get,
        key="financiendocument",
        bind="query-params",
        help=strings.FINANCE_DOCUMENT_HELP,
    )
    document = documents.set_index("doc_id").loc[doc_id]
    st.caption(strings.FINANCE_UNITS)

    left, right = st.columns([2, 1])
    kind = (
        left.segmented_control(
            strings.FINANCE_KIND,
            list(strings.KIND_LABELS),
            default="lasten",
            format_func=strings.KIND_LABELS.get,
            key="bedragen",
        )
        or "lasten"
    )
    threshold = right.number_input(
        strings.THRESHOLD, min_value=0, value=25_000, step=5_000, key="drempel", help=strings.THRESHOLD_HELP
    )
    kind_label = strings.KIND_LABELS[kind]

    if document["budget_lines"]:
        comparison = money_queries.budget_comparison(doc_id, kind)
        comparison_figure = charts.budget_comparison(comparison, strings.CHART_COMPARISON.format(kind=kind_label))
        st.plotly_chart(comparison_figure, theme=None, key="vergelijking")
        downloads(
            "begroting-realisatie",
            selection,
            comparison_figure,
            comparison.assign(doc_id=doc_id).rename(columns=strings.MEASURES),
            money=tuple(strings.MEASURES.values()),
        )
        by_scope = money_queries.scope_deviations(doc_id, kind)
        deviations_figure = charts.deviations_by_scope(
            by_scope, threshold, strings.CHART_DEVIATIONS.format(kind=kind_label.lower(), threshold=euro(threshold))
        )
        st.plotly_chart(
            deviations_figure, theme=None, key="afwijkingen_thema", on_select="rerun", selection_mode="points"
        )
        downloads(
            "afwijkingen-per-thema",
            selection,
            deviations_figure,
            by_scope[by_scope["amount"].abs() >= threshold].assign(doc_id=doc_id),
            money=("amount",),
        )

    items = money_queries.deviations(doc_id)
    ends = money_queries.result_budget_and_actual(doc_id)
    if not items.empty and not ends.empty and ends.iloc[0].notna().all():
        end = ends.iloc[0]
        waterfall_figure = charts.waterfall(
            strings.WATERFALL_START.format(scope=end["scope"]),
            end["actuele"],
            items,
            strings.WATERFALL_END.format(scope=end["scope"]),
            end["realisatie"],
        )
        st.plotly_chart(waterfall_figure, theme=None, key="waterval")
        downloads(
            "waterval",
            selection,
            waterfall_figure,
            items[["item", "signed", "line"]].rename(columns={"signed": "amount_eur"}).assign(doc_id=doc_id),
            money=("amount_eur",),
        )

    st.subheader(strings.DEVIATIONS_HEADER)
    search = st.text_input(strings.DEVIATIONS_SEARCH, key="zoek_afwijking")
    bars = selected_points(st.session_state.get("afwijkingen_thema"))
    theme = bars[0].get("y") if bars else None
    if theme:
        st.caption(strings.DEVIATIONS_OF_THEME.format(theme=inert(str(theme))))
    found = money_queries.deviations(doc_id, search, theme)
    if not found.empty:
        net = found["signed"].sum()
        st.write(strings.DEVIATIONS_TOTAL.format(n=len(found), amount=f"{euro(abs(net))} {'V' if net >= 0 else 'N'}"))
        st.caption(strings.DEVIATION_SELECT_HINT)
        downloads(
            "afwijkingen",
            selection,
            data=found[["item", "scope", "amount_eur", "direction", "incidental", "explanation", "line"]].assign(
                doc_id=doc_id
            ),
            money=("amount_eur",),
        )
        shown = found.assign(
            amount=found["amount_eur"].map(euro),
            incidental=found["incidental"].map({True: strings.YES, False: strings.NO}),
            explanation=found["explanation"].fillna("").str.split("\n").str[0],
        )
        row = selectable_table(
            shown,
            {
                "item": strings.COL_ITEM,
                "scope": strings.COL_SCOPE,
                "amount": strings.COL_AMOUNT,
                "direction": strings.COL_DIRECTION,
                "incidental": strings.COL_INCIDENTAL,
                "explanation": strings.COL_EXPLANATION,
            },
            "afwijkingen_tabel",
        )
        if row is not None:
            picked = found.iloc[row]
            st.markdown(f"**{inert(picked['item'])}** — {euro(picked['amount_eur'])} {picked['direction']}")
            if isinstance(picked["explanation"], str):
                st.markdown(inert(picked["explanation"]))
                parts = money_queries.deviation_parts(doc_id, int(picked["seq"]))
                if not parts.empty:
                    st.markdown(f"**{strings.DEVIATION_PARTS}**")
                    show_table(
                        parts.assign(amount_eur=parts["amount_eur"].map(lambda v: euro(v) if pd.notna(v) else ""))[
                            ["text", "amount_eur", "direction"]
                        ].rename(
                            columns={
                                "text": strings.COL_EXPLANATION,
                                "amount_eur": strings.COL_AMOUNT,
                                "direction": strings.COL_DIRECTION,
                            }
                        ),
                        hide_index=True,
                    )
                title, source, text = queries.document_text(doc_id)
                last = int(picked["explanation_line"]) + picked["explanation"].count("\n")
                first, end, body = excerpt(text, int(picked["explanation_line"]), last)
                st.caption(
                    strings.SOURCE_EXCERPT.format(title=inert(title), source=inert(source), first=first, last=end)
                )
                st.code(body, language=None)
            else:
                st.info(strings.DEVIATION_NO_EXPLANATION)


st.subheader(strings.CHECKS_HEADER)
found = findings(selection.municipality) if selection.municipality else []
st.caption(strings.CHECKS_THRESHOLD.format(default=default_threshold().describe()))
if not found:
    st.success(strings.CHECKS_OK)
else:
    st.caption(strings.CHECKS_CAPTION)
    show_table(findings_table(found), hide_index=True, key="controles")

st.subheader(strings.COSTS_HEADER)
costs = money_queries.activity_costs(selection)
if costs.empty:
    st.write(strings.COSTS_NONE)
else:
    downloads("kosten-activiteiten", selection, data=costs, money=("amount_eur",))
    for programme, group in costs.groupby("programme", dropna=False, sort=False):
        st.markdown(
            f"**{inert(programme) if isinstance(programme, str) else strings.NONE}** — "
            f"{euro(group['amount_eur'].sum())}"
        )
        show_table(
            group.assign(amount=group["amount_eur"].map(euro))[["activity", "kind", "amount", "note"]].rename(
                columns={
                    "activity": strings.COL_ACTIVITY,
                    "kind": strings.COL_KIND,
                    "amount": strings.COL_AMOUNT,
                    "note": strings.COL_NOTE,
                }
            ),
            hide_index=True,
        )

if not documents.empty and document["budget_lines"]:
    st.divider()
    report_button(
        strings.FINANCE_HEADER,
        selection,
        [comparison_figure, deviations_figure],
        [
            (
                strings.DEVIATIONS_HEADER,
                money_queries.deviations(doc_id)[["item", "scope", "amount_eur", "direction", "explanation"]],
            )
        ],
        "rapport-financien",
    )
