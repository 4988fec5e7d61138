"""Checks of the uncertainty snippet against SciPy, scikit-learn, closed forms and simulated coverage."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.optimize import minimize_scalar
from scipy.stats import norm
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import RBF, ConstantKernel
from sklearn.metrics import mean_pinball_loss

import uncertainty_in_regression as ur


def test_gaussian_nll_matches_scipy_log_density() -> None:
    rng = np.random.default_rng(0)
    y, mu = rng.normal(size=100), rng.normal(size=100)
    var = rng.uniform(0.1, 3.0, size=100)
    assert ur.gaussian_nll(y, mu, var) == pytest.approx(-np.mean(norm.logpdf(y, mu, np.sqrt(var))))


def test_gaussian_nll_with_a_shared_variance_is_minimised_by_the_mean_squared_residual() -> None:
    rng = np.random.default_rng(1)
    y, mu = rng.normal(0, 2, size=500), np.zeros(500)
    res = minimize_scalar(lambda v: ur.gaussian_nll(y, mu, np.full(500, v)), bounds=(1e-3, 50),
                          method="bounded", options={"xatol": 1e-9})
    assert res.x == pytest.approx(np.mean(y**2), rel=1e-5)
    # At the optimum the loss is 0.5 log(2 pi e s^2): the Gaussian entropy at the fitted variance.
    assert res.fun == pytest.approx(0.5 * np.log(2 * np.pi * np.e * np.mean(y**2)), rel=1e-6)


def test_gaussian_nll_gradients_match_finite_differences() -> None:
    """d/dmu = -(y - mu)/var and d/dvar = 1/(2 var) - (y - mu)^2/(2 var^2), per point."""
    y, mu, var, h = 1.3, 0.4, 0.7, 1e-6
    f = lambda m, v: ur.gaussian_nll(np.array([y]), np.array([m]), np.array([v]))  # noqa: E731
    assert (f(mu + h, var) - f(mu - h, var)) / (2 * h) == pytest.approx(-(y - mu) / var, rel=1e-6)
    assert (f(mu, var + h) - f(mu, var - h)) / (2 * h) == pytest.approx(
        1 / (2 * var) - (y - mu) ** 2 / (2 * var**2), rel=1e-6)


@pytest.mark.parametrize("tau", [0.05, 0.5, 0.9])
def test_pinball_loss_matches_scikit_learn(tau: float) -> None:
    rng = np.random.default_rng(2)
    y, q = rng.normal(size=200), rng.normal(size=200)
    assert ur.pinball_loss(y, q, tau) == pytest.approx(mean_pinball_loss(y, q, alpha=tau))


@pytest.mark.parametrize("tau", [0.1, 0.5, 0.95])
def test_pinball_loss_is_minimised_by_the_tau_quantile(tau: float) -> None:
    y = np.random.default_rng(3).exponential(size=2001)
    res = minimize_scalar(lambda c: ur.pinball_loss(y, np.full_like(y, c), tau),
                          bounds=(0, y.max()), method="bounded", options={"xatol": 1e-10})
    q = np.quantile(y, tau, method="inverted_cdf")
    assert ur.pinball_loss(y, np.full_like(y, res.x), tau) == pytest.approx(
        ur.pinball_loss(y, np.full_like(y, q), tau), abs=1e-9)
    assert res.x == pytest.approx(q, abs=0.02)


def test_gp_posterior_matches_scikit_learn() -> None:
    rng = np.random.default_rng(4)
    X = rng.uniform(0, 5, size=(25, 1))
    y = np.sin(X[:, 0]) + rng.normal(0, 0.2, 25)
    X_star = np.linspace(-2, 8, 50)[:, None]
    mean, var_f = ur.gp_posterior(X, y, X_star, length_scale=0.8, signal_var=1.5, noise_var=0.04)
    gp = GaussianProcessRegressor(ConstantKernel(1.5) * RBF(0.8), alpha=0.04, optimizer=None).fit(X, y)
    mean_sk, std_sk = gp.predict(X_star, return_std=True)
    assert mean == pytest.approx(mean_sk, abs=1e-8)
    assert np.sqrt(var_f) == pytest.approx(std_sk, abs=1e-6)


def test_gp_epistemic_variance_grows_away_from_the_data_towards_the_prior() -> None:
    X = np.linspace(0, 3, 30)[:, None]
    y = np.sin(X[:, 0])
    x_star = np.array([[1.5], [4.0], [20.0]])
    _, var_f = ur.gp_posterior(X, y, x_star, length_scale=0.7, signal_var=1.0, noise_var=0.01)
    assert var_f[0] < 0.01 < var_f[1] and var_f[2] == pytest.approx(1.0, abs=1e-9)


def test_prediction_interval_covers_new_points_but_the_interval_for_the_mean_does_not() -> None:
    """Data from the GP's own model: 95% bands with noise cover ~95% of new y; latent-only bands far less."""
    rng = np.random.default_rng(5)
    ell, s2, n2 = 1.0, 1.0, 0.09
    X = rng.uniform(0, 6, size=(40, 1))
    X_new = rng.uniform(0, 6, size=(400, 1))
    covered_pi = covered_ci = total = 0
    for _ in range(20):
        X_all = np.vstack([X, X_new])
        f = np.linalg.cholesky(ur.rbf(X_all, X_all, ell, s2) + 1e-9 * np.eye(440)) @ rng.normal(size=440)
        y_all = f + rng.normal(0, math.sqrt(n2), 440)
        mean, var_f = ur.gp_posterior(X, y_all[:40], X_new, ell, s2, n2)
        z = np.abs(y_all[40:] - mean)
        covered_pi += np.sum(z <= 1.96 * np.sqrt(var_f + n2))
        covered_ci += np.sum(z <= 1.96 * np.sqrt(var_f))
        total += 400
    # New points share draws of f within a replicate, so allow more than the i.i.d. binomial tolerance.
    assert covered_pi / total == pytest.approx(0.95, abs=0.02)
    assert covered_ci / total < 0.75


