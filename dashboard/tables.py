"""Plain DataFrame shaping for display (no Streamlit): the activity × period status matrix."""

from __future__ import annotations

import pandas as pd

from dashboard import strings


def status_matrix(history: pd.DataFrame) -> pd.DataFrame:
    """Activities as rows and periods (in time order) as columns; each cell is an icon plus a Dutch word."""
    keys = [strings.COL_CODE, strings.COL_ACTIVITY, strings.COL_TARGET_YEAR]
    if history.empty:
        return pd.DataFrame(columns=keys)
    frame = history.copy()
    frame["cell"] = frame["status"].map(strings.STATUS_LABELS)
    base = (
        frame[["activity_key", "code", "name", "target_year"]].drop_duplicates("activity_key").set_index("activity_key")
    )
    with_status = frame.dropna(subset=["period"])
    order = with_status.drop_duplicates("period").sort_values("period_order")["period"].tolist()
    cells = with_status.pivot(index="activity_key", columns="period", values="cell").reindex(columns=order)
    matrix = base.join(cells).fillna({p: strings.NO_STATUS for p in order})
    matrix = matrix.rename(
        columns={"code": strings.COL_CODE, "name": strings.COL_ACTIVITY, "target_year": strings.COL_TARGET_YEAR}
    )
    return matrix.reset_index(drop=True)[keys + order]
