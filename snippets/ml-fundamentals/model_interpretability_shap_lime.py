"""Exact Shapley values by enumeration (what SHAP approximates) and a from-scratch LIME surrogate.

Shapley: the prediction f(x) is a payout shared among p features. A coalition S of features "knows"
x_S; the others are filled in from a background sample (interventional value function). Enumerating all
2^p coalitions is exact and exponential, which is why KernelSHAP samples and TreeSHAP exploits trees.

LIME: sample points, weight them by closeness to x, fit a weighted linear model; its coefficients are
the explanation. The kernel width decides what "local" means, so it changes the answer.
"""

from __future__ import annotations

from itertools import combinations
from math import factorial
from typing import Callable

import numpy as np

Model = Callable[[np.ndarray], np.ndarray]


# --8<-- [start:value]
def coalition_value(f: Model, x: np.ndarray, S: tuple[int, ...], background: np.ndarray) -> float:
    """v(S) = E_z[f(x_S, z_rest)]: features in S fixed to x, the rest taken from background rows."""
    Z = background.copy()
    Z[:, list(S)] = x[list(S)]
    return float(f(Z).mean())
# --8<-- [end:value]


# --8<-- [start:shapley]
def shapley_values(f: Model, x: np.ndarray, background: np.ndarray) -> np.ndarray:
    """Exact Shapley values of every feature for one input x. Cost: 2^p coalitions x background rows."""
    p = x.size
    v = {S: coalition_value(f, x, S, background)
         for k in range(p + 1) for S in combinations(range(p), k)}
    phi = np.zeros(p)
    for j in range(p):
        others = [k for k in range(p) if k != j]
        for k in range(p):
            weight = factorial(k) * factorial(p - k - 1) / factorial(p)  # share of orderings
            for S in combinations(others, k):
                S_j = tuple(sorted(S + (j,)))
                phi[j] += weight * (v[S_j] - v[S])                       # marginal contribution
    return phi
# --8<-- [end:shapley]


# --8<-- [start:lime]
def lime_explain(
    f: Model, x: np.ndarray, mu: np.ndarray, sd: np.ndarray, width: float,
    n_samples: int, rng: np.random.Generator, alpha: float = 1e-3,
) -> np.ndarray:
    """Coefficients of a locally weighted ridge surrogate g(z) = c + z @ beta around x.

    Samples come from the data's per-feature Gaussian (mean mu, std sd); each gets weight
    exp(-d^2 / width^2), d the distance to x in standardised units. Returns beta per original unit.
    """
    Z = mu + sd * rng.standard_normal((n_samples, x.size))
    U = (Z - mu) / sd                                    # standardised design
    d2 = np.sum(((Z - x) / sd) ** 2, axis=1)
    pi = np.exp(-d2 / width**2)                          # proximity kernel
    A = np.column_stack([np.ones(n_samples), U])
    P = alpha * np.eye(x.size + 1)
    P[0, 0] = 0.0                                        # do not shrink the intercept
    coef = np.linalg.solve(A.T @ (pi[:, None] * A) + P, A.T @ (pi * f(Z)))
    return coef[1:] / sd
# --8<-- [end:lime]
