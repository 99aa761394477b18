"""What the coder borrows from other stages, read-only: an outlet's and a city's country, person-name words.

``rasd.places.gazetteer`` gives outlets and cities; the entities stage's list
of person-name tokens (Wikidata labels, CC0) tells a foreign name from a
common word. When one cannot be loaded the coder goes on without it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from rasd.doc import Token

# Resolutions that name a place inside one country ("شرطة اسطنبول", "في منطقة عسير").
_INSIDE = frozenset({"city", "admin1", "admin2", "region", "locality"})
_MIN_POPULATION = 20_000  # a small village's name is too often a word or a surname


@lru_cache(maxsize=1)
def _gazetteer() -> Any | None:
    """The places gazetteer, or None when it is not there."""
    try:
        from rasd.places.gazetteer import load

        return load()
    except (ImportError, OSError, ValueError):
        return None


def outlet_country(outlet: str | None) -> str | None:
    """The country of a national outlet (Okaz -> SAU), None for pan-Arab or unknown ones."""
    if not outlet:
        return None
    g = _gazetteer()
    if g is None:
        return None
    from rasd.places.gazetteer import fold_outlet

    return g.outlets.get(fold_outlet(outlet))


def place_country(toks: Sequence[Token], i: int, end: int) -> tuple[int, str] | None:
    """A city or region starting at token ``i``: (end token, its country), or None."""
    g = _gazetteer()
    if g is None:
        return None
    m = g.names.match_at(toks, i, end)
    if m is None or " ".join(t.norm for t in toks[i : m.j]) in g.weak:
        return None
    cands = [g.entries[k] for k in m.value.entries]
    best = max(cands, key=lambda e: e.population)
    if best.resolution not in _INSIDE or best.population < _MIN_POPULATION:
        return None
    return m.j, best.country


def strong_place_end(toks: Sequence[Token], i: int, end: int) -> int | None:
    """The end token of a place name at ``i`` that is no person's name or common word, else None."""
    g = _gazetteer()
    if g is None:
        return None
    m = g.names.match_at(toks, i, end)
    if m is None or m.enclitic or " ".join(t.norm for t in toks[i : m.j]) in g.weak:
        return None
    return m.j


_PERSON_NAMES = Path(__file__).resolve().parents[1] / "entities" / "data" / "person_names.tsv"


@lru_cache(maxsize=1)
def person_name_words() -> frozenset[str] | None:
    """Normalised words that occur in people's names (the entities stage's list), or None when it is absent."""
    try:
        lines = _PERSON_NAMES.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    return frozenset(ln.partition("\t")[0] for ln in lines if ln and not ln.startswith("#"))
