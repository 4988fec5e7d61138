"""Fairness metrics checked on a hand-computed table, against scikit-learn's confusion matrix,
and against the identities behind the impossibility results."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import confusion_matrix

import bias_and_fairness_in_ml as fair

# The worked example on the page: ten applicants per group.
Y = np.array([1, 1, 1, 1, 1, 0, 0, 0, 0, 0] + [1, 1, 0, 0, 0, 0, 0, 0, 0, 0])
Y_HAT = np.array([1, 1, 1, 1, 0, 1, 1, 0, 0, 0] + [1, 0, 1, 0, 0, 0, 0, 0, 0, 0])
A = np.array(["A"] * 10 + ["B"] * 10)


def test_worked_example_rates_by_hand() -> None:
    r = fair.group_rates(Y.astype(bool), Y_HAT.astype(bool), A)
    # Group A: TP 4, FN 1, FP 2, TN 3.  Group B: TP 1, FN 1, FP 1, TN 7.
    assert r["A"] == pytest.approx({"base_rate": 0.5, "selection_rate": 0.6, "tpr": 0.8, "fpr": 0.4, "ppv": 4 / 6})
    assert r["B"] == pytest.approx({"base_rate": 0.2, "selection_rate": 0.2, "tpr": 0.5, "fpr": 0.125, "ppv": 0.5})


def test_worked_example_report_by_hand() -> None:
    rep = fair.fairness_report(Y, Y_HAT, A)
    assert rep["demographic_parity_diff"] == pytest.approx(0.4)
    assert rep["disparate_impact_ratio"] == pytest.approx(1 / 3)
    assert rep["equal_opportunity_diff"] == pytest.approx(0.3)
    assert rep["equalized_odds_diff"] == pytest.approx(0.3)       # max(0.3, 0.4 - 0.125 = 0.275)
    assert rep["predictive_parity_diff"] == pytest.approx(1 / 6)


def test_rates_match_sklearn_confusion_matrix_on_random_data() -> None:
    rng = np.random.default_rng(0)
    a = rng.integers(0, 3, 5000)
    y = rng.random(5000) < 0.2 + 0.2 * a
    y_hat = rng.random(5000) < 0.3 + 0.4 * y
    r = fair.group_rates(y, y_hat, a)
    for g in range(3):
        tn, fp, fn, tp = confusion_matrix(y[a == g], y_hat[a == g]).ravel()
        assert r[g]["tpr"] == pytest.approx(tp / (tp + fn))
        assert r[g]["fpr"] == pytest.approx(fp / (fp + tn))
        assert r[g]["ppv"] == pytest.approx(tp / (tp + fp))
        assert r[g]["selection_rate"] == pytest.approx((tp + fp) / (tp + fp + tn + fn))


def test_chouldechova_identity_links_fpr_ppv_tpr_and_base_rate() -> None:
    """FPR = p / (1 - p) * (1 - PPV) / PPV * TPR holds for every confusion matrix (step 3 on the page)."""
    rng = np.random.default_rng(1)
    for _ in range(200):
        tp, fp, fn, tn = rng.integers(1, 1000, 4)
        p, tpr, fpr, ppv = (tp + fn) / (tp + fp + fn + tn), tp / (tp + fn), fp / (fp + tn), tp / (tp + fp)
        assert fpr == pytest.approx(p / (1 - p) * (1 - ppv) / ppv * tpr, rel=1e-12)


def test_equal_ppv_and_tpr_force_unequal_fpr_when_base_rates_differ() -> None:
    """Build both groups with PPV = 0.75 and TPR = 0.8 but base rates 0.5 and 0.2: FPRs must differ."""
    def group(n: int, p: float) -> tuple[np.ndarray, np.ndarray]:
        pos = int(n * p)
        tp = int(0.8 * pos)
        fp = tp // 3                                             # PPV = tp / (tp + fp) = 0.75
        y = np.r_[np.ones(pos), np.zeros(n - pos)].astype(bool)
        y_hat = np.r_[np.ones(tp), np.zeros(pos - tp), np.ones(fp), np.zeros(n - pos - fp)].astype(bool)
        return y, y_hat
    ya, da = group(1500, 0.5)
    yb, db = group(1500, 0.2)
    r = fair.group_rates(np.r_[ya, yb], np.r_[da, db], np.array([0] * 1500 + [1] * 1500))
    assert r[0]["ppv"] == pytest.approx(r[1]["ppv"]) and r[0]["tpr"] == pytest.approx(r[1]["tpr"])
    assert r[0]["fpr"] == pytest.approx(0.8 * 1 / 3)                # p/(1-p) = 1
    assert r[1]["fpr"] == pytest.approx(0.8 * 0.25 / 3)             # p/(1-p) = 1/4
    assert r[0]["fpr"] == pytest.approx(4 * r[1]["fpr"])


def test_kleinberg_identity_for_calibrated_scores() -> None:
    """If the mean score equals the base rate (implied by calibration), then
    (1 - p) E[S | Y=0] = p (1 - E[S | Y=1]); with different base rates the class balances differ."""
    rng = np.random.default_rng(2)
    means = {}
    for g, (alpha, beta) in enumerate([(2.0, 2.0), (1.0, 4.0)]):    # base rates 0.5 and 0.2
        s = rng.beta(alpha, beta, 400_000)
        y = rng.random(s.size) < s                                   # calibrated: P(Y=1 | S=s) = s
        p = y.mean()
        assert (1 - p) * s[~y].mean() == pytest.approx(p * (1 - s[y].mean()), abs=2e-3)
        means[g] = (s[y].mean(), s[~y].mean())
    assert abs(means[0][0] - means[1][0]) > 0.1 and abs(means[0][1] - means[1][1]) > 0.1


def test_dropping_the_attribute_leaves_the_gap_when_a_proxy_remains() -> None:
    """Fairness through unawareness: a model trained without A, but with a postcode that agrees with A
    90% of the time, still selects the two groups at very different rates."""
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(3)
    n = 20_000
    a = rng.integers(0, 2, n)
    postcode = np.where(rng.random(n) < 0.9, a, 1 - a)
    skill = rng.normal(size=n)
    y = rng.random(n) < 1 / (1 + np.exp(-(skill - 1.0 * a)))    # historical labels penalise group 1
    gaps = []
    for X in (np.column_stack([skill, postcode, a]), np.column_stack([skill, postcode]), skill[:, None]):
        y_hat = LogisticRegression().fit(X, y).predict(X)
        gaps.append(fair.fairness_report(y, y_hat, a)["demographic_parity_diff"])
    # With A: about 0.35. Without A but with the proxy: about 0.22. Without either: about 0.01.
    assert gaps == pytest.approx([0.35, 0.22, 0.01], abs=0.01)
