"""Checks of the sensitivity tools against analytic Sobol indices and least-squares ANOVA."""

from __future__ import annotations

import numpy as np
import pytest

import hyperparameter_sensitivity_analysis as hs


def ishigami(U: np.ndarray, a: float = 7.0, b: float = 0.1) -> np.ndarray:
    """The standard sensitivity benchmark, inputs mapped from [0, 1] to [-pi, pi]."""
    x = np.pi * (2 * U - 1)
    return np.sin(x[:, 0]) + a * np.sin(x[:, 1]) ** 2 + b * x[:, 2] ** 4 * np.sin(x[:, 0])


def ishigami_exact(a: float = 7.0, b: float = 0.1) -> tuple[np.ndarray, np.ndarray]:
    """Analytic first-order and total indices of the Ishigami function."""
    v1 = 0.5 * (1 + b * np.pi**4 / 5) ** 2
    v2 = a**2 / 8
    v13 = b**2 * np.pi**8 * (1 / 18 - 1 / 50)
    var = v1 + v2 + v13
    return np.array([v1, v2, 0.0]) / var, np.array([v1 + v13, v2, v13]) / var


def test_sobol_indices_match_ishigami_closed_form() -> None:
    S, ST = hs.sobol_indices(ishigami, 3, 200_000, np.random.default_rng(0))
    S_exact, ST_exact = ishigami_exact()
    np.testing.assert_allclose(S, S_exact, atol=0.02)
    np.testing.assert_allclose(ST, ST_exact, atol=0.02)
    assert S_exact[0] == pytest.approx(0.3139, abs=1e-4) and S_exact[1] == pytest.approx(0.4424, abs=1e-4)


def test_pure_interaction_is_invisible_to_one_at_a_time_but_not_to_sobol() -> None:
    """f = (x1 - 1/2)(x2 - 1/2): flat along both lines through the centre, yet all its variance is interaction."""
    def f(U: np.ndarray) -> np.ndarray:
        return (U[:, 0] - 0.5) * (U[:, 1] - 0.5)

    sweep = np.linspace(0, 1, 11)
    oat = hs.one_at_a_time(lambda p: float(f(np.array([[p["x1"], p["x2"]]]))[0]), {"x1": 0.5, "x2": 0.5},
                           {"x1": sweep, "x2": sweep})
    assert all(np.ptp(v) == 0.0 for v in oat.values())
    S, ST = hs.sobol_indices(f, 2, 100_000, np.random.default_rng(1))
    np.testing.assert_allclose(S, [0.0, 0.0], atol=0.02)
    np.testing.assert_allclose(ST, [1.0, 1.0], atol=0.02)


def r_squared(design: np.ndarray, y: np.ndarray) -> float:
    coef, *_ = np.linalg.lstsq(design, y, rcond=None)
    return 1 - np.sum((y - design @ coef) ** 2) / np.sum((y - y.mean()) ** 2)


def test_grid_anova_matches_least_squares_on_one_hot_factors() -> None:
    """Row share = R^2 of row dummies; row + col = R^2 of the additive model; the rest is interaction."""
    rng = np.random.default_rng(2)
    Y = rng.normal(size=(6, 4)) + np.arange(6)[:, None] * 0.5 + np.array([0.0, 1.0, -1.0, 2.0])
    shares = hs.grid_anova_2d(Y)
    i, j = np.meshgrid(np.arange(6), np.arange(4), indexing="ij")
    rows, cols = np.eye(6)[i.ravel()], np.eye(4)[j.ravel()]
    y = Y.ravel()
    assert shares["row"] == pytest.approx(r_squared(rows, y), rel=1e-10)
    assert shares["col"] == pytest.approx(r_squared(cols, y), rel=1e-10)
    assert shares["row"] + shares["col"] == pytest.approx(r_squared(np.hstack([rows, cols]), y), rel=1e-10)
    assert sum(shares.values()) == pytest.approx(1.0, rel=1e-12)


def test_grid_anova_approaches_sobol_first_order_on_a_fine_grid() -> None:
    """For f(x1, x2) = x1 + x2^2 + x1 x2 on [0,1]^2, grid shares converge to the exact Sobol indices."""
    t = (np.arange(400) + 0.5) / 400
    Y = t[:, None] + t[None, :] ** 2 + t[:, None] * t[None, :]
    shares = hs.grid_anova_2d(Y)
    # Exact: main effects 1.5 x1 and x2^2 + x2/2 (centred), interaction (x1 - 1/2)(x2 - 1/2).
    v1 = 1.5**2 / 12
    v2 = 1 / 5 + 1 / 4 + 1 / 12 - (1 / 3 + 1 / 4) ** 2      # Var(x^2 + x/2) for x ~ U(0, 1)
    v12 = 1 / 144
    total = v1 + v2 + v12
    assert shares["row"] == pytest.approx(v1 / total, abs=1e-4)
    assert shares["col"] == pytest.approx(v2 / total, abs=1e-4)
    assert shares["interaction"] == pytest.approx(v12 / total, abs=1e-4)
