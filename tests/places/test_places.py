"""The places stage: gazetteer look-ups, resolution in context, the seed article, real mentions, dev accuracy."""

from __future__ import annotations

import csv
import gzip
import json
import re
from pathlib import Path

import pytest

from rasd.doc import Doc
from rasd.places import event_location_candidates, load, run
from rasd.places.evaluate import evaluate, prepare
from tests.conftest import row_raw, shared_path

HERE = Path(__file__).parent


def places(text: str, outlet: str | None = None) -> list[tuple[str, str, str | None, bool]]:
    """(raw text, name, country, is_nationality) of each place in a text."""
    doc = prepare(text, outlet)
    return [(doc.raw[p.start : p.end], p.name, p.country, p.is_nationality) for p in doc.places]


def test_gazetteer_loads_and_validates() -> None:
    g = load()
    assert len(g.entries) > 4000
    assert g.entries[g.by_key["g:170654"]].name == "Damascus"
    assert g.entries[g.capital("SYR")].geonameid == 170654  # type: ignore[index]
    assert g.entries[g.capital("YEM")].name == "Sanaa"  # type: ignore[index]


@pytest.mark.parametrize("text, surface, name, country", [
    ("وصل الوفد إلى الحديده أمس", "الحديده", "Hodeidah", "YEM"),
    ("وصل الوفد إلى الحديدة أمس", "الحديدة", "Hodeidah", "YEM"),
    ("قصفت الطائرات مواقع في اللاذقيه", "اللاذقيه", "Latakia", "SYR"),
    ("اشتباكات عنيفة في ادلب", "ادلب", "Idlib", "SYR"),
    ("اشتباكات عنيفة في إدلب", "إدلب", "Idlib", "SYR"),
    ("التقى الوزير نظيره بدمشق", "دمشق", "Damascus", "SYR"),
    ("ووصل الوزير ودمشق تستعد", "دمشق", "Damascus", "SYR"),
    ("عاد الوفد لدمشق", "دمشق", "Damascus", "SYR"),
    ("قصف على ريف دمشق", "ريف دمشق", "Rif-dimashq Governorate", "SYR"),
    ("غارات على الغوطة الشرقية", "الغوطة الشرقية", "Eastern Ghouta", "SYR"),
    ("معارك في جبل صبر قرب تعز", "جبل صبر", "Jabal Sabir", "YEM"),
    ("قتلى في قطاع غزة", "قطاع غزة", "Gaza Strip", "PSE"),
    ("اقتحامات في الضفة الغربية", "الضفة الغربية", "West Bank", "PSE"),
    ("وقعت الاشتباكات في محافظة صعدة", "محافظة صعدة", "Sadah", "YEM"),
    ("وصل إلى الموصل", "الموصل", "Mosul", "IRQ"),
    ("معارك في الأنبار", "الأنبار", "Al Anbar", "IRQ"),
])
def test_names_with_clitics_and_spellings(text: str, surface: str, name: str, country: str) -> None:
    got = places(text)
    assert any(s == surface and n == name and c == country for s, n, c, _ in got), got


def test_capital_of_country_in_focus() -> None:
    got = places("أعلنت الحكومة السعودية اليوم أن الاجتماع سيعقد في العاصمة الأسبوع المقبل")
    assert ("العاصمة", "Riyadh", "SAU", False) in got
    got = places("وصل الوفد إلى العاصمة اليمنية صنعاء")
    assert ("العاصمة اليمنية", "Sanaa", "YEM", False) in got and ("صنعاء", "Sanaa", "YEM", False) in got


def test_nationalities_are_marked() -> None:
    got = places("التقى مبعوث الرئيس الروسي بالقوات السعودية")
    assert ("الروسي", "Russia", "RUS", True) in got
    assert ("السعودية", "Saudi Arabia", "SAU", True) in got


def test_common_words_and_person_names_need_evidence() -> None:
    assert places("استقبل الملك سلمان بن عبد العزيز الوفد") == []
    assert places("أصدرت الوزارة بيان اليوم عن الخميس المقبل") == []
    assert places("وأكدت دراسة حديثة أن قناة السويس") == [("السويس", "Suez", "EGY", False)]
    assert places("وصل الرئيس هادي إلى عدن") == [("عدن", "Aden", "YEM", False)]


