"""A word's CRF attribute ids, found by table look-ups instead of building its feature strings.

``features.word_features`` spells a word's features as strings ("p2=ال",
"-1:w=دمشق"...) for crfsuite. The fast decoder needs only which of the
model's attributes they are: here the model's attribute names are split once
into (offset, prefix) -> value -> id tables, and a word's features are looked
up by value in the same order ``word_features`` and ``_word`` produce them.
tests/entities/test_fast.py checks the two agree on real words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from rasd.entities.features import Reading, _clusters, _gazetteer, _names, _places, _shape, _triggers
from rasd.segment.clitics import analyze

_OFFSET = re.compile(r"(-?\d):")
_SHIFTS = (-2, -1, 1, 2)
_KINDS = {"per_title": "per", "loc_trigger": "loc", "org_trigger": "org", "misc_trigger": "mis"}
Table = dict[str, int]
GazCands = tuple[tuple[tuple[tuple[str, ...], str], ...], ...]
# a base form's "b=" id, trigger class, name band, place flag, cluster ids, gazetteer phrases it opens
BaseInfo = tuple[int | None, str | None, str | None, bool, str | None, tuple[tuple[tuple[str, ...], str], ...] | None]
# attribute ids of the own features, of the borrowable ones at offsets -2, -1, +1, +2; evidence bases, kind, gazetteer candidates
WordInfo = tuple[list[int], tuple[list[int], list[int], list[int], list[int]], tuple[str, ...], str | None, GazCands]


def split_attrs(attrs: Mapping[str, int]) -> dict[tuple[int, str], Table]:
    """The model's attribute names as (offset, prefix) -> value -> id ("-1:w=x" is (-1, "w"), "x"; "pl" is (0, "pl"), "")."""
    out: dict[tuple[int, str], Table] = {}
    for name, i in attrs.items():
        d = 0
        m = _OFFSET.match(name)
        if m:
            d, name = int(m.group(1)), name[m.end() :]
        prefix, _, value = name.partition("=")
        out.setdefault((d, prefix), {})[value] = i
    return out


def _merged(t: dict[tuple[int, str], Table], prefix: str) -> dict[str, tuple[int | None, ...]]:
    """value -> ids of the feature as the word's own and as borrowed at offsets -2, -1, +1, +2 (one look-up for five)."""
    tabs = [t.get((d, prefix), {}) for d in (0, *_SHIFTS)]
    keys = set().union(*tabs)
    return {k: tuple(tab.get(k) for tab in tabs) for k in keys}


