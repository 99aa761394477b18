"""A numpy decoder over the committed CRF's weights: pycrfsuite's tags and marginals, several times faster.

pycrfsuite scores a token by summing the weights of the ~100 feature strings
``sentence_features`` builds for it. Here the weights are read once from the
model file, and the features that depend on a word alone (its own, and the
ones each neighbour borrows at offsets -2..+2) are summed once per distinct
word and kept as rows of a table; a token's label scores are then five cached
rows plus the few context features (punctuation gaps, gazetteer marks,
document evidence, word bigrams, sentence ends). Viterbi and forward-backward
run over all sentences of a document at once. The sums are the same as
pycrfsuite's up to floating-point order (tests compare the tags).
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from rasd.entities.features import Reading, marks_from_candidates
from rasd.entities.wordrows import GazCands, WordInfo, WordRows

Words = Sequence[tuple[str, tuple[Reading, ...] | None]]
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
_OFFSETS = (-2, -1, 1, 2)
# distinct words kept before the table starts afresh (about 400 bytes each)
MAX_WORDS = 50_000
# sentences x longest sentence decoded in one padded batch (a few MB of arrays; a news article needs about 600)
MAX_CELLS = 20_000


@dataclass(frozen=True)
class Weights:
    """A CRF's labels, attribute index, state weights (attribute x label) and transitions (label x label)."""

    labels: tuple[str, ...]
    attrs: dict[str, int]
    state: np.ndarray
    trans: np.ndarray


def _cqdb(buf: bytes, off: int) -> list[str]:
    """The strings of a CQDB chunk (crfsuite's string <-> id table), in id order."""
    magic, _, _, _, n, bwd = struct.unpack_from("<4sIIIII", buf, off)
    if magic != b"CQDB":
        raise ValueError(f"model file: no CQDB chunk at {off}")
    out: list[str] = []
    for i in range(n):
        (rec,) = struct.unpack_from("<I", buf, off + bwd + 4 * i)
        val, size = struct.unpack_from("<iI", buf, off + rec)
        if val != i or size == 0:
            raise ValueError(f"model file: bad CQDB record {i}")
        out.append(buf[off + rec + 8 : off + rec + 7 + size].decode("utf-8"))
    return out


def read_weights(path: Path) -> Weights:
    """The exact (binary, unrounded) weights of a crfsuite CRF1d model file."""
    buf = path.read_bytes()
    magic, _, kind, _, _, n_labels, n_attrs, off_feat, off_labels, off_attrs, _, _ = struct.unpack_from("<4sI4s9I", buf, 0)
    if magic != b"lCRF" or kind != b"FOMC":
        raise ValueError(f"{path.name}: not a crfsuite CRF1d model")
    chunk, _, n_feat = struct.unpack_from("<4sII", buf, off_feat)
    if chunk != b"FEAT":
        raise ValueError(f"{path.name}: no feature chunk")
    labels, attrs = _cqdb(buf, off_labels), _cqdb(buf, off_attrs)
    if len(labels) != n_labels or len(attrs) != n_attrs:
        raise ValueError(f"{path.name}: label or attribute count mismatch")
    rec = np.frombuffer(buf, dtype=_FEATURE, count=n_feat, offset=off_feat + 12)
    state = np.zeros((n_attrs, n_labels))
    trans = np.zeros((n_labels, n_labels))
    st, tr = rec[rec["type"] == 0], rec[rec["type"] == 1]
    if len(st) + len(tr) != n_feat:
        raise ValueError(f"{path.name}: unknown feature type")
    # each (attribute, label) and (label, label) pair is one feature, so plain assignment is exact
    state[st["src"], st["dst"]] = st["weight"]
    trans[tr["src"], tr["dst"]] = tr["weight"]
    return Weights(tuple(labels), {a: i for i, a in enumerate(attrs)}, state, trans)


