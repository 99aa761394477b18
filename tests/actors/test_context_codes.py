"""Aircraft of the sentence's war, nisba adjectives standing for a party, a state's word, "عاصمة لإسرائيل"."""

from __future__ import annotations

from rasd.actors import run
from rasd.pipeline import process_text

STAGES = ["clean", "segment", "time", "actors"]


def code(text: str, date: str | None = "2018-03-26") -> list[tuple[str, str, str]]:
    doc = process_text(text, date=date, stages=STAGES)
    doc = run(doc) if not doc.actors else doc
    return [(doc.raw[a.start : a.end], f"{a.country} {a.sector_code}", a.how) for a in doc.actors]


def test_unqualified_air_force_is_the_country_the_sentence_is_about():
    # a Turkish article's paragraph on Syria: the aircraft are Syria's, not the home country's
    text = ("أعلنت السلطات التركية اعتقال عشرات المشتبه بهم في إسطنبول. وأكدت أنقرة أنها ستواصل العمليات. "
            "قتل خمسة مواطنين جراء قصف للطيران الحربي على منزل في قرية بريف إدلب الجنوبي.")
    assert ("لطيران الحربي", "SYR MIL", "role") in code(text, "2015-07-24")  # "للطيران": one ل is the article's
    text = "تبعه إلقاء الطيران المروحي أربعة براميل متفجرة على محيط المطار بريف حلب الشرقي."
    assert code(text, "2015-07-24") == [("الطيران المروحي", "SYR MIL", "role")]


def test_air_force_with_a_nationality_keeps_it():
    assert code("وتوجه الطائرات الحربية التركية بانتظام ضربات إلى مواقع في سوريا.") == [
        ("الطائرات الحربية التركية", "TUR MIL", "nationality")]


def test_houthi_nisba_is_the_houthis():
    assert code("وحمّل المالكي المليشيات الحوثية مسؤولية الأطفال.") == [("المليشيات الحوثية", "YEM REB", "kb")]
    assert code("الهجمات الصاروخية الحوثية الخطيرة التي استهدفت عدة مدن") == [("الحوثية", "YEM REB", "kb")]


def test_nationality_after_a_states_word_is_its_government():
    text = "ونفت إيران في ذلك الحين الاتهامات السعودية والأمريكية بتزويد الحوثيين بصاروخ."
    assert code(text) == [("إيران", "IRN GOV", "country"), ("السعودية", "SAU GOV", "nationality"),
                          ("الأمريكية", "USA GOV", "nationality"), ("الحوثيين", "YEM REB", "kb")]
    assert code("وقال إن الموقف الروسي لم يتغير.") == [("الروسي", "RUS GOV", "nationality")]
    # a nationality after another noun is no actor: "الشبكة الليبرالية السعودية" is the network itself
    assert code("وزار الوفد الاقتصادي المعرض الدولي السعودي.") == []


def test_capital_of_a_country_with_lam_is_the_state():
    assert code("اعترف الرئيس الأمريكي دونالد ترامب بالقدس عاصمة لإسرائيل") == [
        ("الرئيس الأمريكي دونالد ترامب", "USA GOV", "kb"), ("إسرائيل", "ISR GOV", "country")]
    # a coast of a country is still a place
    assert code("اقتربت العاصفة من سواحل الخليج الشمالي للولايات المتحدة") == []


def test_time_words_end_a_name():
    text = "وكانت السلطات السعودية قد اعتقلت الناشطة سمر بدوي مع الناشطة نسيمة السادة الأسبوع الماضي."
    assert [c[0] for c in code(text, "2018-08-06")] == ["السلطات السعودية", "الناشطة سمر بدوي", "الناشطة نسيمة السادة"]


def test_sports_words_count_the_same_under_any_hash_seed():
    from rasd.actors.readings import _sports_forms

    forms = _sports_forms()
    # a listed word is itself, not a clitic form of another listed word ("المنتخب" beside "منتخب")
    assert forms["المنتخب"] == "المنتخب" and forms["منتخب"] == "منتخب" and forms["للمنتخب"] == "المنتخب"
