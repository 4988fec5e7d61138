"""A reference set of common losses, each written as a mean over examples.

The page groups losses by task and links each to the quantity its minimiser estimates. These NumPy
versions exist so the tests can check them against scikit-learn's metrics and check, with SciPy, which
constant each one prefers on the same data.
"""

from __future__ import annotations

import numpy as np


# --8<-- [start:regression]
def mse(y: np.ndarray, f: np.ndarray) -> float:
    """Squared error: Gaussian negative log-likelihood up to constants; minimiser is the mean."""
    return float(np.mean((y - f) ** 2))


def mae(y: np.ndarray, f: np.ndarray) -> float:
    """Absolute error: Laplace negative log-likelihood up to constants; minimiser is the median."""
    return float(np.mean(np.abs(y - f)))


def pinball(y: np.ndarray, f: np.ndarray, tau: float) -> float:
    """Quantile loss: under-prediction costs tau per unit, over-prediction 1 - tau; minimiser is the tau-quantile."""
    r = y - f
    return float(np.mean(np.maximum(tau * r, (tau - 1) * r)))


def poisson_deviance(y: np.ndarray, mu: np.ndarray) -> float:
    """Poisson deviance 2 [y log(y / mu) - (y - mu)] for counts y >= 0 and predicted rates mu > 0."""
    y_log = np.where(y > 0, y * np.log(np.where(y > 0, y, 1.0) / mu), 0.0)   # 0 log 0 = 0
    return float(np.mean(2 * (y_log - (y - mu))))
# --8<-- [end:regression]


# --8<-- [start:classification]
def log_loss(y: np.ndarray, p: np.ndarray) -> float:
    """Binary cross-entropy for labels in {0, 1} and probabilities p in (0, 1)."""
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def hinge(y_pm: np.ndarray, s: np.ndarray) -> float:
    """SVM hinge loss max(0, 1 - y s) for labels in {-1, +1} and real scores s."""
    return float(np.mean(np.maximum(0.0, 1.0 - y_pm * s)))


def exponential(y_pm: np.ndarray, s: np.ndarray) -> float:
    """AdaBoost's loss exp(-y s) for labels in {-1, +1} and real scores s."""
    return float(np.mean(np.exp(-y_pm * s)))
# --8<-- [end:classification]


# --8<-- [start:pairs]
def pairwise_logistic(s_pos: np.ndarray, s_neg: np.ndarray) -> float:
    """Ranking loss log(1 + exp(-(s_i - s_j))) over all pairs (i more relevant than j), as in RankNet."""
    diff = s_pos[:, None] - s_neg[None, :]
    return float(np.mean(np.logaddexp(0.0, -diff)))


def triplet(anchor: np.ndarray, pos: np.ndarray, neg: np.ndarray, margin: float) -> float:
    """Embedding loss max(0, d(a, p) - d(a, n) + margin) with Euclidean d, rows are examples."""
    d_ap = np.linalg.norm(anchor - pos, axis=1)
    d_an = np.linalg.norm(anchor - neg, axis=1)
    return float(np.mean(np.maximum(0.0, d_ap - d_an + margin)))
# --8<-- [end:pairs]
