"""Ingest: files, directories, JSONL, HTML and WARC in; ``Doc`` objects out, one per article.

``iter_docs`` never raises for bad input: an unreadable, binary, empty,
oversized or unextractable input, a bad JSONL row or a corrupt archive each
become a document with ``raw == ""`` and an "ingest" error naming the input
and the reason (its id hashes both, so it is stable across runs).

A text file's ``raw`` is its decoded content exactly, the BOM removed and
nothing else: "\\r\\n" line endings stay, so offsets index the characters a
user sees when opening the file. JSONL rows, HTML pages and WARC records give
``title + "\\n\\n" + text`` (just the text without a title), as EVENTS.md says.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from rasd.doc import Doc, DocMeta, content_id
from rasd.ingest.common import MAX_DOC_BYTES, Limits, Rejected, error_doc, shown_path, too_big
from rasd.ingest.decode import decode
from rasd.ingest.html import html_file_doc
from rasd.ingest.jsonl import count_lines, iter_jsonl
from rasd.ingest.warc import iter_warc

__all__ = ["MAX_DOC_BYTES", "Limits", "count_lines", "iter_docs", "iter_docs_range", "kind_of", "read_text_file",
           "split_long"]

# Endings a directory walk picks up, longest first so ".jsonl.gz" wins over ".gz".
_ENDINGS = (
    (".jsonl.gz", "jsonl"), (".ndjson.gz", "jsonl"), (".warc.gz", "warc"),
    (".jsonl", "jsonl"), (".ndjson", "jsonl"), (".warc", "warc"),
    (".html", "html"), (".htm", "html"), (".txt", "txt"),
)


def kind_of(path: str | Path) -> str | None:
    """The reader a file's name calls for (txt, jsonl, html, warc), None for an unknown ending."""
    name = str(path).lower()
    return next((kind for ending, kind in _ENDINGS if name.endswith(ending)), None)


def _walk(root: str) -> Iterator[str | Doc]:
    """Files with known endings under ``root``, in path order, recursively; hidden files and folders skipped."""
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError as exc:
        yield error_doc(shown_path(root), "txt", f"cannot list folder ({exc.strerror or exc})")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(entry.path)
        elif kind_of(entry.name) is not None:
            yield entry.path


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """A whole file's bytes, refused before reading when it is over the limit."""
    size = path.stat().st_size
    if size > max_bytes:
        raise Rejected(too_big(max_bytes, size))
    data = path.read_bytes()
    if not data.strip():
        raise Rejected("empty file")
    return data


def read_text_file(path: Path, label: str, max_bytes: int = MAX_DOC_BYTES) -> Doc:
    """A plain-text file as one document; its id is the hash of the file's bytes."""
    data = _read_bytes(path, max_bytes)
    text, codec, replaced = decode(data)
    if not text.strip():
        raise Rejected("empty file")
    meta = DocMeta(source=label, kind="txt")
    if codec != "utf-8":
        meta.extra["encoding"] = codec
    doc = Doc(raw=text, id=content_id(data), meta=meta)
    if replaced:
        doc.warn("ingest", f"{replaced} undecodable byte sequence(s) replaced by U+FFFD (read as UTF-8)")
    elif codec not in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        doc.warn("ingest", f"not UTF-8: read as {codec}")
    return doc


def _read_file(path: Path, label: str, kind: str, max_bytes: int, limits: Limits) -> Iterator[Doc]:
    """The documents of one file, read by its kind."""
    mode = path.stat().st_mode
    if not stat.S_ISREG(mode):
        # a FIFO would block the run forever, a device would never end
        what = "a FIFO" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else \
            "a socket" if stat.S_ISSOCK(mode) else "not a regular file"
        raise Rejected(f"skipped: {what}, not a regular file")
    if kind == "jsonl":
        yield from iter_jsonl(path, label, max_bytes=max_bytes, limits=limits)
        return
    if kind == "warc":
        if path.stat().st_size == 0:
            raise Rejected("empty file")
        yield from iter_warc(path, label, max_bytes=min(max_bytes, limits.max_html_bytes), limits=limits)
        return
    if kind == "html":
        yield html_file_doc(_read_bytes(path, min(max_bytes, limits.max_html_bytes)), label)
        return
    yield read_text_file(path, label, max_bytes)


