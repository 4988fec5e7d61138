"""Uncertainty for a held-out evaluation: bootstrap intervals, paired comparisons, McNemar's test.

The page argues that a test-set score without an error bar, or a comparison of two models without a
paired test, is not an evaluation. These helpers attach that uncertainty to any metric function
metric(y, y_hat) -> float, such as accuracy, ROC AUC or MAE.
"""

from __future__ import annotations

from collections.abc import Callable
from math import comb

import numpy as np

Metric = Callable[[np.ndarray, np.ndarray], float]


# --8<-- [start:bootstrap]
def bootstrap_ci(
    metric: Metric, y: np.ndarray, y_hat: np.ndarray,
    n_boot: int, alpha: float, rng: np.random.Generator,
) -> tuple[float, float, float]:
    """Point estimate and percentile (1 - alpha) interval, resampling test examples with replacement.

    Resampling whole examples treats the test set as an i.i.d. draw from deployment data; rows that
    belong together (one user, one time block) must be resampled together instead.
    """
    n = y.size
    stats = np.empty(n_boot)
    for b in range(n_boot):
        idx = rng.integers(0, n, n)
        stats[b] = metric(y[idx], y_hat[idx])
    lo, hi = np.quantile(stats, [alpha / 2, 1 - alpha / 2])
    return metric(y, y_hat), float(lo), float(hi)


def paired_bootstrap_diff(
    metric: Metric, y: np.ndarray, pred_a: np.ndarray, pred_b: np.ndarray,
    n_boot: int, alpha: float, rng: np.random.Generator,
) -> tuple[float, float, float]:
    """Interval for metric(B) - metric(A), scoring both models on the SAME resample each time.

    The shared resample cancels the example-to-example difficulty the two models have in common, so
    the interval is much narrower than comparing two separate intervals.
    """
    n = y.size
    diffs = np.empty(n_boot)
    for b in range(n_boot):
        idx = rng.integers(0, n, n)
        diffs[b] = metric(y[idx], pred_b[idx]) - metric(y[idx], pred_a[idx])
    lo, hi = np.quantile(diffs, [alpha / 2, 1 - alpha / 2])
    return metric(y, pred_b) - metric(y, pred_a), float(lo), float(hi)
# --8<-- [end:bootstrap]


def auc_rank(y: np.ndarray, s: np.ndarray) -> float:
    """ROC AUC as the Mann-Whitney statistic: P(score of a positive > score of a negative), ties 1/2.

    Average ranks handle ties; one sort makes it cheap enough to call inside a bootstrap loop.
    """
    order = np.argsort(s, kind="mergesort")
    ranks = np.empty(s.size)
    ranks[order] = np.arange(1, s.size + 1)
    _, inv, counts = np.unique(s, return_inverse=True, return_counts=True)
    sums = np.bincount(inv, weights=ranks)
    ranks = (sums / counts)[inv]                       # average rank within each tie group
    n1 = int(np.sum(y == 1))
    n0 = y.size - n1
    return float((ranks[y == 1].sum() - n1 * (n1 + 1) / 2) / (n1 * n0))


# --8<-- [start:mcnemar]
def mcnemar_exact_p(correct_a: np.ndarray, correct_b: np.ndarray) -> float:
    """Two-sided exact McNemar test that two classifiers have the same accuracy.

    Only discordant examples carry information: b = A right and B wrong, c = A wrong and B right.
    Under the null each discordant example is a fair coin, so min(b, c) ~ Binomial(b + c, 1/2).
    """
    b = int(np.sum(correct_a & ~correct_b))
    c = int(np.sum(~correct_a & correct_b))
    n, k = b + c, min(b, c)
    tail = sum(comb(n, i) for i in range(k + 1)) / 2**n
    return min(1.0, 2 * tail)
# --8<-- [end:mcnemar]
