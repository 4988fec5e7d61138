"""Checks of the loss catalogue against scikit-learn, and of the constant each loss prefers (SciPy)."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import minimize_scalar
from sklearn import metrics

import loss_functions_overview as lf

RNG = np.random.default_rng(0)
Y_REG = RNG.gamma(2.0, 2.0, 200)
F_REG = Y_REG + RNG.normal(0, 1.5, 200) + 0.5

# The worked example on the page: twelve days of order counts, and ten labels with two positives.
COUNTS = np.array([0, 0, 1, 1, 1, 2, 2, 3, 4, 6, 9, 19], dtype=float)
LABELS = np.array([1, 1, 0, 0, 0, 0, 0, 0, 0, 0], dtype=float)


def best_constant(loss, lo: float, hi: float) -> float:
    return float(minimize_scalar(loss, bounds=(lo, hi), method="bounded", options={"xatol": 1e-10}).x)


def test_regression_losses_match_sklearn() -> None:
    assert lf.mse(Y_REG, F_REG) == pytest.approx(metrics.mean_squared_error(Y_REG, F_REG), rel=1e-12)
    assert lf.mae(Y_REG, F_REG) == pytest.approx(metrics.mean_absolute_error(Y_REG, F_REG), rel=1e-12)
    for tau in (0.1, 0.5, 0.9):
        assert lf.pinball(Y_REG, F_REG, tau) == pytest.approx(metrics.mean_pinball_loss(Y_REG, F_REG, alpha=tau),
                                                              rel=1e-12)
    counts = RNG.poisson(3.0, 200).astype(float)          # includes zeros, where 0 log 0 = 0
    mu = np.full(200, 2.5) + RNG.random(200)
    assert lf.poisson_deviance(counts, mu) == pytest.approx(metrics.mean_poisson_deviance(counts, mu), rel=1e-12)


def test_classification_losses_match_sklearn() -> None:
    y = (RNG.random(300) < 0.3).astype(float)
    s = RNG.normal(0, 2, 300) + 1.5 * y
    p = 1 / (1 + np.exp(-s))
    assert lf.log_loss(y, p) == pytest.approx(metrics.log_loss(y, p), rel=1e-12)
    assert lf.hinge(2 * y - 1, s) == pytest.approx(metrics.hinge_loss(2 * y - 1, s), rel=1e-12)


def test_each_loss_prefers_its_own_constant() -> None:
    """The worked-example table: the best single prediction under each loss."""
    ys = COUNTS
    assert best_constant(lambda c: lf.mse(ys, c), 0, 20) == pytest.approx(4.0, abs=1e-6)       # mean
    assert best_constant(lambda c: lf.mae(ys, c), 0, 20) == pytest.approx(2.0, abs=1e-6)       # median
    assert best_constant(lambda c: lf.pinball(ys, c, 0.9), 0, 20) == pytest.approx(9.0, abs=1e-6)
    assert best_constant(lambda c: lf.poisson_deviance(ys, np.full_like(ys, c)), 0.01, 20) == pytest.approx(4.0,
                                                                                                       abs=1e-6)
    y, y_pm = LABELS, 2 * LABELS - 1
    assert best_constant(lambda p: lf.log_loss(y, p), 1e-6, 1 - 1e-6) == pytest.approx(0.2, abs=1e-6)
    assert best_constant(lambda p: lf.mse(y, p), 0, 1) == pytest.approx(0.2, abs=1e-6)      # Brier
    assert best_constant(lambda s: lf.hinge(y_pm, s), -3, 3) == pytest.approx(-1.0, abs=1e-6)
    assert best_constant(lambda s: lf.exponential(y_pm, s), -3, 3) == pytest.approx(0.5 * np.log(0.25), abs=1e-6)
    assert 0.5 * np.log(0.25) == pytest.approx(-0.693, abs=5e-4)


def test_margin_losses_upper_bound_the_zero_one_loss() -> None:
    """With margin m = y s: hinge, exponential and logistic / ln 2 are all >= 1[m <= 0]."""
    m = np.linspace(-5, 5, 1001)
    zero_one = (m <= 0).astype(float)
    ones = np.ones_like(m)
    assert np.all(np.maximum(0, 1 - m) >= zero_one)
    assert np.all(np.exp(-m) >= zero_one)
    assert np.all(np.logaddexp(0, -m) / np.log(2) >= zero_one - 1e-12)
    # The bound is tight at m = 0 for all three.
    i0 = np.argmin(np.abs(m))
    assert lf.hinge(ones[i0:i0 + 1], m[i0:i0 + 1]) == 1.0 and lf.exponential(ones[i0:i0 + 1], m[i0:i0 + 1]) == 1.0


def test_pairwise_logistic_loss_bounds_one_minus_auc() -> None:
    """Each pair costs at least ln 2 when it is misordered, so loss / ln 2 >= 1 - AUC."""
    y = (RNG.random(400) < 0.4).astype(int)
    s = RNG.normal(0, 1, 400) + y
    loss = lf.pairwise_logistic(s[y == 1], s[y == 0])
    assert loss / np.log(2) >= 1 - metrics.roc_auc_score(y, s)
    assert lf.pairwise_logistic(np.zeros(3), np.zeros(5)) == pytest.approx(np.log(2))


def test_triplet_loss_is_zero_once_the_negative_is_margin_further_away() -> None:
    a = np.array([[0.0, 0.0], [0.0, 0.0]])
    p = np.array([[1.0, 0.0], [1.0, 0.0]])
    n = np.array([[0.0, 1.5], [0.0, 3.0]])        # d(a, n) = 1.5 and 3.0; d(a, p) = 1
    assert lf.triplet(a, p, n, margin=1.0) == pytest.approx((0.5 + 0.0) / 2)


def test_poisson_deviance_charges_misses_relative_to_the_prediction() -> None:
    """Under-predicting by 2 costs 2.59 at a prediction of 1 and 0.04 at 100; squared error charges 4 for both."""
    small = lf.poisson_deviance(np.array([3.0]), np.array([1.0]))
    large = lf.poisson_deviance(np.array([102.0]), np.array([100.0]))
    assert small == pytest.approx(2.59, abs=5e-3) and large == pytest.approx(0.04, abs=5e-3)
    assert lf.mse(np.array([3.0]), np.array([1.0])) == lf.mse(np.array([102.0]), np.array([100.0])) == 4.0