def test_context_resolves_ambiguity() -> None:
    # طرابلس is Tripoli in Libya or in Lebanon: the article's country decides, then population
    assert ("طرابلس", "Tripoli", "LBN", False) in places("اشتباكات في لبنان: قتلى في طرابلس وبيروت")
    assert ("طرابلس", "Tripoli", "LBY", False) in places("اشتباكات في طرابلس")


def test_event_location_candidates() -> None:
    doc = prepare("سوريا ترفض القرار. والتقى الوزيران في العاصمة دمشق. وعقد اللقاء في سوريا.")
    assert [doc.raw[p.start : p.end] for p in event_location_candidates(doc, 0)] == []
    assert [doc.raw[p.start : p.end] for p in event_location_candidates(doc, 1)] == ["دمشق"]
    assert [doc.raw[p.start : p.end] for p in event_location_candidates(doc, 2)] == ["سوريا"]


def test_offsets_index_raw_and_are_sorted() -> None:
    doc = prepare("وصل الوفد بِدِمَشْق ثم إلى بيروت والقاهرة")
    assert [doc.raw[p.start : p.end] for p in doc.places] == ["دِمَشْق", "بيروت", "القاهرة"]
    assert [p.start for p in doc.places] == sorted(p.start for p in doc.places)


def test_run_without_tokens_is_empty() -> None:
    from rasd.doc import DocMeta

    doc = run(Doc(raw="", id="x", meta=DocMeta(source="t", kind="txt")))
    assert doc.places == ()


def test_seed_article(seed_raw: str) -> None:
    doc = prepare(seed_raw)
    by_text: dict[str, set[tuple[str, str | None, int | None]]] = {}
    for p in doc.places:
        by_text.setdefault(doc.raw[p.start : p.end], set()).add((p.name, p.country, p.geonameid))
    assert ("Damascus", "SYR", 170654) in by_text["دمشق"]
    assert ("Geneva", "CHE", 2660646) in by_text["جنيف"]
    assert ("Astana", "KAZ", 1526273) in by_text["نور سلطان"]
    assert ("Astana", "KAZ", 1526273) in by_text["أستانا"]
    assert "بشار" not in by_text and "فلاديمير" not in by_text  # persons, not Bechar or Vladimir
    sent = next(i for i, s in enumerate(doc.sentences) if "جنيف" in doc.raw[s.start : s.end])
    assert [p.name for p in event_location_candidates(doc, sent)] == ["Geneva"]


def _bench_rows(ids: set[str]) -> dict[str, dict]:
    """The bench rows with the given ids."""
    out = {}
    with gzip.open(shared_path("corpus", "bench", "news10k.jsonl.gz"), "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["id"] in ids:
                out[row["id"]] = row
                if len(out) == len(ids):
                    break
    return out


def test_real_mentions_table() -> None:
    with open(HERE / "mentions.tsv", encoding="utf-8") as fh:
        cases = list(csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t"))
    assert len(cases) >= 100
    rows = _bench_rows({c["doc"] for c in cases})
    docs = {i: prepare(row_raw(r), r.get("outlet")) for i, r in rows.items()}
    misses = []
    for c in cases:
        doc = docs[c["doc"]]
        ends = [m.end() for m in re.finditer(re.escape(c["surface"]) + r"(?!\w)", doc.raw)]
        if not any(p.end in ends and (p.name, p.country) == (c["name"], c["country"]) and not p.is_nationality
                   for p in doc.places):
            misses.append(f"{c['doc']} {c['surface']} -> {c['name']}/{c['country']}")
    assert len(misses) <= 3, misses  # pinned floor: 150 of 153 at least


def test_dev_place_accuracy_floor() -> None:
    score = evaluate(shared_path("corpus", "dev"))
    assert score.total == 126
    assert score.accuracy >= 0.9, score.accuracy  # measured 0.913; never lower this floor silently
