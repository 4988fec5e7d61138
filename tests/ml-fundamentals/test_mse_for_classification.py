"""Checks of squared error vs cross-entropy on a sigmoid: gradients, curvature, properness, training speed."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import minimize_scalar
from sklearn.metrics import brier_score_loss, log_loss

import mse_for_classification as mc

Z = np.linspace(-12, 12, 97)


def numeric_derivative(f, z: np.ndarray, h: float = 1e-5) -> np.ndarray:
    return (f(z + h) - f(z - h)) / (2 * h)


@pytest.mark.parametrize("label", [0.0, 1.0])
def test_logit_gradients_match_finite_differences(label: float) -> None:
    y = np.full_like(Z, label)
    for per_example in (mc.squared_error, mc.cross_entropy):
        numeric = numeric_derivative(lambda z: per_example(z, y)[0], Z)
        np.testing.assert_allclose(per_example(Z, y)[1], numeric, atol=1e-8)


def test_losses_match_sklearn_brier_score_and_log_loss() -> None:
    rng = np.random.default_rng(0)
    z = 3 * rng.standard_normal(400)
    y = (rng.random(400) < 0.4).astype(float)
    p = mc.sigmoid(z)
    assert mc.squared_error(z, y)[0].mean() == pytest.approx(brier_score_loss(y, p), rel=1e-10)
    assert mc.cross_entropy(z, y)[0].mean() == pytest.approx(log_loss(y, p), rel=1e-10)


def test_squared_error_gradient_vanishes_on_confident_mistakes() -> None:
    """Positive example, logit -10 (p = 4.5e-5): squared error's slope is 9.1e-5, cross-entropy's is -1."""
    z, y = np.array([-10.0]), np.array([1.0])
    g_sq, g_ce = mc.squared_error(z, y)[1][0], mc.cross_entropy(z, y)[1][0]
    assert g_sq == pytest.approx(-9.08e-5, rel=1e-3)
    assert g_ce == pytest.approx(-1.0, abs=1e-4)
    # Across all logits the squared-error slope never exceeds 8/27 in size; cross-entropy's approaches 1.
    z = np.linspace(-30, 30, 60001)
    assert np.abs(mc.squared_error(z, np.ones_like(z))[1]).max() == pytest.approx(8 / 27, rel=1e-6)


def test_squared_error_is_concave_in_the_logit_where_p_is_below_one_third() -> None:
    """d2/dz2 of (1 - sigmoid(z))^2 is -2 p (1 - p)^2 (1 - 3p): negative for p < 1/3; cross-entropy's is p (1 - p) > 0."""
    p = mc.sigmoid(Z)
    curv_sq = numeric_derivative(lambda z: mc.squared_error(z, np.ones_like(z))[1], Z)
    curv_ce = numeric_derivative(lambda z: mc.cross_entropy(z, np.ones_like(z))[1], Z)
    np.testing.assert_allclose(curv_sq, -2 * p * (1 - p) ** 2 * (1 - 3 * p), atol=1e-8)
    np.testing.assert_allclose(curv_ce, p * (1 - p), atol=1e-8)
    assert np.all(curv_sq[p < 0.3] < 0) and np.all(curv_sq[p > 0.36] > 0)
    assert np.all(curv_ce > 0)


def test_both_losses_are_proper_scoring_rules() -> None:
    """For Y ~ Bernoulli(q), the expected loss of predicting p is minimised at p = q, for both losses."""
    for q in (0.05, 0.3, 0.5, 0.9):
        brier = minimize_scalar(lambda p: q * (1 - p) ** 2 + (1 - q) * p**2, bounds=(1e-9, 1 - 1e-9), method="bounded")
        ce = minimize_scalar(lambda p: -q * np.log(p) - (1 - q) * np.log(1 - p), bounds=(1e-9, 1 - 1e-9),
                             method="bounded")
        assert brier.x == pytest.approx(q, abs=1e-5) and ce.x == pytest.approx(q, abs=1e-5)


def test_squared_error_is_bounded_while_cross_entropy_is_not() -> None:
    z, y = np.array([-20.0]), np.array([1.0])
    assert mc.squared_error(z, y)[0][0] == pytest.approx(1.0, abs=1e-8)
    assert mc.cross_entropy(z, y)[0][0] == pytest.approx(20.0, abs=1e-8)


def test_from_a_confidently_wrong_start_cross_entropy_trains_far_faster() -> None:
    """Same data, start and step size: cross-entropy passes 90% accuracy at step 13, squared error at step 255."""
    rng = np.random.default_rng(0)
    n = 500
    x = rng.standard_normal(n)
    y = (2 * x + 0.5 * rng.standard_normal(n) > 0).astype(float)
    X = np.column_stack([np.ones(n), x])
    w0 = np.array([0.0, -8.0])                   # slope of the wrong sign: confident and wrong
    _, acc_sq = mc.train_logistic(X, y, "squared", w0, lr=1.0, steps=1000)
    _, acc_ce = mc.train_logistic(X, y, "cross_entropy", w0, lr=1.0, steps=1000)
    first_sq, first_ce = int(np.argmax(acc_sq >= 0.9)) + 1, int(np.argmax(acc_ce >= 0.9)) + 1
    assert (first_ce, first_sq) == (13, 255)
    # Both do get there in the end: squared error is a valid loss, just a slow one here.
    assert acc_sq[-1] >= 0.95 and acc_ce[-1] >= 0.95
