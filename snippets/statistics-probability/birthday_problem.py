"""The birthday problem: exact product, the exponential approximation, and a simulation check.

Assumptions throughout: `days` equally likely birthdays (365, no leap day), independent people.
"""

from __future__ import annotations

import math

import numpy as np


# --8<-- [start:exact]
def p_all_distinct(n: int, days: int = 365) -> float:
    """P(n people all have different birthdays) = prod_{i=0}^{n-1} (1 - i/days).

    Person i + 1 must avoid the i days already taken. Exact up to float rounding; 0 once n > days.
    """
    p = 1.0
    for i in range(n):
        p *= 1 - i / days
    return p


def p_all_distinct_approx(n: int, days: int = 365) -> float:
    """exp(-C(n, 2) / days): each of the C(n, 2) pairs misses with probability 1 - 1/days."""
    return math.exp(-n * (n - 1) / (2 * days))
# --8<-- [end:exact]


# --8<-- [start:simulate]
def simulate_all_distinct(n: int, trials: int, rng: np.random.Generator, days: int = 365) -> float:
    """Monte Carlo estimate of P(all distinct): share of simulated rooms with no repeated day."""
    b = np.sort(rng.integers(0, days, size=(trials, n)), axis=1)
    has_match = (np.diff(b, axis=1) == 0).any(axis=1)
    return float(1 - has_match.mean())
# --8<-- [end:simulate]


# --8<-- [start:nonuniform]
def p_all_distinct_weighted(n: int, p: np.ndarray) -> float:
    """P(all distinct) when day d has probability p[d]: n! times the n-th elementary symmetric
    polynomial of p (sum over every set of n distinct days of the product of their probabilities).
    """
    e = np.zeros(n + 1)
    e[0] = 1.0
    for p_d in np.asarray(p, dtype=float):            # add one day at a time
        e[1:] = e[1:] + p_d * e[:-1]                   # right side is evaluated before assignment
    return float(math.factorial(n) * e[n])
# --8<-- [end:nonuniform]
