"""The questions users ask of the store, answered as pandas DataFrames (no SQL needed).

List questions return one row per real-world event (a cross-article cluster,
its earliest report standing for it, with ``num_reports`` and
``num_sources``), or every report with ``reports=True``. Counts give both
events and reports, so a story copied by ten papers counts once.
Dates filter on the event's date (ISO strings compare in order).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from rasd.store import Store
from rasd.store.export import FLAT_SQL


def _window(start: str | None, end: str | None, col: str = "e.date") -> tuple[str, list[Any]]:
    """A SQL condition for a date range (either end open) and its parameters."""
    cond, params = ["TRUE"], []
    if start:
        cond.append(f"substr({col}, 1, 10) >= ?")
        params.append(start)
    if end:
        cond.append(f"substr({col}, 1, {len(end)}) <= ?")  # "--to 2021-07" keeps every day of July
        params.append(end)
    return " AND ".join(cond), params


def _events(store: Store, where: str, params: list[Any], reports: bool, limit: int | None) -> pd.DataFrame:
    """Flat event rows whose event matches ``where`` (over table ``e``), one per cluster unless ``reports``."""
    one = "" if reports else ("QUALIFY row_number() OVER (PARTITION BY coalesce(f.cluster_id, f.event_id) "
                              "ORDER BY f.date, f.doc_id, f.event_id) = 1")
    sql = (f"SELECT f.* FROM ({FLAT_SQL}) f WHERE f.event_id IN (SELECT e.event_id FROM events e WHERE {where}) "
           f"{one} ORDER BY f.date, f.event_type, f.doc_id, f.event_id")
    if limit:
        sql += f" LIMIT {int(limit)}"
    return store.sql(sql, params)


def events_between(store: Store, a: str, b: str, start: str | None = None, end: str | None = None, *,
                   event_type: str | None = None, reports: bool = False, limit: int | None = None) -> pd.DataFrame:
    """Events between two countries (either direction, or both among the actors of a reciprocal event)."""
    a, b = a.upper(), b.upper()
    cond = ("((list_contains(e.actor_countries, ?) AND list_contains(e.recipient_countries, ?)) "
            "OR (list_contains(e.actor_countries, ?) AND list_contains(e.recipient_countries, ?)) "
            "OR (len(e.recipient_countries) = 0 AND list_contains(e.actor_countries, ?) "
            "AND list_contains(e.actor_countries, ?)))")
    params: list[Any] = [a, b, b, a, a, b]
    window, wparams = _window(start, end)
    cond += f" AND {window}"
    params += wparams
    if event_type:
        cond += " AND e.event_type = ?"
        params.append(event_type.upper())
    return _events(store, cond, params, reports, limit)


def events_by_type(store: Store, event_type: str, start: str | None = None, end: str | None = None, *,
                   reports: bool = False, limit: int | None = None) -> pd.DataFrame:
    """Events of one PLOVER type in a date range."""
    window, params = _window(start, end)
    return _events(store, f"e.event_type = ? AND {window}", [event_type.upper(), *params], reports, limit)


def events_at(store: Store, place: str, start: str | None = None, end: str | None = None, *,
              reports: bool = False, limit: int | None = None) -> pd.DataFrame:
    """Events at a place: an ISO3 country code, a gazetteer name (Damascus) or the words of the text (دمشق)."""
    window, params = _window(start, end)
    cond = ("(e.place_country = ? OR lower(e.place_name) = lower(?) "
            "OR json_extract_string(e.record, '$.event_loc.raw_text') = ?)")
    return _events(store, f"{cond} AND {window}", [place.upper(), place, place, *params], reports, limit)


def top_pairs(store: Store, n: int = 10, start: str | None = None, end: str | None = None, *,
              by: str = "country") -> pd.DataFrame:
    """The actor-recipient pairs with the most events (reciprocal events count for each pair of their actors)."""
    if by not in ("country", "actor"):
        raise ValueError("by must be 'country' or 'actor'")
    ac, rc = ("actor_countries", "recipient_countries") if by == "country" else ("actor_names", "recipient_names")
    window, params = _window(start, end)
    sql = f"""
        WITH ev AS (
            SELECT e.event_id, coalesce(m.cluster_id, e.event_id) AS cid, e.{ac} AS acts, e.{rc} AS recs
            FROM events e LEFT JOIN event_cluster_members m USING (event_id) WHERE {window}),
        pairs AS (
            SELECT cid, event_id, a AS actor, r AS recipient
            FROM (SELECT cid, event_id, unnest(acts) AS a, recs FROM ev WHERE len(recs) > 0), unnest(recs) AS t(r)
            UNION ALL
            SELECT cid, event_id, least(a, b), greatest(a, b)
            FROM (SELECT cid, event_id, unnest(acts) AS a, acts FROM ev WHERE len(recs) = 0), unnest(acts) AS t(b)
            WHERE a < b)
        SELECT actor, recipient, count(DISTINCT cid) AS n_events, count(DISTINCT event_id) AS n_reports
        FROM pairs WHERE actor IS NOT NULL AND recipient IS NOT NULL AND actor <> recipient
        GROUP BY actor, recipient ORDER BY n_events DESC, n_reports DESC, actor, recipient LIMIT {int(n)}"""
    return store.sql(sql, params)


def monthly_counts(store: Store, event_type: str | None = None, start: str | None = None,
                   end: str | None = None) -> pd.DataFrame:
    """Events and reports per month and type (events are clusters: a copied story counts once)."""
    window, params = _window(start, end)
    cond = window
    if event_type:
        cond += " AND e.event_type = ?"
        params.append(event_type.upper())
    return store.sql(f"""
        SELECT substr(e.date, 1, 7) AS month, e.event_type, count(DISTINCT coalesce(m.cluster_id, e.event_id)) AS n_events,
               count(*) AS n_reports
        FROM events e LEFT JOIN event_cluster_members m USING (event_id)
        WHERE e.date IS NOT NULL AND {cond}
        GROUP BY ALL ORDER BY month, event_type""", params)


def run_sql(store: Store, sql: str) -> pd.DataFrame:
    """Any SQL over the tables (documents, entities, events, event_mentions, event_clusters...)."""
    return store.sql(sql)
