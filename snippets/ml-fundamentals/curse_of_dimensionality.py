"""Three measurable faces of the curse of dimensionality.

The page argues that high-dimensional space is mostly empty, that local neighbourhoods stop being local,
and that distances concentrate. Each function turns one of those claims into a number, so the tests can
check it against a closed form instead of a picture.
"""

from __future__ import annotations

import math

import numpy as np


# --8<-- [start:volume]
def ball_fraction(d: int) -> float:
    """Share of the unit cube [0, 1]^d taken by its inscribed ball (radius 1/2).

    V_d(r) = pi^(d/2) r^d / Gamma(d/2 + 1); logs avoid overflow of Gamma at large d.
    """
    log_v = 0.5 * d * math.log(math.pi) - math.lgamma(0.5 * d + 1) - d * math.log(2.0)
    return math.exp(log_v)


def neighbourhood_edge(r: float, d: int) -> float:
    """Edge of the sub-cube that holds a fraction r of uniform data in [0, 1]^d: r^(1/d)."""
    return r ** (1.0 / d)
# --8<-- [end:volume]


# --8<-- [start:concentration]
def min_max_ratio(n: int, d: int, n_queries: int, rng: np.random.Generator) -> float:
    """Mean over random queries of (nearest distance) / (farthest distance) to n uniform points.

    A ratio near 0 means neighbours are meaningfully closer than the rest; near 1 means
    every point is about equally far away, so "nearest" carries little information.
    """
    ratios = np.empty(n_queries)
    for i in range(n_queries):
        X = rng.random((n, d))
        q = rng.random(d)
        dist = np.linalg.norm(X - q, axis=1)
        ratios[i] = dist.min() / dist.max()
    return float(ratios.mean())


def relative_spread_limit(d: int) -> float:
    """Large-d value of std/mean of the distance between two uniform points in [0, 1]^d.

    Squared distance is a sum of d i.i.d. terms (u - v)^2 with mean 1/6 and variance 7/180,
    so its relative spread is sqrt(7/5)/sqrt(d); the square root halves it (delta method).
    """
    return math.sqrt(7.0 / (20.0 * d))
# --8<-- [end:concentration]
