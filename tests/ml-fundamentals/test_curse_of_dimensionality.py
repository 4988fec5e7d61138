"""Checks of the curse-of-dimensionality snippet against closed forms, Monte Carlo and SciPy."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.spatial.distance import pdist
from scipy.special import gamma

import curse_of_dimensionality as cod


@pytest.mark.parametrize("d, exact", [(1, 1.0), (2, math.pi / 4), (3, math.pi / 6), (4, math.pi**2 / 32)])
def test_ball_fraction_matches_textbook_values(d: int, exact: float) -> None:
    """A segment fills its interval, a disc fills pi/4 of a square, a ball pi/6 of a cube."""
    assert cod.ball_fraction(d) == pytest.approx(exact, rel=1e-12)


@pytest.mark.parametrize("d", [5, 10, 30, 60])
def test_ball_fraction_matches_scipy_gamma_formula(d: int) -> None:
    """The log-space formula agrees with pi^(d/2) (1/2)^d / Gamma(d/2 + 1) computed directly."""
    assert cod.ball_fraction(d) == pytest.approx(math.pi ** (d / 2) * 0.5**d / gamma(d / 2 + 1), rel=1e-10)


@pytest.mark.parametrize("d", [2, 3, 5, 8])
def test_ball_fraction_matches_monte_carlo(d: int) -> None:
    """Share of uniform points in [0, 1]^d that land within 1/2 of the centre."""
    X = np.random.default_rng(d).random((400_000, d))
    share = np.mean(np.linalg.norm(X - 0.5, axis=1) <= 0.5)
    p = cod.ball_fraction(d)
    assert share == pytest.approx(p, abs=4 * math.sqrt(p * (1 - p) / 400_000))


def test_ball_fraction_shrinks_by_pi_over_2_d_plus_2_every_two_dimensions() -> None:
    """f(d + 2) / f(d) = pi / (2 (d + 2)): below 1 for every d >= 1, so the share falls to 0."""
    for d in range(1, 60):
        assert cod.ball_fraction(d + 2) / cod.ball_fraction(d) == pytest.approx(math.pi / (2 * (d + 2)), rel=1e-9)


@pytest.mark.parametrize("d", [1, 2, 10, 100])
def test_neighbourhood_edge_holds_the_requested_share(d: int) -> None:
    """A sub-cube with edge r^(1/d) holds a fraction r of uniform points (checked by sampling)."""
    e = cod.neighbourhood_edge(0.1, d)
    X = np.random.default_rng(0).random((200_000, d))
    assert np.mean(np.all(X <= e, axis=1)) == pytest.approx(0.1, abs=0.005)


@pytest.mark.parametrize("d", [10, 50, 200, 1000])
def test_relative_spread_of_distances_matches_closed_form(d: int) -> None:
    """std/mean of pairwise distances among uniform points tends to sqrt(7 / (20 d))."""
    D = pdist(np.random.default_rng(d).random((600, d)))
    assert D.std() / D.mean() == pytest.approx(cod.relative_spread_limit(d), rel=0.05)
    assert np.mean(D**2) == pytest.approx(d / 6, rel=0.02)   # E||x - y||^2 = d / 6 exactly


def test_nearest_to_farthest_ratio_rises_towards_one() -> None:
    """The ratio grows with d, and 1 - ratio falls roughly like 1 / sqrt(d)."""
    dims = [2, 10, 100, 1000, 10_000]
    r = [cod.min_max_ratio(500, d, 20, np.random.default_rng(0)) for d in dims]
    assert all(a < b for a, b in zip(r, r[1:]))
    assert r[0] < 0.05 and r[-1] > 0.95
    shrink = (1 - r[2]) / (1 - r[4])          # d grows 100x, so 1/sqrt(d) predicts a factor of 10
    assert 7 < shrink < 11


def test_table_on_the_page() -> None:
    """The numbers quoted in the page's table (seed 0, 500 points, 20 queries)."""
    table = {1: (1.0, 0.010, 0.001), 2: (0.785, 0.100, 0.024), 3: (0.524, 0.215, 0.066),
             10: (0.00249, 0.631, 0.291), 20: (2.46e-8, 0.794, 0.450), 100: (1.87e-70, 0.955, 0.714)}
    for d, (ball, edge, ratio) in table.items():
        assert cod.ball_fraction(d) == pytest.approx(ball, rel=0.005)
        assert cod.neighbourhood_edge(0.01, d) == pytest.approx(edge, abs=0.0005)
        assert cod.min_max_ratio(500, d, 20, np.random.default_rng(0)) == pytest.approx(ratio, abs=0.0005)
