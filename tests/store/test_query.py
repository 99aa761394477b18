"""Questions without SQL: the Python API, and the `rasd query` examples of the README run as written."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from rasd.store import Store
from rasd.store.query import events_at, events_between, events_by_type, monthly_counts, top_pairs

ROOT = Path(__file__).resolve().parents[2]


def test_between(wire_db: Path) -> None:
    with Store(wire_db, read_only=True) as store:
        events = events_between(store, "sau", "USA", "2015-08-01", "2015-08-10")
        reports = events_between(store, "SAU", "USA", "2015-08-01", "2015-08-10", reports=True)
        later = events_between(store, "USA", "SAU", "2015-08")
        assert events_between(store, "SAU", "KWT").empty  # a condemnation with no recipient names no pair
    assert list(events["doc_id"]) == ["wire-1"]  # three reports, one event: the earliest stands for it
    assert events["num_reports"].tolist() == [3]
    assert sorted(reports["doc_id"]) == ["wire-1", "wire-2", "wire-3"]
    assert list(later["date"]) == ["2015-08-05", "2015-08-20"]


def test_type_place(wire_db: Path) -> None:
    with Store(wire_db, read_only=True) as store:
        assert list(events_by_type(store, "accuse")["doc_id"]) == ["wire-4"]
        assert list(events_by_type(store, "CONSULT", end="2015-08-10")["date"]) == ["2015-08-05"]
        assert list(events_at(store, "Jeddah", reports=True)["doc_id"]) == ["wire-1", "wire-2"]
        assert list(events_at(store, "جدة", reports=True)["doc_id"]) == ["wire-1", "wire-2"]
        assert list(events_at(store, "KWT")["event_type"]) == ["ACCUSE"]


def test_pairs_monthly(wire_db: Path) -> None:
    with Store(wire_db, read_only=True) as store:
        pairs = top_pairs(store)
        names = top_pairs(store, by="actor")
        monthly = monthly_counts(store)
    assert pairs.to_dict("records") == [{"actor": "USA", "recipient": "SAU", "n_events": 2, "n_reports": 4}]
    assert names.iloc[0].tolist() == ["John Kerry", "Salman bin Abdulaziz", 2, 4]
    assert monthly.to_dict("records") == [
        {"month": "2015-06", "event_type": "ACCUSE", "n_events": 1, "n_reports": 1},
        {"month": "2015-08", "event_type": "CONSULT", "n_events": 2, "n_reports": 4},
    ]


def _app() -> typer.Typer:
    """The rasd command with the data commands (registered here when cli.py does not yet)."""
    from rasd.cli import app

    names = {g.name for g in app.registered_groups}
    if "query" in names:
        return app
    from rasd.cli_data import register

    fresh = typer.Typer()
    fresh.command("noop")(lambda: None)
    register(fresh)
    return fresh


def _examples() -> list[list[str]]:
    """The `rasd query`/`rasd export` lines of README.md's "## Query" section, else of docs/scale.md's."""
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8") if readme.exists() else ""
    if "\n## Query" not in text:
        text = (ROOT / "docs" / "scale.md").read_text(encoding="utf-8")
    section = text.split("\n## Query", 1)[1].split("\n## ", 1)[0]
    lines = [ln.strip() for ln in section.splitlines()]
    return [shlex.split(ln)[1:] for ln in lines if re.match(r"rasd (query|export)\b", ln)]


def test_readme_examples_run(wire_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    examples = _examples()
    assert len(examples) >= 6
    monkeypatch.chdir(wire_db.parent.parent)  # the examples use the default store, out/rasd.duckdb
    runner = CliRunner()
    app = _app()
    for args in examples:
        result = runner.invoke(app, args)
        assert result.exit_code == 0, (args, result.output)
        assert "(0 rows)" not in result.output, args


def test_usage_errors(wire_db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    app = _app()
    assert runner.invoke(app, ["query", "type", "CONSULT", "--db", str(tmp_path / "none.duckdb")]).exit_code == 2
    assert runner.invoke(app, ["query", "--db", str(wire_db)]).exit_code == 2
    assert runner.invoke(app, ["query", "--sql", "SELEC nothing", "--db", str(wire_db)]).exit_code == 2
    assert runner.invoke(app, ["query", "pairs", "--by", "sector", "--db", str(wire_db)]).exit_code == 2
    assert runner.invoke(app, ["export", "--out", str(tmp_path), "--format", "xml", "--db", str(wire_db)]).exit_code == 2
    ok = runner.invoke(app, ["query", "--sql", "SELECT count(*) AS n FROM events", "--db", str(wire_db)])
    assert ok.exit_code == 0 and "5" in ok.output
