"""One record per event: anaphoric mentions joined, repeated tellings merged, meeting modes resolved."""

from __future__ import annotations

from rasd.doc import Actor
from rasd.events.code import Candidate

_PRECISION = {"day": 0, "month": 1, "year": 2, "document": 3}
_ANAPHOR_SENTS = 2  # "اللقاء" refers to a meeting told at most two sentences before


def better_date(a: Candidate, b: Candidate) -> bool:
    """Whether ``b`` dates the event more precisely than ``a``."""
    return _PRECISION.get(b.precision, 3) < _PRECISION.get(a.precision, 3)


def absorb(target: Candidate, other: Candidate) -> None:
    """Fold a second telling of the same event into ``target``."""
    if better_date(target, other):
        target.date, target.precision = other.date, other.precision
    if not target.recipient and other.recipient and not target.reciprocal and other.actor \
            and {a.country for a in other.actor} <= {a.country for a in target.actor}:
        target.recipient = list(other.recipient)  # the headline's "التفجير" is the body's "التفجير الذي استهدف مسجدا"
    if target.place is None and other.place is not None and (
            other.is_title or other.sent == target.sent or not other.place.country
            or other.place.country in countries(target)):
        # a later sentence's place abroad ("قاتل مع تنظيم داعش في الموصل بالعراق") is often that of another act
        target.place = other.place
    if target.attribution is None:
        target.attribution = other.attribution
    target.context |= other.context & {"future"}
    target.mentions.append((other.sent, other.i))
    target.mentions.extend(other.mentions)


def _refers(c: Candidate, p: Candidate) -> bool:
    """Whether definite mention ``c`` can tell again the earlier event ``p``."""
    if p.trig.event != c.trig.event or c.sent - p.last > _ANAPHOR_SENTS:
        return False
    if not c.actor:
        return True
    # "يضم اللقاء X": a definite noun naming some of the parties of the meeting just told
    return c.trig.is_noun and bool(p.actor) and countries(c) <= countries(p)


def join_anaphora(cands: list[Candidate]) -> list[Candidate]:
    """Attach definite mentions ("اللقاء", "الاجتماعات") to the nearest earlier event of their type."""
    out: list[Candidate] = []
    for c in cands:
        c.last = c.sent
        if c.both and not c.actor:
            prior = [p for p in out if p.trig.event == c.trig.event and c.sent - p.last <= _ANAPHOR_SENTS
                     and len(countries(p)) >= 2]
            if prior:
                # "وكان الرئيسان التقيا قبل ذلك": the two parties just told meet again, on their own date
                p = max(prior, key=lambda p: (p.last, p.i))
                if not c.own_date:  # "قالت إن الطرفين بحثا ...": the meeting just told, told again
                    absorb(p, c)
                    p.last = c.sent
                    continue
                c.actor, c.recipient, c.reciprocal = list(p.actor) + list(p.recipient), [], True
        if c.definite:
            prior = [p for p in out if _refers(c, p)]
            if prior:
                target = max(prior, key=lambda p: (p.last, p.i))
                if not target.actor and better_date(target, c):
                    target.i, target.j, target.sent = c.i, c.j, c.sent  # the dated mention tells it best
                absorb(target, c)
                target.last = c.sent
                continue
        out.append(c)
    return out


def join_participants(cands: list[Candidate], sent: int, actors: list[Actor]) -> bool:
    """Give the parties of "وسيشارك فيها ..." to the nearest meeting told just before."""
    prior = [c for c in cands if c.trig.event == "CONSULT" and 0 <= sent - c.last <= _ANAPHOR_SENTS]
    actors = [a for a in actors if a.how != "victim"]  # "شارك فيها 5 آلاف شرطي" names no party of the meeting
    if not prior or not actors:
        return False
    target = max(prior, key=lambda p: (p.last, p.i))
    have = {(a.start, a.end) for a in target.actor + target.recipient}
    target.actor.extend(a for a in actors if (a.start, a.end) not in have)
    target.reciprocal = True
    target.last = sent
    return True


def _codes(c: Candidate) -> frozenset[tuple[str, str]]:
    """The "COUNTRY SECTOR" codes over actor and recipient."""
    return frozenset((a.country, a.sector_code) for a in c.actor + c.recipient)


