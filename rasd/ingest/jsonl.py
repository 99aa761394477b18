"""JSONL news rows (id, url, outlet, date, title, text), streamed line by line, gzip or not."""

from __future__ import annotations

import gzip
import json
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from rasd.doc import Doc, DocMeta, content_id
from rasd.ingest.common import (MAX_DOC_BYTES, BoundedStream, Limits, Rejected, error_doc, too_big,
                                without_surrogates)
from rasd.ingest.dates import parse_date

_KNOWN = ("id", "url", "outlet", "date", "title", "text")
# Other names feeds use for the publication date, tried in order when "date" is absent.
_DATE_KEYS = ("date", "published", "published_at", "publish_date", "pubdate", "datetime", "timestamp")
_GZIP_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile)


def _open(path: Path, limits: Limits | None = None) -> IO[bytes]:
    """The file's byte stream, decompressed when it is gzip (by its magic bytes, whatever its name), and
    bounded: what it inflates to stops at ``limits.max_input_bytes``."""
    fh = path.open("rb")
    if fh.peek(2)[:2] == b"\x1f\x8b":
        inner: IO[bytes] = gzip.GzipFile(fileobj=fh, mode="rb")  # type: ignore[assignment]
    else:
        inner = fh
    lim = limits or Limits()
    return BoundedStream(inner, lim.max_input_bytes, max_line=lim.max_input_bytes)  # type: ignore[return-value]


_BLOCK = 1 << 14  # small blocks: a cut-short gzip loses at most this much of what preceded the cut
_BLANK_RUN = re.compile(rb"[ \t\r\n]*\n")


