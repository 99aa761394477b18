"""The document record of EVENTS.md, and the entity list it carries."""

from __future__ import annotations

from typing import Any

from rasd.doc import Doc


def entity_records(doc: Doc) -> list[dict[str, Any]]:
    """Every entity mention: coded actors first, then places, then other named entities.

    An actor span wins over a place or NER span it overlaps (it carries the
    code); a place wins over an uncoded NER span (it carries the geocode).
    """
    out: list[dict[str, Any]] = []
    taken = bytearray(len(doc.raw) + 1)  # 1 where a kept span lies: overlap tests in linear time

    def free(start: int, end: int) -> bool:
        return 1 not in taken[start:end]

    def take(start: int, end: int) -> None:
        taken[start:end] = b"\x01" * (end - start)

    for a in doc.actors:
        out.append({
            "raw_text": doc.raw[a.start : a.end], "type": a.entity_type or "ORG", "start": a.start, "end": a.end,
            "actor_id": a.actor_id, "entity_name": a.entity_name, "country": a.country, "sector_code": a.sector_code,
        })
        take(a.start, a.end)
    for p in doc.places:
        if p.is_nationality or not free(p.start, p.end):
            continue
        out.append({
            "raw_text": doc.raw[p.start : p.end], "type": "GPE" if p.resolution == "country" else "LOC",
            "start": p.start, "end": p.end, "entity_name": p.name, "country": p.country, "geonameid": p.geonameid,
        })
        take(p.start, p.end)
    for e in doc.entities:
        if not free(e.start, e.end):
            continue
        out.append({"raw_text": doc.raw[e.start : e.end], "type": e.type, "start": e.start, "end": e.end})
    out.sort(key=lambda r: (r["start"], r["end"]))
    return out


def document_record(doc: Doc) -> dict[str, Any]:
    """The EVENTS.md document record: what was read and what was done to it."""
    return {
        "doc_id": doc.id,
        "doc_source": doc.source,
        "kind": doc.meta.kind,
        "url": doc.meta.url,
        "outlet": doc.meta.outlet,
        "title": doc.title,
        "doc_date": doc.doc_date,
        "doc_date_source": doc.doc_date_source,
        "language": "ar",
        "repairs": [{"raw": doc.raw[r.start : r.end], "fixed": r.fixed, "start": r.start, "end": r.end} for r in doc.repairs],
        "boilerplate": [{"start": b.start, "end": b.end, "kind": b.kind} for b in doc.boilerplate],
        "entities": entity_records(doc),
        "n_events": len(doc.events),
        "errors": [{"stage": e.stage, "message": e.message} for e in doc.errors],
        "warnings": [{"stage": e.stage, "message": e.message} for e in doc.warnings],
    }
