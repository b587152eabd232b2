"""The Streamlit dashboard: reads the DuckDB store, never writes it."""
