"""The trigger lexicon and cue tables of the events stage, loaded once from data/ and validated."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from collections.abc import Sequence

from rasd.doc import Token
from rasd.events.scan import first_words, scan, word_index
from rasd.text.match import Match, PhraseTable, words
from rasd.text.normalize import normalize_text

_DATA = Path(__file__).with_name("data")

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
# PLOVER's quad categories: verbal cooperation, material cooperation, verbal conflict, material conflict
QUAD = {t: 1 for t in EVENT_TYPES[:4]} | {t: 2 for t in EVENT_TYPES[4:7]} | {t: 3 for t in EVENT_TYPES[7:11]} | {
    t: 4 for t in EVENT_TYPES[11:]
}
# verbal types: a speaker's words are the act, so the speaker of "قال ... إن" may be the actor
VERBAL = frozenset({"AGREE", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})
MODES = {
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "AID": {"economic", "military", "humanitarian"},
    "RETREAT": {"withdraw", "release", "ceasefire", "return", "disarm"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "obstruct"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue", "sever", "ban"},
    "MOBILIZE": {"troops", "police", "weapons", "militia"},
    "COERCE": {"seize", "arrest", "restrict", "ban", "censor", "curfew", "deport"},
    "ASSAULT": {"beat", "firearms", "explosives", "suicide-attack", "aerial", "heavy-weapons", "execute",
                "assassinate", "abduct", "torture", "sexual", "crowd-control"},
}
FLAGS = frozenset({"recip", "host", "visit", "noun", "needs_with", "needs_recipient", "objgen", "poss", "poss1"})
CONTEXTS = frozenset({"military", "diplomatic", "economic", "terrorism", "political", "humanitarian"})


@dataclass(frozen=True, slots=True)
class Trigger:
    """What a trigger phrase codes: PLOVER type, mode, flags and context labels."""

    event: str
    mode: str | None
    flags: frozenset[str]
    contexts: tuple[str, ...]
    phrase: str

    @property
    def is_noun(self) -> bool:
        """A verbal noun or noun phrase ("لقاء", "غارات جوية"), not a finite verb."""
        return "noun" in self.flags


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Every table the events stage looks words up in."""

    triggers: PhraseTable[Trigger]
    cues: dict[str, PhraseTable[str]]
    single: dict[str, frozenset[str]]  # one-word cue sets, normalised
    punct: frozenset[str]
    nouns: dict[str, Trigger]  # one-word verbal nouns by normalised form, for a verb form read as a noun
    first_person: frozenset[str]  # "نطالب", "ندين": present forms whose subject is the speaking "we"
    index: dict[str, tuple[str, ...]]  # first word -> the tables ("triggers" and cue names) it opens a phrase of

    def find(self, name: str, toks: Sequence[Token], start: int = 0, end: int | None = None) -> list[Match]:
        """Matches of table ``name`` ("triggers" or a cue name) in ``toks[start:end]``."""
        table = self.triggers if name == "triggers" else self.cues[name]
        return scan(table, name, self.index, toks, start, end)


def _rows(name: str) -> list[list[str]]:
    """The data rows of a TSV file (comments and the header skipped)."""
    lines = (_DATA / name).read_text(encoding="utf-8").splitlines()
    rows = [ln.split("\t") for ln in lines if ln.strip() and not ln.startswith("#")]
    return rows[1:]


def _parse(event: str, mode: str, flags: str, phrase: str, where: str) -> Trigger:
    """One validated trigger entry."""
    if event not in EVENT_TYPES:
        raise ValueError(f"{where}: unknown PLOVER type {event!r}")
    m = None if mode == "-" else mode
    if m is not None and m not in MODES.get(event, ()):
        raise ValueError(f"{where}: mode {m!r} is not a mode of {event}")
    fl = set() if flags == "-" else set(flags.split(","))
    ctx = tuple(sorted(f[4:] for f in fl if f.startswith("ctx:")))
    fl -= {f"ctx:{c}" for c in ctx}
    if fl - FLAGS or set(ctx) - CONTEXTS:
        raise ValueError(f"{where}: unknown flags {sorted((fl - FLAGS) | (set(ctx) - CONTEXTS))}")
    return Trigger(event, m, frozenset(fl), ctx, phrase)


def past_forms(past: str) -> list[str]:
    """Third-person past forms of a normalised verb: he, she, they two, they, they two (f)."""
    if past.endswith(("ي", "ا")) and len(past) > 2:  # final alef maqsura / alef: التقى، دعا
        stem = past[:-1]
        glide = "و" if past.endswith("ا") else "ي"
        return [past, stem + "ت", stem + glide + "ا", stem + "وا", stem + "تا"]
    return [past, past + "ت", past + "ا", past + "وا", past + "تا"]


