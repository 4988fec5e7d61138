"""Ways to put an uncertainty on a regression prediction, each small enough to write in an interview.

The page separates aleatoric noise (a property of the data) from epistemic uncertainty (a property of
what the model has seen), and intervals for a new observation from intervals for the mean. This
module has the losses that learn a predictive distribution (Gaussian NLL, pinball), a Gaussian
process posterior whose variance grows away from the data, and split conformal prediction, which
turns any point predictor into an interval with a finite-sample coverage guarantee.
"""

from __future__ import annotations

import math

import numpy as np


# --8<-- [start:losses]
def gaussian_nll(y: np.ndarray, mu: np.ndarray, var: np.ndarray) -> float:
    """Mean negative log-likelihood of y under N(mu, var): a mean head and a variance head.

    The squared error is divided by var, so a model can buy down the loss on noisy points by
    predicting a larger var, and pays log(var) for it; the balance is var = (y - mu)^2.
    """
    return float(np.mean(0.5 * np.log(2 * np.pi * var) + (y - mu) ** 2 / (2 * var)))


def pinball_loss(y: np.ndarray, q: np.ndarray, tau: float) -> float:
    """Quantile loss: under-predictions cost tau per unit, over-predictions (1 - tau).

    Its minimiser is the tau-quantile of y, so two models trained at tau = 0.05 and 0.95 give a
    90% interval whose width can vary with x (heteroscedastic noise).
    """
    e = y - q
    return float(np.mean(np.maximum(tau * e, (tau - 1) * e)))
# --8<-- [end:losses]


# --8<-- [start:conformal]
def split_conformal_radius(residuals_cal: np.ndarray, alpha: float) -> float:
    """Half-width q_hat so that [y_hat - q_hat, y_hat + q_hat] covers a new y with prob >= 1 - alpha.

    residuals_cal are |y - y_hat| on a calibration set the model was not trained on. q_hat is the
    ceil((n + 1)(1 - alpha))-th smallest of them: a new residual is equally likely to fall at any of
    the n + 1 ranks (exchangeability), which gives the guarantee without any model assumption.
    """
    n = residuals_cal.size
    k = math.ceil((n + 1) * (1 - alpha))
    if k > n:
        return math.inf                      # too few calibration points for this alpha
    return float(np.sort(residuals_cal)[k - 1])
# --8<-- [end:conformal]


# --8<-- [start:gp]
def rbf(A: np.ndarray, B: np.ndarray, length_scale: float, signal_var: float) -> np.ndarray:
    """Squared-exponential kernel k(a, b) = signal_var * exp(-|a - b|^2 / (2 length_scale^2))."""
    d2 = np.sum(A**2, 1)[:, None] + np.sum(B**2, 1)[None, :] - 2 * A @ B.T
    return signal_var * np.exp(-0.5 * np.maximum(d2, 0.0) / length_scale**2)


def gp_posterior(
    X: np.ndarray, y: np.ndarray, X_star: np.ndarray,
    length_scale: float, signal_var: float, noise_var: float,
) -> tuple[np.ndarray, np.ndarray]:
    """Posterior mean and variance of the latent function f at X_star (epistemic part only).

    A new observation adds the noise: Var(y_star) = var_f + noise_var.
    """
    K = rbf(X, X, length_scale, signal_var) + noise_var * np.eye(len(X))
    K_s = rbf(X, X_star, length_scale, signal_var)
    L = np.linalg.cholesky(K)
    alpha = np.linalg.solve(L.T, np.linalg.solve(L, y))     # K^{-1} y
    V = np.linalg.solve(L, K_s)                              # L^{-1} K_s
    mean = K_s.T @ alpha
    var_f = signal_var - np.sum(V**2, axis=0)                # k(x*, x*) - K_s^T K^{-1} K_s
    return mean, np.maximum(var_f, 0.0)
# --8<-- [end:gp]
