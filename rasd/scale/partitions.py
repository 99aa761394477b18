"""Split the inputs into partitions: JSONL files by line ranges, other files by groups."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rasd import __version__
from rasd.doc import Doc
from rasd.ingest import count_lines, iter_docs, iter_docs_range, kind_of
from rasd.ingest.common import Limits, Rejected


@dataclass(frozen=True, slots=True)
class Partition:
    """One unit of work: lines [start, stop) of a JSONL file, or a group of whole files."""

    id: str
    index: int
    source: str  # the JSONL file, or the first file of a group
    start: int | None = None
    stop: int | None = None
    files: tuple[str, ...] = ()
    limits: Limits = Limits()

    @property
    def size(self) -> int:
        """How many rows or files the partition covers (for the progress bar)."""
        return len(self.files) if self.files else (self.stop or 0) - (self.start or 0)

    def docs(self) -> Iterator[Doc]:
        """The partition's documents, read where they lie (workers share the file system)."""
        if self.files:
            return iter_docs(self.files, limits=self.limits)
        return iter_docs_range(self.source, self.start or 0, self.stop, limits=self.limits)


def _pid(*parts: object) -> str:
    """A partition id: the same inputs, range and rasd version give the same id."""
    key = "|".join(str(p) for p in parts) + f"|{__version__}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return -1


def _files(paths: Iterable[str | Path]) -> Iterator[str]:
    """Named files, and files with known endings under named folders (sorted, hidden ones skipped)."""
    for named in paths:
        label = os.fspath(named)
        if not os.path.isdir(label):
            yield label
            continue
        for root, dirs, names in os.walk(label):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                if not name.startswith(".") and kind_of(name) is not None:
                    yield os.path.join(root, name)


def plan(paths: Iterable[str | Path], partition_size: int, limits: Limits | None = None) -> list[Partition]:
    """The partitions of the inputs, in input order (each reads its input under ``limits``)."""
    limits = limits or Limits()
    if partition_size < 1:
        raise ValueError("partition_size must be at least 1")
    out: list[Partition] = []
    group: list[str] = []

    def flush() -> None:
        if group:
            ident = _pid("files", *(f"{os.path.abspath(f)}:{_size(f)}" for f in group))
            out.append(Partition(ident, len(out), group[0], files=tuple(group), limits=limits))
            group.clear()

    for path in _files(paths):
        if kind_of(path) != "jsonl" or not os.path.isfile(path):
            group.append(path)
            if len(group) >= partition_size:
                flush()
            continue
        flush()
        try:
            n = count_lines(path)
        except (OSError, EOFError, ValueError, Rejected):
            # unreadable or cut short: one whole-file partition reads what it can and records the reason
            out.append(Partition(_pid(os.path.abspath(path), _size(path), "all"), len(out), path, files=(path,), limits=limits))
            continue
        absolute, size = os.path.abspath(path), _size(path)
        if n == 0:  # an empty file still yields its error document
            out.append(Partition(_pid(absolute, size, "all"), len(out), path, files=(path,), limits=limits))
        for lo in range(0, n, partition_size):
            hi = min(lo + partition_size, n)
            out.append(Partition(_pid(absolute, size, lo, hi), len(out), path, start=lo, stop=hi, limits=limits))
    flush()
    return out