def _lines(fh: IO[bytes], max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(0-based line number, bytes) of each non-blank line; None for a line over the limit (never held whole).

    Read in blocks, so runs of blank lines are skipped at C speed: a gigabyte of newlines is seconds.
    """
    line_no = 0
    buf = b""
    skipping = False  # inside a line already over the limit
    while block := fh.read(_BLOCK):
        data = buf + block if buf else block
        buf = b""
        pos = 0
        n = len(data)
        while pos < n:
            if not skipping and (m := _BLANK_RUN.match(data, pos)) is not None and m.end() > pos:
                line_no += data.count(b"\n", pos, m.end())
                pos = m.end()
                continue
            nl = data.find(b"\n", pos)
            if nl < 0:
                if skipping or n - pos > max_bytes:
                    if not skipping:
                        yield line_no, None
                    skipping = True
                else:
                    buf = data[pos:]
                break
            if skipping:
                skipping = False
            elif nl + 1 - pos > max_bytes + 1:
                yield line_no, None
            else:
                yield line_no, data[pos : nl + 1]
            line_no += 1
            pos = nl + 1
    if buf.strip() and not skipping:
        yield line_no, buf


def _text_field(row: dict[str, Any], key: str) -> str | None:
    """A field as a string: ids and outlets may come as numbers."""
    value = row.get(key)
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else str(value)


def _clean_extra(value: Any) -> Any:
    """Extra metadata with every string free of lone surrogates (nested lists and objects too)."""
    if isinstance(value, str):
        return without_surrogates(value)[0]
    if isinstance(value, dict):
        return {_clean_extra(k): _clean_extra(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean_extra(v) for v in value]
    return value


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
    replaced = 0
    text, n = without_surrogates(text)
    replaced += n
    if title:
        title, n = without_surrogates(title)
        replaced += n
    # EVENTS.md: raw is title, blank line, text; a title of "" counts as none.
    raw = f"{title}\n\n{text}" if title else text
    row_id = _text_field(row, "id")
    if row_id is not None:
        row_id, n = without_surrogates(row_id)
        replaced += n
    date_key = next((k for k in _DATE_KEYS if row.get(k) not in (None, "")), None)
    date = parse_date(row[date_key]) if date_key else None
    extra = {k: v for k, v in row.items() if k not in _KNOWN and k != date_key}
    if date_key is not None and row[date_key] != date:
        extra["date_raw"] = row[date_key]
    url, outlet = (without_surrogates(v)[0] if v else v for v in (_text_field(row, "url"), _text_field(row, "outlet")))
    meta = DocMeta(source=row_id or where, kind="jsonl", url=url, outlet=outlet, title=title or None, date=date,
                   extra=_clean_extra(extra))
    doc = Doc(raw=raw, id=row_id or content_id(raw), meta=meta)
    if replaced:
        doc.warn("ingest", f"{replaced} lone surrogate(s) (invalid Unicode) replaced by U+FFFD")
    if title:
        doc.title_span = (0, len(title))
    return doc


def iter_jsonl(path: Path, label: str, start: int = 0, stop: int | None = None,
               max_bytes: int = MAX_DOC_BYTES, limits: Limits | None = None) -> Iterator[Doc]:
    """Documents from lines ``start`` (0-based) to ``stop`` (exclusive) of a JSONL file; bad rows are error docs.

    At most ``limits.max_errors`` bad rows are recorded one by one; the rest are counted in one last record.
    """
    limits = limits or Limits(max_doc_bytes=max_bytes)
    max_bytes = min(max_bytes, limits.max_doc_bytes)
    index = -1
    rows = errors = unrecorded = 0

    def bad(where: str, reason: str) -> Iterator[Doc]:
        nonlocal errors, unrecorded
        errors += 1
        if errors <= limits.max_errors:
            yield error_doc(where, "jsonl", reason, where)
        else:
            unrecorded += 1

    failed: Doc | None = None
    inflated = 0
    try:
        with _open(path, limits) as fh:
            for index, line in _lines(fh, max_bytes):
                if index < start:
                    continue
                if stop is not None and index >= stop:
                    break
                where = f"{label}:{index + 1}"
                rows += 1
                if line is None:
                    yield from bad(where, too_big(max_bytes))
                    continue
                if index == 0 and line.startswith(b"\xef\xbb\xbf"):
                    line = line[3:]
                try:
                    row = json.loads(line.rstrip(b"\r\n").decode("utf-8"))
                except UnicodeDecodeError as exc:
                    yield from bad(where, f"not valid UTF-8 ({exc.reason} at byte {exc.start})")
                    continue
                except json.JSONDecodeError as exc:
                    yield from bad(where, f"invalid JSON ({exc.msg} at column {exc.colno})")
                    continue
                result = row_doc(row, where)
                if isinstance(result, str):
                    yield from bad(where, result)
                else:
                    yield result
            inflated = fh.total
    except _GZIP_ERRORS as exc:
        where = f"{label}:{index + 2}"
        failed = error_doc(where, "jsonl", f"corrupt gzip ({type(exc).__name__}: {exc})", where)
    except Rejected as exc:
        failed = error_doc(label, "jsonl", f"{exc} (stopped after line {index + 1})")
    except FileNotFoundError:
        failed = error_doc(label, "jsonl", "no such file")
    except OSError as exc:
        failed = error_doc(label, "jsonl", f"cannot read ({exc.strerror or exc})")
    if unrecorded:
        yield error_doc(f"{label}:errors", "jsonl", f"{unrecorded} more bad rows not recorded one by one "
                        f"(the limit is {limits.max_errors} error records per file)")
    if failed is not None:
        yield failed
    elif rows == 0 and start == 0 and stop is None:
        yield error_doc(label, "jsonl", "empty file" if inflated == 0 else "no rows")


def count_lines(path: str | Path) -> int:
    """The number of lines of a (possibly gzipped) JSONL file, for splitting it into line ranges."""
    n = 0
    last = b"\n"
    with _open(Path(path)) as fh:
        while chunk := fh.read(1 << 20):
            n += chunk.count(b"\n")
            last = chunk
    return n if last.endswith(b"\n") else n + 1  # a last line without a newline still counts