def countries(c: Candidate) -> frozenset[str]:
    """The set of countries over actor and recipient (the scoring key of an event)."""
    return frozenset(a.country for a in c.actor + c.recipient)


def _compatible(a: Candidate, b: Candidate) -> bool:
    """Whether two tellings may be one event: a headline retells anything; else the dates agree."""
    if a.is_title or b.is_title:
        return True
    if _codes(a) != _codes(b):
        return False  # same countries but other parties (police vs gunmen): another act on the same day
    if (a.precision == "document") != (b.precision == "document"):
        return False  # an undated mention next to a dated one is another occasion unless it points back
    if a.date is None or b.date is None:
        return True
    n = min(len(a.date), len(b.date))
    return a.date[:n] == b.date[:n]


def _same_mode(a: Candidate, b: Candidate) -> bool:
    """Whether two tellings may be one act: not two verbs of one sentence, nor two different modes."""
    if a.sent == b.sent and not a.trig.is_noun and not b.trig.is_noun:
        return False  # two verbs of one sentence tell two acts: "واستدعت سفيرها وجمدت التعاملات"
    if not (a.is_title or b.is_title) and ("future" in a.context) != ("future" in b.context):
        return False  # "حث ترامب السعودية" is done; a request it "will make" is another act
    return a.trig.event == "CONSULT" or a.trig.mode is None or b.trig.mode is None or a.trig.mode == b.trig.mode


def dedupe(cands: list[Candidate]) -> list[Candidate]:
    """Merge tellings of one event: same type, same countries, compatible dates; the clearest one leads."""
    out: list[Candidate] = []
    for c in cands:
        key = countries(c)
        same = next((o for o in out if o.trig.event == c.trig.event and countries(o) == key and _compatible(o, c)
                     and _same_mode(o, c)), None)
        if same is None:
            out.append(c)
            continue
        lead, other = (c, same) if (same.is_title and not c.is_title) else (same, c)
        if lead is c:
            out[out.index(same)] = c
        absorb(lead, other)
        if len(other.actor) + len(other.recipient) > len(lead.actor) + len(lead.recipient):
            lead.actor, lead.recipient = other.actor, other.recipient
    return out


def resolve_mode(c: Candidate) -> str | None:
    """The CONSULT mode from who met whom where; reorders actor/recipient for a visit."""
    mode = c.trig.mode
    if c.trig.event != "CONSULT" or mode == "phone":
        return mode
    if c.host_first:
        return "visit" if {a.country for a in c.actor} != {a.country for a in c.recipient} else None
    if not c.reciprocal:
        return mode
    place_cc = c.place.country if c.place is not None else None
    cc = {a.country for a in c.actor}
    if place_cc and place_cc in cc and len(cc) == 2:
        c.recipient = [a for a in c.actor if a.country == place_cc]
        c.actor = [a for a in c.actor if a.country != place_cc]
        return "visit"
    if len(cc) >= 3:
        return "multilateral"
    if place_cc and len(cc) >= 2 and place_cc not in cc:
        return "third-party"
    return None if mode == "visit" else mode


def fold_partial(cands: list[Candidate]) -> list[Candidate]:
    """Fold a telling with no recipient into a fuller one of the same act: same type, same actor codes, same date.

    "وقامت مقاتلات من سلاح الجو التركي بقصف ثلاثة مواقع" retells the strike on the
    organisation named elsewhere; alone it would count as another event.
    """
    out: list[Candidate] = []
    partial = [c for c in cands if not c.recipient and not c.reciprocal]
    full = [c for c in cands if c.recipient or c.reciprocal]
    for c in partial:
        own = frozenset((a.country, a.sector_code) for a in c.actor)
        same = next((o for o in full if o.trig.event == c.trig.event and o.recipient and not o.reciprocal
                     and frozenset((a.country, a.sector_code) for a in o.actor) == own
                     and (c.date == o.date or c.is_title or o.is_title)), None)
        if same is None:
            out.append(c)
        else:
            absorb(same, c)
    keep = {id(c) for c in out} | {id(c) for c in full}
    return [c for c in cands if id(c) in keep]
