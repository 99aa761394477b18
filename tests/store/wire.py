"""Hand-coded articles for store tests: one meeting told by three papers, and two other events."""

from __future__ import annotations

from rasd.doc import Actor, Doc, DocMeta, Event, Place

JEDDAH = dict(name="Jeddah", country="SAU", geonameid=105343, lat=21.54238, lon=39.19797, resolution="city")


def _span(raw: str, words: str, after: int = 0) -> tuple[int, int]:
    start = raw.index(words, after)
    return start, start + len(words)


def _actor(raw: str, words: str, country: str, sector: str, actor_id: str | None = None, name: str | None = None) -> Actor:
    s, e = _span(raw, words)
    return Actor(s, e, country, sector, actor_id=actor_id, entity_name=name, entity_type="PER" if actor_id else "GPE")


def _doc(doc_id: str, outlet: str, date: str, title: str, text: str) -> Doc:
    raw = f"{title}\n\n{text}"
    meta = DocMeta(source=doc_id, kind="jsonl", url=f"http://www.{outlet}.com/{doc_id}", outlet=outlet, title=title,
                   date=date)
    doc = Doc(raw=raw, id=doc_id, meta=meta, title_span=(0, len(title)))
    doc.doc_date, doc.doc_date_source = date, "metadata"
    return doc


def _meeting(doc: Doc, sentence: str, trigger: str, date: str, place: str | None) -> Doc:
    raw = doc.raw
    s0, s1 = _span(raw, sentence)
    t0, t1 = _span(raw, trigger, s0)
    kerry = _actor(raw, "جون كيري", "USA", "GOV", "john-kerry", "John Kerry")
    salman = _actor(raw, "الملك سلمان بن عبدالعزيز", "SAU", "GOV", "salman-bin-abdulaziz", "Salman bin Abdulaziz")
    loc = None
    if place:
        p0, p1 = _span(raw, place, s0)
        loc = Place(p0, p1, **JEDDAH)
    ev = Event("CONSULT", t0, t1, s0, s1, actor=(kerry,), recipient=(salman,), mode=("visit",), date=date,
               date_precision="day", place=loc, quad_code=1,
               mentions=((0, len(doc.title or "")),))
    doc.actors = (salman, kerry) if salman.start < kerry.start else (kerry, salman)
    doc.events = (ev,)
    return doc


def wire_docs() -> list[Doc]:
    """Five articles: three papers tell one Jeddah meeting, one tells another a fortnight later, one a condemnation."""
    s1 = "استقبل الملك سلمان بن عبدالعزيز في جدة أمس وزير الخارجية الأمريكي جون كيري وبحث معه مستجدات الأوضاع في المنطقة."
    s2 = "التقى الملك سلمان بن عبدالعزيز وزير الخارجية الأمريكي جون كيري في جدة أمس وبحث معه مستجدات الأوضاع في المنطقة."
    s5 = "استقبل الملك سلمان بن عبدالعزيز في الرياض اليوم وزير الخارجية الأمريكي جون كيري في زيارة جديدة."
    d1 = _meeting(_doc("wire-1", "alriyadh", "2015-08-06", "خادم الحرمين يستقبل وزير الخارجية الأمريكي", s1),
                  s1, "استقبل", "2015-08-05", "جدة")
    d2 = _meeting(_doc("wire-2", "okaz", "2015-08-06", "الملك سلمان يلتقي كيري", s2), s2, "التقى", "2015-08-05", "جدة")
    d3 = _meeting(_doc("wire-3", "alyaum", "2015-08-07", "خادم الحرمين يستقبل كيري", s1), s1, "استقبل", "2015-08-06", None)
    d5 = _meeting(_doc("wire-5", "okaz", "2015-08-20", "الملك سلمان يستقبل كيري في الرياض", s5), s5, "استقبل",
                  "2015-08-20", None)
    s4 = "أدانت المملكة العربية السعودية بشدة الهجوم الإرهابي على مسجد الإمام الصادق في الكويت."
    d4 = _doc("wire-4", "alriyadh", "2015-06-27", "المملكة تدين تفجير مسجد الكويت", s4)
    raw = d4.raw
    sau = _actor(raw, "المملكة العربية السعودية", "SAU", "GOV")
    kwt_s, kwt_e = _span(raw, "الكويت", raw.index(s4))
    t0, t1 = _span(raw, "أدانت")
    p0, p1 = _span(raw, s4)
    d4.actors = (sau,)
    d4.events = (Event("ACCUSE", t0, t1, p0, p1, actor=(sau,), recipient=(), date="2015-06-26", date_precision="day",
                       place=Place(kwt_s, kwt_e, "Kuwait", "KWT", 285570, lat=29.5, lon=47.75, resolution="country"),
                       quad_code=3),)
    return [d1, d2, d3, d4, d5]
