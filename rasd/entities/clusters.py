"""Build distributional word clusters from the text of public corpora (used only by scripts/train_ner.py).

Each frequent word is described by the words seen just before and just after
it (positive PMI), reduced by SVD, and clustered by k-means at three
granularities; ``clusters.tsv`` maps word -> "k64|k256|k1024" ids. Words that
share a cluster behave alike (place names, given names, months...), which lets
the tagger generalise past the words it was trained on.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from rasd.text.normalize import normalize_text

_WORD = re.compile(r"\w+")
SIZES = (64, 256, 1024)


def _sentences(conlls: list[Path]) -> Iterator[list[str]]:
    """Normalised word sequences of `token TAG` files' text (the tags are not read)."""
    for conll in conlls:
        words: list[str] = []
        for line in conll.read_text(encoding="utf-8-sig", errors="replace").splitlines():
            parts = line.split()
            if len(parts) >= 2:
                words.extend(_WORD.findall(normalize_text(parts[0])))
            elif words:
                yield words
                words = []
        if words:
            yield words


def build_clusters(conlls: list[Path], out: Path, min_count: int = 3, n_ctx: int = 8000, dim: int = 100) -> None:
    """Write ``out`` (word TAB cluster ids) from the texts named."""
    from scipy import sparse
    from sklearn.cluster import MiniBatchKMeans
    from sklearn.utils.extmath import randomized_svd

    sents = list(_sentences(conlls))
    counts = Counter(w for s in sents for w in s)
    vocab = [w for w, c in counts.most_common() if c >= min_count and not w.isdigit()]
    index = {w: i for i, w in enumerate(vocab)}
    ctx = {w: i for i, w in enumerate(vocab[:n_ctx])}
    rows, cols = [], []
    for s in sents:
        ids = [index.get(w, -1) for w in s]
        cids = [ctx.get(w, -1) for w in s]
        for k, i in enumerate(ids):
            if i < 0:
                continue
            if k > 0 and cids[k - 1] >= 0:
                rows.append(i)
                cols.append(cids[k - 1])
            if k + 1 < len(s) and cids[k + 1] >= 0:
                rows.append(i)
                cols.append(n_ctx + cids[k + 1])
    m = sparse.coo_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(vocab), 2 * n_ctx)).tocsr()
    m.sum_duplicates()
    total = m.sum()
    row_sum = np.asarray(m.sum(axis=1)).ravel() + 1e-9
    col_sum = np.asarray(m.sum(axis=0)).ravel() ** 0.75
    col_sum = col_sum / col_sum.sum() * total + 1e-9  # context smoothing (alpha 0.75)
    m = m.tocoo()
    pmi = np.log(m.data * total / (row_sum[m.row] * col_sum[m.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape)
    u, s, _ = randomized_svd(ppmi, dim, random_state=0)
    vec = u * np.sqrt(s)
    vec /= np.linalg.norm(vec, axis=1, keepdims=True) + 1e-9
    labels = [MiniBatchKMeans(k, random_state=0, n_init=3, batch_size=4096).fit_predict(vec) for k in SIZES]
    header = f"# word clusters ({'/'.join(map(str, SIZES))} k-means over PPMI-SVD vectors) of unlabelled news; built by scripts/train_ner.py --clusters"
    lines = [f"{w}\t{'|'.join(str(lab[i]) for lab in labels)}" for i, w in enumerate(vocab)]
    out.write_text(header + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"clusters.tsv: {len(vocab)} words")
