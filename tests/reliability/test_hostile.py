"""The hostile inputs of the reliability issue, as regression tests: a clear record naming the input,
the rest of the batch processed, nothing lost; no traceback reaches the user."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rasd.cli import EXIT_BUSY, EXIT_SOME_FAILED, EXIT_USAGE, app
from rasd.ingest import iter_docs
from rasd.ingest.common import Limits
from rasd.pipeline import Pipeline, default_pipeline

runner = CliRunner()
ARTICLE = "قصفت الطائرات الحربية مواقع في مدينة حلب أمس الخميس. وقال مسؤول إن الهجوم أسفر عن مقتل خمسة أشخاص.\n"


def _docs(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]


def test_utf8_with_a_stray_byte_stays_utf8_with_a_warning(tmp_path: Path) -> None:
    data = (ARTICLE * 4).encode("utf-8")
    cut = data.index("مدينة".encode("utf-8"))
    path = tmp_path / "stray.txt"
    path.write_bytes(data[:cut] + b"\xff" + data[cut:])
    (doc,) = iter_docs([path])
    assert doc.raw == (ARTICLE * 4)[: len(data[:cut].decode("utf-8"))] + "\ufffd" + data[cut:].decode("utf-8")
    assert [w.message for w in doc.warnings] == ["1 undecodable byte sequence(s) replaced by U+FFFD (read as UTF-8)"]
    assert "encoding" not in doc.meta.extra


def test_real_cp1256_is_still_read_as_cp1256(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes(ARTICLE.encode("cp1256"))
    (doc,) = iter_docs([path])
    assert doc.raw == ARTICLE and doc.meta.extra["encoding"] == "cp1256"
    assert [w.message for w in doc.warnings] == ["not UTF-8: read as cp1256"]


def test_lone_surrogate_row_and_bad_file_name_are_stored(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "rows.jsonl").write_text(json.dumps({"id": "s1", "text": "نص \ud800 " + ARTICLE}) + "\n"
                                       + json.dumps({"id": "s2", "text": ARTICLE.replace("حلب", "حمص")}) + "\n",
                                       encoding="ascii")
    bad_name = os.path.join(os.fsencode(inputs), b"bad\xffname.txt")
    with open(bad_name, "wb") as fh:
        fh.write(ARTICLE.replace("حلب", "إدلب").encode("utf-8"))
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(inputs), "--out", str(out)])
    assert result.exit_code == 0, result.output
    by_source = {d["doc_source"]: d for d in _docs(out)}
    assert sorted(by_source) == [f"{inputs}/bad\\xffname.txt", "s1", "s2"]
    assert [w["message"] for w in by_source["s1"]["warnings"]] == ["1 lone surrogate(s) (invalid Unicode) replaced by U+FFFD"]
    assert all(d["n_events"] == 1 for d in by_source.values())


def test_a_gigabyte_of_newlines_and_a_flood_of_bad_rows(tmp_path: Path) -> None:
    blank = tmp_path / "blank.jsonl.gz"
    with gzip.open(blank, "wb", compresslevel=1) as fh:
        for _ in range(64):
            fh.write(b"\n" * (1 << 20))
    garbage = tmp_path / "garbage.jsonl.gz"
    with gzip.open(garbage, "wb") as fh:
        fh.write(b"x\n" * 200_000)
    docs = list(iter_docs([blank, garbage]))
    assert [d.errors[0].message for d in docs[:1]] == ["no rows"]
    assert len(docs) == 1 + 100 + 1
    assert docs[1].errors[0].message == "invalid JSON (Expecting value at column 1)" and docs[1].source == f"{garbage}:1"
    assert docs[-1].errors[0].message == ("199900 more bad rows not recorded one by one "
                                          "(the limit is 100 error records per file)")


def test_gzip_bomb_stops_at_the_input_limit(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.jsonl.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as fh:
        fh.write(json.dumps({"id": "r1", "text": ARTICLE}).encode() + b"\n" + b"0" * (8 << 20))
    docs = list(iter_docs([bomb], limits=Limits(max_input_bytes=4 << 20, max_doc_bytes=1 << 20)))
    assert docs[0].id == "r1" and not docs[0].errors
    assert docs[1].source == f"{bomb}:2" and docs[1].errors[0].message.startswith("too large: more than 1048576 bytes")
    assert docs[-1].errors[0].message == "inflates to more than 4194304 bytes (the limit per input) (stopped after line 2)"
    assert len(docs) == 3


def test_warc_bomb_line_of_zeros(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.warc.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as fh:
        fh.write(b"\0" * (6 << 20))
    (doc,) = iter_docs([bomb], limits=Limits(max_doc_bytes=2 << 20))
    assert doc.errors[0].message == "a line longer than 2097152 bytes (the limit per document) (after 0 documents)"


def test_fifo_and_huge_html_are_skipped_with_a_reason(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "big.html").write_text("<html><body>" + "<p>" + ARTICLE + "</p>" * 3000 + "</body></html>", encoding="utf-8")
    (tmp_path / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    docs = {Path(d.source).name: d for d in iter_docs([tmp_path], limits=Limits(max_html_bytes=10_000))}
    assert docs["pipe.txt"].errors[0].message == "skipped: a FIFO, not a regular file"
    assert docs["big.html"].errors[0].message.startswith("too large: ")
    assert not docs["ok.txt"].errors


def test_long_document_is_processed_in_parts_with_offsets_into_each(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(ARTICLE * 400, encoding="utf-8")  # 400 lines of 99 characters
    assert len(ARTICLE) == 99
    parts = list(iter_docs([path], limits=Limits(max_doc_chars=9_000)))
    assert [len(p.raw) for p in parts] == [8910, 8910, 8910, 8910, 3960]  # 90 whole lines a part
    assert "".join(p.raw for p in parts) == ARTICLE * 400
    assert [p.meta.extra["part_offset"] for p in parts] == [0, 8910, 17820, 26730, 35640]
    assert [p.id for p in parts] == [f"{parts[0].meta.extra['part_of']}-p{k}" for k in range(1, 6)]
    assert all(p.raw.endswith("\n") for p in parts[:-1])  # cut at paragraph breaks
    assert parts[1].warnings[0].message == ("long document (39600 characters) processed in 5 parts of at most 9000; "
                                            "this is part 2, from character 8910 of the whole")
    done = default_pipeline()(parts[2])
    (ev,) = done.events  # the same strike told on every line of the part is one event, its repeats mentions
    assert done.raw[ev.trigger_start : ev.trigger_end] == "قصفت" and len(ev.mentions) == 179


def test_time_budget_skips_later_stages() -> None:
    pipe = Pipeline(default_pipeline().stages, doc_seconds=0.0)
    (doc,) = iter_docs_text(ARTICLE)
    doc = pipe(doc)
    assert [(e.stage, e.message.split(" (")[0]) for e in doc.errors] == [("pipeline", "time budget of 0s spent")]
    assert doc.stage_seconds and "events" not in doc.stage_seconds


def iter_docs_text(text: str):  # noqa: ANN201
    from rasd.doc import Doc, DocMeta

    return [Doc(raw=text, id="t", meta=DocMeta(source="t", kind="txt"))]


def test_missing_path_among_others_is_recorded(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(tmp_path / "a.txt"), str(tmp_path / "gone.txt"), "--out", str(out)])
    assert result.exit_code == EXIT_SOME_FAILED
    gone = [d for d in _docs(out) if d["doc_source"].endswith("gone.txt")]
    assert [e["message"] for d in gone for e in d["errors"]] == ["no such file"]
    assert f"rasd run: {tmp_path / 'gone.txt'}: no such file\n" in result.output


def test_bad_out_and_second_writer(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    afile = tmp_path / "file"
    afile.write_text("x")
    result = runner.invoke(app, ["run", str(tmp_path / "a.txt"), "--out", str(afile)])
    assert result.exit_code == EXIT_USAGE and f"--out {afile}: not a folder" in result.output
    result = runner.invoke(app, ["run", str(tmp_path / "a.txt"), "--out", "/proc/rasd-out"])
    assert result.exit_code == EXIT_USAGE and "--out /proc/rasd-out: cannot create" in result.output
    out = tmp_path / "out"
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('held', flush=True); time.sleep(60)", str(out / "rasd.duckdb")],
                              stdout=subprocess.PIPE, text=True)
    try:
        out.mkdir()
        assert holder.stdout.readline().strip() == "held"
        result = runner.invoke(app, ["run", str(tmp_path / "a.txt"), "--out", str(out)])
        assert result.exit_code == EXIT_BUSY
        assert "in use by another rasd process" in result.output and "Traceback" not in result.output
    finally:
        holder.kill()
        holder.wait()


@pytest.fixture(scope="module")
def store_with_markup(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("markup")
    (folder / "rows.jsonl").write_text(json.dumps({"id": "m1", "title": "[/bold] عنوان \x1b[31m", "text": ARTICLE},
                                                  ensure_ascii=False) + "\n", encoding="utf-8")
    out = folder / "out"
    assert runner.invoke(app, ["run", str(folder / "rows.jsonl"), "--out", str(out)]).exit_code == 0
    return out / "rasd.duckdb"


def test_query_sql_is_read_only(store_with_markup: Path) -> None:
    for sql in ("DROP TABLE events", "UPDATE events SET text = 'x'", "COPY events TO '/tmp/rasd-leak.csv'",
                "SELECT * FROM read_csv('/etc/passwd')"):
        result = runner.invoke(app, ["query", "--db", str(store_with_markup), "--sql", sql])
        assert result.exit_code == EXIT_USAGE, sql
    assert not Path("/tmp/rasd-leak.csv").exists()
    result = runner.invoke(app, ["query", "--db", str(store_with_markup), "--sql", "SELECT count(*) AS n FROM events"])
    assert result.exit_code == 0 and "│ 1 │" in result.output


def test_printed_values_are_neither_markup_nor_escapes(store_with_markup: Path) -> None:
    result = runner.invoke(app, ["query", "--db", str(store_with_markup), "--sql", "SELECT title FROM documents"])
    assert result.exit_code == 0, result.output
    assert "[/bold] عنوان \\x1b[31m" in result.output and "\x1b" not in result.output
    result = runner.invoke(app, ["show", str(store_with_markup.parent)])
    assert result.exit_code == 0 and "\x1b" not in result.output


def test_cut_short_gzip_is_one_partition_that_keeps_its_rows(tmp_path: Path) -> None:
    from rasd.scale.partitions import plan

    rows = "".join(json.dumps({"id": f"r{i}", "text": ARTICLE * 5}, ensure_ascii=False) + "\n" for i in range(300))
    data = gzip.compress(rows.encode("utf-8"))
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(data[: len(data) // 2])
    (part,) = plan([cut], partition_size=100)
    assert part.files == (str(cut),)
    docs = list(part.docs())
    assert all(not d.errors for d in docs[:-1]) and [d.id for d in docs[:3]] == ["r0", "r1", "r2"]
    assert docs[-1].errors[0].message.startswith("corrupt gzip (EOFError: ")
