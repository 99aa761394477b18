"""Scores of one reading against gold, as ../shared/spec/GOLD.md defines them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from rasd.text.normalize import normalize_text

_PROCLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك")
AUX_CONTEXT = ("future", "hypothetical", "negation", "historical")


@dataclass(slots=True)
class Counts:
    """True positives, false positives and false negatives, with P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        """Accumulate another count."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Ratio:
    """Hits out of a total."""

    hit: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        """Count one case."""
        self.total += 1
        self.hit += int(ok)

    def merge(self, other: Ratio) -> None:
        """Accumulate another ratio."""
        self.hit += other.hit
        self.total += other.total

    @property
    def value(self) -> float:
        return self.hit / self.total if self.total else 1.0


def repair_counts(pred: Sequence[tuple[str, str]], gold: dict[str, str]) -> Counts:
    """Distinct (raw, fixed) repairs; a leading proclitic on one side only is tolerated."""
    pred_set = set(pred)
    gold_set = set(gold.items())

    def same(a: tuple[str, str], b: tuple[str, str]) -> bool:
        for p in _PROCLITICS:
            if (p + a[0], p + a[1]) == b or (a[0], a[1]) == (p + b[0], p + b[1]):
                return True
        return False

    matched_pred: set[tuple[str, str]] = set()
    tp = 0
    for g in gold_set:
        hit = next((p for p in pred_set if p not in matched_pred and same(p, g)), None)
        if hit is not None:
            matched_pred.add(hit)
            tp += 1
    return Counts(tp=tp, fp=len(pred_set) - len(matched_pred), fn=len(gold_set) - tp)


def covered(raw: str, text: str, spans: Sequence[tuple[int, int]], min_share: float = 0.9) -> bool:
    """Does some occurrence of ``text`` in ``raw`` lie (mostly) inside the given spans?"""
    start = raw.find(text)
    while start >= 0:
        end = start + len(text)
        inside = sum(max(0, min(end, e) - max(start, s)) for s, e in spans)
        if inside >= min_share * len(text):
            return True
        start = raw.find(text, start + 1)
    return False


def _codes(items: Sequence[Any]) -> list[str]:
    return [c if isinstance(c, str) else f"{c.get('country')} {c.get('sector_code')}".strip() for c in items]


def _countries(codes: Sequence[str]) -> set[str]:
    return {c.split()[0] for c in codes if c}


@dataclass(slots=True)
class EventScores:
    """Event P/R/F1 and the stricter figures over matched events."""

    counts: Counts = field(default_factory=Counts)
    direction: Ratio = field(default_factory=Ratio)
    sector: Ratio = field(default_factory=Ratio)
    place: Ratio = field(default_factory=Ratio)
    context: Ratio = field(default_factory=Ratio)
    mode: Ratio = field(default_factory=Ratio)
    date: Ratio = field(default_factory=Ratio)
    foreign_places: int = 0  # matched events placed outside the country the gold gives
    missed: list[str] = field(default_factory=list)  # gold events no extracted event matched
    extra: list[str] = field(default_factory=list)  # extracted events matching no gold or optional event

    def merge(self, other: EventScores) -> None:
        """Accumulate another document's scores."""
        self.counts.add(other.counts)
        for name in ("direction", "sector", "place", "context", "mode", "date"):
            getattr(self, name).merge(getattr(other, name))
        self.foreign_places += other.foreign_places
        self.missed += other.missed
        self.extra += other.extra


