"""Repair words broken to evade moderation ("حـ.ـمـ.ـا.س", "حـMـاس", "للقــ ـتال").

A word is judged whole: inserted dots, commas, tatweel runs around them and
single Latin letters are obfuscation; dotted acronyms (د.ب.أ), site names
(العربية.نت), a missing space after punctuation ("تغير،في") and Hijri "هـ."
are not. Repairs are recorded and applied in the normalised view only.
"""

from __future__ import annotations

import gzip
import json
import re
from functools import lru_cache
from pathlib import Path

from rasd.doc import Repair
from rasd.segment.clitics import analyze
from rasd.text.normalize import normalize_text

_DATA = Path(__file__).with_name("data") / "obfuscation.json"
_VOCAB = Path(__file__).with_name("data") / "vocab.txt.gz"  # built by scripts/build_vocab.py
_TATWEEL = "\u0640"


def _is_letter(c: str) -> bool:
    return "\u0621" <= c <= "\u064a" and c != _TATWEEL or "\u0671" <= c <= "\u06d3"


@lru_cache(maxsize=1)
def _spec() -> dict:
    """The obfuscation tables, with the run regex built from the breakers."""
    spec = json.loads(_DATA.read_text(encoding="utf-8"))
    brk = re.escape(spec["breakers"])
    # a run of letters and tatweel cut at least once by a breaker, a Latin letter, or a space between
    # two tatweels ("للقــ ـتال"); words with none of these never reach the judge
    letters = "\u0621-\u064a\u0671-\u06d3\u064b-\u065f"
    cut = rf"(?:[{brk}A-Za-z]+|(?<=\u0640)[ \t]+(?=\u0640))"
    spec["run"] = re.compile(rf"[{letters}]+(?:{cut}[{letters}]+)+")
    spec["tatweel_break"] = re.compile(rf"\u0640[{brk}]|[{brk}]\u0640")
    spec["honest_break"] = re.compile(rf"[{brk}]{{2,}}|[،,]|\d")
    spec["latin_next_to_tatweel"] = re.compile(r"\u0640[A-Za-z]|[A-Za-z]\u0640")
    spec["pieces"] = re.compile(rf"[{brk}\u0640\sA-Za-z]+")
    spec["acronyms"] = set(spec["acronyms"])
    spec["domain_suffixes"] = set(spec["domain_suffixes"])
    spec["standalone"] = set(spec["standalone"])
    spec["latin_letter_names"] = set(spec["latin_letter_names"])
    with gzip.open(_VOCAB, "rt", encoding="utf-8") as fh:
        spec["vocab"] = {line.split("\t", 1)[0] for line in fh}
    return spec


def _pieces(word: str, spec: dict) -> list[str]:
    """The letter pieces of a word between breakers, tatweel, spaces and Latin letters."""
    return [p for p in spec["pieces"].split(word) if p]


def _is_word(piece: str, vocab: set[str]) -> bool:
    """Is this piece a word of its own (in any clitic reading)?"""
    return any(base in vocab for base in dict.fromkeys(b for _, b, _ in analyze(normalize_text(piece))))


def _judge(word: str, spec: dict) -> bool:
    """Is this trimmed run (first and last char are Arabic letters) an obfuscated word?"""
    has_break = any(c in spec["breakers"] for c in word)
    latin = re.findall(r"[A-Za-z]+", word)
    has_space = any(c.isspace() for c in word)
    if not (has_break or latin or has_space):
        return False
    if latin:
        # a single Latin letter standing for an Arabic one, set off by tatweel: "حـMـاس"
        return all(len(x) == 1 for x in latin) and spec["latin_next_to_tatweel"].search(word) is not None
    if has_space:
        return True  # the run only spans a space between two tatweels: "للقــ ـتال"
    if spec["tatweel_break"].search(word):
        return True  # tatweel against a dot or comma never happens inside an honest word
    if word in spec["acronyms"] or spec["honest_break"].search(word):
        return False  # ellipsis between words, a missing space after a comma ("تغير،في"), numbers
    pieces = _pieces(word, spec)
    if len(pieces) < 2 or len(pieces[0]) == 1:
        return False  # "د.إحسان", "م.محمد": an abbreviated title
    if all(p in spec["latin_letter_names"] for p in pieces) or all(len(p) == 1 for p in pieces):
        return False  # دotted Latin acronyms: "بي.بي", "آي.كيو", "سي.إن.إن"
    if pieces[-1] in spec["domain_suffixes"]:
        return False
    if any(p[-1] in spec["final_letters"] for p in pieces[:-1]):
        return False  # a word ended there: "العربية.نت"
    if any(p.startswith("ال") for p in pieces[1:]) or any(p in spec["standalone"] for p in pieces):
        return False
    # a dot between two real words is a missing space ("لي.لقد", "المتابعين.وقال"); a dot that cuts
    # a word leaves a short fragment that is no word of its own ("طو.فان", "فر.ض")
    return any(len(p) <= 2 and not _is_word(p, spec["vocab"]) for p in pieces)


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
        if s > 0 and raw[s - 1].isdigit() and word.split("\u0640")[0] in spec["date_marks"]:
            continue  # Hijri/Gregorian mark after a number: "1383هـ،أقيم"
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
