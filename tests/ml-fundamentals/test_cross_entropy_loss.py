"""Checks of the cross-entropy snippet against scikit-learn, SciPy and finite differences."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.special import expit, softmax
from scipy.stats import entropy
from sklearn.metrics import log_loss

import cross_entropy_loss as ce


def central_difference(f, X: np.ndarray, h: float = 1e-6) -> np.ndarray:
    """Numerical gradient of a scalar function of an array, one coordinate at a time."""
    G = np.zeros_like(X)
    for idx in np.ndindex(X.shape):
        Xp, Xm = X.copy(), X.copy()
        Xp[idx] += h
        Xm[idx] -= h
        G[idx] = (f(Xp) - f(Xm)) / (2 * h)
    return G


def test_binary_cross_entropy_matches_sklearn_log_loss() -> None:
    rng = np.random.default_rng(0)
    z = 3 * rng.standard_normal(200)
    y = (rng.random(200) < expit(z)).astype(float)
    assert ce.bce_with_logits(z, y) == pytest.approx(log_loss(y, expit(z)), rel=1e-10)


def test_categorical_cross_entropy_matches_sklearn_log_loss() -> None:
    rng = np.random.default_rng(1)
    Z = 2 * rng.standard_normal((300, 5))
    y = rng.integers(0, 5, 300)
    got = ce.softmax_cross_entropy(Z, y)
    assert got == pytest.approx(log_loss(y, softmax(Z, axis=1), labels=range(5)), rel=1e-10)


def test_class_weights_match_sklearn_sample_weight() -> None:
    rng = np.random.default_rng(2)
    Z = rng.standard_normal((100, 3))
    y = rng.integers(0, 3, 100)
    w = np.array([1.0, 4.0, 0.5])
    got = ce.softmax_cross_entropy(Z, y, class_weight=w)
    assert got == pytest.approx(log_loss(y, softmax(Z, axis=1), sample_weight=w[y]), rel=1e-10)


def test_binary_gradient_is_sigmoid_minus_label() -> None:
    rng = np.random.default_rng(3)
    z = 2 * rng.standard_normal(12)
    y = rng.integers(0, 2, 12).astype(float)
    numeric = central_difference(lambda v: ce.bce_with_logits(v, y), z)
    np.testing.assert_allclose(ce.bce_grad(z, y), numeric, atol=1e-8)
    np.testing.assert_allclose(ce.bce_grad(z, y), (expit(z) - y) / z.size, atol=1e-15)


def test_categorical_gradient_is_softmax_minus_one_hot() -> None:
    rng = np.random.default_rng(4)
    Z = 2 * rng.standard_normal((6, 4))
    y = rng.integers(0, 4, 6)
    numeric = central_difference(lambda M: ce.softmax_cross_entropy(M, y), Z)
    np.testing.assert_allclose(ce.softmax_cross_entropy_grad(Z, y), numeric, atol=1e-8)
    one_hot = np.eye(4)[y]
    np.testing.assert_allclose(ce.softmax_cross_entropy_grad(Z, y), (softmax(Z, axis=1) - one_hot) / 6, atol=1e-15)


def test_two_class_softmax_equals_sigmoid_on_the_logit_difference() -> None:
    rng = np.random.default_rng(5)
    Z = 3 * rng.standard_normal((50, 2))
    y = rng.integers(0, 2, 50)
    assert ce.softmax_cross_entropy(Z, y) == pytest.approx(ce.bce_with_logits(Z[:, 1] - Z[:, 0], y), rel=1e-12)


def test_cross_entropy_is_kl_plus_target_entropy() -> None:
    """H(t, p) = KL(t || p) + H(t); with label smoothing the target is soft, so H(t) > 0."""
    rng = np.random.default_rng(6)
    Z = rng.standard_normal((1, 4))
    eps = 0.2
    t = np.full(4, eps / 4)
    t[2] += 1 - eps
    p = softmax(Z, axis=1)[0]
    got = ce.softmax_cross_entropy(Z, np.array([2]), label_smoothing=eps)
    assert got == pytest.approx(entropy(t, p) + entropy(t), rel=1e-12)
    # The smoothed loss can never reach 0: its minimum over logits is H(t), reached when p = t.
    assert ce.softmax_cross_entropy(np.log(t)[None, :], np.array([2]), label_smoothing=eps) == pytest.approx(entropy(t))


def test_logit_form_survives_extreme_logits() -> None:
    """Naive log(sigmoid) gives inf at z = +-1000; the stable form returns the exact value |z|."""
    z = np.array([1000.0, -1000.0])
    y = np.array([0.0, 1.0])
    assert ce.bce_with_logits(z, y) == 1000.0
    Z = np.array([[1000.0, 0.0, -1000.0]])
    assert ce.softmax_cross_entropy(Z, np.array([2])) == 2000.0
    with np.errstate(divide="ignore", over="ignore"):
        naive = -np.log(1 - 1 / (1 + np.exp(-z[0])))
    assert np.isinf(naive)


def test_confident_mistakes_cost_far_more_than_confident_hits() -> None:
    """The loss table on the page: -log p for the probability p given to the true class."""
    p = np.array([0.99, 0.9, 0.5, 0.1, 0.01, 1e-4])
    z = np.log(p / (1 - p))                     # logits that produce these probabilities
    losses = np.array([ce.bce_with_logits(np.array([zi]), np.array([1.0])) for zi in z])
    np.testing.assert_allclose(losses, [0.01005, 0.1054, 0.6931, 2.3026, 4.6052, 9.2103], atol=1e-4)


@pytest.mark.parametrize("gamma", [0.0, 2.0])
def test_focal_loss_reduces_to_bce_and_downweights_easy_examples(gamma: float) -> None:
    z = np.array([4.0, -3.0, 0.2])
    y = np.array([1.0, 0.0, 0.0])
    p_t = np.where(y == 1, expit(z), 1 - expit(z))
    expected = np.mean(-((1 - p_t) ** gamma) * np.log(p_t))
    assert ce.focal_loss_with_logits(z, y, gamma) == pytest.approx(expected, rel=1e-12)
    if gamma == 0.0:
        assert ce.focal_loss_with_logits(z, y, gamma) == pytest.approx(ce.bce_with_logits(z, y), rel=1e-12)
    else:
        # An easy example (p_t = 0.98) keeps 0.0003 of its BCE; a hard one (p_t = 0.45) keeps 0.30.
        easy = ce.focal_loss_with_logits(z[:1], y[:1], gamma) / ce.bce_with_logits(z[:1], y[:1])
        hard = ce.focal_loss_with_logits(z[2:], y[2:], gamma) / ce.bce_with_logits(z[2:], y[2:])
        assert easy == pytest.approx((1 - expit(4.0)) ** 2, rel=1e-9) and easy < 4e-4
        assert hard == pytest.approx(expit(0.2) ** 2, rel=1e-9) and hard > 0.3
