"""ROC curve by a threshold sweep, AUC by the trapezoid rule, and the operating-point helpers.

The sweep is the picture of the ROC curve made literal: lower the cut-off t one distinct score at a
time, predict "positive" for every score >= t, and record (FPR, TPR). The rank-based AUC lives on its
own page (implement_roc_auc); this module is the geometric view of the same number.
"""

from __future__ import annotations

import numpy as np


# --8<-- [start:roc_curve]
def roc_curve(y: np.ndarray, s: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return (fpr, tpr, thresholds), one point per distinct score plus the (0, 0) start.

    Scores are visited from high to low. Tied scores cross the cut-off together, so a group of ties
    is one step of the curve (a diagonal segment when it mixes positives and negatives).
    thresholds[0] is +inf: nothing is predicted positive there.
    """
    y, s = np.asarray(y), np.asarray(s, dtype=float)
    P, N = int(np.sum(y == 1)), int(np.sum(y == 0))
    if P == 0 or N == 0 or P + N != y.size:
        raise ValueError("ROC needs labels in {0, 1} with both classes present")
    order = np.argsort(-s, kind="mergesort")          # high score first
    s, y = s[order], y[order]
    last = np.r_[np.flatnonzero(np.diff(s) != 0), s.size - 1]  # end of each tie group
    tp = np.cumsum(y)[last]                           # positives with score >= t
    fp = (last + 1) - tp                              # negatives with score >= t
    fpr = np.r_[0.0, fp / N]
    tpr = np.r_[0.0, tp / P]
    return fpr, tpr, np.r_[np.inf, s[last]]


def auc_trapezoid(fpr: np.ndarray, tpr: np.ndarray) -> float:
    """Area under a piecewise-linear curve; a diagonal tie step gets exactly half its box."""
    return float(np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2))
# --8<-- [end:roc_curve]


# --8<-- [start:operating_point]
def youden_index(fpr: np.ndarray, tpr: np.ndarray) -> int:
    """Index of the ROC point maximising Youden's J = TPR - FPR (sensitivity + specificity - 1)."""
    return int(np.argmax(tpr - fpr))


def precision_from_roc(fpr: np.ndarray, tpr: np.ndarray, prevalence: float) -> np.ndarray:
    """Precision at each ROC point for a population with the given share of positives.

    TP and FP per example are prevalence * TPR and (1 - prevalence) * FPR, so the same ROC curve
    gives a different precision for every prevalence. Undefined (nan) where nothing is predicted.
    """
    tp = prevalence * np.asarray(tpr, dtype=float)
    fp = (1 - prevalence) * np.asarray(fpr, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        return tp / (tp + fp)
# --8<-- [end:operating_point]
