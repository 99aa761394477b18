"""Entities: a CRF tags each sentence's tokens with BIO labels (PER, LOC, ORG, MISC); the spans go to ``doc.entities``."""

from __future__ import annotations

from collections.abc import Sequence

from rasd.doc import Doc, Entity, Token
from rasd.entities.features import doc_evidence, gap_class, sentence_features
from rasd.entities.model import propagate, tagger


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
    out = []
    for tok in tokens:
        out.append(gap_class(doc.raw[prev : tok.start]) if tok.start > prev else "")
        prev = tok.end
    return out


def _spans(tokens: Sequence[Token], tags: Sequence[str], scores: Sequence[float], source: Sequence[str]) -> list[Entity]:
    """Entity spans from a sentence's BIO tags, scored by the mean confidence of their labels."""
    out: list[Entity] = []
    i, n = 0, len(tags)
    while i < n:
        if tags[i] == "O":
            i += 1
            continue
        cls, j = tags[i][2:], i + 1
        while j < n and tags[j] == "I-" + cls:
            j += 1
        conf = sum(scores[i:j]) / (j - i)
        out.append(Entity(tokens[i].start, tokens[j - 1].end, cls, source=source[i], score=round(conf, 4)))
        i = j
    return out


def run(doc: Doc) -> Doc:
    """Add the entity layer: CRF spans over each sentence's tokens, with evidence pooled over the article."""
    t = tagger()
    sents = _sentences(doc.tokens)
    words = [[(tok.norm, tok.readings or None) for tok in s] for s in sents]
    evidence = doc_evidence(words)
    tags: list[list[str]] = []
    scores: list[list[float]] = []
    for sent, ws in zip(sents, words):
        ts = t.tag(sentence_features(ws, evidence, _gaps(doc, sent)))
        tags.append(ts)
        # the marginal of the chosen label; for O, what is left for the entity labels (used if a repeat is spread)
        scores.append([t.marginal(x, i) if x != "O" else 1.0 - t.marginal("O", i) for i, x in enumerate(ts)])
    sources = [["crf"] * len(s) for s in sents]
    for k, i in propagate([[w for w, _ in ws] for ws in words], tags):
        sources[k][i] = "crf-doc"
    ents: list[Entity] = []
    for sent, ts, sc, src in zip(sents, tags, scores, sources):
        ents.extend(_spans(sent, ts, sc, src))
    doc.entities = tuple(ents)
    return doc
