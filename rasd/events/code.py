"""Coding one trigger: its actor and recipient groups, by the structure of the Arabic clause."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from rasd.doc import Actor, Attribution, Doc, Place
from rasd.events.clause import Group, SentenceView
from rasd.events.lexicon import VERBAL, Trigger
from rasd.events.hints import NEAR
from rasd.events.victims import is_victim

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
    uncoded_next: bool = False  # an uncoded definite noun follows the verb: its subject, not a carried one
    support: Group | None = None  # a support verb stands between a noun and the subject before it ("أعربت عن إدانتها")
    passive_noun: bool = False  # "تم اعتقال", "جرى توقيف": a verbal noun made passive
    joined: frozenset[int] = frozenset()  # group starts after "شارك فيها": more doers, never the target
    both: bool = False  # "وكان الرئيسان التقيا": the parties are the two just named, not a new one
    obj_pronoun: bool = False  # the verb carries its object as a pronoun ("نطالبها", "اعتقلتها")
    lam_doer: Group | None = None  # "هجوم لداعش": an attack noun's doer introduced by "ل"
    received_from: Group | None = None  # "تلقى X دعما من Y": Y gives, X receives
    receiver: Group | None = None
    relative_head: Group | None = None  # the party a relative pronoun before the verb stands for
    first_person: bool = False  # "نطالب", "ندين": the speaker is the doer, the party after is the object
    preposed: bool = False  # an uncoded subject stands before the verb ("إن القوة الصاروخية استهدفت ...")
    own_date: bool = False  # the date was read in the trigger's own sentence, not lent by the one before
    struck: int = -1  # the token after a strike noun that opens what it struck ("غارات على مواقع داعش")
    rel_agent: Group | None = None  # the doer named in a relative clause ("الهجوم الذي نفذته إيران") or a report ("تقرير لـX")
    plural_verb: bool = False  # "سياسيون انتقدوا الحكومة": a verb agreeing in number has its subject before it


def _first(groups: list[Group]) -> Group | None:
    return groups[0] if groups else None


def arguments(sv: SentenceView, c: Candidate, speaker: Group | None, carried: Group | None,
              triggers: frozenset[int] = frozenset(), sibling: Group | None = None) -> Group | None:
    """Fill ``c.actor``/``c.recipient`` from the clause; returns the subject group found (for carrying).

    ``triggers`` holds the token indices of every trigger: a noun after another trigger is that
    trigger's object ("نددت الصين بتهديدات واشنطن"), so its own actor is its genitive, not the subject before.
    ``sibling`` is the subject of the previous trigger of the sentence, for coordinated verbs ("..., واستدعت سفيرها").
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
    # a noun after "V X" is the verb's object, so X is the verb's subject, not the noun's
    pre = [g for g in before if g.marker == "" and c.i - g.j <= gap
           and not (trig.is_noun and any(k in triggers for k in (*range(g.j, c.i), *range(max(lo, g.i - 2), g.i))))
           and not (trig.is_noun and c.i - g.j > 1 and not c.support)
           # "وصفت موسكو الهجوم": a definite noun is some verb's object; only a support verb gives it a subject
           and not (trig.is_noun and "ال" in c.proclitics and c.support is None)]
    genitive = [g for g in after if g.marker == "" and g.i == c.j and not g.conj
                and not (trig.event == "CONSULT" and g.actors[0].how == "capital")]
    if c.received_from is not None:  # "يتلقى التحالف دعما من الولايات المتحدة": the giver is the doer
        subj = c.received_from
    elif agents:
        subj = agents[0]
    elif c.relative_head is not None and not c.obj_pronoun:
        subj = c.relative_head  # "التحالف ..., الذي يدعم الحكومة": the relative pronoun's head is the subject
    elif c.rel_agent is not None:
        subj = c.rel_agent
    elif c.support is not None and c.support is not NEAR:
        subj = c.support
    elif c.preposed or c.first_person:
        subj = None
    elif trig.is_noun and c.passive_noun:
        subj = None  # "تم توقيفه": a passive noun names no doer but after "من قبل"
    elif trig.is_noun and "objgen" in trig.flags and not pre:
        subj = None  # "اغتيال رئيس الوزراء": the genitive is the one it fell on, not its doer
    elif c.lam_doer is not None:
        subj = c.lam_doer  # "هجوم انتحاري لداعش", "هجمات لبوكو حرام": the doer after "ل"
    elif trig.is_noun and not c.definite and genitive:
        subj = genitive[0]  # a noun in construct names its doer: "غارات التحالف", "بتهديدات واشنطن"
    elif pre:
        subj = pre[-1]
    else:
        # a definite noun right after a verb is its object: "وأدانت الغارة منظمتا ..." names the condemner
        # "دعمه الحوثيين": a noun with a possessive pronoun names its doer already; the party after is its object
        possessed = c.definite and "ال" not in c.proclitics
        obj_noun = trig.is_noun and ("ال" in c.proclitics or possessed or any(k in triggers for k in range(max(lo, c.i - 2), c.i)))
        # "سياسيون انتقدوا الحكومة": a verb marked plural follows its subject; the party after it is its object
        plural = c.plural_verb and "recip" not in trig.flags
        near = [g for g in after if g.marker == "" and not g.conj and not g.pron and not obj_noun and not plural
                and g.i - c.j <= (2 if trig.is_noun else 3)
                # "غارات على مواقع داعش", "قصف أحياء المعارضة": a party after another noun is that noun's genitive, the target
                and not (0 <= c.struck < g.i)
                and not (trig.event == "CONSULT" and trig.is_noun and g.actors[0].how == "capital")]
        subj = _first(near)
    passive = False
    if subj is not None and trig.event != "PROTEST" and (
            all(is_victim(a) for a in subj.actors)
            # a private person neither arrests, sanctions nor negotiates: "واعتقلت بدوي" is passive
            or (trig.event in _STATE_ACTS and all(a.sector_code == "CVL" for a in subj.actors))):
        subj, passive = None, True  # "قتل خمسة مواطنين", "اعتقل 14 شخصا": the people it fell on, not its doer
    nxt = next((k for k in sorted(triggers) if k >= c.j), hi)
    reach = max(c.j, subj.j) if subj is not None and subj.i >= c.j else c.j  # objects follow a post-verb subject
    rest = [g for g in after if g is not subj and g.i - reach <= _OBJ_GAP and (g.i < nxt or "recip" in trig.flags)
            and g.i not in c.joined]
    withs = [g for g in rest if g.marker == "with"]
    if withs:  # "بين X وY": the second party of a "بين" list carries no marker of its own
        k = rest.index(withs[0])
        withs += [g for g in rest[k + 1 : k + 2] if g.conj and g.marker == ""]
    obj = _first([g for g in rest if g.marker in ("", "target") and not g.conj])
    bare = not passive and not c.preposed and not c.uncoded_next  # nothing in the clause names another doer
    if c.first_person:
        subj = speaker or carried
    if (subj is None and not passive and not c.preposed and not c.first_person and sibling is not None
            and not trig.is_noun and c.proclitics.startswith("و") and c.i == lo):
        subj = sibling  # "أعلنت المملكة طلبها ...، واستدعت سفيرها": coordinated verbs share their subject
    if (subj is None and trig.event in VERBAL and speaker is not None and bare
            and not (trig.is_noun and "ال" in c.proclitics)):
        subj = speaker
    if subj is None and carried is not None and not trig.is_noun and c.i - sv.lo <= 1 and bare and trig.event in VERBAL:
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
            if not c.actor:  # "استقبل صلاح تمريرة": a host with no coded guest received no one we know
                c.actor, c.recipient = [], []
        elif "host" in trig.flags:
            c.actor = []  # a reception with no coded host
        else:
            c.actor = [a for g in parties for a in g.actors]
        if trig.event == "CONSULT":
            if not c.recipient and len({(a.country, a.sector_code) for a in c.actor}) < 2:
                c.actor = []  # "التقى X" with no coded second party: whom it met is unknown
        c.reciprocal = True
    else:
        c.actor = list(subj.actors) if subj else []
        target = _first(withs) or obj
        if c.relative_head is not None and c.obj_pronoun and c.relative_head is not subj:
            target = c.relative_head  # "قطر التي تتهمها الرياض": the pronoun on the verb points back to the head
        if target is None and c.obj_pronoun and not trig.is_noun:
            # "ونطالبها بالإفراج": the pronoun stands for the party named last before the verb
            back = [g for g in sv.groups if g.j <= c.i and g is not subj and g.marker != "place"
                    and not (subj is not None and set(g.actors) & set(subj.actors))]
            target = back[-1] if back else None
        if c.received_from is not None and c.receiver is not None:
            target = c.receiver
        if trig.event == "MOBILIZE" and target is not None and target.marker != "target":
            target = None  # forces are sent against a party ("ضد", "على"); "مع X", "لطلب X" name no target
        c.recipient = list(target.actors) if target else []
        if target is not None and target in rest:  # "مواقع لمنظمة بي كا كا وتنظيم داعش": coordinated objects all bear it
            k = rest.index(target)
            c.recipient += [a for g in rest[k + 1 : k + 3] if g.conj and g.marker in ("", "target") for a in g.actors]
    if trig.event != "PROTEST":  # civilians and nationals named by a common noun suffer acts; they are not coded as doers
        c.actor = [a for a in c.actor if not is_victim(a)]
    spans = {(a.start, a.end) for a in c.actor}
    c.recipient = [a for a in c.recipient if (a.start, a.end) not in spans]
    if "needs_recipient" in trig.flags and not c.recipient:
        c.actor = []
    if trig.event == "AGREE" and trig.is_noun and "ال" in c.proclitics and c.support is None:
        c.actor = []  # "الاتفاق النووي مع إيران": a definite agreement is one already told or named, not a new act
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
    return _colon_speaker(doc, sv, gs)


