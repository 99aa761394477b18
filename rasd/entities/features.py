"""CRF features of a sentence's tokens, from the normalised form and its clitic readings.

Training (scripts/train_ner.py) and tagging (``rasd.entities.run``) both call
``sentence_features`` on (norm, readings) pairs, so the model sees at run time
exactly the features it was trained on. A token's own features are computed
once per distinct word (cached); window features refer to the neighbours'.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from rasd.segment.clitics import analyze
from rasd.text.normalize import normalize_text

DATA = Path(__file__).with_name("data")
Reading = tuple[str, str, str]
Words = Sequence[tuple[str, tuple[Reading, ...] | None]]
_WORD = re.compile(r"\w+")
_QUOTES = set("\"'“”«»‘’„")


@lru_cache(maxsize=1)
def _triggers() -> dict[str, str]:
    """Normalised trigger word -> its class (first class listed wins)."""
    spec = json.loads((DATA / "triggers.json").read_text(encoding="utf-8"))
    out: dict[str, str] = {}
    for cls, words in spec.items():
        if cls == "comment":
            continue
        for w in words:
            out.setdefault(normalize_text(w), cls)
    return out


def _read_list(name: str) -> dict[str, str]:
    """A TSV of normalised word and value (the value defaults to "1")."""
    out: dict[str, str] = {}
    path = DATA / name
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        word, _, value = line.partition("\t")
        out[word] = value or "1"
    return out


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Person-name tokens (from Wikidata labels) -> frequency band."""
    return _read_list("person_names.tsv")


@lru_cache(maxsize=1)
def _places() -> dict[str, str]:
    """Country and region names, each word -> "1" (from CLDR)."""
    return _read_list("places.tsv")


@lru_cache(maxsize=1)
def _clusters() -> dict[str, str]:
    """Word -> distributional cluster ids "k64|k256|k1024" (from unlabelled news text)."""
    return _read_list("clusters.tsv")


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """First word -> (phrase words, class), longest phrases first (hand-written gazetteer.tsv)."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, cls in _read_list("gazetteer.tsv").items():
        if cls not in ("ORG", "LOC", "MISC", "PER"):
            raise ValueError(f"gazetteer.tsv: bad class {cls!r} for {phrase!r}")
        ws = tuple(_WORD.findall(normalize_text(phrase)))
        out.setdefault(ws[0], []).append((ws, cls))
    for v in out.values():
        v.sort(key=lambda x: -len(x[0]))
    return out


def marks_from_candidates(norms: Sequence[str], cands: Sequence[Sequence[Sequence[tuple[tuple[str, ...], str]]]]
                          ) -> list[str | None]:
    """"CLS-B"/"CLS-I" on the longest gazetteer phrase matched at each point, given each word's candidate groups."""
    n = len(norms)
    marks: list[str | None] = [None] * n
    i = 0
    while i < n:
        hit = None
        for group in cands[i]:
            for ws, cls in group:
                k = len(ws)
                if i + k <= n and all(norms[i + m] == ws[m] for m in range(1, k)):
                    if hit is None or k > hit[0]:
                        hit = (k, cls)
                    break
        if hit is None:
            i += 1
            continue
        k, cls = hit
        marks[i] = f"{cls}-B"
        for m in range(1, k):
            marks[i + m] = f"{cls}-I"
        i += k
    return marks


def gazetteer_marks(words: Words) -> list[str | None]:
    """Per word, "CLS-B"/"CLS-I" where a gazetteer phrase matches (longest first, clitics on its first word)."""
    gaz = _gazetteer()
    cands = [[gaz.get(b, ()) for b in dict.fromkeys([norm, *(r[1] for r in (readings or analyze(norm)))])]
             for norm, readings in words]
    return marks_from_candidates([w[0] for w in words], cands)


def gap_class(text: str) -> str:
    """The kind of punctuation standing between two words: q(uote), b(racket), c(omma), o(ther) or ""."""
    kinds = ""
    for ch in text:
        if ch in _QUOTES:
            kinds = "q"
        elif ch in "()[]{}" and not kinds:
            kinds = "b"
        elif ch in ",،;؛:" and not kinds:
            kinds = "c"
        elif not ch.isspace() and not kinds:
            kinds = "o"
    return kinds


def _shape(word: str) -> str:
    """A coarse word shape: digits, Latin, Arabic, mixed."""
    if word.isdigit():
        return "D" if len(word) < 4 else "DDDD"
    if word.isascii():
        return "L"
    if any("\u0621" <= c <= "\u064a" for c in word):
        return "A"
    return "X"


