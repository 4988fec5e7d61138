"""The from-scratch clustering scores agree with scikit-learn on random data and on the page's examples."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn import metrics
from sklearn.cluster import DBSCAN, KMeans
from sklearn.datasets import make_blobs, make_moons
from threadpoolctl import threadpool_limits

from clustering_evaluation_metrics import (adjusted_rand_index, calinski_harabasz, davies_bouldin, purity,
                                           silhouette_samples)


def random_clustering(seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(int(rng.integers(20, 80)), int(rng.integers(1, 5))))
    K = int(rng.integers(2, 6))
    labels = rng.integers(0, K, size=len(X))
    labels[:K] = np.arange(K)                 # every cluster non-empty
    return X, labels


@pytest.mark.parametrize("seed", range(15))
def test_internal_scores_match_sklearn(seed: int) -> None:
    X, labels = random_clustering(seed)
    assert silhouette_samples(X, labels) == pytest.approx(metrics.silhouette_samples(X, labels))
    assert davies_bouldin(X, labels) == pytest.approx(metrics.davies_bouldin_score(X, labels))
    assert calinski_harabasz(X, labels) == pytest.approx(metrics.calinski_harabasz_score(X, labels))


def test_singleton_cluster_gets_silhouette_zero_like_sklearn() -> None:
    X = np.array([[0.0], [0.1], [0.2], [5.0], [5.1], [9.0]])
    labels = np.array([0, 0, 0, 1, 1, 2])
    s = silhouette_samples(X, labels)
    assert s[-1] == 0.0
    assert s == pytest.approx(metrics.silhouette_samples(X, labels))


@pytest.mark.parametrize("seed", range(15))
def test_ari_matches_sklearn(seed: int) -> None:
    rng = np.random.default_rng(50 + seed)
    n = int(rng.integers(5, 200))
    u = rng.integers(0, int(rng.integers(1, 6)), size=n)
    v = np.where(rng.random(n) < 0.5, u, rng.integers(0, 4, size=n))   # partly agreeing labelings
    assert adjusted_rand_index(u, v) == pytest.approx(metrics.adjusted_rand_score(u, v))


def test_ari_is_one_for_renamed_labels_and_near_zero_for_random_ones() -> None:
    rng = np.random.default_rng(7)
    u = rng.integers(0, 5, size=2000)
    assert adjusted_rand_index(u, (u + 3) % 5) == pytest.approx(1.0)
    random = [adjusted_rand_index(u, rng.integers(0, 5, size=2000)) for _ in range(50)]
    assert abs(np.mean(random)) < 0.002


def test_purity_rewards_singletons_but_ari_does_not() -> None:
    """One cluster per point has purity 1 whatever the classes; ARI for it is 0."""
    rng = np.random.default_rng(8)
    y = rng.integers(0, 3, size=300)
    singletons = np.arange(300)
    assert purity(y, singletons) == 1.0
    assert adjusted_rand_index(y, singletons) == pytest.approx(0.0, abs=1e-12)
    assert purity(np.array([0, 0, 1, 1, 1, 2]), np.array([0, 0, 0, 1, 1, 1])) == pytest.approx(4 / 6)


def test_nmi_with_arithmetic_mean_is_v_measure() -> None:
    """The page's claim: NMI normalised by the arithmetic mean of the entropies equals the V-measure."""
    rng = np.random.default_rng(9)
    u, v = rng.integers(0, 4, size=500), rng.integers(0, 6, size=500)
    v[:250] = u[:250]
    nmi = metrics.normalized_mutual_info_score(u, v, average_method="arithmetic")
    assert nmi == pytest.approx(metrics.v_measure_score(u, v))


def kmeans(X: np.ndarray, K: int) -> np.ndarray:
    with threadpool_limits(1):                # thread start-up dominates on inputs this small
        return KMeans(K, n_init=10, random_state=0).fit_predict(X)


def test_internal_scores_pick_the_true_k_on_separated_blobs() -> None:
    """On four well-separated blobs, silhouette and CH peak and DB bottoms out at K = 4."""
    X, _ = make_blobs(n_samples=400, centers=4, cluster_std=0.8, random_state=0)
    scores = {}
    for K in range(2, 8):
        labels = kmeans(X, K)
        scores[K] = (silhouette_samples(X, labels).mean(), davies_bouldin(X, labels), calinski_harabasz(X, labels))
    assert max(scores, key=lambda K: scores[K][0]) == 4
    assert min(scores, key=lambda K: scores[K][1]) == 4
    assert max(scores, key=lambda K: scores[K][2]) == 4


def test_internal_scores_prefer_kmeans_to_the_true_moons() -> None:
    """On two moons, DBSCAN recovers the classes (ARI 1) yet k-means wins on silhouette, DB and CH."""
    X, y = make_moons(n_samples=400, noise=0.05, random_state=0)
    km = kmeans(X, 2)
    db = DBSCAN(eps=0.2, min_samples=5).fit_predict(X)
    assert adjusted_rand_index(y, db) == pytest.approx(1.0)
    assert adjusted_rand_index(y, km) < 0.5
    assert silhouette_samples(X, km).mean() > silhouette_samples(X, db).mean()
    assert davies_bouldin(X, km) < davies_bouldin(X, db)
    assert calinski_harabasz(X, km) > calinski_harabasz(X, db)


def test_nmi_is_not_chance_adjusted_but_ari_and_ami_are() -> None:
    """A random labeling with many clusters gets a clearly positive NMI; ARI and AMI stay near 0."""
    rng = np.random.default_rng(10)
    y = rng.integers(0, 3, size=300)
    v = rng.integers(0, 100, size=300)       # 100 random clusters for 300 points
    assert metrics.normalized_mutual_info_score(y, v) > 0.1
    assert abs(adjusted_rand_index(y, v)) < 0.02
    assert abs(metrics.adjusted_mutual_info_score(y, v)) < 0.05


def test_kmeans_on_uniform_data_still_gets_a_positive_silhouette() -> None:
    """Data with no clusters at all, split by k-means: the silhouette is clearly positive anyway."""
    X = np.random.default_rng(11).uniform(size=(400, 2))
    assert silhouette_samples(X, kmeans(X, 2)).mean() > 0.25


def test_plain_rand_index_is_high_for_unrelated_partitions_with_many_clusters() -> None:
    rng = np.random.default_rng(12)
    u, v = rng.integers(0, 20, size=1000), rng.integers(0, 20, size=1000)
    assert metrics.rand_score(u, v) > 0.88
    assert abs(adjusted_rand_index(u, v)) < 0.01
