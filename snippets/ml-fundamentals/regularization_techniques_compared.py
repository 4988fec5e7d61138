"""Four regularisers side by side, each in the form that shows what it does to the weights.

L1 and L2 in closed form on an orthonormal design (soft-thresholding against proportional shrinkage),
L2 inside SGD and Adam (where weight decay and an L2 penalty part ways), inverted dropout, and the
penalty dropout turns into for linear regression. Early stopping lives in early_stopping.py.
"""

from __future__ import annotations

import itertools

import numpy as np


# --8<-- [start:l1_l2]
def l1_l2_orthonormal(X: np.ndarray, y: np.ndarray, lam: float) -> tuple[np.ndarray, np.ndarray]:
    """Lasso and ridge when X^T X = n I, for the loss ||y - X w||^2 / (2 n) + penalty.

    Both start from the least-squares weights z = X^T y / n. L1 (lam ||w||_1) subtracts lam and
    clips at zero: small weights become exactly 0. L2 (lam ||w||^2 / 2) divides by 1 + lam:
    every weight shrinks by the same factor and none reaches 0.
    """
    z = X.T @ y / len(y)
    w_l1 = np.sign(z) * np.maximum(np.abs(z) - lam, 0.0)
    w_l2 = z / (1.0 + lam)
    return w_l1, w_l2
# --8<-- [end:l1_l2]


# --8<-- [start:optimisers]
def sgd_l2_step(w: np.ndarray, g: np.ndarray, eta: float, lam: float) -> np.ndarray:
    """SGD on L(w) + lam ||w||^2 / 2. Equals w (1 - eta lam) - eta g: the penalty is weight decay."""
    return w - eta * (g + lam * w)


def adam_step(
    w: np.ndarray, g: np.ndarray, state: tuple[np.ndarray, np.ndarray, int], eta: float, lam: float,
    decoupled: bool, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8,
) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray, int]]:
    """One Adam step with an L2 penalty in the gradient (decoupled=False) or AdamW decay (True).

    Adam + L2 sends lam * w through the adaptive scaling 1 / sqrt(v_hat), so weights with large
    past gradients are decayed less. AdamW shrinks every weight by the factor 1 - eta * lam outside
    that scaling (PyTorch's convention). state = (m, v, t), returned updated.
    """
    m, v, t = state
    if decoupled:
        w = w * (1 - eta * lam)
    else:
        g = g + lam * w
    t += 1
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g**2
    m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
    return w - eta * m_hat / (np.sqrt(v_hat) + eps), (m, v, t)
# --8<-- [end:optimisers]


# --8<-- [start:dropout]
def dropout(h: np.ndarray, p: float, rng: np.random.Generator, training: bool) -> np.ndarray:
    """Inverted dropout: zero each unit with probability p and scale survivors by 1 / (1 - p).

    The scaling keeps E[output] = h during training, so at test time the layer is the identity and
    the network is the same deterministic function every time.
    """
    if not training or p == 0.0:
        return h
    keep = rng.random(h.shape) >= p
    return h * keep / (1.0 - p)


def dropout_ridge(X: np.ndarray, y: np.ndarray, p: float) -> np.ndarray:
    """Minimiser of the expected squared loss of linear regression with dropout on the inputs.

    E||y - X (mask * w) / (1 - p)||^2 = ||y - X w||^2 + p / (1 - p) * sum_j ||x_j||^2 w_j^2,
    a ridge penalty weighted by each feature's scale; its minimiser solves the system below.
    """
    G = X.T @ X
    return np.linalg.solve(G + p / (1 - p) * np.diag(np.diag(G)), X.T @ y)
# --8<-- [end:dropout]


def expected_dropout_loss_exact(X: np.ndarray, y: np.ndarray, w: np.ndarray, p: float) -> float:
    """E over independent per-row input masks of ||y - X (mask * w) / (1 - p)||^2, by enumeration.

    Sums over all 2^d masks with their probabilities, so it needs small d; it is the reference
    the closed form in dropout_ridge is tested against.
    """
    d = X.shape[1]
    total = 0.0
    for bits in itertools.product([0, 1], repeat=d):
        keep = np.array(bits, dtype=float)
        prob = np.prod(np.where(keep == 1, 1 - p, p))
        r = y - X @ (keep * w) / (1 - p)
        total += prob * float(r @ r)
    return total
