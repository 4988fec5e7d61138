"""Checks of the calibration snippet against scikit-learn, SciPy and closed forms."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import minimize_scalar
from scipy.special import log_softmax
from sklearn.calibration import calibration_curve
from sklearn.isotonic import IsotonicRegression
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss

import model_calibration as mc


def overconfident(seed: int, n: int = 5000, k: float = 2.5) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """True probability sigmoid(z); the model reports sigmoid(k z), too extreme for k > 1."""
    rng = np.random.default_rng(seed)
    z = rng.normal(scale=1.5, size=n)
    y = (rng.random(n) < mc.sigmoid(z)).astype(int)
    return z, y, mc.sigmoid(k * z)


@pytest.mark.parametrize("n_bins", [5, 10, 15])
@pytest.mark.parametrize("seed", [0, 1])
def test_reliability_curve_matches_sklearn(n_bins: int, seed: int) -> None:
    _, y, p = overconfident(seed)
    p = np.r_[p, 0.0, 0.2, 0.5, 1.0]          # include values that sit exactly on bin edges
    y = np.r_[y, 0, 1, 0, 1]
    frac_pos, mean_p, _ = mc.reliability_curve(y, p, n_bins)
    ref_true, ref_pred = calibration_curve(y, p, n_bins=n_bins, strategy="uniform")
    assert np.allclose(frac_pos, ref_true) and np.allclose(mean_p, ref_pred)


def test_reliability_curve_drops_empty_bins_like_sklearn() -> None:
    y = np.array([0, 1, 1, 0, 1])
    p = np.array([0.05, 0.07, 0.93, 0.91, 0.99])
    frac_pos, mean_p, n_b = mc.reliability_curve(y, p, 10)
    ref_true, ref_pred = calibration_curve(y, p, n_bins=10)
    assert len(frac_pos) == 2 and np.allclose(frac_pos, ref_true) and np.allclose(mean_p, ref_pred)
    assert n_b.tolist() == [2, 3]


def test_ece_matches_definition_from_sklearn_bins() -> None:
    """ECE = weighted mean gap, with weights the bin shares, computed here from sklearn's curve."""
    _, y, p = overconfident(2)
    ref_true, ref_pred = calibration_curve(y, p, n_bins=10)
    counts = np.bincount(np.searchsorted(np.linspace(0, 1, 11)[1:-1], p), minlength=10)
    counts = counts[counts > 0]
    assert mc.expected_calibration_error(y, p, 10) == pytest.approx(np.sum(counts / len(p) * np.abs(ref_true - ref_pred)))


def test_calibrated_scores_have_small_ece_and_overconfident_ones_do_not() -> None:
    z, y, p_over = overconfident(3, n=200_000)
    assert mc.expected_calibration_error(y, mc.sigmoid(z)) < 0.01
    assert mc.expected_calibration_error(y, p_over) > 0.05


def test_brier_matches_sklearn() -> None:
    _, y, p = overconfident(4)
    assert mc.brier_score(y, p) == pytest.approx(brier_score_loss(y, p))


def test_platt_matches_unpenalised_logistic_regression_and_undoes_overconfidence() -> None:
    """On logit scores k z, the fitted slope is about 1 / k: Platt recovers the true probabilities."""
    z, y, _ = overconfident(5, n=100_000, k=2.5)
    s = 2.5 * z
    a, b = mc.platt_fit(s, y)
    ref = LogisticRegression(C=1e12, tol=1e-10, max_iter=1000).fit(s[:, None], y)
    assert a == pytest.approx(ref.coef_[0, 0], rel=1e-4) and b == pytest.approx(ref.intercept_[0], abs=1e-4)
    assert a == pytest.approx(1 / 2.5, rel=0.03) and b == pytest.approx(0.0, abs=0.03)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_isotonic_matches_sklearn(seed: int) -> None:
    z, y, p = overconfident(seed, n=2000)
    s_sorted, fitted = mc.isotonic_fit(p, y)
    iso = IsotonicRegression(out_of_bounds="clip").fit(p, y)
    assert np.allclose(fitted, iso.predict(s_sorted))
    assert np.all(np.diff(fitted) >= 0)
    new = np.random.default_rng(seed + 10).random(500)
    assert np.allclose(np.interp(new, s_sorted, fitted), iso.predict(new))


