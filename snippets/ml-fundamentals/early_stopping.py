"""Early stopping for full-batch gradient descent on least squares, written out in NumPy.

Least squares keeps everything checkable: the gradient-descent iterate has a closed form in the
eigenbasis of X^T X / n, so the claim that stopping early acts like ridge (L2) shrinkage can be
computed rather than asserted.
"""

from __future__ import annotations

import numpy as np


# --8<-- [start:patience]
def stop_epoch(val_losses: list[float], patience: int, min_delta: float = 0.0) -> tuple[int, int]:
    """Replay a patience rule on a sequence of validation losses; returns (best_epoch, stopped_epoch).

    An epoch counts as an improvement only if it beats the best loss so far by more than min_delta.
    Training stops after `patience` epochs in a row without improvement, or when the sequence ends.
    Epochs are 0-based indices into val_losses.
    """
    best, best_epoch, wait = np.inf, -1, 0
    for epoch, loss in enumerate(val_losses):
        if loss < best - min_delta:
            best, best_epoch, wait = loss, epoch, 0
        else:
            wait += 1
            if wait >= patience:
                return best_epoch, epoch
    return best_epoch, len(val_losses) - 1
# --8<-- [end:patience]


def mse(w: np.ndarray, X: np.ndarray, y: np.ndarray) -> float:
    """Half mean squared error ||X w - y||^2 / (2 n), the loss gradient descent minimises."""
    r = X @ w - y
    return float(r @ r) / (2 * len(y))


# --8<-- [start:train]
def train_with_early_stopping(
    X: np.ndarray, y: np.ndarray, X_val: np.ndarray, y_val: np.ndarray,
    eta: float, max_epochs: int, patience: int, min_delta: float = 0.0,
) -> tuple[np.ndarray, int, np.ndarray, np.ndarray]:
    """Full-batch gradient descent from w = 0, stopped by the validation loss.

    Keeps a copy of the weights at the best validation epoch and returns them, not the last ones:
    the `patience` epochs after the best one are spent only to confirm it was the best.
    Returns (w_best, best_epoch, train_history, val_history); epoch 0 is the initial weights.
    """
    n, d = X.shape
    w = np.zeros(d)
    w_best, best, best_epoch, wait = w.copy(), mse(w, X_val, y_val), 0, 0
    train_hist, val_hist = [mse(w, X, y)], [best]
    for epoch in range(1, max_epochs + 1):
        w = w - eta * X.T @ (X @ w - y) / n          # one gradient step on the training loss
        train_hist.append(mse(w, X, y))
        val_hist.append(mse(w, X_val, y_val))
        if val_hist[-1] < best - min_delta:
            w_best, best, best_epoch, wait = w.copy(), val_hist[-1], epoch, 0   # checkpoint
        else:
            wait += 1
            if wait >= patience:
                break
    return w_best, best_epoch, np.array(train_hist), np.array(val_hist)
# --8<-- [end:train]


# --8<-- [start:shrinkage]
def gd_iterate(X: np.ndarray, y: np.ndarray, eta: float, t: int) -> np.ndarray:
    """Closed form of t gradient steps from w = 0 on ||X w - y||^2 / (2 n).

    In the eigenbasis of H = X^T X / n (eigenvalues s_i), each coordinate of the least-squares
    solution is multiplied by the filter factor 1 - (1 - eta s_i)^t.
    """
    n = len(y)
    s, V = np.linalg.eigh(X.T @ X / n)
    s = np.clip(s, 0.0, None)
    b = V.T @ X.T @ y / n                             # X^T y / n in the eigenbasis
    with np.errstate(divide="ignore", invalid="ignore"):
        coef = np.where(s > 1e-12, (1 - (1 - eta * s) ** t) / s, eta * t)  # limit s -> 0 is eta t
    return V @ (coef * b)


def ridge_iterate(X: np.ndarray, y: np.ndarray, alpha: float) -> np.ndarray:
    """Minimiser of ||X w - y||^2 / (2 n) + alpha ||w||^2 / 2: filter factor s_i / (s_i + alpha)."""
    n, d = X.shape
    return np.linalg.solve(X.T @ X / n + alpha * np.eye(d), X.T @ y / n)
# --8<-- [end:shrinkage]
