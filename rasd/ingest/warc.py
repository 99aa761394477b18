"""WARC files: every HTML response record is a document, streamed record by record."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from rasd.doc import Doc, content_id
from rasd.ingest.common import MAX_DOC_BYTES, BoundedStream, Limits, Rejected, error_doc, too_big
from rasd.ingest.dates import parse_date
from rasd.ingest.html import decode_page, page_doc

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _html_payload_type(record: object) -> str | None:
    """The Content-Type of an HTML page a record carries (a 2xx response or a resource), else None."""
    if record.rec_type == "response":  # type: ignore[attr-defined]
        http = record.http_headers  # type: ignore[attr-defined]
        if http is None or not str(http.get_statuscode() or "").startswith("2"):
            return None  # redirects and error pages are not articles
        ctype = http.get_header("Content-Type") or ""
    elif record.rec_type == "resource":  # type: ignore[attr-defined]
        ctype = record.rec_headers.get_header("Content-Type") or ""  # type: ignore[attr-defined]
    else:
        return None
    return ctype if ctype.split(";")[0].strip().lower() in _HTML_TYPES else None


def _record_doc(record: object, label: str, max_bytes: int) -> Doc | None:
    """The document of one record, an error document for a bad HTML record, None for other records."""
    ctype = _html_payload_type(record)
    if ctype is None:
        return None
    headers = record.rec_headers  # type: ignore[attr-defined]
    url = headers.get_header("WARC-Target-URI")
    source = url or f"{label}#{headers.get_header('WARC-Record-ID')}"
    try:
        # content_stream undoes chunked transfer and gzip content encoding.
        payload = record.content_stream().read(max_bytes + 1)  # type: ignore[attr-defined]
        if len(payload) > max_bytes:
            raise Rejected(too_big(max_bytes))
        # warcio stops quietly at the end of a cut-short file; the record's unread length tells.
        if getattr(record.raw_stream, "limit", 0) > 0:  # type: ignore[attr-defined]
            raise Rejected("truncated record (the WARC file is cut short)")
        if not payload.strip():
            raise Rejected("empty response")
        doc = page_doc(decode_page(payload, ctype), source=source, kind="warc", doc_id=content_id(payload), url=url)
    except Rejected as exc:
        return error_doc(source, "warc", str(exc))
    except (UnicodeError, ValueError, LookupError) as exc:  # a malformed record, not a malformed file
        return error_doc(source, "warc", f"unreadable record ({type(exc).__name__}: {exc})")
    if doc.meta.date is None:
        # The page states no publication date: the capture date is the latest it can be.
        doc.meta.date = parse_date(headers.get_header("WARC-Date"))
        if doc.meta.date is not None:
            doc.meta.extra["date_from"] = "warc"
    doc.meta.extra["warc_date"] = headers.get_header("WARC-Date")
    doc.meta.extra["warc_file"] = label
    return doc


def _stream(path: Path, limits: Limits) -> BoundedStream:
    """The WARC's bytes, decompressed here (every gzip member in turn) and bounded, so a header line of a
    billion zeros or a record inflating past the input limit stops with an error, not with all memory."""
    fh = path.open("rb")
    inner = gzip.GzipFile(fileobj=fh, mode="rb") if fh.peek(2)[:2] == b"\x1f\x8b" else fh
    return BoundedStream(inner, limits.max_input_bytes, max_line=limits.max_doc_bytes,  # type: ignore[arg-type]
                         cut_is_end=True)


def iter_warc(path: Path, label: str, max_bytes: int = MAX_DOC_BYTES, limits: Limits | None = None) -> Iterator[Doc]:
    """Documents from a WARC (or .warc.gz) file, one per HTML response; a corrupt file ends in an error doc."""
    limits = limits or Limits(max_doc_bytes=max_bytes)
    max_bytes = min(max_bytes, limits.max_doc_bytes)
    found = errors = 0
    try:
        with _stream(path, limits) as fh:
            for record in ArchiveIterator(fh):
                doc = _record_doc(record, label, max_bytes)
                if doc is None:
                    continue
                found += 1
                if doc.errors:
                    errors += 1
                    if errors > limits.max_errors:
                        continue
                yield doc
            if fh.cut is not None and not (found and errors and "truncated" in str(doc.errors[0].message)):
                yield error_doc(label, "warc", f"corrupt WARC after {found} documents (EOFError: {fh.cut})")
                return
    except Rejected as exc:
        yield error_doc(label, "warc", f"{exc} (after {found} documents)")
        return
    except (ArchiveLoadFailed, EOFError, zlib.error, ValueError, gzip.BadGzipFile) as exc:
        yield error_doc(label, "warc", f"corrupt WARC after {found} documents ({type(exc).__name__}: {exc})")
        return
    except OSError as exc:
        yield error_doc(label, "warc", f"cannot read ({exc.strerror or exc})")
        return
    unrecorded = errors - limits.max_errors
    if unrecorded > 0:
        yield error_doc(f"{label}:errors", "warc", f"{unrecorded} more bad records not recorded one by one "
                        f"(the limit is {limits.max_errors} error records per file)")
    if found == 0:
        yield error_doc(label, "warc", "no HTML response records")
