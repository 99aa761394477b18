"""A store holding the hand-coded wire articles, built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.store import Store
from rasd.store.clusters import cluster_events
from tests.store.wire import wire_docs


@pytest.fixture(scope="session")
def wire_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """out/rasd.duckdb under a fresh folder, holding the five wire articles and their clusters."""
    path = tmp_path_factory.mktemp("wire") / "out" / "rasd.duckdb"
    with Store(path) as store:
        store.write(wire_docs(), coded_date="2026-01-01")
        cluster_events(store)
    return path
