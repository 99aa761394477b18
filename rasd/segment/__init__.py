"""Segment: sentences, tokens with offsets, and the clitic readings of each token."""

from __future__ import annotations

import re

from rasd.doc import Doc, Sentence, Token
from rasd.segment.clitics import analyze

# A sentence ends at . ! ? ؟ (and any closing quotes/brackets after it) followed by a space,
# or at a line break. "د.ب.أ" and "العربية.نت" have no space after their dots.
_END = re.compile(r"[.!?؟…]+[\"'”’»)\]]*(?=\s)|\n+")
# one-letter abbreviations ("أ. ف. ب", "د. محمد") do not end a sentence
_ABBREV = re.compile(r"(?:^|\s)\w[.]$")
_WORD = re.compile(r"\w+")


def _segments(doc: Doc) -> list[tuple[int, int, bool]]:
    """Stretches of raw text outside boilerplate, as (start, end, is_title)."""
    cuts = sorted((b.start, b.end) for b in doc.boilerplate)
    out: list[tuple[int, int, bool]] = []
    pos = 0
    for s, e in cuts + [(len(doc.raw), len(doc.raw))]:
        if s > pos:
            out.append((pos, s, False))
        pos = max(pos, e)
    if doc.title_span is None:
        return out
    ts, te = doc.title_span
    split: list[tuple[int, int, bool]] = []
    for s, e, _ in out:
        if e <= ts or s >= te:
            split.append((s, e, False))
            continue
        if s < ts:
            split.append((s, ts, False))
        split.append((max(s, ts), min(e, te), True))
        if e > te:
            split.append((te, e, False))
    return split


def split_sentences(raw: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of ``raw[start:end]``, trimmed of surrounding white space."""
    spans: list[tuple[int, int]] = []
    pos = start
    for m in _END.finditer(raw, start, end):
        if m.group().startswith(".") and len(m.group()) == 1 and _ABBREV.search(raw, max(start, m.start() - 3), m.end()):
            continue
        spans.append((pos, m.end()))
        pos = m.end()
    spans.append((pos, end))
    out = []
    for s, e in spans:
        while s < e and raw[s].isspace():
            s += 1
        while e > s and raw[e - 1].isspace():
            e -= 1
        if e > s and any(c.isalnum() for c in raw[s:e]):
            out.append((s, e))
    return out


def segment(doc: Doc) -> Doc:
    """Add the sentence and token layers (requires the normalised view)."""
    if doc.norm is None:
        raise ValueError("segment needs the normalised view (run clean first)")
    view = doc.norm
    sentences: list[Sentence] = []
    tokens: list[Token] = []
    for seg_start, seg_end, is_title in _segments(doc):
        for s, e in split_sentences(doc.raw, seg_start, seg_end):
            k = len(sentences)
            sentences.append(Sentence(s, e, is_title))
            ns, ne = view.norm_span(s, e)
            for m in _WORD.finditer(view.text, ns, ne):
                rs, re_ = view.raw_span(m.start(), m.end())
                word = m.group()
                tokens.append(Token(rs, re_, word, k, analyze(word)))
    doc.sentences = tuple(sentences)
    doc.tokens = tuple(tokens)
    return doc