def present_forms(present: str) -> list[str]:
    """Present forms of a normalised verb given its 3ms form (يلتقي): persons and numbers."""
    if not present.startswith("ي"):
        raise ValueError(f"present form {present!r} must start with ي")
    base = present[1:]
    out = ["ي" + base, "ت" + base, "ن" + base]
    plural = base[:-1] if base.endswith(("ي", "و")) else base
    out += ["ي" + plural + "ون", "ي" + plural + "ان", "ت" + plural + "ان"]
    if base.endswith("ي"):  # defective verbs: dual, and the jussive after لم ("لم يلتق")
        out += ["ي" + base + "ان", "ت" + base + "ان", "ي" + base[:-1], "ت" + base[:-1]]
    return out


def _table(entries: list[str]) -> PhraseTable[str]:
    return PhraseTable((e, e) for e in entries)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load and validate the lexicon (once per process)."""
    table: PhraseTable[Trigger] = PhraseTable()
    starts: set[str] = set()
    for k, row in enumerate(_rows("verbs.tsv"), 2):
        if len(row) != 5:
            raise ValueError(f"verbs.tsv row {k}: expected 5 columns, got {len(row)}")
        past, present, event, mode, flags = row
        trig = _parse(event, mode, flags, past, f"verbs.tsv:{past}")
        forms = past_forms(normalize_text(past))
        if present != "-":
            forms += present_forms(normalize_text(present))
        for form in dict.fromkeys(forms):
            table.add(form, trig)
            starts.add(form)
    nouns: dict[str, Trigger] = {}
    third: set[str] = set()
    first: set[str] = set()
    for row in _rows("verbs.tsv"):
        third.update(past_forms(normalize_text(row[0])))
        if row[1] != "-":
            forms = present_forms(normalize_text(row[1]))
            first.update(f for f in forms if f.startswith("ن"))
            third.update(f for f in forms if not f.startswith("ن"))
    for k, row in enumerate(_rows("phrases.tsv"), 2):
        if len(row) != 4:
            raise ValueError(f"phrases.tsv row {k}: expected 4 columns, got {len(row)}")
        phrase, event, mode, flags = row
        if not words(phrase):
            raise ValueError(f"phrases.tsv row {k}: empty phrase")
        trig = _parse(event, mode, flags, phrase, f"phrases.tsv:{phrase}")
        table.add(phrase, trig)
        ws = words(phrase)
        starts.add(ws[0])
        if not trig.is_noun and len(ws) > 1 and not ws[0].startswith(("ي", "ت", "ن")):
            # "فرض عقوبات" is told as "فرضت عقوبات", "فرضوا عقوبات": the verb of a phrase inflects
            for form in past_forms(ws[0])[1:]:
                table.add(" ".join((form, *ws[1:])), trig)
                starts.add(form)
        if trig.is_noun and len(words(phrase)) == 1:
            nouns.setdefault(words(phrase)[0], trig)
            if phrase.endswith("ة"):  # "دعوة" -> "دعوتنا", "إدانتها": a possessed noun, its possessor the doer
                stem = words(phrase)[0][:-1] + "ت"
                for enc in ("ه", "ها", "هم", "هما"):
                    table.add(stem + enc, replace(trig, flags=trig.flags | {"poss"}))
                    starts.add(stem + enc)
                table.add(stem + "نا", replace(trig, flags=trig.flags | {"poss", "poss1"}))
                starts.add(stem + "نا")
    spec = json.loads((_DATA / "cues.json").read_text(encoding="utf-8"))
    cues: dict[str, PhraseTable[str]] = {}
    single: dict[str, frozenset[str]] = {}
    firsts: dict[str, frozenset[str]] = {"triggers": first_words(starts)}
    for name, entries in spec.items():
        if name.startswith("_") or not isinstance(entries, list):
            continue
        cues[name] = _table(entries)
        firsts[name] = first_words(entries)
        single[name] = frozenset(" ".join(words(e)) for e in entries)
    # one-word verb phrases in the first person plural ("نثمن" beside "يثمن")
    verbs_1w = {words(r[0])[0] for r in _rows("phrases.tsv") if len(words(r[0])) == 1 and "noun" not in r[3]}
    first |= {w for w in verbs_1w if w.startswith("ن") and "ي" + w[1:] in verbs_1w}
    return Lexicon(table, cues, single, frozenset(spec["punct_boundary"]), nouns, frozenset(first - third),
                   word_index(firsts))
