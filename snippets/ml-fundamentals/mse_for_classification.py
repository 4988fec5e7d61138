"""Squared error vs cross-entropy on a sigmoid output: losses, logit gradients, and a training run.

The page argues that squared error on probabilities trains a classifier worse than cross-entropy: its
gradient with respect to the logit carries the sigmoid's derivative p (1 - p), which vanishes on
confidently wrong predictions. This module computes both losses and gradients so the claim can be
checked against finite differences and seen in a gradient-descent run.
"""

from __future__ import annotations

import numpy as np


def sigmoid(z: np.ndarray) -> np.ndarray:
    """Logistic function, written with tanh so it cannot overflow."""
    return 0.5 * (1.0 + np.tanh(0.5 * z))


# --8<-- [start:grads]
def squared_error(z: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per-example (p - y)^2 with p = sigmoid(z), and its derivative in z: 2 (p - y) p (1 - p)."""
    p = sigmoid(z)
    return (p - y) ** 2, 2 * (p - y) * p * (1 - p)


def cross_entropy(z: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per-example -[y log p + (1 - y) log(1 - p)] from the logit, and its derivative in z: p - y."""
    loss = np.maximum(z, 0) - y * z + np.log1p(np.exp(-np.abs(z)))
    return loss, sigmoid(z) - y
# --8<-- [end:grads]


# --8<-- [start:train]
def train_logistic(
    X: np.ndarray, y: np.ndarray, loss: str, w0: np.ndarray, lr: float, steps: int
) -> tuple[np.ndarray, np.ndarray]:
    """Full-batch gradient descent on a linear-logit model z = X w under 'squared' or 'cross_entropy'.

    Returns the final weights and the training accuracy after every step, so runs that stall show up.
    """
    per_example = squared_error if loss == "squared" else cross_entropy
    w, acc = w0.astype(float).copy(), np.empty(steps)
    for t in range(steps):
        z = X @ w
        _, dz = per_example(z, y)
        w -= lr * X.T @ dz / len(y)              # chain rule: dL/dw = X^T dL/dz / n
        acc[t] = np.mean(((X @ w) > 0) == (y == 1))
    return w, acc
# --8<-- [end:train]
