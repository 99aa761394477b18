"""Find lexicon phrases in a token sequence, tolerating clitics on the first word.

Every stage that looks names or cue words up (actors, places, time, events)
uses this one matcher, so "وللرئيس" finds "الرئيس" and "بدمشق" finds "دمشق"
the same way everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from rasd.doc import Token
from rasd.text.normalize import normalize_text

T = TypeVar("T")
_WORD = re.compile(r"\w+")


def words(phrase: str) -> tuple[str, ...]:
    """The normalised words of a phrase, as tokens of the text would give them."""
    return tuple(_WORD.findall(normalize_text(phrase)))


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    """Tokens ``[i, j)`` matched a phrase; ``proclitics`` is what the first token carried before it."""

    i: int
    j: int
    value: T
    proclitics: str
    enclitic: str

    def raw_span(self, tokens: Sequence[Token]) -> tuple[int, int]:
        """Raw offsets of the matched tokens (clitics included)."""
        return tokens[self.i].start, tokens[self.j - 1].end


class PhraseTable(Generic[T]):
    """Normalised phrases mapped to values; longest match wins."""

    def __init__(self, entries: Iterable[tuple[str, T]] = (), *, clitics: bool = True) -> None:
        self._first: dict[str, list[tuple[tuple[str, ...], T]]] = {}
        self.clitics = clitics
        for phrase, value in entries:
            self.add(phrase, value)

    def add(self, phrase: str, value: T) -> None:
        """Add one phrase (any spelling; it is normalised here)."""
        ws = words(phrase)
        if not ws:
            return
        bucket = self._first.setdefault(ws[0], [])
        bucket.append((ws[1:], value))
        bucket.sort(key=lambda rv: len(rv[0]), reverse=True)

    def __len__(self) -> int:
        return sum(len(v) for v in self._first.values())

    def __contains__(self, phrase: str) -> bool:
        ws = words(phrase)
        return bool(ws) and any(rest == ws[1:] for rest, _ in self._first.get(ws[0], ()))

    def get(self, phrase: str) -> T | None:
        """The value of an exact phrase, or None."""
        ws = words(phrase)
        for rest, value in self._first.get(ws[0], ()) if ws else ():
            if rest == ws[1:]:
                return value
        return None

    def match_at(self, tokens: Sequence[Token], i: int, end: int | None = None) -> Match[T] | None:
        """The longest phrase starting at token ``i`` (within the same sentence), or None."""
        end = len(tokens) if end is None else end
        tok = tokens[i]
        readings = tok.readings if (self.clitics and tok.readings) else (("", tok.norm, ""),)
        best: Match[T] | None = None
        for pro, base, enc in readings:
            cands = self._first.get(base)
            if not cands:
                continue
            for rest, value in cands:
                n = len(rest)
                if n and enc:
                    continue  # a pronoun suffix ends a word, so it cannot start a longer name
                j = i + 1 + n
                if j > end or (best is not None and j - i <= best.j - best.i):
                    continue
                if all(tokens[i + 1 + k].norm == w and tokens[i + 1 + k].sent == tok.sent for k, w in enumerate(rest)):
                    best = Match(i, j, value, pro, enc)
                    break
        return best

    def find(self, tokens: Sequence[Token], start: int = 0, end: int | None = None) -> list[Match[T]]:
        """Non-overlapping longest matches from left to right in ``tokens[start:end]``."""
        end = len(tokens) if end is None else end
        out: list[Match[T]] = []
        i = start
        while i < end:
            m = self.match_at(tokens, i, end)
            if m is None:
                i += 1
            else:
                out.append(m)
                i = m.j
        return out
