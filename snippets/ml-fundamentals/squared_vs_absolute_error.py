"""Squared, absolute and Huber loss, and the estimators they produce.

The page shows that the constant minimising squared error is the mean and the one minimising absolute
error is the median, with Huber in between. This module gives the losses, a Huber location estimate by
iteratively reweighted least squares, and a least-absolute-deviations line fit the same way, so the
tests can compare them with SciPy's optimizer and scikit-learn's quantile regression.
"""

from __future__ import annotations

import numpy as np


# --8<-- [start:losses]
def squared(r: np.ndarray) -> np.ndarray:
    """Squared error r^2: smooth, gradient 2r grows with the residual."""
    return r**2


def absolute(r: np.ndarray) -> np.ndarray:
    """Absolute error |r|: gradient sign(r) has constant size; not differentiable at 0."""
    return np.abs(r)


def huber(r: np.ndarray, delta: float) -> np.ndarray:
    """Quadratic for |r| <= delta, linear beyond, joined with matching value and slope at +-delta."""
    a = np.abs(r)
    return np.where(a <= delta, 0.5 * r**2, delta * (a - 0.5 * delta))
# --8<-- [end:losses]


# --8<-- [start:huber_location]
def huber_location(y: np.ndarray, delta: float, n_iter: int = 200, tol: float = 1e-12) -> float:
    """Constant c minimising sum_i huber(y_i - c, delta), by iteratively reweighted means.

    The optimum solves sum_i psi(y_i - c) = 0 with psi(r) = clip(r, -delta, delta). Writing
    psi(r) = w(r) r with w(r) = min(1, delta / |r|) turns that into a weighted mean; iterate it.
    Points within delta of c get weight 1 (mean-like), far points get weight delta / |r| (median-like).
    """
    c = float(np.median(y))                      # robust start
    for _ in range(n_iter):
        r = np.abs(y - c)
        w = np.minimum(1.0, delta / np.maximum(r, 1e-300))
        c_new = float(np.sum(w * y) / np.sum(w))
        if abs(c_new - c) < tol:
            return c_new
        c = c_new
    return c
# --8<-- [end:huber_location]


# --8<-- [start:lad]
def lad_fit(X: np.ndarray, y: np.ndarray, n_iter: int = 500, eps: float = 1e-8) -> np.ndarray:
    """Weights w minimising sum_i |y_i - x_i . w| (least absolute deviations), by IRLS.

    |r| = r^2 / |r|, so each step solves weighted least squares with weights 1 / max(|r_i|, eps),
    where r_i are the residuals of the previous step. eps guards against division by zero.
    """
    w = np.linalg.lstsq(X, y, rcond=None)[0]     # start from ordinary least squares
    for _ in range(n_iter):
        s = 1.0 / np.maximum(np.abs(y - X @ w), eps)
        w = np.linalg.solve(X.T @ (s[:, None] * X), X.T @ (s * y))
    return w
# --8<-- [end:lad]