def _matches(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    if pred["event"][0] != gold["event"]:
        return False
    p_codes = _codes(pred["actor"]) + _codes(pred.get("recipient") or [])
    g_codes = list(gold.get("actor") or []) + list(gold.get("recipient") or [])
    if _countries(p_codes) != _countries(g_codes):
        return False
    return gold.get("date") is None or pred.get("date") == gold["date"]


def _same_place(pred: dict[str, Any], gold: dict[str, Any], place_ids: dict[str, set[int]]) -> bool:
    loc = pred.get("event_loc")
    if not gold.get("place"):
        return loc is None
    if not loc:
        return False
    if loc.get("geonameid") is not None and loc["geonameid"] in place_ids.get(gold["place"], ()):
        return True  # the place the gold names by another name ("Nur-Sultan", "Astana"), resolved to one entry
    gname = normalize_text(gold["place"]).lower()
    names = {normalize_text(str(loc.get(k) or "")).lower() for k in ("name", "raw_text")}
    return gname in names or (gold.get("place_country") == loc.get("country") and any(gname in n or n in gname for n in names if n))


def _quality(p: dict[str, Any], g: dict[str, Any], place_ids: dict[str, set[int]]) -> int:
    """How many of the stricter figures a candidate pair gets right (actors, sectors, place, mode, date)."""
    p_act, p_rec = _codes(p["actor"]), _codes(p.get("recipient") or [])
    g_act, g_rec = list(g.get("actor") or []), list(g.get("recipient") or [])
    return (int(_countries(p_act) == _countries(g_act) and _countries(p_rec) == _countries(g_rec))
            + int(set(p_act) == set(g_act) and set(p_rec) == set(g_rec))
            + int(_same_place(p, g, place_ids))
            + int(({g["mode"]} if g.get("mode") else set()) == set(p.get("mode") or []))
            + int(g.get("date") is not None and p.get("date") == g.get("date")))


def _max_matching(pred: Sequence[dict[str, Any]], golds: Sequence[dict[str, Any]],
                  place_ids: dict[str, set[int]]) -> dict[int, int]:
    """Gold index -> extracted index: as many pairs as possible, and among those the best on the strict figures.

    Min-cost flow by successive shortest paths (Bellman-Ford; a document has a handful of events): each pair
    costs a large constant less its quality, so the number of pairs comes first and their quality second.
    """
    n_g, n_p = len(golds), len(pred)
    src, sink = n_g + n_p, n_g + n_p + 1
    edges: list[list[int]] = []  # [to, capacity, cost, reverse index] per edge, by node
    graph: list[list[int]] = [[] for _ in range(n_g + n_p + 2)]

    def add(u: int, v: int, cost: int) -> None:
        graph[u].append(len(edges))
        edges.append([v, 1, cost, len(edges) + 1])
        graph[v].append(len(edges))
        edges.append([u, 0, -cost, len(edges) - 1])

    for gi, g in enumerate(golds):
        add(src, gi, 0)
        for k, p in enumerate(pred):
            if _matches(p, g):
                add(gi, n_g + k, 100 - _quality(p, g, place_ids))
    for k in range(n_p):
        add(n_g + k, sink, 0)
    while True:
        dist = [float("inf")] * len(graph)
        via: list[int | None] = [None] * len(graph)
        dist[src] = 0
        for _ in range(len(graph)):
            changed = False
            for u in range(len(graph)):
                if dist[u] == float("inf"):
                    continue
                for e in graph[u]:
                    v, cap, cost, _ = edges[e]
                    if cap and dist[u] + cost < dist[v]:
                        dist[v], via[v], changed = dist[u] + cost, e, True
            if not changed:
                break
        if dist[sink] == float("inf"):
            break
        v = sink
        while v != src:
            e = via[v]
            assert e is not None
            edges[e][1] -= 1
            edges[edges[e][3]][1] += 1
            v = edges[edges[e][3]][0]
    out: dict[int, int] = {}
    for gi in range(n_g):
        for e in graph[gi]:
            v, cap, cost, _ = edges[e]
            if n_g <= v < n_g + n_p and cap == 0 and e % 2 == 0:
                out[gi] = v - n_g
    return out


def score_events(pred: Sequence[dict[str, Any]], gold: dict[str, Any],
                 place_ids: dict[str, set[int]] | None = None) -> EventScores:
    """Match extracted events to gold events (each at most once) and to optional ones.

    ``place_ids`` maps a gold place name to the gazetteer ids its gold entity texts resolve to in this
    document, so a place the gold calls by a former name still counts as the same place.
    """
    out = EventScores()
    place_ids = place_ids or {}
    golds = list(gold.get("events", []))
    pairs = _max_matching(pred, golds, place_ids)
    used: set[int] = set(pairs.values())
    for gi, g in enumerate(golds):
        best = pairs.get(gi)
        if best is None:
            out.counts.fn += 1
            out.missed.append(f"{g['event']} {g.get('actor')} -> {g.get('recipient')} {g.get('date')}: {g.get('evidence', '')[:90]}")
            continue
        out.counts.tp += 1
        p = pred[best]
        p_act, p_rec = _codes(p["actor"]), _codes(p.get("recipient") or [])
        g_act, g_rec = list(g.get("actor") or []), list(g.get("recipient") or [])
        out.direction.add(_countries(p_act) == _countries(g_act) and _countries(p_rec) == _countries(g_rec))
        out.sector.add(set(p_act) == set(g_act) and set(p_rec) == set(g_rec))
        out.place.add(_same_place(p, g, place_ids))
        loc = p.get("event_loc")
        if g.get("place_country") and loc and loc.get("country") != g["place_country"]:
            out.foreign_places += 1
        p_ctx = {c for c in p.get("context") or [] if c in AUX_CONTEXT}
        out.context.add(p_ctx == {c for c in g.get("context") or [] if c in AUX_CONTEXT})
        g_mode = g.get("mode")
        out.mode.add(({g_mode} if g_mode else set()) == set(p.get("mode") or []))
        out.date.add(g.get("date") is None or p.get("date") == g.get("date"))
    for k, p in enumerate(pred):
        if k in used:
            continue
        if any(_matches(p, o) for o in gold.get("optional_events", [])):
            continue
        out.counts.fp += 1
        out.extra.append(f"{p['event'][0]} {_codes(p['actor'])} -> {_codes(p.get('recipient') or [])} {p.get('date')}: "
                         f"{(p.get('text') or '')[:90]}")
    return out
