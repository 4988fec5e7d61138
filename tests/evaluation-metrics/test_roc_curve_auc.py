"""The threshold-sweep ROC curve and trapezoid AUC agree with scikit-learn and with P(s+ > s-)."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.stats import norm
from sklearn.metrics import precision_recall_curve, roc_auc_score
from sklearn.metrics import roc_curve as sk_roc_curve

import roc_curve_auc as rc


def _labels_and_scores(seed: int, ties: bool, n: int = 300) -> tuple[np.ndarray, np.ndarray]:
    """Overlapping classes; with ties=True the scores are rounded so many values repeat."""
    rng = np.random.default_rng(seed)
    y = (rng.random(n) < 0.3).astype(int)
    s = rng.normal(size=n) + 0.8 * y
    return y, (np.round(s, 1) if ties else s)


def _pairwise_auc(y: np.ndarray, s: np.ndarray) -> float:
    """Brute force over all positive-negative pairs: win counts 1, tie counts 1/2."""
    d = s[y == 1][:, None] - s[y == 0][None, :]
    return float(np.mean(d > 0) + 0.5 * np.mean(d == 0))


@pytest.mark.parametrize("ties", [False, True])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_roc_points_match_sklearn_without_dropping_points(seed: int, ties: bool) -> None:
    y, s = _labels_and_scores(seed, ties)
    fpr, tpr, thr = rc.roc_curve(y, s)
    sk_fpr, sk_tpr, sk_thr = sk_roc_curve(y, s, drop_intermediate=False)
    np.testing.assert_allclose(fpr, sk_fpr)
    np.testing.assert_allclose(tpr, sk_tpr)
    np.testing.assert_array_equal(thr, sk_thr)
    if ties:
        assert thr.size - 1 == np.unique(s).size < s.size  # one step per distinct score


@pytest.mark.parametrize("ties", [False, True])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_trapezoid_auc_matches_sklearn_and_pairwise_probability(seed: int, ties: bool) -> None:
    y, s = _labels_and_scores(seed, ties)
    auc = rc.auc_trapezoid(*rc.roc_curve(y, s)[:2])
    assert auc == pytest.approx(roc_auc_score(y, s), abs=1e-12)
    assert auc == pytest.approx(_pairwise_auc(y, s), abs=1e-12)


def test_reversed_scores_give_one_minus_auc() -> None:
    y, s = _labels_and_scores(3, ties=True)
    auc = rc.auc_trapezoid(*rc.roc_curve(y, s)[:2])
    assert rc.auc_trapezoid(*rc.roc_curve(y, -s)[:2]) == pytest.approx(1 - auc, abs=1e-12)


def test_perfect_and_constant_scores() -> None:
    y = np.array([0, 0, 1, 1])
    assert rc.auc_trapezoid(*rc.roc_curve(y, np.array([0.1, 0.2, 0.8, 0.9]))[:2]) == 1.0
    assert rc.auc_trapezoid(*rc.roc_curve(y, np.full(4, 0.5))[:2]) == 0.5  # one diagonal step


def test_hard_label_predictions_give_balanced_accuracy() -> None:
    """With 0/1 predictions as scores the curve has one inner point: AUC = (1 + TPR - FPR) / 2."""
    rng = np.random.default_rng(4)
    y = rng.integers(0, 2, 400)
    y_hat = np.where(rng.random(400) < 0.75, y, 1 - y)
    fpr, tpr, _ = rc.roc_curve(y, y_hat)
    assert fpr.size == 3
    tpr_1, fpr_1 = y_hat[y == 1].mean(), y_hat[y == 0].mean()
    assert rc.auc_trapezoid(fpr, tpr) == pytest.approx((1 + tpr_1 - fpr_1) / 2, abs=1e-12)


@pytest.mark.parametrize("y", [np.zeros(5, dtype=int), np.ones(5, dtype=int)])
def test_single_class_raises(y: np.ndarray) -> None:
    with pytest.raises(ValueError):
        rc.roc_curve(y, np.linspace(0, 1, 5))


@pytest.mark.parametrize("d", [1.0, 2.0])
def test_binormal_auc_and_youden_threshold(d: float) -> None:
    """Negatives N(0, 1), positives N(d, 1): AUC = Phi(d / sqrt 2), and J peaks at t = d / 2.

    These are the two models of the page's notebook; the closed forms are quoted on the page.
    """
    rng = np.random.default_rng(7)
    n = 20_000
    y = np.r_[np.zeros(n, dtype=int), np.ones(n, dtype=int)]
    s = np.r_[rng.normal(0, 1, n), rng.normal(d, 1, n)]
    fpr, tpr, thr = rc.roc_curve(y, s)
    assert rc.auc_trapezoid(fpr, tpr) == pytest.approx(norm.cdf(d / np.sqrt(2)), abs=0.01)
    assert thr[rc.youden_index(fpr, tpr)] == pytest.approx(d / 2, abs=0.1)
    # J at the optimum equals 2 Phi(d/2) - 1
    k = rc.youden_index(fpr, tpr)
    assert tpr[k] - fpr[k] == pytest.approx(2 * norm.cdf(d / 2) - 1, abs=0.02)


def test_quoted_closed_form_values() -> None:
    """Numbers on the page: AUC 0.760 and 0.921 for d = 1 and 2; J = 0.383 and 0.683."""
    assert round(norm.cdf(1 / np.sqrt(2)), 3) == 0.760
    assert round(norm.cdf(2 / np.sqrt(2)), 3) == 0.921
    assert round(2 * norm.cdf(0.5) - 1, 3) == 0.383
    assert round(2 * norm.cdf(1.0) - 1, 3) == 0.683


def test_precision_from_roc_matches_sklearn_on_imbalanced_sample() -> None:
    rng = np.random.default_rng(11)
    y = (rng.random(5_000) < 0.02).astype(int)
    s = rng.normal(size=y.size) + 2 * y
    fpr, tpr, thr = rc.roc_curve(y, s)
    prec = rc.precision_from_roc(fpr, tpr, prevalence=y.mean())
    sk_prec, _, sk_thr = precision_recall_curve(y, s, drop_intermediate=False)
    by_threshold = dict(zip(sk_thr, sk_prec[:-1]))
    for t, p in zip(thr[1:], prec[1:]):
        assert p == pytest.approx(by_threshold[t], abs=1e-12)


def test_quoted_imbalance_example() -> None:
    """Page: TPR 0.80 at FPR 0.05 gives precision 0.941 at 50% prevalence and 0.139 at 1%."""
    assert rc.precision_from_roc(0.05, 0.80, 0.5) == pytest.approx(0.941, abs=5e-4)
    assert rc.precision_from_roc(0.05, 0.80, 0.01) == pytest.approx(0.139, abs=5e-4)
    # per 100,000 cases at 1% prevalence: 800 true positives against 4,950 false positives
    assert (100_000 * 0.01 * 0.80, 100_000 * 0.99 * 0.05) == pytest.approx((800, 4_950))
