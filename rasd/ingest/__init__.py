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
from collections.abc import Iterable, Iterator
from pathlib import Path

from rasd.doc import Doc, DocMeta, content_id
from rasd.ingest.common import MAX_DOC_BYTES, Rejected, error_doc, shown_path, too_big
from rasd.ingest.decode import decode
from rasd.ingest.html import html_file_doc
from rasd.ingest.jsonl import count_lines, iter_jsonl
from rasd.ingest.warc import iter_warc

__all__ = ["MAX_DOC_BYTES", "count_lines", "iter_docs", "iter_docs_range", "kind_of", "read_text_file"]

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
        yield error_doc(root, "txt", f"cannot list folder ({exc.strerror or exc})")
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


def _read_file(path: Path, label: str, kind: str, max_bytes: int) -> Iterator[Doc]:
    """The documents of one file, read by its kind."""
    if kind == "jsonl":
        yield from iter_jsonl(path, label, max_bytes=max_bytes)
        return
    if kind == "warc":
        if path.stat().st_size == 0:
            raise Rejected("empty file")
        yield from iter_warc(path, label, max_bytes=max_bytes)
        return
    if kind == "html":
        yield html_file_doc(_read_bytes(path, max_bytes), label)
        return
    yield read_text_file(path, label, max_bytes)


def _one(name: str, kind: str | None, max_bytes: int) -> Iterator[Doc]:
    """The documents of one named file, any failure turned into an error document."""
    path, label = Path(name), shown_path(name)
    kind = kind or "txt"  # a file named explicitly with an unknown ending is read as text
    try:
        yield from _read_file(path, label, kind, max_bytes)
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


def iter_docs(paths: Iterable[str | Path] | str | Path, *, max_bytes: int = MAX_DOC_BYTES) -> Iterator[Doc]:
    """Documents from files and directories, lazily, in order; bad input yields error documents, never exceptions."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for named in paths:
        label = os.fspath(named)
        if os.path.isdir(label):
            for file in _walk(label):
                if isinstance(file, Doc):
                    yield file
                else:
                    yield from _one(file, kind_of(file), max_bytes)
        else:
            yield from _one(label, kind_of(label), max_bytes)


def iter_docs_range(path: str | Path, start: int, stop: int | None, *, max_bytes: int = MAX_DOC_BYTES) -> Iterator[Doc]:
    """Documents from lines ``start`` to ``stop`` (0-based, end exclusive) of one JSONL file: a partition of it."""
    label = os.fspath(path)
    if kind_of(label) != "jsonl":
        yield error_doc(label, kind_of(label) or "txt", "line ranges are only for JSONL files")
        return
    yield from iter_jsonl(Path(label), label, start, stop, max_bytes)
