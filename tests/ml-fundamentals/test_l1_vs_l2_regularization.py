"""Checks of the ridge and lasso snippets against scikit-learn, optimality conditions and closed forms."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.linear_model import ElasticNet, Lasso, Ridge

import l1_vs_l2_regularization as reg


def make_problem(n: int = 100, d: int = 8, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Correlated features on different scales with non-zero means, a sparse truth and an intercept."""
    rng = np.random.default_rng(seed)
    C = 0.5 ** np.abs(np.subtract.outer(np.arange(d), np.arange(d)))
    X = rng.standard_normal((n, d)) @ np.linalg.cholesky(C).T * rng.uniform(0.5, 3.0, d)
    X += rng.normal(0.0, 2.0, d)
    w_true = np.zeros(d)
    w_true[[0, 1, 4]] = [3.0, -2.0, 1.5]
    y = X @ w_true + 1.0 + rng.standard_normal(n)
    return X, y


@pytest.mark.parametrize("alpha", [0.01, 1.0, 100.0])
def test_ridge_matches_sklearn_with_intercept(alpha: float) -> None:
    X, y = make_problem()
    w, b = reg.ridge(X, y, alpha)
    ref = Ridge(alpha=alpha, fit_intercept=True).fit(X, y)   # same objective, no 1/n scaling
    np.testing.assert_allclose(w, ref.coef_, rtol=1e-9, atol=1e-12)
    assert b == pytest.approx(ref.intercept_, rel=1e-9)


def test_ridge_equals_svd_shrinkage_of_least_squares() -> None:
    """w = V diag(s / (s^2 + alpha)) U^T yc: each principal direction shrunk by s^2 / (s^2 + alpha)."""
    X, y = make_problem()
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    U, s, Vt = np.linalg.svd(Xc, full_matrices=False)
    alpha = 5.0
    w_svd = Vt.T @ (s / (s**2 + alpha) * (U.T @ yc))
    np.testing.assert_allclose(reg.ridge(X, y, alpha)[0], w_svd, rtol=1e-9)


@pytest.mark.parametrize("alpha", [0.01, 0.1, 0.5, 2.0])
def test_lasso_cd_matches_sklearn(alpha: float) -> None:
    X, y = make_problem()
    w, b = reg.lasso_cd(X, y, alpha)
    # sklearn's Lasso minimises ||y - Xw - b||^2 / (2 n) + alpha ||w||_1: the scaling lasso_cd uses.
    ref = Lasso(alpha=alpha, tol=1e-14, max_iter=100_000).fit(X, y)
    np.testing.assert_allclose(w, ref.coef_, atol=1e-8)
    assert b == pytest.approx(ref.intercept_, abs=1e-7)
    np.testing.assert_array_equal(w == 0, ref.coef_ == 0)


@pytest.mark.parametrize("l1_ratio", [0.2, 0.7])
def test_elastic_net_cd_matches_sklearn(l1_ratio: float) -> None:
    X, y = make_problem()
    w, b = reg.lasso_cd(X, y, 0.3, l1_ratio=l1_ratio)
    ref = ElasticNet(alpha=0.3, l1_ratio=l1_ratio, tol=1e-14, max_iter=100_000).fit(X, y)
    np.testing.assert_allclose(w, ref.coef_, atol=1e-8)
    assert b == pytest.approx(ref.intercept_, abs=1e-7)


@pytest.mark.parametrize("alpha", [0.05, 0.5])
def test_lasso_solution_satisfies_subgradient_conditions(alpha: float) -> None:
    """x_j^T r / n = alpha sign(w_j) where w_j != 0, and |x_j^T r / n| <= alpha where w_j = 0."""
    X, y = make_problem()
    w, b = reg.lasso_cd(X, y, alpha)
    c = X.T @ (y - X @ w - b) / len(y)
    active = w != 0
    assert active.any() and (~active).any()
    np.testing.assert_allclose(c[active], alpha * np.sign(w[active]), atol=1e-8)
    assert np.all(np.abs(c[~active]) <= alpha + 1e-10)


def test_lasso_is_all_zero_exactly_from_alpha_max() -> None:
    X, y = make_problem()
    alpha_max = reg.lasso_alpha_max(X, y)
    assert not np.any(reg.lasso_cd(X, y, alpha_max)[0])
    assert np.count_nonzero(reg.lasso_cd(X, y, 0.99 * alpha_max)[0]) == 1


def test_lasso_zeroes_weights_that_ridge_keeps() -> None:
    X, y = make_problem()
    Xs = (X - X.mean(axis=0)) / X.std(axis=0)
    w_lasso = reg.lasso_cd(Xs, y, 0.3)[0]
    # Multiplying the lasso objective by 2n gives ||r||^2 + 2n alpha ||w||_1: match that multiplier.
    w_ridge = reg.ridge(Xs, y, 2 * len(y) * 0.3)[0]
    assert set(np.flatnonzero(w_lasso)) == {0, 1, 4}   # the true support
    assert np.count_nonzero(w_ridge) == X.shape[1]


def test_orthonormal_design_ridge_rescales_and_lasso_soft_thresholds_ols() -> None:
    """With Xc^T Xc = n I the penalties act coordinate-wise on the least-squares weights."""
    rng = np.random.default_rng(1)
    n, d = 50, 5
    Z = rng.standard_normal((n, d))
    Q, _ = np.linalg.qr(Z - Z.mean(axis=0))   # orthonormal columns inside the span of centred vectors
    X = Q * np.sqrt(n)                        # so X is centred and X^T X = n I
    y = X @ np.array([2.0, -1.0, 0.3, 0.0, -0.1]) + 0.2 * rng.standard_normal(n)
    w_ols = X.T @ (y - y.mean()) / n
    alpha = 0.5
    np.testing.assert_allclose(reg.ridge(X, y, alpha)[0], w_ols / (1 + alpha / n), rtol=1e-10)
    expected = np.sign(w_ols) * np.maximum(np.abs(w_ols) - alpha, 0)
    np.testing.assert_allclose(reg.lasso_cd(X, y, alpha)[0], expected, atol=1e-12)


def test_duplicated_feature_ridge_splits_evenly_lasso_keeps_total() -> None:
    """With x_a = x_b, ridge gives both the same weight; the lasso only pins down their sum."""
    X, y = make_problem()
    X_dup = np.column_stack([X, X[:, 0]])
    w_r = reg.ridge(X_dup, y, 10.0)[0]
    assert w_r[0] == pytest.approx(w_r[-1], rel=1e-9)
    w_l = reg.lasso_cd(X_dup, y, 0.3)[0]
    w_single = reg.lasso_cd(X, y, 0.3)[0]
    assert w_l[0] + w_l[-1] == pytest.approx(w_single[0], abs=1e-8)
    np.testing.assert_allclose(w_l[1:-1], w_single[1:], atol=1e-8)


def test_ols_is_scale_equivariant_but_ridge_is_not() -> None:
    """Rescaling a feature by c rescales its OLS weight by 1/c; under a penalty the fit itself changes."""
    X, y = make_problem()
    c = 100.0
    X2 = X.copy()
    X2[:, 2] *= c
    w_ols, w_ols2 = reg.ridge(X, y, 1e-12)[0], reg.ridge(X2, y, 1e-12)[0]
    assert w_ols2[2] * c == pytest.approx(w_ols[2], rel=1e-6)
    w_r, w_r2 = reg.ridge(X, y, 50.0)[0], reg.ridge(X2, y, 50.0)[0]
    assert abs(w_r2[2] * c - w_r[2]) > 0.1 * abs(w_r[2])
