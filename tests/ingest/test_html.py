"""HTML pages: main text without furniture, title, publication date, encodings, broken pages."""

from __future__ import annotations

from pathlib import Path

from rasd.doc import content_id
from rasd.ingest import iter_docs

DATA = Path(__file__).parent / "data"
TITLE = "وزير الخارجية الأردني يلتقي نظيره المصري في عمّان"
FIRST = "التقى وزير الخارجية الأردني أيمن الصفدي، اليوم الثلاثاء، نظيره المصري سامح شكري في العاصمة عمّان"


def test_article_page() -> None:
    path = DATA / "article.html"
    (doc,) = iter_docs([path])
    assert doc.errors == []
    assert doc.raw.startswith(f"{TITLE}\n\n{FIRST}")
    assert doc.raw.endswith("وأن القاهرة حريصة على تطويرها في جميع المجالات.")
    assert doc.raw.count("\n") == 4  # title, blank line, three paragraphs: the <h1> is not repeated
    assert doc.title_span == (0, len(TITLE)) and doc.title == TITLE
    for furniture in ("الرئيسية", "رياضة", "جميع الحقوق محفوظة", "سياسة الخصوصية"):
        assert furniture not in doc.raw
    assert doc.meta.kind == "html" and doc.meta.source == str(path)
    assert doc.meta.date == "2023-03-14" and doc.meta.extra["date_from"] == "page"
    assert doc.meta.url == "https://example.com/news/jordan-egypt-talks"
    assert doc.meta.outlet == "صحيفة الغد"
    assert doc.id == content_id(path.read_bytes())
    assert doc.page is not None and doc.page.startswith("<!DOCTYPE html>")


def test_copyright_year_is_not_taken_for_a_date(tmp_path: Path) -> None:
    # Without its published_time the page states no date; the footer's "© 2023" must not become 2023-01-01.
    html = (DATA / "article.html").read_text(encoding="utf-8")
    html = html.replace('<meta property="article:published_time" content="2023-03-14T09:30:00+02:00">', "")
    path = tmp_path / "nodate.html"
    path.write_text(html, encoding="utf-8")
    (doc,) = iter_docs([path])
    assert doc.meta.date is None and "date_from" not in doc.meta.extra


def test_windows_1256_page_declared_as_latin1(tmp_path: Path) -> None:
    html = (DATA / "article.html").read_text(encoding="utf-8").replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">')
    path = tmp_path / "cp1256.htm"
    path.write_bytes(html.encode("cp1256"))
    (doc,) = iter_docs([path])
    assert doc.raw.startswith(f"{TITLE}\n\n{FIRST}")


def test_broken_html_is_an_error_doc(tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_text('<html><head><title>خطأ</title></head><body><div class="ad"><script>var x = "<p>";</script></div', encoding="utf-8")
    (doc,) = iter_docs([path])
    assert doc.raw == "" and doc.meta.kind == "html"
    assert [e.message for e in doc.errors] == ["no text could be extracted from the HTML"]
