"""Checks of the bias-variance snippet against the identity it illustrates and against closed forms."""

from __future__ import annotations

import numpy as np
import pytest

import bias_variance_tradeoff as bv

N_TRAIN = 20
SIGMA = 0.3
X_TRAIN = (np.arange(N_TRAIN) + 0.5) / N_TRAIN     # the design used on the page
X_TEST = np.linspace(0.0, 1.0, 201)


def exact_terms(degree: int, x_train: np.ndarray, x_test: np.ndarray, sigma: float) -> tuple[float, float]:
    """Closed-form bias^2 and variance of least squares on fixed inputs.

    The fit is linear in y: f_hat(x_test) = S y with S = Phi_test Phi^+. So E f_hat = S f and
    Cov f_hat = sigma^2 S S^T; no sampling involved.
    """
    def basis(x: np.ndarray) -> np.ndarray:
        t = (2 * x - x_train.min() - x_train.max()) / (x_train.max() - x_train.min())
        return np.polynomial.legendre.legvander(t, degree)

    S = basis(x_test) @ np.linalg.pinv(basis(x_train))
    bias2 = np.mean((S @ bv.true_f(x_train) - bv.true_f(x_test)) ** 2)
    variance = sigma**2 * np.mean(np.sum(S**2, axis=1))
    return float(bias2), float(variance)


@pytest.mark.parametrize("degree", [0, 1, 3, 6, 10, 12])
def test_decomposition_matches_monte_carlo_test_error(degree: int) -> None:
    """bias^2 + variance + sigma^2 equals the test error measured on fresh labels."""
    t = bv.decompose(degree, X_TRAIN, SIGMA, X_TEST, n_sets=1000, rng=np.random.default_rng(1))
    total = t["bias2"] + t["variance"] + t["noise"]
    assert total == pytest.approx(t["test_error"], rel=0.02)


@pytest.mark.parametrize("degree", [1, 3, 6, 10])
def test_monte_carlo_terms_match_closed_form(degree: int) -> None:
    """The simulated bias^2 and variance agree with the exact values of the linear smoother."""
    n_sets = 2000
    t = bv.decompose(degree, X_TRAIN, SIGMA, X_TEST, n_sets=n_sets, rng=np.random.default_rng(2))
    bias2, variance = exact_terms(degree, X_TRAIN, X_TEST, SIGMA)
    assert t["variance"] == pytest.approx(variance, rel=0.08)
    # The plug-in bias^2 carries an upward bias of variance / n_sets from using a sample mean.
    assert t["bias2"] == pytest.approx(bias2 + variance / n_sets, rel=0.05, abs=2e-4)


@pytest.mark.parametrize("degree", [0, 2, 5, 9])
def test_in_sample_variance_is_sigma2_p_over_n(degree: int) -> None:
    """At the training inputs, the average variance of least squares is sigma^2 (degree + 1) / n."""
    t = bv.decompose(degree, X_TRAIN, SIGMA, X_TRAIN, n_sets=3000, rng=np.random.default_rng(3))
    assert t["variance"] == pytest.approx(SIGMA**2 * (degree + 1) / N_TRAIN, rel=0.08)


def test_training_error_falls_while_test_error_is_u_shaped() -> None:
    """More capacity always lowers training error, but test error has an interior minimum."""
    degrees = range(13)
    # Same seed for every degree: every model sees the same label draws, so the comparison is paired.
    runs = [bv.decompose(d, X_TRAIN, SIGMA, X_TEST, 500, np.random.default_rng(4)) for d in degrees]
    train = np.array([r["train_error"] for r in runs])
    test = np.array([r["test_error"] for r in runs])
    assert np.all(np.diff(train) <= 1e-12)
    best = int(np.argmin(test))
    assert 0 < best < len(test) - 1
    assert test[0] > 2 * test[best] and test[-1] > 2 * test[best]


def test_bias_falls_and_variance_rises_with_degree() -> None:
    """Going from a line to a cubic cuts bias^2; going from a cubic to degree 10 raises variance."""
    rng = np.random.default_rng
    line, cubic, wiggly = (bv.decompose(d, X_TRAIN, SIGMA, X_TEST, 1000, rng(5)) for d in (1, 3, 10))
    assert cubic["bias2"] < 0.1 * line["bias2"]
    assert wiggly["variance"] > 3 * cubic["variance"]


@pytest.mark.parametrize("degree", [1, 3, 8])
def test_training_error_is_optimistic_by_two_sigma2_p_over_n(degree: int) -> None:
    """E[training error] = in-sample bias^2 + sigma^2 (n - p) / n, while fresh labels at the same inputs
    cost in-sample bias^2 + sigma^2 (n + p) / n: the gap is 2 sigma^2 p / n."""
    p = degree + 1
    bias2_in, _ = exact_terms(degree, X_TRAIN, X_TRAIN, SIGMA)
    t = bv.decompose(degree, X_TRAIN, SIGMA, X_TRAIN, n_sets=3000, rng=np.random.default_rng(6))
    assert t["train_error"] == pytest.approx(bias2_in + SIGMA**2 * (N_TRAIN - p) / N_TRAIN, rel=0.03)
    assert t["test_error"] - t["train_error"] == pytest.approx(2 * SIGMA**2 * p / N_TRAIN, rel=0.1)
