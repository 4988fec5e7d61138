"""Checks of the regulariser snippets against scikit-learn, closed forms and exact enumeration."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import minimize
from sklearn.linear_model import Lasso, Ridge

import regularization_techniques_compared as rc


def orthonormal_design(n: int, d: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """X with X^T X = n I (scaled orthonormal columns) and labels from a sparse-ish truth."""
    rng = np.random.default_rng(seed)
    Q, _ = np.linalg.qr(rng.standard_normal((n, d)))
    X = np.sqrt(n) * Q
    w_true = np.array([2.0, -1.0, 0.5, 0.1, 0.0, 0.0])[:d]
    return X, X @ w_true + 0.3 * rng.standard_normal(n)


@pytest.mark.parametrize("lam", [0.05, 0.3, 1.0])
def test_l1_and_l2_closed_forms_match_scikit_learn(lam):
    X, y = orthonormal_design(100, 6, 0)
    w_l1, w_l2 = rc.l1_l2_orthonormal(X, y, lam)
    lasso = Lasso(alpha=lam, fit_intercept=False, tol=1e-12, max_iter=100_000).fit(X, y).coef_
    ridge = Ridge(alpha=lam * len(y), fit_intercept=False).fit(X, y).coef_   # sklearn has no 1/(2n)
    np.testing.assert_allclose(w_l1, lasso, atol=1e-8)
    np.testing.assert_allclose(w_l2, ridge, rtol=1e-10)


def test_l1_zeroes_small_weights_and_l2_zeroes_none():
    X, y = orthonormal_design(100, 6, 0)
    w_l1, w_l2 = rc.l1_l2_orthonormal(X, y, 0.3)
    z = X.T @ y / len(y)
    assert np.array_equal(w_l1 == 0, np.abs(z) <= 0.3) and np.sum(w_l1 == 0) >= 2
    assert np.all(w_l2 != 0)
    np.testing.assert_allclose(w_l2 / z, 1 / 1.3)          # one common shrink factor


def test_sgd_with_l2_penalty_is_multiplicative_weight_decay():
    rng = np.random.default_rng(1)
    w, g = rng.standard_normal(5), rng.standard_normal(5)
    np.testing.assert_allclose(rc.sgd_l2_step(w, g, eta=0.1, lam=0.01), (1 - 0.1 * 0.01) * w - 0.1 * g)


def run_adam_on_unused_weight(lam: float, decoupled: bool, steps: int) -> np.ndarray:
    """A weight whose data gradient is zero, so only the regulariser moves it; start at 1."""
    w, state = np.array([1.0]), (np.zeros(1), np.zeros(1), 0)
    path = []
    for _ in range(steps):
        w, state = rc.adam_step(w, np.zeros(1), state, eta=1e-3, lam=lam, decoupled=decoupled)
        path.append(w[0])
    return np.array(path)


def test_adamw_decays_geometrically_at_rate_eta_lambda():
    for lam in [1e-2, 1e-1]:
        path = run_adam_on_unused_weight(lam, decoupled=True, steps=200)
        np.testing.assert_allclose(path, (1 - 1e-3 * lam) ** np.arange(1, 201), rtol=1e-12)


def test_adam_with_l2_ignores_the_size_of_lambda():
    """Adam normalises the penalty gradient lam * w by its own magnitude: the step is about eta
    whatever lam is, so a 100-fold larger lam barely changes the path, unlike AdamW."""
    small = run_adam_on_unused_weight(1e-3, decoupled=False, steps=200)
    large = run_adam_on_unused_weight(1e-1, decoupled=False, steps=200)
    np.testing.assert_allclose(small, large, atol=1e-4)
    assert 1 - small[-1] == pytest.approx(200 * 1e-3, rel=0.05)   # about eta per step
    adamw_small = run_adam_on_unused_weight(1e-3, decoupled=True, steps=200)
    adamw_large = run_adam_on_unused_weight(1e-1, decoupled=True, steps=200)
    assert (1 - adamw_large[-1]) > 50 * (1 - adamw_small[-1])


def test_inverted_dropout_keeps_the_mean_and_is_identity_at_test_time():
    rng = np.random.default_rng(2)
    h = rng.standard_normal(50)
    p, draws = 0.3, 40_000
    out = np.stack([rc.dropout(h, p, rng, training=True) for _ in range(draws)])
    assert np.mean(out == 0) == pytest.approx(p, abs=0.005)
    se = np.abs(h) * np.sqrt(p / (1 - p) / draws)            # standard error of each column mean
    assert np.all(np.abs(out.mean(axis=0) - h) < 5 * se + 1e-12)
    assert np.array_equal(rc.dropout(h, p, rng, training=False), h)


@pytest.mark.parametrize("p", [0.1, 0.5])
def test_dropout_expected_loss_equals_weighted_ridge(p):
    rng = np.random.default_rng(3)
    X = rng.standard_normal((30, 4)) * np.array([1.0, 3.0, 0.5, 2.0])
    y = X @ np.array([1.0, -0.5, 2.0, 0.3]) + rng.standard_normal(30)
    w = rng.standard_normal(4)
    closed = np.sum((y - X @ w) ** 2) + p / (1 - p) * np.sum((X**2).sum(axis=0) * w**2)
    assert rc.expected_dropout_loss_exact(X, y, w, p) == pytest.approx(closed, rel=1e-10)
    w_star = rc.dropout_ridge(X, y, p)
    res = minimize(lambda v: rc.expected_dropout_loss_exact(X, y, v, p), np.zeros(4), method="BFGS",
                   options={"gtol": 1e-8})
    np.testing.assert_allclose(w_star, res.x, atol=1e-5)
