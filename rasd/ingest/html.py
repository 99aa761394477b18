"""HTML pages to documents: title and main text by trafilatura, the publication date by htmldate."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import htmldate
import trafilatura
from trafilatura.settings import use_config

from rasd.doc import Doc, DocMeta, content_id
from rasd.ingest.common import Rejected
from rasd.ingest.dates import parse_date
from rasd.ingest.decode import decode

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
# /2021/07/02/ or /2021-07-02/ in a URL: a dated article path.
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/_.-]|$)")


@lru_cache(maxsize=1)
def _config() -> Any:
    """trafilatura's settings, with its own date guessing off: we ask htmldate for page metadata only."""
    config = use_config()
    config["DEFAULT"]["EXTENSIVE_DATE_SEARCH"] = "off"
    config["DEFAULT"]["EXTRACTION_TIMEOUT"] = "0"  # signals do not work in worker threads
    return config


def declared_charset(page: bytes, content_type: str | None = None) -> str | None:
    """The charset an HTTP Content-Type header or the page's own <meta> declares."""
    if content_type and "charset=" in content_type.lower():
        return content_type.lower().split("charset=", 1)[1].split(";")[0].strip().strip("\"'") or None
    m = _META_CHARSET.search(page[:4096])
    return m[1].decode("ascii", "replace") if m else None


def decode_page(page: bytes, content_type: str | None = None) -> str:
    """The page as text: the declared charset when it holds, verified like any text (Rejected otherwise)."""
    return decode(page, declared_charset(page, content_type))[0]


def page_date(html: str) -> str | None:
    """The publication date the page's metadata states (meta tags, JSON-LD, <time>), never a guess from its text."""
    try:
        return htmldate.find_date(html, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # noqa: BLE001 - htmldate fails on odd markup; a missing date is not an error
        return None


def url_date(url: str | None) -> str | None:
    """A full date written in a dated article URL (/2021/07/02/)."""
    m = _URL_DATE.search(url or "")
    return parse_date(f"{m[1]}-{m[2]}-{m[3]}") if m else None


def _extract(html: str, url: str | None) -> Any:
    """trafilatura's reading of the page, retried for recall when the precise pass finds nothing."""
    for recall in (False, True):
        try:
            found = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                                favor_recall=recall, config=_config())
        except Exception:  # noqa: BLE001 - broken markup is a rejected page, reported by the caller
            found = None
        if found is not None and (found.text or "").strip():
            return found
    return None


def page_doc(html: str, *, source: str, kind: str, doc_id: str, url: str | None = None) -> Doc:
    """A document from a decoded page: raw is title, blank line, main text; Rejected when no text comes out."""
    found = _extract(html, url)
    if found is None:
        raise Rejected("no text could be extracted from the HTML")
    title = (found.title or "").strip()
    text = found.text.strip()
    # trafilatura keeps the article's <h1> as the first line of the text; it is the title, said once.
    first, _, rest = text.partition("\n")
    if title and first.strip() == title:
        text = rest.strip()
    if not text:
        raise Rejected("no text could be extracted from the HTML (only a title)")
    raw = f"{title}\n\n{text}" if title else text
    date = page_date(html)
    date_from = "page" if date else None
    if date is None and (date := url_date(found.url or url)):
        date_from = "url"
    extra: dict[str, Any] = {k: v for k, v in (("author", found.author), ("description", found.description),
                                                ("hostname", found.hostname), ("language", found.language))
                             if v}
    if found.categories:
        extra["categories"] = list(found.categories)
    if found.tags:
        extra["tags"] = list(found.tags)
    if date_from:
        extra["date_from"] = date_from
    if url and found.url and found.url != url:
        extra["canonical_url"] = found.url
    meta = DocMeta(source=source, kind=kind, url=url or found.url, outlet=found.sitename or None,
                   title=title or None, date=date, extra=extra)
    doc = Doc(raw=raw, id=doc_id, meta=meta, page=html)
    if title:
        doc.title_span = (0, len(title))
    return doc


def html_file_doc(data: bytes, source: str) -> Doc:
    """A document from an HTML file's bytes; its id is the hash of those bytes."""
    return page_doc(decode_page(data), source=source, kind="html", doc_id=content_id(data))
