"""Model-agnostic feature importance from scratch: permutation importance and drop-column importance.

Both answer "how much does this fitted model (or this pipeline) rely on feature j?" by breaking the
link between feature j and the target and measuring the loss in a held-out score. Permutation keeps
the model fixed and shuffles one column; drop-column refits without the column. Neither measures a
causal effect of the feature on the target.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

Predict = Callable[[np.ndarray], np.ndarray]
Score = Callable[[np.ndarray, np.ndarray], float]          # score(y_true, y_pred), higher is better
Fit = Callable[[np.ndarray, np.ndarray], Predict]           # fit(X, y) -> predict


def r2_score(y: np.ndarray, y_hat: np.ndarray) -> float:
    """Coefficient of determination, the default score for regressors."""
    return float(1.0 - np.sum((y - y_hat) ** 2) / np.sum((y - y.mean()) ** 2))


# --8<-- [start:permutation]
def importance_from_permutations(
    predict: Predict, X: np.ndarray, y: np.ndarray, score: Score, perms: np.ndarray
) -> np.ndarray:
    """Drop in score when column j is reordered by each row permutation in perms.

    Returns an array (n_features, n_repeats). The same permutations are used for every feature
    (common random numbers), so differences between features are not sampling noise.
    """
    base = score(y, predict(X))
    drops = np.empty((X.shape[1], len(perms)))
    for j in range(X.shape[1]):
        X_perm = X.copy()
        for r, perm in enumerate(perms):
            X_perm[:, j] = X[perm, j]              # break the x_j <-> y link, keep the marginal of x_j
            drops[j, r] = base - score(y, predict(X_perm))
    return drops


def permutation_importance(
    predict: Predict, X: np.ndarray, y: np.ndarray, score: Score,
    n_repeats: int, rng: np.random.Generator,
) -> tuple[np.ndarray, np.ndarray]:
    """Mean and standard deviation over n_repeats shuffles; pass held-out X, y."""
    perms = np.array([rng.permutation(len(y)) for _ in range(n_repeats)])
    drops = importance_from_permutations(predict, X, y, score, perms)
    return drops.mean(axis=1), drops.std(axis=1)
# --8<-- [end:permutation]


# --8<-- [start:drop_column]
def drop_column_importance(
    fit: Fit, X_tr: np.ndarray, y_tr: np.ndarray, X_val: np.ndarray, y_val: np.ndarray, score: Score
) -> np.ndarray:
    """Score lost on validation data when the model is refit without column j (p + 1 fits)."""
    base = score(y_val, fit(X_tr, y_tr)(X_val))
    out = np.empty(X_tr.shape[1])
    for j in range(X_tr.shape[1]):
        keep = np.arange(X_tr.shape[1]) != j
        out[j] = base - score(y_val, fit(X_tr[:, keep], y_tr)(X_val[:, keep]))
    return out
# --8<-- [end:drop_column]


def fit_ols(X: np.ndarray, y: np.ndarray) -> Predict:
    """Least squares with an intercept; returns the prediction function."""
    A = np.column_stack([np.ones(len(X)), X])
    coef, *_ = np.linalg.lstsq(A, y, rcond=None)
    return lambda X_new: coef[0] + X_new @ coef[1:]
