"""Events: code PLOVER events from the sentences, with actors, date, place, modality and source."""

from __future__ import annotations

import bisect
from dataclasses import replace

from rasd.doc import Actor, Doc, Event, TimeExpr
from rasd.text.match import Match
from rasd.text.normalize import normalize_text
from rasd.events.clause import Group, SentenceView, sentence_views
from rasd.events.code import Candidate, arguments, fill_victims, speaker_of
from rasd.events.hints import lam_doer, noun_support, preposed_subject, received, relative_agent, relative_head, uncoded_next
from rasd.events.context import attribution, event_date, event_place, historical, later, modality, sentence_cues
from rasd.events.lexicon import QUAD, VERBAL, Lexicon, lexicon
from rasd.events.victims import VICTIM, victims
from rasd.events.filters import drop_self, reference_date, idle_visit, reporter_only, sports, state_protest
from rasd.events.senses import accused_genitive, place_genitive, political, sense_ok
from rasd.events.confidence import confident
from rasd.events.merge import dedupe, fold_partial, join_anaphora, join_participants, resolve_mode

__all__ = ["run"]


# words that govern a noun: a bare past-tense form after them is a verbal noun ("ضرورة سحب القوات")
_GOVERNORS = frozenset({"من", "الي", "علي", "عن", "في", "بعد", "قبل", "ضروره", "بضروره", "اجل", "بشان", "حول", "دون", "عدم",
                        "اطار", "اثر", "عقب", "اعقاب", "ظل", "خلفيه"})
# "تعرض لانتقادات", "قوبل بانتقادات": the subject suffers the act named by the noun; it does not do it
_SUFFER = frozenset({"تعرض", "تعرضت", "يتعرض", "تتعرض", "قوبل", "قوبلت", "يواجه", "تواجه", "واجه", "واجهت", "تلقي", "تلقت"})
# "شهدت صنعاء هجوما": the place that saw an act is where it happened, not its doer (a protest is kept for state_protest)
_WITNESS = frozenset({"شهد", "شهدت", "يشهد", "تشهد"})
# acts of saying: their place is where they were said, not where what they speak of happened
_PLACED_BY_SPEAKER = VERBAL | {"SANCTION", "REQUEST"}
_PREVIOUS = frozenset({"السابق", "السابقه", "السابقين", "السابقتين"})
_DAMMA = "\u064f"
_JOINED_TYPES = frozenset({"COERCE", "ASSAULT", "MOBILIZE"})  # operations others "take part in"
_BOTH_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})  # acts two parties do together
_STATELESS = frozenset({"IMG", "IGO", "NGO", "MNC", ""})
_WAS = frozenset({"كان", "كانت", "كانوا"})
_TERROR = frozenset({"الارهابي", "الارهابيه", "ارهابي", "ارهابيه", "الانتحاري", "انتحاري", "انتحاريه"})
# "اتفاقية فيينا المبرمة", "اتفاق باريس للمناخ": a named agreement, not an act of agreeing
_CONCLUDED = frozenset({"المبرم", "المبرمه", "الموقع", "الموقعه", "السابق", "السابقه"})

# verbal acts whose object is another act: what they ask for, threaten, refuse or accept is not itself told as done
_CONTENT_OF = frozenset({"REQUEST", "THREATEN", "REJECT", "AGREE"})
_RELATIVE = frozenset({"الذي", "التي", "الذين"})
# "الذي دعا فيه أردوغان", "التي وافق عليها المجلس": a pronoun after the verb stands for the head; the subject follows
_RESUMPTIVE = frozenset(p + e for p in ("في", "علي", "من", "عن", "ب", "ل", "الي", "مع") for e in ("ه", "ها", "هم"))
_REPORTS = frozenset({"تقرير", "بيان", "دراسه", "رساله"})  # "اتهم تقرير لـX": the report's author is the doer
_PASSIVE_AUX = frozenset({"تم", "وتم", "يتم", "جري", "وجري", "يجري"})  # "تم توقيفه": a noun told in the passive
_SPEAKER_PRONOUN = frozenset({"انه", "انها", "انهم", "بانه", "بانها", "بانهم", "وانه", "وانها", "وانهم"})
_STRIKES = frozenset({"ASSAULT", "COERCE"})  # material acts whose noun may be followed by what they struck
_BACK = 15  # sentences a definite noun ("الغارة") may point back over


