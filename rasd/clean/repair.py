"""Repair words broken to evade moderation ("حـ.ـمـ.ـا.س", "حـMـاس", "للقــ ـتال").

A word is judged whole: inserted dots, commas, tatweel runs around them and
single Latin letters are obfuscation; dotted acronyms (د.ب.أ), site names
(العربية.نت), a missing space after punctuation ("تغير،في") and Hijri "هـ."
are not. Repairs are recorded and applied in the normalised view only.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from rasd.doc import Repair

_DATA = Path(__file__).with_name("data") / "obfuscation.json"
_TATWEEL = "\u0640"


def _is_letter(c: str) -> bool:
    return "\u0621" <= c <= "\u064a" and c != _TATWEEL or "\u0671" <= c <= "\u06d3"


@lru_cache(maxsize=1)
def _spec() -> dict:
    """The obfuscation tables, with the run regex built from the breakers."""
    spec = json.loads(_DATA.read_text(encoding="utf-8"))
    brk = re.escape(spec["breakers"])
    # a run of letters, tatweel, breakers, Latin letters; a space counts only between tatweels ("للقــ ـتال")
    spec["run"] = re.compile(
        rf"(?:[\u0621-\u064a\u0671-\u06d3\u064b-\u065f{brk}A-Za-z]|(?<=\u0640)[ \t]+(?=\u0640))+"
    )
    spec["acronyms"] = set(spec["acronyms"])
    spec["domain_suffixes"] = set(spec["domain_suffixes"])
    spec["standalone"] = set(spec["standalone"])
    return spec


def _pieces(word: str, breakers: str) -> list[str]:
    """The letter pieces of a word between breakers, tatweel, spaces and Latin letters."""
    return [p for p in re.split(rf"[{re.escape(breakers)}\u0640\sA-Za-z]+", word) if p]


def _judge(word: str, spec: dict) -> bool:
    """Is this trimmed run (first and last char are Arabic letters) an obfuscated word?"""
    breakers: str = spec["breakers"]
    has_break = any(c in breakers for c in word)
    latin = re.findall(r"[A-Za-z]+", word)
    has_space = any(c.isspace() for c in word)
    if not (has_break or latin or has_space):
        return False
    if any(len(x) > 1 for x in latin):
        return False  # a Latin word glued to Arabic, not a disguised letter
    if latin or has_space:
        return True
    if re.search(rf"\u0640[{re.escape(breakers)}]|[{re.escape(breakers)}]\u0640", word):
        return True  # tatweel against a dot or comma never happens inside an honest word
    if re.search(rf"[{re.escape(breakers)}]{{2,}}", word):
        return True
    if word in spec["acronyms"] or any(c in "،," for c in word):
        return False  # a comma with no tatweel is a missing space: "تغير،في"
    if re.search(r"\d", word):
        return False
    pieces = _pieces(word, breakers)
    if len(pieces) < 2:
        return False
    if all(len(p) == 1 for p in pieces) or (len(pieces) >= 3 and all(len(p) <= 2 for p in pieces)):
        return False  # د.ب.أ، سي.إن.إن
    if pieces[-1] in spec["domain_suffixes"]:
        return False
    if any(p[-1] in spec["final_letters"] for p in pieces[:-1]):
        return False  # a word ended there: "العربية.نت"
    if any(p.startswith("ال") for p in pieces[1:]) or any(p in spec["standalone"] for p in pieces):
        return False
    return any(len(p) <= 2 for p in pieces)


def find_repairs(raw: str) -> tuple[tuple[Repair, ...], list[tuple[int, int, str]]]:
    """Repairs of ``raw`` and the per-character edits that apply them to the normalised view."""
    spec = _spec()
    breakers: str = spec["breakers"]
    latin_map: dict[str, str] = spec["latin"]
    repairs: list[Repair] = []
    edits: list[tuple[int, int, str]] = []
    for m in spec["run"].finditer(raw):
        s, e = m.start(), m.end()
        while s < e and not _is_letter(raw[s]):
            s += 1
        while e > s and not _is_letter(raw[e - 1]):
            e -= 1
        while e < m.end() and "\u064b" <= raw[e] <= "\u065f":
            e += 1  # keep the word's final vowel marks ("حاسـ.ـماً")
        if e - s < 3:
            continue
        word = raw[s:e]
        if not _judge(word, spec):
            continue
        fixed: list[str] = []
        for k, c in enumerate(word):
            if c == _TATWEEL or c in breakers or c.isspace():
                edits.append((s + k, s + k + 1, ""))
            elif c.isascii() and c.isalpha():
                sub = latin_map.get(c.lower(), "")
                edits.append((s + k, s + k + 1, sub))
                fixed.append(sub)
            else:
                fixed.append(c)
        repairs.append(Repair(s, e, "".join(fixed)))
    return tuple(repairs), edits
