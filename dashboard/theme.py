"""One plotly template and the status colours, used on screen and in every export alike.

Colours are Okabe-Ito (distinguishable with the common colour-vision deficiencies); every status is also
always shown with its icon and word, so colour is never the only cue.
"""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

from dashboard import strings

TEMPLATE_NAME = "voortgang"
STATUS_ORDER = ("on_track", "partly", "council_action", "done", "unknown")
STATUS_COLOURS = {
    "on_track": "#009E73",
    "partly": "#E69F00",
    "council_action": "#D55E00",
    "done": "#0072B2",
    "unknown": "#999999",
}
DIRECTION_COLOURS = {"N": "#D55E00", "V": "#009E73"}
MEASURE_COLOURS = {"primitieve": "#56B4E9", "actuele": "#0072B2", "realisatie": "#CC79A7"}
FONT = "DejaVu Sans, Arial, sans-serif"
_USED_TRACES = ("bar", "scatter", "heatmap", "waterfall", "sankey")


def status_label(status: str) -> str:
    """Icon plus Dutch word, e.g. '✓ op koers'."""
    return strings.STATUS_LABELS.get(status, strings.STATUS_LABELS["unknown"])


def register_template() -> str:
    """Register the project's template once and make it the default; returns its name."""
    if TEMPLATE_NAME not in pio.templates:
        white = pio.templates["plotly_white"]
        # only the trace types the charts use: every figure validates and copies its template (24 types cost
        # about 15 ms a chart)
        used = {kind: getattr(white.data, kind) for kind in _USED_TRACES}
        template = go.layout.Template(layout=white.layout, data=used)
        template.layout.font = {"family": FONT, "size": 13, "color": "#222222"}
        template.layout.title = {"font": {"size": 16}, "x": 0, "xanchor": "left"}
        template.layout.legend = {"orientation": "h", "y": -0.2, "x": 0}
        template.layout.margin = {"l": 10, "r": 10, "t": 50, "b": 10}
        template.layout.separators = ",."
        pio.templates[TEMPLATE_NAME] = template
    if pio.templates.default != TEMPLATE_NAME:  # setting it validates the template again
        pio.templates.default = TEMPLATE_NAME
    return TEMPLATE_NAME
