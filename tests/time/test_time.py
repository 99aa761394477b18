"""The time stage: expressions found and resolved, document dates, conflicts, and scores on Wojood."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from babel import Locale

from rasd.clean import clean
from rasd.doc import Doc, DocMeta
from rasd.segment import segment
from rasd.text.normalize import normalize_text
from rasd.time import run
from rasd.time.grammar import grammar
from tests.conftest import dev_rows, row_raw, shared_path

TODAY = dt.date(2025, 1, 1)
TABLE = Path(__file__).with_name("data") / "expressions.tsv"


def timed(raw: str, date: str | None = None, title: str | None = None) -> Doc:
    """Run clean, segment and time on a string."""
    doc = Doc(raw=raw, id="t", meta=DocMeta(source="t", kind="txt", date=date, title=title))
    return run(segment(clean(doc)), today=TODAY)


def found(doc: Doc) -> dict[str, tuple[str | None, str]]:
    """Raw text of each expression -> (value, precision)."""
    return {doc.raw[t.start : t.end]: (t.value, t.precision) for t in doc.times}


def _rows() -> list[tuple[str, ...]]:
    """The expression table."""
    lines = TABLE.read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t")) for line in lines if line and not line.startswith("#")]


def test_table_is_large_and_mostly_real() -> None:
    rows = _rows()
    assert len(rows) >= 150
    assert sum(r[5] == "news10k" for r in rows) > len(rows) / 2


@pytest.mark.parametrize("row", _rows(), ids=lambda r: r[2])
def test_expression(row: tuple[str, ...]) -> None:
    doc_date, text, span, value, precision, _ = row
    got = found(timed(text, doc_date))
    assert span in got, f"{span!r} not found in {text!r}: {got}"
    assert got[span] == (value, precision)


def test_seed_article() -> None:
    raw = shared_path("corpus", "seed", "000_7ba5d46f9773e582.txt").read_text(encoding="utf-8")
    doc = timed(raw)
    assert (doc.doc_date, doc.doc_date_source) == ("2021-07-02", "text")
    got = found(doc)
    assert got["أمس الخميس 1 تموز"] == ("2021-07-01", "day")
    assert got["22 حزيران الفائت"] == ("2021-06-22", "day")
    assert got["13 من الشهر ذاته"] == ("2021-06-13", "day")
    assert got["السابع من شهر تموز الجاري"] == ("2021-07-07", "day")
    anchors = {doc.raw[t.start : t.end]: t.anchor for t in doc.times}
    assert anchors["13 من الشهر ذاته"] == "previous"


def test_dev_document_dates_match_gold() -> None:
    gold_dir = shared_path("corpus", "dev", "gold")
    for row in dev_rows():
        gold = json.loads((gold_dir / f"{row['id']}.gold.json").read_text(encoding="utf-8"))
        doc = timed(row_raw(row), row.get("date"), row.get("title"))
        assert doc.doc_date == gold["doc_date"], row["id"]
        assert doc.doc_date_source == ("metadata" if row.get("date") else "none"), row["id"]


def test_metadata_date_wins_over_text() -> None:
    doc = timed("قال الوزير أمس الخميس 1 تموز إن الاتفاق قريب.", "2021-07-05T10:00:00")
    assert (doc.doc_date, doc.doc_date_source) == ("2021-07-05", "metadata")


def test_today_weekday_infers_document_date() -> None:
    doc = timed("قال الرئيس اليوم الأحد 4 تموز إن الانتخابات ستجري في موعدها.")
    assert (doc.doc_date, doc.doc_date_source) == ("2021-07-04", "text")


def test_dateline_infers_document_date() -> None:
    doc = timed("الكويت 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م (كونا) -- بحث وزير الخارجية مع نظيره الروسي العلاقات.")
    assert (doc.doc_date, doc.doc_date_source) == ("2015-08-10", "text")
    assert "hijri" in next(t.flags for t in doc.times if doc.raw[t.start : t.end].startswith("25 شوال"))


def test_no_anchor_no_document_date() -> None:
    for text in ("قصفت الطائرات المدينة الخميس وقتل خمسة أشخاص.",
                 'أعلنت حركة "حماس" في 1 فبراير/شباط 2024 عبر موقعها عن إطلاق منصة جديدة.'):
        doc = timed(text)
        assert (doc.doc_date, doc.doc_date_source) == (None, "none")
    doc = timed("قصفت الطائرات المدينة الخميس وقتل خمسة أشخاص.")
    assert [(t.value, t.precision) for t in doc.times] == [(None, "day")]


def test_weekday_conflict_is_flagged_and_date_wins() -> None:
    doc = timed("عقد الاجتماع يوم الجمعة 1 تموز 2021 في جنيف.", "2021-07-05")
    (t,) = doc.times
    assert (t.value, t.flags) == ("2021-07-01", ("weekday-conflict",))
    doc = timed("وصل الوفد أمس الأحد إلى بغداد.", "2021-07-02")
    (t,) = doc.times
    assert (t.value, t.flags) == ("2021-07-01", ("weekday-conflict",))


@pytest.mark.parametrize("text", ["مارس الضغط على الحكومة.", "زار الأب ابنه في المستشفى.",
                                  "اتفق الاثنين على التعاون.", "اليوم التالي للهجوم كان هادئا.",
                                  "قتل 15 شخصا وأصيب 2015 آخرون.", "قبل بضعة أيام من الانتخابات."])
def test_not_dates(text: str) -> None:
    assert timed(text, "2021-07-10").times == ()


def test_spans_are_raw_offsets() -> None:
    raw = "وقال إنّ الاجتماعَ سيُعقد غداً الأحد ١١ تمّوز ٢٠٢١م في عمّان."
    doc = timed(raw, "2021-07-10")
    (t,) = doc.times
    assert raw[t.start : t.end] == "غداً الأحد ١١ تمّوز ٢٠٢١م"
    assert t.value == "2021-07-11"


@pytest.mark.parametrize("loc", ["ar", "ar_IQ", "ar_SY", "ar_DZ", "ar_MA", "ar_TN", "ar_EG"])
def test_month_table_covers_cldr(loc: str) -> None:
    months = grammar().months
    for k, name in Locale.parse(loc).months["format"]["wide"].items():
        assert months[" ".join(normalize_text(name).split())] == k, (loc, name)


def test_wojood_scores_floor() -> None:
    from rasd.time.evaluate import wojood_scores

    scores = wojood_scores(shared_path("data", "wojood-sample"))
    assert scores["gold_spans"] > 700
    assert scores["lenient"]["precision"] >= 0.95 and scores["lenient"]["recall"] >= 0.8


def test_url_dates() -> None:
    import datetime as dt

    from rasd.time import url_date

    today = dt.date(2026, 12, 4)
    assert url_date("https://www.alarabiya.net/ar/sport/saudi-sport/2018/06/18/مورينيو.html", today) == dt.date(2018, 6, 18)
    assert url_date("https://www.skynewsarabia.com/middle-east/1042024-عنوان", today) is None  # an article id
    assert url_date("https://example.com/2018/02/30/x", today) is None  # no such day
    assert url_date("https://example.com/2031/01/02/x", today) is None  # after today
    assert url_date(None, today) is None


def test_news10k_rows_dated_by_their_url() -> None:
    import datetime as dt
    import gzip
    import json
    import re

    from rasd.doc import Doc, DocMeta
    from rasd.pipeline import Pipeline, default_pipeline

    from tests.conftest import shared_path

    path = shared_path("corpus", "bench", "news10k.jsonl.gz")
    rx = re.compile(r"/(\d{4})/(\d{2})/(\d{2})/")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = [r for r in map(json.loads, fh) if r["date"] is None and r.get("url") and rx.search(r["url"])]
    assert len(rows) == 1536
    pipe = Pipeline([s for s in default_pipeline().stages if s.name in ("clean", "segment", "time")])
    got = 0
    for r in rows[::16]:  # every 16th of them through the stages themselves
        doc = pipe(Doc(raw=r["title"] + "\n\n" + r["text"], id=r["id"], meta=DocMeta(source=r["id"], kind="jsonl", url=r["url"])))
        got += doc.doc_date == "-".join(rx.search(r["url"]).groups()) and doc.doc_date_source == "url"
    assert got == len(rows[::16])
    assert dt.date.fromisoformat("-".join(rx.search(rows[0]["url"]).groups()))
