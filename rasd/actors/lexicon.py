"""The phrase table the coder matches: every KB name, country, capital, adjective and role noun."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any

from rasd.actors.kb import DATA, Country, Entry, RoleNoun, adjective_forms
from rasd.text.match import PhraseTable, words
from rasd.text.normalize import normalize_text

# Country names that are also common words ("مالي" financial, "بنين" sons): matched only inside role phrases.
AMBIGUOUS_NAMES = frozenset(normalize_text(w) for w in ("مالي", "بنين", "عمان"))
# Capitals that are also common words ("سيول" floods): never an actor on their own.
AMBIGUOUS_CAPITALS = frozenset(normalize_text(w) for w in ("سيول",))


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
    people: dict[tuple[str, int], tuple[tuple[str, Entry], ...]]  # (first word, word count) -> full names, for fuzzy look-up
    cues: dict[str, frozenset[str]]  # entry id -> normalised cue words
    by_id: dict[str, tuple[Entry, ...]]  # entry id -> its entries (built-in and imported)
    firsts: frozenset[str]  # first words of every phrase: a token whose readings hold none starts no match


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
            if " ".join(words(n)) not in AMBIGUOUS_CAPITALS:
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
    index: dict[tuple[str, int], list[tuple[str, Entry]]] = {}
    for full, e in people:
        ws = full.split()
        index.setdefault((ws[0], len(ws)), []).append((full, e))
    return Lexicon(table, frozenset(first), {k: tuple(v) for k, v in index.items()}, cues, by_id,
                   frozenset(ws[0] for ws in by_phrase))


@dataclass(frozen=True, slots=True)
class Cues:
    """The coder's word lists (data/cues.json), normalised; each list's "why" in the file says what it does."""

    place_before: frozenset[str]
    voice_before_fi: frozenset[str]
    dest: frozenset[str]
    filler: frozenset[str]
    former: frozenset[str]
    member: frozenset[str]
    state: frozenset[str]
    number_words: frozenset[str]
    facility: frozenset[str]
    coref_skip: frozenset[str]
    member_of_group: frozenset[str]
    speech_before: frozenset[str]
    target_year: frozenset[str]
    coalition: frozenset[str]
    armed_wing: frozenset[str]
    attributive_roles: frozenset[str]
    sports: frozenset[str]
    regime: frozenset[str]
    regime_homes: frozenset[str]
    list_filler: frozenset[str]
    verbal_before_ala: frozenset[str]
    place_nouns: frozenset[str]
    air_power: frozenset[str]
    stance_nouns: frozenset[str]


@lru_cache(maxsize=1)
def cues() -> Cues:
    """data/cues.json, validated: every field present, a non-empty list of words."""
    spec = json.loads((DATA / "cues.json").read_text(encoding="utf-8"))
    out: dict[str, frozenset[str]] = {}
    for f in fields(Cues):
        ws = spec.get(f.name, {}).get("words")
        if not ws or not all(isinstance(w, str) and w.strip() for w in ws):
            raise ValueError(f"cues.json: {f.name} needs a non-empty list of words")
        out[f.name] = frozenset(normalize_text(w) for w in ws)
    return Cues(**out)
