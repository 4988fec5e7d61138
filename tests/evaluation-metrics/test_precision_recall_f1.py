"""Checks of the precision / recall / F-beta snippet against scikit-learn and the page's worked numbers."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn import metrics

import precision_recall_f1 as prf


def random_multiclass(seed: int, n: int = 300, k: int = 4) -> tuple[np.ndarray, np.ndarray]:
    """Imbalanced labels and noisy predictions, so the averages disagree with each other."""
    rng = np.random.default_rng(seed)
    y = rng.choice(k, size=n, p=[0.6, 0.25, 0.1, 0.05])
    y_hat = np.where(rng.random(n) < 0.6, y, rng.integers(0, k, n))
    return y, y_hat


@pytest.mark.parametrize("average", ["micro", "macro", "weighted"])
@pytest.mark.parametrize("beta", [0.5, 1.0, 2.0])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_averaged_scores_match_sklearn(average: str, beta: float, seed: int) -> None:
    y, y_hat = random_multiclass(seed)
    labels = np.unique(np.r_[y, y_hat])
    ours = prf.precision_recall_fbeta(y, y_hat, labels, average, beta)
    ref = metrics.precision_recall_fscore_support(
        y, y_hat, labels=labels, average=average, beta=beta, zero_division=0
    )[:3]
    assert ours == pytest.approx(ref, abs=1e-12)


def test_binary_scores_match_sklearn_and_the_page_example() -> None:
    """The page's 1,000-case screening example: TP=40, FP=60, FN=10, TN=890."""
    y = np.r_[np.ones(50), np.zeros(950)].astype(int)
    y_hat = np.r_[np.ones(40), np.zeros(10), np.ones(60), np.zeros(890)].astype(int)
    P, R, F = prf.precision_recall_fbeta(y, y_hat, np.array([1]), "macro")
    assert (P, R) == pytest.approx((0.4, 0.8))
    assert F == pytest.approx(8 / 15) and F == pytest.approx(metrics.f1_score(y, y_hat))
    assert metrics.accuracy_score(y, y_hat) == pytest.approx(0.93)
    assert metrics.accuracy_score(y, np.zeros_like(y)) == pytest.approx(0.95)
    assert metrics.f1_score(y, np.zeros_like(y), zero_division=0) == 0.0


def test_micro_average_equals_accuracy_for_single_label_multiclass() -> None:
    y, y_hat = random_multiclass(3)
    labels = np.unique(np.r_[y, y_hat])
    P, R, F = prf.precision_recall_fbeta(y, y_hat, labels, "micro")
    acc = np.mean(y == y_hat)
    assert P == pytest.approx(acc) and R == pytest.approx(acc) and F == pytest.approx(acc)


def test_macro_f1_is_not_harmonic_mean_of_macro_p_and_r() -> None:
    """Averaging per-class F differs from recomputing F from the averaged P and R."""
    y, y_hat = random_multiclass(0)
    labels = np.unique(np.r_[y, y_hat])
    P, R, F = prf.precision_recall_fbeta(y, y_hat, labels, "macro")
    assert abs(F - 2 * P * R / (P + R)) > 1e-3


def test_f1_lies_between_min_and_arithmetic_mean() -> None:
    """Harmonic mean: min(P, R) <= F1 <= (P + R) / 2, and F1 is pulled towards the smaller one."""
    rng = np.random.default_rng(4)
    for _ in range(200):
        P, R = rng.random(2)
        F = 2 * P * R / (P + R)
        assert min(P, R) - 1e-12 <= F <= (P + R) / 2 + 1e-12
        assert F <= 2 * min(P, R) + 1e-12


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_pr_curve_and_average_precision_match_sklearn(seed: int) -> None:
    rng = np.random.default_rng(seed)
    y = (rng.random(500) < 0.1).astype(int)
    s = np.round(rng.normal(loc=1.2 * y, scale=1.0), 1)   # rounding creates ties
    P, R, t = prf.pr_curve(y, s)
    P_ref, R_ref, t_ref = metrics.precision_recall_curve(y, s)
    # sklearn lists points in increasing threshold and appends (P=1, R=0) at the end.
    assert np.allclose(P, P_ref[:-1][::-1]) and np.allclose(R, R_ref[:-1][::-1])
    assert np.allclose(t, t_ref[::-1])
    assert prf.average_precision(y, s) == pytest.approx(metrics.average_precision_score(y, s), abs=1e-12)


def test_raising_threshold_trades_recall_for_precision() -> None:
    """Recall can only fall as the cut-off rises; precision tends to rise on an informative score."""
    rng = np.random.default_rng(5)
    y = (rng.random(2000) < 0.2).astype(int)
    s = rng.normal(loc=2.0 * y)
    P, R, _ = prf.pr_curve(y, s)      # decreasing threshold
    assert np.all(np.diff(R) >= 0)
    assert P[:50].mean() > 0.9 and P[-1] == pytest.approx(y.mean())


def test_page_numbers_flag_everything_and_negative_class() -> None:
    """Flag-everything at 1% prevalence: arithmetic mean 0.505, F1 about 0.02. Negative class F1 about 0.96."""
    y = np.r_[np.ones(10), np.zeros(990)].astype(int)
    P, R, F = prf.precision_recall_fbeta(y, np.ones_like(y), np.array([1]), "macro")
    assert (P + R) / 2 == pytest.approx(0.505) and F == pytest.approx(0.0198, abs=1e-4)
    y = np.r_[np.ones(50), np.zeros(950)].astype(int)
    y_hat = np.r_[np.ones(40), np.zeros(10), np.ones(60), np.zeros(890)].astype(int)
    P0, R0, F0 = prf.precision_recall_fbeta(y, y_hat, np.array([0]), "macro")
    assert (P0, R0) == pytest.approx((890 / 900, 890 / 950)) and F0 == pytest.approx(0.962, abs=1e-3)


def test_uninformative_score_has_average_precision_near_prevalence() -> None:
    rng = np.random.default_rng(6)
    y = (rng.random(200_000) < 0.05).astype(int)
    assert prf.average_precision(y, rng.random(y.size)) == pytest.approx(y.mean(), abs=0.005)