def _cue_after(doc: Doc, lex: Lexicon, name: str, m: Match, n: int) -> bool:
    """Whether a cue of table ``name`` starts within ``n`` words after a trigger, in its sentence."""
    toks = doc.tokens
    sent = toks[m.i].sent
    return any(toks[c.i].sent == sent for c in lex.find(name, toks, m.j, min(m.j + n, len(toks))))


def _masdar(doc: Doc, m: Match) -> bool:
    """Whether a verb trigger's bare past form stands as a verbal noun (after a preposition or "ال")."""
    if m.value.is_noun or m.j - m.i != 1:
        return False
    tok = doc.tokens[m.i]
    governed = m.i > 0 and doc.tokens[m.i - 1].sent == tok.sent and doc.tokens[m.i - 1].norm in _GOVERNORS
    if m.enclitic:  # "في دعمه الحوثيين": after a preposition a verb form with a pronoun is a possessed noun
        return governed and m.enclitic in ("ه", "ها", "هم", "هما")
    if normalize_text(m.value.phrase) not in tok.bases:
        return False
    if any(p in m.proclitics for p in ("ب", "ل")) or "ال" in m.proclitics:
        return True
    return governed


def _backed_by(doc: Doc, sv: SentenceView, m: Match) -> bool:
    """Whether a present-tense "يدعم" describes a standing tie: "التحالف الذي يدعم الحكومة", "قوات تدعمها واشنطن"."""
    toks = doc.tokens
    tok = toks[m.i]
    if m.proclitics or not tok.norm.startswith(("ي", "ت")) or m.i == sv.lo:
        return False
    prev = toks[m.i - 1]
    if prev.norm in _RELATIVE:
        return True
    # an indefinite plural or feminine noun right before: the verb is its adjective clause ("قوات تدعمها")
    noun = prev.norm.endswith(("ات", "ين", "ون")) or doc.raw[prev.end - 1] == "ة"
    return noun and not prev.norm.startswith(("ال", "وال")) and not any(g.i <= m.i - 1 < g.j for g in sv.groups)


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
    last_verbal = -99  # token index of the sentence's last verb of saying, condemning or asking
    for m in (Match(t.i, t.j, t.value, t.proclitics, t.enclitic) for t in doc.triggers if t.source == "lexicon"):
        # a word ending in ة or ى is a noun, not a verb with a pronoun ("وزارة" is not "زار" + "ه")
        if m.enclitic and not m.value.is_noun and doc.raw[toks[m.i].end - 1] in "ةى":
            continue
        if m.value.phrase.endswith("أ") and "أ" not in doc.raw[toks[m.i].start : toks[m.i].end]:
            continue  # "هنأ" (congratulated) and "هنا" (here) are one word once hamza is normalised away
        if m.enclitic == "ي" and not m.value.is_noun:
            continue  # a verb takes "ني", so "بأيدي", "وطالبي لجوء" are nouns
        if last_verbal >= 0 and toks[last_verbal].sent != toks[m.i].sent:
            last_verbal = -99
        bare = not m.value.is_noun and not m.proclitics and not m.enclitic and m.j - m.i == 1
        if bare and m.i - last_verbal <= 15 and normalize_text(m.value.phrase) == toks[m.i].norm:
            # "أدانت الكويت ... قتل الفلسطينيين": after a verb of condemning or asking, the bare form is its object noun
            noun = lex.nouns.get(toks[m.i].norm)
            if noun is None:
                continue
            m = Match(m.i, m.j, noun, m.proclitics, m.enclitic)
        elif _masdar(doc, m):
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
        if prev is not None and m.value.is_noun and prev.value.event in _CONTENT_OF and m.i - prev.j <= 3:
            continue  # "دعا إلى فتح تحقيق", "هدد بشن هجمات": the act asked for or threatened is not (yet) an event
        if prev is not None and not m.value.is_noun and prev.value.is_noun and prev.value.event == m.value.event \
                and (m.i - prev.j <= 1 or (m.i - prev.j <= 4 and any(toks[k].norm in _RELATIVE for k in range(prev.j, m.i)))):
            continue  # "غارات استهدفت مواقع", "الغارة التي استهدفت حافلة": the verb tells the noun's act, one event
        if not m.value.is_noun and m.value.event in VERBAL:
            last_verbal = m.i
        matches.append(m)
    return matches


_STATEMENT = frozenset(normalize_text(w) for w in ("بيان", "بيانها", "بيانه", "تصريح", "تصريحات", "صحفي", "صحافي", "مؤتمر"))


