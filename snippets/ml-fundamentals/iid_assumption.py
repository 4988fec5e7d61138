"""What breaks when samples are not independent: inflated cross-validation scores and standard errors
that come out too small.

Setting: G groups (patients, users, sessions) with m samples each. Samples in one group share a
group effect, so they are correlated; groups are independent of each other.
"""

from __future__ import annotations

import numpy as np


# --8<-- [start:design_effect]
def design_effect(m: int, rho: float) -> float:
    """Var(mean of correlated samples) / Var(mean of as many iid samples): 1 + (m - 1) rho.

    m samples per group, rho the correlation of two samples in the same group.
    """
    return 1.0 + (m - 1) * rho


def grouped_sample(G: int, m: int, rho: float, rng: np.random.Generator) -> np.ndarray:
    """(G, m) values with unit variance and within-group correlation rho: y = u_g + e."""
    u = np.sqrt(rho) * rng.standard_normal((G, 1))          # shared by the group
    e = np.sqrt(1 - rho) * rng.standard_normal((G, m))      # private to each sample
    return u + e
# --8<-- [end:design_effect]


def make_grouped_regression(
    G: int, m: int, rng: np.random.Generator, group_sd: float = 1.0, noise_sd: float = 0.3
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features x, labels y and group ids for G groups of m samples.

    Each group sits at its own point in feature space (a patient's stable characteristics) and has its
    own offset u_g in the label that the features do not explain: y = sin(3 x_1) + u_g + noise.
    """
    centre = rng.uniform(-2, 2, size=(G, 2))
    u = group_sd * rng.standard_normal(G)
    groups = np.repeat(np.arange(G), m)
    X = centre[groups] + 0.05 * rng.standard_normal((G * m, 2))
    y = np.sin(3 * X[:, 0]) + u[groups] + noise_sd * rng.standard_normal(G * m)
    return X, y, groups


# --8<-- [start:cv]
def one_nn_predict(X_train: np.ndarray, y_train: np.ndarray, X_test: np.ndarray) -> np.ndarray:
    """1-nearest-neighbour regression: the label of the closest training point."""
    d = np.linalg.norm(X_test[:, None, :] - X_train[None, :, :], axis=-1)
    return y_train[np.argmin(d, axis=1)]


def fold_ids(groups: np.ndarray, k: int, by_group: bool, rng: np.random.Generator) -> np.ndarray:
    """Fold of each row: random rows, or whole groups so that no group spans train and test."""
    if not by_group:
        return rng.permutation(len(groups)) % k
    ids = rng.permutation(np.unique(groups))
    fold_of_group = {g: f for f, part in enumerate(np.array_split(ids, k)) for g in part}
    return np.array([fold_of_group[g] for g in groups])


def cv_mse(
    X: np.ndarray, y: np.ndarray, groups: np.ndarray, k: int, by_group: bool, rng: np.random.Generator
) -> float:
    """k-fold cross-validated MSE of 1-NN."""
    fold = fold_ids(groups, k, by_group, rng)
    err = np.empty(len(y))
    for f in range(k):
        test = fold == f
        err[test] = (one_nn_predict(X[~test], y[~test], X[test]) - y[test]) ** 2
    return float(err.mean())
# --8<-- [end:cv]
