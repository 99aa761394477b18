"""The normalised view: folding rules, and the offset map back to raw text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.text.normalize import build_view, normalize_text

ARABICISH = st.text(
    alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآؤئةى") + ["ـ", "\u064b", "\u064e", "\u0651", "\u200f",
                             "\u200b", "٠", "٣", "٩", "،", "؟", "“", "”", " ", "\n", ".", "A", "z", "7", "😀"]),
    max_size=200,
)


def test_folding_rules() -> None:
    assert normalize_text("أإآٱ") == "اااا"
    assert normalize_text("مدرسةٌ على") == "مدرسه علي"
    assert normalize_text("مسؤول، بريئة") == "مسوول, برييه"
    assert normalize_text("١/٧/٢٠٢١") == "1/7/2021"
    assert normalize_text("“الأسد”؟") == '"الاسد"?'
    assert normalize_text("حـــمـاس\u200f") == "حماس"
    assert normalize_text("CNN") == "cnn"


@settings(max_examples=300, deadline=None)
@given(ARABICISH)
def test_every_normalised_char_maps_back(raw: str) -> None:
    view = build_view(raw)
    assert len(view.to_raw) == len(view.text)
    for i, ch in enumerate(view.text):
        assert normalize_text(raw[view.to_raw[i]]) == ch
    # mapping the whole view back covers exactly the kept characters
    if view.text:
        s, e = view.raw_span(0, len(view.text))
        assert normalize_text(raw[s:e]) == view.text


@settings(max_examples=300, deadline=None)
@given(ARABICISH, st.data())
def test_raw_to_norm_and_back_is_lossless(raw: str, data: st.DataObject) -> None:
    view = build_view(raw)
    start = data.draw(st.integers(0, len(raw)))
    end = data.draw(st.integers(start, len(raw)))
    ns, ne = view.norm_span(start, end)
    assert view.text[ns:ne] == normalize_text(raw[start:end])
    if ne > ns:
        rs, re_ = view.raw_span(ns, ne)
        assert start <= rs and re_ <= end
        assert normalize_text(raw[rs:re_]) == view.text[ns:ne]


def test_edits_delete_and_substitute() -> None:
    raw = "حـMـاس"
    view = build_view(raw, [(1, 2, ""), (2, 3, "م"), (3, 4, "")])
    assert view.text == "حماس"
    assert view.raw_span(0, 4) == (0, 6)
    assert [int(i) for i in view.to_raw] == [0, 2, 4, 5]
