"""The actors stage: code who is who (country + sector, KB identity) on the article's date.

``run(doc)`` uses the built-in knowledge base (data/*.tsv); ``make_stage``
adds PETRARCH-format actor dictionaries beside it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

from rasd.actors.coder import Coder
from rasd.actors.kb import countries, entries, role_nouns
from rasd.actors.lexicon import Lexicon, build
from rasd.doc import Doc

__all__ = ["make_stage", "run", "default_lexicon"]


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The built-in KB compiled once per process."""
    return build(entries(), countries().values(), role_nouns())


def _stage(lex: Lexicon) -> Callable[[Doc], Doc]:
    def run_stage(doc: Doc) -> Doc:
        """Write ``doc.actors``."""
        date = doc.doc_date or doc.meta.date
        doc.actors = Coder(lex, doc, date[:10] if date else None).run()
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