@lru_cache(maxsize=20_000)
def word_features(norm: str, readings: tuple[Reading, ...] | None = None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(own features, features a neighbour may borrow) of one normalised word."""
    if readings is None:
        readings = analyze(norm)
    trig, names, places, clusters = _triggers(), _names(), _places(), _clusters()
    bases = list(dict.fromkeys(b for _, b, _ in readings)) or [norm]
    stem = bases[-1]
    own = [f"w={norm}", f"sh={_shape(norm)}", f"len={min(len(norm), 8)}"]
    for k in (1, 2, 3, 4):
        if len(norm) > k:
            own.append(f"p{k}={norm[:k]}")
            own.append(f"s{k}={norm[-k:]}")
    if stem != norm and len(stem) > 2:
        own.append(f"st={stem}")
        own.append(f"sp2={stem[:2]}")
        own.append(f"ss2={stem[-2:]}")
        own.append(f"ss3={stem[-3:]}")
    pro = {p for p, _, _ in readings[1:] if p}
    for p in sorted(pro):
        own.append(f"pro={p}")
    share = [f"w={norm}"]
    seen_cls: set[str] = set()
    for b in bases:
        if b != norm:
            own.append(f"b={b}")
        cls = trig.get(b)
        if cls and cls not in seen_cls:
            seen_cls.add(cls)
            own.append(f"tr={cls}")
            share.append(f"tr={cls}")
    band = next((names[b] for b in bases if b in names), None)
    if band:
        own.append(f"nm={band}")
        share.append(f"nm={band}")
    if any(b in places for b in bases):
        own.append("pl")
        share.append("pl")
    cl = next((clusters[b] for b in bases if b in clusters), None)
    if cl:
        ids = cl.split("|")
        own.extend(f"c{k}={c}" for k, c in enumerate(ids))
        share.extend(f"c{k}={c}" for k, c in enumerate(ids[1:], 1))
    if stem != norm:
        share.append(f"st={stem}")
    return tuple(own), tuple(share)


@lru_cache(maxsize=20_000)
def _word(norm: str, readings: tuple[Reading, ...] | None) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...], tuple[str, ...], str | None]:
    """Everything the sentence features need of one word, computed once.

    (own features, the borrowable features prefixed for offsets -2, -1, +1, +2,
    all base forms, the evidence kind it announces for the next word).
    """
    own, share = word_features(norm, readings)
    shifted = tuple(tuple(f"{d}:{x}" for x in share) for d in (-2, -1, 1, 2))
    bases = tuple(dict.fromkeys([*(x[2:] for x in own if x.startswith("b=")), norm]))
    trig, names = _triggers(), _names()
    cls = next((trig[b] for b in bases if b in trig), None)
    if cls in ("per_title", "loc_trigger", "org_trigger", "misc_trigger"):
        kind: str | None = cls[:3]
    elif any(names.get(b) in ("h", "m") for b in bases):
        kind = "nm"
    else:
        kind = None
    return own, shifted, bases, kind


def doc_evidence(sentences: Sequence[Words]) -> dict[str, frozenset[str]]:
    """Base form -> the kinds of context it stands in somewhere in the document.

    A name is often introduced once with a title or a given name ("السيد فيم
    دويسنبرج") and later stands alone; this lets the later, bare mentions
    borrow the evidence of the first one.
    """
    ev: dict[str, set[str]] = {}
    for words in sentences:
        prev_kind: str | None = None
        for norm, readings in words:
            _, _, bases, kind = _word(norm, readings)
            if prev_kind:
                for b in bases:
                    ev.setdefault(b, set()).add(prev_kind)
            prev_kind = kind
    return {b: frozenset(k) for b, k in ev.items()}


def sentence_features(words: Words, evidence: dict[str, frozenset[str]] | None = None,
                      gaps: Sequence[str] | None = None) -> list[list[str]]:
    """Feature lists for each token of a sentence given as (norm, readings) pairs.

    ``gaps[i]`` is the ``gap_class`` of the punctuation before word i (quotes
    and brackets often close a name); ``evidence`` comes from ``doc_evidence``.
    """
    feats = [_word(n, r) for n, r in words]
    gaz = gazetteer_marks(words)
    norms = [n for n, _ in words]
    n = len(words)
    docf: list[list[str]] = [[] for _ in range(n)]
    if evidence:
        for i, ft in enumerate(feats):
            kinds: set[str] = set()
            for b in ft[2]:
                kinds.update(evidence.get(b, ()))
            if kinds:
                docf[i] = [f"d={k}" for k in sorted(kinds)]
    out: list[list[str]] = []
    for i in range(n):
        f = ["b", *feats[i][0], *docf[i]]
        if gaps is not None and gaps[i]:
            f.append(f"gp={gaps[i]}")
        if i + 1 < n and gaps is not None and gaps[i + 1]:
            f.append(f"gn={gaps[i + 1]}")
        for d in (-1, 0, 1):
            if 0 <= i + d < n and gaz[i + d]:
                f.append(f"{d}:gz={gaz[i + d]}")
        if i > 0:
            f.extend(f"-1:{x}" for x in docf[i - 1])
            f.extend(feats[i - 1][1][1])
            f.append(f"bg-={norms[i - 1]}|{norms[i]}")
            if i > 1:
                f.extend(feats[i - 2][1][0])
        if i + 1 < n:
            f.extend(f"1:{x}" for x in docf[i + 1])
            f.extend(feats[i + 1][1][2])
            f.append(f"bg+={norms[i]}|{norms[i + 1]}")
            if i + 2 < n:
                f.extend(feats[i + 2][1][3])
        if i == 0:
            f.append("BOS")
        if i == n - 1:
            f.append("EOS")
        out.append(f)
    return out
