"""Clustering scores from scratch: internal (silhouette, Davies-Bouldin, Calinski-Harabasz) and external
(adjusted Rand index, purity).

X is an (n, d) array of points; labels holds one cluster id per point, with at least two clusters.
Internal scores use Euclidean geometry only; external scores compare two labelings and ignore X.
"""

from __future__ import annotations

import numpy as np


# --8<-- [start:silhouette]
def silhouette_samples(X: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """s_i = (b_i - a_i) / max(a_i, b_i) per point; 0 for a point alone in its cluster.

    a_i: mean distance to the other members of its own cluster; b_i: mean distance to the members of
    the nearest other cluster. Needs all pairwise distances, so O(n^2) time and memory.
    """
    D = np.linalg.norm(X[:, None, :] - X[None, :, :], axis=-1)
    ks = np.unique(labels)
    onehot = labels[:, None] == ks[None, :]                  # (n, K) membership
    sizes = onehot.sum(axis=0)
    mean_to = (D @ onehot) / sizes                           # mean distance from i to each cluster
    own = np.argmax(onehot, axis=1)
    n_own = sizes[own]
    a = mean_to[np.arange(len(X)), own] * n_own / np.maximum(n_own - 1, 1)   # exclude d(i, i) = 0
    mean_to[np.arange(len(X)), own] = np.inf
    b = mean_to.min(axis=1)
    s = (b - a) / np.maximum(a, b)
    return np.where(n_own > 1, s, 0.0)
# --8<-- [end:silhouette]


# --8<-- [start:db_ch]
def davies_bouldin(X: np.ndarray, labels: np.ndarray) -> float:
    """Mean over clusters of the worst (s_i + s_j) / d(c_i, c_j); lower is better.

    s_i is the mean distance of cluster i's points to its centroid c_i.
    """
    ks = np.unique(labels)
    C = np.array([X[labels == k].mean(axis=0) for k in ks])
    s = np.array([np.linalg.norm(X[labels == k] - c, axis=1).mean() for k, c in zip(ks, C)])
    d = np.linalg.norm(C[:, None] - C[None, :], axis=-1)
    np.fill_diagonal(d, np.inf)                               # a cluster is not its own rival
    R = (s[:, None] + s[None, :]) / d
    return float(R.max(axis=1).mean())


def calinski_harabasz(X: np.ndarray, labels: np.ndarray) -> float:
    """[tr(B) / (K - 1)] / [tr(W) / (n - K)]: between- over within-cluster dispersion; higher is better."""
    ks = np.unique(labels)
    n, K, mu = len(X), len(ks), X.mean(axis=0)
    B = sum(np.sum(labels == k) * np.sum((X[labels == k].mean(axis=0) - mu) ** 2) for k in ks)
    W = sum(np.sum((X[labels == k] - X[labels == k].mean(axis=0)) ** 2) for k in ks)
    return float((B / (K - 1)) / (W / (n - K)))
# --8<-- [end:db_ch]


# --8<-- [start:external]
def contingency(u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """n_ij = number of points in cluster i of u and cluster j of v."""
    _, ui = np.unique(u, return_inverse=True)
    _, vi = np.unique(v, return_inverse=True)
    N = np.zeros((ui.max() + 1, vi.max() + 1), dtype=np.int64)
    np.add.at(N, (ui, vi), 1)
    return N


def adjusted_rand_index(u: np.ndarray, v: np.ndarray) -> float:
    """(index - expected) / (max - expected), counting pairs of points placed together."""
    N = contingency(u, v)
    pairs = lambda m: (m * (m - 1) // 2).sum()               # sum of C(m, 2)
    index = pairs(N)
    pu, pv, total = pairs(N.sum(axis=1)), pairs(N.sum(axis=0)), len(u) * (len(u) - 1) // 2
    expected = pu * pv / total
    maximum = (pu + pv) / 2
    if maximum == expected:                                   # both trivial partitions: perfect by convention
        return 1.0
    return float((index - expected) / (maximum - expected))


def purity(y: np.ndarray, labels: np.ndarray) -> float:
    """Share of points whose cluster's majority class is their own class."""
    return float(contingency(labels, y).max(axis=1).sum() / len(y))
# --8<-- [end:external]
