"""Batch, stochastic and mini-batch gradient descent on least squares, written out in NumPy.

Least squares is the test bed because everything about it is known in closed form: the minimiser
(numpy.linalg.lstsq), the curvature (the Hessian X^T X / n), hence the largest stable step 2 / L.
"""

from __future__ import annotations

import numpy as np


# --8<-- [start:loss]
def loss(w: np.ndarray, X: np.ndarray, y: np.ndarray) -> float:
    """Mean squared error with a 1/2, L(w) = ||X w - y||^2 / (2 n), so the gradient has no stray 2."""
    r = X @ w - y
    return float(r @ r) / (2 * len(y))


def gradient(w: np.ndarray, X: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Gradient of the loss above on the rows given: X^T (X w - y) / n."""
    return X.T @ (X @ w - y) / len(y)
# --8<-- [end:loss]


# --8<-- [start:minibatch_gd]
def minibatch_gd(
    X: np.ndarray,
    y: np.ndarray,
    eta: float,
    batch_size: int,
    n_epochs: int,
    rng: np.random.Generator,
    w0: np.ndarray | None = None,
    decay: float = 0.0,
    beta: float = 0.0,
) -> tuple[np.ndarray, np.ndarray]:
    """Mini-batch gradient descent; batch_size = n gives batch GD, batch_size = 1 gives SGD.

    Each epoch reshuffles the rows and walks through them in batches, so every example is used
    once per epoch. The step at update t is eta / (1 + decay * t): a decaying step lets SGD settle
    instead of bouncing in a noise ball. beta > 0 adds heavy-ball momentum.
    Returns the final weights and every iterate (one row per update) for plotting.
    """
    n, d = X.shape
    w = np.zeros(d) if w0 is None else np.asarray(w0, dtype=float).copy()
    v = np.zeros(d)                       # momentum buffer: running sum of past gradients
    path = [w.copy()]
    t = 0
    for _ in range(n_epochs):
        order = rng.permutation(n)
        for start in range(0, n, batch_size):
            idx = order[start : start + batch_size]
            v = beta * v + gradient(w, X[idx], y[idx])
            w = w - eta / (1.0 + decay * t) * v
            path.append(w.copy())
            t += 1
    return w, np.array(path)
# --8<-- [end:minibatch_gd]


# --8<-- [start:variance]
def minibatch_gradient_noise(
    w: np.ndarray,
    X: np.ndarray,
    y: np.ndarray,
    batch_size: int,
    n_draws: int,
    rng: np.random.Generator,
    replace: bool = True,
) -> float:
    """Monte-Carlo estimate of E||g_B - g||^2: how far a mini-batch gradient strays from the full one.

    The page shows this equals tr(Sigma) / B when rows are drawn with replacement, and
    tr(Sigma) / B * (n - B) / (n - 1) without, where Sigma is the per-example gradient covariance.
    """
    g = gradient(w, X, y)
    sq = np.empty(n_draws)
    for k in range(n_draws):
        idx = rng.choice(len(y), size=batch_size, replace=replace)
        sq[k] = np.sum((gradient(w, X[idx], y[idx]) - g) ** 2)
    return float(sq.mean())


def per_example_gradient_trace(w: np.ndarray, X: np.ndarray, y: np.ndarray) -> float:
    """tr(Sigma) = (1/n) sum_i ||g_i - g||^2 with g_i = x_i (x_i^T w - y_i), the gradient of one row."""
    G = X * (X @ w - y)[:, None]          # row i is the gradient of example i
    return float(np.mean(np.sum((G - G.mean(axis=0)) ** 2, axis=1)))
# --8<-- [end:variance]
