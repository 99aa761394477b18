"""The trigger lexicon: inflections, validation, and look-ups with clitics."""

from __future__ import annotations

import pytest

from rasd.events.lexicon import _parse, lexicon, past_forms, present_forms
from tests.events.util import hand_doc


def test_inflections():
    assert past_forms("التقي") == ["التقي", "التقت", "التقيا", "التقوا", "التقتا"]
    assert past_forms("اعتقل") == ["اعتقل", "اعتقلت", "اعتقلا", "اعتقلوا", "اعتقلتا"]
    assert "يلتق" in present_forms("يلتقي")  # the jussive after لم
    assert "تطالبان" in present_forms("يطالب")


def test_bad_entries_are_refused():
    with pytest.raises(ValueError):
        _parse("MEET", "-", "-", "x", "test")
    with pytest.raises(ValueError):
        _parse("CONSULT", "aerial", "-", "x", "test")
    with pytest.raises(ValueError):
        _parse("CONSULT", "-", "reciprocal", "x", "test")


def test_clitics_and_false_friends():
    raw = "وأدانت الوزارة وسيلتقي الطرفان بوزارة الخارجية."
    doc = hand_doc(raw, [], date="2020-01-01", times=False)
    found = {(doc.raw[doc.tokens[m.i].start : doc.tokens[m.j - 1].end], m.value.event)
             for m in lexicon().triggers.find(doc.tokens)}
    assert ("وأدانت", "ACCUSE") in found and ("وسيلتقي", "CONSULT") in found
    from rasd.events import run
    assert run(hand_doc(raw, [("الوزارة", "EGY GOV")], date="2020-01-01", times=False)).events[0].event == "ACCUSE"


def test_first_person_and_verbal_nouns():
    lex = lexicon()
    assert {"نطالب", "ندين", "نثمن"} <= lex.first_person
    assert "يطالب" not in lex.first_person and "نفي" not in lex.first_person  # "نفى" is a third-person past
    assert lex.nouns["قصف"].event == "ASSAULT" and lex.nouns["قصف"].is_noun


def test_victim_parties():
    from rasd.events.victims import victims

    raw = "قتل 22 طفلا في الهجوم العسكري واعتقلت الشرطة 300 عسكري."
    found = [(raw[a.start : a.end], a.sector_code, a.how) for a in victims(hand_doc(raw, [], date="2020-01-01", times=False))]
    assert found == [("طفلا", "CVL", "victim"), ("عسكري", "MIL", "victim")]  # "العسكري" after a noun is an adjective


def test_fast_scan_finds_what_the_matcher_finds():
    """Scanning only possible openings gives the same matches as the plain left-to-right matcher."""
    raw = ("أعلنت المملكة العربية السعودية اليوم الاثنين طلبها من السفير الكندي لديها مغادرة البلاد، واستدعت سفيرها "
           "لدى كندا وجمدت التعاملات التجارية مع أوتاوا. وقالت الوزارة إن الشرطة اعتقلت 14 شخصا في العاصمة، "
           "بحسب مصادر، ومن المقرر أن يلتقي الوزيران الأسبوع المقبل.")
    toks = hand_doc(raw, [], date="2018-08-06").tokens
    lex = lexicon()
    for name in ("triggers", *lex.cues):
        table = lex.triggers if name == "triggers" else lex.cues[name]
        plain = [(m.i, m.j, m.value) for m in table.find(toks)]
        if name == "triggers":
            assert len(plain) >= 4  # استدعت، جمدت التعاملات، اعتقلت، يلتقي
        assert [(m.i, m.j, m.value) for m in lex.find(name, toks)] == plain, name
        assert [(m.i, m.j, m.value) for m in lex.find(name, toks, 5, 30)] == [
            (m.i, m.j, m.value) for m in table.find(toks, 5, 30)], name
