"""Word vectors: what a language model's embedding learned about its words (the book's chapters 2-4).

Each row of the embedding matrix W (V, D) is the vector the model reads a word through (with tied
weights, also the output layer's weights of that word). Pure NumPy, run on the training side:

- ``nearest``: the words whose vectors point the same way, by cosine similarity (the book's
  ``most_similar``);
- ``analogy``: the words nearest to a - b + c of the unit vectors (the book's ``analogy``, e.g.
  king - man + woman, or buy - bought + sold in PTB);
- ``pca_map``: the vectors of the most frequent words projected on their first two principal
  components, oriented like the previous map so that it does not flip while training goes on;
- ``answer``: all three for one query of the window (plain data), ``lookup`` for a typed word.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

TOP = 10  # neighbours listed
MAP_WORDS = 300  # words on the map
MAP_SKIP = ("<unk>",)  # stands for many words: no place of its own on the map


def unit_rows(W: np.ndarray) -> np.ndarray:
    """W's rows scaled to length 1 (float64; an all-zero row stays zero)."""
    W = np.asarray(W, dtype=np.float64)
    norms = np.linalg.norm(W, axis=1, keepdims=True)
    return W / np.maximum(norms, 1e-12)


def lookup(tokens: Sequence[str], index: dict[str, int], word: str) -> int | None:
    """The id of ``word``, or of its lower-case form (PTB is lower-case), else None."""
    word = word.strip()
    if word in index:
        return index[word]
    return index.get(word.lower())


def ranked(scores: np.ndarray, tokens: Sequence[str], k: int, exclude: Sequence[int] = ()) -> list[tuple[str, float]]:
    """The ``k`` highest ``scores`` (V,) as (token, score), best first, leaving out the ids ``exclude``."""
    scores = np.array(scores, dtype=np.float64)
    scores[list(exclude)] = -np.inf
    scores[~np.isfinite(scores)] = -np.inf
    k = min(k, int(np.isfinite(scores).sum()))
    if k <= 0:
        return []
    top = np.argpartition(-scores, k - 1)[:k]
    top = top[np.lexsort((top, -scores[top]))]  # best first; ties by id
    return [(tokens[int(i)], float(scores[i])) for i in top]


def nearest(W: np.ndarray, tokens: Sequence[str], word_id: int, k: int = TOP) -> list[tuple[str, float]]:
    """The ``k`` words most similar to word ``word_id`` by cosine similarity (itself left out)."""
    U = unit_rows(W)
    return ranked(U @ U[word_id], tokens, k, exclude=[word_id])


def analogy(W: np.ndarray, tokens: Sequence[str], a: int, b: int, c: int, k: int = TOP) -> list[tuple[str, float]]:
    """The ``k`` words nearest (cosine) to a - b + c of the unit vectors, a, b and c left out."""
    U = unit_rows(W)
    query = U[a] - U[b] + U[c]
    norm = np.linalg.norm(query)
    if norm < 1e-12:
        return []
    return ranked(U @ (query / norm), tokens, k, exclude=[a, b, c])


def frequent(counts: np.ndarray, tokens: Sequence[str], n: int = MAP_WORDS, skip: Sequence[str] = MAP_SKIP) -> np.ndarray:
    """Ids of the ``n`` most frequent tokens (by ``counts`` (V,)), most frequent first, ``skip`` left out."""
    counts = np.asarray(counts, dtype=np.float64).copy()
    for token in skip:
        if token in tokens:
            counts[list(tokens).index(token)] = -1
    order = np.lexsort((np.arange(counts.size), -counts))
    return order[counts[order] >= 0][:n]


