"""Documenten toevoegen: upload, preview what was extracted, then load through the same store code as the CLI.

Uploaded files are only parsed, never executed or rendered as HTML.
"""

import pandas as pd
import streamlit as st

from dashboard import strings
from dashboard.db import database_path
from loaders.errors import UnreadableDocument
from loaders.extract import extract_bytes
from loaders.store import StoreError, load_extractions
from model.municipalities import all_municipalities

MAX_MEGABYTES = 25
TYPES = ["txt", "html", "htm", "pdf", "docx", "xlsx"]


def dutch_reason(reason: str) -> str:
    """The reason a file cannot be read, in Dutch where we know it."""
    return next((dutch for start, dutch in strings.UNREADABLE_REASONS.items() if reason.startswith(start)), reason)


st.title(strings.UPLOAD_HEADER)
st.caption(strings.UPLOAD_CAPTION.format(limit=MAX_MEGABYTES))
municipality = (
    st.selectbox(
        strings.UPLOAD_MUNICIPALITY,
        ["", *sorted({m.display_name for m in all_municipalities()})],
        format_func=lambda name: name or strings.UPLOAD_MUNICIPALITY_DETECT,
        key="upload_gemeente",
    )
    or None
)
files = st.file_uploader(strings.UPLOAD_LABEL, type=TYPES, accept_multiple_files=True, key="uploads")

extractions = []
for upload in files or []:
    data = upload.getvalue()
    if len(data) > MAX_MEGABYTES * 1024 * 1024:
        st.error(strings.UPLOAD_TOO_LARGE.format(name=upload.name, limit=MAX_MEGABYTES))
        continue
    try:
        extraction = extract_bytes(data, f"upload/{upload.name}", municipality)
    except UnreadableDocument as error:
        st.error(strings.UPLOAD_UNREADABLE.format(name=upload.name, reason=dutch_reason(error.reason)))
        continue
    extractions.append(extraction)
    info = extraction.document
    with st.expander(
        strings.UPLOAD_PREVIEW.format(
            name=upload.name, municipality=info.municipality or "?", title=info.title or "?", year=info.year or "?"
        ),
        expanded=True,
    ):
        counts = {key: len(getattr(extraction, key)) for key in strings.UPLOAD_COUNTS}
        for column, (key, label) in zip(st.columns(len(counts)), strings.UPLOAD_COUNTS.items(), strict=True):
            column.metric(label, counts[key])
        if extraction.statuses:
            st.dataframe(
                pd.DataFrame(
                    [
                        s.model_dump(include={"activity_code", "activity_name", "period", "status_raw"})
                        for s in extraction.statuses
                    ]
                ).head(50),
                hide_index=True,
            )
        elif extraction.activities:
            st.dataframe(
                pd.DataFrame([a.model_dump(include={"code", "name", "programme"}) for a in extraction.activities]).head(
                    50
                ),
                hide_index=True,
            )
        if extraction.budget_lines:
            st.dataframe(
                pd.DataFrame(
                    [b.model_dump(include={"scope", "kind", "column", "amount_eur"}) for b in extraction.budget_lines]
                ).head(50),
                hide_index=True,
            )
        if extraction.warnings:
            st.dataframe(pd.DataFrame([w.model_dump() for w in extraction.warnings]), hide_index=True)

if files:
    if not extractions:
        st.warning(strings.UPLOAD_NOTHING)
    elif st.button(strings.UPLOAD_CONFIRM, type="primary", key="upload_bevestig"):
        try:
            outcomes = load_extractions(extractions, database_path())
        except StoreError as error:
            st.error(str(error))
        else:
            for outcome in outcomes:
                name = outcome.source.removeprefix("upload/")
                if outcome.outcome == "failed":
                    st.error(strings.UPLOAD_FAILED.format(name=name, reason=outcome.message))
                else:
                    st.success(
                        strings.UPLOAD_LOADED.format(name=name, outcome=strings.UPLOAD_OUTCOMES[outcome.outcome])
                    )
