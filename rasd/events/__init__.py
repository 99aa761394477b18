"""Events: code PLOVER events from the sentences, with actors, date, place, modality and source."""

from __future__ import annotations

from dataclasses import replace

from rasd.doc import Actor, Doc, Event
from rasd.text.match import Match
from rasd.text.normalize import normalize_text
from rasd.events.clause import Group, sentence_views
from rasd.events.code import Candidate, arguments, fill_victims, speaker_of
from rasd.events.hints import lam_doer, noun_support, preposed_subject, received, relative_agent, relative_head, uncoded_next
from rasd.events.context import attribution, event_date, event_place, historical, later, modality, sentence_cues
from rasd.events.lexicon import QUAD, Lexicon, lexicon
from rasd.events.victims import victims
from rasd.events.merge import dedupe, join_anaphora, join_participants, resolve_mode

__all__ = ["run"]


# words that govern a noun: a bare past-tense form after them is a verbal noun ("ضرورة سحب القوات")
_GOVERNORS = frozenset({"من", "الي", "علي", "عن", "في", "بعد", "قبل", "ضروره", "بضروره", "اجل", "بشان", "حول", "دون", "عدم"})

# verbal acts whose object is another act: what they ask for, threaten, refuse or accept is not itself told as done
_CONTENT_OF = frozenset({"REQUEST", "THREATEN", "REJECT", "AGREE"})
_RELATIVE = frozenset({"الذي", "التي", "الذين"})
_REPORTS = frozenset({"تقرير", "بيان", "دراسه", "رساله"})  # "اتهم تقرير لـX": the report's author is the doer
_PASSIVE_AUX = frozenset({"تم", "وتم", "يتم", "جري", "وجري", "يجري"})  # "تم توقيفه": a noun told in the passive
_BACK = 15  # sentences a definite noun ("الغارة") may point back over


def _cue_after(doc: Doc, lex: Lexicon, name: str, m: Match, n: int) -> bool:
    """Whether a cue of table ``name`` starts within ``n`` words after a trigger, in its sentence."""
    toks = doc.tokens
    sent = toks[m.i].sent
    return any(toks[c.i].sent == sent for c in lex.cues[name].find(toks, m.j, min(m.j + n, len(toks))))


def _masdar(doc: Doc, m: Match) -> bool:
    """Whether a verb trigger's bare past form stands as a verbal noun (after a preposition or "ال")."""
    if m.value.is_noun or m.j - m.i != 1 or m.enclitic:
        return False
    tok = doc.tokens[m.i]
    if normalize_text(m.value.phrase) not in tok.bases:
        return False
    if any(p in m.proclitics for p in ("ب", "ل")) or "ال" in m.proclitics:
        return True
    return m.i > 0 and doc.tokens[m.i - 1].sent == tok.sent and doc.tokens[m.i - 1].norm in _GOVERNORS


def _embedded(found: list[Candidate], earlier: list[Candidate]) -> None:
    """A condemnation or denial of another event told after it falls on that event's doer ("أدان الهجوم الذي نفذته إيران").

    A definite noun with no doer of its own ("وأدانت الغارة ...") points back to the last such event
    told with a doer in ``earlier`` (the document's candidates so far).
    """
    for k, c in enumerate(found):
        if c.trig.event not in ("ACCUSE", "REJECT") or c.recipient or not c.actor:
            continue
        own = {(a.start, a.end) for a in c.actor}
        for d in found[k + 1 :]:
            if d.i - c.j > 16:  # "أدان مقتل 22 طفلا على الأقل وأربع نساء في غارة شنها التحالف"
                break
            doer = d.actor
            if not doer and d.definite:
                back = [p for p in earlier if p.trig.event == d.trig.event and p.actor and 0 <= d.sent - p.sent <= _BACK]
                doer = back[-1].actor if back else []
            if doer and not own & {(a.start, a.end) for a in doer}:
                c.recipient = list(doer)
                break


def _triggers(doc: Doc, lex: Lexicon) -> list[Match]:
    """The trigger matches of the document, each read in its context (verbal noun, expulsion, recognition)."""
    toks = doc.tokens
    matches: list[Match] = []
    for m in lex.triggers.find(toks):
        # a word ending in ة or ى is a noun, not a verb with a pronoun ("وزارة" is not "زار" + "ه")
        if m.enclitic and not m.value.is_noun and doc.raw[toks[m.i].end - 1] in "ةى":
            continue
        if _masdar(doc, m):
            noun = lex.nouns.get(normalize_text(m.value.phrase))
            if noun is None:
                continue
            m = Match(m.i, m.j, noun, m.proclitics, m.enclitic)
        if m.value.event == "REQUEST" and _cue_after(doc, lex, "expulsion", m, 8):
            # "طلبت من السفير مغادرة البلاد": asking an envoy to leave is expelling him
            m = Match(m.i, m.j, replace(m.value, event="SANCTION", mode="expel", contexts=("diplomatic",)),
                      m.proclitics, m.enclitic)
        if m.value.event == "CONCEDE" and _cue_after(doc, lex, "recognition", m, 8):
            # recognising a state, its capital or its sovereignty is support, not a concession
            m = Match(m.i, m.j, replace(m.value, event="SUPPORT", mode=None), m.proclitics, m.enclitic)
        prev = matches[-1] if matches and toks[matches[-1].i].sent == toks[m.i].sent else None
        if prev is not None and m.value.is_noun and prev.value.event in _CONTENT_OF and m.i - prev.j <= 2:
            continue  # "دعا إلى فتح تحقيق", "هدد بشن هجمات": the act asked for or threatened is not (yet) an event
        if prev is not None and not m.value.is_noun and prev.value.is_noun and prev.value.event == m.value.event \
                and (m.i - prev.j <= 1 or (m.i - prev.j <= 4 and any(toks[k].norm in _RELATIVE for k in range(prev.j, m.i)))):
            continue  # "غارات استهدفت مواقع", "الغارة التي استهدفت حافلة": the verb tells the noun's act, one event
        matches.append(m)
    return matches


