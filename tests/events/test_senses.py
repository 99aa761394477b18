"""Trigger senses, political sectors and confidence: what unseen news codes wrongly without argument constraints."""

from __future__ import annotations

import pytest

from dataclasses import replace

from rasd.events import run
from rasd.events.confidence import confidence
from rasd.events.record import event_record
from tests.events.util import hand_doc

# (sentence, actors, document date, expected events as (type, mode, actor codes, recipient countries))
CASES = [
    (  # news10k row 5210: "يستدعي" = requires, not a recall of an envoy
        "ووفق القانون الإسرائيلي، فإن تعيين القضاة في المحكمة العليا يستدعي دعم سبعة أعضاء في اللجنة من أصل تسعة.",
        [("القضاة في المحكمة العليا", "ISR JUD")], "2018-02-20", [],
    ),
    (  # a summoned envoy is the diplomatic sense
        "واستدعت الخارجية الكويتية السفير الإيراني لديها.",
        [("الخارجية الكويتية", "KWT GOV"), ("السفير الإيراني", "IRN GOV")], "2018-02-20",
        [("SANCTION", "withdraw", ["KWT GOV"], ["IRN"])],
    ),
    (  # news10k row 5150: "يستهدف" with an abstract object = aims at
        "وأكد شكري أهمية العمل بفكر جديد يستهدف تضييق مساحات عدم التطابق بين مصر والولايات المتحدة.",
        [("شكري", "EGY GOV"), ("مصر", "EGY GOV"), ("الولايات المتحدة", "USA GOV")], "2015-08-02", [],
    ),
    (  # a physical target keeps the attack sense
        "واستهدفت طائرات التحالف مواقع الحوثيين في صعدة.",
        [("طائرات التحالف", "SAU MIL"), ("الحوثيين", "YEM REB")], "2018-05-02", [("ASSAULT", None, ["SAU MIL"], ["YEM"])],
    ),
    (  # news10k row 5040: declining to comment rejects no one
        "ورفضت وزارة الدفاع الأميركية التعليق.",
        [("وزارة الدفاع الأميركية", "USA GOV")], "2018-03-01", [],
    ),
    (  # news10k row 5390: an application ("طلب امتياز") is no request of a party
        "ولذلك، حينما لاحظ المتابعون وجود طلب امتياز دولي يخص إيران، ثارت ضجة كبيرة.",
        [("إيران", "IRN GOV")], "2018-03-01", [],
    ),
    (  # news10k row 5325: a cultural society's welcome is no political support
        "وأكد مدير الجمعية ترحيب المسؤولين في الجمعية بالعروض المسرحية.",
        [("المسؤولين في الجمعية", "SAU SOC")], "2018-07-01", [],
    ),
    (  # "هاجم" a person in words is a criticism
        "وهاجم الرئيس السوري بشار الأسد مشاركة قوات أمريكية في سوريا، واصفا إياها بالاستعمارية.",
        [("الرئيس السوري بشار الأسد", "SYR GOV")], "2018-05-01", [("ACCUSE", "disapprove", ["SYR GOV"], [])],
    ),
    (  # "قد يدعو": what may happen is not reported
        "في الخارج، قد يدعو الرئيس إلى الانسحاب من حلف الناتو.",
        [("الرئيس", "FRA GOV"), ("حلف الناتو", "IGO MIL")], "2017-04-01", [],
    ),
    (  # news10k row 7257: a threat posed ("أكبر تهديد") is no act of threatening
        "وقال إن إيران هي أكبر تهديد للعالم.",
        [("إيران", "IRN GOV")], "2018-05-01", [],
    ),
    (  # news10k row 6714: "مرسوم صادر عن" = issued by, not a seizure
        "ووفق مرسوم صادر عن الرئيس التركي، تقرر زيادة الجمارك على السيارات.",
        [("الرئيس التركي", "TUR GOV")], "2018-08-15", [],
    ),
    (  # news10k row 7119: sanctions that "target" people are no strike
        "أصدرت وزارة الخزانة الأميركية عقوبات جديدة، تستهدف 5 إيرانيين على صلة بالحرس الثوري الإيراني.",
        [("وزارة الخزانة الأميركية", "USA GOV"), ("إيرانيين", "IRN CVL")], "2018-05-01",
        [("SANCTION", None, ["USA GOV"], [])],
    ),
    (  # news10k row 3065: the uncoded head of "التي" is the accuser; the party after the verb is accused
        "حبس أم زبيدة التي اتهمت أجهزة الأمن المصرية باحتجاز ابنتها.",
        [("أجهزة الأمن المصرية", "EGY COP")], "2018-03-01", [],
    ),
    (  # news10k row 2189: asking not to be named is no request of a party
        "ونقل مسؤول إسرائيلي، طلب عدم نشر اسمه، عن نتانياهو قوله لبوتن خلال اجتماع في موسكو.",
        [("مسؤول إسرائيلي", "ISR GOV"), ("نتانياهو", "ISR GOV"), ("بوتن", "RUS GOV")], "2018-05-10", [],
    ),
    (  # news10k row 7930: handing an envoy a protest note is a complaint
        "استدعت وزارة خارجية البحرين القائم بأعمال السفارة الإيرانية، وسلمته مذكرة احتجاج رسمية.",
        [("وزارة خارجية البحرين", "BHR GOV"), ("السفارة الإيرانية", "IRN GOV")], "2018-01-10",
        [("SANCTION", "withdraw", ["BHR GOV"], ["IRN"]), ("ACCUSE", "disapprove", ["BHR GOV"], ["IRN"])],
    ),
    (  # news10k row 4072: "اتهام روسيا بالتواطؤ" names the accused; the accuser is not told
        "قال ترامب إن اتهام روسيا بالتواطؤ هو محض غباء.",
        [("ترامب", "USA GOV"), ("روسيا", "RUS GOV")], "2018-07-13", [],
    ),
    (  # news10k row 7791: "دعمه الحوثيين": the possessive pronoun is the supporter, the party after is supported
        "القبض على ضابط قطري للاشتباه في دعمه الحوثيين.",
        [("ضابط قطري", "QAT MIL"), ("الحوثيين", "YEM REB")], "2018-05-01", [],
    ),
    (  # news10k row 6121: "عزز" with a security object is a mobilisation; the party after "لطلب" is no target
        "اتخذت واشنطن القرار بعدما عززت نجامينا إجراءاتها الأمنية استجابة لطلب واشنطن.",
        [("واشنطن", "USA GOV"), ("نجامينا", "TCD GOV")], "2018-04-10", [("MOBILIZE", "police", ["TCD GOV"], [])],
    ),
    (  # "عزز" capacities or trust is no mobilisation
        "وعززت مصر قدراتها الاقتصادية خلال العام الماضي.",
        [("مصر", "EGY GOV")], "2018-04-10", [],
    ),
    (  # news10k row 7362: forces reinforced near a border name no target in "مع X"
        "عززت القوات السودانية من وجودها في صعدة لضمان تأمين الحدود مع السعودية.",
        [("القوات السودانية", "SDN MIL"), ("السعودية", "SAU GOV")], "2018-04-10", [("MOBILIZE", "police", ["SDN MIL"], [])],
    ),
    (  # news10k row 6800: a plural verb follows its (uncoded) subject; the party after it is criticised, not the critic
        "ودافع الوزير عن الشرطة، رغم أن سياسيين معارضين انتقدوا الحكومة الفرنسية على عدم بذلها ما يكفي.",
        [("الحكومة الفرنسية", "FRA GOV")], "2018-05-02", [],
    ),
    (  # a ministry visiting a patient is no consultation between political parties
        "وزار وزير الصحة المواطن المصاب في المستشفى.",
        [("وزير الصحة", "SAU GOV"), ("المواطن المصاب", "SAU CVL")], "2018-04-01", [],
    ),
]


