"""Limits on what the loaders and the dashboard accept, shared by both (and told to Streamlit)."""

from __future__ import annotations

MAX_UPLOAD_MEGABYTES = 25  # the largest file the dashboard accepts (Streamlit is told the same)
