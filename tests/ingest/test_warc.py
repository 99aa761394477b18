"""WARC files: one document per HTML response, dates from the page or the capture."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from rasd.doc import content_id
from rasd.ingest import iter_docs

DATA = Path(__file__).parent / "data"
URL1 = "https://example.com/news/jordan-egypt-talks"
URL2 = "https://example.org/2021/07/syria"
PAGE2 = """<html><head><meta charset="windows-1256"><title>قصف على ريف إدلب</title></head>
<body><nav><a href="/">الرئيسية</a></nav><article><h1>قصف على ريف إدلب</h1>
<p>قصفت قوات النظام السوري بالمدفعية الثقيلة قرى في جبل الزاوية جنوبي إدلب، صباح اليوم، ما أدى إلى سقوط جرحى بين المدنيين وفق ما أفاد به الدفاع المدني.</p>
</article></body></html>"""


def _record(writer: WARCWriter, url: str, payload: bytes, ctype: str, date: str, status: str = "200 OK") -> None:
    http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=BytesIO(payload), http_headers=http,
                                       warc_headers_dict={"WARC-Date": date})
    writer.write_record(record)


def _warc(path: Path, gzip: bool) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        _record(writer, URL1, (DATA / "article.html").read_bytes(), "text/html; charset=utf-8", "2023-03-15T06:00:00Z")
        _record(writer, "https://example.com/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png", "2023-03-15T06:00:01Z")
        _record(writer, "https://example.com/old", b"", "text/html", "2023-03-15T06:00:02Z", status="301 Moved Permanently")
        _record(writer, URL2, PAGE2.encode("cp1256"), "text/html", "2021-07-05T12:00:00Z")


def test_html_responses_become_docs(tmp_path: Path) -> None:
    for gz in (True, False):
        path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
        _warc(path, gz)
        first, second = iter_docs([path])
        assert first.errors == [] and second.errors == []
        assert first.meta.kind == "warc" and first.meta.source == URL1 and first.meta.url == URL1
        assert first.raw.startswith("وزير الخارجية الأردني يلتقي نظيره المصري في عمّان\n\nالتقى وزير الخارجية")
        assert first.title_span == (0, 49)
        # The page's publication date wins over the capture date.
        assert first.meta.date == "2023-03-14" and first.meta.extra["date_from"] == "page"
        assert first.meta.extra["warc_date"] == "2023-03-15T06:00:00Z"
        assert first.id == content_id((DATA / "article.html").read_bytes())
        assert second.raw == ("قصف على ريف إدلب\n\nقصفت قوات النظام السوري بالمدفعية الثقيلة قرى في جبل الزاوية جنوبي إدلب، "
                              "صباح اليوم، ما أدى إلى سقوط جرحى بين المدنيين وفق ما أفاد به الدفاع المدني.")
        assert second.meta.source == URL2
        assert second.meta.date == "2021-07-05" and second.meta.extra["date_from"] == "warc"


def test_corrupt_and_empty_warc(tmp_path: Path) -> None:
    good = tmp_path / "good.warc.gz"
    _warc(good, True)
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(good.read_bytes()[:-200])
    docs = list(iter_docs([cut]))
    assert docs[0].meta.source == URL1 and not docs[0].errors
    assert len(docs) == 2 and docs[-1].raw == "" and docs[-1].meta.source == URL2
    assert docs[-1].errors[0].message == "truncated record (the WARC file is cut short)"
    halfway = tmp_path / "halfway.warc.gz"
    halfway.write_bytes(good.read_bytes()[:700])  # cut inside the first record's gzip member
    (doc,) = iter_docs([halfway])
    assert doc.errors[0].message == "truncated record (the WARC file is cut short)"
    junk = tmp_path / "junk.warc"
    junk.write_bytes("ليس ملف أرشيف".encode("utf-8"))
    (doc,) = iter_docs([junk])
    assert doc.errors[0].message.startswith("corrupt WARC after 0 documents (ArchiveLoadFailed")
    empty = tmp_path / "empty.warc"
    empty.write_bytes(b"")
    assert [d.errors[0].message for d in iter_docs([empty])] == ["empty file"]


def test_warc_without_html(tmp_path: Path) -> None:
    path = tmp_path / "images.warc"
    with path.open("wb") as fh:
        _record(WARCWriter(fh, gzip=False), "https://example.com/a.png", b"\x89PNG", "image/png", "2023-03-15T06:00:00Z")
    assert [d.errors[0].message for d in iter_docs([path])] == ["no HTML response records"]
