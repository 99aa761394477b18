"""JSONL news rows (id, url, outlet, date, title, text), streamed line by line, gzip or not."""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from rasd.doc import Doc, DocMeta, content_id
from rasd.ingest.common import MAX_DOC_BYTES, error_doc, too_big
from rasd.ingest.dates import parse_date

_KNOWN = ("id", "url", "outlet", "date", "title", "text")
# Other names feeds use for the publication date, tried in order when "date" is absent.
_DATE_KEYS = ("date", "published", "published_at", "publish_date", "pubdate", "datetime", "timestamp")
_GZIP_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile)


def _open(path: Path) -> IO[bytes]:
    """The file's byte stream, decompressed when it is gzip (by its magic bytes, whatever its name)."""
    fh = path.open("rb")
    if fh.peek(2)[:2] == b"\x1f\x8b":
        return gzip.GzipFile(fileobj=fh, mode="rb")  # type: ignore[return-value]
    return fh


def _lines(fh: IO[bytes], max_bytes: int) -> Iterator[bytes | None]:
    """Each line's bytes, or None for a line over the limit (skipped without holding it in memory)."""
    while line := fh.readline(max_bytes + 1):
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def _text_field(row: dict[str, Any], key: str) -> str | None:
    """A field as a string: ids and outlets may come as numbers."""
    value = row.get(key)
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else str(value)


def row_doc(row: Any, where: str) -> Doc | str:
    """A document from one parsed row, or the reason the row is bad."""
    if not isinstance(row, dict):
        return f"row is a JSON {type(row).__name__}, not an object"
    text = row.get("text")
    if text is None:
        return "no text field"
    if not isinstance(text, str):
        return f"text is a {type(text).__name__}, not a string"
    if not text.strip():
        return "empty text"
    title = row.get("title")
    if title is not None and not isinstance(title, str):
        return f"title is a {type(title).__name__}, not a string"
    # EVENTS.md: raw is title, blank line, text; a title of "" counts as none.
    raw = f"{title}\n\n{text}" if title else text
    row_id = _text_field(row, "id")
    date_key = next((k for k in _DATE_KEYS if row.get(k) not in (None, "")), None)
    date = parse_date(row[date_key]) if date_key else None
    extra = {k: v for k, v in row.items() if k not in _KNOWN and k != date_key}
    if date_key is not None and row[date_key] != date:
        extra["date_raw"] = row[date_key]
    meta = DocMeta(source=row_id or where, kind="jsonl", url=_text_field(row, "url"),
                   outlet=_text_field(row, "outlet"), title=title or None, date=date, extra=extra)
    doc = Doc(raw=raw, id=row_id or content_id(raw), meta=meta)
    if title:
        doc.title_span = (0, len(title))
    return doc


def iter_jsonl(path: Path, label: str, start: int = 0, stop: int | None = None,
               max_bytes: int = MAX_DOC_BYTES) -> Iterator[Doc]:
    """Documents from lines ``start`` (0-based) to ``stop`` (exclusive) of a JSONL file; bad rows are error docs."""
    index = -1
    rows = 0
    try:
        with _open(path) as fh:
            for index, line in enumerate(_lines(fh, max_bytes)):
                if index < start:
                    continue
                if stop is not None and index >= stop:
                    return
                where = f"{label}:{index + 1}"
                if line is None:
                    rows += 1
                    yield error_doc(where, "jsonl", too_big(max_bytes), where)
                    continue
                if index == 0 and line.startswith(b"\xef\xbb\xbf"):
                    line = line[3:]
                if not line.strip():
                    continue
                rows += 1
                try:
                    row = json.loads(line.rstrip(b"\r\n").decode("utf-8"))
                except UnicodeDecodeError as exc:
                    yield error_doc(where, "jsonl", f"not valid UTF-8 ({exc.reason} at byte {exc.start})", where)
                    continue
                except json.JSONDecodeError as exc:
                    yield error_doc(where, "jsonl", f"invalid JSON ({exc.msg} at column {exc.colno})", where)
                    continue
                result = row_doc(row, where)
                if isinstance(result, str):
                    yield error_doc(where, "jsonl", result, where)
                else:
                    yield result
    except _GZIP_ERRORS as exc:
        where = f"{label}:{index + 2}"
        yield error_doc(where, "jsonl", f"corrupt gzip ({type(exc).__name__}: {exc})", where)
        return
    except FileNotFoundError:
        yield error_doc(label, "jsonl", "no such file")
        return
    except OSError as exc:
        yield error_doc(label, "jsonl", f"cannot read ({exc.strerror or exc})")
        return
    if rows == 0 and start == 0 and stop is None:
        yield error_doc(label, "jsonl", "empty file" if index < 0 else "no rows")


def count_lines(path: str | Path) -> int:
    """The number of lines of a (possibly gzipped) JSONL file, for splitting it into line ranges."""
    n = 0
    last = b"\n"
    with _open(Path(path)) as fh:
        while chunk := fh.read(1 << 20):
            n += chunk.count(b"\n")
            last = chunk
    return n if last.endswith(b"\n") else n + 1  # a last line without a newline still counts
