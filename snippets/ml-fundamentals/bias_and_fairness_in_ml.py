"""Group fairness metrics from binary decisions, labels and a group attribute.

Every criterion compares a conditional rate across groups: the selection rate (demographic parity),
the true-positive rate (equal opportunity), true- and false-positive rates (equalized odds) and the
precision (predictive parity). Computing them needs the group attribute, which is one reason that
"fairness through unawareness" cannot even be audited.
"""

from __future__ import annotations

import numpy as np


# --8<-- [start:rates]
def group_rates(y: np.ndarray, y_hat: np.ndarray, a: np.ndarray) -> dict[object, dict[str, float]]:
    """Per group g: base rate P(Y=1), selection rate P(Y_hat=1), TPR, FPR and precision (PPV)."""
    out = {}
    for g in np.unique(a):
        yg, dg = y[a == g], y_hat[a == g]
        tp, fp = np.sum(dg & yg), np.sum(dg & ~yg)
        out[g] = {
            "base_rate": yg.mean(),
            "selection_rate": dg.mean(),                 # demographic parity compares this
            "tpr": tp / yg.sum(),                        # equal opportunity compares this
            "fpr": fp / (~yg).sum(),                     # equalized odds adds this
            "ppv": tp / dg.sum() if dg.any() else np.nan,  # predictive parity compares this
        }
    return out


def fairness_report(y: np.ndarray, y_hat: np.ndarray, a: np.ndarray) -> dict[str, float]:
    """Largest between-group gaps, plus the disparate-impact ratio (four-fifths rule: >= 0.8)."""
    r = group_rates(y.astype(bool), y_hat.astype(bool), a)
    col = lambda k: np.array([r[g][k] for g in r])
    gap = lambda k: float(col(k).max() - col(k).min())
    return {
        "demographic_parity_diff": gap("selection_rate"),
        "disparate_impact_ratio": float(col("selection_rate").min() / col("selection_rate").max()),
        "equal_opportunity_diff": gap("tpr"),
        "equalized_odds_diff": max(gap("tpr"), gap("fpr")),
        "predictive_parity_diff": gap("ppv"),
    }
# --8<-- [end:rates]
