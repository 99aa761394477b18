"""The CAMEO.ar trigger candidates (rasd/events/data/cameo_triggers.tsv): reproducible, valid, and
a few rows checked by hand against CAMEO.ar.0.5.txt and CAMEO2PLOVER-2021.txt."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

from tests.conftest import shared_path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "rasd" / "events" / "data"
TSV = DATA / "cameo_triggers.tsv"
REJECTED = DATA / "cameo_triggers_rejected.tsv"
PLOVER = json.loads((ROOT / "rasd" / "gold" / "data" / "plover.json").read_text(encoding="utf-8"))
HEADER = "lemma_or_phrase\tpattern\tplover_type\tplover_mode\tplover_context\tcameo_code\tsource"
REJ_HEADER = "lemma_or_phrase\tpattern\tcameo_code\treason\tsource"


def _rows(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines[1:]]


def _build_module():
    spec = importlib.util.spec_from_file_location("build_cameo_triggers", ROOT / "scripts" / "build_cameo_triggers.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _text(header: str, rows: list[list[str]]) -> str:
    return header + "\n" + "".join("\t".join(r) + "\n" for r in rows)


def test_build_reproduces_committed_files():
    shared_path("data", "oeda-arabic", "CAMEO.ar.0.5.txt")
    shared_path("data", "plover", "CAMEO2PLOVER-2021.txt")
    rows, rejected, _ = _build_module().build()
    assert _text(HEADER, rows) == TSV.read_text(encoding="utf-8")
    assert _text(REJ_HEADER, rejected) == REJECTED.read_text(encoding="utf-8")


def test_rows_are_valid():
    assert TSV.read_text(encoding="utf-8").splitlines()[0] == HEADER
    rows = _rows(TSV)
    assert len(rows) > 5000
    assert rows == sorted(rows)
    assert len({tuple(r[:2] + r[5:6]) for r in rows}) == len(rows)  # (lemma, pattern, code) unique
    labels = set(PLOVER["context"])
    for lemma, pattern, ptype, mode, context, code, source in rows:
        assert lemma and re.fullmatch(r"[\u0621-\u064a ]+", lemma), lemma
        assert not re.search("[\u064b-\u065f\u0670\u0640]", lemma + pattern)  # no diacritics left
        assert ptype in PLOVER["types"], ptype
        assert mode == "" or mode in PLOVER["modes"].get(ptype, []), (ptype, mode)
        assert context == "" or all(c in labels for c in context.split(";")), context
        assert re.fullmatch(r"[0-9]{3,4}", code) and not code.startswith(("01", "02")), code
        assert re.fullmatch(r"CAMEO\.ar\.0\.5 line [0-9]+", source), source
        if pattern:
            tokens = pattern.split(" ")
            assert tokens.count("*") == 1, pattern
            assert all(t in ("*", "[ACTOR]", "[RECIPIENT]") or re.fullmatch(r"&[A-Z_]+|[\u0621-\u064a]+", t)
                       for t in tokens), pattern


def test_known_rows():
    rows = {tuple(r) for r in _rows(TSV)}
    # condemn -> ACCUSE: "- * (كارهاب) [1124] # ندد,استنكر" (denounce as terrorism)
    assert ("ندد", "* كارهاب", "ACCUSE", "allege", "military;legal", "1124", "CAMEO.ar.0.5 line 4686") in rows
    assert ("ادان", "* قصف", "ACCUSE", "disapprove", "", "111", "CAMEO.ar.0.5 line 4741") in rows
    # meet -> CONSULT: "- * (لاجل لاجل قمة) [040]" in the gather block (the doubled word collapsed)
    assert ("اجتمع", "* لاجل قمة", "CONSULT", "", "", "040", "CAMEO.ar.0.5 line 3364") in rows
    # a bare verb with its own code that fits its gloss: "تحدث   [041]   # talk"
    assert ("تحدث", "", "CONSULT", "phone", "", "041", "CAMEO.ar.0.5 line 4246") in rows
    assert ("اختطف", "", "ASSAULT", "abduct", "", "181", "CAMEO.ar.0.5 line 5175") in rows
    # PETRARCH's $ and + become slots: "- $ * (ك &NEGOTIATOR) (مع +) (في كلام)   [045] # عمل"
    assert ("عمل", "[ACTOR] * ك &NEGOTIATOR مع [RECIPIENT] في كلام", "CONSULT", "", "diplomatic", "045",
            "CAMEO.ar.0.5 line 1874") in rows
    # an invalid mode of the official table is blanked: 1721 is "COERCE, restrict" (valid), 175 "pro_autocracy" (not)
    assert ("اعتقل", "", "COERCE", "restrict", "rights_freedoms", "1721", "CAMEO.ar.0.5 line 5063") in rows


def test_known_rejections():
    rejected = {(r[0], r[1], r[2]): r[3] for r in _rows(REJECTED)}
    # "slam" translated as ندد ب, then given the "slam a grenade" pattern
    assert rejected[("ندد ب", "* قنبلة", "193")].startswith("sense contradicts code")
    # CAMEO 01 (statements) is dropped by PLOVER
    assert rejected[("لقى", "* خطاب", "010")].startswith("no PLOVER mapping")
    # طلب "want,demand" [1383] (threaten unconventional violence) as a bare verb
    assert rejected[("طلب", "", "1383")].startswith("bare-verb code does not fit its gloss")
    # رتبة is a noun ("rank") written for the verb رتب
    assert rejected[("رتبة", "", "---")].startswith("not a verb")
    trigger_keys = {(r[0], r[1], r[5]) for r in _rows(TSV)}
    assert not trigger_keys & set(rejected)


@pytest.mark.parametrize("lemma", ["هدد", "طالب", "انتقد", "زار", "التقى", "اغتال"])
def test_absent_core_verbs_are_not_invented(lemma):
    # these news verbs are not verb entries of CAMEO.ar.0.5: nothing may claim them
    assert lemma not in {r[0] for r in _rows(TSV)}
