"""Checks of the from-scratch splitters and CV score against scikit-learn's model_selection."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.linear_model import Ridge
from sklearn.model_selection import KFold, StratifiedKFold, TimeSeriesSplit, cross_val_score

import cross_validation as cv


def same_folds(ours, theirs) -> bool:
    theirs = list(theirs)
    return len(ours) == len(theirs) and all(
        np.array_equal(a_tr, b_tr) and np.array_equal(a_va, b_va) for (a_tr, a_va), (b_tr, b_va) in zip(ours, theirs)
    )


@pytest.mark.parametrize(("n", "k"), [(10, 5), (23, 5), (100, 10), (7, 7), (31, 4)])
def test_kfold_matches_sklearn_kfold(n: int, k: int) -> None:
    """Unshuffled folds are identical to KFold's, including which folds get the extra points."""
    assert same_folds(cv.kfold_indices(n, k), KFold(n_splits=k).split(np.zeros(n)))


def test_shuffled_kfold_partitions_the_data() -> None:
    """With shuffling, every index is validated exactly once, never trained on in its own fold."""
    n, k = 53, 5
    splits = cv.kfold_indices(n, k, rng=np.random.default_rng(0))
    val = np.concatenate([v for _, v in splits])
    assert np.array_equal(np.sort(val), np.arange(n))
    for train, v in splits:
        assert np.intersect1d(train, v).size == 0 and train.size + v.size == n
    assert sorted(v.size for _, v in splits) == [10, 10, 11, 11, 11]
    assert not same_folds(splits, KFold(n_splits=k).split(np.zeros(n)))   # the shuffle did something


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("k", [3, 5])
def test_stratified_matches_sklearn_stratified_kfold(seed: int, k: int) -> None:
    """Folds are identical to StratifiedKFold's on imbalanced labels whose classes appear in any order."""
    rng = np.random.default_rng(seed)
    y = rng.choice(np.array([7, 2, 5]), size=int(rng.integers(30, 90)), p=[0.6, 0.3, 0.1])
    assert same_folds(cv.stratified_kfold_indices(y, k), StratifiedKFold(n_splits=k).split(np.zeros(len(y)), y))


def test_stratified_folds_keep_class_shares_within_one() -> None:
    """Each fold holds floor or ceil of (class count / k) points of every class."""
    y = np.array([0] * 47 + [1] * 9)
    k = 5
    for _, val in cv.stratified_kfold_indices(y, k):
        for c, total in [(0, 47), (1, 9)]:
            assert np.sum(y[val] == c) in (total // k, -(-total // k))


@pytest.mark.parametrize(("n", "k"), [(20, 4), (23, 5), (100, 3)])
def test_forward_chaining_matches_time_series_split(n: int, k: int) -> None:
    """Forward-chaining splits equal TimeSeriesSplit's, and training always precedes validation."""
    splits = cv.forward_chaining_indices(n, k)
    assert same_folds(splits, TimeSeriesSplit(n_splits=k).split(np.zeros(n)))
    assert all(train.max() < val.min() for train, val in splits)


def test_cross_val_scores_match_sklearn_cross_val_score() -> None:
    """Per-fold ridge MSE equals sklearn's cross_val_score with the same folds and alpha."""
    rng = np.random.default_rng(3)
    X = rng.normal(size=(60, 4))
    y = X @ np.array([1.0, -2.0, 0.5, 0.0]) + 3.0 + rng.normal(scale=0.5, size=60)
    ours = cv.cross_val_scores(X, y, cv.kfold_indices(60, 5), cv.fit_ridge(2.0), cv.mse)
    theirs = -cross_val_score(Ridge(alpha=2.0), X, y, cv=KFold(5), scoring="neg_mean_squared_error")
    np.testing.assert_allclose(ours, theirs, rtol=1e-10)


def test_leave_one_out_matches_the_hat_matrix_shortcut() -> None:
    """With k = n, ridge LOO residuals equal (y_i - yhat_i) / (1 - h_ii) from a single fit on all data."""
    rng = np.random.default_rng(4)
    n, alpha = 40, 1.5
    X = rng.normal(size=(n, 3))
    y = X @ np.array([2.0, 0.0, -1.0]) + rng.normal(size=n)
    loo = cv.cross_val_scores(X, y, cv.kfold_indices(n, n), cv.fit_ridge(alpha), cv.mse)
    Z = np.column_stack([np.ones(n), X])
    P = np.diag([0.0, 1.0, 1.0, 1.0])             # intercept unpenalised, as in fit_ridge
    H = Z @ np.linalg.solve(Z.T @ Z + alpha * P, Z.T)
    shortcut = ((y - H @ y) / (1 - np.diag(H))) ** 2
    np.testing.assert_allclose(loo, shortcut, rtol=1e-8)


def nearest_centroid_on_top_features(n_keep: int):
    """fit() that selects the n_keep features most correlated with y on ITS OWN data, then classifies
    by the nearer class centroid. Used inside each fold, selection never sees the validation rows."""
    def fit(X: np.ndarray, y: np.ndarray):
        Xc, yc = X - X.mean(axis=0), y - y.mean()
        keep = np.argsort(-np.abs(Xc.T @ yc))[:n_keep]
        mu0, mu1 = X[y == 0][:, keep].mean(axis=0), X[y == 1][:, keep].mean(axis=0)
        return lambda Z: (np.sum((Z[:, keep] - mu1) ** 2, 1) < np.sum((Z[:, keep] - mu0) ** 2, 1)).astype(int)
    return fit


def error_rate(y: np.ndarray, y_hat: np.ndarray) -> float:
    return float(np.mean(y != y_hat))


def test_feature_selection_outside_the_folds_fakes_skill_on_pure_noise() -> None:
    """Labels independent of 2,000 noise features: selecting on all rows first reports far better than
    chance; selecting inside each fold reports about chance (error near 0.5)."""
    leaky, honest = [], []
    for seed in range(10):
        rng = np.random.default_rng(seed)
        X = rng.normal(size=(60, 2000))
        y = np.repeat([0, 1], 30)
        splits = cv.stratified_kfold_indices(y, 5)
        honest.append(cv.cross_val_scores(X, y, splits, nearest_centroid_on_top_features(20), error_rate).mean())
        keep = np.argsort(-np.abs((X - X.mean(0)).T @ (y - y.mean())))[:20]      # selection saw every row
        leaky.append(cv.cross_val_scores(X[:, keep], y, splits, nearest_centroid_on_top_features(20), error_rate).mean())
    assert np.mean(leaky) < 0.15
    assert np.mean(honest) == pytest.approx(0.5, abs=0.1)
