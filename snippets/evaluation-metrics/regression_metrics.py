"""Regression metrics written out from their definitions.

The page argues from the formulas (which constant each loss prefers, how R^2 rescales MSE, why MAPE
favours low forecasts), so each metric is a one-liner here that mirrors its formula. The tests check
them against scikit-learn and against the closed forms derived on the page.
"""

from __future__ import annotations

import numpy as np


# --8<-- [start:metrics]
def mae(y: np.ndarray, y_hat: np.ndarray) -> float:
    """Mean absolute error, in the units of y. Minimised by the median."""
    return float(np.mean(np.abs(y - y_hat)))


def mse(y: np.ndarray, y_hat: np.ndarray) -> float:
    """Mean squared error, in units of y squared. Minimised by the mean."""
    return float(np.mean((y - y_hat) ** 2))


def rmse(y: np.ndarray, y_hat: np.ndarray) -> float:
    """Root mean squared error: MSE back in the units of y."""
    return float(np.sqrt(mse(y, y_hat)))


def r2(y: np.ndarray, y_hat: np.ndarray) -> float:
    """1 - SS_res / SS_tot: MSE relative to predicting the mean of y. Negative when worse than that."""
    ss_res = np.sum((y - y_hat) ** 2)
    ss_tot = np.sum((y - y.mean()) ** 2)
    return float(1.0 - ss_res / ss_tot)


def adjusted_r2(y: np.ndarray, y_hat: np.ndarray, p: int) -> float:
    """R^2 with both sums of squares divided by their degrees of freedom (p features plus intercept)."""
    n = y.size
    return 1.0 - (1.0 - r2(y, y_hat)) * (n - 1) / (n - p - 1)


def mape(y: np.ndarray, y_hat: np.ndarray) -> float:
    """Mean absolute percentage error, as a fraction (0.1 = 10%). Undefined when any y is 0."""
    return float(np.mean(np.abs((y - y_hat) / y)))
# --8<-- [end:metrics]


# --8<-- [start:alternatives]
def smape(y: np.ndarray, y_hat: np.ndarray) -> float:
    """Symmetric MAPE: error over the mean of |actual| and |forecast|; bounded by 2."""
    return float(np.mean(2.0 * np.abs(y - y_hat) / (np.abs(y) + np.abs(y_hat))))


def wape(y: np.ndarray, y_hat: np.ndarray) -> float:
    """Weighted APE: total absolute error over total volume. Big items weigh more, zeros are fine."""
    return float(np.sum(np.abs(y - y_hat)) / np.sum(np.abs(y)))


def mase(y: np.ndarray, y_hat: np.ndarray, y_train: np.ndarray, m: int = 1) -> float:
    """MAE scaled by the in-sample MAE of the seasonal naive forecast y_t = y_{t-m}. Below 1 beats naive."""
    naive_mae = np.mean(np.abs(y_train[m:] - y_train[:-m]))
    return mae(y, y_hat) / float(naive_mae)
# --8<-- [end:alternatives]


def best_constant_for_mape(y: np.ndarray) -> float:
    """The constant c minimising MAPE: a median of y weighted by 1 / |y| (derived on the page).

    MAPE(c) = mean |y_i - c| / |y_i| is a weighted absolute loss, so its minimiser is the weighted
    median, the first sorted y_i at which the cumulative weight reaches half the total.
    """
    order = np.argsort(y)
    ys, w = y[order], 1.0 / np.abs(y[order])
    cum = np.cumsum(w)
    return float(ys[np.searchsorted(cum, 0.5 * cum[-1])])