def pca_map(W: np.ndarray, ids: np.ndarray, previous: np.ndarray | None = None
            ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The rows ``ids`` of W projected on their first two principal components.

    Returns ``(xy (n, 2) float32, explained (2,): the share of the variance along each axis, basis
    (D, 2))``. ``previous`` (D, 2), the basis of the last map: each new axis is oriented (and the two
    swapped, when their variances cross) to follow it, so the map moves smoothly as training goes on.
    """
    X = np.asarray(W, dtype=np.float64)[ids]
    X = X - X.mean(axis=0)
    _, s, Vt = np.linalg.svd(X, full_matrices=False)
    basis = Vt[:2].T.copy()
    if basis.shape[1] < 2:  # a single word or a 1-D embedding: a second axis of zeros
        basis = np.pad(basis, ((0, 0), (0, 2 - basis.shape[1])))
        s = np.pad(s, (0, 2))
    var = s**2
    explained = var[:2] / var.sum() if var.sum() > 0 else np.zeros(2)
    if previous is not None and previous.shape == basis.shape:
        overlap = previous.T @ basis  # (2, 2): how the old axes line up with the new ones
        if abs(overlap[0, 1]) + abs(overlap[1, 0]) > abs(overlap[0, 0]) + abs(overlap[1, 1]):
            basis, explained = basis[:, ::-1].copy(), explained[::-1].copy()
            overlap = previous.T @ basis
        basis *= np.where(np.diag(overlap) < 0, -1.0, 1.0)
    else:  # a first map: the heavier tail of each axis on its positive side
        basis *= np.where(((X @ basis) ** 3).sum(axis=0) < 0, -1.0, 1.0)
    return (X @ basis).astype(np.float32), explained.astype(np.float32), basis


def answer(W: np.ndarray, tokens: Sequence[str], counts: np.ndarray, query: dict[str, Any],
           previous: np.ndarray | None = None) -> dict[str, Any]:
    """One query of the Word vectors view, as plain data.

    ``query``: {"word": str (may be ""), "analogy": [a, b, c] or None, "k": neighbours (default 10),
    "map": bool (default True), "map_words": words on the map (default 300)}. Returns::

        {"word": the word looked up or "", "nearest": [(token, cosine)] * k,
         "analogy": [a, b, c] as looked up, or None, "analogy_result": [(token, cosine)] * k,
         "unknown": words of the query not in the vocabulary,
         "map": {"words": [str] * n, "xy": (n, 2) float32, "explained": (2,), "basis": (D, 2),
                 "extra": {word: (x, y)}} or None}

    ("extra": the query's words and neighbours projected onto the same map, where they are not on it).
    """
    index = {t: i for i, t in enumerate(tokens)}
    k = int(query.get("k") or TOP)
    out: dict[str, Any] = {"word": "", "nearest": [], "analogy": None, "analogy_result": [], "unknown": [],
                           "map": None}
    word = str(query.get("word") or "").strip()
    shown: list[int] = []
    if word:
        i = lookup(tokens, index, word)
        if i is None:
            out["unknown"].append(word)
        else:
            out["word"] = tokens[i]
            out["nearest"] = nearest(W, tokens, i, k)
            shown += [i] + [index[t] for t, _ in out["nearest"]]
    words = [str(w or "").strip() for w in (query.get("analogy") or [])]
    if len(words) == 3 and all(words):
        ids = [lookup(tokens, index, w) for w in words]
        out["unknown"] += [w for w, i in zip(words, ids) if i is None]
        if None not in ids:
            out["analogy"] = [tokens[i] for i in ids]
            out["analogy_result"] = analogy(W, tokens, *ids, k=k)
            shown += ids + [index[t] for t, _ in out["analogy_result"][:1]]
    if query.get("map", True):
        ids = frequent(counts, tokens, int(query.get("map_words") or MAP_WORDS))
        if ids.size:
            xy, explained, basis = pca_map(W, ids, previous)
            on_map = set(ids.tolist())
            extra_ids = [i for i in dict.fromkeys(shown) if i not in on_map]
            mean = np.asarray(W, dtype=np.float64)[ids].mean(axis=0)
            extra_xy = (np.asarray(W, dtype=np.float64)[extra_ids] - mean) @ basis if extra_ids else np.zeros((0, 2))
            out["map"] = {"words": [tokens[i] for i in ids], "xy": xy, "explained": explained, "basis": basis,
                          "extra": {tokens[i]: (float(x), float(y)) for i, (x, y) in zip(extra_ids, extra_xy)}}
    return out