def _statement_days(doc: Doc, times: list[TimeExpr], tok_starts: list[int]) -> list[TimeExpr]:
    """The days told right after a statement noun: "في بيان الجمعة", "في بيان، الجمعة،", "في مؤتمر صحفي الاثنين"."""
    toks = doc.tokens
    out = []
    for t in times:
        if t.precision != "day" or not t.value:
            continue
        k = bisect.bisect_right(tok_starts, t.start) - 2
        while k >= 0 and not any(ch.isalpha() for ch in toks[k].norm):
            k -= 1  # a comma may stand between the noun and its day
        if k >= 0 and (toks[k].norm in _STATEMENT or any(b in _STATEMENT for b in toks[k].bases)):
            out.append(t)
    return out


def _nisba_doer(doc: Doc, sv: SentenceView, c: Candidate, j: int) -> bool:
    """A party told as a nisba adjective of a definite attack noun did it: "الهجمات الصاروخية الحوثية", "الغارات الروسية"."""
    toks = doc.tokens
    # at most one plain adjective ("الصاروخية", "الجوية") may stand between the noun and the party
    for k in range(j, min(j + 2, sv.hi)):
        tok = toks[k]
        if not (tok.norm.startswith("ال") and tok.norm[-1] in "يه"):
            return False
        found = next((a for a in c.recipient if a.start == tok.start and a.end == tok.end and a.country), None)
        if found is None:
            found = next((a for a in doc.actors if a.start == tok.start and a.end == tok.end and a.country), None)
            if found is None:
                continue
        c.actor = [found]
        c.recipient = [a for a in c.recipient if a is not found]
        return True
    return False


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
    # the tokens a place starts in ("بدمشق" holds "دمشق"): an agreement named after a city is no act
    place_starts = frozenset(toks[k].start for k in (bisect.bisect_right(tok_starts, p.start) - 1 for p in places) if k >= 0)
    taken = sorted((a.start, a.end) for a in doc.actors if a.how != "capital")
    stated = _statement_days(doc, times, tok_starts)
    out: list[Candidate] = []
    parts_found: list[tuple[int, list[Actor]]] = []
    carried: Group | None = None
    for sv in views:
        if sv.hi <= sv.lo:
            continue
        cues = sentence_cues(doc, lex, sv)
        speech = [(m.i, m.j) for m in lex.find("speech", toks, sv.lo, sv.hi)]
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
                if m.value.event in _STRIKES:
                    hit = lex.find("struck", toks, m.j, min(m.j + 2, sv.hi))
                    c.struck = hit[0].i if hit else -1
            else:
                c.preposed = preposed_subject(doc, sv, m.i)
                c.relative_head = relative_head(doc, sv, m.i)
                if m.j < sv.hi and toks[m.j].norm in _REPORTS:  # "واتهم تقرير لمنظمة هيومن رايتس ووتش ..."
                    c.rel_agent = lam_doer(doc, sv, m.j + 1)
                c.first_person = any(b in lex.first_person for b in toks[m.i].bases)
                if m.i > sv.lo and toks[m.i - 1].norm in _SPEAKER_PRONOUN:
                    c.first_person = True  # "قالت المقاومة إنها قتلت 223 عنصرا": the pronoun is the speaker; the party after is the object
                c.obj_pronoun = m.enclitic in ("ه", "ها", "هم", "هما")
                c.plural_verb = not m.enclitic and toks[m.i].norm.endswith("وا") and not normalize_text(m.value.phrase).endswith("وا")
                c.uncoded_next = uncoded_next(doc, sv, m.j, c.obj_pronoun)
                if c.relative_head is None and not c.obj_pronoun and m.i > sv.lo and toks[m.i - 1].norm in _RELATIVE \
                        and not any(toks[k].norm in _RESUMPTIVE for k in range(m.j, min(m.j + 2, sv.hi))):
                    c.preposed = True  # "أم زبيدة التي اتهمت أجهزة الأمن": the uncoded head is the doer, the party after its object
                if m.value.event == "SUPPORT" and _backed_by(doc, sv, m):
                    continue
            if m.value.is_noun and (m.enclitic == "نا" or "poss1" in m.value.flags):
                c.first_person = True  # "دعوتنا": our call, the speaker's
            if m.value.event == "AGREE" and m.value.is_noun and m.j < sv.hi and (
                    toks[m.j].start in place_starts or toks[m.j].norm in _CONCLUDED):
                continue
            if m.value.is_noun and any(toks[k].norm in _PREVIOUS and not any(g.i <= k - 1 < g.j for g in sv.groups)
                                       for k in range(m.j, min(m.j + 2, sv.hi))):
                continue  # "مفاوضات الإنقاذ السابقة": earlier rounds, told as background
            if not m.value.is_noun and m.i - 2 >= sv.lo and toks[m.i - 1].norm in _WAS \
                    and not any(g.i <= m.i - 2 < g.j for g in sv.groups):
                c.preposed = True  # "تصدت القوات لصاروخ كان يستهدف المطار": the noun before "كان" is the subject
            if not m.value.is_noun and _DAMMA in doc.raw[toks[m.i].start + len(m.proclitics) : toks[m.i].start + len(m.proclitics) + 3]:
                c.preposed = True  # "اتُهمت روسيا بتدبيره": a vocalised passive names the one it fell on, not a doer
            if m.value.is_noun and m.value.event in _JOINED_TYPES:
                # "عملية مداهمات ... شارك فيها 5 آلاف شرطي": who took part in an operation did it, it fell on no one
                c.joined = frozenset(g.i for p in lex.find("participation", toks, m.j, min(m.j + 8, sv.hi))
                                     for g in sv.groups if p.j <= g.i <= p.j + 4)
            subj = arguments(sv, c, speaker, carried, starts, last_subj)
            nisba = m.value.is_noun and m.value.event == "ASSAULT" and c.definite and not c.actor \
                and _nisba_doer(doc, sv, c, m.j)
            last_subj = subj or last_subj
            suffer = _SUFFER if m.value.event == "PROTEST" else _SUFFER | _WITNESS
            if m.value.is_noun and any(b in suffer for k in range(max(sv.lo, m.i - 3), m.i) for b in toks[k].bases):
                # "تعرضت تركيا لانتقادات": Turkey is criticised, it criticises no one ("لقصف من الطائرات الروسية" names the doer)
                c.actor = [a for a in c.actor if a.start >= toks[m.j - 1].end]
            c.context = modality(doc, cues, sv, m.i, m.j, m.proclitics)
            if any(r[0].endswith("س") for k in range(max(sv.clause(m.i)[0], m.i - 3), m.i) for r in toks[k].readings[1:]):
                c.context.add("future")  # a future verb governs it: "ستجري الاجتماعات"
            own_times = times
            if m.value.event in VERBAL:
                # "أدان ... مقتل 22 طفلا في غارة جوية ... الخميس": a day told after the act condemned dates that act
                act = next((n for n in by_sent[sv.index] if n.i >= m.j and n.value.event not in VERBAL
                            and sv.clause(n.i) == sv.clause(m.i)), None)
                if act is not None:
                    cut = toks[act.i].start
                    own_times = [t for t in times if not cut <= t.start < toks[sv.hi - 1].end or t in stated]
            c.date, c.precision = event_date(doc, own_times, sv, prev, m.i)
            c.own_date = c.precision != "document" and event_date(doc, own_times, sv, None, m.i) == (c.date, c.precision)
            if m.value.event in VERBAL and c.precision == "document" and len({t.value for t in stated}) == 1:
                # "أدان مسؤول أممي ... الخميس" then "وأكد لووك، في بيان الجمعة": the one statement told dates the speech
                c.date, c.precision = stated[0].value.split("/")[0], "day"
            c.place = event_place(doc, places, taken, sv, m.i, tok_starts, m.value.event in _PLACED_BY_SPEAKER)
            if nisba and not c.recipient and c.place is not None and c.place.country \
                    and c.place.country not in {a.country for a in c.actor}:
                # "الهجمات الصاروخية الحوثية التي استهدفت مدنا في السعودية": a foreign party struck that state
                c.recipient = [Actor(c.place.start, c.place.end, c.place.country, "GOV", how="struck")]
            if m.value.event == "ASSAULT" and not m.value.is_noun and toks[m.j - 1].norm in _TERROR:
                # "فجر انتحاري نفسه أمام مقر الاستخبارات": the bomber is the subject; a party after him is struck
                c.recipient = c.recipient or [a for a in c.actor if a.start > toks[m.j - 1].start]
                c.actor = []
            if m.value.event == "ASSAULT" and not c.actor and not c.passive_noun and (
                    toks[m.j - 1].norm in _TERROR if not m.value.is_noun else m.j < sv.hi and toks[m.j].norm in _TERROR):
                # "التفجير الإرهابي الذي استهدف مسجدا", "فجر انتحاري حزامه": unnamed attackers are a party,
                # of the country they struck
                cc = c.place.country if c.place is not None and c.place.country else next(
                    (a.country for a in c.recipient if a.country), "")
                k = m.j if m.value.is_noun else m.j - 1
                if cc:
                    c.actor = [Actor(toks[k].start, toks[k].end, cc, "UAF", how="unnamed")]
                    if not m.value.is_noun and not c.recipient:
                        # "فجر انتحاري حزامه في مسجد وقتل 26 من المصلين": those his blast killed are its victims
                        c.recipient = [replace(a, country=a.country or cc) for g in sv.groups if g.i >= m.j
                                       and g.marker != "place" for a in g.actors if a.how == VICTIM][:1]
            if c.place is None and m.value.event not in _PLACED_BY_SPEAKER:
                # "مذكرات توقيف أصدرتها نيابة اسطنبول": a local office acts in its own city
                c.place = next((p for a in c.actor for p in places
                                if a.start <= p.start and p.end <= a.end and p.resolution != "country"
                                and not p.is_nationality), None)
            if "visit" in m.value.flags and c.actor and not c.recipient and c.place is not None and c.place.country \
                    and c.place.country not in {a.country for a in c.actor}:
                # "بدأ أوباما زيارة إلى كينيا": the visited country's government is the host
                c.recipient = [Actor(c.place.start, c.place.end, c.place.country, "GOV", how="visited")]
            if not c.actor and m.value.event in _BOTH_TYPES:
                near = lex.find("both_parties", toks, max(sv.clause(m.i)[0], m.i - 2), min(m.j + 2, sv.hi))
                c.both = bool(near)
            fill_victims(c)
            c.attribution = attr
            found.append(c)
        _embedded(found, out)
        if not found or not any(c.actor for c in found):
            parts = lex.find("participation", toks, sv.lo, sv.hi)
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


