"""Documenten toevoegen: upload, preview what was extracted, then load through the same store code as the CLI.

Uploaded files are only parsed, never executed or rendered as HTML, and only in the upload worker's process
(dashboard/uploads.py), which has a memory and a time limit.
"""

import pandas as pd
import streamlit as st

from dashboard import strings, uploads
from dashboard.db import database_path
from dashboard.format import inert
from dashboard.login import current_access
from dashboard.tables import show_table
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
access = current_access()
# a user allowed some municipalities uploads only for those: no "detect from the text", which could name another
allowed = (
    ["", *sorted({m.display_name for m in all_municipalities()})] if access.everything else sorted(access.municipalities)
)
municipality = (
    st.selectbox(
        strings.UPLOAD_MUNICIPALITY,
        allowed,
        format_func=lambda name: name or strings.UPLOAD_MUNICIPALITY_DETECT,
        key="upload_gemeente",
    )
    or None
)
files = st.file_uploader(strings.UPLOAD_LABEL, type=TYPES, accept_multiple_files=True, key="uploads")


@st.cache_data(max_entries=32, show_spinner=False)
def _preview(name: str, data: bytes, municipality: str | None) -> dict:
    """One file's preview, read once per file, name and municipality (the page reruns on every click)."""
    return uploads.preview(name, data, municipality)


def _rows(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows).rename(columns=strings.COLUMN_NAMES)


readable = []
for upload in files or []:
    data = upload.getvalue()
    if len(data) > MAX_UPLOAD_MEGABYTES * 1024 * 1024:
        st.error(strings.UPLOAD_TOO_LARGE.format(name=inert(upload.name), limit=MAX_UPLOAD_MEGABYTES))
        continue
    with st.spinner(strings.UPLOAD_READING.format(name=inert(upload.name))):
        try:
            found = _preview(upload.name, data, municipality)
        except uploads.UploadFailed as error:
            st.error(f"{inert(upload.name)}: {error}")
            continue
    if "error" in found:
        st.error(strings.UPLOAD_UNREADABLE.format(name=inert(upload.name), reason=inert(dutch_reason(found["error"]))))
        continue
    readable.append((upload.name, data))
    info, counts, rows = found["document"], found["counts"], found["rows"]
    with st.expander(
        strings.UPLOAD_PREVIEW.format(
            name=inert(upload.name),
            municipality=inert(info["municipality"] or "?"),
            title=inert(info["title"] or "?"),
            year=info["year"] or "?",
        ),
        expanded=True,
    ):
        for column, (key, label) in zip(
            st.columns(len(strings.UPLOAD_COUNTS)), strings.UPLOAD_COUNTS.items(), strict=True
        ):
            column.metric(label, counts[key])
        if rows["statuses"]:
            show_table(_rows(rows["statuses"]), hide_index=True)
        elif rows["activities"]:
            show_table(_rows(rows["activities"]), hide_index=True)
        if rows["budget_lines"]:
            show_table(_rows(rows["budget_lines"]), hide_index=True)
        if rows["warnings"]:
            warnings = pd.DataFrame(rows["warnings"])
            show_table(
                warnings.assign(meaning=warnings["code"].map(dutch_meaning))[["line", "meaning", "message"]].rename(
                    columns={**strings.COLUMN_NAMES, "meaning": strings.COL_WARNING_MEANING}
                ),
                hide_index=True,
            )

if files:
    if not readable:
        st.warning(strings.UPLOAD_NOTHING)
    elif st.button(strings.UPLOAD_CONFIRM, type="primary", key="upload_bevestig"):
        try:
            answer = uploads.load(readable, municipality, database_path())
        except uploads.UploadFailed as error:
            st.error(str(error))
        else:
            if "error" in answer:
                st.error(inert(answer["error"]))
            for outcome in answer.get("outcomes", []):
                name = inert(outcome["name"])
                if outcome["outcome"] == "failed":
                    st.error(strings.UPLOAD_FAILED.format(name=name, reason=inert(outcome["message"] or "")))
                else:
                    st.success(
                        strings.UPLOAD_LOADED.format(name=name, outcome=strings.UPLOAD_OUTCOMES[outcome["outcome"]])
                    )