class FastTagger:
    """Tags documents (lists of sentences of (norm, readings) words) with a CRF's weights."""

    def __init__(self, weights: Weights) -> None:
        self.w = weights
        self.labels = weights.labels
        self.o = self.labels.index("O")
        exp_trans = np.exp(weights.trans)
        self._mats = np.stack([exp_trans, exp_trans.T])
        self._trans_t = np.ascontiguousarray(weights.trans.T)
        a = weights.attrs
        # (word, next word) -> ids of "bg-=" (a feature of the second) and "bg+=" (of the first)
        self._bigrams: dict[tuple[str, str], tuple[int | None, int | None]] = {}
        for attr, i in a.items():
            if attr.startswith(("bg-=", "bg+=")):
                left, _, right = attr[4:].partition("|")
                m, p = self._bigrams.get((left, right), (None, None))
                self._bigrams[left, right] = (m, i) if attr[2] == "+" else (i, p)
        self._gp = {g: a[f"gp={g}"] for g in "qbco" if f"gp={g}" in a}
        self._gn = {g: a[f"gn={g}"] for g in "qbco" if f"gn={g}" in a}
        self._gz = {(d, f"{c}-{p}"): a[f"{d}:gz={c}-{p}"] for d in (-1, 0, 1)
                    for c in ("PER", "LOC", "ORG", "MISC") for p in "BI" if f"{d}:gz={c}-{p}" in a}
        self._ends = (a.get("BOS"), a.get("EOS"))
        self._words = WordRows(a)
        # the state weights with an all-zero row at the end (id ``_zero``)
        self._state = np.vstack([weights.state, np.zeros((1, len(self.labels)))])
        self._zero = len(weights.state)
        self._docf: dict[frozenset[str], tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]] = {}
        self.clear()

    def clear(self) -> None:
        """Forget the per-word table (row 0 stays all zeros: the neighbour beyond a sentence's end)."""
        n_lab = len(self.labels)
        # norm -> (readings, row) for a word's first readings; (norm, readings) -> row for any other readings
        self._index: dict[str, tuple[tuple[Reading, ...] | None, int]] = {}
        self._other: dict[tuple[str, tuple[Reading, ...] | None], int] = {}
        self._own = np.zeros((1024, n_lab))
        self._shift = [np.zeros((1024, n_lab)) for _ in _OFFSETS]
        self._info: list[tuple[tuple[str, ...], str | None, GazCands]] = [((), None, ())]

    def _rows(self, sents: Sequence[Words]) -> list[list[int]]:
        """Each word's row in the per-word tables, adding the words not seen before."""
        if len(self._info) + sum(map(len, sents)) > MAX_WORDS:
            self.clear()  # between documents only, so the rows of one document stay valid together
        index, other, info, word = self._index, self._other, self._info, self._words.info
        first = len(info)
        new: list[WordInfo] = []
        out: list[list[int]] = []
        for s in sents:
            row: list[int] = []
            for norm, readings in s:
                # the segmenter's readings of a word are one cached tuple: an identity check avoids hashing it
                hit = index.get(norm)
                if hit is not None and (hit[0] is readings or hit[0] == readings):
                    row.append(hit[1])
                    continue
                r = other.get((norm, readings))
                if r is None:
                    r = len(info)
                    if hit is None:
                        index[norm] = (readings, r)
                    else:
                        other[norm, readings] = r
                    wi = word(norm, readings)
                    info.append(wi[2:])
                    new.append(wi)
                row.append(r)
            out.append(row)
        if new:
            self._fill(first, new)
        return out

    def _fill(self, first: int, new: Sequence[WordInfo]) -> None:
        """Sum the weight rows of new words' features into the tables (rows ``first``...), in one pass."""
        end = first + len(new)
        if end > len(self._own):
            size = max(end, 2 * len(self._own))
            grow = lambda a: np.concatenate([a, np.zeros((size - len(a), a.shape[1]))])  # noqa: E731
            self._own = grow(self._own)
            self._shift = [grow(t) for t in self._shift]
        # every segment starts with the zero row, so none is empty (reduceat needs that) and sums start at 0.0
        zero = self._zero
        cols: list[int] = []
        starts: list[int] = []
        for own, shifted, *_ in new:
            for seg in (own, *shifted):
                starts.append(len(cols))
                cols.append(zero)
                cols.extend(seg)
        sums = np.add.reduceat(self._state[cols], starts, axis=0)
        self._own[first:end] = sums[0::5]
        for k, table in enumerate(self._shift, 1):
            table[first:end] = sums[k::5]

    def _docf_attrs(self, kinds: frozenset[str]) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
        """Attribute ids of a word's document-evidence features as seen from itself, the next word and the previous."""
        got = self._docf.get(kinds)
        if got is None:
            a = self.w.attrs
            fs = [f"d={k}" for k in sorted(kinds)]
            got = tuple(tuple(a[p + f] for f in fs if p + f in a) for p in ("", "-1:", "1:"))
            self._docf[kinds] = got
        return got

    def scores(self, sents: Sequence[Words], gaps: Sequence[Sequence[str]]) -> np.ndarray:
        """Label scores (tokens x labels) of a document's words, as pycrfsuite sums them from ``sentence_features``."""
        ids = self._rows(sents)
        info = self._info
        # document evidence (as doc_evidence): the kind of word each base form follows somewhere
        ev: dict[str, set[str]] = {}
        for row in ids:
            prev_kind = None
            for r in row:
                if prev_kind:
                    for b in info[r][0]:
                        ev.setdefault(b, set()).add(prev_kind)
                prev_kind = info[r][1]
        # the rows with two zero rows (id 0) around each sentence, so neighbours at -2..+2 are plain shifts
        padded = [0, 0]
        at: list[int] = []
        for row in ids:
            at.extend(range(len(padded), len(padded) + len(row)))
            padded.extend(row)
            padded += (0, 0)
        fp = np.array(padded, dtype=np.intp)
        idx = np.array(at, dtype=np.intp)
        e = self._own[fp[idx]]
        for d, table in zip(_OFFSETS, self._shift):
            e += table[fp[idx + d]]
        bos, eos = self._ends
        if bos is not None:
            e[fp[idx - 1] == 0] += self.w.state[bos]
        if eos is not None:
            e[fp[idx + 1] == 0] += self.w.state[eos]
        rows: list[int] = []
        cols: list[int] = []
        bigrams, gp, gn, gz = self._bigrams, self._gp, self._gn, self._gz
        docf: dict[int, tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]] | None] = {}
        base = 0
        for s, row, gs in zip(sents, ids, gaps):
            m = len(row)
            norms = [w for w, _ in s]
            for i, g in enumerate(gs):
                if g:
                    if g in gp:
                        rows.append(base + i)
                        cols.append(gp[g])
                    if i and g in gn:
                        rows.append(base + i - 1)
                        cols.append(gn[g])
            cands = [info[r][2] for r in row]
            if any(cands):
                for i, mark in enumerate(marks_from_candidates(norms, cands)):
                    if mark:
                        for d in (-1, 0, 1):
                            j = i - d
                            if 0 <= j < m and (d, mark) in gz:
                                rows.append(base + j)
                                cols.append(gz[d, mark])
            if ev:
                for i, r in enumerate(row):
                    if r in docf:
                        got = docf[r]
                    else:
                        kinds: set[str] = set()
                        for b in info[r][0]:
                            if b in ev:
                                kinds |= ev[b]
                        got = docf[r] = self._docf_attrs(frozenset(kinds)) if kinds else None
                    if got:
                        own, left, right = got
                        rows.extend([base + i] * len(own))
                        cols.extend(own)
                        if i + 1 < m:
                            rows.extend([base + i + 1] * len(left))
                            cols.extend(left)
                        if i:
                            rows.extend([base + i - 1] * len(right))
                            cols.extend(right)
            for i, key in enumerate(zip(norms, norms[1:]), base + 1):
                hit = bigrams.get(key)
                if hit is not None:
                    if hit[0] is not None:
                        rows.append(i)
                        cols.append(hit[0])
                    if hit[1] is not None:
                        rows.append(i - 1)
                        cols.append(hit[1])
            base += m
        if rows:
            np.add.at(e, np.array(rows, dtype=np.intp), self.w.state[np.array(cols, dtype=np.intp)])
        return e

    def decode(self, e: np.ndarray, lens: Sequence[int]) -> tuple[list[int], np.ndarray]:
        """Viterbi label ids and the marginal probability of every label, for sentences of ``lens`` tokens whose scores are stacked in ``e``."""
        n_sent, width, n_lab = len(lens), max(lens), len(self.labels)
        ln = np.asarray(lens, dtype=np.intp)
        sent = np.repeat(np.arange(n_sent), ln)
        pos = np.arange(len(e)) - np.repeat(np.cumsum(ln) - ln, ln)
        rev = np.repeat(ln, ln) - 1 - pos
        # padded (position, sentence, label) layout: all sentences advance one step at a time together
        pad = np.zeros((width, n_sent, n_lab))
        pad[pos, sent] = e
        delta = np.empty_like(pad)
        back = np.zeros((width, n_sent, n_lab), dtype=np.intp)
        # cand[s, j, i]: best score ending in label i at t-1, then label j at t; the max is read at the
        # argmax through flat indices (a max reduction over 9 values costs more than the argmax here)
        cand = np.empty((n_sent, n_lab, n_lab))
        flat = cand.reshape(-1)
        rows = np.arange(n_sent * n_lab) * n_lab
        trans_t = self._trans_t
        delta[0] = pad[0]
        prev = delta[:, :, None, :]
        for t in range(1, width):
            np.add(prev[t - 1], trans_t, out=cand)
            bt = back[t]
            cand.argmax(axis=2, out=bt)
            np.add(flat[rows + bt.reshape(-1)].reshape(n_sent, n_lab), pad[t], out=delta[t])
        final = delta[ln - 1, np.arange(n_sent)].argmax(axis=1).tolist()
        # back-pointers as one flat list (a nested one costs a list object per step and sentence)
        back_l = back.reshape(-1).tolist()
        step = n_sent * n_lab
        best: list[int] = []
        for s, (y, n) in enumerate(zip(final, lens)):
            path = [y] * n
            at = s * n_lab
            for t in range(n - 1, 0, -1):
                y = path[t - 1] = back_l[t * step + at + y]
            best.extend(path)
        # forward-backward in scaled probability space, as crfsuite computes its marginals. The forward
        # pass runs over the sentences left-aligned and the backward pass over them reversed, side by
        # side: both are x <- (x @ M) * exp(score) with M the transitions (forward) or their transpose.
        ex = np.exp(e - e.max(axis=1, keepdims=True))
        xs = np.ones((width, 2, n_sent, n_lab))
        xs[pos, 0, sent] = ex
        xs[rev, 1, sent] = ex
        mats = self._mats
        out = np.empty_like(xs)
        x = xs[0] / xs[0].sum(axis=2, keepdims=True)
        out[0] = x
        for t in range(1, width):
            x = np.matmul(x, mats)
            x *= xs[t]
            if t % 8 == 0:
                # rescaled now and then only: over 8 steps the values stay far inside float range
                x /= x.sum(axis=2, keepdims=True)
            out[t] = x
        # beta at a position is (exp(score) * beta) of the next one, times the transposed transitions
        nxt = rev - 1
        beta = out[np.maximum(nxt, 0), 1, sent] @ mats[1]
        beta[nxt < 0] = 1.0
        marg = out[pos, 0, sent] * beta
        marg /= marg.sum(axis=1, keepdims=True)
        return best, marg

    def tag(self, sents: Sequence[Words], gaps: Sequence[Sequence[str]]) -> tuple[list[list[str]], list[list[float]]]:
        """BIO tags of a document's sentences and, per token, the marginal of its tag (for O, 1 - P(O))."""
        lens = [len(s) for s in sents]
        keep = [i for i, k in enumerate(lens) if k]
        tags: list[list[str]] = [[] for _ in sents]
        conf: list[list[float]] = [[] for _ in sents]
        if not keep:
            return tags, conf
        e = self.scores([sents[i] for i in keep], [gaps[i] for i in keep])
        starts = dict(zip(keep, np.cumsum([0] + [lens[i] for i in keep]).tolist()))
        for batch in _batches(keep, lens):
            sub = e if len(batch) == len(keep) else np.concatenate([e[starts[i] : starts[i] + lens[i]] for i in batch])
            best, marg = self.decode(sub, [lens[i] for i in batch])
            ids = np.array(best, dtype=np.intp)
            chosen = marg[np.arange(len(best)), ids]
            p = np.where(ids == self.o, 1.0 - chosen, chosen).tolist()
            labels = [self.labels[k] for k in best]
            start = 0
            for i in batch:
                tags[i] = labels[start : start + lens[i]]
                conf[i] = p[start : start + lens[i]]
                start += lens[i]
        return tags, conf


def _batches(keep: list[int], lens: Sequence[int]) -> list[list[int]]:
    """The sentences decoded together: all of them, unless padding to the longest would exceed ``MAX_CELLS``."""
    if len(keep) * max(lens[i] for i in keep) <= MAX_CELLS:
        return [keep]
    out: list[list[int]] = []
    cur: list[int] = []
    for i in sorted(keep, key=lambda k: lens[k]):
        if cur and (len(cur) + 1) * lens[i] > MAX_CELLS:
            out.append(cur)
            cur = []
        cur.append(i)
    return out + [cur]


@lru_cache(maxsize=1)
def fast_tagger() -> FastTagger:
    """The fast tagger over the committed model (checked against its card like ``model.tagger``)."""
    from rasd.entities.model import MODEL, verified

    return FastTagger(read_weights(verified(MODEL)))
