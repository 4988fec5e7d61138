"""Checks of the imbalanced-metrics snippet against scikit-learn, closed forms and the page's numbers."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn import metrics

import imbalanced_classification_metrics as im


def rare_event_predictions(seed: int, n: int = 20_000, pi: float = 0.02) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Labels with prevalence pi, Gaussian scores (positives shifted by 2), predictions at s >= 1.5."""
    rng = np.random.default_rng(seed)
    y = (rng.random(n) < pi).astype(int)
    s = rng.normal(loc=2.0 * y)
    return y, s, (s >= 1.5).astype(int)


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("beta", [0.5, 1.0, 2.0])
def test_summaries_match_sklearn(seed: int, beta: float) -> None:
    y, _, y_hat = rare_event_predictions(seed)
    m = im.summaries(y, y_hat, beta)
    assert m["accuracy"] == pytest.approx(metrics.accuracy_score(y, y_hat))
    assert m["precision"] == pytest.approx(metrics.precision_score(y, y_hat))
    assert m["recall"] == pytest.approx(metrics.recall_score(y, y_hat))
    assert m["f_beta"] == pytest.approx(metrics.fbeta_score(y, y_hat, beta=beta))
    assert m["balanced_accuracy"] == pytest.approx(metrics.balanced_accuracy_score(y, y_hat))
    assert m["mcc"] == pytest.approx(metrics.matthews_corrcoef(y, y_hat))
    assert m["kappa"] == pytest.approx(metrics.cohen_kappa_score(y, y_hat))


def test_mcc_is_pearson_correlation_of_labels_and_predictions() -> None:
    y, _, y_hat = rare_event_predictions(3)
    assert im.summaries(y, y_hat)["mcc"] == pytest.approx(np.corrcoef(y, y_hat)[0, 1])


def test_all_negative_model_wins_accuracy_and_scores_nothing_elsewhere() -> None:
    """At prevalence pi, 'always negative' has accuracy 1 - pi, balanced accuracy 0.5, MCC, kappa and F1 of 0."""
    y, _, y_hat = rare_event_predictions(4)
    lazy = im.summaries(y, np.zeros_like(y))
    assert lazy["accuracy"] == pytest.approx(1 - y.mean())
    assert lazy["accuracy"] > im.summaries(y, y_hat)["accuracy"]
    assert lazy["balanced_accuracy"] == 0.5
    assert lazy["mcc"] == lazy["kappa"] == lazy["f_beta"] == 0.0
    assert metrics.matthews_corrcoef(y, np.zeros_like(y)) == 0.0


def test_precision_from_rates_and_prevalence() -> None:
    """P = pi TPR / (pi TPR + (1 - pi) FPR): the identity behind 'a small FPR can mean many false alarms'."""
    y, _, y_hat = rare_event_predictions(5)
    TP, FP, FN, TN = im.counts(y, y_hat)
    pi, tpr, fpr = y.mean(), TP / (TP + FN), FP / (FP + TN)
    assert im.summaries(y, y_hat)["precision"] == pytest.approx(pi * tpr / (pi * tpr + (1 - pi) * fpr))
    # The page's example: TPR 0.9 and FPR 0.01 at prevalence 0.001 give precision about 0.083.
    assert 0.001 * 0.9 / (0.001 * 0.9 + 0.999 * 0.01) == pytest.approx(0.0826, abs=1e-4)


def test_random_scores_give_auc_half_but_ap_at_prevalence() -> None:
    rng = np.random.default_rng(6)
    y = (rng.random(200_000) < 0.01).astype(int)
    s = rng.random(y.size)
    assert metrics.roc_auc_score(y, s) == pytest.approx(0.5, abs=0.01)
    assert im.average_precision(y, s) == pytest.approx(y.mean(), abs=0.002)


def test_roc_auc_ignores_prevalence_while_ap_falls_with_it() -> None:
    """Same score distributions, prevalence 50% vs 1%: ROC-AUC about equal, AP far lower."""
    rng = np.random.default_rng(7)
    def draw(n_pos: int, n_neg: int):
        y = np.r_[np.ones(n_pos), np.zeros(n_neg)].astype(int)
        return y, rng.normal(loc=2.0 * y)
    yb, sb = draw(50_000, 50_000)
    yr, sr = draw(1_000, 99_000)
    assert metrics.roc_auc_score(yb, sb) == pytest.approx(metrics.roc_auc_score(yr, sr), abs=0.01)
    assert im.average_precision(yb, sb) > 0.9 and im.average_precision(yr, sr) < 0.4


@pytest.mark.parametrize("c_fp, c_fn", [(1.0, 1.0), (1.0, 9.0), (1.0, 49.0)])
def test_min_cost_threshold_on_calibrated_scores_is_cost_ratio(c_fp: float, c_fn: float) -> None:
    """With calibrated probabilities p, predicting 1 when p > c_fp / (c_fp + c_fn) is Bayes-optimal."""
    rng = np.random.default_rng(8)
    p = rng.beta(0.5, 8.0, size=400_000)      # calibrated by construction: y ~ Bernoulli(p)
    y = (rng.random(p.size) < p).astype(int)
    t, cost = im.min_cost_threshold(y, p, c_fp, c_fn)
    t_star = c_fp / (c_fp + c_fn)
    assert t == pytest.approx(t_star, abs=0.04)
    cost_star = np.mean(c_fp * ((p >= t_star) & (y == 0)) + c_fn * ((p < t_star) & (y == 1)))
    assert cost <= cost_star + 1e-12 and cost == pytest.approx(cost_star, rel=0.01)


def test_min_cost_threshold_matches_brute_force() -> None:
    y, s, _ = rare_event_predictions(9, n=3_000)
    s = np.round(s, 1)
    t, cost = im.min_cost_threshold(y, s, 1.0, 20.0)
    candidates = np.r_[np.inf, np.unique(s)]
    brute = [np.mean(1.0 * ((s >= c) & (y == 0)) + 20.0 * ((s < c) & (y == 1))) for c in candidates]
    assert cost == pytest.approx(min(brute))


def test_mcc_tends_to_geometric_mean_of_precision_and_recall_as_tn_grows() -> None:
    """TN -> infinity: MCC -> TP / sqrt((TP + FP)(TP + FN)) = sqrt(precision * recall)."""
    TP, FP, FN = 40, 60, 10
    for TN, tol in [(10**4, 0.01), (10**7, 1e-4)]:
        y = np.r_[np.ones(TP + FN), np.zeros(FP + TN)].astype(int)
        y_hat = np.r_[np.ones(TP), np.zeros(FN), np.ones(FP), np.zeros(TN)].astype(int)
        m = im.summaries(y, y_hat)
        assert m["mcc"] == pytest.approx(np.sqrt(m["precision"] * m["recall"]), abs=tol)
