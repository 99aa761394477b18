"""The scorer: exact span matching, per class and micro-averaged, on a hand-made file."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.entities.evaluate import canonical_tag, ner_scores, read_conll, spans

# three sentences, four gold entities: PER (2 tokens), LOC, ORG (2 tokens), MISC
GOLD = """التقى B-PERS
بشار I-PERS
الأسد O
في O
دمشق B-LOC
. O

وقالت O
الأمم B-ORG
المتحدة I-ORG
إن O

كأس B-MIS
العالم O
"""

# the tagger's answer: PER too short (wrong), LOC right, ORG right, MISC right, plus a false LOC
PRED = [
    ["B-PER", "O", "O", "O", "B-LOC", "O"],
    ["O", "B-ORG", "I-ORG", "O"],
    ["B-MISC", "B-LOC"],
]


def test_read_conll_maps_classes(tmp_path: Path) -> None:
    path = tmp_path / "tiny.txt"
    path.write_text(GOLD, encoding="utf-8")
    sents = read_conll(path)
    assert [len(s) for s in sents] == [6, 4, 2]
    assert sents[0][0] == ("التقى", "B-PER")
    assert sents[2][0] == ("كأس", "B-MISC")


def test_scores_are_exact(tmp_path: Path) -> None:
    path = tmp_path / "tiny.txt"
    path.write_text(GOLD, encoding="utf-8")
    s = ner_scores(path, tagger=lambda sents: PRED)
    assert s["PER"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "predicted": 1, "gold": 1}
    assert s["LOC"]["tp"] == 1 and s["LOC"]["predicted"] == 2 and s["LOC"]["gold"] == 1
    assert s["LOC"]["precision"] == pytest.approx(0.5)
    assert s["LOC"]["f1"] == pytest.approx(2 / 3)
    assert s["ORG"]["f1"] == 1.0 and s["MISC"]["f1"] == 1.0
    micro = s["micro"]
    assert (micro["tp"], micro["predicted"], micro["gold"]) == (3, 5, 4)
    assert micro["precision"] == pytest.approx(0.6)
    assert micro["recall"] == pytest.approx(0.75)
    assert micro["f1"] == pytest.approx(2 * 0.6 * 0.75 / 1.35)


def test_spans_follow_conll() -> None:
    assert spans(["B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-LOC"]) == {("PER", 0, 2), ("LOC", 3, 5), ("LOC", 5, 6)}
    assert spans(["B-PER", "I-ORG"]) == {("PER", 0, 1), ("ORG", 1, 2)}
    assert canonical_tag("B-PERS") == "B-PER" and canonical_tag("I-MIS") == "I-MISC" and canonical_tag("B-DATE") == "O"


def test_gazetteer_integrity() -> None:
    from rasd.entities.features import DATA, _gazetteer
    from rasd.text.normalize import normalize_text

    seen: dict[str, str] = {}
    for line in (DATA / "gazetteer.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        phrase, cls = line.split("\t")
        assert cls in ("ORG", "LOC", "MISC"), line
        key = normalize_text(phrase)
        assert key not in seen, f"{phrase!r} listed twice"
        seen[key] = cls
    assert len(seen) >= 250
    assert ("الامم", "المتحده") in [ws for ws, _ in _gazetteer()["الامم"]]
