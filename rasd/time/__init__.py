"""Time: find Arabic date expressions, date the document, and resolve each expression to ISO."""

from __future__ import annotations

import datetime as dt

from rasd.doc import Doc, TimeExpr
from rasd.time.recognise import Mention, find_mentions
from rasd.time.resolve import Resolver, infer_doc_date

__all__ = ["run", "date_doc"]


def _sentence_spans(doc: Doc) -> tuple[list[tuple[int, int]], tuple[int, int] | None]:
    """Normalised spans of the sentences (boilerplate is already outside them) and of the first body sentence."""
    assert doc.norm is not None
    spans = [doc.norm.norm_span(s.start, s.end) for s in doc.sentences]
    body = next((spans[k] for k, s in enumerate(doc.sentences) if not s.is_title), None)
    return spans, body


def _parse_iso(value: str | None) -> dt.date | None:
    """The date of an ISO string ("2015-07-31" or a longer timestamp), or None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def url_date(url: str | None, today: dt.date) -> dt.date | None:
    """A /YYYY/MM/DD/ date in a URL (htmldate's pattern: separated year, month and day, so an article id
    such as /middle-east/1042024 is no date), if it is a real day not after ``today``."""
    if not url:
        return None
    from htmldate.extractors import COMPLETE_URL

    m = COMPLETE_URL.search(url)
    if m is None:
        return None
    try:
        found = dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
    return found if found <= today else None


def date_doc(doc: Doc, mentions: list[Mention], body: tuple[int, int] | None, today: dt.date) -> dt.date | None:
    """Set the document date and its source: metadata first, else a date in the document's URL, else what
    the text states, else none."""
    assert doc.norm is not None
    meta = _parse_iso(doc.meta.date)
    if meta is not None:
        doc.doc_date, doc.doc_date_source = meta.isoformat(), "metadata"
        return meta
    from_url = url_date(doc.meta.url, today)
    if from_url is not None:
        doc.doc_date, doc.doc_date_source = from_url.isoformat(), "url"
        return from_url
    inferred = infer_doc_date(mentions, doc.norm.text, body, today)
    doc.doc_date = inferred.isoformat() if inferred else None
    doc.doc_date_source = "text" if inferred else "none"
    return inferred


def run(doc: Doc, today: dt.date | None = None) -> Doc:
    """Add the time layer: ``doc.times``, ``doc.doc_date`` and ``doc.doc_date_source``."""
    if doc.norm is None:
        raise ValueError("time needs the normalised view (run clean and segment first)")
    spans, body = _sentence_spans(doc)
    mentions = find_mentions(doc.norm.text, spans)
    ref = date_doc(doc, mentions, body, today or dt.date.today())
    resolve = Resolver(ref)
    out: list[TimeExpr] = []
    for men in mentions:
        r = resolve(men)
        start, end = doc.norm.raw_span(men.start, men.end)
        # take in marks the view dropped right after the span (the tanween of "غداً", the tatweel of "هـ")
        while end < len(doc.raw) and doc.norm.from_raw[end + 1] == doc.norm.from_raw[end] and not doc.raw[end].isspace():
            end += 1
        out.append(TimeExpr(start, end, r.value, r.precision, r.anchor, r.flags))
    doc.times = tuple(out)
    return doc
