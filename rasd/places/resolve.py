"""Find place mentions over the tokens and resolve each to one gazetteer entry."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from rasd.doc import Doc
from rasd.places.gazetteer import ADMIN_WORDS, Gazetteer, Names
from rasd.text.match import words

_ADMIN_CUES = frozenset(words(w)[0] for w in ADMIN_WORDS if w != "مدينة")
_TOWN_CUES = frozenset(words(w)[0] for w in ("مدينة", "بلدة", "قرية", "العاصمة"))


@dataclass(slots=True)
class Mention:
    """Tokens ``[i, j)`` naming a place ("place"), a nationality ("nat") or "the capital" ("capital")."""

    i: int
    j: int
    pro: str
    kind: str
    names: Names | None = None
    iso3: str | None = None
    phrase: str = ""
    cue: str = ""  # the word before: a locative or a kind of place ("محافظة")
    locative: bool = False
    entity: bool = False
    person: bool = False


def _phrase(doc: Doc, i: int, j: int, pro: str, enc: str) -> str:
    """The normalised name a match stands for, clitics removed."""
    first = doc.tokens[i].norm[len(pro) : len(doc.tokens[i].norm) - len(enc) or None]
    return " ".join([first] + [t.norm for t in doc.tokens[i + 1 : j]])


def _prev(doc: Doc, i: int) -> str:
    """The normalised word before token ``i`` in the same sentence, or ""."""
    toks = doc.tokens
    return toks[i - 1].norm if i > 0 and toks[i - 1].sent == toks[i].sent else ""


def _next(doc: Doc, j: int) -> str:
    """The normalised word at token ``j`` if it is in the same sentence as token ``j - 1``, or ""."""
    toks = doc.tokens
    return toks[j].norm if j < len(toks) and toks[j].sent == toks[j - 1].sent else ""


def _is_capital_word(g: Gazetteer, doc: Doc, i: int) -> str | None:
    """The proclitics of token ``i`` when it is "العاصمة" (بالعاصمة، والعاصمة...), else None."""
    for pro, base, enc in doc.tokens[i].readings or (("", doc.tokens[i].norm, ""),):
        if not enc and base in g.cues["capital"]:
            return pro
    return None


def _is_nat(g: Gazetteer, doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a nationality adjective on its own."""
    m = g.nationalities.match_at(doc.tokens, i)
    return m is not None and m.j == i + 1


def find_mentions(doc: Doc, g: Gazetteer) -> list[Mention]:
    """Place, nationality and capital mentions, left to right, not overlapping."""
    toks = doc.tokens
    ents = bytearray(len(doc.raw) + 1)  # 1 under the tagger's LOC/GPE spans: an overlap test per mention in its own length
    for e in doc.entities:
        if e.type in ("LOC", "GPE"):
            ents[e.start : e.end] = b"\x01" * (e.end - e.start)
    pers = [(e.start, e.end) for e in doc.entities if e.type == "PER"]
    out: list[Mention] = []
    i, n = 0, len(toks)
    while i < n:
        cap_pro = _is_capital_word(g, doc, i)
        if cap_pro is not None:
            nm = g.nationalities.match_at(toks, i + 1) if i + 1 < n and toks[i + 1].sent == toks[i].sent else None
            pm = g.names.match_at(toks, i + 1) if i + 1 < n and toks[i + 1].sent == toks[i].sent else None
            if nm is not None and (pm is None or nm.j >= pm.j):
                out.append(Mention(i, nm.j, cap_pro, "capital", iso3=nm.value, locative=True))
                i = nm.j
            elif pm is None:
                out.append(Mention(i, i + 1, cap_pro, "capital", locative=True))
                i += 1
            else:
                i += 1  # "العاصمة دمشق": the name itself is the mention
            continue
        pm = g.names.match_at(toks, i)
        nm = g.nationalities.match_at(toks, i)
        # a place name takes no pronoun suffix: "قناة" read as "قنا" + "ه" is not Qena
        pm = None if pm is not None and pm.enclitic else pm
        nm = None if nm is not None and nm.enclitic else nm
        if pm is None and nm is None:
            i += 1
            continue
        prev, nxt = _prev(doc, i), _next(doc, (pm or nm).j)  # type: ignore[union-attr]
        # "الملك سلمان", "محمد بن سلمان", "الروسي فلاديمير": a name in a person's slot
        person = (prev in g.cues["person_before"] or nxt in g.cues["person_after"]
                  or (i > 0 and toks[i - 1].sent == toks[i].sent and _is_nat(g, doc, i - 1)
                      and _prev(doc, i - 1) not in g.cues["capital"] | g.cues["kind"] | g.cues["locative"]))
        prev_definite = i > 0 and toks[i - 1].sent == toks[i].sent and any(
            b.startswith("ال") for b in toks[i - 1].bases)
        use_nat = nm is not None and (pm is None or nm.j > pm.j or (
            nm.j == pm.j and prev_definite and prev not in g.cues["locative"]
            and (i == 0 or g.names.match_at(toks, i - 1) is None)))  # "القوات السعودية", not "العراق وسورية"
        if use_nat:
            assert nm is not None
            # "الأمير تركي" is a man, "الرئيس الروسي" is Russian
            if not person or toks[i].norm.startswith("ال"):
                out.append(Mention(i, nm.j, nm.proclitics, "nat", iso3=nm.value))
            i = nm.j
            continue
        assert pm is not None
        base_len = len(toks[i].norm) - len(pm.proclitics) - len(pm.enclitic)
        if pm.proclitics and pm.j == i + 1 and (base_len < 3 or base_len < 4 and g.weak.get(_phrase(
                doc, i, pm.j, pm.proclitics, pm.enclitic)) in ("word", "alternate")):
            i += 1  # "فإن" is not ف + "ان": a short word left by stripping clitics is rarely a name
            continue
        rs, re_ = toks[i].start, toks[pm.j - 1].end
        phrase = _phrase(doc, i, pm.j, pm.proclitics, pm.enclitic)
        # the tagger's PER vetoes only names that are also people's or common words ("سلمان"),
        # not an unambiguous place name it mistook ("نور سلطان")
        tagged_person = phrase in g.weak and any(s <= rs and re_ <= e for s, e in pers)
        m = Mention(i, pm.j, pm.proclitics, "place", names=pm.value,
                    phrase=phrase, cue=prev,
                    locative=prev in g.cues["locative"] or pm.proclitics in g.cues["locative_proclitic"]
                    or prev in g.cues["capital"],
                    entity=1 in ents[rs:re_],
                    person=person or tagged_person)
        out.append(m)
        i = pm.j
    return out


