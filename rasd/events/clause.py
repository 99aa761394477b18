"""Sentence structure for argument finding: actor groups, their markers, and clause limits."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from rasd.doc import Actor, Doc, Token
from rasd.events.lexicon import Lexicon
from rasd.events.victims import is_victim
from rasd.text.normalize import normalize_text


@dataclass(frozen=True, slots=True)
class Group:
    """Coordinated or apposed actor mentions over tokens ``[i, j)``; ``marker`` is the word that governs them."""

    actors: tuple[Actor, ...]
    i: int
    j: int
    marker: str  # "", with, target, agent, place
    conj: bool = False  # opens with "و": the second member of a list, not a word's own argument
    pron: bool = False  # opens with a possessed noun ("سفيرها", "نظيره"): an object, not a verb's subject


@dataclass(frozen=True, slots=True)
class SentenceView:
    """One sentence: its token range, actor groups and clause starts (global token indices)."""

    index: int
    lo: int
    hi: int
    groups: tuple[Group, ...]
    starts: tuple[int, ...]  # token indices that open a clause, ascending; includes lo

    def clause(self, i: int) -> tuple[int, int]:
        """The clause ``[lo, hi)`` around token ``i``."""
        k = bisect.bisect_right(self.starts, i) - 1
        lo = self.starts[max(k, 0)]
        hi = self.starts[k + 1] if k + 1 < len(self.starts) else self.hi
        return lo, hi


# a capital or city named after these words is a place, not a party ("في العاصمة دمشق")
_PLACE_NOUNS = frozenset({"العاصمه", "مدينه", "بلده", "محافظه", "منطقه", "ولايه", "اقليم"})


def _strip_conj(word: str) -> str:
    """A word without a leading و/ف conjunction."""
    return word[1:] if len(word) > 2 and word[0] in "وف" else word


def token_ranges(doc: Doc) -> list[tuple[int, int]]:
    """For each sentence, its ``[lo, hi)`` token range."""
    ranges = [(0, 0)] * len(doc.sentences)
    lo = 0
    toks = doc.tokens
    while lo < len(toks):
        k = toks[lo].sent
        hi = lo
        while hi < len(toks) and toks[hi].sent == k:
            hi += 1
        ranges[k] = (lo, hi)
        lo = hi
    return ranges


def actor_tokens(doc: Doc, extra: list[Actor] | tuple[Actor, ...] = ()) -> list[tuple[Actor, int, int]]:
    """Each actor (nested mentions dropped) with the token range it covers; ``extra`` adds parties found here."""
    starts = [t.start for t in doc.tokens]
    ends = [t.end for t in doc.tokens]
    redone = {(a.start, a.end) for a in extra}  # an extra party replaces the actors layer's mention of the same span
    actors = sorted((*(a for a in doc.actors if (a.start, a.end) not in redone), *extra), key=lambda a: (a.start, -a.end))
    out: list[tuple[Actor, int, int]] = []
    last_end = -1
    for a in actors:
        if a.end <= last_end:
            continue  # inside a longer mention
        i = bisect.bisect_right(ends, a.start)
        j = bisect.bisect_left(starts, a.end)
        if i < j:
            out.append((a, i, j))
            last_end = a.end
    return out


def _marker(doc: Doc, lex: Lexicon, actor: Actor, i: int, lo: int) -> str:
    """The preposition governing an actor mention: a clitic before it in its token, or the word(s) before."""
    tok = doc.tokens[i]
    if actor.start > tok.start:
        pre = _strip_conj(normalize_text(doc.raw[tok.start : actor.start]).strip())
        if pre in ("ل", "لل"):
            return "target"
        if pre == "ب":
            return "place"
    if i - 2 >= lo and f"{_strip_conj(doc.tokens[i - 2].norm)} {doc.tokens[i - 1].norm}" in lex.single["agent"]:
        return "agent"
    if i - 1 >= lo and doc.tokens[i - 1].norm in _PLACE_NOUNS:
        return "place"
    if i - 1 >= lo:
        prev = _strip_conj(doc.tokens[i - 1].norm) if doc.tokens[i - 1].norm not in lex.single["with"] else doc.tokens[i - 1].norm
        if prev == "في" and _member(doc, lex, i - 2, lo):
            return ""  # "مسؤول كبير في الأمم المتحدة": the body the official belongs to, not a place
        for name in ("with", "target", "place"):
            if prev in lex.single[name]:
                return name
    return ""


def _member(doc: Doc, lex: Lexicon, k: int, lo: int) -> bool:
    """Whether token ``k`` (or the one before an adjective at ``k``) is a member's title: "مسؤول (كبير)"."""
    toks = doc.tokens
    if k >= lo and toks[k].norm in lex.single["member_adj"]:
        k -= 1
    return k >= lo and _strip_conj(toks[k].norm) in lex.single["member_of"]


