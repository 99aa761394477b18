"""What every reader shares: the size limit, the rejection error, and error documents."""

from __future__ import annotations

from rasd.doc import Doc, DocMeta, content_id

# A news article is a few kB; anything past this per document is a dump, not an article.
MAX_DOC_BYTES = 20_000_000


class Rejected(Exception):
    """An input that cannot become a document; the message is the reason."""


def error_doc(source: str, kind: str, reason: str, where: str | None = None) -> Doc:
    """A document that records why an input was rejected; its id is stable for the same input and reason."""
    where = where or source
    doc = Doc(raw="", id=content_id(f"{where}\n{reason}"), meta=DocMeta(source=source, kind=kind))
    doc.fail("ingest", f"{where}: {reason}")
    return doc


def too_big(max_bytes: int, size: int | None = None) -> str:
    """The reason given for an input over the limit (its size when known without reading it all)."""
    got = f"{size} bytes" if size is not None else f"more than {max_bytes} bytes"
    return f"too large: {got}, over the limit of {max_bytes} bytes per document"