def _candidates(doc: Doc) -> tuple[list[Candidate], list[tuple[int, list[Actor]]]]:
    """Every trigger of the document coded with what its clause says, and the parties of "شارك" sentences."""
    lex = lexicon()
    toks = doc.tokens
    matches = _triggers(doc, lex)
    verbs = {m.i for m in matches if not m.value.is_noun}
    starts = frozenset(m.i for m in matches)
    views = sentence_views(doc, lex, verbs, victims(doc))
    by_sent: dict[int, list[Match]] = {}
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
            c.definite = "ال" in m.proclitics or bool(m.enclitic) or "poss" in m.value.flags
            if m.value.is_noun:
                c.passive_noun = m.i > sv.lo and toks[m.i - 1].norm in _PASSIVE_AUX
                c.rel_agent = relative_agent(doc, sv, m.j)
                c.received_from, c.receiver = received(doc, sv, m.i, m.j)
                c.lam_doer = lam_doer(doc, sv, m.j) if m.value.event == "ASSAULT" and not c.definite else None
                c.support = noun_support(doc, sv, m.i, m.value.event, starts)
            else:
                c.preposed = preposed_subject(doc, sv, m.i)
                c.relative_head = relative_head(doc, sv, m.i)
                if m.j < sv.hi and toks[m.j].norm in _REPORTS:  # "واتهم تقرير لمنظمة هيومن رايتس ووتش ..."
                    c.rel_agent = lam_doer(doc, sv, m.j + 1)
                c.uncoded_next = uncoded_next(doc, sv, m.j)
                c.first_person = any(b in lex.first_person for b in toks[m.i].bases)
                c.obj_pronoun = m.enclitic in ("ه", "ها", "هم", "هما")
            if m.value.is_noun and (m.enclitic == "نا" or "poss1" in m.value.flags):
                c.first_person = True  # "دعوتنا": our call, the speaker's
            subj = arguments(sv, c, speaker, carried, starts, last_subj)
            last_subj = subj or last_subj
            c.context = modality(doc, cues, sv, m.i, m.j, m.proclitics)
            if any(r[0].endswith("س") for k in range(max(sv.clause(m.i)[0], m.i - 3), m.i) for r in toks[k].readings[1:]):
                c.context.add("future")  # a future verb governs it: "ستجري الاجتماعات"
            c.date, c.precision = event_date(doc, times, sv, prev, m.i)
            c.place = event_place(doc, places, taken, sv, m.i, tok_starts)
            fill_victims(c)
            c.attribution = attr
            found.append(c)
        _embedded(found, out)
        if not found or not any(c.actor for c in found):
            parts = lex.cues["participation"].find(toks, sv.lo, sv.hi)
            if parts:
                actors = [a for g in sv.groups if g.i >= parts[0].j and g.marker != "place" for a in g.actors]
                parts_found.append((sv.index, actors))
        out.extend(found)
        carried = last_subj or speaker
    return out, parts_found


def _by_code(actors: list[Actor]) -> list[Actor]:
    """One mention per "COUNTRY SECTOR" code (the first), dropping parties of unknown country."""
    seen: dict[tuple[str, str], Actor] = {}
    for a in actors:
        if a.country:
            seen.setdefault((a.country, a.sector_code), a)
    return list(seen.values())


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
    known = _by_code(c.actor)
    return Event(
        event=c.trig.event, trigger_start=toks[c.i].start, trigger_end=toks[c.j - 1].end,
        sent_start=sent.start, sent_end=sent.end, actor=tuple(known),
        recipient=tuple(_by_code(c.recipient)),
        mode=(mode,) if mode else (), context=tuple(sorted(ctx)), date=c.date, date_precision=c.precision,
        place=c.place, attribution=c.attribution, quad_code=QUAD[c.trig.event], mentions=mentions,
    )


def run(doc: Doc) -> Doc:
    """Add the events layer: one Event per real-world action the article reports."""
    found, parts = _candidates(doc)
    cands = join_anaphora(found)
    for sent, actors in parts:
        join_participants(cands, sent, actors)
    coded = dedupe([c for c in cands if any(a.country for a in c.actor)])
    doc.events = tuple(_event(doc, c) for c in sorted(coded, key=lambda c: (c.sent, c.i)))
    return doc
