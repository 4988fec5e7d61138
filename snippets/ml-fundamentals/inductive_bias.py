"""Inductive bias on Boolean functions, where every hypothesis space can be counted.

An unrestricted learner (any truth table) can only memorise: the functions that agree with the data
split evenly on every unseen input. A restricted learner (conjunctions of literals, found by Find-S)
generalises from a few examples when its assumption is right, and fails when it is wrong.
"""

from __future__ import annotations

from itertools import product

import numpy as np


def all_inputs(n: int) -> np.ndarray:
    """All 2^n binary inputs as rows of a (2^n, n) 0/1 array."""
    return np.array(list(product([0, 1], repeat=n)), dtype=np.int8)


# --8<-- [start:unbiased]
def unrestricted_votes(n: int, seen: np.ndarray, labels: np.ndarray) -> tuple[int, np.ndarray]:
    """Enumerate all 2^(2^n) truth tables; keep those consistent with (seen, labels).

    Returns how many survive and, for every input, the fraction of survivors predicting 1.
    Feasible only for n <= 4, which is the point: the space is astronomically large.
    """
    tables = all_inputs(2**n)                          # row t = one function's outputs on all inputs
    consistent = tables[np.all(tables[:, seen] == labels, axis=1)]
    return len(consistent), consistent.mean(axis=0)
# --8<-- [end:unbiased]


# --8<-- [start:find_s]
def find_s(X: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Most specific conjunction consistent with the positives.

    Returns a (2, n) boolean mask of kept literals: row 1 = "x_i must be 1", row 0 = "x_i must be 0".
    Start with every literal (the always-false rule); each positive example deletes the literals it
    violates. The bias: the target is assumed to be an AND of literals.
    """
    keep = np.ones((2, X.shape[1]), dtype=bool)
    for x in X[y == 1]:
        keep[1 - x, np.arange(X.shape[1])] = False     # x_i = 1 kills "x_i = 0" and vice versa
    return keep


def predict_conjunction(keep: np.ndarray, X: np.ndarray) -> np.ndarray:
    """1 where the input satisfies every kept literal."""
    violates = (keep[1] & (X == 0)) | (keep[0] & (X == 1))
    return (~violates.any(axis=1)).astype(np.int8)
# --8<-- [end:find_s]


def lookup_table(X: np.ndarray, y: np.ndarray, X_new: np.ndarray) -> np.ndarray:
    """Memorise the training labels; on unseen inputs predict the majority training label."""
    table = {tuple(x): t for x, t in zip(X, y)}
    default = int(y.mean() >= 0.5) if len(y) else 0
    return np.array([table.get(tuple(x), default) for x in X_new], dtype=np.int8)


def log_hypothesis_count(n: int, space: str) -> float:
    """ln |H|: conjunctions have 3^n (each variable: positive, negated or absent); all functions 2^(2^n)."""
    return n * np.log(3.0) if space == "conjunctions" else 2.0**n * np.log(2.0)


def pac_sample_size(log_h: float, eps: float, delta: float) -> int:
    """Examples that guarantee a consistent learner error <= eps w.p. >= 1 - delta (finite H)."""
    return int(np.ceil((log_h + np.log(1.0 / delta)) / eps))
