"""Checks of the early-stopping snippet: the patience rule, the restored checkpoint, and the ridge link."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.linear_model import Ridge

import early_stopping as es

LOSSES = [1.0, 0.8, 0.7, 0.72, 0.69, 0.71, 0.70, 0.75, 0.60]


@pytest.mark.parametrize(
    ("patience", "min_delta", "expected"),
    [
        (2, 0.0, (4, 6)),    # 0.69 at epoch 4, then two epochs without a new best
        (3, 0.0, (4, 7)),
        (4, 0.0, (8, 8)),    # enough patience to reach 0.60; the sequence then ends
        (2, 0.02, (2, 4)),   # 0.69 beats 0.70 by only 0.01, so it does not count
        (1, 0.0, (2, 3)),
    ],
)
def test_patience_rule_on_a_hand_worked_sequence(patience, min_delta, expected):
    assert es.stop_epoch(LOSSES, patience, min_delta) == expected


def make_problem(seed: int = 0):
    """Ill-conditioned regression with n close to d, where the validation loss is U-shaped in epochs."""
    rng = np.random.default_rng(seed)
    n, d = 50, 40
    scale = 1 / np.arange(1, d + 1) ** 0.8
    w_true = 3 * rng.standard_normal(d) * scale

    def draw(m):
        X = rng.standard_normal((m, d)) * scale
        return X, X @ w_true + rng.standard_normal(m)

    X, y = draw(n)
    X_val, y_val = draw(500)
    eta = 1 / np.linalg.eigvalsh(X.T @ X / n).max()
    return X, y, X_val, y_val, eta


def test_returns_the_epoch_of_minimum_validation_loss_and_its_weights():
    X, y, X_val, y_val, eta = make_problem()
    w_best, best_epoch, train_hist, val_hist = es.train_with_early_stopping(
        X, y, X_val, y_val, eta, max_epochs=2000, patience=100)
    assert best_epoch == int(np.argmin(val_hist))
    assert 0 < best_epoch < len(val_hist) - 1 - 50          # it stopped well before the end
    assert len(val_hist) - 1 == best_epoch + 100               # stopped exactly `patience` epochs later
    # The returned weights are those after best_epoch steps, not the last ones.
    np.testing.assert_allclose(w_best, es.gd_iterate(X, y, eta, best_epoch), atol=1e-10)
    assert es.mse(w_best, X_val, y_val) == pytest.approx(val_hist[best_epoch])
    assert val_hist[-1] > val_hist[best_epoch]


def test_without_stopping_gradient_descent_reaches_least_squares():
    X, y, X_val, y_val, eta = make_problem()
    _, _, train_hist, val_hist = es.train_with_early_stopping(
        X, y, X_val, y_val, eta, max_epochs=3000, patience=10**9)
    assert len(val_hist) == 3001                               # infinite patience never stops
    w_ls = np.linalg.lstsq(X, y, rcond=None)[0]
    np.testing.assert_allclose(es.gd_iterate(X, y, eta, 10**7), w_ls, rtol=1e-6, atol=1e-8)
    assert np.all(np.diff(train_hist) <= 0)                    # eta <= 1/L: training loss never rises


@pytest.mark.parametrize("t", [1, 7, 60])
def test_closed_form_iterate_matches_the_loop(t):
    X, y, _, _, eta = make_problem(1)
    w = np.zeros(X.shape[1])
    for _ in range(t):
        w -= eta * X.T @ (X @ w - y) / len(y)
    np.testing.assert_allclose(es.gd_iterate(X, y, eta, t), w, rtol=1e-9, atol=1e-12)


def test_ridge_matches_scikit_learn():
    X, y, _, _, _ = make_problem(2)
    alpha = 0.05
    ref = Ridge(alpha=alpha * len(y), fit_intercept=False).fit(X, y).coef_  # sklearn omits the 1/(2n)
    np.testing.assert_allclose(es.ridge_iterate(X, y, alpha), ref, rtol=1e-8)


@pytest.mark.parametrize("t", [3, 30, 300])
def test_early_stopping_shrinkage_is_sandwiched_by_ridge(t):
    """Per eigen-direction: s/(s + a) <= 1 - (1 - eta s)^t <= 2 s/(s + a), with a = 1/(eta t)."""
    X, y, _, _, eta = make_problem()
    s = np.linalg.eigvalsh(X.T @ X / len(y))
    gd = 1 - (1 - eta * s) ** t
    a = 1 / (eta * t)
    ridge = s / (s + a)
    assert np.all(ridge <= gd + 1e-12)
    assert np.all(gd <= 2 * ridge + 1e-12)


def test_iterate_stays_close_to_the_ridge_path():
    """For t over three decades, some ridge solution with alpha near c/(eta t), c fixed, is within 20%."""
    from scipy.optimize import minimize_scalar

    X, y, _, _, eta = make_problem()
    cs = []
    for t in [5, 50, 500]:
        w_t = es.gd_iterate(X, y, eta, t)
        dist = lambda log_a: np.linalg.norm(w_t - es.ridge_iterate(X, y, np.exp(log_a)))
        res = minimize_scalar(dist, bounds=(-15, 5), method="bounded")
        assert res.fun / np.linalg.norm(w_t) < 0.2
        cs.append(np.exp(res.x) * eta * t)
    assert 0.5 < min(cs) and max(cs) < 1.0
    norms = [np.linalg.norm(es.gd_iterate(X, y, eta, t)) for t in (1, 10, 100, 1000)]
    assert np.all(np.diff(norms) > 0)                          # weights grow as training continues
