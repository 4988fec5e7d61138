"""Checks of squared vs absolute error: minimisers against SciPy, LAD against scikit-learn, efficiency by simulation."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import minimize_scalar
from sklearn.linear_model import QuantileRegressor

import squared_vs_absolute_error as sa

# Ten readings near 20 and one gross error, as in the notebook.
Y = np.append(np.random.default_rng(0).normal(20.0, 2.0, 10), 200.0)


def argmin_constant(y: np.ndarray, loss) -> float:
    """Constant c minimising the mean loss, found by SciPy on a bracket wide enough to hold it."""
    res = minimize_scalar(lambda c: np.mean(loss(y - c)), bounds=(y.min(), y.max()), method="bounded",
                          options={"xatol": 1e-10})
    return float(res.x)


def test_mean_minimises_squared_error() -> None:
    assert argmin_constant(Y, sa.squared) == pytest.approx(Y.mean(), abs=1e-6)


def test_median_minimises_absolute_error() -> None:
    assert argmin_constant(Y, sa.absolute) == pytest.approx(np.median(Y), abs=1e-6)


@pytest.mark.parametrize("delta", [0.5, 2.0, 10.0])
def test_huber_location_matches_scipy_and_lies_between_median_and_mean(delta: float) -> None:
    c = sa.huber_location(Y, delta)
    assert c == pytest.approx(argmin_constant(Y, lambda r: sa.huber(r, delta)), abs=1e-6)
    assert np.median(Y) < c < Y.mean()


def test_huber_limits_are_mean_and_median() -> None:
    assert sa.huber_location(Y, delta=1e6) == pytest.approx(Y.mean(), rel=1e-12)
    assert sa.huber_location(Y, delta=1e-4) == pytest.approx(np.median(Y), abs=1e-3)


def test_huber_is_continuously_differentiable_at_the_joins() -> None:
    delta, h = 1.5, 1e-7
    for r0 in (-delta, delta):
        left, right = sa.huber(np.array([r0 - h]), delta), sa.huber(np.array([r0 + h]), delta)
        assert left[0] == pytest.approx(right[0], abs=1e-6)
        slope_in = (sa.huber(np.array([r0]), delta) - left)[0] / h
        slope_out = (right - sa.huber(np.array([r0]), delta))[0] / h
        assert slope_in == pytest.approx(slope_out, abs=1e-5)
        assert slope_in == pytest.approx(np.sign(r0) * delta, abs=1e-5)


def test_one_outlier_moves_the_mean_by_m_over_n_but_the_median_barely() -> None:
    clean = Y[:10]
    for m in (200.0, 2000.0, 20000.0):
        y = np.append(clean, m)
        assert y.mean() - clean.mean() == pytest.approx((m - clean.mean()) / 11)
        # With one extra point above the rest, the median of 11 is the 6th smallest clean value.
        assert np.median(y) == np.sort(clean)[5]


def test_lad_fit_reaches_the_same_objective_as_sklearn_quantile_regression() -> None:
    rng = np.random.default_rng(1)
    n = 300
    X = np.column_stack([np.ones(n), rng.uniform(0, 10, n)])
    y = X @ np.array([1.0, 2.0]) + rng.standard_t(df=1.5, size=n)
    w = sa.lad_fit(X, y)
    ref = QuantileRegressor(quantile=0.5, alpha=0.0, fit_intercept=False, solver="highs").fit(X, y)
    ours, theirs = np.abs(y - X @ w).sum(), np.abs(y - X @ ref.coef_).sum()
    assert ours == pytest.approx(theirs, rel=1e-6)
    np.testing.assert_allclose(w, ref.coef_, atol=1e-3)


def test_least_squares_fits_the_conditional_mean_and_lad_the_conditional_median() -> None:
    """y = 2x + e with e ~ Exponential(1): the conditional mean is 2x + 1, the conditional median 2x + ln 2."""
    rng = np.random.default_rng(2)
    n = 20000
    x = rng.uniform(0, 5, n)
    X = np.column_stack([np.ones(n), x])
    y = 2 * x + rng.exponential(1.0, n)
    w_ls = np.linalg.lstsq(X, y, rcond=None)[0]
    w_lad = sa.lad_fit(X, y)
    assert w_ls == pytest.approx([1.0, 2.0], abs=0.03)
    assert w_lad == pytest.approx([np.log(2), 2.0], abs=0.03)


def test_median_is_less_efficient_under_gaussian_noise_and_more_under_laplace() -> None:
    """Asymptotic variance ratios: Var(median)/Var(mean) -> pi/2 for Gaussian, Var(mean)/Var(median) -> 2 for Laplace.

    At n = 201 the Laplace ratio is still about 1.8: the median's variance approaches its limit slowly.
    """
    rng = np.random.default_rng(3)
    reps, n = 20000, 201
    G = rng.standard_normal((reps, n))
    L = rng.laplace(size=(reps, n))
    gauss_ratio = np.median(G, axis=1).var() / G.mean(axis=1).var()
    laplace_ratio = L.mean(axis=1).var() / np.median(L, axis=1).var()
    assert 1.50 < gauss_ratio < 1.62      # pi / 2 = 1.571
    assert 1.70 < laplace_ratio < 2.05


def test_huber_with_delta_1_345_keeps_95_percent_efficiency_under_gaussian_noise() -> None:
    """Asymptotic efficiency of an M-estimator relative to the mean: E[psi']^2 / E[psi^2] for N(0, 1) noise."""
    from scipy.integrate import quad
    from scipy.stats import norm

    delta = 1.345
    e_psi_prime = 2 * norm.cdf(delta) - 1                   # psi' = 1 inside [-delta, delta], 0 outside
    e_psi_sq = quad(lambda z: np.clip(z, -delta, delta) ** 2 * norm.pdf(z), -40, 40, points=[-delta, delta])[0]
    assert e_psi_prime**2 / e_psi_sq == pytest.approx(0.95, abs=5e-4)
    # Simulation of the same ratio with the snippet's estimator.
    rng = np.random.default_rng(4)
    samples = rng.standard_normal((4000, 100))
    huber_var = np.var([sa.huber_location(s, delta) for s in samples])
    assert samples.mean(axis=1).var() / huber_var == pytest.approx(0.95, abs=0.04)
