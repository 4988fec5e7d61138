"""Validation loss and accuracy rising together: a hand-built example and a training run that shows it.

Accuracy looks only at which side of the threshold each prediction falls; cross-entropy also looks at how
confident the prediction is. This module makes the gap concrete: five predictions where accuracy doubles
and loss rises, the loss of a model whose logits are scaled by a confidence factor c (accuracy fixed),
and plain gradient descent on logistic regression where both validation curves climb for many steps.
Labels are y in {-1, +1} for the margin formulas; the margin of a logit z is m = y z.
"""

from __future__ import annotations

import numpy as np


# --8<-- [start:metrics]
def cross_entropy(p_true: np.ndarray) -> float:
    """Mean negative log-likelihood, given the probability each example assigns to its true class."""
    return float(-np.mean(np.log(p_true)))


def accuracy(p_true: np.ndarray) -> float:
    """Binary accuracy: a prediction is right when the true class gets more than half the probability."""
    return float(np.mean(p_true > 0.5))


# Five validation examples, probability of the true class at two checkpoints.
EPOCH_A = np.array([0.70, 0.60, 0.45, 0.45, 0.40])
EPOCH_B = np.array([0.95, 0.90, 0.55, 0.55, 0.02])   # two flips fixed, one mistake made confident
# --8<-- [end:metrics]


# --8<-- [start:scaling]
def loss_at_confidence(c: float, m: np.ndarray) -> tuple[float, float]:
    """Logistic loss L(c) = mean log(1 + exp(-c m)) of margins m scaled by c > 0, and dL/dc.

    Scaling the logits by c never changes a sign, so accuracy is the same for every c.
    """
    L = float(np.mean(np.logaddexp(0.0, -c * m)))
    dL = float(np.mean(-m / (1.0 + np.exp(c * m))))        # -m * sigmoid(-c m)
    return L, dL
# --8<-- [end:scaling]


# --8<-- [start:train]
def train_and_track(
    X: np.ndarray, y: np.ndarray, X_val: np.ndarray, y_val: np.ndarray,
    lr: float, checkpoints: list[int],
) -> dict[str, np.ndarray]:
    """Full-batch gradient descent on unregularised logistic regression, y in {-1, +1}.

    Records validation log-loss and accuracy at each checkpoint step.
    """
    w = np.zeros(X.shape[1])
    loss, acc = [], []
    for t in range(1, max(checkpoints) + 1):
        m = y * (X @ w)
        w -= lr * -(X.T @ (y / (1.0 + np.exp(m)))) / len(y)   # gradient of mean log(1 + e^{-m})
        if t in checkpoints:
            m_val = y_val * (X_val @ w)
            loss.append(np.mean(np.logaddexp(0.0, -m_val)))
            acc.append(np.mean(m_val > 0))
    return {"step": np.array(checkpoints), "val_loss": np.array(loss), "val_acc": np.array(acc),
            "w": w}
# --8<-- [end:train]


def make_data(n: int, n_val: int, d: int, flip: float, rng: np.random.Generator):
    """Linearly separable training set; validation labels from the same rule with a share `flip` reversed.

    The flipped validation cases stand for mislabelled or genuinely ambiguous examples that no model
    can get right by following the rule.
    """
    w_true = np.ones(d) / np.sqrt(d)
    X = rng.standard_normal((n, d))
    X_val = rng.standard_normal((n_val, d))
    y = np.sign(X @ w_true)
    y_val = np.sign(X_val @ w_true) * np.where(rng.random(n_val) < flip, -1.0, 1.0)
    return X, y, X_val, y_val
