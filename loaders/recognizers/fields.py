"""Field labels inside an activity section ("Jaar realisatie", "Stand van zaken", "Voorstel raad")."""

from __future__ import annotations

from functools import cache

from model.text import fold
from model.vocabulary import load_vocabulary


@cache
def _labels() -> dict[str, str]:
    return {fold(label): name for name, labels in load_vocabulary("documents")["fields"].items() for label in labels}


@cache
def _longest() -> int:
    return max(map(len, _labels()))


def match_field(text: str) -> tuple[str, str] | None:
    """(field name, rest of the line) when `text` is a field label, alone or followed by ':' and a value."""
    bound = 2 * _longest()  # room for spaces and accents that folding removes
    if len(text) <= bound and (name := _labels().get(fold(text))):
        return name, ""
    colon = text.find(":", 0, bound)
    if colon >= 0 and (name := _labels().get(fold(text[:colon]))):
        return name, text[colon + 1 :].strip()
    return None
