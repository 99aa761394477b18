"""`rasd export` and `rasd query`: the store's data out, and its questions answered without SQL.

Exit codes: 0 ok; 2 usage error (bad option, no store, bad SQL, a statement that would write);
5 the store is in use by a running `rasd run`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import typer
from rich.console import Console
from rich.table import Table

from rasd.console import plain

EXIT_OK, EXIT_USAGE, EXIT_BUSY = 0, 2, 5
DEFAULT_DB = Path("out") / "rasd.duckdb"
console = Console()
err = Console(stderr=True)

query_app = typer.Typer(add_completion=False, no_args_is_help=False,
                        help="Ask the store: events between countries, by type, by place; top pairs; monthly counts; or --sql.")

_DB = typer.Option(DEFAULT_DB, "--db", help="The DuckDB store written by `rasd run`.")
_FROM = typer.Option(None, "--from", help="First date (ISO, e.g. 2021-07-01).")
_TO = typer.Option(None, "--to", help="Last date (ISO; 2021-07 means to the end of July).")
_REPORTS = typer.Option(False, "--reports", help="Every report, not one row per real-world event.")
_LIMIT = typer.Option(50, "--limit", "-n", help="How many rows to print.")


def _open(db: Path, command: str, *, read_only: bool = False):  # noqa: ANN202 - a Store, imported lazily
    """The store at ``db`` with its clusters current, or a clean exit with a usage error. ``read_only``:
    the clusters are brought up to date first, then the store is reopened read-only, without access to
    files outside it (what `query --sql` runs cannot change the store or touch other files)."""
    from rasd.store import Store
    from rasd.store.clusters import ensure_clusters

    if not db.exists():
        err.print(f"rasd {command}: {db}: no store (run `rasd run ... --out DIR` first, or give --db)", markup=False)
        raise typer.Exit(EXIT_USAGE)
    try:
        store = Store(db)
        ensure_clusters(store)
        if read_only:
            store.close()
            store = Store(db, read_only=True)
            store.con.execute("SET enable_external_access = false")
            store.con.execute("SET lock_configuration = true")
    except Exception as exc:  # noqa: BLE001 - a locked or foreign file is the user's to fix
        busy = "lock" in str(exc).lower()
        why = "in use by a running `rasd run` (wait for it to finish)" if busy else f"cannot open ({exc})"
        err.print(f"rasd {command}: {db}: {why}", markup=False, highlight=False)
        raise typer.Exit(EXIT_BUSY if busy else EXIT_USAGE) from None
    return store


_SHORT = ("date", "event_type", "actor_name", "actor_country", "recipient_name", "recipient_country", "place_name",
          "num_reports", "num_sources", "text")


def _print(frame: pd.DataFrame, title: str, limit: int = 50) -> None:
    """A DataFrame as a rich table (event lists show their readable columns); every value printed as
    plain text (never markup), control characters escaped."""
    cols = [c for c in _SHORT if c in frame.columns] if "event_id" in frame.columns else list(frame.columns)
    t = Table(title=plain(f"{title} ({len(frame)} rows)"))
    for c in cols:
        t.add_column(plain(c), overflow="fold")
    for row in frame[cols].head(limit).itertuples(index=False):
        t.add_row(*(plain("" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v)[:120]) for v in row))
    console.print(t)


def _answer(db: Path, title: str, ask: Callable[..., pd.DataFrame], limit: int) -> None:
    """Open the store, ask, print; a bad question is a usage error."""
    store = _open(db, "query", read_only=True)
    try:
        frame = ask(store)
    except ValueError as exc:
        err.print(f"rasd query: {exc}", markup=False, highlight=False)
        raise typer.Exit(EXIT_USAGE) from None
    finally:
        store.close()
    _print(frame, title, limit)


@query_app.callback(invoke_without_command=True)
def query_main(ctx: typer.Context, sql: str | None = typer.Option(None, "--sql", help="Run this SQL over the store."),
               db: Path = _DB, limit: int = _LIMIT) -> None:
    """Answer a question about the events in the store (or run --sql)."""
    if ctx.invoked_subcommand is not None:
        return
    if sql is None:
        err.print("rasd query: name a question (between, type, place, pairs, monthly) or give --sql")
        raise typer.Exit(EXIT_USAGE)
    import duckdb

    from rasd.store.query import run_sql

    store = _open(db, "query", read_only=True)
    try:
        frame = run_sql(store, sql)
    except duckdb.Error as exc:
        msg = str(exc)
        if "read-only" in msg or "external access" in msg.lower() or "lock_configuration" in msg:
            msg = f"the store is read-only for queries: only SELECT is run ({msg.splitlines()[0]})"
        err.print(f"rasd query: {msg}", markup=False, highlight=False)
        raise typer.Exit(EXIT_USAGE) from None
    finally:
        store.close()
    _print(frame, "SQL", limit)


@query_app.command("between")
def q_between(a: str = typer.Argument(..., help="A country code (ISO3 or PLOVER: SYR, RUS, UNO...)."),
              b: str = typer.Argument(..., help="The other country code."),
              start: str | None = _FROM, end: str | None = _TO,
              event_type: str | None = typer.Option(None, "--type", help="Only this PLOVER type."),
              reports: bool = _REPORTS, db: Path = _DB, limit: int = _LIMIT) -> None:
    """Events between two countries, either way round, in a date range."""
    from rasd.store.query import events_between

    _answer(db, f"events between {a.upper()} and {b.upper()}",
            lambda s: events_between(s, a, b, start, end, event_type=event_type, reports=reports), limit)


@query_app.command("type")
def q_type(event_type: str = typer.Argument(..., help="A PLOVER event type (CONSULT, ASSAULT...)."),
           start: str | None = _FROM, end: str | None = _TO, reports: bool = _REPORTS, db: Path = _DB,
           limit: int = _LIMIT) -> None:
    """Events of one type in a date range."""
    from rasd.store.query import events_by_type

    _answer(db, f"{event_type.upper()} events", lambda s: events_by_type(s, event_type, start, end, reports=reports),
            limit)


@query_app.command("place")
def q_place(place: str = typer.Argument(..., help="An ISO3 country code, a place name (Damascus) or its Arabic words."),
            start: str | None = _FROM, end: str | None = _TO, reports: bool = _REPORTS, db: Path = _DB,
            limit: int = _LIMIT) -> None:
    """Events that took place at a place or in a country."""
    from rasd.store.query import events_at

    _answer(db, f"events at {place}", lambda s: events_at(s, place, start, end, reports=reports), limit)


@query_app.command("pairs")
def q_pairs(top: int = typer.Option(10, "--top", help="How many pairs."),
            by: str = typer.Option("country", "--by", help="Pair countries or actor names: country|actor."),
            start: str | None = _FROM, end: str | None = _TO, db: Path = _DB) -> None:
    """The actor-recipient pairs with the most events."""
    from rasd.store.query import top_pairs

    _answer(db, f"top {top} pairs by {by}", lambda s: top_pairs(s, top, start, end, by=by), top)


@query_app.command("monthly")
def q_monthly(event_type: str | None = typer.Option(None, "--type", help="Only this PLOVER type."),
              start: str | None = _FROM, end: str | None = _TO, db: Path = _DB, limit: int = _LIMIT) -> None:
    """Events (clusters) and reports per month and type."""
    from rasd.store.query import monthly_counts

    _answer(db, "events per month", lambda s: monthly_counts(s, event_type, start, end), limit)


def export_cmd(out: Path = typer.Option(..., "--out", "-o", help="Folder to write <what>.<format> into."),
               fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl (PLOVER records), csv or parquet (flat)."),
               what: str = typer.Option("events", "--what", help="events or documents."),
               db: Path = _DB) -> None:
    """Export events or documents from the store as JSONL, CSV or Parquet."""
    from rasd.store.export import FORMATS, WHATS, export

    if fmt not in FORMATS or what not in WHATS:
        err.print(f"rasd export: --format must be one of {', '.join(FORMATS)} and --what one of {', '.join(WHATS)}")
        raise typer.Exit(EXIT_USAGE)
    store = _open(db, "export")
    try:
        path, n = export(store, out, fmt, what)
    finally:
        store.close()
    console.print(f"{n} {what} -> {path}")


def register(app: typer.Typer) -> None:
    """Add `export` and `query` to the rasd command."""
    app.command("export")(export_cmd)
    app.add_typer(query_app, name="query")
