"""Cross-article event clusters: one real-world event reported by many outlets counted once.

Two event records (from different documents) are linked when they have the
same type, the same participant countries, dates within a day (the same month
or year when that is all the text gives), the same or an unknown place, and
similar sentences. Each cluster keeps its number of reports (records), of
mentions (every sentence telling it, across documents) and of distinct
sources (outlets), which is what GDELT's NumArticles/NumMentions/NumSources
meant to count.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date as Date
from typing import Any
from urllib.parse import urlsplit

import pandas as pd
from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from rasd.store import Store, insert_frame
from rasd.text.normalize import normalize_text

# Wire copies score 90-100; rewrites of the same report by another desk rarely drop under 60.
MIN_TEXT_SIMILARITY = 60.0
MAX_DAYS = 1


@dataclass(slots=True)
class _Ev:
    event_id: str
    doc_id: str
    day: int | None
    date: str | None
    place: int | str | None
    text: str
    source: str
    mentions: int


@dataclass(slots=True)
class _Cluster:
    first: int
    members: list[_Ev] = field(default_factory=list)
    docs: set[str] = field(default_factory=set)
    place: int | str | None = None

    def add(self, ev: _Ev) -> None:
        self.members.append(ev)
        self.docs.add(ev.doc_id)
        self.place = self.place if self.place is not None else ev.place


def _source(outlet: str | None, url: str | None, doc_source: str | None) -> str:
    """The outlet a document came from: its outlet field, else its URL's host, else where it was read."""
    if outlet:
        return outlet
    if url:
        host = urlsplit(url).hostname or ""
        return host.removeprefix("www.") or url
    return doc_source or "?"


def _day(date: str | None, precision: str | None) -> tuple[int | None, str | None]:
    """A day number for day-precise dates, else the coarse date string kept for exact matching."""
    if not isinstance(date, str) or not date:  # pandas gives NaN for a missing date
        return None, None
    if precision in ("day", "document") and len(date) >= 10:
        try:
            return Date.fromisoformat(date[:10]).toordinal(), None
        except ValueError:
            return None, date
    return None, date


def _load(store: Store) -> pd.DataFrame:
    """The events with what clustering needs from their documents and mentions."""
    return store.sql("""
        SELECT e.event_id, e.doc_id, e.event_type, e.date, e.date_precision, e.geonameid, e.place_country,
               e.actor_countries, e.recipient_countries, e.text, d.outlet, d.url, d.source,
               coalesce(m.n, 1) AS n_mentions
        FROM events e JOIN documents d USING (doc_id)
        LEFT JOIN (SELECT event_id, count(*) AS n FROM event_mentions GROUP BY event_id) m USING (event_id)
        ORDER BY e.event_id""")


def _similar(a: str, b: str) -> float:
    return fuzz.token_set_ratio(a, b)


def _compatible(c: _Cluster, ev: _Ev) -> bool:
    """Same or unknown place, another document, within the day window of the cluster's first report."""
    if ev.doc_id in c.docs:
        return False  # two records of one article are distinct events (EVENTS.md)
    if ev.day is not None and ev.day - c.first > MAX_DAYS:
        return False
    return ev.place is None or c.place is None or ev.place == c.place


