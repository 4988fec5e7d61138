"""Bias-variance decomposition of the squared test error, estimated by Monte Carlo.

The page derives E[(y - f_hat(x))^2] = bias^2 + variance + sigma^2. This module measures each term by
refitting the same model on many independent training sets, and also measures the expected test error
directly, so the identity can be checked numerically instead of trusted.

Setting: fixed training inputs x_train (a design), labels y = f(x) + eps with eps ~ N(0, sigma^2)
redrawn for every training set. Test points are scored against fresh labels the fit never saw.
"""

from __future__ import annotations

import numpy as np


def true_f(x: np.ndarray) -> np.ndarray:
    """Regression function f(x) = E[y | x] of the experiments: one period of a sine on [0, 1]."""
    return np.sin(2 * np.pi * x)


# --8<-- [start:fit]
def fit_polynomial(x: np.ndarray, y: np.ndarray, degree: int) -> np.polynomial.Polynomial:
    """Least-squares polynomial of a given degree: the model whose capacity we vary.

    Polynomial.fit maps x to [-1, 1] before solving, which keeps the Vandermonde system
    well conditioned at the degrees used here.
    """
    return np.polynomial.Polynomial.fit(x, y, deg=degree)
# --8<-- [end:fit]


# --8<-- [start:decompose]
def decompose(
    degree: int,
    x_train: np.ndarray,
    sigma: float,
    x_test: np.ndarray,
    n_sets: int,
    rng: np.random.Generator,
) -> dict[str, float]:
    """Estimate bias^2, variance and noise of a polynomial fit, averaged over x_test.

    Each of n_sets training sets D (same inputs, new label noise) gives one fit f_hat_D. The spread
    of f_hat_D(x) across sets is the variance; the gap between their mean and f(x) is the bias.
    The expected test error is measured separately, on fresh labels independent of D.
    """
    f_train, f_test = true_f(x_train), true_f(x_test)
    preds = np.empty((n_sets, x_test.size))   # preds[r, j] = f_hat_{D_r}(x_test[j])
    test_err = np.empty(n_sets)
    train_err = np.empty(n_sets)
    for r in range(n_sets):
        y = f_train + sigma * rng.standard_normal(x_train.size)
        f_hat = fit_polynomial(x_train, y, degree)
        preds[r] = f_hat(x_test)
        train_err[r] = np.mean((y - f_hat(x_train)) ** 2)
        y0 = f_test + sigma * rng.standard_normal(x_test.size)  # new labels, independent of D
        test_err[r] = np.mean((y0 - preds[r]) ** 2)
    f_bar = preds.mean(axis=0)                     # E_D[f_hat(x)] at each test point
    return {
        "bias2": float(np.mean((f_bar - f_test) ** 2)),  # E_x[(E_D f_hat(x) - f(x))^2]
        "variance": float(np.mean(preds.var(axis=0))),   # E_x[Var_D f_hat(x)]
        "noise": sigma**2,                                # Var(eps): no model removes it
        "test_error": float(test_err.mean()),             # measured E[(y0 - f_hat(x))^2]
        "train_error": float(train_err.mean()),
    }
# --8<-- [end:decompose]
