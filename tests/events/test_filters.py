"""What the events stage leaves out or recodes on unseen news: sport, private persons, passives, backgrounds, reporters."""

from __future__ import annotations

import pytest

from rasd.doc import TimeExpr
from rasd.events import run
from rasd.events.filters import reference_date
from tests.events.util import hand_doc

# (sentence, actors, places, document date, expected events as (type, actor codes, recipient countries, context))
CASES = [
    (  # news10k row 7159: a football body "agrees" on a match calendar
        "وافق الاتحاد الأوروبي لكرة القدم \"يويفا\"، يوم الخميس، على جدول مباريات بطولة كأس الأمم الأوروبية \"يورو 2020\".",
        [("الاتحاد الأوروبي", "EUR IGO")], [], "2018-09-20", [],
    ),
    (  # news10k row 7010: a private person's remark is no political event
        "ونوه تريبو إلى أن الفتيات المشاركات لن يخضعن إلى أي فحص طبي.",
        [("تريبو", "FRA CVL")], [], "2018-05-01", [],
    ),
    (  # news10k row 9173: a vocalised passive names the accused, not an accuser
        "أصدر قادة الولايات المتحدة وبريطانيا بيانا مشتركا بشأن اعتداء سالزبري، الذي اتُهمت روسيا بتدبيره.",
        [("الولايات المتحدة", "USA GOV"), ("بريطانيا", "GBR GOV"), ("روسيا", "RUS GOV")], [], "2018-09-10", [],
    ),
    (  # news10k row 8790: "هنا" (here) is not "هنأ" (congratulated)
        "وهنا تذكر دولة قطر أن التحرك الجماعي هو الضمان الأساسي لإيقاف سباق التسلح النووي.",
        [("دولة قطر", "QAT GOV")], [], "2018-05-10", [],
    ),
    (  # news10k row 8271: "هنأ" written with its hamza
        "هنأ الرئيس الصربي ألكسندر فوسيتش أردوغان.",
        [("الرئيس الصربي ألكسندر فوسيتش", "SRB GOV"), ("أردوغان", "TUR GOV")], [], "2018-06-26",
        [("SUPPORT", ["SRB GOV"], ["TUR"], [])],
    ),
    (  # news10k row 7125: "بأيدي" (in the hands of) is a noun, not "أيد"
        "التي تستميت الميليشيات من أجل عدم سقوطها بأيدي الجيش الوطني.",
        [("الجيش الوطني", "YEM MIL")], [], "2018-06-01", [],
    ),
    (  # news10k row 7319: "قوات تدعمها الولايات المتحدة" describes a standing tie, not an act of support
        "أفادت تقارير بأن تنظيم الدولة الإسلامية اختطف المئات في هجوم على قوات تدعمها الولايات المتحدة.",
        [("تنظيم الدولة الإسلامية", "IMG REB"), ("الولايات المتحدة", "USA GOV")], [], "2018-10-14",
        [("ASSAULT", ["IMG REB"], [], [])],
    ),
    (  # news10k row 7391: a named agreement ("اتفاق باريس") is no act of agreeing
        "وسيشدد الأوروبيون على الدفاع عن اتفاق باريس للمناخ.",
        [("الأوروبيون", "EUR GOV")], [("باريس", "Paris", "FRA")], "2018-06-08", [],
    ),
    (  # news10k row 9430: a government "protests" with words
        "احتجت الصين على وجود سفينتين حربيتين أميركيتين في بحر الصين الجنوبي.",
        [("الصين", "CHN GOV")], [], "2018-10-01", [("ACCUSE", ["CHN GOV"], [], [])],
    ),
    (  # news10k row 8386: a country that "saw demonstrations" is where its people marched
        "وشهدت الولايات المتحدة مظاهرات غاضبة ضد قرار ترامب بفصل العائلات.",
        [("الولايات المتحدة", "USA GOV"), ("ترامب", "USA GOV")], [], "2018-07-08", [("PROTEST", ["USA CVL"], [], [])],
    ),
    (  # a visit to a place: the visited country's government hosts it
        "بدأ الرئيس الأمريكي السابق باراك أوباما زيارة إلى كينيا.",
        [("الرئيس الأمريكي السابق باراك أوباما", "USA ELI")], [("كينيا", "Kenya", "KEN")], "2018-07-15",
        [("CONSULT", ["USA ELI"], ["KEN"], [])],
    ),
    (  # news10k row 8989: a news channel announcing a strike is not its doer
        "أعلنت قناة المسيرة التابعة للحوثيين الأحد قصف مركز معلومات وزارة الدفاع السعودية.",
        [("قناة المسيرة", "YEM JRN"), ("وزارة الدفاع السعودية", "SAU GOV")], [], "2018-04-22", [],
    ),
    (  # news10k row 9622: "سرعان ما أيد" is no negation; "دعوة ترامب" names neither addressee nor demand: no REQUEST
        "وسرعان ما أيد رئيس الوزراء الإيطالي الجديد جوزيبي كونتي دعوة ترامب.",
        [("رئيس الوزراء الإيطالي الجديد جوزيبي كونتي", "ITA GOV"), ("ترامب", "USA GOV")], [], "2018-06-09",
        [("SUPPORT", ["ITA GOV"], [], [])],
    ),
]


