"""The fast decoder: the same features, tags and marginals as pycrfsuite over the committed model."""

from __future__ import annotations

import numpy as np
import pytest

from rasd.entities import _gaps, _sentences, tag_document
from rasd.entities.evaluate import read_conll
from rasd.entities.fast import fast_tagger, read_weights
from rasd.entities.features import _word, word_features
from rasd.entities.model import MODEL, tag_sentences, tagger
from rasd.pipeline import process_text
from rasd.segment.clitics import analyze
from tests.conftest import shared_path


def test_weights_are_read_exactly() -> None:
    w = read_weights(MODEL)
    info = tagger().info()
    assert w.labels == tuple(tagger().labels())
    assert len(w.attrs) == 39_325
    # the dump behind Tagger.info() rounds to 6 decimals; the binary weights agree to that
    assert w.state[w.attrs["b"], w.labels.index("O")] == pytest.approx(2.217504, abs=1e-6)
    for (attr, label), weight in list(info.state_features.items())[::500]:
        assert abs(w.state[w.attrs[attr], w.labels.index(label)] - weight) < 1e-6
    for (a, b), weight in info.transitions.items():
        assert abs(w.trans[w.labels.index(a), w.labels.index(b)] - weight) < 1e-6
    assert np.count_nonzero(w.state) == len(info.state_features)


@pytest.mark.parametrize("norm", ["بدمشق", "والرئيس", "بوتين", "الامم", "2021", "نيويورك", "وقال", "لها"])
def test_word_ids_match_the_feature_strings(norm: str) -> None:
    attrs = fast_tagger().w.attrs
    words = fast_tagger()._words
    for readings in (None, analyze(norm)):
        own_ids, shifted, bases, kind, _ = words.info(norm, readings)
        own, share = word_features(norm, readings)
        assert own_ids == [attrs[f] for f in ("b", *own) if f in attrs]
        for d, ids in zip((-2, -1, 1, 2), shifted):
            assert ids == [attrs[f"{d}:{x}"] for x in share if f"{d}:{x}" in attrs]
        _, _, want_bases, want_kind = _word(norm, readings)
        assert (bases, kind) == (want_bases, want_kind)


def test_same_tags_as_pycrfsuite_on_anercorp() -> None:
    sents = [[w for w, _ in s] for s in read_conll(shared_path("data", "anercorp", "test.txt"))[:300]]
    assert sum(map(len, sents)) > 7000
    assert tag_sentences(sents) == tag_sentences(sents, model=tagger())


def test_same_tags_and_marginals_on_the_seed_article(seed_raw: str) -> None:
    doc = process_text(seed_raw, date="2021-07-02", stages=["clean", "segment"])
    sents = _sentences(doc.tokens)
    words = [[(t.norm, t.readings or None) for t in s] for s in sents]
    gaps = [_gaps(doc, s) for s in sents]
    fast_tags, fast_conf = tag_document(words, gaps)
    ref_tags, ref_conf = tag_document(words, gaps, crf=tagger())
    assert fast_tags == ref_tags
    assert sum(t != "O" for s in fast_tags for t in s) >= 40
    assert np.allclose(np.concatenate(fast_conf), np.concatenate(ref_conf), rtol=0, atol=1e-9)


def test_long_documents_are_decoded_in_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    import rasd.entities.fast as fast

    sents = [[w for w, _ in s] for s in read_conll(shared_path("data", "anercorp", "test.txt"))[:60]]
    whole = tag_sentences(sents)
    monkeypatch.setattr(fast, "MAX_CELLS", 100)
    assert len(fast._batches(list(range(20)), [len(s) for s in sents[:20]])) > 3
    assert tag_sentences(sents) == whole
