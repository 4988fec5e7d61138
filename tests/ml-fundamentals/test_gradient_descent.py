"""Checks of the gradient-descent snippet against least squares, finite differences and the 1/B law."""

from __future__ import annotations

import numpy as np
import pytest

import gradient_descent as gd


def make_problem(n: int = 200, d: int = 3, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """A noisy linear regression with correlated features (so the Hessian is not a multiple of I)."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, d)) @ (np.eye(d) + 0.6 * np.tri(d, k=-1))
    y = X @ rng.standard_normal(d) + 0.5 * rng.standard_normal(n)
    return X, y


def smoothness(X: np.ndarray) -> float:
    """L = largest eigenvalue of the Hessian X^T X / n of the loss."""
    return float(np.linalg.eigvalsh(X.T @ X / len(X)).max())


def test_gradient_matches_central_finite_differences() -> None:
    X, y = make_problem()
    w = np.random.default_rng(1).standard_normal(X.shape[1])
    h = 1e-6
    numeric = np.array([
        (gd.loss(w + h * e, X, y) - gd.loss(w - h * e, X, y)) / (2 * h) for e in np.eye(len(w))
    ])
    np.testing.assert_allclose(gd.gradient(w, X, y), numeric, rtol=1e-6, atol=1e-8)


def test_batch_gd_reaches_the_lstsq_solution() -> None:
    X, y = make_problem()
    w, _ = gd.minibatch_gd(X, y, eta=1.0 / smoothness(X), batch_size=len(y), n_epochs=2000,
                           rng=np.random.default_rng(0))
    w_star = np.linalg.lstsq(X, y, rcond=None)[0]
    np.testing.assert_allclose(w, w_star, rtol=1e-8, atol=1e-10)


def test_step_size_below_two_over_L_converges_and_above_diverges() -> None:
    X, y = make_problem()
    L = smoothness(X)
    w_star = np.linalg.lstsq(X, y, rcond=None)[0]
    w_ok, _ = gd.minibatch_gd(X, y, 1.95 / L, len(y), 3000, np.random.default_rng(0))
    w_bad, _ = gd.minibatch_gd(X, y, 2.05 / L, len(y), 3000, np.random.default_rng(0))
    assert np.linalg.norm(w_ok - w_star) < 1e-6
    assert np.linalg.norm(w_bad - w_star) > 1e6


def test_batch_gd_error_follows_the_linear_recursion() -> None:
    """On a quadratic, w_t - w* = (I - eta H)^t (w_0 - w*) exactly."""
    X, y = make_problem()
    H = X.T @ X / len(y)
    eta, t = 0.7 / smoothness(X), 25
    w_star = np.linalg.lstsq(X, y, rcond=None)[0]
    w_t, _ = gd.minibatch_gd(X, y, eta, len(y), t, np.random.default_rng(0))
    predicted = w_star + np.linalg.matrix_power(np.eye(len(w_star)) - eta * H, t) @ (0.0 - w_star)
    np.testing.assert_allclose(w_t, predicted, rtol=1e-10, atol=1e-12)


def test_sgd_with_decaying_step_gets_close_to_lstsq() -> None:
    X, y = make_problem()
    w_star = np.linalg.lstsq(X, y, rcond=None)[0]
    w, _ = gd.minibatch_gd(X, y, 0.1 / smoothness(X), 1, 50, np.random.default_rng(0), decay=0.01)
    excess = gd.loss(w, X, y) - gd.loss(w_star, X, y)
    assert excess < 1e-4 * gd.loss(w_star, X, y)


def test_minibatch_gradient_is_unbiased() -> None:
    X, y = make_problem()
    w = np.zeros(X.shape[1])
    rng = np.random.default_rng(0)
    draws = [gd.gradient(w, X[idx], y[idx]) for idx in (rng.choice(len(y), 8) for _ in range(20000))]
    g = gd.gradient(w, X, y)
    sigma = np.sqrt(gd.per_example_gradient_trace(w, X, y) / 8 / 20000)   # standard error scale
    assert np.linalg.norm(np.mean(draws, axis=0) - g) < 4 * sigma


def test_minibatch_gradient_noise_scales_as_one_over_B() -> None:
    """With replacement, E||g_B - g||^2 = tr(Sigma) / B: the log-log slope is -1."""
    X, y = make_problem()
    w = np.zeros(X.shape[1])
    trace = gd.per_example_gradient_trace(w, X, y)
    sizes = np.array([1, 2, 4, 8, 16, 32, 64])
    noise = np.array([gd.minibatch_gradient_noise(w, X, y, B, 20000, np.random.default_rng(B))
                      for B in sizes])
    np.testing.assert_allclose(noise * sizes / trace, 1.0, rtol=0.06)
    slope = np.polyfit(np.log(sizes), np.log(noise), 1)[0]
    assert slope == pytest.approx(-1.0, abs=0.03)


@pytest.mark.parametrize("B", [10, 100, 190])
def test_sampling_without_replacement_has_finite_population_correction(B: int) -> None:
    """Without replacement the noise is tr(Sigma) / B * (n - B) / (n - 1), smaller than with."""
    X, y = make_problem()
    n, w = len(y), np.zeros(X.shape[1])
    expected = gd.per_example_gradient_trace(w, X, y) / B * (n - B) / (n - 1)
    measured = gd.minibatch_gradient_noise(w, X, y, B, 20000, np.random.default_rng(B), replace=False)
    assert measured == pytest.approx(expected, rel=0.05)


def test_heavy_ball_momentum_beats_plain_gd_on_an_ill_conditioned_quadratic() -> None:
    """With the classical tuning, momentum needs about sqrt(kappa) times fewer steps than GD."""
    rng = np.random.default_rng(0)
    n, kappa = 400, 100.0
    Q, _ = np.linalg.qr(rng.standard_normal((2, 2)))
    X = rng.standard_normal((n, 2))
    X = X @ np.linalg.inv(np.linalg.cholesky(X.T @ X / n)).T     # whiten: X^T X / n = I
    X = X @ np.diag([1.0, np.sqrt(kappa)]) @ Q.T                 # eigenvalues of H: 1 and kappa
    y = X @ np.array([1.0, -1.0]) + 0.1 * rng.standard_normal(n)
    w_star = np.linalg.lstsq(X, y, rcond=None)[0]
    mu, L = 1.0, kappa

    def steps_to(tol: float, **kw: float) -> int:
        _, path = gd.minibatch_gd(X, y, batch_size=n, n_epochs=5000, rng=rng, **kw)
        err = np.linalg.norm(path - w_star, axis=1) / np.linalg.norm(w_star)
        return int(np.argmax(err < tol))

    plain = steps_to(1e-6, eta=2.0 / (mu + L))
    # Plain GD at its best fixed step contracts every direction by exactly (kappa - 1) / (kappa + 1).
    assert plain == pytest.approx(np.log(1e-6) / np.log((kappa - 1) / (kappa + 1)), abs=2)
    root = np.sqrt(kappa)
    heavy = steps_to(1e-6, eta=4.0 / (np.sqrt(mu) + np.sqrt(L)) ** 2, beta=((root - 1) / (root + 1)) ** 2)
    assert 0 < heavy < plain / 5


@pytest.mark.parametrize("B", [1, 4])
def test_constant_step_sgd_stalls_at_the_first_order_noise_floor(B: int) -> None:
    """With a small constant step, E[L(w)] - L(w*) settles near eta tr(Sigma*) / (4 B).

    Sampling here is with replacement, the setting of the derivation on the page.
    """
    X, y = make_problem()
    n = len(y)
    eta = 0.02 / smoothness(X)
    w_star = np.linalg.lstsq(X, y, rcond=None)[0]
    rng = np.random.default_rng(1)
    w, steps, burn_in = w_star.copy(), 60_000, 5_000
    iterates = np.empty((steps, len(w)))
    for k, idx in enumerate(rng.integers(0, n, size=(steps, B))):
        w = w - eta * gd.gradient(w, X[idx], y[idx])
        iterates[k] = w
    W = iterates[burn_in:]
    excess = 0.5 * np.mean((X @ W.T - y[:, None]) ** 2, axis=0) - gd.loss(w_star, X, y)
    floor = eta * gd.per_example_gradient_trace(w_star, X, y) / (4 * B)
    assert excess.mean() == pytest.approx(floor, rel=0.15)
