"""Places: find place mentions, resolve each to one gazetteer entry, write ``doc.places``.

Mentions come from the gazetteer's Arabic names matched over ``doc.tokens``
(clitics tolerated: بدمشق، ودمشق، لدمشق), with the entity layer's LOC/GPE
spans as extra evidence. Ambiguous names are resolved by the article's
context (countries and places already named, the outlet's country), then by
population. Country names and nationality adjectives are kept too (so other
stages can use them) but are not event locations by themselves: see
``event_location_candidates``.
"""

from __future__ import annotations

from bisect import bisect_right

from rasd.doc import Doc, Place, Token
from rasd.places.gazetteer import Entry, Gazetteer, fold_outlet, load
from rasd.places.resolve import Mention, find_mentions, resolve
from rasd.text.normalize import normalize_text

__all__ = ["run", "event_location_candidates", "is_locative", "load"]


def _trimmed_start(doc: Doc, tok: Token, pro: str) -> int:
    """Raw start of a token after its proclitics ("بدمشق" -> the offset of "د"), when they map cleanly."""
    if not pro or doc.norm is None or not tok.norm.startswith(pro):
        return tok.start
    ns = doc.norm.norm_span(tok.start, tok.end)[0] + len(pro)
    return int(doc.norm.to_raw[ns]) if ns < len(doc.norm.to_raw) else tok.start


def _place(doc: Doc, m: Mention, e: Entry, nationality: bool = False) -> Place:
    """The Place span of a resolved mention."""
    start = _trimmed_start(doc, doc.tokens[m.i], m.pro)
    return Place(
        start=start, end=doc.tokens[m.j - 1].end, name=e.name, country=e.country, geonameid=e.geonameid,
        admin1=e.admin1, lat=e.lat, lon=e.lon, feature_class=e.feature_class, resolution=e.resolution,
        is_nationality=nationality,
    )


def outlet_country(doc: Doc, g: Gazetteer | None = None) -> str | None:
    """The home country of the document's outlet, when the outlet is known."""
    g = g or load()
    return g.outlets.get(fold_outlet(doc.meta.outlet)) if doc.meta.outlet else None


def run(doc: Doc) -> Doc:
    """Add the place layer: every resolved place, country and nationality mention, sorted by start."""
    g = load()
    mentions = find_mentions(doc, g)
    chosen = resolve(doc, g, mentions, outlet_country(doc, g))
    places = {(p.start, p.end): p for p in (_place(doc, m, g.entries[k], m.kind == "nat") for m, k in chosen)}
    doc.places = tuple(sorted(places.values(), key=lambda p: (p.start, p.end)))
    return doc


def is_locative(doc: Doc, place: Place) -> bool:
    """True when a locative word or proclitic introduces the place ("في سوريا", "بدمشق", "العاصمة دمشق")."""
    g = load()
    starts = [t.start for t in doc.tokens]
    k = bisect_right(starts, place.start) - 1
    if k < 0:
        return False
    tok = doc.tokens[k]
    if place.start > tok.start:
        if normalize_text(doc.raw[tok.start : place.start]) in g.cues["locative_proclitic"]:
            return True
    prev = doc.tokens[k - 1] if k > 0 and doc.tokens[k - 1].sent == tok.sent else None
    return prev is not None and (prev.norm in g.cues["locative"] or prev.norm in g.cues["capital"])


def event_location_candidates(doc: Doc, sent_index: int) -> tuple[Place, ...]:
    """Places of a sentence that can be where its event happened.

    Nationality adjectives never are. A country name is one only when a
    locative introduces it ("في سوريا"), not as a subject or object ("سوريا
    ترفض"); cities, regions and sites always are.
    """
    if not 0 <= sent_index < len(doc.sentences):
        return ()
    sent = doc.sentences[sent_index]
    out = []
    for p in doc.places:
        if p.start < sent.start or p.end > sent.end or p.is_nationality:
            continue
        if p.resolution != "country" or is_locative(doc, p):
            out.append(p)
    return tuple(out)
