"""The annotated corpus: its validator green, its draw reproducible, its splits as the data card says."""

from __future__ import annotations

import csv
import filecmp
import json
import sys
from collections import Counter
from pathlib import Path

import pytest

from rasd.gold import SourceIndex, check_dir
from tests.conftest import ROOT, shared_path

CORPUS = ROOT / "corpus"
sys.path.insert(0, str(ROOT / "scripts" / "corpus"))


@pytest.fixture(scope="module")
def index() -> SourceIndex:
    return SourceIndex(shared_path())


def _manifest() -> list[dict[str, str]]:
    with (CORPUS / "manifest.tsv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def test_every_gold_file_is_valid(index: SourceIndex) -> None:
    assert check_dir(CORPUS / "gold", index) == {}


def test_gold_is_built_from_the_drafts(index: SourceIndex, tmp_path: Path) -> None:
    from annotate import build

    assert build(index, tmp_path) == 0
    for split in ("train", "dev", "test"):
        cmp = filecmp.dircmp(CORPUS / "gold" / split, tmp_path / split)
        assert not cmp.left_only and not cmp.right_only and not cmp.diff_files, split


def test_splits_and_genres() -> None:
    rows = _manifest()
    golds = {p.name[: -len(".gold.json")]: p.parent.name for p in (CORPUS / "gold").rglob("*.gold.json")}
    assert set(golds) == {r["id"] for r in rows}
    assert all(golds[r["id"]] == r["split"] for r in rows)
    by = Counter((r["genre"], r["split"]) for r in rows)
    assert sum(n for (g, _), n in by.items() if g == "news") >= 280
    assert sum(n for (g, _), n in by.items() if g == "post") >= 120
    assert by["news", "test"] + by["post", "test"] >= 100
    assert all(by["post", s] > 0 and by["news", s] > 0 for s in ("train", "dev", "test"))
    assert all(r["split"] == "train" for r in rows if r["draw"] != "random")  # the keyword supplement
    double = [r for r in rows if r["double"] == "1"]
    assert len(double) >= 50 and {r["split"] for r in double} == {"train", "dev", "test"}


def test_draw_is_reproducible_and_keeps_out_reserved_and_dev_rows(index: SourceIndex) -> None:
    import draw

    rows = draw.draw()
    rows += draw.supplement(rows)
    rows += draw.supplement_2(rows)
    rows += draw.supplement_3(rows)
    key = lambda r: (r["id"], r["genre"], r["outlet"], r["split"], r["draw"], str(r["double"]), r["batch"])  # noqa: E731
    assert sorted(map(key, rows)) == sorted(map(key, _manifest()))
    assert not {r["id"] for r in rows} & draw.reserved(index)
    dev = draw.dev_keys(index)
    news = index.rows("news10k")
    assert not [r for r in rows if r["genre"] == "news" and (news[r["id"]].get("url") in dev or news[r["id"]]["title"] in dev)]
    outlets = Counter(r["outlet"] for r in rows if r["draw"] == "random" and r["genre"] == "news")
    assert min(outlets.values()) >= 5 and len(outlets) == len({r["outlet"] for r in news.values()})


def test_agreement_is_recorded_on_fifty_documents() -> None:
    agreement = json.loads((CORPUS / "agreement.json").read_text(encoding="utf-8"))
    overall = agreement["summary"]["all"]
    assert overall["docs"] >= 50 and len(agreement["documents"]) == overall["docs"]
    assert overall["events_b_against_a"]["f1"] >= 0.75
