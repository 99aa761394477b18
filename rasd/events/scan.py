"""Fast phrase scanning: look a table up only at tokens whose readings can start one of its phrases."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence

from rasd.doc import Token
from rasd.text.match import Match, PhraseTable, words


def first_words(phrases: Iterable[str]) -> frozenset[str]:
    """The normalised first words of some phrases (what a token must read as to start one)."""
    return frozenset(ws[0] for ws in map(words, phrases) if ws)


def word_index(firsts: Mapping[str, frozenset[str]]) -> dict[str, tuple[str, ...]]:
    """For each first word, the tables it can open a phrase of."""
    out: dict[str, list[str]] = {}
    for name, ws in firsts.items():
        for w in ws:
            out.setdefault(w, []).append(name)
    return {w: tuple(ns) for w, ns in out.items()}


class _Openings:
    """The token indices where each table may match, computed once per token sequence (one document) and index."""

    toks: Sequence[Token] | None = None
    index: dict[str, tuple[str, ...]] | None = None
    at: dict[str, list[int]] = {}


def _openings(index: dict[str, tuple[str, ...]], toks: Sequence[Token]) -> dict[str, list[int]]:
    if _Openings.toks is not toks or _Openings.index is not index:
        at: dict[str, list[int]] = {}
        for k, tok in enumerate(toks):
            names: set[str] = set(index.get(tok.norm, ()))
            for r in tok.readings:
                names.update(index.get(r[1], ()))
            for n in names:
                at.setdefault(n, []).append(k)
        _Openings.toks, _Openings.index, _Openings.at = toks, index, at
    return _Openings.at


def scan(table: PhraseTable, name: str, index: dict[str, tuple[str, ...]], toks: Sequence[Token],
         start: int = 0, end: int | None = None) -> list[Match]:
    """``table.find`` over ``toks[start:end]`` (non-overlapping longest matches), visiting only possible openings."""
    end = len(toks) if end is None else end
    ks = _openings(index, toks).get(name, [])
    out: list[Match] = []
    nxt = start
    for k in ks[bisect.bisect_left(ks, start) : bisect.bisect_left(ks, end)]:
        if k < nxt:
            continue
        m = table.match_at(toks, k, end)
        if m is not None:
            out.append(m)
            nxt = m.j
    return out