def link(frame: pd.DataFrame, min_similarity: float = MIN_TEXT_SIMILARITY) -> list[list[_Ev]]:
    """Group event rows into clusters (lists of members, earliest first); deterministic for the same rows."""
    blocks: dict[tuple[Any, ...], list[_Ev]] = {}
    singles: list[list[_Ev]] = []
    for r in frame.itertuples(index=False):
        day, coarse = _day(r.date, r.date_precision)
        place = int(r.geonameid) if pd.notna(r.geonameid) else None
        ev = _Ev(r.event_id, r.doc_id, day, r.date, place, default_process(normalize_text(r.text or "")),
                 _source(r.outlet, r.url, r.source), int(r.n_mentions))
        parties = frozenset(c for c in list(r.actor_countries) + list(r.recipient_countries) if c)
        if not parties or (day is None and coarse is None):
            singles.append([ev])  # nothing to tell it from another report by: never merged
            continue
        blocks.setdefault((r.event_type, parties, coarse), []).append(ev)
    out = singles
    for evs in blocks.values():
        evs.sort(key=lambda e: (e.day or 0, e.doc_id, e.event_id))
        open_: list[_Cluster] = []
        for ev in evs:
            day = ev.day or 0
            open_ = [c for c in open_ if day - c.first <= MAX_DAYS]
            best, best_score = None, min_similarity
            for c in open_:
                if not _compatible(c, ev):
                    continue
                score = max(_similar(ev.text, m.text) for m in c.members[:3])
                if score >= best_score:
                    best, best_score = c, score
            if best is None:
                best = _Cluster(first=day)
                open_.append(best)
                out.append(best.members)
            best.add(ev)
    return out


def _cluster_id(members: list[_Ev]) -> str:
    return "cl-" + hashlib.sha256(members[0].event_id.encode("utf-8")).hexdigest()[:16]


def cluster_events(store: Store, min_similarity: float = MIN_TEXT_SIMILARITY) -> dict[str, int]:
    """Rebuild the event_clusters tables from the events; return counts for the run report."""
    frame = _load(store)
    types = dict(zip(frame["event_id"], frame["event_type"]))
    rows, members = [], []
    for group in link(frame, min_similarity):
        cid = _cluster_id(group)
        dates = sorted(m.date for m in group if m.date)
        sources = sorted({m.source for m in group})
        rows.append({"cluster_id": cid, "event_type": types[group[0].event_id], "date": group[0].date,
                     "first_date": dates[0] if dates else None, "last_date": dates[-1] if dates else None,
                     "n_reports": len(group), "n_mentions": sum(m.mentions for m in group),
                     "n_sources": len(sources), "sources": sources, "doc_ids": [m.doc_id for m in group],
                     "event_ids": [m.event_id for m in group]})
        members.extend({"event_id": m.event_id, "cluster_id": cid} for m in group)
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM event_cluster_members")
        con.execute("DELETE FROM event_clusters")
        if rows:
            insert_frame(con, "event_clusters", pd.DataFrame(rows))
            insert_frame(con, "event_cluster_members", pd.DataFrame(members))
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    sizes = [r["n_reports"] for r in rows]
    return {"events": len(frame), "clusters": len(rows), "multi": sum(1 for s in sizes if s > 1),
            "largest": max(sizes, default=0)}


def clusters_stale(store: Store) -> bool:
    """Whether some event has no cluster or a cluster member is gone (the table needs a rebuild)."""
    n = store.con.execute("""
        SELECT (SELECT count(*) FROM events e WHERE NOT EXISTS
                  (SELECT 1 FROM event_cluster_members m WHERE m.event_id = e.event_id))
             + (SELECT count(*) FROM event_cluster_members m WHERE NOT EXISTS
                  (SELECT 1 FROM events e WHERE e.event_id = m.event_id))""").fetchone()[0]
    return bool(n)


def ensure_clusters(store: Store) -> None:
    """Rebuild the clusters when the events changed since they were built."""
    if clusters_stale(store):
        cluster_events(store)


def cluster_sample(store: Store, n: int = 10) -> list[dict[str, Any]]:
    """The largest multi-source clusters with their sentences, for reading."""
    top = store.sql("SELECT * FROM event_clusters WHERE n_reports > 1 ORDER BY n_reports DESC, cluster_id LIMIT ?", [n])
    out = []
    for r in top.itertuples(index=False):
        texts = store.sql("SELECT e.event_id, d.outlet, e.date, e.text FROM events e JOIN documents d USING (doc_id) "
                          "WHERE list_contains(?, e.event_id) ORDER BY e.event_id", [list(r.event_ids)])
        out.append({"cluster_id": r.cluster_id, "event_type": r.event_type, "n_reports": int(r.n_reports),
                    "sources": list(r.sources), "texts": json.loads(texts.to_json(orient="records", force_ascii=False))})
    return out
