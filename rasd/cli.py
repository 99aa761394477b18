"""The `rasd` command: thin wrappers over importable functions, with exact exit codes.

Exit codes: 0 everything read and processed; 2 usage error (bad option, no input
path exists, an --out that is a file or read-only); 3 some inputs failed (each
recorded with its error in documents.jsonl and the store, the rest processed; a
missing path among others is such an input); 4 no document found in the inputs;
5 the store is in use by another `rasd run`. `rasd gold check` exits 1 when a
gold file has problems.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from rasd import __version__
from rasd.console import plain, safe
from rasd.ingest.common import Limits

EXIT_OK, EXIT_USAGE, EXIT_SOME_FAILED, EXIT_NO_INPUT, EXIT_BUSY = 0, 2, 3, 4, 5

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="rasd: Arabic news in, PLOVER event data out. Every value points back to the characters it came from.")
console = Console()
_LIMITS = Limits()  # the defaults, shown in --help


def _version(value: bool) -> None:
    if value:
        console.print(f"rasd {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                              help="Print the version and exit.")) -> None:
    """rasd: Arabic news in, PLOVER event data out."""


@app.command()
def run(
    paths: list[Path] = typer.Argument(..., help="Text, HTML, JSONL(.gz) or WARC(.gz) files, or folders of them."),
    out: Path = typer.Option(Path("out"), "--out", "-o", help="Output folder for documents.jsonl, events.jsonl and the store."),
    db: Path | None = typer.Option(None, "--db", help="DuckDB file (default: OUT/rasd.duckdb)."),
    batch_size: int = typer.Option(200, "--batch-size", help="Documents per store transaction."),
    force: bool = typer.Option(False, "--force", help="Re-process documents already in the store."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    workers: int | None = typer.Option(None, "--workers", "-w", help="Run on a local Dask cluster of N worker processes."),
    scheduler: str | None = typer.Option(None, "--scheduler", help="Run on an existing Dask cluster (tcp://HOST:PORT)."),
    partition_size: int = typer.Option(500, "--partition-size", help="Documents per Dask partition."),
    max_doc_bytes: int = typer.Option(_LIMITS.max_doc_bytes, "--max-doc-bytes", help="Largest document (bytes); larger ones are recorded as errors."),
    max_input_bytes: int = typer.Option(_LIMITS.max_input_bytes, "--max-input-bytes", help="Most one input file may inflate to (bytes)."),
    max_errors: int = typer.Option(_LIMITS.max_errors, "--max-errors", help="Bad rows or records of one file recorded one by one; the rest are counted."),
    max_doc_chars: int = typer.Option(_LIMITS.max_doc_chars, "--max-doc-chars", help="Longer documents are processed in parts of at most this many characters."),
    max_html_bytes: int = typer.Option(_LIMITS.max_html_bytes, "--max-html-bytes", help="Largest HTML page given to the extractor (bytes)."),
    doc_seconds: float = typer.Option(_LIMITS.doc_seconds, "--doc-seconds", help="A document's time budget: later stages are skipped once spent."),
) -> None:
    """Read PATHS, code their events, store everything and write OUT/documents.jsonl and OUT/events.jsonl."""
    from rasd.run import StoreBusy, run_paths

    missing = [p for p in paths if not os.path.lexists(p)]
    if len(missing) == len(paths):
        for p in missing:
            typer.echo(f"rasd run: {safe(p)}: no such file or folder", err=True)
        raise typer.Exit(EXIT_USAGE)
    _writable_out(out, db)
    limits = Limits(max_doc_bytes=max_doc_bytes, max_input_bytes=max_input_bytes, max_errors=max_errors,
                    max_doc_chars=max_doc_chars, max_html_bytes=max_html_bytes, doc_seconds=doc_seconds)
    try:
        if workers is not None or scheduler is not None:
            from rasd.scale import run_distributed

            summary = run_distributed(paths, out, workers=workers or 2, scheduler=scheduler, db=db,
                                      partition_size=partition_size, progress=not quiet, force=force, limits=limits)
        else:
            # a missing path among others is read too: it becomes an error record ("no such file")
            summary = run_paths(paths, out, db=db, batch_size=batch_size, force=force, limits=limits)
    except StoreBusy as exc:
        typer.echo(f"rasd run: {safe(exc)}", err=True)
        raise typer.Exit(EXIT_BUSY) from None
    for source, message in summary.failed:
        typer.echo(f"rasd run: {safe(source)}: {safe(message)}", err=True)
    console.print(
        f"{summary.read} documents read, {summary.processed} processed, {summary.skipped} already stored, "
        f"{len(summary.failed)} failed; {summary.events} events, {summary.repairs} repairs "
        f"in {summary.seconds:.1f}s -> {out}/events.jsonl"
    )
    if summary.read == 0:
        typer.echo("rasd run: no document found in the inputs", err=True)
        raise typer.Exit(EXIT_NO_INPUT)
    if summary.failed:
        raise typer.Exit(EXIT_SOME_FAILED)


def _writable_out(out: Path, db: Path | None) -> None:
    """A clean usage error when --out (or --db's folder) is a file, cannot be created or is read-only."""
    for folder, what in ((out, "--out"), ((db.parent if db else None), "--db")):
        if folder is None:
            continue
        if folder.exists() and not folder.is_dir():
            typer.echo(f"rasd run: {what} {safe(folder)}: not a folder", err=True)
            raise typer.Exit(EXIT_USAGE)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            typer.echo(f"rasd run: {what} {safe(folder)}: cannot create ({exc.strerror or exc})", err=True)
            raise typer.Exit(EXIT_USAGE) from None
        if not os.access(folder, os.W_OK):
            typer.echo(f"rasd run: {what} {safe(folder)}: not writable", err=True)
            raise typer.Exit(EXIT_USAGE)


def _pct(x: float) -> str:
    return f"{x:.3f}"


@app.command("eval")
def eval_cmd(
    folder: Path | None = typer.Argument(None, help="An evaluation folder (articles and gold/), or a corpus gold folder "
                                         "(corpus/gold/dev: ID.gold.json files, documents read from ../shared by id)."),
    ner: Path | None = typer.Option(None, "--ner", help="Score the entity tagger on a 'token TAG' file (e.g. ANERcorp test)."),
    wojood: Path | None = typer.Option(None, "--wojood", help="Score date recognition on a Wojood sample folder."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List every miss."),
) -> None:
    """Print every GOLD.md score of the pipeline on FOLDER (and the tagger's on --ner, dates' on --wojood)."""
    if folder is None and ner is None and wojood is None:
        typer.echo("rasd eval: give a FOLDER, --ner FILE or --wojood PATH", err=True)
        raise typer.Exit(EXIT_USAGE)
    results: dict[str, object] = {}
    if folder is not None:
        from rasd.eval import evaluate_dir, is_gold_folder

        if not (folder / "gold").is_dir() and not is_gold_folder(folder):
            typer.echo(f"rasd eval: {folder}: neither a gold/ folder nor ID.gold.json files", err=True)
            raise typer.Exit(EXIT_USAGE)
        report = evaluate_dir(folder)
        scores = report.as_dict()
        results["corpus"] = scores
        if not as_json:
            _print_report(folder, scores)
            if verbose:
                for m in report.misses:
                    console.print(f"  {m}", markup=False, highlight=False)
    if ner is not None:
        from rasd.entities.evaluate import ner_scores

        results["ner"] = ner_scores(ner)
        if not as_json:
            _print_classes(f"entity tagger on {ner}", results["ner"])
    if wojood is not None:
        from rasd.time.evaluate import wojood_scores

        results["wojood_dates"] = w = wojood_scores(wojood)
        if not as_json:
            t = Table(title=f"date expressions against {w['gold_spans']} Wojood DATE spans in {wojood}")
            for col in ("match", "P", "R", "F1"):
                t.add_column(col, justify="right" if col != "match" else "left")
            for name in ("strict", "lenient"):
                t.add_row(name, _pct(w[name]["precision"]), _pct(w[name]["recall"]), _pct(w[name]["f1"]))
            console.print(t)
    if as_json:
        console.print_json(json.dumps(results))


def _print_report(folder: Path, s: dict) -> None:
    t = Table(title=f"rasd eval {folder} ({s['docs']} documents)")
    t.add_column("score")
    t.add_column("value", justify="right")
    rows = [
        ("repairs P / R", f"{_pct(s['repairs_precision'])} / {_pct(s['repairs_recall'])}"),
        ("boilerplate lines found (extra spans)", f"{_pct(s['boilerplate_found'])} ({s['boilerplate_extra']})"),
        ("titles", _pct(s["titles"])),
        ("document dates", _pct(s["doc_dates"])),
        ("entities found", _pct(s["entities_found"])),
        ("entity codes", _pct(s["entity_codes"])),
        ("places", _pct(s["places"])),
        ("events P / R / F1", f"{_pct(s['events_precision'])} / {_pct(s['events_recall'])} / {_pct(s['events_f1'])}"),
        ("events tp / fp / fn", f"{s['events_tp']} / {s['events_fp']} / {s['events_fn']}"),
        ("strict: direction", _pct(s["direction"])),
        ("strict: sector", _pct(s["sector"])),
        ("strict: place", _pct(s["place"])),
        ("strict: context", _pct(s["context"])),
        ("mode", _pct(s["mode"])),
        ("event places outside the gold's country", str(s["event_places_outside_gold_country"])),
    ]
    for name, value in rows:
        t.add_row(name, value)
    console.print(t)
    g = Table(title="events by genre (F1 with a bootstrap 95% interval over documents)")
    for col in ("genre", "docs", "P", "R", "F1", "95% interval", "tp / fp / fn"):
        g.add_column(col, justify="left" if col == "genre" else "right")
    parts = [*s.get("by_genre", {}).items(), ("all", {"docs": s["docs"], "precision": s["events_precision"],
             "recall": s["events_recall"], "f1": s["events_f1"], "f1_ci95": s["events_f1_ci95"],
             "tp": s["events_tp"], "fp": s["events_fp"], "fn": s["events_fn"]})]
    for name, e in parts:
        lo, hi = e["f1_ci95"]
        g.add_row(name, str(e["docs"]), _pct(e["precision"]), _pct(e["recall"]), _pct(e["f1"]),
                  f"{_pct(lo)}-{_pct(hi)}", f"{e['tp']} / {e['fp']} / {e['fn']}")
    console.print(g)
    trig = s.get("triggers") or {}
    if trig:
        tt = Table(title=f"trigger candidates: recall {_pct(trig['recall'])} of {trig['gold']} gold triggers, "
                         f"precision {_pct(trig['precision'])} of {trig['candidates']} candidates")
        for col in ("type", "recall", "gold", "precision", "candidates"):
            tt.add_column(col, justify="left" if col == "type" else "right")
        for name, row in trig["by_type"].items():
            tt.add_row(name, _pct(row["recall"]), str(row["gold"]), _pct(row["precision"]), str(row["candidates"]))
        console.print(tt)


def _print_classes(title: str, scores: dict) -> None:
    t = Table(title=title)
    for col in ("class", "P", "R", "F1", "gold"):
        t.add_column(col, justify="right" if col != "class" else "left")
    for name, row in scores.items():
        if isinstance(row, dict):
            t.add_row(name, _pct(row.get("precision", 0)), _pct(row.get("recall", 0)), _pct(row.get("f1", 0)),
                      str(row.get("gold", row.get("support", ""))))
    console.print(t)


@app.command()
def show(
    out: Path = typer.Argument(Path("out"), help="An output folder written by `rasd run`."),
    limit: int = typer.Option(20, "--limit", "-n", help="How many events to print."),
) -> None:
    """Print a readable summary of the events in OUT/events.jsonl."""
    path = out / "events.jsonl"
    if not path.exists():
        typer.echo(f"rasd show: {path}: no such file (run `rasd run ... --out {out}` first)", err=True)
        raise typer.Exit(EXIT_USAGE)
    events = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    console.print(f"[bold]{len(events)} events[/bold] in {path}")

    def who(items: list[dict]) -> str:
        return ", ".join(f"{a.get('entity_name') or a.get('raw_text')} ({a.get('country')} {a.get('sector_code')})"
                         for a in items)

    for ev in events[:limit]:
        loc = ev.get("event_loc") or {}
        when = ev.get("date") or "undated"
        if ev.get("date_precision") == "document":
            when += " (article's date)"
        head = f"{when}  {'/'.join(ev['event'] + (ev.get('mode') or []))}"
        if ev.get("context"):
            head += f" [{', '.join(ev['context'])}]"
        line = who(ev["actor"])
        if ev.get("recipient"):
            line += f" -> {who(ev['recipient'])}"
        if loc:
            line += f"  @ {loc.get('name')} ({loc.get('country')})"
        console.print(Text.assemble("\n", plain(head, "bold"), "  ", plain(line)), highlight=False)
        console.print(plain(f"    {ev.get('text')}"), highlight=False)
    if len(events) > limit:
        console.print(f"\n... {len(events) - limit} more (--limit)")


gold_app = typer.Typer(no_args_is_help=True, help="Gold corpora: check annotation folders.")
app.add_typer(gold_app, name="gold")


@gold_app.command("check")
def gold_check(
    folders: list[Path] = typer.Argument(..., help="Folders of ID.gold.json files (searched recursively)."),
    shared: Path | None = typer.Option(None, "--shared", help="The shared data folder (default: $RASD_SHARED or a shared/ beside a parent)."),
) -> None:
    """Validate gold files: JSON shape, PLOVER types and modes, COUNTRY SECTOR codes, every span's
    raw[start:end] against its text, and each evidence quote in its document."""
    from rasd.gold import SourceIndex, check_dir

    missing = [f for f in folders if not f.is_dir()]
    if missing:
        typer.echo(f"rasd gold check: {missing[0]}: no such folder", err=True)
        raise typer.Exit(EXIT_USAGE)
    try:
        index = SourceIndex(shared or folders[0])
    except FileNotFoundError as exc:
        typer.echo(f"rasd gold check: {exc}", err=True)
        raise typer.Exit(EXIT_USAGE) from None
    n = bad = 0
    for folder in folders:
        n += sum(1 for _ in folder.rglob("*.gold.json"))
        for path, problems in check_dir(folder, index).items():
            bad += 1
            for p in problems:
                console.print(f"{path}: {p}", markup=False, highlight=False)
    console.print(f"{n} gold files checked, {bad} with problems", markup=False, highlight=False)
    if bad:
        raise typer.Exit(1)


from rasd.cli_data import register  # noqa: E402  (export and query live beside the store)

register(app)


def main() -> None:
    """Entry point of the `rasd` script."""
    app()


if __name__ == "__main__":
    main()
