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

from rapidfuzz import fuzz, process

from rasd.actors.atoms import Atom, Group, conj
from rasd.actors.context import person_name_words, place_country, strong_place_end
from rasd.actors.kb import Entry, Role, RoleNoun
from rasd.actors.lexicon import Lexicon, Value
from rasd.actors.names import NameFinder, name_words
from rasd.actors.readings import CUES, FI, STATE_SECTORS, Readings
from rasd.doc import Actor, Doc
from rasd.text.normalize import normalize_text



_OPENERS: dict[int, tuple[Lexicon, frozenset[str], dict[str, bool]]] = {}
_MAX_MEMO = 500_000  # words remembered as openers or not, per lexicon


def _openers(lex: Lexicon) -> tuple[frozenset[str], dict[str, bool]]:
    """Words that may start an atom (a lexicon phrase, a KB person's name, a given name or a name particle),
    and a memo of which written words can (their clitic readings looked at once per word)."""
    hit = _OPENERS.get(id(lex))
    if hit is None or hit[0] is not lex:
        words = name_words()
        hit = _OPENERS[id(lex)] = (lex, lex.firsts | lex.first_names | words.first | words.particles, {})
    if len(hit[2]) > _MAX_MEMO:
        hit[2].clear()
    return hit[1], hit[2]


