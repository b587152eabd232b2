"""Limits on what the loaders and the dashboard accept, shared by both (and told to Streamlit)."""

from __future__ import annotations

MAX_UPLOAD_MEGABYTES = 25  # the largest file the dashboard accepts (Streamlit is told the same)
MAX_UNPACKED_MEGABYTES = 64  # the parts of a Word or Excel file together, unpacked
MAX_PACK_RATIO = 100  # how many times smaller a large part may be packed (real documents: 5 to 30 times)
EXTRACT_SECONDS = 120.0  # reading one document on the command line (the slowest real budget: about 4 s)
