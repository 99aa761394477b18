"""Segment: sentences, tokens with offsets, clitic readings."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.pipeline import process_text
from rasd.segment import split_sentences
from rasd.segment.clitics import analyze


def test_seed_sentences(seed_raw: str) -> None:
    doc = process_text(seed_raw, stages=["clean", "segment"])
    texts = [seed_raw[s.start : s.end] for s in doc.sentences]
    assert len(texts) == 20
    assert doc.sentences[0].is_title and not doc.sentences[1].is_title
    assert texts[1] == "التقى “بشار الأسد” مع مبعوث الرئيس الروسي إلى سوريا “ألكسندر لافرنتييف” في العاصمة دمشق أمس الخميس 1 تموز."
    assert not any("إقرأ أيضاً" in t for t in texts)


def test_tokens_of_repaired_words(seed_raw: str) -> None:
    doc = process_text(seed_raw, stages=["clean", "segment"])
    tok = next(t for t in doc.tokens if t.norm == "العقوبات")
    assert seed_raw[tok.start : tok.end] == "العـ.ـقوبات"
    tok = next(t for t in doc.tokens if t.norm == "بدمشق")
    assert "دمشق" in tok.bases


def test_no_split_inside_agency_acronyms() -> None:
    raw = "قال مراسل د.ب.أ إن الوفد وصل. وأضاف أن أ. ف. ب نقلت الخبر."
    assert [raw[s:e] for s, e in split_sentences(raw, 0, len(raw))] == [
        "قال مراسل د.ب.أ إن الوفد وصل.", "وأضاف أن أ. ف. ب نقلت الخبر."]


def test_clitic_readings() -> None:
    assert ("ول", "الرييس", "") in analyze("وللرييس")
    assert ("ب", "دمشق", "") in analyze("بدمشق")
    assert ("و", "ابلغ", "ه") in analyze("وابلغه")
    assert ("س", "يلتقي", "") in analyze("سيلتقي")
    assert analyze("بشار")[0] == ("", "بشار", "")
    assert analyze("في") == (("", "في", ""),)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ابتسملنويةىأ ـ.،\n؟“”0١") + ["\u064e"]), max_size=150))
def test_token_and_sentence_offsets(raw: str) -> None:
    doc = process_text(raw, stages=["clean", "segment"])
    assert doc.raw == raw
    assert doc.norm is not None
    for t in doc.tokens:
        ns, ne = doc.norm.norm_span(t.start, t.end)
        assert doc.norm.text[ns:ne] == t.norm
        assert 0 <= t.start < t.end <= len(raw)
    for s in doc.sentences:
        assert raw[s.start : s.end].strip() == raw[s.start : s.end]