def _accept(g: Gazetteer, m: Mention, ctx: Counter[str]) -> bool:
    """Whether a place mention has enough evidence to be kept."""
    if m.person and not m.locative:
        return False
    why = g.weak.get(m.phrase)
    if why is None:
        return True
    # a proclitic "ب" is locative enough for a name, not for a common word ("بيان" is not ب + يان)
    if m.entity or (m.locative and why in ("common", "person")) or m.cue in g.cues["kind"]:
        return True
    if why == "word":  # "في بيان" is "in a statement": only "مدينة بيان" or an entity tag makes it a place
        return False
    if m.cue in g.cues["locative"]:
        return True
    if why in ("person", "alternate"):
        return False
    assert m.names is not None
    return why in ("common", "alternate") and any(ctx[g.entries[k].country] >= 1 for k in m.names.entries)


def _score(g: Gazetteer, m: Mention, k: int, stripped: bool, ctx: Counter[str], outlet: str | None,
           capitals: frozenset[str], city_countries: set[str]) -> float:
    """How likely entry ``k`` is the place a mention names, given the article's context."""
    e = g.entries[k]
    s = 0.5 * math.log10(e.population + 10) + 1.5 * min(ctx[e.country], 4.0)
    s += 1.0 if e.country == outlet else 0.0
    s += 4.0 if e.resolution == "country" else 0.0
    s += 1.5 if e.key in capitals else 0.0
    if e.resolution in ("admin1", "admin2"):
        if m.cue in _ADMIN_CUES:
            s += 3.0
        elif stripped or e.country in city_countries:
            s -= 3.0  # a bare name is the town before the region it names
    if m.cue in _TOWN_CUES and e.resolution in ("city", "locality"):
        s += 2.0
    return s


def resolve(doc: Doc, g: Gazetteer, mentions: list[Mention], outlet: str | None) -> list[tuple[Mention, int]]:
    """Each kept mention with the index of the entry it resolves to."""
    ctx: Counter[str] = Counter()
    for m in mentions:
        if m.kind == "nat" and m.iso3:
            ctx[m.iso3] += 0.5
        elif m.kind == "place" and m.names is not None and g.weak.get(m.phrase) is None and not m.person:
            countries = {g.entries[k].country for k in m.names.entries}
            if len(countries) == 1:
                ctx[countries.pop()] += 1.0
    capitals = g.capitals
    out: list[tuple[Mention, int]] = []
    for m in mentions:
        if m.kind == "nat":
            k = g.by_key.get(f"country:{m.iso3}")
            if k is not None:
                out.append((m, k))
            continue
        if m.kind == "capital":
            iso3 = m.iso3 or (ctx.most_common(1)[0][0] if ctx else outlet)
            k = g.capital(iso3) if iso3 else None
            if k is not None:
                out.append((m, k))
            continue
        assert m.names is not None
        if not _accept(g, m, ctx):
            continue
        city_countries = {g.entries[k].country for k in m.names.entries if g.entries[k].resolution == "city"}
        best = max(zip(m.names.entries, m.names.stripped),
                   key=lambda ks: _score(g, m, ks[0], ks[1], ctx, outlet, capitals, city_countries))
        out.append((m, best[0]))
    return out
