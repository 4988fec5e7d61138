"""k-means from scratch against scikit-learn, and the monotone-objective argument checked step by step."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score

import k_means_clustering as km


def blobs(
    seed: int, n_per: int = 60, k: int = 4, d: int = 2, spread: float = 1.0, gap: float = 6.0
) -> np.ndarray:
    """k Gaussian blobs with random centres on a grid of size gap; deterministic given the seed."""
    rng = np.random.default_rng(seed)
    centres = rng.uniform(-gap, gap, size=(k, d))
    return np.vstack([c + spread * rng.normal(size=(n_per, d)) for c in centres])


@pytest.mark.parametrize("seed, k, d", [(0, 3, 2), (1, 4, 2), (2, 5, 3), (3, 4, 5)])
def test_lloyd_matches_sklearn_from_the_same_initial_centroids(seed: int, k: int, d: int) -> None:
    X = blobs(seed, k=k, d=d)
    rng = np.random.default_rng(100 + seed)
    C0 = X[rng.choice(len(X), size=k, replace=False)]
    C, z, history = km.lloyd(X, C0)
    assert len(np.unique(z)) == k                 # no empty cluster, so no relocation in sklearn either

    ref = KMeans(n_clusters=k, init=C0, n_init=1, algorithm="lloyd", tol=0.0, max_iter=300).fit(X)
    np.testing.assert_array_equal(z, ref.labels_)
    np.testing.assert_allclose(C, ref.cluster_centers_, rtol=1e-10, atol=1e-10)
    assert history[-1] == pytest.approx(ref.inertia_, rel=1e-10)


def test_neither_half_step_increases_the_objective() -> None:
    X = blobs(5, k=5, spread=2.0, gap=4.0)        # overlapping blobs, so many iterations
    rng = np.random.default_rng(0)
    C = X[rng.choice(len(X), size=5, replace=False)].astype(float)
    z = km.assign(X, C)
    steps = 0
    while True:
        before = km.inertia(X, C, z)
        C = km.update(X, z, C)
        after_update = km.inertia(X, C, z)
        z_new = km.assign(X, C)
        after_assign = km.inertia(X, C, z_new)
        assert after_update <= before + 1e-9
        assert after_assign <= after_update + 1e-9
        steps += 1
        if np.array_equal(z_new, z):
            break
        z = z_new
    assert steps > 3                              # the check ran over a real trajectory


def test_update_step_is_the_exact_minimiser_for_fixed_labels() -> None:
    X = blobs(6)
    z = km.assign(X, X[:4].astype(float))
    C_star = km.update(X, z, X[:4].astype(float))
    best = km.inertia(X, C_star, z)
    rng = np.random.default_rng(1)
    for _ in range(200):                          # any perturbation of the means costs n_j * ||delta||^2
        delta = rng.normal(scale=0.1, size=C_star.shape)
        extra = float((np.bincount(z, minlength=4)[:, None] * delta**2).sum())
        assert km.inertia(X, C_star + delta, z) == pytest.approx(best + extra, rel=1e-9)


def test_lloyd_from_kmeans_pp_is_monotone_and_stops_at_a_fixed_point() -> None:
    X = blobs(7, k=6, spread=1.5, gap=5.0)
    rng = np.random.default_rng(7)
    C, z, history = km.lloyd(X, km.kmeans_pp(X, 6, rng))
    assert np.all(np.diff(history) <= 1e-9)
    np.testing.assert_array_equal(km.assign(X, C), z)        # labels are nearest-centroid labels
    np.testing.assert_allclose(km.update(X, z, C), C)        # centroids are the cluster means


def test_kmeans_pp_returns_distinct_data_points() -> None:
    X = blobs(8)
    C = km.kmeans_pp(X, 8, np.random.default_rng(0))
    rows = [int(np.flatnonzero((X == c).all(axis=1))[0]) for c in C]
    assert len(set(rows)) == 8


def test_kmeans_pp_with_k_equal_n_picks_every_point_once() -> None:
    X = blobs(9, n_per=5)                         # 20 distinct points
    C = km.kmeans_pp(X, len(X), np.random.default_rng(3))
    got = sorted(map(tuple, C))
    want = sorted(map(tuple, X))
    assert got == want                            # a chosen point has D(x)^2 = 0 and is never redrawn


def test_kmeans_pp_puts_one_seed_in_each_far_apart_blob() -> None:
    centres = np.array([[0.0, 0.0], [100.0, 0.0], [0.0, 100.0], [100.0, 100.0]])
    rng = np.random.default_rng(11)
    X = np.vstack([c + rng.normal(size=(50, 2)) for c in centres])
    for seed in range(20):
        C = km.kmeans_pp(X, 4, np.random.default_rng(seed))
        nearest_blob = km.assign(C, centres)
        assert sorted(nearest_blob) == [0, 1, 2, 3]


def test_best_of_restarts_reaches_sklearn_inertia() -> None:
    X = blobs(12, k=5, spread=1.2, gap=6.0)
    C, z, J = km.kmeans(X, 5, np.random.default_rng(0), n_init=10)
    ref = KMeans(n_clusters=5, n_init=10, random_state=0).fit(X)
    assert J == pytest.approx(ref.inertia_, rel=1e-6)


@pytest.mark.parametrize("k", [2, 3, 5])
def test_silhouette_matches_sklearn(k: int) -> None:
    X = blobs(13, k=4, spread=1.5)
    z = km.assign(X, X[np.random.default_rng(k).choice(len(X), k, replace=False)])
    assert km.silhouette(X, z) == pytest.approx(silhouette_score(X, z), rel=1e-10)


def test_silhouette_handles_a_singleton_cluster_like_sklearn() -> None:
    X = np.vstack([blobs(14, k=2), [[50.0, 50.0]]])
    z = np.r_[np.zeros(60, int), np.ones(60, int), [2]]
    assert km.silhouette(X, z) == pytest.approx(silhouette_score(X, z), rel=1e-10)