@pytest.mark.parametrize("n", [19, 50, 99])
def test_split_conformal_coverage_equals_its_finite_sample_formula(n: int) -> None:
    """Marginal coverage is exactly ceil((n + 1)(1 - alpha)) / (n + 1) for continuous scores, even with
    heavy-tailed noise and a wrong model; 20,000 trials give a binomial s.d. near 0.002."""
    rng = np.random.default_rng(6)
    alpha, trials = 0.1, 20_000
    resid = np.abs(rng.standard_t(df=2, size=(trials, n + 1)))  # last column is the test point
    hits = sum(resid[t, -1] <= ur.split_conformal_radius(resid[t, :-1], alpha) for t in range(trials))
    target = math.ceil((n + 1) * (1 - alpha)) / (n + 1)
    sd = math.sqrt(target * (1 - target) / trials)
    assert target >= 1 - alpha
    assert abs(hits / trials - target) < 4 * sd


def test_split_conformal_end_to_end_covers_marginally_but_not_where_noise_is_large() -> None:
    """Fit on one half, calibrate on the other: ~90% overall, but under-coverage where sd(x) is large."""
    rng = np.random.default_rng(7)
    def draw(n: int) -> tuple[np.ndarray, np.ndarray]:
        x = rng.uniform(0, 3, n)
        return x, 1 + 2 * x + (0.1 + 0.5 * x) * rng.normal(size=n)
    x_tr, y_tr = draw(2000)
    w = np.polyfit(x_tr, y_tr, 1)
    x_cal, y_cal = draw(2000)
    q_hat = ur.split_conformal_radius(np.abs(y_cal - np.polyval(w, x_cal)), alpha=0.1)
    x_te, y_te = draw(50_000)
    hit = np.abs(y_te - np.polyval(w, x_te)) <= q_hat
    assert hit.mean() == pytest.approx(0.9, abs=0.015)
    assert hit[x_te > 2.5].mean() < 0.8 and hit[x_te < 0.5].mean() > 0.99


def test_split_conformal_needs_enough_calibration_points() -> None:
    assert ur.split_conformal_radius(np.arange(1.0, 9.0), alpha=0.1) == math.inf   # n = 8 < 9
    assert ur.split_conformal_radius(np.arange(1.0, 10.0), alpha=0.1) == 9.0       # n = 9: the max
