"""Trigger senses and political sectors: an ambiguous trigger counts only with the arguments its PLOVER sense needs."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import lru_cache
from collections.abc import Sequence
from pathlib import Path

from rasd.doc import Doc, Token
from rasd.events.code import Candidate
from rasd.events.lexicon import EVENT_TYPES, MODES
from rasd.text.match import PhraseTable
from rasd.text.normalize import normalize_text

_DATA = Path(__file__).with_name("data")


@dataclass(frozen=True, slots=True)
class Sense:
    """The argument constraint of one event type's (or some triggers') sense."""

    event: str
    triggers: frozenset[str]  # normalised trigger phrases it applies to; empty = every trigger of the type
    window: int
    require: PhraseTable[str] | None
    recipient_ok: bool
    preps: tuple[str, ...]  # prepositions on a word of the window that satisfy it too
    sentence: PhraseTable[str] | None
    forbid_window: int
    forbid: PhraseTable[str] | None
    otherwise: tuple[str, str | None] | None  # the act the trigger codes when its constraint fails
    before_window: int
    forbid_before: PhraseTable[str] | None
    recode_window: int
    recode_after: PhraseTable[str] | None
    becomes: tuple[str, str | None] | None  # the act a phrase of ``recode_after`` makes of the trigger


@dataclass(frozen=True, slots=True)
class Senses:
    """Every sense rule, and the sectors that make a party political."""

    rules: tuple[Sense, ...]
    political: frozenset[str]
    orgs: frozenset[str]  # country codes of organisations, political whatever their sector
    both_political: frozenset[str]
    free: frozenset[str]  # types a non-political party may do alone (a protest)
    place_types: frozenset[str]  # noun types whose construct country or capital is a place, not a doer
    place_how: frozenset[str]
    accusations: frozenset[str]  # accusation nouns whose genitive before a ب charge is the accused


def _table(words: list[str] | None) -> PhraseTable[str] | None:
    return PhraseTable((w, w) for w in words) if words else None


def _otherwise(spec: list[str] | None, k: int) -> tuple[str, str | None] | None:
    """A validated fallback [type, mode] of a sense rule."""
    if spec is None:
        return None
    event, mode = spec
    if event not in EVENT_TYPES or (mode is not None and mode not in MODES.get(event, ())):
        raise ValueError(f"senses.json rule {k}: bad fallback {spec!r}")
    return event, mode


@lru_cache(maxsize=1)
def senses() -> Senses:
    """Load and validate data/senses.json (once per process)."""
    spec = json.loads((_DATA / "senses.json").read_text(encoding="utf-8"))
    rules = []
    for k, r in enumerate(spec["senses"]):
        if r["event"] not in EVENT_TYPES or not (r.get("require") or r.get("forbid") or r.get("forbid_before") or r.get("recode_after")):
            raise ValueError(f"senses.json rule {k}: bad event or no constraint")
        rules.append(Sense(r["event"], frozenset(normalize_text(t) for t in r.get("triggers", ())), int(r.get("window", 0)),
                           _table(r.get("require")), bool(r.get("recipient_ok")), tuple(r.get("preps", ())),
                           _table(r.get("sentence")), int(r.get("forbid_window", 0)), _table(r.get("forbid")),
                           _otherwise(r.get("otherwise"), k), int(r.get("forbid_before_window", 0)),
                           _table(r.get("forbid_before")), int(r.get("recode_window", 0)), _table(r.get("recode_after")),
                           _otherwise(r.get("becomes"), k)))
    groups = [set(spec[k]) for k in ("both_political", "no_political_needed")]
    if any(g - set(EVENT_TYPES) for g in groups):
        raise ValueError("senses.json: unknown event type in a type list")
    return Senses(tuple(rules), frozenset(spec["political_sectors"]), frozenset(spec["political_countries"]),
                  frozenset(groups[0]), frozenset(groups[1]), frozenset(spec["genitive_places"]["types"]),
                  frozenset(spec["genitive_places"]["how"]),
                  frozenset(normalize_text(t) for t in spec["accused_genitive"]["triggers"]))


def _prep(toks: Sequence[Token], lo: int, hi: int, preps: tuple[str, ...]) -> bool:
    """Whether a word in ``[lo, hi)`` carries one of ``preps`` ("بالإفراج", "لوقف")."""
    return bool(preps) and any(len(r[1]) > 2 and r[0].removesuffix("ال").endswith(preps)
                               for t in toks[lo:hi] for r in t.readings)


def sense_ok(doc: Doc, c: Candidate) -> bool:
    """Whether the trigger's arguments fit the sense its PLOVER type needs (a rule's fallback act recodes it)."""
    toks = doc.tokens
    sent = toks[c.i].sent
    end = c.j
    while end < len(toks) and toks[end].sent == sent:
        end += 1
    phrase = normalize_text(c.trig.phrase)
    for s in senses().rules:
        if s.event != c.trig.event or (s.triggers and phrase not in s.triggers):
            continue
        if s.forbid is not None and s.forbid.find(toks, c.j, min(end, c.j + s.forbid_window)):
            return False
        if s.recode_after is not None and s.becomes is not None and s.recode_after.find(toks, c.j, min(end, c.j + s.recode_window)):
            c.trig = replace(c.trig, event=s.becomes[0], mode=s.becomes[1], contexts=(), flags=c.trig.flags - {"needs_recipient"})
            continue
        if s.forbid_before is not None and any(
                toks[k].sent == sent and s.forbid_before.match_at(toks, k, c.i) for k in range(max(0, c.i - s.before_window), c.i)):
            return False
        if s.require is None:
            continue
        hi = min(end, c.j + s.window)
        if s.require.find(toks, c.j, hi) or (s.recipient_ok and any(a.start < toks[hi - 1].end for a in c.recipient)) or _prep(toks, c.j, hi, s.preps):
            continue
        lo = c.i
        while lo > 0 and toks[lo - 1].sent == sent:
            lo -= 1
        if s.sentence is not None and s.sentence.find(toks, lo, end):
            continue
        if s.otherwise is None:
            return False
        c.trig = replace(c.trig, event=s.otherwise[0], mode=s.otherwise[1], contexts=())
        return True
    return True


def place_genitive(doc: Doc, c: Candidate) -> bool:
    """Whether an indefinite attack noun's doer is a country or capital in construct with it ("هجوم فرنسا")."""
    ss = senses()
    # "هجومي تونس": a dual in construct carries no article either
    if c.trig.event not in ss.place_types or not c.trig.is_noun or "ال" in c.proclitics or "poss" in c.trig.flags \
            or not c.actor or c.j >= len(doc.tokens):
        return False
    nxt = doc.tokens[c.j]
    return all(a.how in ss.place_how and nxt.start <= a.start < nxt.end for a in c.actor)