def _colon_speaker(doc: Doc, sv: SentenceView, gs: list[Group]) -> Group | None:
    """The party named before a colon that opens a quotation: "رئيس المكتب السياسي لحماس: نثمن ..."."""
    toks = doc.tokens
    for k in range(sv.lo + 1, min(sv.hi, sv.lo + 25)):
        if ":" in doc.raw[toks[k - 1].end : toks[k].start]:
            before = [g for g in gs if g.j <= k]
            return before[0] if before else None
    return None


# acts only an organised party does; a civilian as their subject is the one the act fell on
_STATE_ACTS = frozenset({"CONSULT", "AGREE", "COOPERATE", "AID", "RETREAT", "SANCTION", "MOBILIZE", "COERCE", "CONCEDE"})
_NOT_STATES = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
# a condemnation or a denial is of a doer, never of the people an act fell on
_NO_VICTIM_TARGET = frozenset({"ACCUSE", "REJECT", "THREATEN", "SANCTION"})


def fill_victims(c: Candidate) -> None:
    """Give victims and unnamed doers of unknown nationality the country of the event's place (or of the acting state)."""
    if c.trig.event in _NO_VICTIM_TARGET:
        c.recipient = [a for a in c.recipient if not is_victim(a)]
    if not any(not a.country for a in c.actor + c.recipient):
        return
    here = c.place.country if c.place is not None and c.place.country else None
    own = c.actor[0].country if c.actor and c.actor[0].country and not is_victim(c.actor[0]) else None
    own = None if own in _NOT_STATES else own
    # a strike falls on people where it happens; an arrest or an appeal mostly on the state's own people
    cc = (here or own) if c.trig.event == "ASSAULT" else (own or here)
    c.actor = [replace(a, country=cc) if not a.country and cc else a for a in c.actor if a.country or cc]
    c.recipient = [replace(a, country=cc) if not a.country and cc else a for a in c.recipient if a.country or cc]
    if "needs_recipient" in c.trig.flags and not c.recipient:
        c.actor = []
