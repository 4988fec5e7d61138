"""Checks of the parametric / non-parametric comparison against scikit-learn and closed forms."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.linear_model import LinearRegression
from sklearn.neighbors import KNeighborsRegressor

import parametric_vs_nonparametric_models as pn

SIGMA = 0.3


def sine(x: np.ndarray) -> np.ndarray:
    return np.sin(2 * np.pi * x)


def line(x: np.ndarray) -> np.ndarray:
    return 2 * x - 1


def test_fit_line_matches_sklearn() -> None:
    rng = np.random.default_rng(0)
    x = rng.random(50)
    y = sine(x) + SIGMA * rng.standard_normal(50)
    w, b = pn.fit_line(x, y)
    ref = LinearRegression().fit(x[:, None], y)
    assert w == pytest.approx(ref.coef_[0], rel=1e-10)
    assert b == pytest.approx(ref.intercept_, rel=1e-10)


@pytest.mark.parametrize("k", [1, 5, 17])
def test_knn_predict_matches_sklearn(k: int) -> None:
    rng = np.random.default_rng(k)
    x = rng.random(200)
    y = sine(x) + SIGMA * rng.standard_normal(200)
    q = rng.random(300)
    ref = KNeighborsRegressor(n_neighbors=k).fit(x[:, None], y).predict(q[:, None])
    np.testing.assert_allclose(pn.knn_predict(x, y, q, k), ref, rtol=1e-12)


def test_line_on_a_sine_stalls_at_its_approximation_error() -> None:
    """Best line for sin(2 pi x) on [0, 1] has slope -6/pi and leaves error 1/2 - 3/pi^2 = 0.196."""
    r = pn.compare(20_000, sine, SIGMA, 10, np.random.default_rng(1))
    assert r["line"] == pytest.approx(0.5 - 3 / np.pi**2, rel=0.02)
    x = np.random.default_rng(2).random(200_000)
    w, _ = pn.fit_line(x, sine(x))
    assert w == pytest.approx(-6 / np.pi, rel=0.01)


def test_correct_parametric_model_error_falls_like_one_over_n() -> None:
    """Unbiased line, x uniform: average error over [0, 1] is about sigma^2 (1 + 12 Var(x_test)) / n = 2 sigma^2 / n."""
    r = pn.compare(2000, line, SIGMA, 200, np.random.default_rng(3))
    assert r["line"] * 2000 == pytest.approx(2 * SIGMA**2, rel=0.15)


def test_knn_error_on_a_line_is_mostly_variance_sigma2_over_k() -> None:
    """Averaging k neighbours of a linear f is nearly unbiased away from the edges, so error ~ sigma^2 / k."""
    r = pn.compare(2000, line, SIGMA, 50, np.random.default_rng(4))
    assert r["knn"] == pytest.approx(SIGMA**2 / r["k"], rel=0.15)


def test_table_on_the_page() -> None:
    """Errors quoted on the page (seed 0, 20 training sets per cell) and who wins each cell."""
    expected = {
        ("line", 20): (0.0074, 0.0334), ("line", 200): (0.0010, 0.0067), ("line", 2000): (0.0001, 0.0019),
        ("sine", 20): (0.2280, 0.0712), ("sine", 200): (0.2012, 0.0091), ("sine", 2000): (0.1978, 0.0020),
    }
    truths = {"line": line, "sine": sine}
    for (name, n), (e_line, e_knn) in expected.items():
        r = pn.compare(n, truths[name], SIGMA, 20, np.random.default_rng(0))
        assert r["line"] == pytest.approx(e_line, abs=5e-5)
        assert r["knn"] == pytest.approx(e_knn, abs=5e-5)
        assert r["line_numbers_stored"] == 2 and r["knn_numbers_stored"] == 2 * n
        assert (r["line"] < r["knn"]) == (name == "line")
