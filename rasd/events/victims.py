"""People an action falls on, named by a common noun or a nationality: "14 إيرانيا", "المدنيين", "جنود أتراك".

The actors layer codes named parties; an arrest or a strike is often told of
civilians, soldiers or nationals that no name stands for. They are coded here
as parties with ``how="victim"``; their country comes from a nationality
adjective beside them, else is left empty for the event to fill (the place of
the event, or the arresting state).
"""

from __future__ import annotations

import bisect
import csv
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from rasd.doc import Actor, Doc, Place
from rasd.events.scan import first_words
from rasd.text.match import PhraseTable

_DATA = Path(__file__).with_name("data")
_SECTORS = frozenset({"CVL", "MIL", "COP", "JRN", "UAF", "REB"})
_DOERS = frozenset({"UAF", "REB"})  # unnamed gunmen and rebels act; they are parties, not victims
UNNAMED = "unnamed"
VICTIM = "victim"


@lru_cache(maxsize=1)
def nouns() -> PhraseTable[tuple[str, bool]]:
    """The victim nouns of data/victims.tsv, validated."""
    with open(_DATA / "victims.tsv", encoding="utf-8") as fh:
        rows = list(csv.DictReader((ln for ln in fh if ln.strip() and not ln.startswith("#")), delimiter="\t"))
    table: PhraseTable[tuple[str, bool]] = PhraseTable()
    for row in rows:
        if row["sector"] not in _SECTORS or row["after"] not in ("number", "-"):
            raise ValueError(f"victims.tsv: bad sector or after column for {row['noun']!r}")
        table.add(row["noun"], (row["sector"], row["after"] == "number"))
    return table


@lru_cache(maxsize=1)
def _noun_firsts() -> frozenset[str]:
    """The words a victim noun can start with (the matcher is called only there)."""
    with open(_DATA / "victims.tsv", encoding="utf-8") as fh:
        rows = list(csv.DictReader((ln for ln in fh if ln.strip() and not ln.startswith("#")), delimiter="\t"))
    return first_words(r["noun"] for r in rows)


@lru_cache(maxsize=1)
def _nationalities() -> PhraseTable[str] | None:
    """The places stage's nationality adjectives (None when that stage is absent)."""
    try:
        from rasd.places.gazetteer import load
    except ImportError:
        return None
    return load().nationalities


def _is_number(word: str) -> bool:
    return word.isdigit() or word in _NUMBER_WORDS


_COUNTERPART = frozenset({"نظيره", "نظيرته", "نظيرها", "نظيريه", "نظراءه", "نظرائه"})
_NUMBER_WORDS = frozenset({"عشرات", "مئات", "الاف", "الف", "عده", "عشره", "عشر", "عشرين", "ثلاثين", "اربعين", "خمسين"})


def victims(doc: Doc) -> list[Actor]:
    """Victim parties (and counterparts named by nationality) not already coded by the actors layer, in text order."""
    toks = doc.tokens
    taken = sorted((a.start, a.end) for a in doc.actors)
    starts = [s for s, _ in taken]

    def covered(s: int, e: int) -> bool:
        k = bisect.bisect_right(starts, e - 1) - 1
        return k >= 0 and taken[k][1] > s

    tok_starts = [t.start for t in toks]
    nat_places = {bisect.bisect_right(tok_starts, p.start) - 1: p for p in doc.places if p.is_nationality}
    nat_table = _nationalities()
    table = nouns()
    firsts = _noun_firsts()
    out: list[Actor] = []
    i, n = 0, len(toks)
    while i < n:
        tok = toks[i]
        m = table.match_at(toks, i) if tok.norm in firsts or any(r[1] in firsts for r in tok.readings) else None
        prev_num = i > 0 and toks[i - 1].sent == tok.sent and _is_number(toks[i - 1].norm)
        if m is not None and not m.enclitic and (not m.value[1] or prev_num):
            s, e = tok.start, toks[m.j - 1].end
            nat = _nat_after(doc, nat_places, m.j)
            if not covered(s, e):
                country = ""
                if nat is not None:
                    country, e = nat.country or "", nat.end
                out.append(Actor(s, e, country, m.value[0], how=UNNAMED if m.value[0] in _DOERS else VICTIM))
            elif m.value[0] not in _DOERS:  # the actors layer coded the common noun itself ("مواطنين"): still a victim
                end = nat.end if nat is not None else e
                out.extend(replace(a, how=VICTIM) for a in doc.actors if s <= a.start and a.end <= end and a.start < e)
            i = m.j
            continue
        # "ونظيره الروسي": a counterpart named by nationality is that state's office holder
        pro = next((p for p, b, _ in tok.readings if b in _COUNTERPART), None)
        if pro is not None:
            nat = _nat_after(doc, nat_places, i + 1)
            if nat is not None and nat.country and not covered(tok.start, nat.end):
                # the span starts after a conjunction, so "ونظيره" is read as the second of a list
                out.append(Actor(tok.start + len(pro), nat.end, nat.country, "GOV", how="counterpart"))
                i += 2
                continue
        # a nationality standing for people: "مقتل إسرائيليين", "اعتقال 14 إيرانيا"
        p = nat_places.get(i)
        country = None
        if p is not None and tok.norm.endswith(("يين", "يون")):
            country = p.country
        elif nat_table is not None and prev_num and tok.norm.endswith("يا"):
            country = nat_table.get(tok.norm[:-1])
        if country and not covered(tok.start, tok.end):
            out.append(Actor(tok.start, tok.end, country, "CVL", how=VICTIM))
        i += 1
    return out


def _nat_after(doc: Doc, nat_places: dict[int, Place], j: int) -> Place | None:
    """A nationality adjective right after a victim noun ("الشبان الفلسطينيين")."""
    toks = doc.tokens
    if j < len(toks) and toks[j].sent == toks[j - 1].sent:
        return nat_places.get(j)
    return None


def is_victim(actor: Actor) -> bool:
    """Whether a party was coded here rather than by the actors layer."""
    return actor.how == VICTIM
