"""Single-number metrics for imbalanced binary problems, and choosing the threshold from error costs.

Accuracy, balanced accuracy, MCC and Cohen's kappa all come from the four confusion-matrix counts, so
they are computed from those counts here; each is checked against scikit-learn in the tests. Average
precision (the PR-AUC summary) is reused from the precision-recall page's module. The threshold helper
turns error costs into an operating point, the step that a threshold-free summary leaves open.
"""

from __future__ import annotations

import numpy as np

from precision_recall_f1 import average_precision  # noqa: F401  (re-exported for the notebook)


def counts(y: np.ndarray, y_hat: np.ndarray) -> tuple[int, int, int, int]:
    """(TP, FP, FN, TN) for labels and predictions in {0, 1}."""
    y, y_hat = np.asarray(y).astype(bool), np.asarray(y_hat).astype(bool)
    return (int(np.sum(y & y_hat)), int(np.sum(~y & y_hat)), int(np.sum(y & ~y_hat)), int(np.sum(~y & ~y_hat)))


# --8<-- [start:summaries]
def summaries(y: np.ndarray, y_hat: np.ndarray, beta: float = 1.0) -> dict[str, float]:
    """Accuracy, precision, recall, F-beta, balanced accuracy, MCC and Cohen's kappa at one threshold.

    0/0 is reported as 0, the convention scikit-learn uses for precision, F and MCC.
    """
    TP, FP, FN, TN = counts(y, y_hat)
    n = TP + FP + FN + TN
    div = lambda a, b: a / b if b > 0 else 0.0   # noqa: E731
    P, R = div(TP, TP + FP), div(TP, TP + FN)
    TNR = div(TN, TN + FP)                                    # specificity
    b2 = beta**2
    p_o = (TP + TN) / n                                       # observed agreement = accuracy
    p_e = ((TP + FP) * (TP + FN) + (FN + TN) * (FP + TN)) / n**2   # agreement expected by chance
    mcc_den = np.sqrt(float(TP + FP) * (TP + FN) * (TN + FP) * (TN + FN))
    return {
        "accuracy": p_o,
        "precision": P,
        "recall": R,
        "f_beta": div((1 + b2) * TP, (1 + b2) * TP + b2 * FN + FP),
        "balanced_accuracy": (R + TNR) / 2,
        "mcc": div(TP * TN - FP * FN, mcc_den),
        "kappa": div(p_o - p_e, 1 - p_e),
    }
# --8<-- [end:summaries]


# --8<-- [start:threshold]
def min_cost_threshold(y: np.ndarray, s: np.ndarray, c_fp: float, c_fn: float) -> tuple[float, float]:
    """The cut-off t (predict 1 when s >= t) with the lowest total cost c_fp * FP + c_fn * FN.

    Sweeps every distinct score once, high to low; returns (t, cost per example).
    """
    y, s = np.asarray(y), np.asarray(s, dtype=float)
    order = np.argsort(-s, kind="mergesort")
    y, s = y[order], s[order]
    last = np.r_[np.flatnonzero(np.diff(s) != 0), s.size - 1]   # end of each tie group
    TP = np.cumsum(y)[last]
    FP = (last + 1) - TP
    cost = c_fp * FP + c_fn * (y.sum() - TP)
    cost = np.r_[c_fn * y.sum(), cost]                          # option: flag nothing
    t = np.r_[np.inf, s[last]]
    k = int(np.argmin(cost))
    return float(t[k]), float(cost[k] / y.size)
# --8<-- [end:threshold]