def accused_genitive(doc: Doc, c: Candidate) -> None:
    """"اتهام موسكو بتسميم العميل": the party in construct with an accusation noun, before its ب charge, is the accused."""
    if c.trig.event != "ACCUSE" or not c.trig.is_noun or not c.actor or normalize_text(c.trig.phrase) not in senses().accusations:
        return
    toks = doc.tokens
    if c.j >= len(toks) or not toks[c.j].start <= c.actor[0].start < toks[c.j].end:
        return
    k = c.j
    end = max(a.end for a in c.actor)
    while k < len(toks) and toks[k].start < end:
        k += 1
    if k < len(toks) and toks[k].sent == toks[c.i].sent and any(r[0].endswith("ب") and len(r[1]) > 2 for r in toks[k].readings):
        c.recipient, c.actor = c.actor, []


def political(c: Candidate) -> bool:
    """Whether a coded act involves political parties as its type needs.

    Every act but a protest needs a political doer (a state, armed group, party, organisation);
    a meeting, agreement, praise or cooperation needs political parties on both sides.
    """
    ss = senses()
    if c.trig.event in ss.free:
        return True
    pol = [a for a in c.actor if a.sector_code in ss.political or a.country in ss.orgs]
    if not pol:
        return False
    if c.trig.event in ss.both_political:
        rec = any(a.sector_code in ss.political or a.country in ss.orgs for a in c.recipient)
        if c.reciprocal:
            return len({(a.country, a.sector_code) for a in pol}) >= 2 or rec
        return not c.recipient or rec
    return True
