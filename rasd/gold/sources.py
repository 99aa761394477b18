"""Where a corpus document's text lives: rows of ../shared's news10k and FIGNEWS pool, looked up by id.

The repository holds annotations only; the text is read from the shared corpora, exactly as `rasd run`
reads the row (title, blank line, text), so every gold offset indexes that raw string.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterable
from pathlib import Path

from rasd.doc import Doc
from rasd.ingest.jsonl import row_doc

# source name -> path below the shared root
SOURCES = {
    "news10k": "corpus/bench/news10k.jsonl.gz",
    "fignews_pool": "corpus/pool/fignews_posts.jsonl",
}


def shared_root(start: str | Path | None = None) -> Path | None:
    """The shared data folder: $RASD_SHARED, else a `shared/` beside some parent of ``start`` or of the cwd."""
    env = os.environ.get("RASD_SHARED")
    if env:
        return Path(env) if Path(env, "corpus").is_dir() else None
    for base in (Path(start).resolve() if start else None, Path.cwd().resolve(), Path(__file__).resolve()):
        if base is None:
            continue
        for parent in (base, *base.parents):
            cand = parent / "shared"
            if (cand / "corpus").is_dir():
                return cand
    return None


def source_of(doc_id: str) -> str:
    """The shared source a corpus id comes from, by its form."""
    return "fignews_pool" if doc_id.startswith("fignews_") else "news10k"


class SourceIndex:
    """Rows of the shared sources by id, read once per source on first use."""

    def __init__(self, where: str | Path | None = None) -> None:
        """``where``: the shared folder itself, or a path to search from (its parents' `shared/`)."""
        found = Path(where) if where and Path(where, "corpus").is_dir() else shared_root(where)
        if found is None:
            raise FileNotFoundError("no shared data folder found (set RASD_SHARED to the folder holding corpus/)")
        self.root = found
        self._rows: dict[str, dict[str, dict]] = {}

    def rows(self, source: str) -> dict[str, dict]:
        """Every row of one source, by id."""
        if source not in self._rows:
            path = self.root / SOURCES[source]
            opener = gzip.open if path.suffix == ".gz" else open
            with opener(path, "rt", encoding="utf-8") as fh:
                self._rows[source] = {r["id"]: r for r in map(json.loads, fh)}
        return self._rows[source]

    def row(self, doc_id: str) -> dict:
        """One row by id (KeyError when the shared source does not have it)."""
        return self.rows(source_of(doc_id))[doc_id]

    def doc(self, doc_id: str) -> Doc:
        """The document as `rasd run` reads the row."""
        doc = row_doc(self.row(doc_id), doc_id)
        if isinstance(doc, str):
            raise ValueError(f"{doc_id}: {doc}")
        return doc

    def docs(self, ids: Iterable[str]) -> list[Doc]:
        """Several documents, in the order given."""
        return [self.doc(i) for i in ids]
