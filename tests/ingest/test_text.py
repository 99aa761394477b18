"""Plain-text files: encodings, line endings, bad input, directory walks."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.doc import content_id
from rasd.ingest import iter_docs
from rasd.ingest.decode import decode

ARABIC = "قصف الجيش السوري مواقع في ريف إدلب اليوم.\r\nوقال مصدر عسكري إن الهجوم أسفر عن مقتل خمسة مسلحين."


def _one(path: Path, **kw: object) -> object:
    docs = list(iter_docs([path], **kw))  # type: ignore[arg-type]
    assert len(docs) == 1
    return docs[0]


def test_windows_1256_is_read_as_arabic_with_crlf_kept(tmp_path: Path) -> None:
    data = ARABIC.encode("cp1256")
    path = tmp_path / "cp1256.txt"
    path.write_bytes(data)
    doc = _one(path)
    assert doc.raw == ARABIC  # "\r\n" kept: raw is the decoded content
    assert doc.id == content_id(data)
    assert doc.meta.source == str(path) and doc.meta.kind == "txt"
    assert doc.meta.extra == {"encoding": "cp1256"}
    assert doc.errors == []


def test_short_windows_1256_word_is_not_mistaken_for_another_codec(tmp_path: Path) -> None:
    # charset-normalizer alone calls these five bytes cp932.
    path = tmp_path / "short.txt"
    path.write_bytes("سوريا".encode("cp1256"))
    assert _one(path).raw == "سوريا"


def test_latin_text_in_windows_1252_stays_latin(tmp_path: Path) -> None:
    text = "Le ministre français des Affaires étrangères a rencontré son homologue à Beyrouth, où il a évoqué la crise économique."
    path = tmp_path / "fr.txt"
    path.write_bytes(text.encode("cp1252"))
    assert _one(path).raw == text


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes(ARABIC.encode("utf-16"))  # BOM + native order
    doc = _one(path)
    assert doc.raw == ARABIC
    assert doc.meta.extra["encoding"] in ("utf-16-le", "utf-16-be")


def test_utf16_without_bom(tmp_path: Path) -> None:
    path = tmp_path / "u16le.txt"
    path.write_bytes(ARABIC.encode("utf-16-le"))
    assert _one(path).raw == ARABIC


def test_utf8_bom_is_stripped_but_hashed(tmp_path: Path) -> None:
    data = "\ufeffعاجل: اجتماع طارئ لمجلس الأمن".encode("utf-8")
    path = tmp_path / "bom.txt"
    path.write_bytes(data)
    doc = _one(path)
    assert doc.raw == "عاجل: اجتماع طارئ لمجلس الأمن"
    assert doc.id == content_id(data)
    assert doc.meta.extra == {}


def test_binary_file_is_an_error_doc(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00")
    doc = _one(path)
    assert doc.raw == ""
    assert [(e.stage, e.message) for e in doc.errors] == [("ingest", "binary file (NUL bytes)")]
    assert doc.id == content_id(f"{path}\nbinary file (NUL bytes)")
    assert doc.meta.source == str(path)


def test_control_bytes_without_nul_are_binary(tmp_path: Path) -> None:
    path = tmp_path / "ctl.txt"
    path.write_bytes(bytes(range(1, 32)) * 4)
    assert _one(path).errors[0].message == "binary file (control characters)"


def test_empty_and_blank_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b" \r\n\n\t")
    assert _one(empty).errors[0].message == "empty file"
    assert _one(blank).errors[0].message == "empty file"


def test_missing_file_and_size_limit(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    assert _one(missing).errors[0].message == "no such file"
    big = tmp_path / "big.txt"
    big.write_text("خبر " * 100, encoding="utf-8")
    size = big.stat().st_size
    doc = _one(big, max_bytes=100)
    assert doc.errors[0].message == f"too large: {size} bytes, over the limit of 100 bytes per document"
    assert doc.raw == ""


def test_error_ids_are_stable(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    assert _one(missing).id == _one(missing).id == content_id(f"{missing}\nno such file")


def test_unknown_ending_named_explicitly_is_text(tmp_path: Path) -> None:
    path = tmp_path / "article.md"
    path.write_text("بيروت - أعلن الجيش اللبناني", encoding="utf-8")
    doc = _one(path)
    assert doc.raw == "بيروت - أعلن الجيش اللبناني" and doc.meta.kind == "txt"


def test_directory_walk_is_sorted_recursive_and_skips_hidden_and_unknown(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text("نص ثان", encoding="utf-8")
    (tmp_path / "a.txt").write_text("نص أول", encoding="utf-8")
    (tmp_path / "c.txt").write_text("نص ثالث", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("مخفي", encoding="utf-8")
    (tmp_path / ".git" / "x.txt").write_text("مخفي", encoding="utf-8")
    (tmp_path / "notes.md").write_text("غير معروف", encoding="utf-8")
    docs = list(iter_docs([tmp_path]))
    assert [d.raw for d in docs] == ["نص أول", "نص ثان", "نص ثالث"]
    assert docs[1].meta.source == str(tmp_path / "b" / "2.txt")


def test_a_single_path_string_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("نص", encoding="utf-8")
    assert [d.raw for d in iter_docs(str(path))] == ["نص"]


_ARABIC_WORDS = st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإةى", min_size=2, max_size=8)


@settings(max_examples=60, deadline=None)
@given(st.lists(_ARABIC_WORDS, min_size=1, max_size=30), st.sampled_from(["cp1256", "utf-8", "utf-16", "utf-8-sig"]))
def test_arabic_round_trips_through_every_supported_encoding(words: list[str], codec: str) -> None:
    text = " ".join(words) + ".\r\n" + "، ".join(reversed(words))
    assert decode(text.encode(codec))[0] == text
