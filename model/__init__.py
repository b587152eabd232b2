"""Records, vocabularies and value parsers shared by loaders, store and dashboard (no I/O besides vocabularies)."""