@pytest.mark.parametrize("raw,actors,places,date,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_filtered(raw, actors, places, date, expected):
    doc = run(hand_doc(raw, actors, places, date=date))
    got = [(e.event, sorted({f"{a.country} {a.sector_code}" for a in e.actor}), sorted({a.country for a in e.recipient}),
            sorted(e.context)) for e in doc.events]
    assert got == [(t, sorted(a), sorted(r), sorted(c)) for t, a, r, c in expected]


def test_verbal_act_placed_where_said():
    """Dev snn_aljazirah_009 title: the condemnation has no place; the bombing happened in Asir, by unnamed attackers."""
    raw = "الكويت تدين بشدة التفجير الإرهابي في عسير"
    doc = run(hand_doc(raw, [("الكويت", "KWT GOV")], [("عسير", "Asir", "SAU")], date="2015-08-07"))
    got = [(e.event, [f"{a.country} {a.sector_code}" for a in e.actor], e.place.name if e.place else None) for e in doc.events]
    assert got == [("ACCUSE", ["KWT GOV"], None), ("ASSAULT", ["SAU UAF"], "Asir")]


def test_sport_sentence_dropped_in_political_article():
    """A match report inside other news codes nothing; the political sentence beside it still does."""
    raw = ("اتهمت سوريا إسرائيل بالوقوف وراء قصف قاعدة جوية عسكرية قرب مدينة حمص.\n\n"
           "والتقى المنتخب السوري نظيره الإيراني في مباراة ودية بالدوري.")
    doc = run(hand_doc(raw, [("سوريا", "SYR GOV"), ("إسرائيل", "ISR GOV"), ("المنتخب السوري", "SYR GOV")],
                       date="2018-04-10"))
    assert [(e.event, sorted(a.country for a in e.actor)) for e in doc.events] == [("ACCUSE", ["SYR"])]


def test_reference_date_of_an_undated_article():
    """An undated article was written no earlier than the latest day it names; a future date does not count."""
    raw = "نص"
    doc = hand_doc(raw, [], date=None, times=False)
    doc.times = (TimeExpr(0, 1, "2015-03", "month"), TimeExpr(0, 1, "2018-05-14", "day"),
                 TimeExpr(0, 1, "2030-01-01", "day", flags=("future",)), TimeExpr(0, 1, "2019", "year"))
    assert reference_date(doc) == "2018-05-14"
    doc.doc_date = "2018-06-01"
    assert reference_date(doc) == "2018-06-01"
