"""Coding one trigger: its actor and recipient groups, by the structure of the Arabic clause."""

from __future__ import annotations

from dataclasses import dataclass, field

from rasd.doc import Actor, Attribution, Doc, Place
from rasd.events.clause import Group, SentenceView
from rasd.events.lexicon import VERBAL, Trigger

_SUBJ_GAP_VERB = 4  # tokens between a preposed subject and its verb ("X قد التقى", "X، الأحد، ...")
_SUBJ_GAP_NOUN = 3  # a support verb may stand between: "X أعربت عن إدانتها", "شن X أمس غارات"
_OBJ_GAP = 8


@dataclass(slots=True)
class Candidate:
    """An event being coded; actorless candidates may still be joined to a neighbour."""

    trig: Trigger
    i: int
    j: int
    sent: int
    proclitics: str
    actor: list[Actor] = field(default_factory=list)
    recipient: list[Actor] = field(default_factory=list)
    reciprocal: bool = False
    host_first: bool = False
    context: set[str] = field(default_factory=set)
    date: str | None = None
    precision: str = "document"
    place: Place | None = None
    attribution: Attribution | None = None
    is_title: bool = False
    definite: bool = False
    mentions: list[tuple[int, int]] = field(default_factory=list)
    last: int = -1  # the last sentence that tells it


def _first(groups: list[Group]) -> Group | None:
    return groups[0] if groups else None


def arguments(sv: SentenceView, c: Candidate, speaker: Group | None, carried: Group | None,
              triggers: frozenset[int] = frozenset()) -> Group | None:
    """Fill ``c.actor``/``c.recipient`` from the clause; returns the subject group found (for carrying).

    ``triggers`` holds the token indices of every trigger: a noun after another trigger is that
    trigger's object ("نددت الصين بتهديدات واشنطن"), so its own actor is its genitive, not the subject before.
    """
    trig = c.trig
    lo, hi = sv.clause(c.i)
    gs = [g for g in sv.groups if g.marker != "place"]
    before = [g for g in gs if lo <= g.i and g.j <= c.i]
    after = [g for g in gs if g.i >= c.j and g.j <= hi]
    agents = [g for g in after if g.marker == "agent"]
    after = [g for g in after if g.marker != "agent"]
    gap = _SUBJ_GAP_NOUN if trig.is_noun else _SUBJ_GAP_VERB
    subj: Group | None = None
    pre = [g for g in before if g.marker == "" and c.i - g.j <= gap
           and not (trig.is_noun and any(k in triggers for k in range(g.j, c.i)))]
    genitive = [g for g in after if g.marker == "" and g.i == c.j and not g.conj]
    if agents:
        subj = agents[0]
    elif trig.is_noun and not c.definite and genitive:
        subj = genitive[0]  # a noun in construct names its doer: "غارات التحالف", "بتهديدات واشنطن"
    elif pre:
        subj = pre[-1]
    else:
        near = [g for g in after if g.marker == "" and not g.conj and g.i - c.j <= (2 if trig.is_noun else 3)]
        subj = _first(near)
    rest = [g for g in after if g is not subj and g.i - c.j <= _OBJ_GAP]
    withs = [g for g in rest if g.marker == "with"]
    obj = _first([g for g in rest if g.marker in ("", "target") and not g.conj])
    if subj is None and trig.event in VERBAL and speaker is not None:
        subj = speaker
    if subj is None and carried is not None and not trig.is_noun and c.i - sv.lo <= 1:
        subj = carried  # "وأضاف ..." / "ودعا ..." with the subject of the previous sentence
    if "needs_with" in trig.flags and not withs:
        return subj
    if "recip" in trig.flags:
        verb_obj = obj is not None and obj.marker == "" and not trig.is_noun
        parties = ([subj] if subj else []) + withs + ([obj] if verb_obj else [])
        if "host" in trig.flags and subj is not None:
            c.recipient = list(subj.actors)
            c.actor = [a for g in parties[1:] for a in g.actors]
            c.host_first = True
            if not c.actor:
                c.actor, c.recipient = c.recipient, []
        else:
            c.actor = [a for g in parties for a in g.actors]
        c.reciprocal = True
    else:
        c.actor = list(subj.actors) if subj else []
        target = _first(withs) or obj
        c.recipient = list(target.actors) if target else []
    spans = {(a.start, a.end) for a in c.actor}
    c.recipient = [a for a in c.recipient if (a.start, a.end) not in spans]
    if "needs_recipient" in trig.flags and not c.recipient:
        c.actor = []
    return subj


def speaker_of(doc: Doc, sv: SentenceView, speech: list[tuple[int, int]], carried: Group | None) -> Group | None:
    """The subject of the sentence's first speech verb ("قالت X إن", "X أكد"), else the carried one."""
    gs = [g for g in sv.groups if g.marker == ""]
    for i, j in speech:
        lo, hi = sv.clause(i)
        pre = [g for g in gs if lo <= g.i and g.j <= i and i - g.j <= _SUBJ_GAP_VERB]
        if pre:
            return pre[-1]
        post = [g for g in gs if g.i >= j and g.i - j <= 3]
        if post:
            return post[0]
        if i - sv.lo <= 1:
            return carried
    return None
