"""The trained CRF: loaded once, its checksum verified against the JSON card beside it."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import pycrfsuite

from rasd.entities.features import DATA, doc_evidence, gap_class, sentence_features
from rasd.text.normalize import normalize_text

MODEL = DATA / "ner.crfsuite"
CARD = DATA / "ner.json"
# `token TAG` files have no article boundaries: runs of this many sentences stand in for an article
BLOCK = 20
_WORD = re.compile(r"\w+")


def sha256(path: Path) -> str:
    """Hex SHA-256 of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


@lru_cache(maxsize=1)
def card() -> dict:
    """The model's card (version, sha256, training figures)."""
    return json.loads(CARD.read_text(encoding="utf-8"))


def open_tagger(path: Path) -> pycrfsuite.Tagger:
    """A CRF tagger over a model file."""
    t = pycrfsuite.Tagger()
    t.open(str(path))
    return t


def verified(path: Path) -> Path:
    """``path`` after checking the file against the checksum recorded in the card."""
    want = card()["sha256"]
    got = sha256(path)
    if got != want:
        raise RuntimeError(f"{path.name}: sha256 {got} does not match {CARD.name} ({want})")
    return path


@lru_cache(maxsize=1)
def tagger() -> pycrfsuite.Tagger:
    """The committed CRF as a pycrfsuite tagger (training checks and reference tagging; ``fast_tagger`` tags)."""
    return open_tagger(verified(MODEL))


def bio_runs(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """The (start, end, class) runs of a sentence's BIO tags; a stray I- starts a run of its own."""
    out: list[tuple[int, int, str]] = []
    i, n = 0, len(tags)
    while i < n:
        if tags[i] == "O":
            i += 1
            continue
        cls, j = tags[i][2:], i + 1
        while j < n and tags[j] == "I-" + cls:
            j += 1
        out.append((i, j, cls))
        i = j
    return out


def propagate(words: Sequence[Sequence[str]], tags: list[list[str]]) -> list[tuple[int, int]]:
    """Tag bare repeats of a name found elsewhere in the document; returns the (sentence, word) positions changed.

    A surname first met inside a full name ("جو بايدن") or a one-word name the
    model is sure of is usually the same entity when it stands alone later;
    only words that received a single class in the document are spread.
    """
    known: dict[str, set[str]] = {}
    for ws, ts in zip(words, tags):
        for i, j, cls in bio_runs(ts):
            if j - i == 1 or cls == "PER":
                known.setdefault(ws[j - 1], set()).add(cls)
    changed: list[tuple[int, int]] = []
    for k, (ws, ts) in enumerate(zip(words, tags)):
        for i, w in enumerate(ws):
            cls_set = known.get(w)
            if ts[i] == "O" and cls_set and len(cls_set) == 1 and len(w) > 2:
                ts[i] = "B-" + next(iter(cls_set))
                changed.append((k, i))
    return changed


def file_words(tokens: Sequence[str]) -> list[tuple[str, int, str]]:
    """(word, token index, gap class) of a file sentence's tokens, split as the pipeline's segmenter would.

    Punctuation tokens become the gap before the next word, as the raw text
    between two pipeline tokens does ("لادن؛" -> "لادن", then a comma gap).
    """
    out: list[tuple[str, int, str]] = []
    gap = ""
    for k, tok in enumerate(tokens):
        norm = normalize_text(tok)
        pos = 0
        for m in _WORD.finditer(norm):
            gap += norm[pos : m.start()]
            out.append((m.group(), k, gap_class(gap)))
            gap, pos = "", m.end()
        gap += norm[pos:] + " "
    return out


def tag_sentences(sents: Sequence[Sequence[str]], model: pycrfsuite.Tagger | None = None) -> list[list[str]]:
    """BIO tags for the file tokens of each sentence (a token takes its first word's tag; punctuation is O).

    Tags with the fast decoder over the committed model, or with ``model``
    (a pycrfsuite tagger: a model being trained, or the reference check).
    """
    from rasd.entities.fast import fast_tagger

    out: list[list[str]] = []
    for b in range(0, len(sents), BLOCK):
        block = sents[b : b + BLOCK]
        split = [file_words(s) for s in block]
        words = [[(w, None) for w, _, _ in s] for s in split]
        gaps = [[g for _, _, g in sp] for sp in split]
        if model is None:
            btags = fast_tagger().tag(words, gaps)[0]
        else:
            ev = doc_evidence(words)
            btags = [model.tag(sentence_features(w, ev, g)) if w else [] for g, w in zip(gaps, words)]
        propagate([[x for x, _ in w] for w in words], btags)
        for s, sp, tags in zip(block, split, btags):
            pred = ["O"] * len(s)
            seen: set[int] = set()
            for (_, k, _), tag in zip(sp, tags):
                if k not in seen:
                    seen.add(k)
                    pred[k] = tag
            out.append(pred)
    return out


def tag_tokens(tokens: Sequence[str]) -> list[str]:
    """BIO tags for the tokens of one sentence of a `token TAG` file."""
    return tag_sentences([tokens])[0]