def _one(name: str, kind: str | None, max_bytes: int, limits: Limits | None = None) -> Iterator[Doc]:
    """The documents of one named file, any failure turned into an error document."""
    path, label = Path(name), shown_path(name)
    kind = kind or "txt"  # a file named explicitly with an unknown ending is read as text
    try:
        yield from _read_file(path, label, kind, max_bytes, limits or Limits(max_doc_bytes=max_bytes))
    except Rejected as exc:
        yield error_doc(label, kind, str(exc))
    except FileNotFoundError:
        yield error_doc(label, kind, "no such file")
    except IsADirectoryError:
        yield error_doc(label, kind, "is a directory")
    except OSError as exc:
        yield error_doc(label, kind, f"cannot read ({exc.strerror or exc})")
    except Exception as exc:  # noqa: BLE001 - a reader's bug on odd input must not end the whole run
        yield error_doc(label, kind, f"unexpected {type(exc).__name__}: {exc}")


def _cut(raw: str, start: int, limit: int) -> int:
    """Where a part that begins at ``start`` ends: the last paragraph break, else sentence end, else space,
    within ``limit`` characters (a hard cut only when the text has none)."""
    end = start + limit
    if end >= len(raw):
        return len(raw)
    floor = start + limit // 2
    for sep in ("\n", ". ", "。", "؟ ", "! ", " "):
        k = raw.rfind(sep, floor, end)
        if k >= 0:
            return k + len(sep)
    return end


def split_long(doc: Doc, max_chars: int) -> Iterator[Doc]:
    """A document longer than ``max_chars`` as consecutive parts, each a document of its own (id ID-pK,
    source SOURCE#partK), cut at paragraph or sentence breaks, each with a warning saying where it starts:
    every stage's cost stays bounded per part, so a huge article costs time linear in its length."""
    if len(doc.raw) <= max_chars or doc.errors:
        yield doc
        return
    cuts = [0]
    while cuts[-1] < len(doc.raw):
        cuts.append(_cut(doc.raw, cuts[-1], max_chars))
    n = len(cuts) - 1
    for k, (a, b) in enumerate(zip(cuts, cuts[1:]), start=1):
        meta = DocMeta(source=f"{doc.meta.source}#part{k}", kind=doc.meta.kind, url=doc.meta.url,
                       outlet=doc.meta.outlet, title=doc.meta.title if k == 1 else None, date=doc.meta.date,
                       extra=doc.meta.extra | {"part": k, "parts": n, "part_of": doc.id, "part_offset": a})
        part = Doc(raw=doc.raw[a:b], id=f"{doc.id}-p{k}", meta=meta, warnings=list(doc.warnings))
        if k == 1:
            part.title_span = doc.title_span
        part.warn("ingest", f"long document ({len(doc.raw)} characters) processed in {n} parts of at most {max_chars}; "
                            f"this is part {k}, from character {a} of the whole")
        yield part


def iter_docs(paths: Iterable[str | Path] | str | Path, *, max_bytes: int = MAX_DOC_BYTES,
              limits: Limits | None = None) -> Iterator[Doc]:
    """Documents from files and directories, lazily, in order; bad input yields error documents, never exceptions.

    A document longer than ``limits.max_doc_chars`` comes as its parts (split_long)."""
    limits = limits or Limits(max_doc_bytes=max_bytes)
    for doc in _iter_docs(paths, min(max_bytes, limits.max_doc_bytes), limits):
        yield from split_long(doc, limits.max_doc_chars)


def _iter_docs(paths: Iterable[str | Path] | str | Path, max_bytes: int, limits: Limits) -> Iterator[Doc]:
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for named in paths:
        label = os.fspath(named)
        if os.path.isdir(label):
            for file in _walk(label):
                if isinstance(file, Doc):
                    yield file
                else:
                    yield from _one(file, kind_of(file), max_bytes, limits)
        else:
            yield from _one(label, kind_of(label), max_bytes, limits)


def iter_docs_range(path: str | Path, start: int, stop: int | None, *, max_bytes: int = MAX_DOC_BYTES,
                    limits: Limits | None = None) -> Iterator[Doc]:
    """Documents from lines ``start`` to ``stop`` (0-based, end exclusive) of one JSONL file: a partition of it."""
    limits = limits or Limits(max_doc_bytes=max_bytes)
    label = os.fspath(path)
    if kind_of(label) != "jsonl":
        yield error_doc(label, kind_of(label) or "txt", "line ranges are only for JSONL files")
        return
    for doc in iter_jsonl(Path(label), shown_path(label), start, stop, min(max_bytes, limits.max_doc_bytes), limits):
        yield from split_long(doc, limits.max_doc_chars)
