"""`rasd gold check`: a gold folder's shape, codes and spans, against the documents it annotates."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from rasd.gold.sources import SourceIndex
from rasd.gold.spans import find_all, mentions

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@lru_cache(maxsize=1)
def spec() -> dict[str, Any]:
    """PLOVER's types, modes, sectors and contexts (rasd/gold/data/plover.json)."""
    return json.loads((Path(__file__).parent / "data" / "plover.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    """ISO alpha-3 codes, plus PLOVER's non-state codes."""
    from rasd.actors.kb import iso_codes

    return frozenset(iso_codes().values()) | frozenset(spec()["special_countries"])


def code_problem(code: Any) -> str | None:
    """Why a "COUNTRY SECTOR" code is not one, or None."""
    if not isinstance(code, str) or len(code.split()) != 2:
        return f"code {code!r} is not 'COUNTRY SECTOR'"
    country, sector = code.split()
    if country not in countries():
        return f"code {code!r}: unknown country {country}"
    if sector not in spec()["sectors"]:
        return f"code {code!r}: unknown sector {sector}"
    return None


def _span_problem(raw: str, span: Any, what: str) -> str | None:
    if not isinstance(span, dict) or not isinstance(span.get("start"), int) or not isinstance(span.get("end"), int):
        return f"{what}: span without integer start/end"
    s, e = span["start"], span["end"]
    if not 0 <= s < e <= len(raw):
        return f"{what}: span {s}-{e} outside the text"
    if "text" in span and raw[s:e] != span["text"]:
        return f"{what}: raw[{s}:{e}] is {raw[s:e]!r}, not {span['text']!r}"
    return None


def _event_problems(raw: str, ev: Any, where: str, spans_required: bool) -> list[str]:
    out: list[str] = []
    if not isinstance(ev, dict):
        return [f"{where}: not an object"]
    sp = spec()
    etype = ev.get("event")
    if etype not in sp["types"]:
        return [f"{where}: unknown event type {etype!r}"]
    mode = ev.get("mode")
    if mode is not None and mode not in sp["modes"].get(etype, ()):
        out.append(f"{where}: mode {mode!r} is not a mode of {etype}")
    for role in ("actor", "recipient"):
        if not isinstance(ev.get(role, []), list):
            out.append(f"{where}: {role} is not a list")
            continue
        out += [f"{where}: {p}" for c in ev.get(role) or [] if (p := code_problem(c))]
    if not ev.get("actor") and spans_required:
        out.append(f"{where}: no actor")  # an optional event may have none ("an explosion with no doer")
    date = ev.get("date")
    if date is not None and not (isinstance(date, str) and _DATE.match(date)):
        out.append(f"{where}: date {date!r} is not YYYY-MM-DD or null")
    known = set(sp["aux_context"]) | set(sp["context"])
    out += [f"{where}: unknown context {c!r}" for c in ev.get("context") or [] if c not in known]
    evidence = ev.get("evidence")
    if not isinstance(evidence, str) or not find_all(raw, evidence):
        out.append(f"{where}: evidence not found in the document: {str(evidence)[:60]!r}")
    if spans_required and "trigger" not in ev:
        out.append(f"{where}: no trigger span")
    for key in ("trigger", "date_span", "place_span", "evidence_span"):
        if key in ev and (p := _span_problem(raw, ev[key], f"{where} {key}")):
            out.append(p)
    for a in ev.get("args") or []:
        if a.get("role") not in ("actor", "recipient"):
            out.append(f"{where}: argument role {a.get('role')!r}")
            continue
        if p := _span_problem(raw, a, f"{where} {a['role']}"):
            out.append(p)
        if a.get("code") not in (ev.get(a["role"]) or []):
            out.append(f"{where}: {a['role']} mention {a.get('text')!r} has code {a.get('code')!r}, not among the event's {a['role']} codes")
    fat = ev.get("fatalities")
    if fat is not None:
        for k in ("killed", "injured"):
            if k in fat and not (isinstance(fat[k], int) and fat[k] >= 0):
                out.append(f"{where}: fatalities {k} {fat[k]!r} is not a count")
        out += [p for s in fat.get("spans") or [] if (p := _span_problem(raw, s, f"{where} fatalities"))]
    return out


def check_gold(gold: Any, raw: str, spans_required: bool = True) -> list[str]:
    """Every problem of one gold reading of ``raw``; an empty list when it is sound."""
    if not isinstance(gold, dict):
        return ["not a JSON object"]
    out: list[str] = []
    if gold.get("doc_date") is not None and not _DATE.match(str(gold["doc_date"])):
        out.append(f"doc_date {gold['doc_date']!r} is not YYYY-MM-DD or null")
    for bad in (gold.get("repairs") or {}):
        if not find_all(raw, bad):
            out.append(f"repair {bad!r} not in the text")
    for line in gold.get("boilerplate") or []:
        if not find_all(raw, line):
            out.append(f"boilerplate line not in the text: {line[:60]!r}")
    for i, e in enumerate(gold.get("entities") or []):
        where = f"entity {i + 1} {e.get('text')!r}"
        if e.get("type") not in spec()["entity_types"]:
            out.append(f"{where}: type {e.get('type')!r}")
        if e.get("code") is not None and (p := code_problem(e["code"])):
            out.append(f"{where}: {p}")
        if not find_all(raw, str(e.get("text", ""))) and not mentions(raw, [str(e.get("text", ""))]):
            out.append(f"{where}: text not in the document")
        if spans_required and not e.get("mentions"):
            out.append(f"{where}: no mentions")
        out += [p for m in e.get("mentions") or [] if (p := _span_problem(raw, m, f"{where} mention"))]
    for key in ("events", "optional_events"):
        for i, ev in enumerate(gold.get(key) or []):
            out += _event_problems(raw, ev, f"{key[:-1].replace('_', ' ')} {i + 1}", spans_required and key == "events")
    return out


def check_dir(folder: str | Path, index: SourceIndex | None = None) -> dict[str, list[str]]:
    """Problems per gold file of a folder (recursively); documents looked up by id in the shared sources."""
    index = index or SourceIndex(folder)
    problems: dict[str, list[str]] = {}
    for path in sorted(Path(folder).rglob("*.gold.json")):
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            problems[str(path)] = [f"not readable JSON: {exc}"]
            continue
        doc_id = gold.get("doc") if isinstance(gold, dict) else None
        if doc_id != path.name[: -len(".gold.json")]:
            problems[str(path)] = [f"doc {doc_id!r} does not match the file name"]
            continue
        try:
            raw = index.doc(doc_id).raw
        except (KeyError, ValueError) as exc:
            problems[str(path)] = [f"document {doc_id} not found in the shared sources ({exc})"]
            continue
        found = check_gold(gold, raw)
        if found:
            problems[str(path)] = found
    return problems
