"""ROC AUC from scratch via ranks (the Mann-Whitney U statistic), with average ranks for ties.

One sort gives every positive-negative comparison at once, so the O(n_pos * n_neg) pair count
becomes O(n log n). The threshold-sweep view of the same number is in roc_curve_auc.
"""

from __future__ import annotations

import numpy as np


# --8<-- [start:average_ranks]
def average_ranks(s: np.ndarray) -> np.ndarray:
    """1-based ranks of s in ascending order; each group of tied values shares its mean rank."""
    s = np.asarray(s, dtype=float)
    n = s.size
    order = np.argsort(s, kind="mergesort")
    s_sorted = s[order]
    new_group = np.r_[True, s_sorted[1:] != s_sorted[:-1]]
    start = np.flatnonzero(new_group)                 # first sorted position of each group
    end = np.r_[start[1:], n]                         # one past its last position
    mean_rank = (start + 1 + end) / 2                 # mean of the ranks start+1, ..., end
    ranks = np.empty(n)
    ranks[order] = mean_rank[np.cumsum(new_group) - 1]
    return ranks
# --8<-- [end:average_ranks]


# --8<-- [start:roc_auc]
def roc_auc(y: np.ndarray, s: np.ndarray) -> float:
    """P(score of a random positive > score of a random negative), a tied pair counting 1/2."""
    y, s = np.asarray(y), np.asarray(s, dtype=float)
    if y.shape != s.shape or y.ndim != 1:
        raise ValueError("y and s must be 1-D arrays of the same length")
    pos = y == 1
    n_pos, n_neg = int(pos.sum()), int((y == 0).sum())
    if n_pos + n_neg != y.size:
        raise ValueError("labels must be 0 or 1")
    if n_pos == 0 or n_neg == 0:
        raise ValueError("AUC is undefined when only one class is present")
    R_pos = average_ranks(s)[pos].sum()
    U = R_pos - n_pos * (n_pos + 1) / 2               # pairs won by positives, ties as 1/2
    return float(U / (n_pos * n_neg))
# --8<-- [end:roc_auc]
