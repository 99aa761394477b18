"""The actors stage: code who is who (country + sector, KB identity) on the article's date.

``run(doc)`` uses the built-in knowledge base (data/*.tsv); ``make_stage``
adds PETRARCH-format actor dictionaries beside it.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

from rasd.actors.coder import Coder
from rasd.actors.kb import countries, entries, role_nouns
from rasd.actors.lexicon import Lexicon, build, cues
from rasd.doc import Doc

__all__ = ["make_stage", "run", "default_lexicon", "latest_date"]


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The built-in KB compiled once per process."""
    return build(entries(), countries().values(), role_nouns())


def latest_date(doc: Doc) -> str | None:
    """An undated article's latest explicit date the time layer found (a day or month first, else a year), else None.

    An article is written on or after the last date it states, so the roles held
    then are a better guess than the most recent ones (Assad in an undated 2018
    story is Syria's president, not a former one). Dates resolved against the
    (missing) document date and years of a plan ("بحلول عام 2030") are skipped;
    a range counts by its end. A bare year
    counts only when no day or month is stated: "رؤية 2030" is a plan, and a
    dated event is the news.
    """
    best: dict[bool, str] = {}
    starts = [tok.start for tok in doc.tokens]
    target = cues().target_year
    for t in doc.times:
        if not t.value or t.anchor != "absolute":
            continue
        i = bisect.bisect_left(starts, t.start)
        if i > 0 and target.intersection(doc.tokens[i - 1].bases):
            continue  # "بحلول عام 2030": a plan's year
        v = t.value.rpartition("/")[2]
        if len(v) < 4 or not v[:4].isdigit():
            continue
        dated = t.precision in ("day", "month")
        if v > best.get(dated, ""):
            best[dated] = v
    return best.get(True) or best.get(False)


def _stage(lex: Lexicon) -> Callable[[Doc], Doc]:
    def run_stage(doc: Doc) -> Doc:
        """Write ``doc.actors``."""
        date = doc.doc_date or doc.meta.date
        stated = None if date else latest_date(doc)
        date = date or stated
        doc.actors = Coder(lex, doc, date[:10] if date else None, lower_bound=stated is not None).run()
        return doc

    return run_stage


def make_stage(extra_dictionaries: Sequence[Path] = ()) -> Callable[[Doc], Doc]:
    """An actors stage over the built-in KB plus PETRARCH-format dictionaries (built-in names win)."""
    if not extra_dictionaries:
        return _stage(default_lexicon())
    from rasd.actors.petrarch import load_dictionary

    extra = [e for path in extra_dictionaries for e in load_dictionary(Path(path))]
    # Built-in entries come first so that, for a name in both, the table keeps the built-in value first.
    return _stage(build(list(entries()) + extra, countries().values(), role_nouns()))


def run(doc: Doc) -> Doc:
    """The default actors stage."""
    return _stage(default_lexicon())(doc)
