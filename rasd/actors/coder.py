"""Code actor mentions: KB names, role phrases with a nationality, capitals, short references.

Works over the token layer alone and uses ``doc.entities`` (PER spans) when
they are there. One pass finds atoms (KB names, role nouns, countries,
capitals, adjectives, fuzzy-matched names); a second pass, sentence by
sentence, adds short references to people named before and composes role
phrases with the names they stand beside, as PETRARCH's agents do.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from rasd.actors.kb import Entry, Role
from rasd.actors.lexicon import Lexicon, Value
from rasd.doc import Actor, Doc, Token
from rasd.text.normalize import normalize_text


def _norms(*ws: str) -> frozenset[str]:
    return frozenset(normalize_text(w) for w in ws)


# After these a country or capital is a place, not an actor ("في دمشق", "شمال سوريا").
PLACE_BEFORE = _norms("في", "إلى", "نحو", "داخل", "عبر", "شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي",
                      "أنحاء", "مدينة", "حول", "بشأن", "العاصمة", "محافظة", "حدود", "أراضي", "الأراضي", "ريف", "سفارة", "قنصلية")
# ...unless a noun of opinion stands before "في": "دعوات في واشنطن" is Washington speaking.
VOICE_BEFORE_FI = _norms("دعوات", "أصوات", "مخاوف", "قلق", "ترحيب", "غضب", "استياء", "ارتياح", "مسؤولون",
                         "مسؤولين", "تحذيرات", "انتقادات", "مطالبات")
# In a role phrase a country after these is where the role points, not whose it is ("مبعوث ... إلى سوريا").
DEST = _norms("إلى", "لدى", "في", "نحو", "حول", "عن", "ضد", "مع", "من", "بشأن", "لشؤون", "لشؤون")
# Words a role phrase may run over without ending.
FILLER = _norms("الخاص", "الخاصة", "العام", "العامة", "الأعلى", "السابق", "الأسبق", "الجديد", "المكلف", "المساعد",
                "الأول", "الدائم", "الحالي", "الراحل", "باسم", "بقيادة", "تقوده", "يقوده", "الذي", "التي", "بزعامة",
                "المشترك", "المشتركة", "الرسمي", "الرسمية", "السابقة", "المستقيل", "الأمني", "للشؤون", "الخارجية")
_FI = normalize_text("في")
OPEN_QUOTES = "“«\"„'"
CLOSE_QUOTES = "”»\"'"
GREAT_POWERS = frozenset({"USA", "RUS", "GBR", "FRA", "CHN", "DEU"})


@dataclass(slots=True)
class Atom:
    """Tokens ``[i, j)`` standing for one value; ``pro`` is the first token's proclitics."""

    i: int
    j: int
    kind: str  # PER ORG GPE CAP ADJ ROLE NAME COREF
    value: Value | None = None
    pro: str = ""
    how: str = "kb"
    ref: Actor | None = None  # the antecedent of a COREF atom


@dataclass(slots=True)
class _Group:
    country: str | None = None
    cfrom: str = ""  # role, adj, gpe, org, person
    sector: str | None = None
    name: Atom | None = None
    end: int = 0
    parts: list[Atom] = field(default_factory=list)


def _conj(pro: str) -> str:
    """The proclitics before the article: "وال" -> "و"."""
    return pro[:-2] if pro.endswith("ال") else pro


