"""Random bytes and random JSONL rows: nothing crashes, every bad input is recorded with a reason."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rasd.ingest import iter_docs
from rasd.ingest.common import Rejected
from rasd.ingest.decode import decode
from rasd.run import process_docs
from rasd.store import Store

_ARABIC = st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), min_size=1, max_size=40)
# any code point, lone surrogates included: valid in JSON ("\ud800"), not encodable as UTF-8
_ANY = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=40)
_VALUE = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | _ANY | _ARABIC,
                      lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_ANY, inner, max_size=3), max_leaves=6)
_ROW = st.one_of(
    st.fixed_dictionaries({"id": _ANY | st.integers(), "text": _ARABIC | _ANY},
                          optional={"title": _ANY | st.none(), "date": _ANY | st.integers(), "url": _VALUE,
                                    "outlet": _VALUE, "extra": _VALUE}),
    _VALUE,
)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_decode_never_raises_anything_but_rejected(data: bytes) -> None:
    try:
        text, codec, replaced = decode(data)
    except Rejected as exc:
        assert str(exc)
        return
    assert isinstance(text, str) and codec and replaced >= 0
    text.encode("utf-8")  # whatever was decoded can be written


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=3000))
def test_any_file_becomes_a_document_or_an_error_record(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(data)
    docs = list(iter_docs([path]))
    assert len(docs) == 1
    (doc,) = docs
    assert doc.errors or doc.raw.strip()
    assert all(e.message for e in doc.errors)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_ROW, min_size=1, max_size=6), st.lists(st.binary(max_size=30), max_size=2))
def test_random_jsonl_rows_are_stored_or_recorded(tmp_path: Path, rows: list, junk: list[bytes]) -> None:
    lines = [json.dumps(r).encode("ascii") for r in rows] + [j.replace(b"\n", b" ") for j in junk if j.strip()]
    path = tmp_path / "rows.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    db = tmp_path / f"s{abs(hash(path.read_bytes()))}.duckdb"
    with Store(db) as store:
        summary = process_docs(iter_docs([path]), store)
        records = store.document_records()
    assert summary.read == len(lines)
    # every row is a stored document or an error record (rows sharing an id are one document)
    assert 1 <= len(records) <= len(lines)
    for rec in records:
        json.dumps(rec, ensure_ascii=False).encode("utf-8")
        assert rec["errors"] or rec["n_events"] >= 0
