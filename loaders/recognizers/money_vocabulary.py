"""The budget vocabulary (model/vocabularies/budget.toml) as ready-to-use lookups."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from model.text import fold
from model.vocabulary import load_vocabulary


@dataclass(frozen=True)
class MoneyVocabulary:
    """Column heads, row kinds, total words, deviation titles and N/V words, all folded."""

    heads: dict[str, str]
    nouns: tuple[str, ...]
    difference_columns: tuple[str, ...]
    row_kinds: tuple[tuple[str, tuple[str, ...]], ...]  # names padded with a space each side
    row_phrases: tuple[tuple[str, str], ...]  # padded likewise
    totals: tuple[str, ...]
    deviation_titles: tuple[str, ...]
    directions: dict[str, str]
    income_words: tuple[str, ...]
    money_context: tuple[str, ...]
    mutation_columns: frozenset[str]
    money_word_endings: tuple[str, ...]
    explanation_columns: tuple[str, ...]
    recurrence_columns: dict[str, frozenset[str]]  # 'incidental' and 'structural' column names
    sentence_starts: frozenset[str]

    def row_kind(self, label: str) -> str | None:
        """The kind a row or section label names (lasten, baten, saldo, reserves, resultaat), if any."""
        words = f" {fold(label)} "
        for phrase, kind in self.row_phrases:
            if phrase in words:
                return kind
        for kind, names in self.row_kinds:
            if any(name in words for name in names):
                return kind
        return None

    def is_total(self, label: str) -> bool:
        """True for 'Totaal lasten' and the like."""
        return any(fold(label).startswith(word) for word in self.totals)

    def is_difference(self, column: str) -> bool:
        """True for the column that holds realisatie minus begroting."""
        folded = fold(column)
        return any(folded == name or folded.startswith(name + " ") for name in self.difference_columns)

    def names_deviations(self, text: str) -> bool:
        """True when a title such as 'Belangrijkste afwijkingen' announces a deviation table."""
        words = set(fold(text).replace("-", " ").split())
        return any(title in words for title in self.deviation_titles)


@cache
def money_vocabulary() -> MoneyVocabulary:
    """Load budget.toml once."""
    data = load_vocabulary("budget")
    return MoneyVocabulary(
        heads={fold(k.replace("_", " ")): v for k, v in data["column_heads"].items()},
        nouns=tuple(fold(n) for n in data["nouns"]),
        difference_columns=tuple(fold(n) for n in data["difference_columns"]),
        row_kinds=tuple((kind, tuple(f" {fold(n)} " for n in names)) for kind, names in data["row_kinds"].items()),
        row_phrases=tuple((f" {fold(phrase)} ", kind) for phrase, kind in data["row_phrases"].items()),
        totals=tuple(fold(t) for t in data["totals"]),
        deviation_titles=tuple(fold(t) for t in data["deviation_titles"]),
        directions={fold(word): direction for direction, words in data["directions"].items() for word in words},
        income_words=tuple(fold(w) for w in data["income_words"]),
        money_context=tuple(fold(w) for w in data["money_context"]),
        mutation_columns=frozenset(fold(w) for w in data["mutation_columns"]),
        money_word_endings=tuple(fold(w) for w in data.get("money_word_endings", [])),
        explanation_columns=tuple(fold(w) for w in data["explanation_columns"]),
        recurrence_columns={k: frozenset(fold(w) for w in words) for k, words in data["recurrence_columns"].items()},
        sentence_starts=frozenset(fold(w) for w in data["sentence_starts"]["words"]),
    )
