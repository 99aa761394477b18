"""The PETRARCH-format dictionary importer."""

from __future__ import annotations

from rasd.actors import make_stage
from rasd.actors.kb import Role
from rasd.actors.petrarch import cameo_role, load_dictionary, parse
from rasd.pipeline import process_text
from tests.conftest import shared_path

LINES = """نوري_المالكي_
\t[IRQGOV 20101221-20140908]
\t[IRQELI 20140908-20161010]
وزارة_دفاع_أميركي_  [USAGOV]
جيش  [MIL]
ألف_عمر_كوناري_
\t[IGO 20030916-20080201]
\t[MLIGOV 19920608-20020608]
""".splitlines()


def test_cameo_codes_map_to_plover():
    assert cameo_role("SYRGOV") == Role("SYR", "GOV")
    assert cameo_role("PSECVLELI", "", "19840502", "18000101") == Role("PSE", "CVL", "1984-05-02")
    assert cameo_role("IGO") == Role("IGO", "GOV")
    assert cameo_role("MIL") is None
    assert cameo_role("USA", ">", "20100101") == Role("USA", "GOV", "2010-01-01")


def test_parse_lines():
    es = list(parse(LINES))
    assert [e.names_ar[0] for e in es] == ["نوري المالكي", "وزارة دفاع أميركي", "ألف عمر كوناري"]
    maliki = es[0]
    assert maliki.role_on("2012-01-01") == Role("IRQ", "GOV", "2010-12-21", "2014-09-08")
    assert maliki.role_on("2015-01-01").sector == "ELI"


def test_oeda_dictionary_loads_and_extends_the_stage(tmp_path):
    es = load_dictionary(shared_path("data", "oeda-arabic", "actor_dict_ar_v4.txt"))
    assert len(es) > 4000
    extra = tmp_path / "mine.txt"
    extra.write_text("سمير_الفلاني_\n\t[LBNGOV 20100101-20301231]\n", encoding="utf-8")
    stage = make_stage([extra])
    doc = stage(process_text("وقال سمير الفلاني إن الحكومة ستجتمع.", date="2020-01-01",
                             stages=["clean", "segment"]))
    assert [(doc.raw[a.start : a.end], a.country, a.sector_code) for a in doc.actors][0] == ("سمير الفلاني", "LBN", "GOV")
