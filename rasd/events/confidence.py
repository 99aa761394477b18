"""How sure a coded event is, from what the Event itself shows: how near its actor stands and how its clause is told."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rasd.doc import Doc, Event
from rasd.events.lexicon import EVENT_TYPES, lexicon
from rasd.text.normalize import normalize_text

_DATA = Path(__file__).with_name("data")


@dataclass(frozen=True, slots=True)
class Weights:
    """The confidence factors of data/senses.json."""

    threshold: float
    far: tuple[tuple[int, float], ...]  # (more than N characters away, factor), farthest first
    how: dict[str, float]
    context: dict[str, float]
    near_types: frozenset[str]  # types whose actor must stand near the trigger
    outside: float  # the actor is named only outside the trigger's sentence
    first_person: float  # the same, for a first-person verb ("نطالب"): its speaker stands before the quotation
    outside_exempt: frozenset[str]  # types whose parties may be named in a neighbouring sentence
    visited_reach: int  # characters after a visit's trigger its visited place may stand
    visited_far: float


@lru_cache(maxsize=1)
def weights() -> Weights:
    """Load and validate the confidence factors (once per process)."""
    spec = json.loads((_DATA / "senses.json").read_text(encoding="utf-8"))["confidence"]
    far = tuple(sorted(((int(n), float(f)) for n, f in spec["far"]), reverse=True))
    factors = [f for _, f in far] + list(spec["how"].values()) + list(spec["context"].values())
    if not 0 < spec["threshold"] < 1 or any(not 0 < f <= 1 for f in factors) or set(spec["near_types"]) - set(EVENT_TYPES):
        raise ValueError("senses.json: bad confidence factors")
    return Weights(float(spec["threshold"]), far, dict(spec["how"]), dict(spec["context"]), frozenset(spec["near_types"]),
                   float(spec["outside"]), float(spec["first_person"]),
                   frozenset(spec["outside_exempt"]), int(spec["visited_reach"]), float(spec["visited_far"]))


def _first_person(doc: Doc, ev: Event) -> bool:
    """Whether the trigger is told in the first person ("ونطالب", "نحث", "دعوتنا")."""
    word = normalize_text(doc.raw[ev.trigger_start : ev.trigger_end]).split(" ")[0]
    first = lexicon().first_person
    # "دعوتنا", "إدانتنا": a noun possessed by "we" is the speaker's act too
    return word in first or (word[:1] in ("و", "ف") and word[1:] in first) or word.endswith("تنا")


def confidence(doc: Doc, ev: Event) -> float:
    """A score in (0, 1]: lower when the actor is far from the trigger, found loosely, or the act is not told as done."""
    w = weights()
    score = 1.0
    # a meeting's parties are all actors: the nearest of them counts
    parties = (*ev.actor, *ev.recipient) if ev.event == "CONSULT" else ev.actor
    inside = [a for a in parties if ev.sent_start <= a.start and a.end <= ev.sent_end]
    if ev.event in w.near_types and inside:
        gap = min(max(a.start - ev.trigger_end, ev.trigger_start - a.end, 0) for a in inside)
        score *= next((f for n, f in w.far if gap > n), 1.0)
    elif ev.event in w.near_types and parties and ev.event not in w.outside_exempt:
        score *= w.first_person if _first_person(doc, ev) else w.outside
    if any(a.how == "visited" and not 0 <= a.start - ev.trigger_end <= w.visited_reach for a in ev.recipient):
        score *= w.visited_far  # the place is not the visit's destination phrase ("زار مقر الشركة ... بسان فرانسيسكو")
    if ev.actor and all(a.how in w.how for a in ev.actor):
        score *= min(w.how[a.how] for a in ev.actor)
    for label in ev.context:
        score *= w.context.get(label, 1.0)
    return round(score, 3)


def confident(doc: Doc, ev: Event) -> bool:
    """Whether an event is sure enough to report."""
    return confidence(doc, ev) >= weights().threshold
