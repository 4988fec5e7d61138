"""k-fold, stratified k-fold and forward-chaining splits, plus a cross-validated score, from scratch.

The page argues that one train/validation split gives a noisy estimate of generalisation error and
that averaging over k folds steadies it. These functions produce the folds (index arrays, the same
folds scikit-learn's KFold, StratifiedKFold and TimeSeriesSplit produce) and score a model on them.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

Split = tuple[np.ndarray, np.ndarray]   # (train indices, validation indices)


# --8<-- [start:kfold]
def kfold_indices(n: int, k: int, rng: np.random.Generator | None = None) -> list[Split]:
    """Cut range(n) (shuffled if rng is given) into k contiguous folds whose sizes differ by at most 1.

    The first n % k folds get one extra point. Every index is validated exactly once.
    """
    order = rng.permutation(n) if rng is not None else np.arange(n)
    sizes = np.full(k, n // k) + (np.arange(k) < n % k)
    bounds = np.concatenate([[0], np.cumsum(sizes)])
    splits = []
    for i in range(k):
        val = order[bounds[i]:bounds[i + 1]]
        train = np.concatenate([order[:bounds[i]], order[bounds[i + 1]:]])
        splits.append((np.sort(train), np.sort(val)))
    return splits
# --8<-- [end:kfold]


# --8<-- [start:stratified]
def stratified_kfold_indices(y: np.ndarray, k: int) -> list[Split]:
    """k folds in which every class keeps (to within one point) its overall share.

    Deal the label-sorted samples round-robin to the k folds: that fixes how many points of each
    class each fold gets, and keeps fold sizes within one of each other. Then hand each class's
    samples, in their original order, to the folds in blocks of those sizes.
    """
    _, first, inv = np.unique(y, return_index=True, return_inverse=True)
    code = np.argsort(np.argsort(first))[inv]          # classes numbered by first appearance
    n_classes = code.max() + 1
    dealt = np.sort(code)                              # position j of the sorted labels goes to fold j % k
    counts = np.array([np.bincount(dealt[f::k], minlength=n_classes) for f in range(k)])
    fold_of = np.empty(len(y), dtype=int)
    for c in range(n_classes):
        fold_of[code == c] = np.repeat(np.arange(k), counts[:, c])
    return [(np.flatnonzero(fold_of != f), np.flatnonzero(fold_of == f)) for f in range(k)]
# --8<-- [end:stratified]


# --8<-- [start:forward]
def forward_chaining_indices(n: int, k: int) -> list[Split]:
    """Time-ordered splits: train on everything before a block, validate on the block.

    The series is cut into k + 1 blocks (the first absorbs the remainder); split i trains on
    blocks 0..i and validates on block i + 1, so the model never sees the future.
    """
    block = n // (k + 1)
    starts = n - block * np.arange(k, 0, -1)           # start of each validation block
    return [(np.arange(s), np.arange(s, s + block)) for s in starts]
# --8<-- [end:forward]


# --8<-- [start:score]
def cross_val_scores(
    X: np.ndarray,
    y: np.ndarray,
    splits: list[Split],
    fit: Callable[[np.ndarray, np.ndarray], Callable[[np.ndarray], np.ndarray]],
    loss: Callable[[np.ndarray, np.ndarray], float],
) -> np.ndarray:
    """Loss on each validation fold of a model fitted on the matching training part only.

    fit(X_train, y_train) returns a predict function. Anything learned from data (scaling,
    imputation, feature selection) belongs inside fit, so it never sees the validation fold.
    """
    scores = []
    for train, val in splits:
        predict = fit(X[train], y[train])
        scores.append(loss(y[val], predict(X[val])))
    return np.array(scores)
# --8<-- [end:score]


def fit_ridge(alpha: float) -> Callable[[np.ndarray, np.ndarray], Callable[[np.ndarray], np.ndarray]]:
    """Ridge regression with an unpenalised intercept; centring is learned on the training part only."""
    def fit(X: np.ndarray, y: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
        x_mean, y_mean = X.mean(axis=0), y.mean()
        Xc = X - x_mean
        w = np.linalg.solve(Xc.T @ Xc + alpha * np.eye(X.shape[1]), Xc.T @ (y - y_mean))
        return lambda Z: (Z - x_mean) @ w + y_mean
    return fit


def mse(y: np.ndarray, y_hat: np.ndarray) -> float:
    """Mean squared error."""
    return float(np.mean((y - y_hat) ** 2))
