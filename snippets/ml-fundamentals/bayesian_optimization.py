"""Bayesian optimisation from scratch: a Gaussian-process surrogate, expected improvement, and the loop.

The page derives the GP posterior by conditioning a joint Gaussian and the closed form of expected
improvement. These functions are those formulas in NumPy, so the tests can hold them against
scikit-learn's GaussianProcessRegressor and against Monte Carlo. Convention: we MINIMISE f (a
validation loss).
"""

from __future__ import annotations

from collections.abc import Callable
from math import erf, sqrt

import numpy as np


def rbf_kernel(A: np.ndarray, B: np.ndarray, length: float, signal_var: float) -> np.ndarray:
    """Squared-exponential covariance k(a, b) = s^2 exp(-|a - b|^2 / (2 l^2)); rows are points."""
    sq = np.sum(A**2, axis=1)[:, None] + np.sum(B**2, axis=1)[None, :] - 2 * A @ B.T
    return signal_var * np.exp(-0.5 * np.maximum(sq, 0.0) / length**2)


# --8<-- [start:posterior]
def gp_posterior(
    X: np.ndarray, y: np.ndarray, X_star: np.ndarray, length: float, signal_var: float, noise_var: float
) -> tuple[np.ndarray, np.ndarray]:
    """Posterior mean and standard deviation of f at X_star given noisy observations y at X.

    Zero prior mean (centre y first). Uses a Cholesky factor of K + noise_var I instead of an
    inverse: O(n^3) once, then O(n^2) per test point.
    """
    K = rbf_kernel(X, X, length, signal_var) + noise_var * np.eye(len(X))
    K_s = rbf_kernel(X, X_star, length, signal_var)             # n x m cross-covariances
    L = np.linalg.cholesky(K)
    alpha = np.linalg.solve(L.T, np.linalg.solve(L, y))          # (K + noise I)^{-1} y
    mu = K_s.T @ alpha
    V = np.linalg.solve(L, K_s)
    var = signal_var - np.sum(V**2, axis=0)                      # k(x*, x*) - k_s^T (K + noise I)^{-1} k_s
    return mu, np.sqrt(np.maximum(var, 0.0))
# --8<-- [end:posterior]


def log_marginal_likelihood(X: np.ndarray, y: np.ndarray, length: float, signal_var: float, noise_var: float) -> float:
    """log p(y | X) under the GP prior: how hyperparameters of the surrogate would be fitted."""
    K = rbf_kernel(X, X, length, signal_var) + noise_var * np.eye(len(X))
    L = np.linalg.cholesky(K)
    alpha = np.linalg.solve(L.T, np.linalg.solve(L, y))
    return float(-0.5 * y @ alpha - np.sum(np.log(np.diag(L))) - 0.5 * len(X) * np.log(2 * np.pi))


# --8<-- [start:ei]
def norm_pdf(z: np.ndarray) -> np.ndarray:
    return np.exp(-0.5 * z**2) / np.sqrt(2 * np.pi)


def norm_cdf(z: np.ndarray) -> np.ndarray:
    return 0.5 * (1 + np.vectorize(erf)(z / sqrt(2)))


def expected_improvement(mu: np.ndarray, sigma: np.ndarray, f_best: float, xi: float = 0.0) -> np.ndarray:
    """E[max(f_best - xi - f(x), 0)] for f(x) ~ N(mu, sigma^2): closed form, zero where sigma = 0.

    The first term rewards a low mean (exploitation), the second a large sigma (exploration).
    """
    gap = f_best - xi - mu
    safe = np.where(sigma > 0, sigma, 1.0)
    z = gap / safe
    ei = gap * norm_cdf(z) + sigma * norm_pdf(z)
    return np.where(sigma > 0, ei, np.maximum(gap, 0.0))
# --8<-- [end:ei]


# --8<-- [start:loop]
def bayes_opt(
    f: Callable[[np.ndarray], float],
    candidates: np.ndarray,
    n_init: int,
    n_iter: int,
    rng: np.random.Generator,
    length: float = 0.1,
    signal_var: float = 1.0,
    noise_var: float = 1e-6,
) -> tuple[np.ndarray, np.ndarray]:
    """Minimise f over a finite candidate set (rows); return every evaluated x and f(x), in order.

    Start from n_init random candidates, then each step: fit the GP to standardised y, evaluate the
    candidate with the largest expected improvement, add it to the data.
    """
    idx = list(rng.choice(len(candidates), size=n_init, replace=False))
    y = [f(candidates[i]) for i in idx]
    for _ in range(n_iter):
        y_arr = np.array(y)
        m, s = y_arr.mean(), y_arr.std() + 1e-12
        mu, sd = gp_posterior(candidates[idx], (y_arr - m) / s, candidates, length, signal_var, noise_var)
        ei = expected_improvement(mu, sd, f_best=(y_arr.min() - m) / s)
        ei[idx] = -np.inf                                        # do not re-evaluate a known point
        i = int(np.argmax(ei))
        idx.append(i)
        y.append(f(candidates[i]))
    return candidates[idx], np.array(y)
# --8<-- [end:loop]


def forrester(x: np.ndarray) -> float:
    """A standard 1-D test function on [0, 1] with a local and a global minimum."""
    t = float(np.ravel(x)[0])
    return (6 * t - 2) ** 2 * np.sin(12 * t - 4)
