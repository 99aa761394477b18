"""What every reader shares: the limits, the rejection error, error documents and bounded streams."""

from __future__ import annotations

import re
from dataclasses import dataclass
from collections.abc import Callable
from typing import IO

from rasd.doc import Doc, DocMeta, content_id

# A lone surrogate is valid in JSON ("\ud800") and in a file name read with surrogateescape, but no
# UTF-8 writer (DuckDB, a JSONL file, a terminal) can encode it.
_SURROGATE = re.compile("[\ud800-\udfff]")

# A news article is a few kB; anything past this per document is a dump, not an article.
MAX_DOC_BYTES = 20_000_000
# What one input file may inflate to (a gzip or WARC bomb stops here), and how many bad rows or records of
# one file are recorded one by one before the rest are only counted.
MAX_INPUT_BYTES = 8 << 30
MAX_ERRORS_PER_FILE = 100
@dataclass(frozen=True, slots=True)
class Limits:
    """Every bound on what one input may cost; `rasd run` options set them (docs/limits.md)."""

    max_doc_bytes: int = MAX_DOC_BYTES  # one document (a text file, a JSONL row, an HTML page, a WARC payload)
    max_input_bytes: int = MAX_INPUT_BYTES  # what one input file may inflate to
    max_errors: int = MAX_ERRORS_PER_FILE  # bad rows or records of one file recorded one by one
    max_doc_chars: int = 25_000  # a longer document is processed in parts of at most this many characters
    max_html_bytes: int = 5_000_000  # an HTML page handed to the extractor
    doc_seconds: float = 30.0  # a document's time budget: later stages are skipped once it is spent


_MAX_REASON = 300  # characters of a reason kept in an error record (a bomb's message is not a record)


class Rejected(Exception):
    """An input that cannot become a document; the message is the reason."""


def error_doc(source: str, kind: str, reason: str, where: str | None = None) -> Doc:
    """A document that records why an input was rejected; its id is stable for the same input and reason."""
    where = where or source
    if len(reason) > _MAX_REASON:
        reason = reason[:_MAX_REASON] + "..."
    doc = Doc(raw="", id=content_id(f"{where}\n{reason}"), meta=DocMeta(source=source, kind=kind))
    doc.fail("ingest", reason if where == source else f"{where}: {reason}")
    return doc


class BoundedStream:
    """A byte stream that refuses to yield more than ``max_total`` bytes, or a line longer than ``max_line``.

    Wrapped around a decompressing reader, it turns a decompression bomb (a small .gz inflating to
    gigabytes, a WARC header line of a billion zeros) into a Rejected error after bounded memory and time.
    """

    def __init__(self, inner: IO[bytes], max_total: int = MAX_INPUT_BYTES, max_line: int = MAX_DOC_BYTES,
                 cut_is_end: bool = False) -> None:
        self.inner, self.max_total, self.max_line = inner, max_total, max_line
        self.cut_is_end = cut_is_end  # a cut-short gzip reads as the end of the stream, noted in ``cut``
        self.cut: str | None = None
        self.total = 0
        self.run = 0  # bytes since the last newline

    def _seen(self, data: bytes) -> bytes:
        self.total += len(data)
        if self.total > self.max_total:
            raise Rejected(f"inflates to more than {self.max_total} bytes (the limit per input)")
        nl = data.rfind(b"\n")
        self.run = self.run + len(data) if nl < 0 else len(data) - nl - 1
        if self.run > self.max_line:
            raise Rejected(f"a line longer than {self.max_line} bytes (the limit per document)")
        return data

    def read(self, n: int = -1) -> bytes:
        """Up to ``n`` bytes (everything left, within the limits, when ``n`` is negative)."""
        if n is None or n < 0:
            parts = []
            while chunk := self.read(1 << 20):
                parts.append(chunk)
            return b"".join(parts)
        # read1: one underlying read, so the bytes decompressed before a cut are returned, not lost
        return self._guarded(getattr(self.inner, "read1", self.inner.read), n)

    def _guarded(self, fn: Callable[[int], bytes], n: int) -> bytes:
        if self.cut is not None:
            return b""
        try:
            return self._seen(fn(n))
        except EOFError as exc:
            if not self.cut_is_end:
                raise
            self.cut = str(exc)
            return b""

    def readline(self, limit: int = -1) -> bytes:
        """One line, at most ``limit`` bytes (at most the line limit + 1 when no limit is given)."""
        cap = self.max_line + 1 if limit is None or limit < 0 else min(limit, self.max_line + 1)
        return self._guarded(self.inner.readline, cap)

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        self.inner.close()

    def __enter__(self) -> BoundedStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def too_big(max_bytes: int, size: int | None = None) -> str:
    """The reason given for an input over the limit (its size when known without reading it all)."""
    got = f"{size} bytes" if size is not None else f"more than {max_bytes} bytes"
    return f"too large: {got}, over the limit of {max_bytes} bytes per document"


def without_surrogates(text: str) -> tuple[str, int]:
    """``text`` with each lone surrogate replaced by U+FFFD, and how many there were."""
    if not _SURROGATE.search(text):
        return text, 0
    return _SURROGATE.subn("\ufffd", text)


def shown_path(path: str) -> str:
    """A file name as it can be printed and stored: bytes that are not UTF-8 written as \\xNN escapes."""
    if not _SURROGATE.search(path):
        return path
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
