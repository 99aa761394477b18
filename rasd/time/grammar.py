"""The temporal grammar: vocabulary from data/grammar.json, compiled once into regular expressions.

The patterns run over the normalised view (rasd/text/data/charmap.json), so
every word is normalised here the same way (أ/إ/آ->ا, ة->ه, ى->ي, digits to
ASCII, tatweel and diacritics gone). Group names are shared by all patterns
so one reader (rasd/time/recognise.py) interprets any match.
"""

from __future__ import annotations

import json
import re

import ahocorasick
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rasd.text.normalize import normalize_text

_DATA = Path(__file__).with_name("data") / "grammar.json"

S = r"[^\S\n]+"  # spaces inside a line: a date never runs over a line break
S0 = r"[^\S\n]*"
SEPC = rf"(?:{S0},{S0}|{S})"  # a comma or a space between parts of one date
B0 = r"(?<![\w/.\-])"
B1 = r"(?![\w/])"
CLITIC = r"(?:[وف]?[بلك]?)"  # و ف ب ل ك stuck to the first word


def _norm(word: str) -> str:
    """Normalise a vocabulary entry and collapse its spaces."""
    return " ".join(normalize_text(word).split())


def _alt(words: object) -> str:
    """A non-capturing alternation of normalised words, longest first, spaces as ``S``."""
    forms = sorted({_norm(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "(?:" + "|".join(S.join(re.escape(p) for p in f.split(" ")) for f in forms) + ")"


@dataclass(frozen=True, slots=True)
class Grammar:
    """Normalised vocabulary tables and the compiled patterns."""

    months: dict[str, int]
    ambiguous_months: frozenset[str]
    hijri_months: dict[str, int]
    weekdays: dict[str, int]
    ambiguous_weekdays: frozenset[str]
    relative_days: dict[str, int]
    not_today: frozenset[str]
    units: dict[str, str]
    dual_units: dict[str, str]
    numbers: dict[str, int | None]
    ordinals: dict[str, int]
    relations: dict[str, str]
    periods: dict[str, str]
    this_periods: dict[str, str]
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    triggers: ahocorasick.Automaton  # word -> cue kind, to run each pattern only where its cue occurs


# the cue each pattern needs somewhere in a sentence before it is worth running there
NEEDS = {
    "day": "month", "month_year": "month", "month_rel": "month", "month_shahr": "month", "month_prep": "month",
    "numeric": "digits", "weekday": "weekday", "relday": "relday", "ago": "ago", "period": "period",
    "year": "digits", "year_era": "digits", "year_prep": "digits", "year_paren": "digits",
}


def _table(spec: dict, key: str, kind: type) -> dict:
    """A normalised {word: value} table, checked for type."""
    out = {}
    for word, value in spec[key].items():
        if word == "comment":
            continue
        if value is not None and not isinstance(value, kind):
            raise ValueError(f"grammar.json {key}: {word!r} has a {type(value).__name__}, expected {kind.__name__}")
        out[_norm(word)] = value
    return out


def _space_key(word: str) -> str:
    """The lookup key of a matched phrase (any run of spaces becomes one)."""
    return " ".join(word.split())


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    """Load, validate and compile the grammar once per process."""
    spec = json.loads(_DATA.read_text(encoding="utf-8"))
    months = _table(spec, "months", int)
    hijri = _table(spec, "hijri_months", int)
    weekdays = _table(spec, "weekdays", int)
    if set(months.values()) != set(range(1, 13)) or set(hijri.values()) != set(range(1, 13)):
        raise ValueError("grammar.json: every month 1..12 needs a name in each calendar")
    if set(weekdays.values()) != set(range(7)):
        raise ValueError("grammar.json: weekdays must cover 0..6 (Monday=0)")
    amb = frozenset(_norm(w) for w in spec["ambiguous_months"]["names"])
    if not amb <= set(months):
        raise ValueError(f"grammar.json: ambiguous months not in the month table: {sorted(amb - set(months))}")
    rel_days = _table(spec, "relative_days", int)
    units = _table(spec, "units", str)
    dual = _table(spec, "dual_units", str)
    numbers = _table(spec, "numbers", int)
    ordinals = _table(spec, "ordinals", int)
    relations = _table(spec, "relations", str)
    periods = _table(spec, "periods", str)
    this_periods = _table(spec, "this_periods", str)
    tod = spec["times_of_day"]

    month = _alt(months)
    rel = f"(?P<rel>{_alt(relations)})"
    mgroup = rf"(?P<m1>{month})(?:(?:{S0}[/(\-]{S0}|{S})(?P<m2>{month})(?:{S0}\))?)?"
    mgroup_plain = rf"(?P<m1>{month})(?:(?:{S0}[/(\-]{S0}|{S})(?P<m2>{month})(?:{S0}\))?)?"
    era = r"(?:{S0}(?P<era>هجريه|هجري|ميلاديه|ميلادي|ه|م)(?![\w]))".format(S0=S0)
    year = rf"(?P<y>(?:1[3-9]|20)\d\d)(?!\d){era}?"
    year_in_parens = rf"(?:\({S0})?(?P<y>(?:1[3-9]|20)\d\d)(?!\d)(?:{S0}\))?{era}?"  # "عام (1343) هجري"
    yearp = rf"(?:(?:من){S})?(?:{_alt(spec['year_words'])}{S})?{year}"
    # an ordinal after كانون/تشرين/ربيع/جمادي is part of a month name, not a day
    day = (rf"(?:(?:ال)?(?P<d>[0-3]?\d)(?!\d)|(?<!كانون )(?<!تشرين )(?<!ربيع )(?<!جمادي )"
           rf"(?P<dw>{_alt(ordinals)}))")
    wd = rf"(?P<wd>{_alt(weekdays)})"
    lead = (rf"(?:(?P<tod>{_alt(tod)}){S})?(?:(?P<yawm>يوم){S})?(?:(?P<rd>{_alt(rel_days)})(?:{SEPC}))?"
            rf"(?:يوم{S})?{wd}(?:{S}(?P<wrel>{_alt(relations)}))?")
    anymonth = rf"(?:{mgroup}|(?P<hm>{_alt(hijri)})|(?P<pm>الشهر)(?={S}{_alt(relations)}))"
    patterns = [
        # [lead ,] day [من] [شهر] month [relation] [, year]: "امس الخميس 1 تموز", "13 من الشهر ذاته"
        ("day", rf"{B0}{CLITIC}(?P<x>(?:{lead}{SEPC})?{day}{S}(?:من{S})?(?:شهر{S})?{anymonth}"
                rf"(?:{S}{rel})?(?:{SEPC}{yearp})?){B1}"),
        # month [,] year: "يوليو 2015", "رمضان 1436 ه"
        ("month_year", rf"{B0}{CLITIC}(?P<x>(?:(?P<shahr>شهر){S})?(?:{mgroup_plain}|(?P<hm>{_alt(hijri)})){SEPC}"
                       rf"(?:من{S})?(?:{_alt(spec['year_words'])}{S})?{year}){B1}"),
        # month relation: "حزيران الماضي", "شهر يونيو/حزيران الماضي"
        ("month_rel", rf"{B0}{CLITIC}(?P<x>(?:(?P<shahr>شهر){S})?(?:{mgroup}|(?P<hm>{_alt(hijri)})){S}{rel}){B1}"),
        # "شهر رمضان", "شهر يوليو"
        ("month_shahr", rf"{B0}{CLITIC}(?P<x>(?P<shahr>شهر){S}(?:{mgroup}|(?P<hm>{_alt(hijri)}))){B1}"),
        # preposition + month: "في يوليو تموز"
        ("month_prep", rf"{B0}{CLITIC}{_alt(spec['month_preps'])}{S}(?P<x>{mgroup}){B1}"),
        # numeric: 1/7/2021, 2021-07-01, 23-7-1435هـ
        ("numeric", rf"{B0}(?P<x>(?P<n1>\d{{1,4}}){S0}(?P<sep>[/.\-]){S0}(?P<n2>\d{{1,2}}){S0}(?P=sep){S0}"
                    rf"(?P<n3>\d{{1,4}})(?!\d){era}?){B1}"),
        # lead alone: "امس الخميس", "الثلاثاء المقبل", "مساء الخميس"
        ("weekday", rf"{B0}{CLITIC}(?P<x>{lead}){B1}"),
        # relative day words: "امس", "اول من امس", "صباح اليوم", "يوم غد"
        ("relday", rf"{B0}{CLITIC}(?P<x>(?:(?P<tod>{_alt(tod)}){S})?(?:(?P<yawm>يوم){S})?(?P<rd>{_alt(rel_days)})){B1}"),
        # quantity ago: "قبل ثلاثه ايام", "منذ اسبوع", "قبل يومين"
        ("ago", rf"{B0}{CLITIC}(?P<x>(?P<dir>قبل|منذ){S}(?:(?P<n>\d{{1,3}}|{_alt(numbers)}){S}(?P<u>{_alt(units)})"
                rf"|(?P<du>{_alt(dual)})|(?P<su>يوم|اسبوع|شهر|عام|سنه))){B1}(?!{S}(?:من|علي)(?!\w))"),
        # period relation: "الاسبوع الماضي", "العام القادم 2011", "هذا العام"
        ("period", rf"{B0}{CLITIC}(?P<x>(?:(?P<per>{_alt(periods)}){S}{rel}|(?P<this>{_alt(this_periods)}))"
                   rf"(?:{S}{year})?){B1}"),
        # year: "عام 2015", "عامي 2011 و2015", "1436ه"
        ("year", rf"{B0}{CLITIC}(?P<x>{_alt(spec['year_words'])}{S}{year_in_parens}"
                 rf"(?:{S0}(?:-|/|و|الي|حتي){S0}(?P<y2>(?:1[3-9]|20)\d\d)(?!\d))?){B1}"),
        ("year_era", rf"{B0}(?P<x>(?P<y>(?:1[3-9]|20)\d\d)(?!\d){S0}(?P<era>هجريه|هجري|ه|م)(?!\w))"),
        ("year_prep", rf"{B0}{CLITIC}{_alt(spec['year_preps'])}{S}(?P<x>{year}){B1}"),
        ("year_paren", rf"(?P<x>\({S0}(?P<y>(?:1[3-9]|20)\d\d){S0}\)(?:{S0}(?P<era>هجريه|هجري|ميلاديه|ميلادي)(?!\w))?)"),
    ]
    compiled = tuple((name, re.compile(p)) for name, p in patterns)
    if {name for name, _ in compiled} != set(NEEDS):
        raise ValueError("every pattern needs a cue kind in NEEDS")
    cues: dict[str, tuple[str, ...]] = {}
    for kind, words in (("month", [*months, *hijri, "الشهر"]), ("weekday", weekdays), ("relday", rel_days),
                        ("ago", ["قبل", "منذ"]), ("period", [*periods, *this_periods]),
                        ("digits", [str(k) for k in range(10)])):
        for w in words:
            first = _norm(w).split(" ")[0]
            if kind not in cues.get(first, ()):
                cues[first] = (*cues.get(first, ()), kind)
    auto = ahocorasick.Automaton()
    for word, kinds in cues.items():
        auto.add_word(word, kinds)
    auto.make_automaton()
    return Grammar(months, amb, hijri, weekdays, frozenset(_norm(w) for w in spec["ambiguous_weekdays"]["names"]),
                   rel_days, frozenset(_norm(w) for w in spec["not_today"]["words"]), units, dual, numbers,
                   ordinals, relations, periods, this_periods, compiled, auto)


def lookup(table: dict, word: str | None) -> object:
    """Look a matched phrase up in a normalised table (None when absent)."""
    return None if word is None else table.get(_space_key(word))
