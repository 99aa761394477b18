"""Events: code PLOVER events from the sentences, with actors, date, place, modality and source."""

from __future__ import annotations

from rasd.doc import Actor, Doc, Event
from rasd.events.clause import Group, sentence_views
from rasd.events.code import Candidate, arguments, speaker_of
from rasd.events.context import attribution, event_date, event_place, historical, later, modality, sentence_cues
from rasd.events.lexicon import QUAD, lexicon
from rasd.events.merge import dedupe, join_anaphora, join_participants, resolve_mode

__all__ = ["run"]


def _candidates(doc: Doc) -> tuple[list[Candidate], list[tuple[int, list[Actor]]]]:
    """Every trigger of the document coded with what its clause says, and the parties of "شارك" sentences."""
    lex = lexicon()
    toks = doc.tokens
    # a word ending in ة or ى is a noun, not a verb with a pronoun ("وزارة" is not "زار" + "ه")
    matches = [m for m in lex.triggers.find(toks)
               if not (m.enclitic and not m.value.is_noun and doc.raw[toks[m.i].end - 1] in "ةى")]
    verbs = {m.i for m in matches if not m.value.is_noun}
    starts = frozenset(m.i for m in matches)
    views = sentence_views(doc, lex, verbs)
    by_sent: dict[int, list] = {}
    for m in matches:
        by_sent.setdefault(toks[m.i].sent, []).append(m)
    times = sorted(doc.times, key=lambda t: t.start)
    places = sorted(doc.places, key=lambda p: p.start)
    tok_starts = [t.start for t in toks]
    taken = sorted((a.start, a.end) for a in doc.actors if a.how != "capital")
    out: list[Candidate] = []
    parts_found: list[tuple[int, list[Actor]]] = []
    carried: Group | None = None
    for sv in views:
        if sv.hi <= sv.lo:
            continue
        cues = sentence_cues(doc, lex, sv)
        speech = [(m.i, m.j) for m in lex.cues["speech"].find(toks, sv.lo, sv.hi)]
        speaker = speaker_of(doc, sv, speech, carried)
        attr = attribution(doc, lex, cues, sv)
        prev = views[sv.index - 1] if sv.index > 0 else None
        found: list[Candidate] = []
        last_subj: Group | None = None
        for m in by_sent.get(sv.index, ()):
            c = Candidate(m.value, m.i, m.j, sv.index, m.proclitics)
            c.is_title = doc.sentences[sv.index].is_title
            c.definite = "ال" in m.proclitics or bool(m.enclitic)
            subj = arguments(sv, c, speaker, carried, starts)
            last_subj = subj or last_subj
            c.context = modality(doc, cues, sv, m.i, m.j, m.proclitics)
            if any(r[0].endswith("س") for k in range(max(sv.clause(m.i)[0], m.i - 3), m.i) for r in toks[k].readings[1:]):
                c.context.add("future")  # a future verb governs it: "ستجري الاجتماعات"
            c.date, c.precision = event_date(doc, times, sv, prev, m.i)
            c.place = event_place(doc, places, taken, sv, m.i, tok_starts)
            c.attribution = attr
            found.append(c)
        if not found or not any(c.actor for c in found):
            parts = lex.cues["participation"].find(toks, sv.lo, sv.hi)
            if parts:
                actors = [a for g in sv.groups if g.i >= parts[0].j and g.marker != "place" for a in g.actors]
                parts_found.append((sv.index, actors))
        out.extend(found)
        carried = last_subj or speaker
    return out, parts_found


def _event(doc: Doc, c: Candidate) -> Event:
    """The frozen Event of a finished candidate."""
    mode = resolve_mode(c)
    ctx = set(c.context) | set(c.trig.contexts)
    if later(c.date, c.precision, doc.doc_date):
        ctx.add("future")
    if historical(c.date, c.precision, doc.doc_date):
        ctx.add("historical")
    sent = doc.sentences[c.sent]
    toks = doc.tokens
    mentions = tuple(dict.fromkeys((doc.sentences[s].start, doc.sentences[s].end) for s, _ in c.mentions if s != c.sent))
    return Event(
        event=c.trig.event, trigger_start=toks[c.i].start, trigger_end=toks[c.j - 1].end,
        sent_start=sent.start, sent_end=sent.end, actor=tuple(c.actor), recipient=tuple(c.recipient),
        mode=(mode,) if mode else (), context=tuple(sorted(ctx)), date=c.date, date_precision=c.precision,
        place=c.place, attribution=c.attribution, quad_code=QUAD[c.trig.event], mentions=mentions,
    )


def run(doc: Doc) -> Doc:
    """Add the events layer: one Event per real-world action the article reports."""
    found, parts = _candidates(doc)
    cands = join_anaphora(found)
    for sent, actors in parts:
        join_participants(cands, sent, actors)
    coded = dedupe([c for c in cands if c.actor])
    doc.events = tuple(_event(doc, c) for c in sorted(coded, key=lambda c: (c.sent, c.i)))
    return doc
