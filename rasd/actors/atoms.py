"""Atoms (token runs that stand for one value) and raw-text helpers over one document's tokens."""

from __future__ import annotations

from dataclasses import dataclass, field

from rasd.actors.lexicon import Value
from rasd.doc import Actor, Doc, Token

OPEN_QUOTES = "“«\"„'"
CLOSE_QUOTES = "”»\"'"


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
class Group:
    """A role phrase being composed: whose (country, and where that came from), what sector, which name."""

    country: str | None = None
    cfrom: str = ""  # role, adj, gpe, org, person
    sector: str | None = None
    name: Atom | None = None
    end: int = 0
    parts: list[Atom] = field(default_factory=list)
    former: bool = False  # "السابق": out of office


def conj(pro: str) -> str:
    """The proclitics before the article: "وال" -> "و"."""
    return pro[:-2] if pro.endswith("ال") else pro


class DocText:
    """One document's raw text and tokens, with the offset and punctuation helpers the coder needs."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.toks: tuple[Token, ...] = doc.tokens

    def _prev_norm(self, i: int, k: int = 1) -> str:
        """The norm of the token ``k`` before token ``i`` in the same sentence, else ""."""
        t = i - k
        return self.toks[t].norm if t >= 0 and self.toks[t].sent == self.toks[i].sent else ""

    def _span(self, i: int, j: int, pro: str) -> tuple[int, int]:
        """Raw offsets of tokens [i, j), without a leading conjunction/preposition, with a closing quote."""
        start, end = self.toks[i].start, self.toks[j - 1].end
        strip = conj(pro)
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

    def _punct_between(self, i: int, j: int) -> bool:
        """Whether punctuation (not quotes) stands between token i-1 and token j."""
        if i <= 0 or j >= len(self.toks):
            return False
        gap = self.doc.raw[self.toks[i - 1].end : self.toks[j].start]
        return any(not ch.isspace() and ch not in OPEN_QUOTES and ch not in CLOSE_QUOTES and not ch.isalnum()
                   for ch in gap)
