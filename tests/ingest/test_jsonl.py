"""JSONL rows: raw, title span, metadata, bad rows, gzip, line ranges, the dev set."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from rasd.doc import content_id
from rasd.ingest import count_lines, iter_docs, iter_docs_range
from rasd.ingest.dates import parse_date
from tests.conftest import dev_rows, row_raw, shared_path

ROWS = [
    {"id": "a1", "url": "https://example.com/a1", "outlet": "Enab Baladi", "date": "2021-07-02T10:15:00+03:00",
     "title": "مبعوث بوتين يلتقي الأسد في دمشق", "text": "التقى المبعوث الروسي الرئيس السوري.", "lang": "ar"},
    {"id": 7, "title": "", "text": "قصف مدفعي على ريف إدلب.", "date": "02/07/2021"},
    {"text": "أعلنت وزارة الخارجية التركية.", "published": "Fri, 02 Jul 2021 08:00:00 GMT"},
]


def _write(path: Path, lines: list[str]) -> None:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")


def test_rows_become_docs_with_title_span_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    _write(path, [json.dumps(r, ensure_ascii=False) for r in ROWS])
    a, b, c = iter_docs([path])
    assert a.raw == "مبعوث بوتين يلتقي الأسد في دمشق\n\nالتقى المبعوث الروسي الرئيس السوري."
    assert a.title_span == (0, 31) and a.title == "مبعوث بوتين يلتقي الأسد في دمشق"
    assert (a.id, a.meta.source, a.meta.kind) == ("a1", "a1", "jsonl")
    assert (a.meta.url, a.meta.outlet, a.meta.date) == ("https://example.com/a1", "Enab Baladi", "2021-07-02")
    assert a.meta.extra == {"lang": "ar", "date_raw": "2021-07-02T10:15:00+03:00"}
    assert (b.raw, b.title_span, b.id, b.meta.source, b.meta.date) == ("قصف مدفعي على ريف إدلب.", None, "7", "7", "2021-07-02")
    assert c.id == content_id("أعلنت وزارة الخارجية التركية.")
    assert c.meta.source == f"{path}:3"
    assert c.meta.date == "2021-07-02" and c.meta.extra == {"date_raw": "Fri, 02 Jul 2021 08:00:00 GMT"}


def test_bad_rows_in_the_middle_become_error_docs_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    good = json.dumps(ROWS[0], ensure_ascii=False)
    _write(path, [good, '{"id": "x", "text": ', "[1, 2]", "", '{"id": "n"}', '{"id": "m", "text": 5}',
                  '{"id": "w", "text": "  "}', json.dumps({"id": "last", "text": "انتهى الاجتماع."})])
    docs = list(iter_docs([path]))
    assert [d.id for d in docs if not d.errors] == ["a1", "last"]
    assert [d.errors[0].message for d in docs if d.errors] == [
        "invalid JSON (Expecting value at column 21)",
        "row is a JSON list, not an object",
        "no text field",
        "text is a int, not a string",
        "empty text",
    ]
    bad = docs[1]
    assert bad.raw == "" and bad.meta.source == f"{path}:2" and bad.errors[0].stage == "ingest"
    assert bad.id == content_id(f"{path}:2\ninvalid JSON (Expecting value at column 21)")


def test_gzip_jsonl_and_ndjson(tmp_path: Path) -> None:
    gz = tmp_path / "rows.jsonl.gz"
    _write(gz, [json.dumps(r, ensure_ascii=False) for r in ROWS])
    nd = tmp_path / "rows.ndjson"
    _write(nd, [json.dumps(ROWS[0], ensure_ascii=False)])
    assert [d.id for d in iter_docs([gz, nd])] == ["a1", "7", content_id(ROWS[2]["text"]), "a1"]


def test_truncated_gzip_keeps_the_rows_read_and_ends_in_an_error(tmp_path: Path) -> None:
    whole = tmp_path / "whole.jsonl.gz"
    _write(whole, [json.dumps({"id": f"r{i}", "text": "خبر عاجل " * 50}, ensure_ascii=False) for i in range(200)])
    cut = tmp_path / "cut.jsonl.gz"
    data = whole.read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    docs = list(iter_docs([cut]))
    assert docs[0].id == "r0" and not docs[0].errors
    assert docs[-1].raw == "" and "corrupt gzip (EOFError" in docs[-1].errors[0].message
    assert all(not d.errors for d in docs[:-1])


def test_garbage_after_gzip_magic_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "junk.jsonl.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00garbage that is not deflate")
    (doc,) = iter_docs([path])
    assert doc.errors[0].message.startswith("corrupt gzip (")


def test_empty_jsonl_and_oversized_row(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    assert [d.errors[0].message for d in iter_docs([empty])] == ["empty file"]
    big = tmp_path / "big.jsonl"
    _write(big, [json.dumps({"id": "big", "text": "س" * 500}), json.dumps({"id": "ok", "text": "نص"})])
    docs = list(iter_docs([big], max_bytes=200))
    assert docs[0].errors[0].message == "too large: more than 200 bytes, over the limit of 200 bytes per document"
    assert docs[1].id == "ok" and docs[1].raw == "نص"


def test_line_ranges_partition_a_file(tmp_path: Path) -> None:
    path = tmp_path / "parts.jsonl.gz"
    _write(path, [json.dumps({"id": f"r{i}", "text": f"خبر رقم {i}"}, ensure_ascii=False) for i in range(10)])
    assert count_lines(path) == 10
    parts = [list(iter_docs_range(path, s, s + 4)) for s in (0, 4, 8)]
    assert [[d.id for d in p] for p in parts] == [["r0", "r1", "r2", "r3"], ["r4", "r5", "r6", "r7"], ["r8", "r9"]]
    assert [d.id for d in iter_docs_range(path, 9, None)] == ["r9"]
    (missing,) = iter_docs_range(tmp_path / "gone.jsonl", 0, 4)
    assert missing.errors[0].message == "no such file"
    (bad,) = iter_docs_range(tmp_path / "x.txt", 0, 1)
    assert bad.errors[0].message.endswith("line ranges are only for JSONL files")


def test_parse_date_forms() -> None:
    assert parse_date("2015-07-31T23:30:00-05:00") == "2015-07-31"  # the local date, not shifted to UTC
    assert parse_date("31/07/2015") == "2015-07-31"
    assert parse_date("07/31/2015") == "2015-07-31"
    assert parse_date("٣١ تموز ٢٠١٥") == "2015-07-31"
    assert parse_date("July 31, 2015") == "2015-07-31"
    assert parse_date(1438300800) == "2015-07-31"
    assert parse_date("2015-02-30") is None
    assert parse_date("2015") is None
    assert parse_date("منذ ساعتين") is None


def test_dev_set_rows() -> None:
    rows = dev_rows()
    docs = list(iter_docs([shared_path("corpus", "dev", "articles.jsonl")]))
    assert len(docs) == 28 and not any(d.errors for d in docs)
    by_id = {d.id: d for d in docs}
    doc = by_id["snn_aleqtisadiya_002"]
    row = next(r for r in rows if r["id"] == "snn_aleqtisadiya_002")
    assert doc.raw == row_raw(row) == f"{row['title']}\n\n{row['text']}"
    assert doc.title == '"التحالف الدولي" ينفذ 41 ضربة جوية ضد "داعش"'
    assert (doc.meta.date, doc.meta.outlet, doc.meta.source) == ("2015-07-31", "Al-Eqtisadiya", "snn_aleqtisadiya_002")
    assert all(by_id[r["id"]].raw == row_raw(r) for r in rows)