class WordRows:
    """Computes ``WordInfo`` for words, mirroring ``word_features`` and ``_word`` exactly."""

    def __init__(self, attrs: Mapping[str, int]) -> None:
        t = split_attrs(attrs)
        self.bias = attrs.get("b")
        self.own = {p: t.get((0, p), {}) for p in ("sh", "len", "sp2", "ss2", "ss3", "pro", "b", "nm", "pl", "c0", "c1", "c2")}
        self.words = _merged(t, "w")
        self.stems = _merged(t, "st")
        self.classes = _merged(t, "tr")
        self.aff = [(k, t.get((0, f"p{k}"), {}), t.get((0, f"s{k}"), {})) for k in (1, 2, 3, 4)]
        self.share = [{p: t.get((d, p), {}) for p in ("nm", "pl", "c1", "c2")} for d in _SHIFTS]
        self.head = {(sh, k): [self.own["sh"].get(sh), self.own["len"].get(str(k))] for sh in ("D", "DDDD", "L", "A", "X") for k in range(9)}
        self.none = (None,) * 5
        # caches: base forms recur across words, and 4-character affixes fix all shorter ones
        self._bases: dict[str, BaseInfo] = {}
        self._pre: dict[str, list[int | None]] = {}
        self._suf: dict[str, list[int | None]] = {}
        # ids of the features that follow from the name band, place flag and cluster ids alone: few distinct values
        self._lex: dict[tuple[str | None, bool, str | None], tuple[list[int | None], list[list[int | None]]]] = {}

    def _lexical(self, band: str | None, place: bool, cl: str | None) -> tuple[list[int | None], list[list[int | None]]]:
        """Own and per-offset borrowable ids of a word's name band, place flag and clusters (cached per value)."""
        key = (band, place, cl)
        got = self._lex.get(key)
        if got is None:
            own: list[tuple[str, str]] = []
            share: list[tuple[str, str]] = []
            if band:
                own.append(("nm", band))
                share.append(("nm", band))
            if place:
                own.append(("pl", ""))
                share.append(("pl", ""))
            if cl:
                ids = cl.split("|")
                own += [(f"c{k}", c) for k, c in enumerate(ids)]
                share += [(f"c{k}", c) for k, c in enumerate(ids[1:], 1)]
            got = ([self.own[p].get(v) for p, v in own], [[tab[p].get(v) for p, v in share] for tab in self.share])
            self._lex[key] = got
        return got

    def _base(self, b: str) -> BaseInfo:
        """What the lists say of one base form (cached: bases recur across many words)."""
        got = self._bases.get(b)
        if got is None:
            if len(self._bases) > 500_000:
                self._bases.clear()
            gaz = _gazetteer().get(b)
            got = self._bases[b] = (self.own["b"].get(b), _triggers().get(b), _names().get(b), b in _places(),
                                    _clusters().get(b), tuple(gaz) if gaz else None)
        return got

    def _affixes(self, norm: str) -> list[int | None]:
        """Ids of p1, s1, p2, s2 ... p4, s4 (the 4-character prefix and suffix fix all of them: cached)."""
        n = len(norm)
        if n <= 4:
            out: list[int | None] = []
            for k, pre, suf in self.aff[: n - 1]:
                out.append(pre.get(norm[:k]))
                out.append(suf.get(norm[-k:]))
            return out
        p4, s4 = norm[:4], norm[-4:]
        pre = self._pre.get(p4)
        if pre is None:
            pre = self._pre[p4] = [tab.get(p4[:k]) for k, tab, _ in self.aff]
        suf = self._suf.get(s4)
        if suf is None:
            suf = self._suf[s4] = [tab.get(s4[-k:]) for k, _, tab in self.aff]
        return [pre[0], suf[0], pre[1], suf[1], pre[2], suf[2], pre[3], suf[3]]

    def info(self, norm: str, readings: tuple[Reading, ...] | None) -> WordInfo:
        """The attribute ids, evidence bases, evidence kind and gazetteer candidates of one word."""
        analysed = readings if readings is not None else analyze(norm)
        o = self.own
        bases = list(dict.fromkeys([r[1] for r in analysed])) or [norm]
        stem = bases[-1]
        n = len(norm)
        none = self.none
        w = self.words.get(norm, none)
        # in word_features' order: w, sh, len, affixes, stem, proclitics, bases with trigger classes, band, place, clusters
        own = [self.bias, w[0], *self.head[_shape(norm), min(n, 8)]]
        pre, suf = self._pre.get(norm[:4]), self._suf.get(norm[-4:])
        if n > 4 and pre is not None and suf is not None:
            own += (pre[0], suf[0], pre[1], suf[1], pre[2], suf[2], pre[3], suf[3])
        else:
            own += self._affixes(norm)
        st = none
        if stem != norm:
            st = self.stems.get(stem, none)
            if len(stem) > 2:
                own += (st[0], o["sp2"].get(stem[:2]), o["ss2"].get(stem[-2:]), o["ss3"].get(stem[-3:]))
        if len(analysed) > 1:
            pro = {r[0] for r in analysed[1:]}
            pro.discard("")
            if pro:
                p_ids = o["pro"]
                for p in sorted(pro):
                    own.append(p_ids.get(p))
        classes: list[tuple[int | None, ...]] = []
        seen: list[str] = []
        band = cl = None
        place = False
        bget, base = self._bases.get, self._base
        kind_cls = kind_nm = None
        ev: list[str] = []
        cands: list[tuple[tuple[tuple[str, ...], str], ...]] = []
        for b in bases:
            bid, cls, nm, pl, clu, gz = bget(b) or base(b)
            if gz:
                cands.append(gz)
            if b != norm:
                ev.append(b)
                own.append(bid)
                if kind_cls is None:
                    kind_cls = cls
                if nm == "h" or nm == "m":
                    kind_nm = True
            if cls and cls not in seen:
                seen.append(cls)
                tr = self.classes.get(cls, none)
                classes.append(tr)
                own.append(tr[0])
            if band is None:
                band = nm
            if pl:
                place = True
            if cl is None:
                cl = clu
        lex = self._lex.get((band, place, cl)) or self._lexical(band, place, cl)
        own += lex[0]
        shifted = []
        for k in (1, 2, 3, 4):
            ids = [w[k]]
            for tr in classes:
                ids.append(tr[k])
            ids += lex[1][k - 1]
            ids.append(st[k])
            shifted.append([i for i in ids if i is not None])
        # _word's evidence bases (the clitic-stripped bases, then the word itself) and the kind of word it is
        ev.append(norm)
        _, cls, nm, _, _, _ = bget(norm) or base(norm)
        if kind_cls is None:
            kind_cls = cls
        kind = _KINDS.get(kind_cls) if kind_cls else None
        if kind is None and (kind_nm or nm == "h" or nm == "m"):
            kind = "nm"
        # gazetteer_marks looks up the word, then its readings' bases (analysed again when it has none)
        if not (bases[0] == norm and readings):
            gbases = dict.fromkeys([norm, *(r[1] for r in (readings or analyze(norm)))])
            cands = [g for g in ((bget(b) or base(b))[5] for b in gbases) if g]
        return [i for i in own if i is not None], tuple(shifted), tuple(ev), kind, tuple(cands)  # type: ignore[return-value]
