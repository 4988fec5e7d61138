"""Learning curves for polynomial regression: the picture that tells overfitting from underfitting.

The model is a polynomial of a chosen degree fitted by ridge regression (alpha = 0 gives plain least
squares). Degree is the capacity dial, alpha the regularisation dial, and the training-set size the
data dial; a learning curve shows how training and validation error respond to the last one.
"""

from __future__ import annotations

import numpy as np


# --8<-- [start:fit]
def features(x: np.ndarray, degree: int) -> np.ndarray:
    """Powers 1..degree of t = 2x - 1, which maps the input range [0, 1] to [-1, 1] for conditioning."""
    t = 2 * np.asarray(x, dtype=float) - 1
    return t[:, None] ** np.arange(1, degree + 1)


def fit(x: np.ndarray, y: np.ndarray, degree: int, alpha: float = 0.0) -> tuple[np.ndarray, float]:
    """Ridge on polynomial features, unpenalised intercept: min ||y - Phi w - b||^2 + alpha ||w||^2.

    With alpha = 0 and fewer points than coefficients, lstsq returns the minimum-norm interpolant.
    """
    Phi = features(x, degree)
    mu, y_mean = Phi.mean(axis=0), y.mean()
    A, r = Phi - mu, y - y_mean
    if alpha > 0:
        w = np.linalg.solve(A.T @ A + alpha * np.eye(degree), A.T @ r)
    else:
        w = np.linalg.lstsq(A, r, rcond=None)[0]
    return w, float(y_mean - mu @ w)


def mse(w: np.ndarray, b: float, x: np.ndarray, y: np.ndarray) -> float:
    """Mean squared error of the fitted polynomial on (x, y)."""
    return float(np.mean((features(x, len(w)) @ w + b - y) ** 2))
# --8<-- [end:fit]


def true_f(x: np.ndarray) -> np.ndarray:
    """Regression function of the experiments: one period of a sine on [0, 1]."""
    return np.sin(2 * np.pi * x)


def sample(n: int, sigma: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """n inputs uniform on [0, 1], labels sin(2 pi x) plus Gaussian noise of standard deviation sigma."""
    x = rng.uniform(0.0, 1.0, n)
    return x, true_f(x) + sigma * rng.standard_normal(n)


# --8<-- [start:learning_curve]
def learning_curve(
    degree: int, sizes: list[int], sigma: float, x_val: np.ndarray, y_val: np.ndarray,
    n_repeats: int, rng: np.random.Generator, alpha: float = 0.0,
) -> tuple[np.ndarray, np.ndarray]:
    """Median training and validation MSE against training-set size, over n_repeats training sets.

    The median, not the mean: a high-degree fit on a small sample occasionally extrapolates wildly
    into a gap between points, and those few draws would dominate a mean.

    Underfitting: both curves level off high and close together; more data does not help.
    Overfitting: training error far below validation error, a gap that closes as n grows.
    """
    train, val = np.zeros((len(sizes), n_repeats)), np.zeros((len(sizes), n_repeats))
    for i, n in enumerate(sizes):
        for r in range(n_repeats):
            x, y = sample(n, sigma, rng)
            w, b = fit(x, y, degree, alpha)
            train[i, r], val[i, r] = mse(w, b, x, y), mse(w, b, x_val, y_val)
    return np.median(train, axis=1), np.median(val, axis=1)
# --8<-- [end:learning_curve]
