"""Actor coding on real sentences: KB names, roles on the date, composition, capitals, coreference."""

from __future__ import annotations

import json

from rasd.actors import run
from rasd.actors.kb import entries
from rasd.actors.score import score_docs
from rasd.pipeline import process_text
from tests.conftest import dev_rows, row_raw, shared_path

STAGES = ["clean", "segment", "time", "actors"]


def code(text: str, date: str | None = "2021-07-02") -> list[tuple[str, str, str | None, str]]:
    doc = process_text(text, date=date, stages=STAGES)
    doc = run(doc) if not doc.actors else doc
    return [(doc.raw[a.start : a.end], f"{a.country} {a.sector_code}", a.actor_id, a.how) for a in doc.actors]


def test_biden_role_by_date():
    biden = next(e for e in entries() if e.id == "joe-biden")
    assert (biden.role_on("2022-03-01").country, biden.role_on("2022-03-01").sector) == ("USA", "GOV")
    assert biden.role_on("2026-01-01").sector == "ELI"
    assert biden.role_on("2019-06-01").sector == "ELI"
    assert code("قال جو بايدن إن بلاده سترد.", "2026-02-01")[0][1] == "USA ELI"


def test_envoy_to_syria_is_russian():
    got = code("التقى “بشار الأسد” مع مبعوث الرئيس الروسي إلى سوريا “ألكسندر لافرنتييف” في العاصمة دمشق.")
    assert got == [
        ("بشار الأسد", "SYR GOV", "bashar-al-assad", "kb"),
        ("مبعوث الرئيس الروسي إلى سوريا “ألكسندر لافرنتييف”", "RUS GOV", "alexander-lavrentiev", "kb"),
    ]


def test_misspelt_name_links_by_spelling_tolerance():
    got = code("أن يضم اللقاء “ألكسندر لافرينييف” وآخرين.")
    assert got == [("ألكسندر لافرينييف", "RUS GOV", "alexander-lavrentiev", "fuzzy")]


def test_role_and_nationality_compose():
    got = code("وقال وزير الخارجية الأمريكي إن المحادثات مستمرة.")
    assert got == [("وزير الخارجية الأمريكي", "USA GOV", None, "nationality")]


def test_regime_forces_in_a_syrian_article():
    got = code("قصفت قوات النظام مدينة إدلب السورية، وقالت دمشق إن الجيش السوري يتقدم.")
    assert ("قوات النظام", "SYR MIL", None, "role") in got
    assert ("دمشق", "SYR GOV", None, "capital") in got
    assert ("الجيش السوري", "SYR MIL", "syrian-arab-army", "kb") in got


def test_capital_after_a_preposition_is_a_place():
    got = code("وصل الوفد إلى موسكو أمس، وفي دمشق عقد اجتماع.")
    assert [g for g in got if g[3] == "capital"] == []


def test_short_reference_to_a_named_person():
    got = code("التقى بشار الأسد وفدا روسيا. وقال الأسد إن اللقاء كان مثمرا.")
    assert ("الأسد", "SYR GOV", "bashar-al-assad", "coref") in got


def test_newspaper_versus_region():
    got = code("ذكرت صحيفة “الشرق الأوسط” أن التوتر في الشرق الأوسط يتصاعد.")
    assert [g[1] for g in got] == ["SAU JRN"]


def test_unknown_gunmen_and_opposition():
    got = code("هاجم مسلحون مجهولون حاجزا في درعا جنوب سوريا، فيما نددت المعارضة السورية بالهجوم.")
    assert ("مسلحون مجهولون", "SYR UAF", None, "role") in got
    assert ("المعارضة السورية", "SYR OPP", None, "nationality") in got


def test_seed_article_gold_codes(seed_raw, seed_gold):
    doc = process_text(seed_raw, date=seed_gold["doc_date"], stages=STAGES)
    sc = score_docs([(doc, seed_gold)])
    assert sc.misses == [] and sc.total == 19
    spans = {(doc.raw[a.start : a.end], f"{a.country} {a.sector_code}") for a in doc.actors}
    for exact in [("بشار الأسد", "SYR GOV"), ("موسكو", "RUS GOV"), ("واشنطن", "USA GOV"), ("روسيا", "RUS GOV"),
                  ("نائب رئيس الوزراء الروسي “يوري بوريسوف”", "RUS GOV"), ("المعـ.ـارضة", "SYR OPP"),
                  ("الشرق الأوسط", "SAU JRN"), ("وفدي نظام الأسد", "SYR GOV")]:
        assert exact in spans


def test_dev_entity_code_accuracy():
    rows = dev_rows()
    pairs = []
    for row in rows:
        gold = json.loads(shared_path("corpus", "dev", "gold", f"{row['id']}.gold.json").read_text(encoding="utf-8"))
        pairs.append((process_text(row_raw(row), date=row.get("date"), stages=STAGES), gold))
    sc = score_docs(pairs)
    print(f"dev entity code accuracy {sc.accuracy:.3f} ({sc.correct}/{sc.total})")
    assert sc.accuracy >= 0.75
