"""Checks of exact Shapley values and the LIME surrogate against closed forms, a textbook game,
an independent ordering-based computation, KernelSHAP's regression form and scikit-learn's Ridge."""

from __future__ import annotations

from itertools import combinations, permutations
from math import comb

import numpy as np
import pytest
from sklearn.linear_model import Ridge

import model_interpretability_shap_lime as msl


def nonlinear_model(X: np.ndarray) -> np.ndarray:
    return 2 * X[:, 0] + X[:, 1] ** 2 + 3 * X[:, 0] * X[:, 2] + np.sin(X[:, 3])


@pytest.fixture
def setting() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    background = rng.normal(size=(60, 5))
    background[:, 1] += background[:, 0]          # correlated features: SHAP still adds up
    x = np.array([1.0, -0.5, 2.0, 0.3, 4.0])
    return x, background


def test_efficiency_attributions_sum_to_prediction_minus_mean(setting) -> None:
    x, background = setting
    phi = msl.shapley_values(nonlinear_model, x, background)
    gap = nonlinear_model(x[None])[0] - nonlinear_model(background).mean()
    assert phi.sum() == pytest.approx(gap, rel=1e-12)


def test_unused_feature_gets_zero(setting) -> None:
    """Feature 4 never enters the model (dummy / missingness-style property)."""
    x, background = setting
    assert msl.shapley_values(nonlinear_model, x, background)[4] == pytest.approx(0.0, abs=1e-12)


def test_linear_model_matches_closed_form(setting) -> None:
    """For f(x) = b + w.x under the interventional value function, phi_j = w_j (x_j - mean_j)."""
    x, background = setting
    w, b = np.array([1.5, -2.0, 0.0, 0.7, 3.0]), 0.4
    phi = msl.shapley_values(lambda X: b + X @ w, x, background)
    np.testing.assert_allclose(phi, w * (x - background.mean(axis=0)), atol=1e-12)


def test_matches_average_over_all_feature_orderings(setting) -> None:
    """Shapley's other definition: average marginal contribution over the p! arrival orders."""
    x, background = setting
    p = x.size
    phi = np.zeros(p)
    orders = list(permutations(range(p)))
    for order in orders:
        for pos, j in enumerate(order):
            before = tuple(sorted(order[:pos]))
            phi[j] += (msl.coalition_value(nonlinear_model, x, tuple(sorted(before + (j,))), background)
                       - msl.coalition_value(nonlinear_model, x, before, background))
    np.testing.assert_allclose(msl.shapley_values(nonlinear_model, x, background), phi / len(orders), atol=1e-10)


def test_glove_game_textbook_values() -> None:
    """Player 0 holds the only left glove, players 1 and 2 hold right gloves; a pair is worth 1.
    The textbook Shapley values are (2/3, 1/6, 1/6). With a one-row background of zeros and x = 1,
    v(S) equals the game's worth of coalition S."""
    f = lambda X: np.minimum(X[:, 0], X[:, 1] + X[:, 2]).clip(max=1.0)
    phi = msl.shapley_values(f, np.ones(3), np.zeros((1, 3)))
    np.testing.assert_allclose(phi, [2 / 3, 1 / 6, 1 / 6], atol=1e-12)


def test_kernel_shap_regression_recovers_exact_values(setting) -> None:
    """KernelSHAP: weighted least squares of v(S) on coalition indicators, with the Shapley kernel
    (p - 1) / (C(p, |S|) |S| (p - |S|)) and v(empty), v(full) pinned, gives the Shapley values."""
    x, background = setting
    p = x.size
    rows, targets, weights = [], [], []
    for k in range(p + 1):
        for S in combinations(range(p), k):
            z = np.zeros(p)
            z[list(S)] = 1
            rows.append(np.r_[1.0, z])
            targets.append(msl.coalition_value(nonlinear_model, x, S, background))
            weights.append(1e9 if k in (0, p) else (p - 1) / (comb(p, k) * k * (p - k)))
    A, t, wt = np.array(rows), np.array(targets), np.array(weights)
    coef = np.linalg.solve(A.T @ (wt[:, None] * A), A.T @ (wt * t))
    np.testing.assert_allclose(coef[1:], msl.shapley_values(nonlinear_model, x, background), atol=1e-5)


def test_lime_surrogate_matches_sklearn_weighted_ridge() -> None:
    x, mu, sd = np.array([0.5, -1.0, 2.0]), np.array([0.0, 1.0, -1.0]), np.array([1.0, 2.0, 0.5])
    f = lambda X: X[:, 0] ** 2 + np.sin(X[:, 1]) * X[:, 2]
    ours = msl.lime_explain(f, x, mu, sd, width=1.5, n_samples=500, rng=np.random.default_rng(3), alpha=0.3)
    Z = mu + sd * np.random.default_rng(3).standard_normal((500, 3))
    pi = np.exp(-np.sum(((Z - x) / sd) ** 2, axis=1) / 1.5**2)
    ref = Ridge(alpha=0.3).fit((Z - mu) / sd, f(Z), sample_weight=pi)
    np.testing.assert_allclose(ours, ref.coef_ / sd, rtol=1e-8)


@pytest.mark.parametrize("width", [0.5, 2.0, 50.0])
def test_lime_recovers_weights_of_a_linear_model_at_any_width(width: float) -> None:
    w = np.array([2.0, -1.0, 0.0, 0.5])
    beta = msl.lime_explain(lambda X: 1.0 + X @ w, np.ones(4), np.zeros(4), np.ones(4), width, 2000,
                            np.random.default_rng(4), alpha=1e-9)
    np.testing.assert_allclose(beta, w, atol=1e-6)


def test_lime_with_small_width_approaches_the_local_gradient() -> None:
    """f = x0^2 at x0 = 1: the slope is 2 locally, while a wide kernel fits the global trend (about 0
    for data centred at 0)."""
    f = lambda X: X[:, 0] ** 2
    x, mu, sd = np.array([1.0, 0.0]), np.zeros(2), np.ones(2)
    narrow = msl.lime_explain(f, x, mu, sd, 0.2, 200_000, np.random.default_rng(5))
    wide = msl.lime_explain(f, x, mu, sd, 100.0, 200_000, np.random.default_rng(5))
    assert narrow[0] == pytest.approx(2.0, abs=0.1)
    assert abs(wide[0]) < 0.05