def _event(doc: Doc, c: Candidate, ref: str | None) -> Event:
    """The frozen Event of a finished candidate."""
    mode = resolve_mode(c)
    ctx = set(c.context) | set(c.trig.contexts)
    if c.own_date and later(c.date, c.precision, doc.doc_date):
        ctx.add("future")
    if historical(c.date, c.precision, ref):
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


def _headline_place(doc: Doc, coded: list[Candidate]) -> None:
    """Place an unplaced act at the headline's place of its doer's country ("الكويت تعلن تفكيك خلية")."""
    if doc.title_span is None:
        return
    a, b = doc.title_span
    heads = [p for p in doc.places if a <= p.start < b and not p.is_nationality and p.country]
    for c in coded:
        own = {x.country for x in c.actor}
        # only an act among its doer's own people or groups with no state: a strike abroad happens abroad
        # a meeting's place decides who visited whom: a headline's "بين تونس وإيران" names no venue
        if c.place is None and c.trig.event not in _PLACED_BY_SPEAKER and c.trig.event != "CONSULT" \
                and {x.country for x in c.recipient} <= own | _STATELESS:
            c.place = next((p for p in heads if p.country in own), None)


def run(doc: Doc) -> Doc:
    """Add the events layer: one Event per real-world action the article reports."""
    is_sport, sport_sents = sports(doc)
    if is_sport:
        doc.events = ()
        return doc
    found, parts = _candidates(doc)
    found = [c for c in found if c.sent not in sport_sents and sense_ok(doc, c) and not place_genitive(doc, c)]
    for c in found:
        accused_genitive(doc, c)
    for c in found:
        drop_self(c)
        state_protest(c)
    found = [c for c in found if not reporter_only(c)]
    found = [c for c in found if not idle_visit(c) or c.definite]  # "الزيارة" may still point back to a visit told
    cands = join_anaphora(found)
    for sent, actors in parts:
        join_participants(cands, sent, actors)
    coded = fold_partial(dedupe([c for c in cands if any(a.country for a in c.actor) and political(c)]))
    _headline_place(doc, coded)
    ref = reference_date(doc)
    events = (_event(doc, c, ref) for c in sorted(coded, key=lambda c: (c.sent, c.i)))
    doc.events = tuple(e for e in events if confident(doc, e))
    return doc