class Coder(Readings):
    """Codes the actors of one document against one compiled lexicon."""

    def __init__(self, lex: Lexicon, doc: Doc, date: str | None, lower_bound: bool = False) -> None:
        super().__init__(doc)
        self.lex, self.date = lex, date
        self.lower_bound = lower_bound and date is not None  # the date is an undated article's latest stated one
        self.starts = [t.start for t in self.toks]
        self.coref: dict[str, Actor] = {}
        self.home: str | None = None
        self.names = NameFinder(doc.raw, self.toks, lex.table)
        self.openers, self._opens = _openers(lex)
        self.titles = name_words().titles
        self._atoms: list[Atom] = []  # the sentence being coded
        self._city_memo: tuple[tuple[int, int], list[tuple[int, str]]] | None = None
        self._name: Atom | None = None  # the unknown name in the role phrase just coded
        self._bounds = (0, 0)  # the tokens of the sentence being coded
        self._member: bool | None = None  # whether that sentence says membership of a group (once computed)
        self.particles = name_words().particles
        self.given = name_words().first
        self.person_words = person_name_words()
        self.sports = False  # a sports story: its people are players, its countries teams
        self.gap_ok = CUES.filler | CUES.dest | CUES.state | self.titles
        self.orgs: Counter[str] = Counter()  # KB organisations named in the article, by id
        self.office: dict[str, Role] = {}  # undated article: people its office phrases say are in office

    def _role(self, entry: Entry) -> Role | None:
        """The role an entry holds in this article."""
        office = self.office.get(entry.id)
        if office is not None:
            return office
        if self.lower_bound:
            assert self.date is not None
            return entry.role_from(self.date)
        return entry.role_on(self.date)

    # ---- atoms
    def _cue_ok(self, entry: Entry, i: int) -> bool:
        cue = self.lex.cues.get(entry.id)
        if not cue:
            return True
        if cue.intersection(self.toks[i].bases):
            return True  # the cue is part of the name matched ("قناة العربية")
        t = i - 1
        return t >= 0 and bool(cue.intersection(self.toks[t].bases))

    def _resolve(self, values: tuple[Value, ...], pro: str, i: int) -> Value | None:
        """Choose one value for a matched phrase from its context."""
        ok = [v for v in values if v.kind not in ("PER", "ORG") or self._cue_ok(v.ref, i)]
        if pro.endswith("ال"):
            ok = [v for v in ok if v.kind != "PER"]  # a name takes no article: "الرئيسي" is "main", not Raisi
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
        first = self.toks[i].bases[0] if self.toks[i].readings else self.toks[i].norm
        if first not in self.lex.first_names or self.doc.raw[self.toks[i].end - 1] in "ىی":
            return None  # "على المريض" is no "علي ..." ("على" is normalised like "علي")
        for n in (3, 2):
            names = self.lex.people.get((first, n)) if i + n <= end else None
            if not names:
                continue  # only names that share the first word are candidates
            cand = " ".join([first] + [t.norm for t in self.toks[i + 1 : i + n]])
            hit = process.extractOne(cand, [p[0] for p in names], scorer=fuzz.ratio, score_cutoff=88)
            if hit is not None:
                return Atom(i, i + n, "PER", Value("PER", names[hit[2]][1]), "", "fuzzy")
        return None

    def atoms(self, s0: int, s1: int, ents: dict[int, tuple[int, str]]) -> list[Atom]:
        """The atoms of tokens ``[s0, s1)`` (one sentence)."""
        out: list[Atom] = []
        i = s0
        while i < s1:
            tok = self.toks[i]
            ent = ents.get(i)
            opens = self._opens.get(tok.norm)
            if opens is None:
                opens = self._opens[tok.norm] = tok.norm in self.openers or any(b in self.openers for _, b, _ in tok.readings)
            if ent is None and not opens:
                i += 1  # most words start nothing the lexicon or the name finder knows: one dict look-up each
                continue
            m = self.lex.table.match_at(self.toks, i, s1)
            if m is not None and m.enclitic == "ه" and self.doc.raw[self.toks[m.j - 1].end - 1] == "ة":
                m = None  # "محافظة" normalises like "محافظه" (his governor): the raw ta marbuta says which
            if m is not None and m.j - i > 1 and self.toks[i].norm in self.titles:
                longer = self.lex.table.match_at(self.toks, i + 1, s1)
                if longer is not None and longer.j > m.j:
                    i += 1  # "الشيخ صباح الخالد" is a KB name, but "صباح الخالد الحمد الصباح" after it is longer
                    continue
            if m is not None and m.enclitic and all(v.kind in ("PER", "ORG") for v in m.value):
                m = None  # a name takes no pronoun: "حماسهم" is their zeal, not Hamas
            if m is not None and m.j == i + 1 and tok.norm in self.given:
                run = self.names.run_at(i, s1)
                if run is not None and run[0] > m.j and all(v.kind == "PER" for v in m.value):
                    m = None  # "شكري الطالبي" is not Sameh Shoukry: the given name starts another name
            if m is not None:
                v = self._resolve(m.value, m.proclitics, i)
                if v is not None and v.ref is not None and getattr(v.ref, "sector", "") == "X" or (
                        v is not None and v.kind in ("ROLE", "PER") and i > s0 and CUES.facility.intersection(self.toks[i - 1].bases)):
                    i = m.j  # a stop phrase ("النظام الدولي") or a facility's name ("مطار الملك خالد") hides its words
                    if v.kind == "ROLE" and v.ref.sector != "X" and i < s1:
                        run = self.names.run_at(i, s1, titled=True) or self.names.run_at(i, s1)
                        i = run[0] if run else i + 1 if i < s1 and self.toks[i].norm in name_words().first else i
                    continue
                if v is not None:
                    out.append(Atom(i, m.j, v.kind, v, m.proclitics))
                    i = m.j
                    continue
            if ent is not None and ent[1] == "PER" and strong_place_end(self.toks, i, s1) == ent[0]:
                i = ent[0]  # the tagger's person is an unambiguous place name ("نور سلطان")
                continue
            if ent is not None and ent[1] == "PER":
                a = self._fuzzy(i, ent[0])
                if a is None:
                    run = self.names.run_at(i, s1)  # the tagger often stops short: "صالح حسين" of "صالح حسين بارجه"
                    a = Atom(i, max(ent[0], run[0]) if run else ent[0], "NAME", None, run[1] if run else "", "entity")
                    if a.j == i + 1 and self.person_words is not None and not self.person_words.intersection(tok.bases):
                        i += 1  # a one-word "person" no people's name holds ("إرباك"): a tagger's slip
                        continue
                out.append(a)
                i = a.j
                continue
            a = self._fuzzy(i, s1)
            if a is None:
                run = self.names.run_at(i, s1)  # given names mark people the entity layer may have missed
                a = Atom(i, run[0], "NAME", None, run[1], "name") if run else None
            if a is not None:
                out.append(a)
                i = a.j
                continue
            i += 1
        return out

    # ---- actors
    def _entry_actor(self, a: Atom, entry: Entry, span: tuple[int, int], how: str) -> Actor | None:
        role = self._role(entry)
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
        g = Group(rn.country, "role" if rn.country else "", None if rn.kind == "head" else rn.sector, None, head.j, [head])
        dest = False
        m = k + 1
        while m < len(atoms):
            b = atoms[m]
            gap = [self.toks[t].norm for t in range(g.end, b.i)]
            if len(gap) > 4 or any(w not in self.gap_ok for w in gap):
                break
            clitic = conj(b.pro)
            if "و" in clitic:
                break  # "وزير ... والأمريكي": a new phrase begins
            if self._punct_between(g.end, b.i) and (gap or b.kind not in ("PER", "NAME")):
                break  # a comma ends the phrase, but for a name in apposition ("الوزير اليمني، عز الدين الأصبحي")
            g.former = g.former or any(w in CUES.former for w in gap)
            owner = b.kind == "GPE" and (bool(gap) and gap[-1] in CUES.state or bool(CUES.state.intersection(self.toks[b.i].bases)))
            # "مسؤول في وزارة الخارجية الكويتية": في/من before an institution is membership, not a destination
            member = bool(gap) and gap[-1] in CUES.member and b.kind in ("ORG", "ROLE") and "ب" not in clitic
            if not owner and not member and (any(w in CUES.dest for w in gap) or "ب" in clitic):
                dest = True
            if owner and g.cfrom in ("", "role"):
                dest = False  # "وزير الدولة لشؤون الدفاع بدولة قطر" is Qatar's
            if b.kind in ("PER", "NAME", "COREF"):
                last = self.toks[g.end - 1]
                indefinite = not last.norm.startswith("ال") and not gap and "ل" not in clitic
                if indefinite and b.kind != "NAME" and len(g.parts) == 1:
                    # idafa: "مبعوث بوتين" is Putin's envoy, not Putin
                    c = self._atom_code(b)
                    if c and g.cfrom in ("", "role"):
                        g.country, g.cfrom = c[0], "person"
                    g.parts.append(b)
                    g.end = b.j
                    m += 1
                    continue
                last_role = g.parts[-1].value.ref if g.parts[-1].kind == "ROLE" else None
                titled = any(w in self.titles for w in gap) or last_role is not None and last_role.kind == "title"
                # after a destination a name is the destination's ("إلى سوريا بشار الأسد") unless quoted or titled
                if dest and b.kind != "NAME" and not titled and not self._quoted_before(b.i):
                    break
                g.name, g.end = b, b.j
                m += 1
                break
            if b.kind not in ("ADJ", "GPE", "CAP", "ORG", "ROLE"):
                break
            if not dest:
                c = self._atom_code(b)
                if c and b.kind == "ORG" and c[1] in ("REB", "PRM") and rn.sector in ("UAF", "REB", "PRM", "MIL"):
                    # "المسلحين الحوثيين", "القوة الصاروخية التابعة لجماعة الحوثي": the group's own fighters
                    g.country, g.cfrom, g.sector = c[0], "org", c[1]
                if b.kind == "ROLE" and b.value.ref.sector == "OPP" and rn.sector in ("REB", "UAF"):
                    g.sector = "REB"  # "مسلحي المعارضة": the armed opposition (GOLD.md: armed factions are REB)
                if c and g.cfrom in ("", "role"):
                    g.country, g.cfrom = c[0], {"ADJ": "adj", "ROLE": "role"}.get(b.kind, "gpe")
                if g.sector is None and b.kind == "ROLE" and (b.value.ref.sector != "GOV" or rn.sector == "GOV"):
                    # "المفتش العام للقوات المسلحة" is military; "قوات النظام" stays forces
                    g.sector = b.value.ref.sector
                elif g.sector is None and b.kind == "ORG" and c:
                    g.sector = c[1]
            g.parts.append(b)
            g.end = b.j
            m += 1
        while g.end < s1 and self.toks[g.end].norm in CUES.former and not self._punct_between(g.end, g.end):
            g.former, g.end = True, g.end + 1  # "الرئيس الأمريكي السابق"
        if g.country is None and g.name is None:
            self._place_owner(g, rn, s1, taken)
        if g.name is None and (dest or g.cfrom or rn.kind in ("person", "head", "title", "needs")):
            q = self._quoted_name(g.end, s1, taken)
            if q is None and rn.kind != "body":
                ij = self.names.after_role(g.end, s1, taken, g.cfrom in ("adj", "gpe", "role", "person"))
                q = Atom(ij[0], ij[1], "NAME", None, "", "role") if ij else None
            if q is not None:
                g.name, g.end = q, q.j
                taken.update(range(q.i, q.j))
                nxt = next((b for b in atoms[m:] if b.i >= q.j), None)
                if nxt is not None and nxt.i == q.j and nxt.kind == "ADJ" and not nxt.pro.strip("ال") \
                        and g.cfrom in ("", "role") and self._quoted_before(q.i):
                    # "صحيفة “إيل سولي” الإيطالية": the nationality after a quoted name is the owner's
                    g.country, g.cfrom, g.end = nxt.value.ref, "adj", nxt.j
                    m = atoms.index(nxt) + 1
        return m, self._group_actor(head, g)

    def _place_owner(self, g: Group, rn: RoleNoun, s1: int, taken: set[int]) -> None:
        """An institution named by a city ("شرطة اسطنبول") or placed in one ("الشرطة في اسطنبول") is that country's."""
        e = g.end
        if e >= s1 or e in taken or rn.kind not in ("head", "body", "group") or self._punct_between(e, e):
            return
        indefinite = not self.toks[g.end - 1].norm.startswith("ال") and not g.parts[0].pro.endswith("ال")
        if rn.kind == "head" and len(g.parts) == 1 and indefinite and rn.sector in ("JUD", "COP", "GOV", "MIL", "EDU", "MED"):
            pc = place_country(self.toks, e, s1)
            if pc is not None:
                g.country, g.cfrom, g.end = pc[1], "place", pc[0]
            return
        if FI in self.toks[e].bases and rn.kind in ("body", "group") and e + 1 < s1:
            pc = place_country(self.toks, e + 1, s1)
            if pc is not None:
                g.country, g.cfrom = pc[1], "place"

    def _atom_code(self, a: Atom) -> tuple[str, str] | None:
        """The (country, sector) an atom stands for on the document's date."""
        if a.kind in ("PER", "ORG"):
            r: Role | None = self._role(a.value.ref)
            return (r.country, r.sector) if r else None
        if a.kind in ("GPE", "CAP", "ADJ"):
            return a.value.ref, "GOV"
        if a.kind == "ROLE":
            rn = a.value.ref
            return (rn.country, rn.sector) if rn.country else None
        if a.kind == "COREF" and a.ref is not None:
            return a.ref.country, a.ref.sector_code
        return None

    def _group_actor(self, head: Atom, g: Group) -> Actor | None:
        rn = head.value.ref
        self._name = g.name if g.name is not None and g.name.kind == "NAME" else None
        sector = g.sector or rn.sector
        span = self._span(head.i, g.end, head.pro)
        name = g.name
        if name is None and len(g.parts) == 1 and rn.kind in ("head", "title") and g.cfrom != "place":
            return None  # a bare "مسؤول" or "قائد" says nothing of whose
        if name is None and len(g.parts) == 1 and normalize_text(rn.phrase) in CUES.verbal_before_ala \
                and g.end < len(self.toks) and self.doc.raw[self.toks[g.end].start : self.toks[g.end].end] == "على":
            return None  # "القضاء على العبودية": doing away with, not the judiciary
        if name is None and len(g.parts) == 1 and self._attributive_role(head):
            return None  # "السبب الرئيس", "الانتخابات البلدية": an adjective
        if name is None and len(g.parts) == 1 and g.cfrom == "" and normalize_text(rn.phrase) in CUES.regime \
                and (self.home or "").lower() not in CUES.regime_homes:  # cue words are normalised (lower case)
            return None  # a bare "النظام" is the Syrian government in Syrian stories, elsewhere mostly a system or order
        if name is None and rn.kind == "head" and len(g.parts) == 2 and g.parts[1].kind == "ORG":
            org = g.parts[1]  # "صحيفة الشرق الأوسط", "وكالة رويترز": the organisation itself
            act = self._entry_actor(org, org.value.ref, span, "kb")
            if act is not None:
                return act
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
        if country is None and name is None:
            entry = self._context_entry(rn)
            if entry is not None:
                return self._entry_actor(head, entry, span, "context")
        if country is None and name is None and normalize_text(rn.phrase) in CUES.air_power:
            country = self._scene_country(head.i)  # "قصف للطيران الحربي على ... بريف إدلب": Syria's
        if country is None:
            if rn.kind == "needs" and name is None:
                return None  # "الجانب", "الدبلوماسي" alone: whose is not said
            private = sector in ("CVL", "JRN", "EDU", "MED", "REL", "SOC", "BUS", "LAB", "AGR", "REF")
            country = self._local_country(self._atoms, head.i) if private else self.home
        if country is None:
            return None
        if self.sports and sector in STATE_SECTORS and g.cfrom in ("", "role") and (name is None or name.kind == "NAME"):
            return None  # a sports story's "الرئيس", "الشيخ أحمد": a club's or a federation's, not a state's
        if g.former and sector in STATE_SECTORS:
            sector = "ELI"  # a former office holder the KB does not date
        how = {"adj": "nationality", "person": "role", "place": "place"}.get(g.cfrom, "role")
        etype = "PER" if (name is not None or rn.kind in ("person", "head", "title")) else "ORG"
        return Actor(span[0], span[1], country, sector, None, None, None, (), etype, how)

    def sentence(self, atoms: list[Atom], s1: int) -> list[Actor]:
        """The actors of one sentence."""
        out: list[Actor] = []
        taken = {t for a in atoms for t in range(a.i, a.j)}
        self._atoms = atoms
        k = 0
        placed: Atom | None = None  # the last country or capital that stood as a place
        stance = -1  # the end of the last nationality that stood for a state's word ("الاتهامات السعودية")
        while k < len(atoms):
            a = atoms[k]
            k += 1
            self._name = None
            if a.kind in ("GPE", "CAP") and (self._placed(a) or self._listed_after(a, placed)):
                placed = a
                continue
            if a.kind == "NAME" and k < len(atoms) and self._apposed_role(a, atoms[k]):
                k, act = self._group(atoms, k, s1, taken)
                if act is not None and act.sector_code not in ("CVL", "ELI") and act.actor_id is None:
                    # "عمر بابقي مدير إدارة تنفيذ المشاريع": the name holds the office named after it
                    sp = self._span(a.i, a.j, a.pro)
                    out.append(Actor(sp[0], sp[1], act.country, act.sector_code, None, None, None, (), "PER", "role"))
                    self._remember(out[-1], a)
                if act is not None:
                    out.append(act)
                continue
            if a.kind == "ROLE":
                k, act = self._group(atoms, k - 1, s1, taken)
            elif a.kind in ("PER", "ORG"):
                act = self._entry_actor(a, a.value.ref, self._span(a.i, a.j, a.pro), a.how)
            elif a.kind == "COREF" and a.ref is not None:
                r = a.ref
                s = self._span(a.i, a.j, a.pro)
                act = Actor(s[0], s[1], r.country, r.sector_code, r.actor_id, r.entity_name, r.entity_name_ar,
                            r.other_sector_codes, "PER", "coref")
            elif a.kind in ("ADJ", "GPE") and not self.sports and self._stance(a, stance):
                stance = a.j
                s = self._span(a.i, a.j, a.pro)
                act = Actor(s[0], s[1], a.value.ref, "GOV", None, None, None, (), "GPE", "nationality")
            elif a.kind in ("GPE", "CAP") and not self.sports and not self._placed(a) and not self._attributive(a):
                s = self._span(a.i, a.j, a.pro)
                act = Actor(s[0], s[1], a.value.ref, "GOV", None, None, None, (), "GPE",
                            "capital" if a.kind == "CAP" else "country")
            elif a.kind == "ADJ" and self._people(a):
                s = self._span(a.i, a.j, a.pro)
                act = Actor(s[0], s[1], a.value.ref, "CVL", None, None, None, (), "PER", "nationality")
            elif a.kind == "NAME":
                act = self._name_actor(a, atoms)
            else:
                act = None
            if act is not None:
                out.append(act)
                self._remember(act, a if a.kind == "NAME" else self._name)
        return out

    def _name_actor(self, a: Atom, atoms: list[Atom]) -> Actor | None:
        """A person the KB does not know, with no role beside: a member of a jihadist group named in the
        sentence ("انضم إلى تنظيم داعش"), else a private person of the article's country."""
        if self.sports and a.how == "entity":
            return None  # a player or coach: whose he is, a sports story rarely says
        code = None
        s0, s1 = self._bounds
        if self._member is None:  # once a sentence: does it say membership of a group?
            self._member = any(CUES.member_of_group.intersection(self.toks[t].bases) for t in range(s0, s1))
        member = self._member
        quoted = bool(CUES.speech_before.intersection(self.toks[a.i - 1].bases)) if a.i > s0 else False
        for b in atoms if member and not quoted else ():
            c = self._atom_code(b) if b.kind == "ORG" else None
            if c and c[0] == "IMG":
                code = c
                break
        adj = next((b for b in atoms if b.j == a.i and b.kind == "ADJ" and self.toks[b.i].norm.startswith("ال")), None)
        if code is None and adj is not None and not self._punct_between(a.i, a.i):
            code = (adj.value.ref, "CVL")  # "الفنانة اللبنانية كارول سماحة"
        if code is None:
            country = self._local_country(atoms, a.i)
            code = (country, "CVL") if country else None
        if code is None:
            return None
        s = self._span(a.i, a.j, a.pro)
        return Actor(s[0], s[1], code[0], code[1], None, None, None, (), "PER", "name")

    def _local_country(self, atoms: list[Atom], i: int) -> str | None:
        """Where a private person belongs: the place the sentence names nearest ("الناشطة ... في السعودية"), else home."""
        placed = [b for b in atoms if b.kind in ("GPE", "CAP") and self._placed(b)]
        near = min(placed, key=lambda b: abs(b.i - i), default=None)
        return near.value.ref if near is not None else self.home

    def _remember(self, act: Actor, name: Atom | None) -> None:
        """Let later short references ("الأسد", "لافرنتييف") find this person."""
        if act.entity_type != "PER":
            return
        if act.actor_id is not None:
            names = [n for e in self.lex.by_id.get(act.actor_id, ()) for n in e.names_ar]
        elif name is not None:
            names = [self.doc.raw[self.toks[name.i].start : self.toks[name.j - 1].end]]
        else:
            return  # "الرئيس السابق": no name to refer back to
        for n in names:
            ws = normalize_text(n).replace("”", " ").replace("“", " ").split()
            # "عبد الله", "عز الدين": the last word alone is not the person
            if len(ws) > 1 and len(ws[-1]) > 2 and ws[-1] not in CUES.coref_skip and ws[-2] not in self.particles:
                self.coref.setdefault(ws[-1], act)

    def _as_coref(self, atom: Atom) -> Atom:
        """The atom as a short reference to someone named earlier, or unchanged."""
        tok = self.toks[atom.i]
        for pro, base, enc in tok.readings or (("", tok.norm, ""),):
            ref = self.coref.get(base)
            if ref is not None and not enc:
                return Atom(atom.i, atom.j, "COREF", None, pro, "coref", ref)
        return atom

    def add_coref(self, atoms: list[Atom], s0: int, s1: int) -> list[Atom]:
        """Insert short references to people named earlier among a sentence's atoms."""
        if not self.coref:
            return atoms
        # a one-word name the tagger found ("الأسد") is a short reference when someone was named by it earlier
        atoms = [self._as_coref(a) if a.kind == "NAME" and a.j == a.i + 1 else a for a in atoms]
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

    def _in_office(self, sents: list[list[Atom]]) -> None:
        """In an undated article, a KB person named after an office ("المستشارة الألمانية أنغيلا ميركل") holds it:
        their last office, not the ELI role after it, codes every mention of them."""
        for atoms in sents:
            for k, a in enumerate(atoms):
                if a.kind != "PER" or k == 0 or a.j < len(self.toks) and self.toks[a.j].norm in CUES.former:
                    continue
                prev = atoms[k - 1]
                if prev.kind == "ADJ" and prev.j == a.i and k > 1:
                    prev = atoms[k - 2] if atoms[k - 2].j == prev.i else prev
                rn = prev.value.ref if prev.kind == "ROLE" else None
                if rn is None or rn.kind not in ("person", "head") or rn.sector not in STATE_SECTORS:
                    continue
                entry = a.value.ref
                role = self._role(entry)
                offices = [r for r in entry.roles if r.sector != "ELI"]
                if role is not None and role.sector == "ELI" and offices:
                    self.office[entry.id] = max(offices, key=lambda r: r.start)

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
        self.orgs = Counter(a.value.ref.id for atoms in sents for a in atoms if a.kind == "ORG")
        titles = [doc.sentences[toks[s0].sent].is_title if doc.sentences else False for s0, _ in keep]
        if self.date is None or self.lower_bound:
            self._in_office(sents)
        self.set_home(sents, titles)
        self.sports = self._is_sports()
        out: list[Actor] = []
        self._prev_atoms: list[Atom] = []
        for (s0, s1), atoms in zip(keep, sents):
            self._bounds, self._member = (s0, s1), None
            out.extend(self.sentence(self.add_coref(atoms, s0, s1), s1))
            self._prev_atoms = atoms
        out.sort(key=lambda a: (a.start, a.end))
        return tuple(out)
