"""Chart builders, tested on their figure data without Streamlit."""

from __future__ import annotations

import json

import pandas as pd

from dashboard import charts, strings
from dashboard.theme import STATUS_COLOURS

COUNTS = pd.DataFrame(
    {
        "period": ["2e VGR 2019", "Rekening 2018", "Rekening 2018", "2e VGR 2019"],
        "period_order": [201965, 201895, 201895, 201965],
        "status": ["partly", "on_track", "partly", "on_track"],
        "n": [5, 11, 2, 8],
    }
)


def test_trend_stacks_statuses_over_periods_in_time_order():
    figure = charts.status_trend(COUNTS)
    assert list(figure.layout.xaxis.categoryarray) == ["Rekening 2018", "2e VGR 2019"]
    bars = {bar.name: list(bar.y) for bar in figure.data}
    assert bars == {"✓ op koers": [11, 8], "◐ deels": [2, 5]}
    assert figure.data[0].marker.color == STATUS_COLOURS["on_track"] and figure.layout.barmode == "stack"


def test_every_series_is_named_with_icon_and_word():
    for bar in charts.status_trend(COUNTS).data:
        assert bar.name in strings.STATUS_LABELS.values()


def test_empty_data_gives_a_figure_that_says_so():
    figure = charts.status_trend(COUNTS.iloc[0:0])
    assert figure.layout.annotations[0].text == strings.NO_DATA_FOR_CHART


def test_group_chart_has_one_bar_per_group_and_status():
    counts = pd.DataFrame(
        {"group": ["6.1 A", "6.1 A", "6.2 B"], "status": ["on_track", "partly", "on_track"], "n": [4, 1, 5]}
    )
    figure = charts.status_by_group(counts, "titel")
    assert {bar.name: list(bar.x) for bar in figure.data} == {"✓ op koers": [5, 4], "◐ deels": [0, 1]}


FACTS = pd.DataFrame(
    {
        "activity_key": ["a", "a", "b"],
        "code": ["1.1", "1.1", "1.2"],
        "name": ["Alpha", "Alpha", "Beta"],
        "period": ["Q1 2022", "Q2 2022", "Q2 2022"],
        "period_order": [202225, 202250, 202250],
        "status": ["on_track", "council_action", "done"],
    }
)


def test_matrix_cells_carry_status_text_and_the_activity_key():
    cell = charts.status_matrix(FACTS).data[0]
    assert list(cell.y) == ["1.1 Alpha", "1.2 Beta"] and list(cell.x) == ["Q1 2022", "Q2 2022"]
    assert [list(row) for row in cell.text] == [["✓ op koers", "⚠ bijsturing raad"], [strings.NO_STATUS, "● gereed"]]
    assert cell.customdata[1][1] == "b"


def test_transitions_link_statuses_of_two_periods():
    moves = pd.DataFrame({"status_from": ["on_track", "on_track"], "status_to": ["on_track", "partly"], "n": [8, 3]})
    sankey = charts.transitions(moves, "1e VGR", "2e VGR").data[0]
    assert list(sankey.node.label) == ["✓ op koers (1e VGR)", "✓ op koers (2e VGR)", "◐ deels (2e VGR)"]
    assert (list(sankey.link.source), list(sankey.link.target), list(sankey.link.value)) == ([0, 0], [1, 2], [8, 3])


def test_timeline_shows_each_period_with_its_status():
    history = pd.DataFrame({"period": ["2e VGR", "1e VGR"], "period_order": [65, 35], "status": ["partly", "on_track"]})
    line = charts.status_timeline(history).data[0]
    assert list(line.x) == ["1e VGR", "2e VGR"] and list(line.text) == ["✓ op koers", "◐ deels"]


def test_deviation_bars_diverge_by_direction_and_respect_the_threshold():
    frame = pd.DataFrame(
        {"scope": ["Jeugd", "Wmo", "Participatie", "Klein"], "amount": [-328000.0, -240000.0, 66000.0, 10000.0]}
    )
    bars = charts.deviations_by_scope(frame, 25000, "titel").data[0]
    assert list(bars.y) == ["Participatie", "Wmo", "Jeugd"]
    assert list(bars.text) == ["+66.000 V", "−240.000 N", "−328.000 N"]
    assert list(bars.marker.color) == ["#009E73", "#D55E00", "#D55E00"]


def test_waterfall_runs_from_budget_through_items_to_actuals_with_the_rest_shown():
    items = pd.DataFrame({"item": ["Jeugdzorg", "Participatie"], "signed": [-328000.0, 609000.0]})
    steps = charts.waterfall("Begroting", -1_000_000, items, "Realisatie", -700_000).data[0]
    assert list(steps.x) == ["Begroting", "Jeugdzorg", "Participatie", strings.WATERFALL_REST, "Realisatie"]
    assert list(steps.measure) == ["absolute", "relative", "relative", "relative", "total"]
    assert steps.y[3] == 19_000


def test_budget_comparison_has_three_measures_per_scope():
    frame = pd.DataFrame(
        {"scope": ["Jeugd"], "primitieve": [-7020000.0], "actuele": [-7814000.0], "realisatie": [-8142000.0]}
    )
    bars = charts.budget_comparison(frame, "titel").data
    assert [bar.name for bar in bars] == list(strings.MEASURES.values())
    assert bars[2].text == ("€ -8.142.000",)


def test_charts_built_without_validation_carry_the_template_and_titles_as_plotly_js_needs():
    counts = pd.DataFrame({"period": ["P1", "P2"], "period_order": [1, 2], "status": ["on_track", "partly"], "n": [3, 1]})
    for figure in (charts.status_trend(counts), charts.status_by_group(counts.rename(columns={"period": "group"}), "T")):
        spec = json.loads(figure.to_json())
        assert spec["layout"]["template"]["layout"]["separators"] == ",."  # the Dutch decimal comma
        assert isinstance(spec["layout"]["title"], dict) and spec["layout"]["title"]["text"]
        axes = (spec["layout"]["xaxis"], spec["layout"].get("yaxis", {}))
        assert all(isinstance(axis.get("title", {}), dict) for axis in axes)
    figure = charts.status_trend(counts)
    figure.update_layout(title="Later gezet")
    assert json.loads(figure.to_json())["layout"]["title"] == {"text": "Later gezet"}  # later changes are validated


def test_document_text_in_a_chart_is_shown_as_written_never_as_html():
    hostile = '<a href="https://evil.example/">klik</a> & <img src=x>'
    facts = pd.DataFrame(
        {
            "activity_key": ["k"],
            "code": ["1.1"],
            "name": [hostile],
            "period": ["1e VGR 2024"],
            "period_order": [1],
            "status": ["on_track"],
        }
    )
    shown = json.dumps(charts.status_matrix(facts).to_plotly_json())
    assert "<a href" not in shown and "<img" not in shown
    assert '&lt;a href=\\"https://evil.example/\\"&gt;klik&lt;/a&gt; &amp; &lt;img src=x&gt;' in shown


def test_groups_can_be_shown_top_down_in_a_given_order():
    counts = pd.DataFrame({"group": ["Zevenaar", "Aalten"], "status": ["on_track", "on_track"], "n": [3, 4]})
    figure = charts.status_by_group(counts, "t", ["Zevenaar", "Aalten"])
    assert list(figure.data[0].y) == ["Aalten", "Zevenaar"]  # plotly draws the first category at the bottom
