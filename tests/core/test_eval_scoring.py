"""The event scorer: GOLD.md's matching rules, with as many gold events matched as possible."""

from __future__ import annotations

from rasd.eval.scoring import score_events


def _ev(event: str, actor: list[tuple[str, str]], date: str | None) -> dict:
    return {"event": [event], "actor": [{"country": c, "sector_code": s} for c, s in actor], "recipient": [],
            "date": date, "mode": [], "context": [], "event_loc": None, "text": ""}


def test_an_undated_gold_event_does_not_take_what_a_dated_one_needs() -> None:
    gold = {"events": [
        {"event": "ASSAULT", "actor": ["TUR REB"], "recipient": ["TUR COP"], "date": None},
        {"event": "ASSAULT", "actor": ["TUR COP"], "recipient": ["TUR REB"], "date": "2015-08-07"},
    ], "optional_events": []}
    pred = [_ev("ASSAULT", [("TUR", "REB")], "2015-08-07"), _ev("ASSAULT", [("TUR", "COP")], "2015-08-01")]
    # a greedy pass gives the undated event the extracted one with its actors, the only one dated 08-07
    scores = score_events(pred, gold)
    assert (scores.counts.tp, scores.counts.fp, scores.counts.fn) == (2, 0, 0)


def test_type_countries_and_date_decide_a_match() -> None:
    gold = {"events": [{"event": "CONSULT", "actor": ["RUS GOV", "USA GOV"], "recipient": [], "date": "2021-06-13"}],
            "optional_events": [{"event": "SANCTION", "actor": ["USA GOV"], "recipient": ["RUS GOV"], "date": None}]}
    pred = [_ev("CONSULT", [("RUS", "GOV"), ("USA", "GOV")], "2021-06-14"),
            _ev("SANCTION", [("USA", "GOV"), ("RUS", "GOV")], None)]
    scores = score_events(pred, gold)
    # the wrong day is no match; the optional sanction is neither a hit nor a false positive
    assert (scores.counts.tp, scores.counts.fp, scores.counts.fn) == (0, 1, 1)
