"""An annotator's draft (codes and copied quotes) made into a span-level gold file (offsets into the raw text).

A draft is what a person writes while reading: the event's evidence quote, and inside it the trigger,
the actor and recipient mentions, the date and place expressions, each as copied text. Offsets are
computed here, never typed by hand; every quote that cannot be found is an error naming it.
"""

from __future__ import annotations

from typing import Any

from rasd.doc import Doc
from rasd.gold.spans import find_all, flat, locate, mentions

_EVENT_KEYS = ("event", "mode", "actor", "recipient", "date", "place", "place_country", "context", "evidence")


def _span(raw: str, text: str, near: tuple[int, int] | None, what: str, errors: list[str],
          nth: int = 1) -> dict[str, Any] | None:
    hit = locate(raw, text, near, nth)
    if hit is None:
        errors.append(f"{what}: quote not found: {text!r}")
        return None
    return {"start": hit[0], "end": hit[1], "text": raw[hit[0] : hit[1]]}


def _quote(item: Any) -> tuple[str, int]:
    """A quote given as text or as {"text", "nth"}."""
    if isinstance(item, dict):
        return str(item.get("text", "")), int(item.get("nth", 1))
    return str(item), 1


def build_event(raw: str, draft: dict[str, Any], where: str, errors: list[str]) -> dict[str, Any]:
    """One gold event with its spans."""
    ev = {k: draft.get(k) for k in _EVENT_KEYS}
    ev["actor"] = list(ev["actor"] or [])
    ev["recipient"] = list(ev["recipient"] or [])
    ev["context"] = list(ev["context"] or [])
    ev["mode"] = ev["mode"] or None
    evidence = str(draft.get("evidence") or "")
    hits = find_all(raw, evidence) if evidence else []
    nth = int(draft.get("evidence_nth", 1))
    if len(hits) < nth:
        errors.append(f"{where}: evidence not found: {evidence[:60]!r}")
        return ev
    near = hits[nth - 1]
    ev["evidence"] = raw[near[0] : near[1]]
    ev["evidence_span"] = {"start": near[0], "end": near[1]}
    if draft.get("trigger"):
        text, n = _quote(draft["trigger"])
        hit = [h for h in find_all(raw, text, *near)]
        if len(hit) >= n:
            ev["trigger"] = {"start": hit[n - 1][0], "end": hit[n - 1][1], "text": raw[hit[n - 1][0] : hit[n - 1][1]]}
        else:
            errors.append(f"{where}: trigger not inside the evidence: {text!r}")
    elif "trigger" in draft or draft.get("_need_trigger", True):
        errors.append(f"{where}: no trigger")
    args = []
    for a in draft.get("args") or []:
        text, n = _quote(a)
        span = _span(raw, text, near, f"{where} {a.get('role')}", errors, n)
        if span is not None:
            args.append({"role": a.get("role"), **span, "code": a.get("code")})
    ev["args"] = args
    for key in ("date", "place"):
        q = draft.get(f"{key}_text")
        if q:
            text, n = _quote(q)
            span = _span(raw, text, near, f"{where} {key}_text", errors, n)
            if span is not None:
                ev[f"{key}_span"] = span
    fat = draft.get("fatalities")
    if fat:
        spans = [s for q in fat.get("texts") or [] if (s := _span(raw, _quote(q)[0], near, f"{where} fatalities", errors, _quote(q)[1]))]
        ev["fatalities"] = {k: fat[k] for k in ("killed", "injured") if fat.get(k) is not None} | {"spans": spans}
    return ev


def build_gold(doc: Doc, draft: dict[str, Any], extra: dict[str, Any] | None = None) -> tuple[dict[str, Any], list[str]]:
    """The span-level gold file for one document, and every problem found while building it."""
    raw = doc.raw
    errors: list[str] = []
    repairs = dict(draft.get("repairs") or {})
    title = doc.meta.title
    if title:
        for bad, good in repairs.items():
            title = title.replace(bad, good)
    gold: dict[str, Any] = {"doc": doc.id, **(extra or {}), "doc_date": draft.get("doc_date"), "title": title,
                            "repairs": repairs, "boilerplate": list(draft.get("boilerplate") or [])}
    for bad in repairs:
        if not find_all(raw, bad):
            errors.append(f"repair not found: {bad!r}")
    for line in gold["boilerplate"]:
        if not find_all(raw, line):
            errors.append(f"boilerplate line not found: {line[:60]!r}")
    ents = draft.get("entities") or []
    found: dict[int, list[tuple[int, int]]] = {}
    for k, e in enumerate(ents):
        forms = [e.get("text", "")] + list(e.get("forms") or [])
        found[k] = mentions(raw, forms)
        if not find_all(raw, e.get("text", "")) and not mentions(raw, [e.get("text", "")]):
            errors.append(f"entity text not found: {e.get('text')!r}")
    found = flat(found)
    entities = []
    for k, e in enumerate(ents):
        ent = {key: e[key] for key in ("text", "type", "name", "code") if e.get(key)}
        ent["mentions"] = [{"start": s, "end": t, "text": raw[s:t]} for s, t in found[k]]
        if not ent["mentions"]:
            errors.append(f"entity has no mention left (inside another entity's name?): {e.get('text')!r}")
        entities.append(ent)
    gold["entities"] = entities
    gold["events"] = [build_event(raw, ev, f"event {i + 1} {ev.get('event')}", errors)
                      for i, ev in enumerate(draft.get("events") or [])]
    gold["optional_events"] = [build_event(raw, ev | {"_need_trigger": False}, f"optional {i + 1} {ev.get('event')}", errors)
                               for i, ev in enumerate(draft.get("optional_events") or [])]
    if draft.get("notes"):
        gold["notes"] = draft["notes"]
    return gold, errors