def test_temperature_matches_scipy_and_keeps_every_prediction() -> None:
    """Logits three times too large: the fitted T is near 3, found at SciPy's optimum, argmax unchanged."""
    rng = np.random.default_rng(6)
    n, K = 20_000, 5
    Z_true = rng.normal(scale=1.5, size=(n, K))
    P = np.exp(log_softmax(Z_true, axis=1))
    y = (P.cumsum(axis=1) < rng.random(n)[:, None]).sum(axis=1)   # sample a class from each row
    Z = 3.0 * Z_true
    T = mc.temperature_fit(Z, y)
    nll = lambda T: -np.mean(log_softmax(Z / T, axis=1)[np.arange(n), y])   # noqa: E731
    T_ref = minimize_scalar(nll, bounds=(0.05, 20), method="bounded", options={"xatol": 1e-8}).x
    assert T == pytest.approx(T_ref, rel=1e-4)
    assert T == pytest.approx(3.0, rel=0.05)
    assert np.array_equal((Z / T).argmax(axis=1), Z.argmax(axis=1))
    assert nll(T) < nll(1.0)


def test_brier_splits_into_calibration_and_refinement() -> None:
    """With predictions on a few levels, Brier = mean (p - c(p))^2 + mean c(p)(1 - c(p)), c(p) = positive rate at p."""
    _, y, p = overconfident(7, n=50_000)
    p = np.round(p * 10) / 10                              # 11 distinct levels
    levels, idx = np.unique(p, return_inverse=True)
    c = np.bincount(idx, weights=y) / np.bincount(idx)
    calibration = np.mean((p - c[idx]) ** 2)
    refinement = np.mean(c[idx] * (1 - c[idx]))
    assert mc.brier_score(y, p) == pytest.approx(calibration + refinement, rel=1e-12)
    # Replacing each level by its observed rate removes the calibration term and nothing else.
    assert mc.brier_score(y, c[idx]) == pytest.approx(refinement, rel=1e-12)


def test_logistic_regression_matches_base_rate_and_class_weights_break_it() -> None:
    """Unpenalised logistic regression: mean predicted p equals the training positive rate (intercept
    score equation). class_weight='balanced' on 5% positives pushes the mean prediction far above it."""
    rng = np.random.default_rng(8)
    n = 20_000
    y = (rng.random(n) < 0.05).astype(int)
    X = rng.normal(loc=1.0 * y[:, None], size=(n, 3))
    plain = LogisticRegression(C=1e12, tol=1e-10, max_iter=1000).fit(X, y)
    weighted = LogisticRegression(C=1e12, tol=1e-10, max_iter=1000, class_weight="balanced").fit(X, y)
    assert plain.predict_proba(X)[:, 1].mean() == pytest.approx(y.mean(), abs=1e-4)
    assert weighted.predict_proba(X)[:, 1].mean() > 5 * y.mean()


def test_random_forest_scores_avoid_the_extremes() -> None:
    """Averaging tree votes keeps scores away from 0 and 1: in the lowest bin fewer cases are positive
    than predicted, in the highest bin more."""
    from sklearn.datasets import make_classification
    from sklearn.ensemble import RandomForestClassifier

    X, y = make_classification(n_samples=20_000, n_features=20, n_informative=4, n_redundant=10, random_state=0)
    rf = RandomForestClassifier(n_estimators=100, random_state=0, n_jobs=1).fit(X[:10_000], y[:10_000])
    p = rf.predict_proba(X[10_000:])[:, 1]
    frac_pos, mean_p, _ = mc.reliability_curve(y[10_000:], p, 10)
    assert frac_pos[0] < mean_p[0] and frac_pos[-1] > mean_p[-1]
