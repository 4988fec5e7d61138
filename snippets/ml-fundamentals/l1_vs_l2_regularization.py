"""Ridge in closed form and lasso (and elastic net) by coordinate descent, written out in NumPy.

Objectives follow scikit-learn, so the tests can compare like with like:
  ridge (Ridge):             ||y - X w - b||^2 + alpha ||w||_2^2
  elastic net (ElasticNet):  ||y - X w - b||^2 / (2 n) + alpha * l1_ratio * ||w||_1
                             + alpha * (1 - l1_ratio) / 2 * ||w||_2^2
  lasso (Lasso):             the elastic net with l1_ratio = 1
The intercept b is never penalised.
"""

from __future__ import annotations

import numpy as np


# --8<-- [start:ridge]
def ridge(X: np.ndarray, y: np.ndarray, alpha: float) -> tuple[np.ndarray, float]:
    """Minimise ||y - X w - b||^2 + alpha ||w||^2 in closed form; returns (w, b).

    Centring X and y removes the unpenalised intercept; then (Xc^T Xc + alpha I) w = Xc^T yc,
    which has a unique solution for any alpha > 0 because every eigenvalue is at least alpha.
    """
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc, yc = X - x_mean, y - y_mean
    w = np.linalg.solve(Xc.T @ Xc + alpha * np.eye(X.shape[1]), Xc.T @ yc)
    return w, float(y_mean - x_mean @ w)
# --8<-- [end:ridge]


# --8<-- [start:lasso]
def soft_threshold(z: float, t: float) -> float:
    """S(z, t) = sign(z) max(|z| - t, 0): the exact minimiser of (w - z)^2 / 2 + t |w|."""
    return float(np.sign(z) * max(abs(z) - t, 0.0))


def lasso_cd(
    X: np.ndarray,
    y: np.ndarray,
    alpha: float,
    l1_ratio: float = 1.0,
    w0: np.ndarray | None = None,
    max_sweeps: int = 10_000,
    tol: float = 1e-10,
) -> tuple[np.ndarray, float]:
    """Lasso (l1_ratio = 1) or elastic net by cyclic coordinate descent; returns (w, b).

    Each coordinate update is solved exactly by soft-thresholding, which is why weights land on
    exactly zero. w0 allows warm starts along a path of alphas. Stops when a full sweep moves
    no weight by more than tol.
    """
    n, d = X.shape
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc, yc = X - x_mean, y - y_mean
    a = (Xc**2).sum(axis=0) / n             # curvature of the loss along each coordinate
    w = np.zeros(d) if w0 is None else np.asarray(w0, dtype=float).copy()
    r = yc - Xc @ w                          # current residual
    for _ in range(max_sweeps):
        max_change = 0.0
        for j in range(d):
            if a[j] == 0.0:                  # constant column: it cannot explain anything
                continue
            z = Xc[:, j] @ r / n + a[j] * w[j]   # correlation of x_j with the partial residual
            w_j = soft_threshold(z, alpha * l1_ratio) / (a[j] + alpha * (1.0 - l1_ratio))
            if w_j != w[j]:
                r -= Xc[:, j] * (w_j - w[j])
                max_change = max(max_change, abs(w_j - w[j]))
                w[j] = w_j
        if max_change < tol:
            break
    return w, float(y_mean - x_mean @ w)
# --8<-- [end:lasso]


def lasso_alpha_max(X: np.ndarray, y: np.ndarray) -> float:
    """Smallest alpha at which the lasso sets every weight to zero: max_j |x_j^T (y - y_mean)| / n."""
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    return float(np.max(np.abs(Xc.T @ yc)) / len(y))
