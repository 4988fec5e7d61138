"""A parametric and a non-parametric regressor side by side.

The page's claim is about how each model's size and error behave as the training set grows: the line
keeps two numbers whatever n is and stops improving once its bias dominates; k-nearest neighbours keeps
the whole training set and keeps improving when the truth is not a line. These functions make those
claims measurable.
"""

from __future__ import annotations

from typing import Callable

import numpy as np


# --8<-- [start:models]
def fit_line(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Parametric: least-squares line y = w x + b. Two parameters, whatever the size of the data."""
    xc = x - x.mean()
    w = float(xc @ (y - y.mean()) / (xc @ xc))
    return w, float(y.mean() - w * x.mean())


def knn_predict(x_train: np.ndarray, y_train: np.ndarray, x_query: np.ndarray, k: int) -> np.ndarray:
    """Non-parametric: average the labels of the k training points nearest each query.

    Nothing is fitted; the training set itself is the model, so memory and prediction time grow with n.
    """
    dist = np.abs(x_query[:, None] - x_train[None, :])          # (m, n) distances in 1-D
    nearest = np.argpartition(dist, k - 1, axis=1)[:, :k]
    return y_train[nearest].mean(axis=1)
# --8<-- [end:models]


# --8<-- [start:compare]
def compare(
    n: int, f: Callable[[np.ndarray], np.ndarray], sigma: float, reps: int, rng: np.random.Generator
) -> dict[str, float]:
    """Mean squared error against the true f for both models, averaged over reps training sets.

    k grows like sqrt(n), so the k-NN neighbourhood shrinks as data arrive (its capacity grows with n).
    """
    k = max(1, round(np.sqrt(n)))
    x_test = np.linspace(0.0, 1.0, 501)
    err_line, err_knn = [], []
    for _ in range(reps):
        x = rng.random(n)
        y = f(x) + sigma * rng.standard_normal(n)
        w, b = fit_line(x, y)
        err_line.append(np.mean((w * x_test + b - f(x_test)) ** 2))
        err_knn.append(np.mean((knn_predict(x, y, x_test, k) - f(x_test)) ** 2))
    return {"line": float(np.mean(err_line)), "knn": float(np.mean(err_knn)),
            "line_numbers_stored": 2, "knn_numbers_stored": 2 * n, "k": k}
# --8<-- [end:compare]
