"""Entities: a CRF tags each sentence's tokens with BIO labels (PER, LOC, ORG, MISC); the spans go to ``doc.entities``."""

from __future__ import annotations

from collections.abc import Sequence

import pycrfsuite

from rasd.doc import Doc, Entity, Token
from rasd.entities.fast import Words, fast_tagger
from rasd.entities.features import doc_evidence, gap_class, sentence_features
from rasd.entities.model import bio_runs, propagate


def _sentences(tokens: Sequence[Token]) -> list[list[Token]]:
    """The tokens grouped by sentence, in order (one pass)."""
    out: list[list[Token]] = []
    cur = -1
    for tok in tokens:
        if tok.sent != cur:
            out.append([])
            cur = tok.sent
        out[-1].append(tok)
    return out


def _gaps(doc: Doc, tokens: Sequence[Token]) -> list[str]:
    """The punctuation class of the raw text before each token (from its sentence's start for the first)."""
    prev = doc.sentences[tokens[0].sent].start if doc.sentences else tokens[0].start
    raw = doc.raw
    out = []
    for tok in tokens:
        gap = raw[prev : tok.start]
        # most gaps are one space: no punctuation to classify
        out.append("" if gap == " " or not gap else gap_class(gap))
        prev = tok.end
    return out


def _spans(tokens: Sequence[Token], tags: Sequence[str], scores: Sequence[float], source: Sequence[str]) -> list[Entity]:
    """Entity spans from a sentence's BIO tags, scored by the mean confidence of their labels."""
    out: list[Entity] = []
    for i, j, cls in bio_runs(tags):
        conf = sum(scores[i:j]) / (j - i)
        out.append(Entity(tokens[i].start, tokens[j - 1].end, cls, source=source[i], score=round(conf, 4)))
    return out


def tag_document(words: Sequence[Words], gaps: Sequence[Sequence[str]],
                 crf: pycrfsuite.Tagger | None = None) -> tuple[list[list[str]], list[list[float]]]:
    """Each sentence's tags and, per token, the marginal of its tag (for O, what is left for the entity labels).

    Uses the fast decoder, or ``crf`` (a pycrfsuite tagger over the same model:
    the reference the fast decoder is checked against).
    """
    if crf is None:
        return fast_tagger().tag(words, gaps)
    evidence = doc_evidence(words)
    tags: list[list[str]] = []
    scores: list[list[float]] = []
    for ws, gs in zip(words, gaps):
        ts = crf.tag(sentence_features(ws, evidence, gs))
        tags.append(ts)
        scores.append([crf.marginal(x, i) if x != "O" else 1.0 - crf.marginal("O", i) for i, x in enumerate(ts)])
    return tags, scores


def run(doc: Doc, crf: pycrfsuite.Tagger | None = None) -> Doc:
    """Add the entity layer: CRF spans over each sentence's tokens, with evidence pooled over the article."""
    sents = _sentences(doc.tokens)
    words = [[(tok.norm, tok.readings or None) for tok in s] for s in sents]
    # the marginal of an O token is used if propagation below turns it into a name
    tags, scores = tag_document(words, [_gaps(doc, s) for s in sents], crf)
    sources = [["crf"] * len(s) for s in sents]
    for k, i in propagate([[w for w, _ in ws] for ws in words], tags):
        sources[k][i] = "crf-doc"
    ents: list[Entity] = []
    for sent, ts, sc, src in zip(sents, tags, scores, sources):
        ents.extend(_spans(sent, ts, sc, src))
    doc.entities = tuple(ents)
    return doc
