"""Segment: sentences, tokens with offsets, and the clitic readings of each token."""

from __future__ import annotations

import re

import numpy as np

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
    sentences = [Sentence(s, e, is_title) for seg_start, seg_end, is_title in _segments(doc)
                 for s, e in split_sentences(doc.raw, seg_start, seg_end)]
    doc.sentences = tuple(sentences)
    if not sentences:
        doc.tokens = ()
        return doc
    # words are found once over the whole view and mapped back in bulk
    found = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(view.text)]
    if not found:
        doc.tokens = ()
        return doc
    n_start = np.fromiter((f[0] for f in found), dtype=np.int64, count=len(found))
    n_end = np.fromiter((f[1] for f in found), dtype=np.int64, count=len(found))
    r_start = view.to_raw[n_start]
    r_end = view.to_raw[n_end - 1] + 1
    s_start = np.fromiter((x.start for x in sentences), dtype=np.int64, count=len(sentences))
    s_end = np.fromiter((x.end for x in sentences), dtype=np.int64, count=len(sentences))
    sent = np.searchsorted(s_start, r_start, side="right") - 1
    inside = (sent >= 0) & (r_end <= s_end[np.maximum(sent, 0)])
    doc.tokens = tuple(
        Token(int(rs), int(re_), found[k][2], int(si), analyze(found[k][2]))
        for k, rs, re_, si in zip(np.flatnonzero(inside).tolist(), r_start[inside].tolist(),
                                  r_end[inside].tolist(), sent[inside].tolist())
    )
    return doc
