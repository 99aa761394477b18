"""Triggers: every word or phrase that may tell an event, with its type hypotheses, before any filter.

The layer is what the events stage codes (and what a learned coder classifies): each candidate carries
the lexicon entry that produced it, so a missed or wrong event can be traced to its trigger.
"""

from __future__ import annotations

from rasd.doc import Doc, TriggerSpan
from rasd.events.lexicon import lexicon

__all__ = ["run"]


def run(doc: Doc) -> Doc:
    """Add the triggers layer: ``doc.triggers``, in text order."""
    toks = doc.tokens
    out = [TriggerSpan(toks[m.i].start, toks[m.j - 1].end, m.i, m.j, m.value.event, m.value.mode, m.value.phrase,
                       "lexicon", m.proclitics, m.enclitic, m.value)
           for m in lexicon().find("triggers", toks)]
    doc.triggers = tuple(sorted(out, key=lambda t: (t.start, -t.end, t.source)))
    return doc
