"""Place and date of merged tellings, meetings of "the two presidents", and officials of a body, on real text."""

from __future__ import annotations

from rasd.events import run
from rasd.pipeline import process_text
from tests.conftest import dev_rows, row_raw
from tests.events.util import hand_doc


def _dev(doc_id: str):
    row = next(r for r in dev_rows() if r["id"] == doc_id)
    return process_text(row_raw(row), date=row.get("date"))


def _place(doc, e) -> tuple[str, str | None] | None:
    return (doc.raw[e.place.start : e.place.end], e.place.country) if e.place is not None else None


def test_arrest_placed_by_headline_not_by_later_sentence():
    # "قاتل مع تنظيم داعش في الموصل بالعراق" places another act; the arrests were made in Kuwait
    doc = _dev("snn_okaz_005")
    arrest = next(e for e in doc.events if e.event == "COERCE" and e.date == "2015-07-30")
    assert _place(doc, arrest) == ("الكويت", "KWT")


def test_two_presidents_meeting_on_its_own_date():
    # "وكان الرئيسان التقيا قبل ذلك أواخر تشرين الثاني/نوفمبر في سوتشي أيضا": the parties of the meeting just told
    doc = _dev("ant_france24_015")
    got = sorted((e.date, [a.country for a in e.actor], [a.country for a in e.recipient])
                 for e in doc.events if e.event == "CONSULT")
    assert got == [("2017-11", ["SYR"], ["RUS"]), ("2017-12-11", ["RUS"], ["SYR"]), ("2018-05-17", ["SYR"], ["RUS"])]


def test_two_parties_retold_without_date_is_the_same_meeting():
    raw = ("التقى الرئيس الروسي بوتين الرئيس السوري الأسد في سوتشي يوم 17 مايو 2018.\n"
           "وقالت الرئاسة السورية إن الطرفين بحثا تطورات العملية السياسية.")
    doc = run(hand_doc(raw, [("الرئيس الروسي بوتين", "RUS GOV"), ("الرئيس السوري الأسد", "SYR GOV"),
                             ("الرئاسة السورية", "SYR GOV")], [("سوتشي", "Sochi", "RUS")], "2018-05-18"))
    assert [(e.event, e.date) for e in doc.events if e.event == "CONSULT"] == [("CONSULT", "2018-05-17")]


def test_official_of_a_body_condemns_on_the_day_of_the_report():
    # the UN official is the doer ("في الأمم المتحدة" is no place); "الخميس" dates the air strike, not the condemnation,
    # which takes the day of the one statement the article tells ("وأكد لووك، في بيان الجمعة")
    doc = _dev("ant_bbc_010")
    first = min(e.sent_start for e in doc.events if doc.sentences[0].end <= e.sent_start)
    got = sorted((e.event, tuple(a.country for a in e.actor), e.date) for e in doc.events if e.sent_start == first)
    assert got == [("ACCUSE", ("UNO",), "2018-08-24"), ("ASSAULT", ("SAU",), "2018-08-23")]


def test_a_nisba_party_after_an_attack_noun_did_it():
    # "ندين بشدة الهجمات الصاروخية الحوثية الخطيرة التي استهدف عدة مدن في المملكة العربية السعودية ليلة الأحد"
    doc = _dev("ant_cnn_009")
    attack = next(e for e in doc.events if doc.raw[e.trigger_start : e.trigger_end] == "الهجمات")
    got = ([(a.country, a.sector_code) for a in attack.actor], [(a.country, a.sector_code) for a in attack.recipient], attack.date)
    assert got == ([("YEM", "REB")], [("SAU", "GOV")], "2018-03-25")


def test_those_taking_part_in_a_raid_are_not_its_target():
    # "عملية مداهمات واسعة في إسطنبول شارك فيها 5 آلاف شرطي": the police did the raids, they were not raided
    doc = _dev("snn_alwatan_003")
    raid = next(e for e in doc.events if e.event == "COERCE" and doc.raw[e.trigger_start : e.trigger_end] == "مداهمات")
    assert ([a.country for a in raid.actor], [a.country for a in raid.recipient]) == (["TUR"], [])
