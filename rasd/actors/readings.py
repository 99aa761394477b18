"""How the coder reads words in context: the home country, places, adjectives, people, sports stories, a war's coalition.

``Readings`` holds the context tests of ``Coder`` that look only at the tokens around an atom or at
what the article names; the coder composes actors from their answers.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from rasd.actors.atoms import Atom, DocText, conj
from rasd.actors.context import outlet_country, place_country, strong_place_end
from rasd.actors.kb import Entry, Role, RoleNoun
from rasd.actors.lexicon import Lexicon, cues
from rasd.text.normalize import normalize_text

CUES = cues()
FI = normalize_text("في")
_MIN, _KULL = normalize_text("من"), normalize_text("كل")
_PLURAL_ENDINGS = ("ين", "ون", "يان")  # "الإيرانيين", "إسرائيليان": people, not the state
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "LEG", "JUD"})
GREAT_POWERS = frozenset({"USA", "RUS", "GBR", "FRA", "CHN", "DEU"})
_SPORTS_MIN = (3, 5)  # distinct sports words and their count that make a sports story


@lru_cache(maxsize=1)
def _sports_forms() -> dict[str, str]:
    """Every written form of a sports word with its clitics (والمدرب، للمنتخب، بالدوري) -> the word."""
    out: dict[str, str] = {w: w for w in CUES.sports}  # a listed word is itself, whatever the set's order
    for w in sorted(CUES.sports):  # sorted: a set's order changes with the hash seed, and so would the count
        if w.startswith("ال"):
            forms = [w, "و" + w, "ف" + w, "ب" + w, "وب" + w, "ل" + w[1:], "ول" + w[1:], "فل" + w[1:]]
        else:
            forms = [w, "و" + w, "ف" + w, "ب" + w, "ل" + w, "وب" + w, "ول" + w, "ال" + w, "وال" + w, "بال" + w, "لل" + w]
        for f in forms:
            out.setdefault(f, w)
    return out


_CAPITAL = normalize_text("عاصمة")  # "عاصمة لـ" + a country names its owner


class Readings(DocText):
    """Context tests over one document's tokens; the coder sets the attributes below."""

    lex: Lexicon
    date: str | None
    home: str | None
    orgs: Counter[str]
    _bounds: tuple[int, int]
    _atoms: list[Atom]  # the sentence being coded
    _prev_atoms: list[Atom]  # the sentence before it
    _city_memo: tuple[tuple[int, int], list[tuple[int, str]]] | None

    def _role(self, entry: Entry) -> Role | None:
        """The role an entry holds in the article (the coder knows the date)."""
        raise NotImplementedError

    def _people(self, a: Atom) -> bool:
        """Whether a nationality adjective stands for people: plural ("الفلسطينيين") or counted ("14 إيرانيا")."""
        norm = self.toks[a.i].norm
        prev = self._prev_norm(a.i)
        if prev.isdigit() or prev in CUES.number_words:
            return True
        return a.j == a.i + 1 and norm.endswith(_PLURAL_ENDINGS) and not norm.endswith(("تين", "تان"))

    def _context_entry(self, rn: RoleNoun) -> Entry | None:
        """The KB organisation a bare coalition or armed-wing noun stands for in this article, else None."""
        phrase = normalize_text(rn.phrase)
        if phrase in CUES.coalition:
            # GOLD.md: the Saudi-led coalition in Yemen, the US-led one against IS
            saudi = self.orgs["saudi-led-coalition"] + self.orgs["houthis"]
            us = self.orgs["us-led-coalition"] + self.orgs["islamic-state"]
            if saudi == us == 0:
                pick = "saudi-led-coalition" if self.home in ("YEM", "SAU") else None
            else:
                pick = "saudi-led-coalition" if saudi >= us else "us-led-coalition"
        elif phrase in CUES.armed_wing:
            # the armed group the article names most (the Houthis' missiles in a Saudi story)
            groups = [(n, i) for i, n in self.orgs.items() for e in self.lex.by_id.get(i, ())[:1]
                      if (r := self._role(e)) is not None and r.sector in ("REB", "PRM") and r.country != "IMG"]
            pick = max(groups)[1] if groups else None
        else:
            return None
        entries = self.lex.by_id.get(pick, ()) if pick else ()
        return entries[0] if entries else None

    def _attributive_role(self, head: Atom) -> bool:
        """Whether a role word that is also an adjective qualifies the definite noun before it ("السبب الرئيس")."""
        if head.pro or head.j != head.i + 1 or normalize_text(head.value.ref.phrase) not in CUES.attributive_roles:
            return False
        t = head.i - 1
        if t < self._bounds[0] or self._punct_between(head.i, head.i):
            return False
        return any(b.startswith("ال") for b in self.toks[t].bases)

    def _is_sports(self) -> bool:
        """Whether the article is a sports story: enough distinct sports words (مباراة، المدرب، الدوري...)."""
        forms = _sports_forms()
        hits = [w for t in self.toks if (w := forms.get(t.norm)) is not None]  # one dict look-up a token
        return len(set(hits)) >= _SPORTS_MIN[0] and len(hits) >= _SPORTS_MIN[1]

    def _attributive(self, a: Atom) -> bool:
        """Whether a country name is an adjective here: "الشبكة الليبرالية السعودية" (after a definite word)."""
        if a.j != a.i + 1 or a.pro or not self.toks[a.i].norm.startswith("ال") or a.i == 0:
            return False
        prev = self.toks[a.i - 1]
        return prev.sent == self.toks[a.i].sent and any(b.startswith("ال") for b in prev.bases) \
            and not self._punct_between(a.i, a.i)

    def _placed(self, a: Atom) -> bool:
        """Whether a country or capital stands as a place here ("في دمشق", "بدمشق")."""
        clitic = conj(a.pro)
        if "ب" in clitic or "ك" in clitic:
            return True
        if "ل" in clitic and _CAPITAL in self._prev_bases(a.i, 1):
            return False  # "القدس عاصمة لإسرائيل": whose capital, not where ("سواحل ... للولايات المتحدة" stays a place)
        t = a.i - 1
        if t < 0 or self.toks[t].sent != self.toks[a.i].sent:
            return False
        prev = set(self.toks[t].bases)
        if (self._prev_norm(a.i).startswith("ال") or not a.pro and self.toks[a.i].norm.startswith("ال")) \
                and CUES.place_nouns.intersection(self._prev_bases(a.i, 2)) \
                and not self._punct_between(a.i - 1, a.i):
            return True  # "العاصمة البلغارية صوفيا", "مدينة جدة السعودية"
        if self.toks[t].norm == _MIN and self._prev_norm(a.i, 2) == _KULL and FI in self._prev_bases(a.i, 3):
            return True  # "في كل من كوسوفو" (but "أكد كل من السعودية ومصر" are actors)
        if FI in prev and self._prev_norm(a.i, 2) in CUES.voice_before_fi:
            return False
        return bool(prev & CUES.place_before)

    def _prev_bases(self, i: int, k: int) -> tuple[str, ...]:
        """The bases of the token ``k`` before token ``i`` in the same sentence, else ()."""
        t = i - k
        return self.toks[t].bases if t >= 0 and self.toks[t].sent == self.toks[i].sent else ()

    def _listed_after(self, a: Atom, placed: Atom | None) -> bool:
        """Whether a country follows a place in a list ("في كل من كوسوفو والقرم ورومانيا"): a place too."""
        if placed is None or "و" not in conj(a.pro) or a.i - placed.j > 3:
            return False
        return all(CUES.list_filler.intersection(self.toks[t].bases) for t in range(placed.j, a.i))

    def _apposed_role(self, name: Atom, b: Atom) -> bool:
        """Whether an office follows a name in apposition ("بندر نوح مدير إدارة التشغيل")."""
        if b.kind != "ROLE" or b.i != name.j or b.pro or b.value.ref.kind not in ("person", "head"):
            return False
        return not self._punct_between(b.i, b.i) or self.doc.raw[self.toks[b.i - 1].end : self.toks[b.i].start].strip() in ("،", ",")

    def set_home(self, sents: list[list[Atom]], titles: list[bool]) -> None:
        """The article's main country: where unqualified "الجيش", "المعارضة" belong."""
        c: Counter[str] = Counter()
        outlet = outlet_country(self.doc.meta.outlet)
        if outlet:
            c[outlet] += 4  # a national paper's unqualified "مجلس الوزراء" is its own country's
        lede = next((atoms for atoms, is_title in zip(sents, titles) if not is_title and atoms), [])
        subject = self._subject_country(lede)
        if subject:
            c[subject] += 2  # the lede's first actor ("استقبل الأمير محمد بن سلمان ...") is the story's own side
        for n, (atoms, is_title) in enumerate(zip(sents, titles)):
            # the title and lede say what the story is about; later paragraphs drift (and related stories follow)
            pos = 2.0 if is_title else 1.5 if n < 4 else 1.0 if n < 12 else 0.5
            prev: Atom | None = None
            for a in atoms:
                iso, w = None, 1.0
                if a.kind in ("GPE", "CAP", "ADJ"):
                    iso = a.value.ref
                    if a.kind == "ADJ" and self._people(a):
                        w = 0.5  # "14 إيرانيا" are people in the story, not its state
                    elif prev is not None and prev.kind == "ROLE" and prev.j == a.i and prev.value.ref.kind in ("body", "needs"):
                        w = 2.0  # "السلطات البحرينية", "الداخلية البحرينية": the state acting at home
                elif a.kind == "PER":
                    r = self._role(a.value.ref)
                    iso = r.country if r else None
                if iso and len(iso) == 3 and iso not in ("UNO", "EUR", "IGO", "NGO", "IMG"):
                    c[iso] += w * pos * (0.5 if iso in GREAT_POWERS else 1)
                prev = a
        self.home = c.most_common(1)[0][0] if c else None

    def _subject_country(self, atoms: list[Atom]) -> str | None:
        """The country of a sentence's first person: a KB name, or a role with a nationality or name after it."""
        for k, a in enumerate(atoms):
            if a.kind == "PER":
                r = self._role(a.value.ref)
                return r.country if r and len(r.country) == 3 and r.country not in ("UNO", "EUR", "IGO", "NGO") else None
            if a.kind == "ROLE":
                b = atoms[k + 1] if k + 1 < len(atoms) and atoms[k + 1].i - a.j <= 3 else None
                if b is not None and b.kind == "PER":
                    return self._subject_country([b])
                return b.value.ref if b is not None and b.kind in ("ADJ", "GPE") else None
        return None

    def _scene_country(self, i: int) -> str | None:
        """The country a sentence is about nearest token ``i``: countries, nationalities and cities before it,
        else after it, else the previous sentence's last; None leaves the article's home."""
        found = [(b.i, b.value.ref) for b in self._atoms if b.kind in ("GPE", "CAP", "ADJ")] + self._cities()
        before = [f for f in found if f[0] < i]
        if before:
            return max(before)[1]
        after = [f for f in found if f[0] > i]
        if after:
            return min(after)[1]
        prev = [(b.i, b.value.ref) for b in self._prev_atoms if b.kind in ("GPE", "CAP")]  # a named state, not an adjective
        return max(prev)[1] if prev else None

    def _stance(self, a: Atom, stance: int) -> bool:
        """Whether a nationality after a noun of a state's word stands for its government ("الاتهامات السعودية
        والأمريكية", "الموقف الروسي")."""
        if a.j != a.i + 1 or not self.toks[a.i].norm.removeprefix(conj(a.pro)).startswith("ال") \
                or a.i == 0 or self._punct_between(a.i, a.i):
            return False
        if a.i == stance and "و" in conj(a.pro):
            return True  # the second of a pair
        prev = self.toks[a.i - 1]
        return prev.sent == self.toks[a.i].sent and any(b.startswith("ال") for b in prev.bases) \
            and bool(CUES.stance_nouns.intersection(prev.bases))

    def _cities(self) -> list[tuple[int, str]]:
        """The cities and regions of the sentence being coded: (token, country), looked up once a sentence."""
        if self._city_memo is not None and self._city_memo[0] == self._bounds:
            return self._city_memo[1]
        s0, s1 = self._bounds
        found: list[tuple[int, str]] = []
        t = s0
        while t < s1:
            # only a name after a place word ("بريف إدلب", "في حي الميسر بمدينة حلب"): city names are often words
            cued = t > s0 and bool(CUES.place_before.intersection(self.toks[t - 1].bases))
            pc = place_country(self.toks, t, s1) if cued and strong_place_end(self.toks, t, s1) is not None else None
            if pc is not None:
                found.append((t, pc[1]))
                t = pc[0]
            else:
                t += 1
        self._city_memo = (self._bounds, found)
        return found
