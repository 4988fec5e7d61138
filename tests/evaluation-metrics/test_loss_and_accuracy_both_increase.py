"""Checks of the loss-and-accuracy snippet: the page's numbers, a gradient check and a training run."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import accuracy_score, log_loss

import loss_and_accuracy_both_increase as la


def test_constructed_example_numbers() -> None:
    """Accuracy 0.4 -> 0.8 while cross-entropy 0.676 -> 1.053, as in the page's table."""
    A, B = la.EPOCH_A, la.EPOCH_B
    assert la.accuracy(A) == 0.4 and la.accuracy(B) == 0.8
    assert la.cross_entropy(A) == pytest.approx(0.676, abs=5e-4)
    assert la.cross_entropy(B) == pytest.approx(1.053, abs=5e-4)
    assert np.round(-np.log(A), 3).tolist() == [0.357, 0.511, 0.799, 0.799, 0.916]
    assert np.round(-np.log(B), 3).tolist() == [0.051, 0.105, 0.598, 0.598, 3.912]
    # The four improved examples save 1.112 nats in total; the confident mistake costs 2.996.
    assert np.sum(np.log(B[:4] / A[:4])) == pytest.approx(1.112, abs=1e-3)
    assert np.log(A[4] / B[4]) == pytest.approx(2.996, abs=1e-3)


def test_constructed_example_matches_sklearn() -> None:
    """All labels are 1, so the probability of the true class is the predicted P(y = 1)."""
    y = np.ones(5, dtype=int)
    for p in (la.EPOCH_A, la.EPOCH_B):
        assert la.cross_entropy(p) == pytest.approx(log_loss(y, p, labels=[0, 1]))
        assert la.accuracy(p) == accuracy_score(y, (p > 0.5).astype(int))


def test_flipping_a_borderline_example_saves_exactly_its_margin() -> None:
    """log(1 + e^{a}) - log(1 + e^{-a}) = a: moving margin -a to +a lowers the loss by a, no more."""
    a = np.linspace(0.01, 3.0, 50)
    assert np.allclose(np.logaddexp(0, a) - np.logaddexp(0, -a), a)


@pytest.mark.parametrize("c", [0.3, 1.0, 4.0])
def test_confidence_derivative_matches_finite_difference(c: float) -> None:
    m = np.random.default_rng(0).normal(0.5, 1.5, size=50)
    h = 1e-6
    _, dL = la.loss_at_confidence(c, m)
    numeric = (la.loss_at_confidence(c + h, m)[0] - la.loss_at_confidence(c - h, m)[0]) / (2 * h)
    assert dL == pytest.approx(numeric, rel=1e-6)


def test_more_confidence_eventually_raises_loss_linearly() -> None:
    """With any misclassified example, L(c) / c tends to the mean of max(0, -m): loss grows without bound."""
    m = np.array([2.0, 1.0, 0.5, -0.3, -1.2])
    slope = np.mean(np.maximum(0.0, -m))
    L, dL = la.loss_at_confidence(200.0, m)
    assert L / 200.0 == pytest.approx(slope, rel=1e-3) and dL == pytest.approx(slope, rel=1e-3)
    # Convex in c, so past its minimum it only rises; here dL/dc < 0 at c = 0.5 and > 0 at c = 2.
    assert la.loss_at_confidence(0.5, m)[1] < 0 < la.loss_at_confidence(2.0, m)[1]


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_training_run_raises_validation_loss_and_accuracy_together(seed: int) -> None:
    X, y, X_val, y_val = la.make_data(200, 5000, 20, 0.1, np.random.default_rng(seed))
    r = la.train_and_track(X, y, X_val, y_val, lr=1.0, checkpoints=[10, 100, 1000])
    assert np.all(np.diff(r["val_acc"]) > 0)
    assert np.all(np.diff(r["val_loss"]) > 0)
    assert r["val_loss"][-1] > 2 * r["val_loss"][0]


def test_loss_rise_comes_from_examples_the_model_gets_wrong() -> None:
    """At step 1000, correctly classified validation cases have lower loss than at step 10; the others far higher."""
    X, y, X_val, y_val = la.make_data(200, 5000, 20, 0.1, np.random.default_rng(0))
    early = la.train_and_track(X, y, X_val, y_val, lr=1.0, checkpoints=[10])["w"]
    late = la.train_and_track(X, y, X_val, y_val, lr=1.0, checkpoints=[1000])["w"]
    m_early, m_late = y_val * (X_val @ early), y_val * (X_val @ late)
    right, wrong = m_late > 0, m_late <= 0
    loss = lambda m: np.logaddexp(0.0, -m)   # noqa: E731
    assert loss(m_late[right]).mean() < loss(m_early[right]).mean()
    assert loss(m_late[wrong]).mean() > 4 * loss(m_early[wrong]).mean()


def test_page_numbers_for_seed_zero() -> None:
    """The run quoted on the page: loss 0.43 -> 0.54 -> 0.99 and accuracy 0.855 -> 0.864 -> 0.870."""
    X, y, X_val, y_val = la.make_data(200, 5000, 20, 0.1, np.random.default_rng(0))
    r = la.train_and_track(X, y, X_val, y_val, lr=1.0, checkpoints=[10, 100, 1000])
    assert np.round(r["val_loss"], 2).tolist() == [0.43, 0.54, 0.99]
    assert np.round(r["val_acc"], 3).tolist() == [0.855, 0.864, 0.870]
    early = la.train_and_track(X, y, X_val, y_val, lr=1.0, checkpoints=[10])["w"]
    m_early, m_late = y_val * (X_val @ early), y_val * (X_val @ r["w"])
    right = m_late > 0
    loss = lambda m: np.logaddexp(0.0, -m)   # noqa: E731
    assert round(loss(m_early[right]).mean(), 2) == 0.26 and round(loss(m_late[right]).mean(), 2) == 0.04
    assert round(loss(m_early[~right]).mean(), 1) == 1.5 and round(loss(m_late[~right]).mean(), 1) == 7.3


def test_temperature_scaling_undoes_the_rise_without_changing_predictions() -> None:
    """Fit c on half the validation set, score the other half: the step-1000 model drops from 1.05 to 0.44,
    level with the step-10 model (0.44), while keeping its higher accuracy (0.864 vs 0.852)."""
    from scipy.optimize import minimize_scalar

    X, y, X_val, y_val = la.make_data(200, 5000, 20, 0.1, np.random.default_rng(0))
    out = {}
    for step in (10, 1000):
        w = la.train_and_track(X, y, X_val, y_val, lr=1.0, checkpoints=[step])["w"]
        m = y_val * (X_val @ w)
        m_cal, m_test = m[:2500], m[2500:]
        c = minimize_scalar(lambda c: la.loss_at_confidence(c, m_cal)[0], bounds=(1e-3, 10), method="bounded").x
        out[step] = (la.loss_at_confidence(1.0, m_test)[0], la.loss_at_confidence(c, m_test)[0], np.mean(m_test > 0))
    assert round(out[1000][0], 2) == 1.05 and round(out[1000][1], 2) == 0.44
    assert round(out[10][0], 2) == 0.44
    assert out[1000][2] == pytest.approx(0.8636) and out[10][2] == pytest.approx(0.852)
