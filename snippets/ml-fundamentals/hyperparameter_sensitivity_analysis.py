"""Hyperparameter sensitivity: one-at-a-time sweeps, a functional ANOVA on a grid, and Sobol indices.

The page contrasts local sweeps (vary one hyperparameter, hold the rest) with global, variance-based
measures that average over the whole space and expose interactions. The grid decomposition is what
fANOVA computes on a random-forest surrogate; here it is exact on a full grid of measured scores.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


# --8<-- [start:oat]
def one_at_a_time(score: Callable[[dict], float], base: dict, sweeps: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Score along each hyperparameter's sweep with every other one held at its base value.

    Cheap (sum of sweep lengths, not their product) but local: it only sees the space through
    lines that cross at base, so it cannot see interactions.
    """
    return {name: np.array([score({**base, name: v}) for v in values]) for name, values in sweeps.items()}
# --8<-- [end:oat]


# --8<-- [start:anova]
def grid_anova_2d(Y: np.ndarray) -> dict[str, float]:
    """Variance shares of a score table Y[i, j] over a full grid of two hyperparameters.

    Y = mean + a_i + b_j + ab_ij, where a_i is the row mean minus the grand mean, b_j the column mean
    minus the grand mean, and ab the rest. The three parts are orthogonal, so their variances add
    up to Var(Y): each share is the fraction of the variation it explains.
    """
    mean = Y.mean()
    a = Y.mean(axis=1, keepdims=True) - mean          # main effect of the row hyperparameter
    b = Y.mean(axis=0, keepdims=True) - mean          # main effect of the column hyperparameter
    ab = Y - mean - a - b                             # interaction
    total = np.mean((Y - mean) ** 2)
    return {"row": float(np.mean(a**2) / total), "col": float(np.mean(b**2) / total),
            "interaction": float(np.mean(ab**2) / total)}
# --8<-- [end:anova]


# --8<-- [start:sobol]
def sobol_indices(f: Callable[[np.ndarray], np.ndarray], d: int, n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """First-order and total Sobol indices of f on the unit cube [0, 1]^d, by Monte Carlo.

    S_i: share of Var f explained by x_i alone. ST_i: share that involves x_i in any way,
    including interactions. ST_i - S_i > 0 signals interactions; ST_i near 0 means x_i can be fixed.
    Cost: n (d + 2) evaluations of f.
    """
    A, B = rng.random((n, d)), rng.random((n, d))
    fA, fB = f(A), f(B)
    var = np.var(np.concatenate([fA, fB]))
    S, ST = np.empty(d), np.empty(d)
    for i in range(d):
        ABi = A.copy()
        ABi[:, i] = B[:, i]                           # A with column i taken from B
        fABi = f(ABi)
        S[i] = np.mean(fB * (fABi - fA)) / var        # Saltelli (2010) estimator
        ST[i] = 0.5 * np.mean((fA - fABi) ** 2) / var # Jansen (1999) estimator
    return S, ST
# --8<-- [end:sobol]
