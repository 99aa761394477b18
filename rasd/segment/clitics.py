"""Clitic readings of a normalised Arabic word: conjunction, preposition, article, pronoun suffix.

Without a lexicon a split is only a possibility ("بشار" is not ب + شار), so
every plausible reading is offered, the unsegmented one first; stages that
look words up try the readings in order against their own dictionaries.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

_SPEC = json.loads((Path(__file__).with_name("data") / "clitics.json").read_text(encoding="utf-8"))
_CONJ: tuple[str, ...] = tuple(_SPEC["conjunctions"])
_PREP: tuple[str, ...] = tuple(_SPEC["prepositions"])
_FUTURE: str = _SPEC["future"]
_IMPERFECT: str = _SPEC["imperfect_prefixes"]
_ENCL: tuple[str, ...] = tuple(sorted(_SPEC["enclitics"], key=len, reverse=True))
_MIN_BASE = 2

Reading = tuple[str, str, str]


def _is_arabic(word: str) -> bool:
    return any("\u0621" <= c <= "\u064a" for c in word)


@lru_cache(maxsize=100_000)
def analyze(word: str) -> tuple[Reading, ...]:
    """All (proclitics, base, enclitic) readings of a normalised word, unsegmented first."""
    out: dict[Reading, None] = {("", word, ""): None}
    if not _is_arabic(word) or len(word) <= _MIN_BASE:
        return tuple(out)
    for conj in ("",) + _CONJ:
        if conj and not word.startswith(conj):
            continue
        rest1 = word[len(conj) :]
        preps: tuple[str, ...] = ("",) + _PREP
        for prep in preps:
            if prep and not rest1.startswith(prep):
                continue
            rest2 = rest1[len(prep) :]
            pro = conj + prep
            if pro and len(rest2) >= _MIN_BASE:
                out[(pro, rest2, "")] = None
            # the article: "ال", and after ل the contracted "لل" (ل + ال)
            if prep == "ل" and rest2.startswith("ل") and len(rest2) > _MIN_BASE:
                out[(pro, "ال" + rest2[1:], "")] = None
            elif rest2.startswith("ال") and len(rest2) > _MIN_BASE + 1 and pro:
                out[(pro, rest2, "")] = None
        # future marker on imperfect verbs: "سيلتقي", "وستجري"
        if rest1.startswith(_FUTURE) and len(rest1) > 3 and rest1[1] in _IMPERFECT:
            out[(conj + _FUTURE, rest1[1:], "")] = None
    for pro, base, _ in list(out):
        if base.startswith("ال"):
            if len(base) > _MIN_BASE + 2:
                out[(pro + "ال", base[2:], "")] = None
            continue
        for enc in _ENCL:
            if base.endswith(enc) and len(base) - len(enc) >= _MIN_BASE + 1:
                out[(pro, base[: -len(enc)], enc)] = None
    return tuple(out)
