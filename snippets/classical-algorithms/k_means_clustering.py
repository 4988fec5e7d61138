"""k-means from scratch: Lloyd's two alternating steps, k-means++ seeding, restarts, and the silhouette.

The objective is the within-cluster sum of squares J(z, mu) = sum_i ||x_i - mu[z_i]||^2. The assignment
step minimises J over the labels z with the centroids mu fixed; the update step minimises it over mu
with z fixed. Neither step can raise J, which is why the loop stops.
"""

from __future__ import annotations

import numpy as np


# --8<-- [start:lloyd]
def assign(X: np.ndarray, mu: np.ndarray) -> np.ndarray:
    """Label of the nearest centroid for every row of X: the best z for fixed mu."""
    d2 = ((X[:, None, :] - mu[None, :, :]) ** 2).sum(axis=2)   # (n, k) squared distances
    return d2.argmin(axis=1)


def update(X: np.ndarray, z: np.ndarray, mu: np.ndarray) -> np.ndarray:
    """Mean of each cluster: the best mu for fixed z. An empty cluster keeps its old centroid."""
    mu_new = mu.copy()
    for j in range(len(mu)):
        members = X[z == j]
        if len(members) > 0:
            mu_new[j] = members.mean(axis=0)
    return mu_new


def inertia(X: np.ndarray, mu: np.ndarray, z: np.ndarray) -> float:
    """Within-cluster sum of squares J(z, mu)."""
    return float(((X - mu[z]) ** 2).sum())


def lloyd(
    X: np.ndarray, mu: np.ndarray, max_iter: int = 300
) -> tuple[np.ndarray, np.ndarray, list[float]]:
    """Alternate assignment and update from the initial centroids mu until no label changes.

    Returns the final centroids, the labels and J after every assignment step.
    """
    mu = np.asarray(mu, dtype=float).copy()
    z = assign(X, mu)
    history = [inertia(X, mu, z)]
    for _ in range(max_iter):
        mu = update(X, z, mu)
        z_new = assign(X, mu)
        history.append(inertia(X, mu, z_new))
        if np.array_equal(z_new, z):      # labels stable, so mu is already the mean of each cluster
            break
        z = z_new
    return mu, z, history
# --8<-- [end:lloyd]


# --8<-- [start:seeding]
def kmeans_pp(X: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """k-means++: first centroid uniform, each next one a data point drawn with prob. proportional
    to its squared distance D(x)^2 to the nearest centroid chosen so far. Spreads the seeds out."""
    n = len(X)
    mu = [X[rng.integers(n)]]
    D2 = ((X - mu[0]) ** 2).sum(axis=1)
    for _ in range(1, k):
        i = rng.choice(n, p=D2 / D2.sum())
        mu.append(X[i])
        D2 = np.minimum(D2, ((X - X[i]) ** 2).sum(axis=1))
    return np.array(mu, dtype=float)


def kmeans(
    X: np.ndarray, k: int, rng: np.random.Generator, n_init: int = 10
) -> tuple[np.ndarray, np.ndarray, float]:
    """Best of n_init runs of Lloyd from k-means++ seeds, judged by inertia."""
    best = None
    for _ in range(n_init):
        mu, z, history = lloyd(X, kmeans_pp(X, k, rng))
        if best is None or history[-1] < best[2]:
            best = (mu, z, history[-1])
    return best
# --8<-- [end:seeding]


# --8<-- [start:silhouette]
def silhouette(X: np.ndarray, z: np.ndarray) -> float:
    """Mean silhouette s_i = (b_i - a_i) / max(a_i, b_i): a_i is the mean distance to the other members
    of i's cluster, b_i the mean distance to the nearest other cluster. Needs at least 2 clusters."""
    D = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2))
    labels, own = np.unique(z, return_inverse=True)
    size = np.bincount(own)
    M = np.stack([D[:, own == c].sum(axis=1) for c in range(len(labels))], axis=1)  # (n, K) sums
    rows = np.arange(len(X))
    with np.errstate(invalid="ignore", divide="ignore"):
        a = M[rows, own] / (size[own] - 1)          # the distance to itself is 0, so divide by n_c - 1
        M = M / size
        M[rows, own] = np.inf
        b = M.min(axis=1)
        s = (b - a) / np.maximum(a, b)
    s[size[own] == 1] = 0.0                         # convention for singleton clusters
    return float(s.mean())
# --8<-- [end:silhouette]
