"""Build documents whose actor and place layers are given by hand, to test the events stage alone."""

from __future__ import annotations

import re

from rasd.doc import Actor, Doc, DocMeta, Place, content_id
from rasd.clean import clean
from rasd.segment import segment
from rasd.triggers import run as triggers_run

ActorSpec = tuple[str, str]  # surface text, "COUNTRY SECTOR"
PlaceSpec = tuple[str, str, str]  # surface text, name, country


def _spans(raw: str, text: str) -> list[tuple[int, int]]:
    """Every occurrence of ``text`` in ``raw``, bare or after a clitic ("وروسيا"), not inside a longer word."""
    pat = re.compile(r"(?<![\w])(?:[وفبلك]{1,2})?(" + re.escape(text) + r")(?![\w])")
    return [(m.start(1), m.end(1)) for m in pat.finditer(raw)]


def hand_doc(raw: str, actors: list[ActorSpec], places: list[PlaceSpec] = (), date: str | None = None,
             times: bool = True, nationalities: list[tuple[str, str]] = ()) -> Doc:
    """Clean, segment and (when available) time ``raw``; actors, places and nationality adjectives from the given tables."""
    doc = Doc(raw=raw, id=content_id(raw), meta=DocMeta(source="<test>", kind="txt", date=date))
    doc = segment(clean(doc))
    if times:
        from rasd.time import run as time_run

        doc = time_run(doc)
    if doc.doc_date is None:
        doc.doc_date = date
    found: list[Actor] = []
    for text, code in sorted(actors, key=lambda a: -len(a[0])):
        country, sector = code.split()
        for s, e in _spans(raw, text):
            if not any(a.start <= s < a.end or s <= a.start < e for a in found):
                found.append(Actor(s, e, country, sector, entity_name=text))
    doc.actors = tuple(sorted(found, key=lambda a: a.start))
    found_places = [Place(s, e, name, cc, resolution="city") for text, name, cc in places for s, e in _spans(raw, text)]
    found_places += [Place(s, e, cc, cc, resolution="country", is_nationality=True)
                     for text, cc in nationalities for s, e in _spans(raw, text)]
    doc.places = tuple(sorted(found_places, key=lambda p: p.start))
    return triggers_run(doc)
