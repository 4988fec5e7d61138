"""Precision, recall and F-beta from confusion counts, with micro, macro and weighted averaging.

The page defines every metric from the four confusion-matrix cells. This module computes them the same
way, so each number can be checked against scikit-learn, and adds the precision-recall curve and average
precision as the threshold-free summary. Undefined ratios (0/0) are reported as 0, as scikit-learn does.
"""

from __future__ import annotations

import numpy as np


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    """num / den elementwise, with 0 where den == 0 (a class never predicted or never present)."""
    num, den = np.asarray(num, dtype=float), np.asarray(den, dtype=float)
    return np.divide(num, den, out=np.zeros_like(num), where=den > 0)


# --8<-- [start:counts]
def confusion_counts(y: np.ndarray, y_hat: np.ndarray, labels: np.ndarray) -> dict[str, np.ndarray]:
    """One-vs-rest TP, FP, FN per class: class k is 'positive', every other class 'negative'."""
    y, y_hat = np.asarray(y), np.asarray(y_hat)
    TP = np.array([np.sum((y_hat == k) & (y == k)) for k in labels])
    FP = np.array([np.sum((y_hat == k) & (y != k)) for k in labels])
    FN = np.array([np.sum((y_hat != k) & (y == k)) for k in labels])
    return {"TP": TP, "FP": FP, "FN": FN}
# --8<-- [end:counts]


# --8<-- [start:prf]
def precision_recall_fbeta(
    y: np.ndarray, y_hat: np.ndarray, labels: np.ndarray, average: str, beta: float = 1.0
) -> tuple[float, float, float]:
    """Precision, recall and F-beta under one averaging rule.

    micro: pool TP, FP, FN over classes, then take the ratios.
    macro: a score per class, then the plain mean (every class counts the same).
    weighted: a score per class, then the mean weighted by support TP + FN.
    For macro and weighted, F is averaged per class, not recomputed from averaged P and R.
    """
    c = confusion_counts(y, y_hat, labels)
    TP, FP, FN = c["TP"], c["FP"], c["FN"]
    if average == "micro":
        TP, FP, FN = TP.sum(), FP.sum(), FN.sum()
    P = _ratio(TP, TP + FP)
    R = _ratio(TP, TP + FN)
    b2 = beta**2
    F = _ratio((1 + b2) * TP, (1 + b2) * TP + b2 * FN + FP)   # = (1+b2)PR / (b2 P + R)
    if average == "micro":
        return float(P), float(R), float(F)
    w = np.ones(len(labels)) if average == "macro" else (TP + FN).astype(float)
    return tuple(float(np.average(m, weights=w)) for m in (P, R, F))
# --8<-- [end:prf]


# --8<-- [start:pr_curve]
def pr_curve(y: np.ndarray, s: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Precision and recall at every distinct score used as a cut-off (predict 1 when s >= t).

    Returned in order of decreasing threshold, so recall rises along the arrays.
    """
    y, s = np.asarray(y), np.asarray(s, dtype=float)
    order = np.argsort(-s, kind="mergesort")
    y, s = y[order], s[order]
    last = np.r_[np.flatnonzero(np.diff(s) != 0), s.size - 1]   # end of each tie group
    TP = np.cumsum(y)[last]
    FP = (last + 1) - TP
    return TP / (TP + FP), TP / y.sum(), s[last]


def average_precision(y: np.ndarray, s: np.ndarray) -> float:
    """AP = sum_k (R_k - R_{k-1}) P_k: precision averaged over the recall gained at each cut-off.

    A step sum, not the trapezoid rule: interpolating linearly between PR points overstates the area.
    """
    P, R, _ = pr_curve(y, s)
    return float(np.sum(np.diff(np.r_[0.0, R]) * P))
# --8<-- [end:pr_curve]
