"""What a careful coder leaves out: sport and show business, private quarrels, self-directed acts, old events."""

from __future__ import annotations

import csv
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from rasd.doc import Doc
from rasd.events.code import Candidate
from rasd.events.scan import first_words, scan, word_index
from rasd.text.match import PhraseTable

_DATA = Path(__file__).with_name("data")
_KINDS = ("sport", "weak")
_DOC_HITS = 4  # sport words in an article that make it a sports (or show-business) article
_DOC_DISTINCT = 2


@lru_cache(maxsize=1)
def _table() -> tuple[PhraseTable[str], dict[str, tuple[str, ...]]]:
    """The sports vocabulary of data/sports.tsv, validated, with its first-word index."""
    with open(_DATA / "sports.tsv", encoding="utf-8") as fh:
        rows = list(csv.DictReader((ln for ln in fh if ln.strip() and not ln.startswith("#")), delimiter="\t"))
    table: PhraseTable[str] = PhraseTable()
    for row in rows:
        if row["kind"] not in _KINDS or not row["phrase"].strip():
            raise ValueError(f"sports.tsv: bad row {row!r}")
        table.add(row["phrase"], row["kind"])
    return table, word_index({"sports": first_words(r["phrase"] for r in rows)})


def sports(doc: Doc) -> tuple[bool, frozenset[int]]:
    """Whether the article is about sport or show business, and the sentences that speak of sport."""
    table, index = _table()
    toks = doc.tokens
    found = scan(table, "sports", index, toks)
    sents = frozenset(toks[m.i].sent for m in found if m.value == "sport")
    distinct = {" ".join(t.norm for t in toks[m.i : m.j]) for m in found}
    return len(found) >= _DOC_HITS and len(distinct) >= _DOC_DISTINCT, sents


# material acts a news outlet only reports: "أعلنت قناة المسيرة قصف ..." is the channel's news, not its strike
_REPORTED = frozenset({"ASSAULT", "COERCE", "RETREAT", "SANCTION", "MOBILIZE", "AID", "COOPERATE"})


def reporter_only(c: Candidate) -> bool:
    """Whether every doer of a material act is a news outlet (the act's real doer is elsewhere)."""
    return c.trig.event in _REPORTED and bool(c.actor) and all(a.sector_code == "JRN" for a in c.actor)


def state_protest(c: Candidate) -> None:
    """A government that "احتجت" complains (ACCUSE); a country that "شهدت مظاهرات" is where its people marched."""
    if c.trig.event != "PROTEST" or not c.actor or not all(a.sector_code in ("GOV", "IGO", "UNO") for a in c.actor):
        return
    if c.trig.is_noun:
        c.actor = [replace(a, sector_code="CVL", actor_id=None, entity_name=None, entity_name_ar=None)
                   for a in c.actor if a.sector_code == "GOV"]
    else:
        c.trig = replace(c.trig, event="ACCUSE", mode="disapprove")


def idle_visit(c: Candidate) -> bool:
    """A visit to no coded party ("زار الأمير المستشفى") is a tour, not a consultation."""
    return c.trig.event == "CONSULT" and "visit" in c.trig.flags and not c.recipient and not c.reciprocal


def drop_self(c: Candidate) -> None:
    """A recipient with the very code of an actor is the actor told twice ("أدانت الكويت على لسان سفيرها")."""
    own = {(a.country, a.sector_code) for a in c.actor}
    c.recipient = [a for a in c.recipient if (a.country, a.sector_code) not in own]
    if "needs_recipient" in c.trig.flags and not c.recipient:
        c.actor = []


def reference_date(doc: Doc) -> str | None:
    """The document's date, else the latest day or month the article names (it was written no earlier)."""
    if doc.doc_date:
        return doc.doc_date
    days = [t.value.split("/")[0] for t in doc.times
            if t.value and t.precision in ("day", "month") and t.anchor == "absolute" and "future" not in t.flags]
    if not days:
        return None
    last = max(days)
    return last if len(last) == 10 else f"{last}-28"
