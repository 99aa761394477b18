"""The normalised matching view of a text, with an offset map back to the raw text.

Normalising deletes tatweel, diacritics and zero-width/bidi marks and folds
alef/hamza/ya/teh-marbuta forms, Arabic-Indic digits and punctuation variants
one character to one character (rasd/text/data/charmap.json). Repairs of
obfuscated words are applied as further deletions or substitutions. Every
character of the view remembers the raw index it came from, so any span of
the view maps back to exactly the raw characters it was read from.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

_DATA = Path(__file__).with_name("data") / "charmap.json"
_BMP = 0x10000


@lru_cache(maxsize=1)
def _tables() -> tuple[np.ndarray, np.ndarray, dict[int, int | None]]:
    """Load the character map once: a keep mask, a code map and a str.translate table."""
    spec = json.loads(_DATA.read_text(encoding="utf-8"))
    keep = np.ones(_BMP, dtype=bool)
    code = np.arange(_BMP, dtype=np.uint32)
    table: dict[int, int | None] = {}
    for group in spec["delete"].values():
        for h in group:
            keep[int(h, 16)] = False
            table[int(h, 16)] = None
    for group in spec["replace"].values():
        for src, dst in group.items():
            code[int(src, 16)] = int(dst, 16)
            table[int(src, 16)] = int(dst, 16)
    for c in range(ord("A"), ord("Z") + 1):
        code[c] = c + 32
        table[c] = c + 32
    return keep, code, table


def normalize_text(text: str) -> str:
    """Normalise a string for matching (no offset map): use it for lexicon entries."""
    return text.translate(_tables()[2])


@dataclass(frozen=True, slots=True)
class NormView:
    """A normalised text and the raw index of each of its characters."""

    text: str
    to_raw: np.ndarray  # len(text): raw index of each normalised char
    from_raw: np.ndarray  # len(raw) + 1: normalised index of the first char at or after each raw index

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw offsets of the normalised span ``[start, end)``."""
        if end <= start:
            pos = int(self.to_raw[start]) if start < len(self.to_raw) else len(self.from_raw) - 1
            return pos, pos
        return int(self.to_raw[start]), int(self.to_raw[end - 1]) + 1

    def norm_span(self, start: int, end: int) -> tuple[int, int]:
        """Normalised offsets of the raw span ``[start, end)``."""
        return int(self.from_raw[start]), int(self.from_raw[end])


def build_view(raw: str, edits: Iterable[tuple[int, int, str]] = ()) -> NormView:
    """Normalise ``raw``, applying ``edits`` (start, end, replacement) first.

    A replacement may be shorter than what it replaces but not longer: its
    characters stand at ``start, start+1, ...`` and the rest of the span is
    deleted. A repair such as "حـMـاس" -> "حماس" is given as per-character
    edits by the clean stage.
    """
    keep_t, code_t, _ = _tables()
    cps = np.frombuffer(raw.encode("utf-32-le"), dtype="<u4").astype(np.uint32)
    bmp = cps < _BMP
    idx = np.where(bmp, cps, 0)
    keep = np.where(bmp, keep_t[idx], True)
    mapped = np.where(bmp, code_t[idx], cps).astype(np.uint32)
    for start, end, repl in edits:
        if len(repl) > end - start:
            raise ValueError(f"replacement {repl!r} longer than span {start}:{end}")
        keep[start:end] = False
        for k, ch in enumerate(repl):
            keep[start + k] = True
            mapped[start + k] = code_t[ord(ch)] if ord(ch) < _BMP else ord(ch)
    to_raw = np.flatnonzero(keep)
    text = mapped[keep].astype("<u4").tobytes().decode("utf-32-le")
    from_raw = np.empty(len(raw) + 1, dtype=np.int64)
    from_raw[0] = 0
    np.cumsum(keep, out=from_raw[1:])
    # from_raw[i] counts kept chars before i: the index of the first kept char at or after i
    return NormView(text=text, to_raw=to_raw, from_raw=from_raw)
