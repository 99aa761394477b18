"""Integrity of the actor knowledge base files."""

from __future__ import annotations

from collections import defaultdict

from rasd.actors.kb import SECTORS, check, countries, entries, role_nouns, valid_country
from rasd.text.match import words


def test_entries_are_valid():
    assert check(entries()) == []
    assert len(entries()) > 500


def test_countries_are_valid():
    cs = countries()
    assert len(cs) > 200
    for c in cs.values():
        assert valid_country(c.iso3), c.iso3
        assert all(words(n) for n in c.names_ar + c.capitals_ar + c.adjectives), c.iso3
    assert "دمشق" in cs["SYR"].capitals_ar and "روسي" in cs["RUS"].adjectives


def test_role_nouns_are_valid():
    for r in role_nouns():
        assert r.sector in SECTORS or r.sector == "X", r
        assert r.kind in {"person", "head", "body", "group", "needs", "title"}, r
        assert r.country is None or valid_country(r.country), r


def test_no_name_stands_for_two_actors_without_a_cue():
    by_name: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for e in entries():
        if e.cue:
            continue  # a cue word disambiguates ("صحيفة الشرق الأوسط")
        for n in e.names_ar:
            by_name[words(n)].add(e.id)
    clashes = {" ".join(k): v for k, v in by_name.items() if len(v) > 1}
    assert clashes == {}


def test_role_dates_are_ordered_and_iso():
    for e in entries():
        for r in e.roles:
            assert r.start < r.end
            assert len(r.start) == 10 and len(r.end) == 10, (e.id, r)


def test_word_lists_load_and_are_consistent():
    from rasd.actors.lexicon import cues
    from rasd.actors.names import name_words
    from rasd.text.normalize import normalize_text

    nw = name_words()
    assert normalize_text("محمد") in nw.first and normalize_text("أمل") in nw.common <= nw.first
    assert normalize_text("بن") in nw.particles and normalize_text("اللواء") in nw.titles
    assert not (nw.particles & nw.stop) and normalize_text("الذي") in nw.stop
    c = cues()
    assert normalize_text("إلى") in c.dest and normalize_text("السابق") in c.former