class Coder:
    """Codes the actors of one document against one compiled lexicon."""

    def __init__(self, lex: Lexicon, doc: Doc, date: str | None) -> None:
        self.lex, self.doc, self.date = lex, doc, date
        self.toks: tuple[Token, ...] = doc.tokens
        self.starts = [t.start for t in self.toks]
        self.coref: dict[str, Actor] = {}
        self.home: str | None = None

    # ---- atoms
    def _prev_norm(self, i: int, k: int = 1) -> str:
        t = i - k
        return self.toks[t].norm if t >= 0 and self.toks[t].sent == self.toks[i].sent else ""

    def _cue_ok(self, entry: Entry, i: int) -> bool:
        cue = self.lex.cues.get(entry.id)
        if not cue:
            return True
        t = i - 1
        return t >= 0 and bool(cue.intersection(self.toks[t].bases))

    def _resolve(self, values: tuple[Value, ...], pro: str, i: int) -> Value | None:
        """Choose one value for a matched phrase from its context."""
        ok = [v for v in values if v.kind not in ("PER", "ORG") or self._cue_ok(v.ref, i)]
        if not ok:
            return None
        if pro.endswith("ال"):
            adj = [v for v in ok if v.kind == "ADJ"]
            if adj:
                return adj[0]
        order = {"PER": 0, "ORG": 1, "ROLE": 2, "GPE": 3, "CAP": 4, "ADJ": 5}
        return min(ok, key=lambda v: order[v.kind])

    def _fuzzy(self, i: int, end: int) -> Atom | None:
        """A name written differently from the KB's (لافرينييف for لافرنتييف), for person names only."""
        if not any(b in self.lex.first_names for b in self.toks[i].bases[:1]):
            return None
        for n in (3, 2):
            if i + n > end:
                continue
            cand = " ".join(t.norm for t in self.toks[i : i + n])
            names = [p for p in self.lex.people if p[0].count(" ") == n - 1]
            hit = process.extractOne(cand, [p[0] for p in names], scorer=fuzz.ratio, score_cutoff=88)
            if hit is not None:
                return Atom(i, i + n, "PER", Value("PER", names[hit[2]][1]), "", "fuzzy")
        return None

    def atoms(self, s0: int, s1: int, ents: dict[int, tuple[int, str]]) -> list[Atom]:
        """The atoms of tokens ``[s0, s1)`` (one sentence)."""
        out: list[Atom] = []
        i = s0
        while i < s1:
            m = self.lex.table.match_at(self.toks, i, s1)
            ent = ents.get(i)
            if m is not None:
                v = self._resolve(m.value, m.proclitics, i)
                if v is not None and v.ref is not None and getattr(v.ref, "sector", "") == "X":
                    i = m.j  # a stop phrase ("النظام الدولي") hides its words
                    continue
                if v is not None:
                    out.append(Atom(i, m.j, v.kind, v, m.proclitics))
                    i = m.j
                    continue
            if ent is not None and ent[1] == "PER":
                a = self._fuzzy(i, ent[0]) or Atom(i, ent[0], "NAME", None, "", "entity")
                out.append(a)
                i = a.j
                continue
            a = self._fuzzy(i, s1)
            if a is not None:
                out.append(a)
                i = a.j
                continue
            i += 1
        return out

    # ---- context
    def set_home(self, sents: list[list[Atom]], titles: list[bool]) -> None:
        """The article's main country: where unqualified "الجيش", "المعارضة" belong."""
        c: Counter[str] = Counter()
        for atoms, is_title in zip(sents, titles):
            for a in atoms:
                iso = None
                if a.kind in ("GPE", "CAP", "ADJ"):
                    iso = a.value.ref
                elif a.kind == "PER":
                    r = a.value.ref.role_on(self.date)
                    iso = r.country if r else None
                if iso and len(iso) == 3 and iso not in ("UNO", "EUR", "IGO", "NGO", "IMG"):
                    c[iso] += (2 if is_title else 1) * (0.5 if iso in GREAT_POWERS else 1)
        self.home = c.most_common(1)[0][0] if c else None

    # ---- actors
    def _span(self, i: int, j: int, pro: str) -> tuple[int, int]:
        """Raw offsets of tokens [i, j), without a leading conjunction/preposition, with a closing quote."""
        start, end = self.toks[i].start, self.toks[j - 1].end
        strip = _conj(pro)
        if strip and self.doc.norm is not None:
            n0 = int(self.doc.norm.from_raw[start]) + len(strip)
            if n0 < len(self.doc.norm.to_raw):
                start = int(self.doc.norm.to_raw[n0])
        if end < len(self.doc.raw) and self.doc.raw[end] in CLOSE_QUOTES and any(
                ch in OPEN_QUOTES for ch in self.doc.raw[start:end]):
            end += 1  # the name's opening quote is inside the span: keep the pair
        return start, end

    def _quoted_before(self, t: int) -> bool:
        """Whether an opening quote stands between the previous token and token ``t`` (or token t-1...)."""
        lo = self.toks[t - 1].end if t > 0 else 0
        for k in range(t, max(t - 5, -1), -1):
            lo = self.toks[k - 1].end if k > 0 else 0
            if any(ch in OPEN_QUOTES for ch in self.doc.raw[lo : self.toks[k].start]):
                return True
        return False

    def _quoted_name(self, e: int, s1: int, taken: set[int]) -> Atom | None:
        """A quoted run of 1-4 unclaimed tokens starting at token ``e``: a name in apposition."""
        if e >= s1:
            return None
        gap = self.doc.raw[self.toks[e - 1].end : self.toks[e].start]
        if not any(ch in OPEN_QUOTES for ch in gap):
            return None
        for k in range(e, min(e + 4, s1)):
            if k in taken:
                return None
            after = self.doc.raw[self.toks[k].end : self.toks[k].end + 1]
            if after and after in CLOSE_QUOTES:
                return Atom(e, k + 1, "NAME", None, "", "role")
        return None

    def _entry_actor(self, a: Atom, entry: Entry, span: tuple[int, int], how: str) -> Actor | None:
        role = entry.role_on(self.date)
        if role is None:
            return None
        others = tuple(r.sector for r in entry.roles if r.country == role.country and r.sector != role.sector
                       and r.valid_on(self.date or role.start))
        return Actor(span[0], span[1], role.country, role.sector, entry.id, entry.name_en,
                     entry.names_ar[0], others, entry.type, how)

    def _group(self, atoms: list[Atom], k: int, s1: int, taken: set[int]) -> tuple[int, Actor | None]:
        """Compose a role phrase starting at ``atoms[k]`` with what follows it; returns the next index."""
        head = atoms[k]
        rn = head.value.ref
        g = _Group(rn.country, "role" if rn.country else "", None if rn.kind == "head" else rn.sector, None, head.j, [head])
        dest = False
        m = k + 1
        while m < len(atoms):
            b = atoms[m]
            gap = [self.toks[t].norm for t in range(g.end, b.i)]
            if len(gap) > 3 or any(w not in FILLER and w not in DEST for w in gap):
                break
            conj = _conj(b.pro)
            if "و" in conj:
                break  # "وزير ... والأمريكي": a new phrase begins
            if any(w in DEST for w in gap) or "ب" in conj:
                dest = True
            if b.kind in ("PER", "NAME", "COREF"):
                last = self.toks[g.end - 1]
                indefinite = not last.norm.startswith("ال") and not gap and "ل" not in conj
                if indefinite and b.kind != "NAME" and len(g.parts) == 1:
                    # idafa: "مبعوث بوتين" is Putin's envoy, not Putin
                    c = self._atom_code(b)
                    if c and g.cfrom in ("", "role"):
                        g.country, g.cfrom = c[0], "person"
                    g.parts.append(b)
                    g.end = b.j
                    m += 1
                    continue
                if dest and b.kind != "NAME" and not self._quoted_before(b.i):
                    break
                g.name, g.end = b, b.j
                m += 1
                break
            if b.kind not in ("ADJ", "GPE", "CAP", "ORG", "ROLE"):
                break
            if not dest:
                c = self._atom_code(b)
                if c and g.cfrom in ("", "role"):
                    g.country, g.cfrom = c[0], {"ADJ": "adj", "ROLE": "role"}.get(b.kind, "gpe")
                if g.sector is None and b.kind in ("ROLE", "ORG") and c:
                    g.sector = c[1]
            g.parts.append(b)
            g.end = b.j
            m += 1
        if g.name is None:
            q = self._quoted_name(g.end, s1, taken)
            if q is not None and (dest or g.cfrom or rn.kind in ("person", "head")):
                g.name, g.end = q, q.j
        return m, self._group_actor(head, g)

    def _atom_code(self, a: Atom) -> tuple[str, str] | None:
        """The (country, sector) an atom stands for on the document's date."""
        if a.kind in ("PER", "ORG"):
            r: Role | None = a.value.ref.role_on(self.date)
            return (r.country, r.sector) if r else None
        if a.kind in ("GPE", "CAP", "ADJ"):
            return a.value.ref, "GOV"
        if a.kind == "ROLE":
            rn = a.value.ref
            return (rn.country, rn.sector) if rn.country else None
        if a.kind == "COREF" and a.ref is not None:
            return a.ref.country, a.ref.sector_code
        return None

    def _group_actor(self, head: Atom, g: _Group) -> Actor | None:
        rn = head.value.ref
        sector = g.sector or rn.sector
        span = self._span(head.i, g.end, head.pro)
        name = g.name
        if name is None and len(g.parts) == 1 and rn.kind == "head":
            return None  # a bare "مسؤول" or "قائد" says nothing of whose
        if name is not None and name.kind == "PER" and rn.kind not in ("body", "group"):
            act = self._entry_actor(name, name.value.ref, span, name.how if name.how == "fuzzy" else "kb")
            if act is not None:
                return act
        if name is not None and name.kind == "COREF" and name.ref is not None and rn.kind not in ("body", "group"):
            r = name.ref
            return Actor(span[0], span[1], r.country, r.sector_code, r.actor_id, r.entity_name, r.entity_name_ar,
                         r.other_sector_codes, "PER", "coref")
        country = g.country
        if name is not None and name.kind in ("PER", "COREF") and g.cfrom in ("", "role"):
            c = self._atom_code(name)
            country = c[0] if c else country
        if country is None:
            if rn.kind == "needs":
                return None
            country = self.home
        if country is None:
            return None
        how = {"adj": "nationality", "person": "role"}.get(g.cfrom, "role")
        etype = "PER" if (name is not None or rn.kind in ("person", "head")) else "ORG"
        return Actor(span[0], span[1], country, sector, None, None, None, (), etype, how)

    def _placed(self, a: Atom) -> bool:
        """Whether a country or capital stands as a place here ("في دمشق", "بدمشق")."""
        conj = _conj(a.pro)
        if "ب" in conj or "ك" in conj:
            return True
        t = a.i - 1
        if t < 0 or self.toks[t].sent != self.toks[a.i].sent:
            return False
        prev = set(self.toks[t].bases)
        if _FI in prev and self._prev_norm(a.i, 2) in VOICE_BEFORE_FI:
            return False
        return bool(prev & PLACE_BEFORE)

    def sentence(self, atoms: list[Atom], s1: int) -> list[Actor]:
        """The actors of one sentence."""
        out: list[Actor] = []
        taken = {t for a in atoms for t in range(a.i, a.j)}
        k = 0
        while k < len(atoms):
            a = atoms[k]
            k += 1
            if a.kind == "ROLE":
                k, act = self._group(atoms, k - 1, s1, taken)
            elif a.kind in ("PER", "ORG"):
                act = self._entry_actor(a, a.value.ref, self._span(a.i, a.j, a.pro), a.how)
            elif a.kind == "COREF" and a.ref is not None:
                r = a.ref
                s = self._span(a.i, a.j, a.pro)
                act = Actor(s[0], s[1], r.country, r.sector_code, r.actor_id, r.entity_name, r.entity_name_ar,
                            r.other_sector_codes, "PER", "coref")
            elif a.kind in ("GPE", "CAP") and not self._placed(a):
                s = self._span(a.i, a.j, a.pro)
                act = Actor(s[0], s[1], a.value.ref, "GOV", None, None, None, (), "GPE",
                            "capital" if a.kind == "CAP" else "country")
            else:
                act = None
            if act is not None:
                out.append(act)
                self._remember(act)
        return out

    def _remember(self, act: Actor) -> None:
        """Let later short references ("الأسد", "لافرنتييف") find this person."""
        if act.entity_type != "PER":
            return
        if act.actor_id is not None:
            names = [n for e in self.lex.by_id.get(act.actor_id, ()) for n in e.names_ar]
        else:
            names = [self.doc.raw[act.start : act.end]]
        for n in names:
            ws = normalize_text(n).replace("”", " ").replace("“", " ").split()
            if len(ws) > 1 and len(ws[-1]) > 2:
                self.coref.setdefault(ws[-1], act)

    def add_coref(self, atoms: list[Atom], s0: int, s1: int) -> list[Atom]:
        """Insert short references to people named earlier among a sentence's atoms."""
        if not self.coref:
            return atoms
        taken = {t for a in atoms for t in range(a.i, a.j)}
        extra = []
        for t in range(s0, s1):
            if t in taken:
                continue
            for pro, base, enc in self.toks[t].readings or (("", self.toks[t].norm, ""),):
                ref = self.coref.get(base)
                if ref is not None and not enc:
                    extra.append(Atom(t, t + 1, "COREF", None, pro, "coref", ref))
                    break
        return sorted(atoms + extra, key=lambda a: a.i) if extra else atoms

    def run(self) -> tuple[Actor, ...]:
        """Code the whole document."""
        doc, toks = self.doc, self.toks
        bps = sorted((b.start, b.end) for b in doc.boilerplate)
        ents: dict[int, tuple[int, str]] = {}
        for e in doc.entities:
            i = bisect.bisect_left(self.starts, e.start)
            j = bisect.bisect_left(self.starts, e.end)
            if i < j:
                ents[i] = (j, e.type)
        bounds: list[tuple[int, int]] = []
        i = 0
        while i < len(toks):
            j = i
            while j < len(toks) and toks[j].sent == toks[i].sent:
                j += 1
            bounds.append((i, j))
            i = j
        keep = [(s0, s1) for s0, s1 in bounds if not any(a <= toks[s0].start < b for a, b in bps)]
        sents = [self.atoms(s0, s1, ents) for s0, s1 in keep]
        titles = [doc.sentences[toks[s0].sent].is_title if doc.sentences else False for s0, _ in keep]
        self.set_home(sents, titles)
        out: list[Actor] = []
        for (s0, s1), atoms in zip(keep, sents):
            out.extend(self.sentence(self.add_coref(atoms, s0, s1), s1))
        out.sort(key=lambda a: (a.start, a.end))
        return tuple(out)
