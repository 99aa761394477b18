"""The gazetteer: entries, the phrase table over their Arabic names, and the cue lexicons.

Built by scripts/build_gazetteer.py into data/gazetteer.tsv.gz (GeoNames data,
CC BY 4.0: see data/ATTRIBUTION.md). Loaded once per process.
"""

from __future__ import annotations

import csv
import gzip
import json
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rasd.text.match import PhraseTable, words

DATA = Path(__file__).with_name("data")
RESOLUTIONS = {"country", "admin1", "admin2", "region", "city", "locality", "site"}
# Arabic words naming a kind of region: "محافظة الحديدة" is also called "الحديدة".
ADMIN_WORDS = ("محافظة", "ولاية", "منطقة", "إقليم", "مقاطعة", "لواء", "قضاء", "إمارة", "مدينة")


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer row."""

    key: str
    geonameid: int | None
    name: str
    country: str
    admin1: str | None
    lat: float | None
    lon: float | None
    feature_class: str
    resolution: str
    population: int
    capital: str | None


@dataclass(frozen=True, slots=True)
class Names:
    """A phrase's candidates: entry indexes, and whether an admin word was stripped to get it."""

    entries: tuple[int, ...]
    stripped: tuple[bool, ...]


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """All entries, the phrase table over their names, and cue lexicons."""

    entries: tuple[Entry, ...]
    by_key: dict[str, int]
    names: PhraseTable[Names]
    nationalities: PhraseTable[str]
    weak: dict[str, str]  # normalised name -> why it needs more evidence (common, person)
    cues: dict[str, frozenset[str]]  # cue kind -> normalised words
    outlets: dict[str, str]  # folded outlet name -> ISO3
    capitals: frozenset[str]  # keys of capital cities

    def capital(self, iso3: str) -> int | None:
        """The entry index of a country's capital."""
        i = self.by_key.get(f"country:{iso3}")
        cap = self.entries[i].capital if i is not None else None
        return self.by_key.get(cap) if cap else None


def ascii_name(name: str) -> str:
    """An English name without GeoNames' transliteration marks ("Ţarţūs" -> "Tartus")."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return folded.replace("‘", "").replace("’", "").replace("ʼ", "").replace("ʿ", "")


def fold_outlet(name: str) -> str:
    """An outlet name reduced to lowercase letters and digits ("Al-Watan (SA)" -> "alwatansa")."""
    return "".join(c for c in name.lower() if c.isalnum())


def _entry(rec: dict[str, str]) -> Entry:
    """One validated row of the table."""
    if rec["resolution"] not in RESOLUTIONS or len(rec["country"]) != 3:
        raise ValueError(f"gazetteer row {rec['key']}: bad resolution or country")
    return Entry(
        key=rec["key"],
        geonameid=int(rec["geonameid"]) if rec["geonameid"] else None,
        name=ascii_name(rec["name"]),
        country=rec["country"],
        admin1=rec["admin1"] or None,
        lat=float(rec["lat"]) if rec["lat"] else None,
        lon=float(rec["lon"]) if rec["lon"] else None,
        feature_class=rec["feature_class"],
        resolution=rec["resolution"],
        population=int(rec["population"] or 0),
        capital=rec["capital"] or None,
    )


def _tsv(name: str) -> list[dict[str, str]]:
    """Rows of a hand-written TSV in data/, comments skipped."""
    with open(DATA / name, encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _nationality_forms(stem: str) -> list[str]:
    """Masculine/feminine, with and without the article: "روسي" -> روسي، روسية، الروسي، الروسية."""
    forms = [stem, stem + "ة"]
    return forms + ["ال" + f for f in forms]


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """Read and index the gazetteer and cue lexicons (once per process)."""
    with gzip.open(DATA / "gazetteer.tsv.gz", "rt", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    entries: list[Entry] = []
    by_key: dict[str, int] = {}
    phrases: dict[tuple[str, ...], dict[int, bool]] = {}
    alt_names: set[tuple[str, ...]] = set()
    primary_names: set[tuple[str, ...]] = set()
    for rec in rows:
        e = _entry(rec)
        by_key[e.key] = len(entries)
        if e.resolution == "country":
            by_key[f"country:{e.country}"] = len(entries)
        alts = {words(n) for n in rec["names_alt"].split("|")} - {words(n) for n in rec["names_ar"].split("|")}
        for name in rec["names_ar"].split("|") + rec["names_alt"].split("|"):
            ws = words(name)
            if not ws or ws in _CUE_WORDS:
                continue
            # a big Arab city's untagged spellings are safe; elsewhere they may be Persian, Turkish, Kurdish...
            trusted = e.population >= 100_000 and e.country not in _NON_ARABIC_COUNTRIES
            (alt_names if ws in alts and not trusted else primary_names).add(ws)
            phrases.setdefault(ws, {})[len(entries)] = False
            if e.resolution in ("admin1", "admin2", "region") and len(ws) > 1 and ws[0] in _ADMIN_NORM:
                phrases.setdefault(ws[1:], {}).setdefault(len(entries), True)
        entries.append(e)
    table: PhraseTable[Names] = PhraseTable()
    for ws, cands in phrases.items():
        table.add(" ".join(ws), Names(tuple(cands), tuple(cands.values())))
    nat: PhraseTable[str] = PhraseTable()
    seen: set[tuple[str, ...]] = set()
    for rec in _tsv("nationalities.tsv"):
        if rec["country"] not in {e.country for e in entries if e.resolution == "country"}:
            raise ValueError(f"nationalities.tsv: unknown country {rec['country']}")
        forms = [f for stem in rec["stems"].split("|") for f in _nationality_forms(stem.strip())]
        forms += [p.strip() for p in (rec.get("plurals") or "").split("|") if p.strip()]
        for f in forms:
            if words(f) not in seen:
                seen.add(words(f))
                nat.add(f, rec["country"])
    # a name known only from untagged alternates (maybe a Persian or Kurdish spelling) needs more evidence
    weak = {" ".join(ws): "alternate" for ws in alt_names - primary_names}
    weak.update({" ".join(words(r["name"])): r["why"] for r in _tsv("weak_names.tsv")})
    spec = json.loads((DATA / "cues.json").read_text(encoding="utf-8"))
    cues = {k: frozenset(" ".join(words(w)) for w in v) for k, v in spec["cues"].items()}
    outlets = {fold_outlet(k): v for k, v in spec["outlets"].items()}
    capitals = frozenset(e.capital for e in entries if e.capital)
    return Gazetteer(tuple(entries), by_key, table, nat, weak, cues, outlets, capitals)


_NON_ARABIC_COUNTRIES = frozenset({"IRN", "TUR", "ISR", "AFG", "PAK", "AZE", "ARM", "TJK"})
_ADMIN_NORM = frozenset(words(w)[0] for w in ADMIN_WORDS)
# words that introduce a place are never one ("مدينة", "المدينة", "العاصمة")
_CUE_WORDS = frozenset(words(w) for w in (*ADMIN_WORDS, "المدينة", "العاصمة", "البلدة", "القرية", "المنطقة", "الولاية",
                                          "بلدة", "قرية", "حي", "مخيم", "جزيرة", "ناحية"))
