"""Documenten toevoegen: upload, preview what was extracted, then load through the same store code as the CLI.

Uploaded files are only parsed, never executed or rendered as HTML.
"""

import pandas as pd
import streamlit as st

from dashboard import strings
from dashboard.db import database_path, release
from dashboard.format import inert
from dashboard.tables import show_table
from loaders.errors import UnreadableDocument
from loaders.extract import extract_bytes
from loaders.store import StoreError, load_extractions
from model.limits import MAX_UPLOAD_MEGABYTES
from model.municipalities import all_municipalities
from model.warnings import dutch_meaning

TYPES = ["txt", "html", "htm", "pdf", "docx", "xlsx"]


def dutch_reason(reason: str) -> str:
    """The reason a file cannot be read, in Dutch where we know it."""
    return next((dutch for start, dutch in strings.UNREADABLE_REASONS.items() if reason.startswith(start)), reason)


DROP_HINT = strings.UPLOAD_DROP_HINT.format(limit=MAX_UPLOAD_MEGABYTES)
st.title(strings.UPLOAD_HEADER)
st.html(
    "<style>"
    "[data-testid=stFileUploaderDropzoneInstructions] span {display: none}"
    f"[data-testid=stFileUploaderDropzoneInstructions] div::after {{content: '{DROP_HINT}'}}"
    "[data-testid=stFileUploaderDropzone] button [data-testid=stMarkdownContainer] {display: none}"
    f"[data-testid=stFileUploaderDropzone] button span[style]::after {{content: '{strings.UPLOAD_BROWSE}'}}"
    "</style>"
)
st.caption(strings.UPLOAD_CAPTION.format(limit=MAX_UPLOAD_MEGABYTES))
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
    if len(data) > MAX_UPLOAD_MEGABYTES * 1024 * 1024:
        st.error(strings.UPLOAD_TOO_LARGE.format(name=inert(upload.name), limit=MAX_UPLOAD_MEGABYTES))
        continue
    try:
        extraction = extract_bytes(data, f"upload/{upload.name}", municipality)
    except UnreadableDocument as error:
        st.error(strings.UPLOAD_UNREADABLE.format(name=inert(upload.name), reason=inert(dutch_reason(error.reason))))
        continue
    extractions.append(extraction)
    info = extraction.document
    with st.expander(
        strings.UPLOAD_PREVIEW.format(
            name=inert(upload.name),
            municipality=inert(info.municipality or "?"),
            title=inert(info.title or "?"),
            year=info.year or "?",
        ),
        expanded=True,
    ):
        counts = {key: len(getattr(extraction, key)) for key in strings.UPLOAD_COUNTS}
        for column, (key, label) in zip(st.columns(len(counts)), strings.UPLOAD_COUNTS.items(), strict=True):
            column.metric(label, counts[key])
        if extraction.statuses:
            show_table(
                pd.DataFrame(
                    [
                        s.model_dump(include={"activity_code", "activity_name", "period", "status_raw"})
                        for s in extraction.statuses
                    ]
                ).head(50).rename(columns=strings.COLUMN_NAMES),
                hide_index=True,
            )
        elif extraction.activities:
            show_table(
                pd.DataFrame([a.model_dump(include={"code", "name", "programme"}) for a in extraction.activities])
                .head(50)
                .rename(columns=strings.COLUMN_NAMES),
                hide_index=True,
            )
        if extraction.budget_lines:
            show_table(
                pd.DataFrame(
                    [b.model_dump(include={"scope", "kind", "column", "amount_eur"}) for b in extraction.budget_lines]
                ).head(50).rename(columns=strings.COLUMN_NAMES),
                hide_index=True,
            )
        if extraction.warnings:
            warnings = pd.DataFrame([w.model_dump(include={"line", "code", "message"}) for w in extraction.warnings])
            show_table(
                warnings.assign(meaning=warnings["code"].map(dutch_meaning))[["line", "meaning", "message"]].rename(
                    columns={**strings.COLUMN_NAMES, "meaning": strings.COL_WARNING_MEANING}
                ),
                hide_index=True,
            )

if files:
    if not extractions:
        st.warning(strings.UPLOAD_NOTHING)
    elif st.button(strings.UPLOAD_CONFIRM, type="primary", key="upload_bevestig"):
        try:
            outcomes = load_extractions(extractions, database_path())
        except StoreError as error:
            st.error(inert(str(error)))
        else:
            release(database_path())  # the loaded file replaced the one this process had open
            for outcome in outcomes:
                name = outcome.source.removeprefix("upload/")
                if outcome.outcome == "failed":
                    st.error(strings.UPLOAD_FAILED.format(name=inert(name), reason=inert(outcome.message or "")))
                else:
                    st.success(
                        strings.UPLOAD_LOADED.format(name=inert(name), outcome=strings.UPLOAD_OUTCOMES[outcome.outcome])
                    )
