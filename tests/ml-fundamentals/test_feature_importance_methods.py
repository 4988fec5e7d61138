"""Checks of the from-scratch importance methods against scikit-learn and closed forms for least squares."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.ensemble import RandomForestRegressor
from sklearn.inspection import permutation_importance as sk_permutation_importance
from sklearn.metrics import r2_score as sk_r2

import feature_importance_methods as fim


def make_data(n: int, seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 4)) * np.array([1.0, 2.0, 0.5, 1.0])
    w = np.array([3.0, -1.0, 2.0, 0.0])
    y = X @ w + 0.5 * np.sin(3 * X[:, 0]) + rng.normal(scale=0.5, size=n)
    return X, y, w


def sklearn_permutations(n: int, n_repeats: int, random_state: int) -> np.ndarray:
    """The row orders sklearn.inspection.permutation_importance uses for every column (sklearn 1.x):
    one seed drawn from random_state, a fresh RandomState(seed) per column, and each repeat shuffles the
    already-shuffled column again, so repeat k applies the composition of the first k shuffles."""
    seed = np.random.RandomState(random_state).randint(np.iinfo(np.int32).max + 1)
    rs, idx, order, perms = np.random.RandomState(seed), np.arange(n), np.arange(n), []
    for _ in range(n_repeats):
        rs.shuffle(idx)
        order = order[idx]
        perms.append(order.copy())
    return np.array(perms)


def test_permutation_importance_matches_sklearn_with_matched_permutations() -> None:
    X, y, _ = make_data(400, 0)
    model = RandomForestRegressor(n_estimators=30, random_state=0).fit(X[:300], y[:300])
    X_val, y_val = X[300:], y[300:]
    ref = sk_permutation_importance(model, X_val, y_val, n_repeats=7, random_state=42)
    perms = sklearn_permutations(len(y_val), 7, 42)
    ours = fim.importance_from_permutations(model.predict, X_val, y_val, fim.r2_score, perms)
    np.testing.assert_allclose(ours, ref.importances, rtol=1e-10, atol=1e-12)


def test_permutation_importance_agrees_with_sklearn_in_distribution() -> None:
    """With independent RNGs the two estimates differ only by Monte-Carlo noise."""
    X, y, _ = make_data(600, 1)
    model = RandomForestRegressor(n_estimators=30, random_state=0).fit(X[:400], y[:400])
    X_val, y_val = X[400:], y[400:]
    ref = sk_permutation_importance(model, X_val, y_val, n_repeats=100, random_state=0)
    mean, std = fim.permutation_importance(model.predict, X_val, y_val, fim.r2_score, 100,
                                           np.random.default_rng(0))
    se = np.sqrt(std**2 / 100 + ref.importances_std**2 / 100) + 1e-3
    assert np.all(np.abs(mean - ref.importances_mean) < 4 * se)
    assert np.argmax(mean) == np.argmax(ref.importances_mean)


def test_r2_helper_matches_sklearn() -> None:
    X, y, _ = make_data(50, 2)
    y_hat = y + np.random.default_rng(3).normal(size=50)
    assert fim.r2_score(y, y_hat) == pytest.approx(sk_r2(y, y_hat), rel=1e-12)


def test_ols_permutation_importance_is_two_w_squared_var() -> None:
    """For least squares scored by MSE on its training data, E[MSE increase] = 2 w_j^2 Var(x_j):
    residuals are orthogonal to x_j and sum to zero, so the cross term averages out. Correlation between
    features does not change this, so x_1 is made strongly correlated with x_0."""
    X, y, _ = make_data(300, 4)
    X[:, 1] += 2 * X[:, 0]
    predict = fim.fit_ols(X, y)
    w = np.linalg.lstsq(np.column_stack([np.ones(len(X)), X]), y, rcond=None)[0][1:]
    neg_mse = lambda t, p: -float(np.mean((t - p) ** 2))
    mean, _ = fim.permutation_importance(predict, X, y, neg_mse, 2000, np.random.default_rng(5))
    expected = 2 * w**2 * X.var(axis=0)
    np.testing.assert_allclose(mean, expected, rtol=0.05, atol=5e-3)


def test_ols_drop_column_importance_matches_closed_form() -> None:
    """Dropping column j from least squares raises the training RSS by w_j^2 / [(A^T A)^{-1}]_jj."""
    X, y, _ = make_data(200, 6)
    A = np.column_stack([np.ones(len(X)), X])
    coef = np.linalg.lstsq(A, y, rcond=None)[0]
    inv_diag = np.diag(np.linalg.inv(A.T @ A))[1:]
    neg_rss = lambda t, p: -float(np.sum((t - p) ** 2))
    drops = fim.drop_column_importance(fim.fit_ols, X, y, X, y, neg_rss)
    np.testing.assert_allclose(drops, coef[1:] ** 2 / inv_diag, rtol=1e-8)
    # Same number, read through Frisch-Waugh: w_j^2 n Var(x_j) (1 - R_j^2), where R_j^2 is from
    # regressing x_j on the other features. Collinearity (R_j^2 -> 1) drives it to zero.
    for j in range(X.shape[1]):
        others = np.column_stack([np.ones(len(X)), np.delete(X, j, axis=1)])
        resid = X[:, j] - others @ np.linalg.lstsq(others, X[:, j], rcond=None)[0]
        r2_j = 1 - np.sum(resid**2) / (len(X) * X[:, j].var())
        assert drops[j] == pytest.approx(coef[1 + j] ** 2 * len(X) * X[:, j].var() * (1 - r2_j), rel=1e-8)


def test_correlated_copy_hides_drop_column_importance() -> None:
    """With an exact duplicate of x_0 in the data, dropping either copy costs nothing: the refit uses the
    other. Drop-column importance of a feature measures what is unique to it, not what it carries."""
    X, y, _ = make_data(300, 7)
    X_dup = np.column_stack([X, X[:, 0]])
    neg_mse = lambda t, p: -float(np.mean((t - p) ** 2))
    drops = fim.drop_column_importance(fim.fit_ols, X_dup[:200], y[:200], X_dup[200:], y[200:], neg_mse)
    assert abs(drops[0]) < 1e-8 and abs(drops[4]) < 1e-8
    assert drops[2] > 0.5
