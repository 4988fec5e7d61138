"""Checks of the regression metrics against scikit-learn and against the page's closed forms."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import minimize_scalar
from sklearn import metrics as skm
from sklearn.linear_model import LinearRegression

import regression_metrics as rm


@pytest.fixture
def data() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    y = rng.lognormal(mean=3.0, sigma=0.5, size=500)
    y_hat = y + rng.normal(0, 5, size=500)
    return y, y_hat


def test_metrics_match_scikit_learn(data) -> None:
    y, y_hat = data
    assert rm.mae(y, y_hat) == pytest.approx(skm.mean_absolute_error(y, y_hat))
    assert rm.mse(y, y_hat) == pytest.approx(skm.mean_squared_error(y, y_hat))
    assert rm.rmse(y, y_hat) == pytest.approx(np.sqrt(skm.mean_squared_error(y, y_hat)))
    assert rm.r2(y, y_hat) == pytest.approx(skm.r2_score(y, y_hat))
    assert rm.mape(y, y_hat) == pytest.approx(skm.mean_absolute_percentage_error(y, y_hat))


def test_worked_example_one_outlier_moves_rmse_more_than_mae() -> None:
    """The page's table: residuals (1, 1, 1, 1, 10) against (2.8 x 5)."""
    y = np.zeros(5)
    spiky, flat = np.array([1.0, 1, 1, 1, 10]), np.full(5, 2.8)
    assert rm.mae(y, spiky) == pytest.approx(2.8) and rm.mae(y, flat) == pytest.approx(2.8)
    assert rm.rmse(y, spiky) == pytest.approx(4.561, abs=1e-3)
    assert rm.rmse(y, flat) == pytest.approx(2.8)


def test_rmse_lies_between_mae_and_sqrt_n_mae(data) -> None:
    y, y_hat = data
    n = y.size
    assert rm.mae(y, y_hat) <= rm.rmse(y, y_hat) <= np.sqrt(n) * rm.mae(y, y_hat)


def test_best_constants_are_mean_for_mse_and_median_for_mae(data) -> None:
    y, _ = data
    c_mse = minimize_scalar(lambda c: rm.mse(y, np.full_like(y, c))).x
    c_mae = minimize_scalar(lambda c: rm.mae(y, np.full_like(y, c)), bounds=(y.min(), y.max()),
                            method="bounded", options={"xatol": 1e-8}).x
    assert c_mse == pytest.approx(y.mean(), rel=1e-6)
    lo, hi = np.sort(y)[[y.size // 2 - 1, y.size // 2]]   # any point between the middle two is optimal
    assert lo - 1e-6 <= c_mae <= hi + 1e-6


def test_r2_is_zero_for_the_test_mean_and_negative_for_a_worse_constant(data) -> None:
    y, _ = data
    assert rm.r2(y, np.full_like(y, y.mean())) == pytest.approx(0.0, abs=1e-12)
    assert rm.r2(y, np.full_like(y, y.mean() + y.std())) == pytest.approx(-1.0)   # 1 - (var + std^2)/var
    assert rm.r2(y, np.full_like(y, np.median(y))) < 0


def test_r2_equals_one_minus_mse_over_variance(data) -> None:
    y, y_hat = data
    assert rm.r2(y, y_hat) == pytest.approx(1 - rm.mse(y, y_hat) / y.var())


def test_adjusted_r2_rises_exactly_when_the_new_feature_has_partial_f_above_one() -> None:
    """Training R^2 never falls when a feature is added; adjusted R^2 rises iff the partial F > 1."""
    rng = np.random.default_rng(1)
    n, p = 40, 3
    X = rng.normal(size=(n, p))
    y = X @ np.array([1.0, -0.5, 0.3]) + rng.normal(size=n)
    base = LinearRegression().fit(X, y)
    r2_small = rm.r2(y, base.predict(X))
    adj_small = rm.adjusted_r2(y, base.predict(X), p)
    outcomes = set()
    for seed in range(60):
        z = np.random.default_rng(100 + seed).normal(size=(n, 1))   # pure-noise candidate feature
        Xz = np.hstack([X, z])
        y_hat = LinearRegression().fit(Xz, y).predict(Xz)
        assert rm.r2(y, y_hat) >= r2_small - 1e-12
        rss_small, rss_big = np.sum((y - base.predict(X)) ** 2), np.sum((y - y_hat) ** 2)
        partial_f = (rss_small - rss_big) / (rss_big / (n - p - 2))
        rises = rm.adjusted_r2(y, y_hat, p + 1) > adj_small
        assert rises == (partial_f > 1)
        outcomes.add(rises)
    assert outcomes == {True, False}   # both cases occur, so the check has teeth


def test_adjusted_r2_matches_its_textbook_form() -> None:
    rng = np.random.default_rng(2)
    y, y_hat = rng.normal(size=30), rng.normal(size=30)
    r = skm.r2_score(y, y_hat)
    assert rm.adjusted_r2(y, y_hat, 4) == pytest.approx(1 - (1 - r) * 29 / 25)


def test_mape_caps_under_forecasts_at_one_and_not_over_forecasts() -> None:
    y = np.array([100.0])
    assert rm.mape(y, np.array([0.0])) == pytest.approx(1.0)     # forecast 0: 100%
    assert rm.mape(y, np.array([300.0])) == pytest.approx(2.0)   # forecast 3x: 200%


def test_mape_optimal_constant_sits_below_the_median(data) -> None:
    y, _ = data
    c = rm.best_constant_for_mape(y)
    grid = np.linspace(y.min(), y.max(), 20001)
    losses = np.array([rm.mape(y, np.full_like(y, g)) for g in grid])
    assert rm.mape(y, np.full_like(y, c)) <= losses.min() + 1e-12
    assert c < np.median(y) < y.mean()


def test_smape_is_bounded_by_two_and_wape_weights_by_volume() -> None:
    y = np.array([1.0, 100.0])
    y_hat = np.array([0.0, 90.0])
    assert rm.smape(y, y_hat) == pytest.approx((2.0 + 20 / 190) / 2)
    assert rm.wape(y, y_hat) == pytest.approx(11 / 101)
    assert rm.smape(np.array([1.0]), np.array([1e9])) < 2.0


def test_mase_is_one_for_the_naive_forecast_on_a_random_walk_training_set() -> None:
    """Using the naive forecast over the training series itself reproduces the scale, so MASE = 1."""
    rng = np.random.default_rng(3)
    y_train = np.cumsum(rng.normal(size=200))
    assert rm.mase(y_train[1:], y_train[:-1], y_train) == pytest.approx(1.0)
    seasonal = np.tile([1.0, 5.0, 3.0, 8.0], 10) + rng.normal(0, 0.1, 40)
    assert rm.mase(seasonal[4:], seasonal[:-4], seasonal, m=4) == pytest.approx(1.0)
