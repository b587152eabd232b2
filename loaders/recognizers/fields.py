"""Field labels inside an activity section ("Jaar realisatie", "Stand van zaken", "Voorstel raad")."""

from __future__ import annotations

from functools import cache

from model.text import fold
from model.vocabulary import load_vocabulary


@cache
def _labels() -> dict[str, str]:
    return {fold(label): name for name, labels in load_vocabulary("documents")["fields"].items() for label in labels}


def match_field(text: str) -> tuple[str, str] | None:
    """(field name, rest of the line) when `text` is a field label, alone or followed by ':' and a value."""
    folded = fold(text)
    if folded in _labels():
        return _labels()[folded], ""
    if ":" in text:
        label, rest = text.split(":", 1)
        name = _labels().get(fold(label))
        if name:
            return name, rest.strip()
    return None
