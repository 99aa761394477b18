"""The EVENTS.md record of a coded event: PLOVER's JSON fields, with offsets into the raw text."""

from __future__ import annotations

import hashlib
from typing import Any

from rasd import __version__
from rasd.doc import Actor, Doc, Event
from rasd.events.confidence import confidence


def event_id(doc: Doc, event: Event) -> str:
    """A stable id: the same document, type, trigger offsets and rasd version give the same id."""
    key = f"{doc.id}|{event.event}|{event.trigger_start}|{event.trigger_end}|{__version__}"
    return "rasd-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def actor_record(doc: Doc, a: Actor) -> dict[str, Any]:
    """One entity object of ``actor``/``recipient``."""
    return {
        "raw_text": doc.raw[a.start : a.end],
        "entity_name": a.entity_name,
        "entity_name_ar": a.entity_name_ar,
        "actor_id": a.actor_id,
        "country": a.country,
        "sector_code": a.sector_code,
        "other_sector_codes": list(a.other_sector_codes),
        "start": a.start,
        "end": a.end,
    }


def event_record(doc: Doc, event: Event, *, coder: str, coded_date: str) -> dict[str, Any]:
    """The EVENTS.md JSON object of ``event``."""
    loc = None
    if event.place is not None:
        p = event.place
        loc = {"raw_text": doc.raw[p.start : p.end], "name": p.name, "geonameid": p.geonameid,
               "country": p.country, "lat": p.lat, "lon": p.lon, "start": p.start, "end": p.end}
    attr = None
    if event.attribution is not None:
        at = event.attribution
        attr = {"raw_text": doc.raw[at.start : at.end], "sector_code": at.sector_code, "country": at.country,
                "start": at.start, "end": at.end}
    return {
        "id": event_id(doc, event),
        "doc_id": doc.id,
        "doc_source": doc.source,
        "event": [event.event],
        "mode": list(event.mode),
        "context": list(event.context),
        "date": event.date,
        "date_precision": event.date_precision,
        "actor": [actor_record(doc, a) for a in event.actor],
        "recipient": [actor_record(doc, a) for a in event.recipient],
        "event_loc": loc,
        "event_text": [doc.raw[event.trigger_start : event.trigger_end]],
        "trigger": {"start": event.trigger_start, "end": event.trigger_end},
        "text": doc.raw[event.sent_start : event.sent_end],
        "text_span": {"start": event.sent_start, "end": event.sent_end},
        "attribution": attr,
        "mentions": [{"start": s, "end": e} for s, e in event.mentions],
        "quad_code": event.quad_code,
        "coder": coder,
        "coded_date": coded_date,
        "confidence": confidence(doc, event),
    }
