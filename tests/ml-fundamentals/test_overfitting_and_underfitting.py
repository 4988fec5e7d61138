"""Checks of the learning-curve snippet against scikit-learn and against the signatures on the page."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.linear_model import LinearRegression, Ridge
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures

import overfitting_and_underfitting as ou

SIGMA = 0.3
SIZES = [30, 60, 200, 1000]


@pytest.fixture(scope="module")
def val_set():
    return ou.sample(2000, SIGMA, np.random.default_rng(0))


@pytest.mark.parametrize(("degree", "alpha"), [(1, 0.0), (4, 0.0), (9, 0.5), (12, 1e-3)])
def test_fit_matches_scikit_learn_pipeline(degree, alpha):
    x, y = ou.sample(40, SIGMA, np.random.default_rng(degree))
    x_new = np.linspace(0, 1, 50)
    w, b = ou.fit(x, y, degree, alpha)
    reg = Ridge(alpha=alpha) if alpha > 0 else LinearRegression()
    model = make_pipeline(PolynomialFeatures(degree, include_bias=False), reg)
    model.fit((2 * x - 1)[:, None], y)
    np.testing.assert_allclose(ou.features(x_new, degree) @ w + b, model.predict((2 * x_new - 1)[:, None]),
                               rtol=1e-6, atol=1e-6)


def test_training_error_never_rises_with_degree():
    """Polynomial models are nested, so least squares can only fit the training set better."""
    x, y = ou.sample(30, SIGMA, np.random.default_rng(3))
    errs = [ou.mse(*ou.fit(x, y, d), x, y) for d in range(1, 16)]
    assert np.all(np.diff(errs) <= 1e-12)


def test_a_model_with_enough_capacity_memorises_a_tiny_subset():
    """The sanity check: degree n - 1 interpolates n points, so training error is zero."""
    x, y = ou.sample(8, SIGMA, np.random.default_rng(4))
    assert ou.mse(*ou.fit(x, y, 7), x, y) < 1e-20
    assert ou.mse(*ou.fit(x, y, 1), x, y) > 0.05      # a line cannot


def test_underfitting_signature(val_set):
    """Degree 1 on a sine: both errors high, a small gap, and no gain from 30 to 1000 points of data
    beyond closing that gap; the plateau is far above the noise floor sigma^2."""
    train, val = ou.learning_curve(1, SIZES, SIGMA, *val_set, n_repeats=50, rng=np.random.default_rng(5))
    assert train[-1] > 3 * SIGMA**2 and val[-1] > 3 * SIGMA**2
    assert val[-1] - train[-1] < 0.05
    assert val[0] - val[-1] < 0.1


def test_overfitting_signature_and_its_fixes(val_set):
    """Degree 12: tiny training error, a huge gap at small n that closes with more data; ridge shrinks it."""
    train, val = ou.learning_curve(12, SIZES, SIGMA, *val_set, n_repeats=50, rng=np.random.default_rng(6))
    assert train[0] < SIGMA**2 and val[0] > 5 * train[0]
    assert np.all(np.diff(val - train) < 0)                 # the gap narrows as n grows
    assert val[-1] == pytest.approx(SIGMA**2, rel=0.1)      # enough data: close to the noise floor
    _, val_ridge = ou.learning_curve(12, SIZES, SIGMA, *val_set, n_repeats=50,
                                     rng=np.random.default_rng(6), alpha=0.01)
    assert val_ridge[0] < val[0] / 2
