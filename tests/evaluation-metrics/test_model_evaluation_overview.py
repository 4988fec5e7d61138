"""Checks of the evaluation helpers against closed forms, SciPy, and simulated coverage."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.stats import binomtest, rankdata
from sklearn.metrics import accuracy_score, roc_auc_score

import model_evaluation_overview as me


def accuracy(y: np.ndarray, y_hat: np.ndarray) -> float:
    return float(np.mean(y == y_hat))


def test_accuracy_helper_matches_scikit_learn() -> None:
    rng = np.random.default_rng(7)
    y, y_hat = rng.integers(0, 3, 50), rng.integers(0, 3, 50)
    assert accuracy(y, y_hat) == pytest.approx(accuracy_score(y, y_hat))


def auc(y: np.ndarray, s: np.ndarray) -> float:
    """ROC AUC as the Mann-Whitney statistic (fast enough to call thousands of times)."""
    r = rankdata(s)
    n1 = int(y.sum())
    n0 = y.size - n1
    return float((r[y == 1].sum() - n1 * (n1 + 1) / 2) / (n1 * n0))


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_rank_auc_matches_scikit_learn_with_and_without_ties(seed: int) -> None:
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, 300)
    s = y + rng.normal(size=300)
    assert me.auc_rank(y, s) == pytest.approx(roc_auc_score(y, s))
    s_tied = np.round(s)                      # few distinct values: many ties
    assert me.auc_rank(y, s_tied) == pytest.approx(roc_auc_score(y, s_tied))


def mean_metric(y: np.ndarray, y_hat: np.ndarray) -> float:
    return float(np.mean(y_hat - y))


def test_bootstrap_interval_of_a_mean_matches_the_normal_closed_form() -> None:
    """For a mean of n i.i.d. values, the 95% interval is about mean +- 1.96 s / sqrt(n)."""
    rng = np.random.default_rng(0)
    n = 400
    e = rng.normal(0, 2, n)
    point, lo, hi = me.bootstrap_ci(mean_metric, np.zeros(n), e, n_boot=4000, alpha=0.05,
                                    rng=np.random.default_rng(1))
    half = 1.96 * e.std() / np.sqrt(n)
    assert point == pytest.approx(e.mean())
    assert (hi - lo) / 2 == pytest.approx(half, rel=0.08)
    assert (lo + hi) / 2 == pytest.approx(point, abs=0.15 * half)


def test_bootstrap_interval_for_accuracy_covers_the_true_accuracy_at_the_nominal_rate() -> None:
    """Over 300 simulated test sets of 200 examples from a classifier with true accuracy 0.8, the 95%
    interval should contain 0.8 about 95% of the time; 300 trials give a binomial s.d. of 1.3%."""
    rng = np.random.default_rng(2)
    trials, n, acc = 300, 200, 0.8
    hits = 0
    for _ in range(trials):
        y = rng.integers(0, 2, n)
        y_hat = np.where(rng.random(n) < acc, y, 1 - y)
        _, lo, hi = me.bootstrap_ci(accuracy, y, y_hat, 300, 0.05, rng)
        hits += lo <= acc <= hi
    sd = np.sqrt(0.95 * 0.05 / trials)
    assert abs(hits / trials - 0.95) < 3 * sd + 0.01   # slack for the bootstrap's own small bias


def test_paired_interval_is_narrower_than_the_unpaired_one_and_detects_the_gain() -> None:
    """Two models that share most of their score: pairing cancels the shared noise."""
    rng = np.random.default_rng(3)
    n = 2000
    y = rng.integers(0, 2, n)
    shared = y + rng.normal(0, 1.0, n)
    a = shared + rng.normal(0, 0.3, n)
    b = shared + 0.15 * y + rng.normal(0, 0.3, n)
    diff, lo, hi = me.paired_bootstrap_diff(auc, y, a, b, 500, 0.05, np.random.default_rng(4))
    assert diff == pytest.approx(roc_auc_score(y, b) - roc_auc_score(y, a))
    _, lo_a, hi_a = me.bootstrap_ci(auc, y, a, 500, 0.05, np.random.default_rng(5))
    _, lo_b, hi_b = me.bootstrap_ci(auc, y, b, 500, 0.05, np.random.default_rng(6))
    assert hi - lo < 0.5 * (hi_a - lo_a)
    assert lo > 0             # paired: B is better
    assert lo_b < hi_a        # unpaired intervals overlap, so comparing them would miss it


@pytest.mark.parametrize("b,c", [(10, 3), (30, 30), (0, 7), (45, 25), (1, 0)])
def test_mcnemar_matches_scipy_binomial_test_on_discordant_pairs(b: int, c: int) -> None:
    concordant = 50
    correct_a = np.r_[np.ones(b, bool), np.zeros(c, bool), np.ones(concordant, bool)]
    correct_b = np.r_[np.zeros(b, bool), np.ones(c, bool), np.ones(concordant, bool)]
    expected = binomtest(min(b, c), b + c, 0.5).pvalue
    assert me.mcnemar_exact_p(correct_a, correct_b) == pytest.approx(expected)


def test_mcnemar_ignores_examples_both_models_get_right_or_wrong() -> None:
    a = np.r_[np.ones(12, bool), np.zeros(4, bool)]
    b = np.r_[np.zeros(12, bool), np.ones(4, bool)]
    base = me.mcnemar_exact_p(a, b)
    padded = me.mcnemar_exact_p(np.r_[a, np.ones(500, bool), np.zeros(300, bool)],
                                np.r_[b, np.ones(500, bool), np.zeros(300, bool)])
    assert padded == pytest.approx(base)


def test_accuracy_interval_at_90_percent_on_1000_examples_is_about_plus_minus_1_9_points() -> None:
    """The page's sizing rule: standard error sqrt(p (1 - p) / n) = 0.0095 at p = 0.9, n = 1,000."""
    se = np.sqrt(0.9 * 0.1 / 1000)
    assert se == pytest.approx(0.0095, abs=1e-4)
    y = np.ones(1000, dtype=int)
    y_hat = np.r_[np.ones(900, dtype=int), np.zeros(100, dtype=int)]
    _, lo, hi = me.bootstrap_ci(accuracy, y, y_hat, 2000, 0.05, np.random.default_rng(8))
    assert (hi - lo) / 2 == pytest.approx(1.96 * se, rel=0.1)