@pytest.mark.parametrize("raw,actors,date,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_sense(raw, actors, date, expected):
    doc = run(hand_doc(raw, actors, date=date))
    got = [(e.event, e.mode[0] if e.mode else None, sorted({f"{a.country} {a.sector_code}" for a in e.actor}),
            sorted({a.country for a in e.recipient})) for e in doc.events]
    assert got == [(t, m, sorted(a), sorted(r)) for t, m, a, r in expected]


def test_confidence_in_record():
    """A plainly told act next to its doer is fully confident; its record carries the score."""
    raw = "أدانت الكويت الهجوم على السفارة.\n\nوقال المتحدث إن الحكومة ترى ذلك.\n\nونطالب المجتمع الدولي بالتحرك."
    doc = run(hand_doc(raw, [("الكويت", "KWT GOV")], date="2018-05-01"))
    ev = doc.events[0]
    assert (ev.event, confidence(doc, ev)) == ("ACCUSE", 1.0)
    assert event_record(doc, ev, coder="rasd 0", coded_date="2018-05-02")["confidence"] == 1.0


@pytest.mark.parametrize("how,expected", [("country", []), ("kb", [("ASSAULT", ["FRA GOV"])])])
def test_attack_named_after_a_country(how, expected):
    """News10k row 6003: in "هجوم فرنسا" a country read off its name is where the attack struck, not its doer."""
    raw = "ارتفع عدد ضحايا هجوم فرنسا، الذي وقع الجمعة في مدينة كاركاسون، إلى أربعة."
    doc = hand_doc(raw, [("فرنسا", "FRA GOV")], date="2018-03-25")
    doc.actors = tuple(replace(a, how=how) for a in doc.actors)
    doc = run(doc)
    assert [(e.event, [f"{a.country} {a.sector_code}" for a in e.actor]) for e in doc.events] == expected


def test_same_day_takes_the_day_told_before():
    """"في اليوم ذاته" dates an act by the day last named, even two sentences back."""
    raw = ("وأكد مسؤول في بيان الجمعة أن الضحايا كانوا مدنيين.\n\nوجدد المسؤول دعوته لفتح تحقيق.\n\n"
           "واتهمت منظمة العفو الدولية، في اليوم ذاته، التحالف بالتقصير.")
    doc = run(hand_doc(raw, [("منظمة العفو الدولية", "NGO SOC"), ("التحالف", "SAU MIL")], date="2018-08-25"))
    assert [(e.event, e.date) for e in doc.events] == [("ACCUSE", "2018-08-24")]


@pytest.mark.parametrize("raw,expected", [
    ("كما طالب الرئيس الأمريكي دونالد ترامب الرياض ببذل مزيد من الجهود.", ()),  # news10k row 6681: "كما" = also
    ("ولم يطالب الرئيس الأمريكي دونالد ترامب الرياض بشيء.", ("negation",)),
    ("وهو ما طالب به الرئيس الأمريكي دونالد ترامب الرياض.", ()),  # news10k row 6755: "وهو ما" = that which
])
def test_fused_ma_is_no_negation(raw, expected):
    """"ما" fused with a preposition ("كما", "مما") does not negate the verb after it; "لم" does."""
    doc = run(hand_doc(raw, [("الرئيس الأمريكي دونالد ترامب", "USA GOV"), ("الرياض", "SAU GOV")], date="2018-05-01"))
    assert [(e.event, e.context) for e in doc.events] == [("REQUEST", expected)]
