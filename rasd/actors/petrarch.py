"""Load PETRARCH / UniversalPetrarch actor dictionaries into KB entries, and measure the KB against one.

The format (e.g. OEDA's actor_dict_ar_v4.txt): a name line with words joined
by "_" (lemma forms), optionally followed by "[CODE]"; then indented lines
"[CODE YYYYMMDD-YYYYMMDD]", "[CODE >YYYYMMDD]" (from) or "[CODE <YYYYMMDD]"
(until). A CAMEO code is a country (ISO alpha-3, or IGO/NGO/IMG...) followed
by sector codes: "SYRGOV" is SYR GOV, "USAELI" USA ELI, a bare "IRQ" the state.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rasd.actors.kb import SECTORS, SPECIAL_COUNTRIES, Entry, Role, valid_country
from rasd.actors.lexicon import Lexicon
from rasd.text.match import words

_CODE = re.compile(r"\[\s*([^\]\s]*)\s*([<>]?)\s*(\d{8})?(?:\s*-\s*(\d{8}))?\s*\]")
# CAMEO sectors PLOVER keeps as they are, and the few it renames.
_SECTOR_MAP = {"SPY": "SPY", "UAF": "UAF", "REF": "REF", "HRI": "SOC", "NGO": "SOC", "MED": "JRN", "LAB": "LAB"}


def _iso(d: str) -> str:
    return f"{d[:4]}-{d[4:6]}-{d[6:8]}"


def cameo_role(code: str, op: str = "", d1: str | None = None, d2: str | None = None) -> Role | None:
    """A CAMEO code with its date range as a PLOVER role; None for codes without a country."""
    code = code.strip("?").upper()
    if len(code) < 3 or not code[:3].isalpha():
        return None
    country, rest = code[:3], code[3:]
    if country in SECTORS and country not in SPECIAL_COUNTRIES and not valid_country(country):
        return None  # an agent code ("MIL", "GOV"): no country to code
    if not valid_country(country):
        return None
    sector = "GOV"
    for k in range(0, len(rest) - 2, 3):
        s = rest[k : k + 3]
        s = _SECTOR_MAP.get(s, s)
        if s in SECTORS:
            sector = s
            break
    start, end = "0000-01-01", "9999-12-31"
    if op == ">" and d1:
        start = _iso(d1)
    elif op == "<" and d1:
        end = _iso(d1)
    elif d1:
        start = _iso(d1)
        if d2 and d2 > d1:  # OEDA writes "-18000101" for an open end
            end = _iso(d2)
    return Role(country, sector, start, end)


@dataclass
class _Pending:
    name: str
    roles: list[Role] = field(default_factory=list)


def _slug(name: str) -> str:
    return "petrarch:" + "-".join(name.split())


def parse(lines: Iterable[str], source: str = "petrarch") -> Iterator[Entry]:
    """KB entries from the lines of a PETRARCH actor dictionary (names without a country code are skipped)."""
    cur: _Pending | None = None

    def flush(p: _Pending | None) -> Iterator[Entry]:
        if p is not None and p.roles and words(p.name):
            etype = "PER" if any(r.sector == "ELI" for r in p.roles) or len(p.name.split()) in (2, 3) else "ORG"
            yield Entry(_slug(p.name), p.name, (p.name,), etype, tuple(p.roles), source=source)

    for line in lines:
        line = line.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line[0].isspace() or line.lstrip().startswith("["):
            if cur is not None:
                for m in _CODE.finditer(line):
                    r = cameo_role(m.group(1).split(",")[-1], m.group(2), m.group(3), m.group(4))
                    if r is not None:
                        cur.roles.append(r)
            continue
        yield from flush(cur)
        head, _, tail = line.partition("[")
        name = re.sub(r"\{.*?\}", " ", head).replace("_", " ").strip()
        cur = _Pending(" ".join(name.split()))
        if tail:
            for m in _CODE.finditer("[" + tail):
                r = cameo_role(m.group(1).split(",")[-1], m.group(2), m.group(3), m.group(4))
                if r is not None:
                    cur.roles.append(r)
    yield from flush(cur)


def load_dictionary(path: Path) -> list[Entry]:
    """Every coded actor of a PETRARCH-format dictionary file."""
    with path.open(encoding="utf-8") as fh:
        return list(parse(fh, source=path.name))


@dataclass
class Coverage:
    """How much of a dictionary the KB knows, and where the codes differ."""

    total: int = 0
    known: int = 0
    same_country: int = 0
    same_code: int = 0
    disagreements: list[tuple[str, str, str]] = field(default_factory=list)  # name, theirs, ours


def _codes(values: Iterable[object]) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for v in values:
        if v.kind in ("PER", "ORG"):
            out.update((r.country, r.sector) for r in v.ref.roles)
        elif v.kind in ("GPE", "CAP", "ADJ"):
            out.add((v.ref, "GOV"))
        elif v.kind == "ROLE" and v.ref.country:
            out.add((v.ref.country, v.ref.sector))
    return out


def coverage(theirs: Iterable[Entry], lex: Lexicon) -> Coverage:
    """Look each dictionary actor up by exact normalised name in the KB; compare codes over all dates.

    A code agrees when one of the dictionary's (country, sector) pairs is one
    of the KB's for that name (their date ranges are too rough to compare day by day).
    """
    cov = Coverage()
    for e in theirs:
        cov.total += 1
        hit = lex.table.get(e.names_ar[0])
        ours = _codes(hit or ())
        if not ours:
            continue
        cov.known += 1
        t = {(r.country, r.sector) for r in e.roles}
        if {c for c, _ in t} & {c for c, _ in ours}:
            cov.same_country += 1
        if t & ours:
            cov.same_code += 1
        else:
            cov.disagreements.append((e.names_ar[0], " / ".join(sorted(f"{c} {s}" for c, s in t)),
                                      " / ".join(sorted(f"{c} {s}" for c, s in ours))))
    return cov
