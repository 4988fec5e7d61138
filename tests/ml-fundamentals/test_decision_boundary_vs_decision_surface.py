"""Checks that the boundary helpers agree with a fitted scikit-learn logistic regression."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.special import expit
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression

import decision_boundary_vs_decision_surface as db


@pytest.fixture(scope="module")
def model() -> tuple[LogisticRegression, np.ndarray]:
    X, y = make_classification(n_samples=300, n_features=2, n_redundant=0, n_clusters_per_class=1,
                               random_state=0)
    return LogisticRegression().fit(X, y), X


@pytest.mark.parametrize("t", [0.1, 0.5, 0.9])
def test_boundary_points_have_probability_equal_to_threshold(model, t: float) -> None:
    clf, _ = model
    w, b = clf.coef_[0], clf.intercept_[0]
    x1 = np.linspace(-3, 3, 25)
    P = np.column_stack([x1, db.linear_boundary_x2(w, b, x1, t)])
    np.testing.assert_allclose(clf.predict_proba(P)[:, 1], t, atol=1e-12)


def test_predicted_class_flips_across_the_boundary(model) -> None:
    """A small step along the normal w crosses from class 0 to class 1."""
    clf, _ = model
    w, b = clf.coef_[0], clf.intercept_[0]
    x1 = np.linspace(-3, 3, 25)
    P = np.column_stack([x1, db.linear_boundary_x2(w, b, x1)])
    step = 1e-6 * w / np.linalg.norm(w)
    assert np.all(clf.predict(P + step) == 1)
    assert np.all(clf.predict(P - step) == 0)


def test_signed_distance_matches_decision_function_over_norm(model) -> None:
    clf, X = model
    w, b = clf.coef_[0], clf.intercept_[0]
    d = db.signed_distance(w, b, X)
    np.testing.assert_allclose(d, clf.decision_function(X) / np.linalg.norm(w), rtol=1e-12)
    assert np.array_equal(d > 0, clf.predict(X) == 1)


def test_thresholds_give_parallel_lines(model) -> None:
    """Changing the threshold shifts the line; the slope -w1/w2 stays the same."""
    clf, _ = model
    w, b = clf.coef_[0], clf.intercept_[0]
    x1 = np.array([0.0, 1.0])
    slopes = [np.diff(db.linear_boundary_x2(w, b, x1, t))[0] for t in (0.2, 0.5, 0.8)]
    np.testing.assert_allclose(slopes, -w[0] / w[1], rtol=1e-12)


def test_scaling_weights_keeps_boundary_but_changes_surface(model) -> None:
    """(c w, c b) for c > 0 gives the same 0.5-boundary and labels, but a steeper probability surface."""
    clf, X = model
    w, b = clf.coef_[0], clf.intercept_[0]
    x1 = np.linspace(-3, 3, 7)
    np.testing.assert_allclose(db.linear_boundary_x2(10 * w, 10 * b, x1), db.linear_boundary_x2(w, b, x1))
    p1, p10 = expit(X @ w + b), expit(X @ (10 * w) + 10 * b)
    assert np.array_equal(p1 > 0.5, p10 > 0.5)
    assert np.mean(np.abs(p10 - 0.5)) > np.mean(np.abs(p1 - 0.5)) + 0.05
