"""Measuring calibration (reliability curve, ECE, Brier score) and fixing it (Platt, isotonic, temperature).

A model is calibrated when, among the cases it scores p, a fraction p are positive. The reliability
curve checks that bin by bin; ECE and the Brier score turn it into one number. The three fixes are fitted
on a held-out calibration set and map old scores to new probabilities: Platt scaling with two parameters,
isotonic regression with a free monotone step function, temperature scaling with one parameter that keeps
every argmax. Each is checked against scikit-learn or SciPy in the tests.
"""

from __future__ import annotations

import numpy as np


def sigmoid(u: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-u))


# --8<-- [start:measure]
def reliability_curve(y: np.ndarray, p: np.ndarray, n_bins: int = 10) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per non-empty bin of equal width on [0, 1]: observed positive rate, mean predicted p, count.

    Bin edges and edge handling follow sklearn.calibration.calibration_curve(strategy="uniform").
    """
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    b = np.searchsorted(edges[1:-1], p)                 # bin index of each prediction
    n_b = np.bincount(b, minlength=n_bins)
    keep = n_b > 0
    frac_pos = np.bincount(b, weights=y, minlength=n_bins)[keep] / n_b[keep]
    mean_p = np.bincount(b, weights=p, minlength=n_bins)[keep] / n_b[keep]
    return frac_pos, mean_p, n_b[keep]


def expected_calibration_error(y: np.ndarray, p: np.ndarray, n_bins: int = 10) -> float:
    """ECE = sum over bins of (n_b / n) * |observed rate - mean predicted p|."""
    frac_pos, mean_p, n_b = reliability_curve(y, p, n_bins)
    return float(np.sum(n_b / n_b.sum() * np.abs(frac_pos - mean_p)))


def brier_score(y: np.ndarray, p: np.ndarray) -> float:
    """Mean squared error of the probability: a proper scoring rule, no binning needed."""
    return float(np.mean((p - y) ** 2))
# --8<-- [end:measure]


# --8<-- [start:platt]
def platt_fit(s: np.ndarray, y: np.ndarray, iters: int = 50) -> tuple[float, float]:
    """Fit p = sigmoid(a s + b) to labels y in {0, 1} by Newton's method on the log-loss."""
    X = np.column_stack([s, np.ones_like(s)])
    w = np.array([0.0, np.log(y.mean() / (1 - y.mean()))])   # start: constant at the base rate
    for _ in range(iters):
        q = sigmoid(X @ w)
        grad = X.T @ (q - y) / len(y)
        H = (X * (q * (1 - q))[:, None]).T @ X / len(y)
        w -= np.linalg.solve(H, grad)
    return float(w[0]), float(w[1])
# --8<-- [end:platt]


# --8<-- [start:isotonic]
def isotonic_fit(s: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pool-adjacent-violators: the non-decreasing step function of s closest to y in squared error.

    Returns (sorted scores, fitted probability at each); predict new scores with np.interp.
    """
    order = np.argsort(s, kind="mergesort")
    sums, counts = [], []
    for v in y[order].astype(float):
        sums.append(v)
        counts.append(1)
        while len(sums) > 1 and sums[-2] / counts[-2] >= sums[-1] / counts[-1]:   # violation: merge
            s_last, c_last = sums.pop(), counts.pop()
            sums[-1] += s_last
            counts[-1] += c_last
    fitted = np.repeat(np.array(sums) / np.array(counts), counts)
    return s[order], fitted
# --8<-- [end:isotonic]


# --8<-- [start:temperature]
def temperature_fit(Z: np.ndarray, y: np.ndarray, iters: int = 30) -> float:
    """Temperature T minimising the softmax cross-entropy of logits Z / T (Z: n x K, y: class ids).

    Newton's method on c = 1 / T, where the loss is convex: its first derivative is
    mean(E_q[z] - z_y) and its second is mean(Var_q[z]) under q = softmax(c z).
    """
    c = 1.0
    z_y = Z[np.arange(len(y)), y]
    for _ in range(iters):
        U = c * Z
        q = np.exp(U - U.max(axis=1, keepdims=True))
        q /= q.sum(axis=1, keepdims=True)
        Ez = np.sum(q * Z, axis=1)
        g = np.mean(Ez - z_y)
        h = np.mean(np.sum(q * Z**2, axis=1) - Ez**2)
        c_new = c - g / h
        c = c_new if c_new > 0 else c / 2                     # keep T positive
    return 1.0 / c
# --8<-- [end:temperature]
