"""Birthday problem: the product equals the closed form, simulation agrees, textbook values hold."""

from __future__ import annotations

import math

import numpy as np
import pytest

import birthday_problem as bp


def test_product_equals_perm_and_comb_closed_forms() -> None:
    """prod (1 - i/365) = 365! / (365 - n)! / 365^n = C(365, n) n! / 365^n, for n = 0..366."""
    for n in range(367):
        by_perm = math.perm(365, n) / 365**n  # exact integers, one rounding in the division
        by_comb = math.comb(365, n) * math.factorial(n) / 365**n
        assert bp.p_all_distinct(n) == pytest.approx(by_perm, rel=1e-12, abs=1e-300)
        assert by_perm == by_comb
    assert bp.p_all_distinct(366) == 0.0


def test_float_overflow_limits_quoted_on_page() -> None:
    """365! overflows a double, and so does 365^n for n above 120; the product never does."""
    with pytest.raises(OverflowError):
        float(math.factorial(365))
    assert math.isfinite(365.0**120)
    with pytest.raises(OverflowError):
        365.0**121


@pytest.mark.parametrize("n", [10, 23, 30, 50])
def test_simulation_within_five_binomial_standard_errors(n: int) -> None:
    """Each simulated room is a Bernoulli trial; the estimate's SE is sqrt(p (1 - p) / trials)."""
    trials = 200_000
    p = bp.p_all_distinct(n)
    estimate = bp.simulate_all_distinct(n, trials, np.random.default_rng(n))
    assert abs(estimate - p) < 5 * math.sqrt(p * (1 - p) / trials)


def test_standard_error_at_thirty_people_quoted_on_page() -> None:
    p = bp.p_all_distinct(30)
    assert round(math.sqrt(p * (1 - p) / 200_000), 3) == 0.001


def test_thirty_people_values_quoted_on_page() -> None:
    p = bp.p_all_distinct(30)
    assert round(p, 3) == 0.294
    assert round(1 - p, 3) == 0.706
    assert math.comb(30, 2) == 435
    assert round(bp.p_all_distinct_approx(30), 3) == 0.304
    assert round(math.exp(-435 / 365), 3) == 0.304
    # treating the 435 pairs as independent gives a match probability of 0.697, not exact
    assert round(1 - (364 / 365) ** 435, 3) == 0.697


def test_twenty_three_people_give_a_507_match_probability() -> None:
    assert round(1 - bp.p_all_distinct(23), 3) == 0.507
    assert round(1 - bp.p_all_distinct(22), 3) == 0.476
    n_half = next(n for n in range(1, 366) if 1 - bp.p_all_distinct(n) >= 0.5)
    assert n_half == 23


def test_square_root_rule_for_the_median_group_size() -> None:
    """Setting exp(-n^2 / (2 * 365)) = 1/2 gives n = sqrt(2 * 365 * ln 2), about 22.5."""
    assert round(math.sqrt(2 * 365 * math.log(2)), 1) == 22.5


def test_exponential_approximation_overstates_no_match_probability() -> None:
    """1 - x <= exp(-x) factor by factor, so exp(-n(n-1)/730) is an upper bound for every n."""
    for n in range(2, 366):
        assert bp.p_all_distinct_approx(n) >= bp.p_all_distinct(n)


def test_approximation_error_is_small_where_it_matters() -> None:
    """Page: the largest gap over n = 1..100 is about 1.0 percentage point, at n = 33."""
    gap, n_worst = max((bp.p_all_distinct_approx(n) - bp.p_all_distinct(n), n) for n in range(1, 101))
    assert round(gap, 3) == 0.010
    assert n_worst == 33


def test_weighted_formula_reduces_to_uniform_case() -> None:
    for n in (5, 23, 30):
        assert bp.p_all_distinct_weighted(n, np.full(365, 1 / 365)) == pytest.approx(
            bp.p_all_distinct(n), rel=1e-10
        )


def test_weighted_formula_matches_simulation() -> None:
    days = np.arange(365)
    w = 1 + 0.5 * np.cos(2 * np.pi * days / 365)
    w /= w.sum()
    rng = np.random.default_rng(3)
    trials, n = 200_000, 23
    b = np.sort(rng.choice(365, size=(trials, n), p=w), axis=1)
    estimate = 1 - (np.diff(b, axis=1) == 0).any(axis=1).mean()
    p = bp.p_all_distinct_weighted(n, w)
    assert abs(estimate - p) < 5 * math.sqrt(p * (1 - p) / trials)


def test_seasonal_birthdays_raise_the_match_probability() -> None:
    """A +-20% seasonal swing moves P(match) at 23 people from 0.507 to 0.514 (page value)."""
    days = np.arange(365)
    w = 1 + 0.2 * np.cos(2 * np.pi * days / 365)
    w /= w.sum()
    assert round(1 - bp.p_all_distinct_weighted(23, w), 3) == 0.514
    for n in (10, 23, 30, 50):
        assert bp.p_all_distinct_weighted(n, w) < bp.p_all_distinct(n)


def test_someone_sharing_your_birthday_needs_253_others() -> None:
    """P(at least one of k others has your birthday) = 1 - (364/365)^k; first k above 1/2 is 253."""
    k = next(k for k in range(1, 2000) if 1 - (364 / 365) ** k >= 0.5)
    assert k == 253
    assert round(1 - (364 / 365) ** 29, 3) == 0.076


def test_birthday_bound_for_a_64_bit_hash() -> None:
    """About sqrt(2 ln 2 * 2^64) items give a 50% collision chance: roughly 5.1 billion."""
    assert round(math.sqrt(2 * math.log(2) * 2**64) / 1e9, 1) == 5.1