_GLOSS_AND = re.compile(r"\s*\([^()]{1,40}\)\s*و\s*")


def _coordinated(doc: Doc, lex: Lexicon, prev: Group, actor: Actor, i: int) -> bool:
    """Whether a mention continues the previous group: a list ("روسيا وتركيا") or an apposition."""
    gap = doc.tokens[prev.j : i]
    if is_victim(actor) != is_victim(prev.actors[-1]):
        return False
    if _GLOSS_AND.fullmatch(doc.raw[doc.tokens[prev.j - 1].end : actor.start]):
        return True  # "منظمتا الأمم المتحدة للطفولة (يونيسيف) وانقذوا الأطفال": a gloss in brackets, then "و"
    if len(gap) > 1:
        return False
    if not gap:
        between = normalize_text(doc.raw[doc.tokens[prev.j - 1].end : actor.start]).strip()
        if between in ("و", "او"):
            return True
        # side by side with nothing or a comma between: an apposition of one referent ("الرئيس الإيراني، حسن روحاني"),
        # not a verb's subject and object ("اعتقلت السلطات التركية برونسون")
        return between in ("", "،", ",") and prev.actors[-1].country == actor.country
    # "روسيا و تركيا", or a nisba adjective carrying the next name: "الروسي بوتين والأمريكي بايدن"
    return gap[0].norm in ("و", "او") or gap[0].norm.startswith("وال")


def groups(doc: Doc, lex: Lexicon, lo: int, hi: int, mentions: list[tuple[Actor, int, int]]) -> tuple[Group, ...]:
    """The actor groups of one sentence, in order."""
    out: list[Group] = []
    first = bisect.bisect_left(mentions, lo, key=lambda m: m[1])  # mentions are in token order
    for actor, i, j in mentions[first:]:
        if i >= hi:
            break
        if j > hi:
            continue
        if out and _coordinated(doc, lex, out[-1], actor, i):
            g = out[-1]
            out[-1] = Group(g.actors + (actor,), g.i, j, g.marker, g.conj, g.pron)
            continue
        tok = doc.tokens[i]
        lead = normalize_text(doc.raw[tok.start : actor.start]) if actor.start > tok.start else ""
        conj = lead.startswith(("و", "ف")) or (i > lo and doc.tokens[i - 1].norm == "و")
        word = doc.raw[tok.start : tok.end]
        pron = (actor.start <= tok.start and not tok.norm.startswith("ال") and word.endswith(("ه", "ها", "هم"))
                and any(enc for _, _, enc in tok.readings))
        out.append(Group((actor,), i, j, _marker(doc, lex, actor, i, lo), conj, pron))
    return tuple(out)


def clause_starts(doc: Doc, lex: Lexicon, lo: int, hi: int, verbs: set[int]) -> tuple[int, ...]:
    """Token indices opening a clause: boundary words, hard punctuation, and verbs carrying "و"/"ف"."""
    toks: tuple[Token, ...] = doc.tokens
    starts = [lo]
    bound = lex.single["boundary"]
    for k in range(lo + 1, hi):
        tok = toks[k]
        between = doc.raw[toks[k - 1].end : tok.start]
        w = tok.norm
        if w == "ذلك" and toks[k - 1].norm == "في":
            continue  # "بما في ذلك الحوثيين" (including) opens no clause
        if (any(c in ":;؛—" for c in between) or w in bound or _strip_conj(w) in bound
                or (k in verbs and w[0] in "وف")):
            starts.append(k)
    return tuple(starts)


def sentence_views(doc: Doc, lex: Lexicon, verbs: set[int], extra: list[Actor] | tuple[Actor, ...] = ()) -> list[SentenceView]:
    """A view of every sentence (``verbs``: token indices of clause-opening verbs; ``extra``: victim parties)."""
    mentions = actor_tokens(doc, extra)
    out = []
    for k, (lo, hi) in enumerate(token_ranges(doc)):
        gs = groups(doc, lex, lo, hi, mentions)
        inside = {t for g in gs for t in range(g.i + 1, g.j)}  # "التحالف الذي تقوده السعودية" is one party
        starts = tuple(t for t in clause_starts(doc, lex, lo, hi, verbs) if t not in inside)
        out.append(SentenceView(k, lo, hi, gs, starts))
    return out
