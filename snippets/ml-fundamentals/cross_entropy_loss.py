"""Binary and categorical cross-entropy computed from logits, with their gradients.

The page derives both losses as negative log-likelihoods and shows that the gradient with respect to
the logits is (predicted probability - target). This module computes the losses the way a framework
does, from raw logits through log-sum-exp, so that large logits neither overflow nor produce log(0).
"""

from __future__ import annotations

import numpy as np


# --8<-- [start:binary]
def bce_with_logits(z: np.ndarray, y: np.ndarray) -> float:
    """Mean binary cross-entropy of labels y in {0, 1} (or soft targets in [0, 1]) given logits z.

    -[y log s(z) + (1 - y) log(1 - s(z))] simplifies to max(z, 0) - y z + log(1 + exp(-|z|)),
    which never exponentiates a large positive number and never takes log(0).
    """
    return float(np.mean(np.maximum(z, 0) - y * z + np.log1p(np.exp(-np.abs(z)))))


def bce_grad(z: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Gradient of the mean BCE with respect to each logit: (sigmoid(z) - y) / n."""
    p = 0.5 * (1 + np.tanh(0.5 * z))  # sigmoid, written so it cannot overflow
    return (p - y) / z.size
# --8<-- [end:binary]


# --8<-- [start:categorical]
def log_softmax(Z: np.ndarray) -> np.ndarray:
    """Row-wise log softmax: Z - logsumexp(Z). Subtracting the row max first keeps exp() <= 1."""
    m = Z.max(axis=1, keepdims=True)
    return Z - m - np.log(np.exp(Z - m).sum(axis=1, keepdims=True))


def softmax_cross_entropy(
    Z: np.ndarray,
    y: np.ndarray,
    label_smoothing: float = 0.0,
    class_weight: np.ndarray | None = None,
) -> float:
    """Mean categorical cross-entropy of integer labels y (shape n) given logits Z (shape n x K).

    label_smoothing eps replaces the one-hot target by (1 - eps) one_hot + eps / K.
    class_weight w gives example i the weight w[y_i]; the mean is then divided by sum_i w[y_i].
    """
    n, K = Z.shape
    T = np.full((n, K), label_smoothing / K)
    T[np.arange(n), y] += 1.0 - label_smoothing
    losses = -(T * log_softmax(Z)).sum(axis=1)
    w = np.ones(n) if class_weight is None else class_weight[y]
    return float((w * losses).sum() / w.sum())


def softmax_cross_entropy_grad(Z: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Gradient of the unweighted, unsmoothed mean loss w.r.t. Z: (softmax(Z) - one_hot(y)) / n."""
    n = Z.shape[0]
    G = np.exp(log_softmax(Z))
    G[np.arange(n), y] -= 1.0
    return G / n
# --8<-- [end:categorical]


def focal_loss_with_logits(z: np.ndarray, y: np.ndarray, gamma: float) -> float:
    """Mean binary focal loss -(1 - p_t)^gamma log p_t, where p_t is the probability of the true label.

    gamma = 0 gives plain BCE; larger gamma shrinks the loss of examples the model already gets right.
    """
    log_p_t = -(np.maximum(z, 0) - y * z + np.log1p(np.exp(-np.abs(z))))  # log p_t, stable
    return float(np.mean(-((1.0 - np.exp(log_p_t)) ** gamma) * log_p_t))
