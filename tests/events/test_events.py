"""The events stage on real sentences, with actor and place layers given by hand."""

from __future__ import annotations

import pytest

from rasd.events import run
from tests.events.util import hand_doc

# (sentence, actors, places, document date, expected events as (type, actor countries, recipient countries, context))
CASES = [
    (  # news10k bench-05007: a condemnation, subject after the verb, the object's owner is the recipient
        "نددت الصين الأربعاء بتهديدات الولايات المتحدة بأنها ستفرض مزيدا من الرسوم الجمركية عليها.",
        [("الصين", "CHN GOV"), ("الولايات المتحدة", "USA GOV")], [], "2018-06-20",
        [("ACCUSE", ["CHN"], ["USA"], []), ("THREATEN", ["USA"], [], [])],
    ),
    (  # news10k bench-05024: an arrest, verb-subject-object
        "واعتقلت السلطات التركية برونسون في أكتوبر 2016، ووجهت له اتهامات بالارتباط بجماعة غولن.",
        [("السلطات التركية", "TUR GOV"), ("برونسون", "USA CVL")], [], "2018-08-10",
        [("COERCE", ["TUR"], ["USA"], ["historical"])],
    ),
    (  # news10k bench-05448: a threat; the conditional withdrawal is hypothetical
        "هدد الرئيس الإيراني، حسن روحاني، بأن بلاده مستعدة للإجراءات إذا انسحبت الولايات المتحدة من الاتفاق النووي.",
        [("الرئيس الإيراني، حسن روحاني", "IRN GOV"), ("الولايات المتحدة", "USA GOV")], [], "2018-05-01",
        [("THREATEN", ["IRN"], [], []), ("RETREAT", ["USA"], [], ["hypothetical"])],
    ),
    (  # news10k bench-08172: an air strike as a verbal noun after "شن", attacker before the noun
        "ويتزامن هذا الإعلان مع شن الطيران الإسرائيلي غارة جديدة على غزة.",
        [("الطيران الإسرائيلي", "ISR MIL"), ("غزة", "PSE GOV")], [], "2018-07-15",
        [("ASSAULT", ["ISR"], ["PSE"], ["military"])],
    ),
    (  # dev snn_was_001: a phone call between two parties
        "جرى اتصال هاتفي اليوم بين وزير الخارجية الكويتي ووزير الخارجية الروسي.",
        [("وزير الخارجية الكويتي", "KWT GOV"), ("وزير الخارجية الروسي", "RUS GOV")], [], "2015-08-10",
        [("CONSULT", ["KWT", "RUS"], [], [])],
    ),
    (  # a host receiving a visitor: the visitor is the actor, mode visit
        "استقبل الرئيس المصري في القاهرة وزير الخارجية الأردني.",
        [("الرئيس المصري", "EGY GOV"), ("وزير الخارجية الأردني", "JOR GOV")], [("القاهرة", "Cairo", "EGY")],
        "2019-01-10", [("CONSULT", ["JOR"], ["EGY"], [])],
    ),
    (  # negation: "لم" before the verb
        "ولم يلتق الرئيس الأمريكي نظيره الروسي خلال القمة.",
        [("الرئيس الأمريكي", "USA GOV"), ("نظيره الروسي", "RUS GOV")], [], "2019-01-10",
        [("CONSULT", ["RUS", "USA"], [], ["negation"])],
    ),
    (  # passive with "من قبل": the agent is the actor
        "تعرضت محافظة إدلب لقصف جوي من قبل مقاتلات روسية السبت.",
        [("مقاتلات روسية", "RUS MIL")], [("إدلب", "Idlib", "SYR")], "2018-09-09",
        [("ASSAULT", ["RUS"], [], ["military"])],
    ),
    (  # no coded actor: no event
        "قتل ثلاثة أشخاص في انفجار وقع في السوق.", [], [], "2018-09-09", [],
    ),
]


@pytest.mark.parametrize("raw,actors,places,date,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_sentence(raw, actors, places, date, expected):
    doc = run(hand_doc(raw, actors, places, date=date))
    got = [(e.event, sorted({a.country for a in e.actor}), sorted({a.country for a in e.recipient}),
            sorted(c for c in e.context)) for e in doc.events]
    assert got == [(t, sorted(a), sorted(r), sorted(c)) for t, a, r, c in expected]
