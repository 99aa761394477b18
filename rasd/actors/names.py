"""Person names the KB does not know: given-name runs ("محمد العايش") and foreign names after a role.

A run starts at a known given name (data/name_words.tsv) or a name particle
(أبو، بن) and goes on over name-like words: no punctuation between them, no
conjunction, no function word, no word the lexicon knows (roles, countries).
Given names that are also common words ("أمل", "سلام") need a second name
word after them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rasd.actors.context import person_name_words
from rasd.actors.kb import DATA
from rasd.doc import Token
from rasd.text.match import PhraseTable
from rasd.text.normalize import normalize_text

_PRONOUNS = frozenset({"ها", "هم", "هما", "هن", "كم", "كما", "نا"})
_NAME_ENDS = frozenset({normalize_text("الدين"), normalize_text("الله"), normalize_text("الرحمن")})  # "عز الدين"
_PUNCT = re.compile(r"[^\s\"'“”«»„]")  # anything but space and quotes between two words of a name


@dataclass(frozen=True, slots=True)
class NameWords:
    """Given names (``first``), those that are common words too (``common``), particles, titles, stop words."""

    first: frozenset[str]
    common: frozenset[str]
    particles: frozenset[str]
    titles: frozenset[str]
    stop: frozenset[str]


@lru_cache(maxsize=1)
def name_words() -> NameWords:
    """data/name_words.tsv, normalised and validated."""
    kinds: dict[str, set[str]] = {"first": set(), "common": set(), "particle": set(), "title": set(), "stop": set()}
    with (DATA / "name_words.tsv").open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip() or line.startswith("#"):
                continue
            word, kind = (c.strip() for c in line.split("\t")[:2])
            if kind not in kinds or " " in word:
                raise ValueError(f"name_words.tsv:{n}: bad row {line!r}")
            kinds[kind].add(normalize_text(word))
    return NameWords(frozenset(kinds["first"] | kinds["common"]), frozenset(kinds["common"]),
                     frozenset(kinds["particle"]), frozenset(kinds["title"]), frozenset(kinds["stop"]))


class NameFinder:
    """Finds unknown person names over one document's tokens."""

    def __init__(self, raw: str, toks: tuple[Token, ...], table: PhraseTable) -> None:
        self.raw, self.toks, self.table = raw, toks, table
        self.words = name_words()

    def _joined(self, k: int) -> bool:
        """Whether tokens k-1 and k are separated by spaces (or quotes) only."""
        return not _PUNCT.search(self.raw[self.toks[k - 1].end : self.toks[k].start])

    def _continues(self, k: int, s1: int) -> bool:
        """Whether token ``k`` can be a further word of a name."""
        if k >= s1 or not self._joined(k):
            return False
        t = self.toks[k]
        if not t.norm.isalpha() or t.norm in self.words.titles:
            return False
        if t.norm in self.words.stop and self.toks[k - 1].norm not in self.words.particles:
            return False  # but "بن علي": "علي" is also the normalised "على"
        starts = self.words.first | self.words.particles
        if t.norm.startswith("و") and t.norm not in starts:
            return False  # "وزميلتها", "والوفد": the name has ended
        for pro, base, enc in t.readings:
            if enc in _PRONOUNS:
                return False  # "أمنها": a pronoun suffix ends the name
            if len(pro) > 2 and pro.endswith("ال"):
                return False  # "والوفد", "بالعراق": a new phrase
            if pro in ("و", "ف") and (base in starts or base in self.words.titles):
                return False  # "ومحمد", "ومعالي": the next name of a list
        return self.table.match_at(self.toks, k, s1) is None

    def _first_base(self, i: int) -> str | None:
        """The given name or particle token ``i`` is, after a conjunction at most."""
        for pro, base, enc in self.toks[i].readings or (("", self.toks[i].norm, ""),):
            if enc or pro not in ("", "و", "ل"):
                continue
            if base in self.words.first and (not pro or base not in self.words.common) or base in self.words.particles:
                return base  # "بكامل", "لسلام": a common word after a preposition is the word
        return None

    def run_at(self, i: int, s1: int, titled: bool = False) -> tuple[int, str] | None:
        """A name of two or more words starting at token ``i``: (end token, proclitic), or None.

        After a title ("الشيخ صباح الخالد") a given name that is also a word needs no second name word.
        """
        base = self._first_base(i)
        if base is None or self.raw[self.toks[i].end - 1] in "ىی":
            return None  # "على" is normalised like "علي"
        pro = next((p for p, b, _ in self.toks[i].readings if b == base), "")
        j, state = i + 1, ("particle" if base in self.words.particles else "first")
        while j < s1 and j - i < 5 and self._continues(j, s1):
            nxt = self._kind(j)
            if nxt == "verb":
                break
            # a family name ends a name: after "العويشير" only another family name or "بن" goes on;
            # after a plain word ("بدوي") only a family name does ("بدر شاكر السياب")
            if state in ("family", "plain") and nxt not in ("family", "particle") and state != "particle":
                break
            if state == "plain" and nxt == "particle":
                break
            state = "first" if state == "particle" and nxt != "particle" else nxt
            j += 1
        if j - i == 1:
            return None  # "محمد" alone is rarely the person; "أمل" alone is hope; "أبو" alone is nothing
        second = self.toks[i + 1].norm
        if base in self.words.common and not titled and second.startswith("ال") and second not in _NAME_ENDS \
                and second[2:] not in self.words.first:
            return None  # "صباح الأحد", "سلام الشجعان": a common word before a definite noun
        return j, pro

    def _kind(self, k: int) -> str:
        """What a further word of a name is: first (a given name), particle, family (definite) or plain."""
        norm = self.toks[k].norm
        if norm in self.words.particles:
            return "particle"
        if norm in self.words.first:
            return "first"
        if norm.startswith("ال"):
            return "family"
        raw_end = self.raw[self.toks[k].end - 1]
        return "verb" if raw_end in "ىاً" else "plain"  # "أمضى", "مساعدا"

    def after_role(self, e: int, s1: int, taken: set[int], strong: bool) -> tuple[int, int] | None:
        """A name right after a role phrase ending at token ``e`` (titles skipped): tokens [i, j).

        A foreign name (two or three plain words) is taken only after a ``strong`` phrase: one that says
        whose the role is ("البريجادير جنرال الأمريكي") or ends in a title.
        """
        i = e
        while i < s1 and i - e < 4 and self.toks[i].norm in self.words.titles and self._joined(i):
            i += 1
        if i >= s1 or i in taken or not self._joined(i):
            return None
        run = self.run_at(i, s1, titled=i > e)
        if run is not None:
            return i, run[0]
        if not (strong or i > e):
            return None
        # a foreign name: two or three plain words ("كيفين كيليا"), no article, nothing the lexicon knows
        j = i
        while j < s1 and j - i < 3 and j not in taken and self._plain(j) and (j == i or self._joined(j)):
            j += 1
        if j - i < 2 or self.toks[i].norm[0] in "يت" and len(self.toks[i].norm) <= 5:
            return None  # "يعلن تشكيل": a verb, not a name
        known = person_name_words()
        if known is not None and self.toks[i].norm not in known:
            return None  # "بانفجار قنبلة", "قام بزيارة": the first word is no one's name
        if j < s1 and self._joined(j) and self.toks[j].norm not in self.words.stop:
            return None  # a name in apposition ends at punctuation, a particle or the sentence's end
        return i, j

    def _plain(self, k: int) -> bool:
        t = self.toks[k]
        return (len(t.norm) > 2 and not t.norm.startswith(("ال", "و")) and t.norm not in self.words.stop and not t.norm.isdigit()
                and t.norm.isalpha())
