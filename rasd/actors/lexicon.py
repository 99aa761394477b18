"""The phrase table the coder matches: every KB name, country, capital, adjective and role noun."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rasd.actors.kb import Country, Entry, RoleNoun, adjective_forms
from rasd.text.match import PhraseTable, words
from rasd.text.normalize import normalize_text

# Country names that are also common words ("مالي" financial, "بنين" sons): matched only inside role phrases.
AMBIGUOUS_NAMES = frozenset(normalize_text(w) for w in ("مالي", "بنين", "عمان"))


@dataclass(frozen=True, slots=True)
class Value:
    """What a phrase stands for: kind is PER, ORG, GPE, CAP, ADJ or ROLE."""

    kind: str
    ref: Any  # Entry, iso3 str, or RoleNoun


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The compiled look-up structures of one KB."""

    table: PhraseTable[tuple[Value, ...]]
    first_names: frozenset[str]  # first words of multi-word person names, for fuzzy look-up
    people: tuple[tuple[str, Entry], ...]  # normalised full name -> entry, for fuzzy look-up
    cues: dict[str, frozenset[str]]  # entry id -> normalised cue words
    by_id: dict[str, tuple[Entry, ...]]  # entry id -> its entries (built-in and imported)


def build(entries: Iterable[Entry], countries: Iterable[Country], roles: Iterable[RoleNoun]) -> Lexicon:
    """Compile the phrase table; a phrase may stand for several values, resolved in context."""
    by_phrase: dict[tuple[str, ...], list[Value]] = {}

    def add(phrase: str, value: Value) -> None:
        ws = words(phrase)
        if ws and value not in by_phrase.setdefault(ws, []):
            by_phrase[ws].append(value)

    people: list[tuple[str, Entry]] = []
    first: set[str] = set()
    cues: dict[str, frozenset[str]] = {}
    entries = list(entries)
    for e in entries:
        for n in e.names_ar:
            add(n, Value(e.type, e))
            ws = words(n)
            if e.type == "PER" and len(ws) > 1:
                people.append((" ".join(ws), e))
                first.add(ws[0])
        if e.cue:
            cues[e.id] = frozenset(w for c in e.cue for w in words(c))
    for r in roles:
        add(r.phrase, Value("ROLE", r))
    for c in countries:
        for n in c.names_ar:
            if words(n) and not (len(words(n)) == 1 and words(n)[0] in AMBIGUOUS_NAMES):
                add(n, Value("GPE", c.iso3))
        for n in c.capitals_ar:
            add(n, Value("CAP", c.iso3))
        for stem in c.adjectives:
            for form in adjective_forms(normalize_text(stem)):
                add(form, Value("ADJ", c.iso3))
    table: PhraseTable[tuple[Value, ...]] = PhraseTable()
    for ws, values in by_phrase.items():
        table.add(" ".join(ws), tuple(values))
    by_id: dict[str, tuple[Entry, ...]] = {}
    for e in entries:
        by_id[e.id] = by_id.get(e.id, ()) + (e,)
    return Lexicon(table, frozenset(first), tuple(people), cues, by_id)
