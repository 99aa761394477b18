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
    (  # news10k bench-05448: a threat; the conditional withdrawal is only hypothetical, so not reported
        "هدد الرئيس الإيراني، حسن روحاني، بأن بلاده مستعدة للإجراءات إذا انسحبت الولايات المتحدة من الاتفاق النووي.",
        [("الرئيس الإيراني، حسن روحاني", "IRN GOV"), ("الولايات المتحدة", "USA GOV")], [], "2018-05-01",
        [("THREATEN", ["IRN"], [], [])],
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
    (  # dev ant_cnn_012: the people arrested are named only by a nationality after a number
        "أعلنت السلطات البحرينية، السبت، اعتقال 14 إيرانيا دخلوا بجوازات سفر مزورة.",
        [("السلطات البحرينية", "BHR GOV")], [], "2018-09-09",
        [("COERCE", ["BHR"], ["IRN"], [])],
    ),
    (  # passive reading: the civilians killed are not the doer, and no doer is named
        "وقتل خمسة مواطنين في قصف على منزل في القرية.", [], [], "2015-07-25", [],
    ),
    (  # the arrest's genitive is the one arrested, a soldier count after a number is a victim party
        "اعتقلت الشرطة التركية، الجمعة، 150 جنديا في إطار تحقيق.",
        [("الشرطة التركية", "TUR COP")], [], "2018-05-11",
        [("COERCE", ["TUR"], ["TUR"], [])],
    ),
    (  # a first-person verb: the speaker named before the colon is the doer, the party after is the object
        "وزيرة الخارجية الكندية: نحث السلطات السعودية على الإفراج عن الناشطين.",
        [("وزيرة الخارجية الكندية", "CAN GOV"), ("السلطات السعودية", "SAU GOV")], [], "2018-08-03",
        [("REQUEST", ["CAN"], ["SAU"], [])],
    ),
    (  # asking an envoy to leave the country is expelling him
        "طلبت السعودية من السفير الكندي مغادرة البلاد خلال 24 ساعة.",
        [("السعودية", "SAU GOV"), ("السفير الكندي", "CAN GOV")], [], "2018-08-06",
        [("SANCTION", ["SAU"], ["CAN"], ["diplomatic"])],
    ),
    (  # recognising a capital is support, not a concession
        "اعترف الرئيس الأمريكي بالقدس عاصمة لإسرائيل.",
        [("الرئيس الأمريكي", "USA GOV"), ("إسرائيل", "ISR GOV")], [], "2018-02-15",
        [("SUPPORT", ["USA"], ["ISR"], [])],
    ),
    (  # two verbs of one sentence are two acts; the second shares the first one's subject
        "واستدعت السعودية سفيرها لدى كندا وجمدت التعاملات التجارية مع أوتاوا.",
        [("السعودية", "SAU GOV"), ("كندا", "CAN GOV"), ("أوتاوا", "CAN GOV")], [], "2018-08-06",
        [("SANCTION", ["SAU"], ["CAN"], ["diplomatic"]), ("SANCTION", ["SAU"], ["CAN"], ["economic"])],
    ),
    (  # an assassination's genitive is its victim, never its doer
        "وتصاعد التوتر بعد اغتيال رئيس الوزراء اللبناني في بيروت.",
        [("رئيس الوزراء اللبناني", "LBN GOV")], [], "2018-02-15", [],
    ),
    (  # a gloss in brackets does not break a list of parties
        "وأدانت الهجوم منظمتا الأمم المتحدة للطفولة (يونيسيف) وهيومن رايتس ووتش.",
        [("الأمم المتحدة للطفولة", "UNO GOV"), ("هيومن رايتس ووتش", "NGO SOC")], [], "2018-08-25",
        [("ACCUSE", ["NGO", "UNO"], [], [])],
    ),
    (  # a condemnation falls on the doer of the attack it names
        "أدان مسؤول في الأمم المتحدة مقتل 22 طفلا في غارة جوية شنها التحالف بقيادة السعودية.",
        [("مسؤول في الأمم المتحدة", "UNO GOV"), ("التحالف بقيادة السعودية", "SAU MIL")], [], "2018-08-25",
        [("ACCUSE", ["UNO"], ["SAU"], []), ("ASSAULT", ["SAU"], [], ["military"])],
    ),
]


@pytest.mark.parametrize("raw,actors,places,date,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_sentence(raw, actors, places, date, expected):
    doc = run(hand_doc(raw, actors, places, date=date))
    got = [(e.event, sorted({a.country for a in e.actor}), sorted({a.country for a in e.recipient}),
            sorted(c for c in e.context)) for e in doc.events]
    assert got == [(t, sorted(a), sorted(r), sorted(c)) for t, a, r, c in expected]


def test_counterpart_by_nationality():
    raw = "اتصال هاتفي بين وزير الخارجية الكويتي ونظيره الروسي."
    doc = run(hand_doc(raw, [("وزير الخارجية الكويتي", "KWT GOV")], date="2015-08-10", nationalities=[("الروسي", "RUS")]))
    assert [(e.event, sorted(a.country for a in e.actor), e.mode) for e in doc.events] == [
        ("CONSULT", ["KWT", "RUS"], ("phone",))]
    counterpart = doc.events[0].actor[1]
    assert doc.raw[counterpart.start : counterpart.end] == "نظيره الروسي"
