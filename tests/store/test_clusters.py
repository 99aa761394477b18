"""Cross-article clusters: one meeting told by three papers is one event with three sources."""

from __future__ import annotations

from pathlib import Path

from rasd.store import Store
from rasd.store.clusters import cluster_events, clusters_stale, ensure_clusters, link
from tests.store.wire import wire_docs


def test_three_papers_one_meeting(wire_db: Path) -> None:
    with Store(wire_db, read_only=True) as store:
        c = store.sql("SELECT * FROM event_clusters ORDER BY n_reports DESC, date")
    assert list(c["n_reports"]) == [3, 1, 1]
    top = c.iloc[0]
    assert top["event_type"] == "CONSULT"
    assert sorted(top["doc_ids"]) == ["wire-1", "wire-2", "wire-3"]
    assert list(top["sources"]) == ["alriyadh", "alyaum", "okaz"]
    assert top["n_sources"] == 3
    assert top["n_mentions"] == 6  # each paper tells it in its headline and its lead
    assert (top["first_date"], top["last_date"]) == ("2015-08-05", "2015-08-06")
    # the same parties a fortnight later, and a condemnation, stay events of their own
    assert sorted(c[c["n_reports"] == 1]["date"]) == ["2015-06-26", "2015-08-20"]


def test_rules_that_keep_reports_apart(tmp_path: Path) -> None:
    docs = wire_docs()
    with Store(tmp_path / "a.duckdb") as store:
        store.write(docs, coded_date="2026-01-01")
        frame = store.sql("""
            SELECT e.*, d.outlet, d.url, d.source, 1 AS n_mentions FROM events e JOIN documents d USING (doc_id)
            ORDER BY e.event_id""")
    assert sorted(len(g) for g in link(frame)) == [1, 1, 3]
    assert sorted(len(g) for g in link(frame, min_similarity=101)) == [1, 1, 1, 1, 1]  # text must agree
    moved = frame.copy()
    moved.loc[moved["doc_id"] == "wire-2", "geonameid"] = 108410  # Riyadh, not Jeddah
    assert sorted(len(g) for g in link(moved)) == [1, 1, 1, 2]
    later = frame.copy()
    later.loc[later["doc_id"] == "wire-3", "date"] = "2015-08-07"  # two days after the first report
    assert sorted(len(g) for g in link(later)) == [1, 1, 1, 2]


def test_rebuilt_when_events_change(tmp_path: Path) -> None:
    docs = wire_docs()
    with Store(tmp_path / "a.duckdb") as store:
        store.write(docs[:2], coded_date="2026-01-01")
        assert cluster_events(store) == {"events": 2, "clusters": 1, "multi": 1, "largest": 2}
        store.write(docs[2:], coded_date="2026-01-01")
        assert clusters_stale(store)
        ensure_clusters(store)
        assert not clusters_stale(store)
        assert store.sql("SELECT max(n_reports) AS m FROM event_clusters")["m"][0] == 3


def test_undated_events_are_not_linked_by_date() -> None:
    from rasd.store.clusters import _day

    assert _day(float("nan"), "day") == (None, None)
    assert _day(None, "document") == (None, None)
    assert _day("2015-08-07", "day")[0] == __import__("datetime").date(2015, 8, 7).toordinal()
    assert _day("2015-08", "month") == (None, "2015-08")
