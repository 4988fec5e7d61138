"""Top-k and top-p filters checked against brute force, closed forms and seeded sampling frequencies."""

from __future__ import annotations

from itertools import combinations

import numpy as np
import pytest
from scipy.special import softmax as scipy_softmax

import top_p_sampling as tp


def random_distribution(seed: int, V: int, concentration: float = 0.5) -> np.ndarray:
    """A random next-token distribution (Dirichlet), so probability ties have probability zero."""
    return np.random.default_rng(seed).dirichlet(np.full(V, concentration))


@pytest.mark.parametrize("seed", range(30))
def test_top_p_keeps_the_smallest_set_with_mass_at_least_p(seed: int) -> None:
    V = 8
    p = random_distribution(seed, V, concentration=2.0)      # kept sets from 1 to 6 tokens over the seeds
    top_p = float(np.random.default_rng(1000 + seed).uniform(0.05, 0.99))
    kept = set(np.flatnonzero(tp.top_p_filter(p, top_p)))

    # brute force over all 2^V - 1 non-empty subsets
    subsets = (set(S) for r in range(1, V + 1) for S in combinations(range(V), r))
    feasible = [S for S in subsets if p[list(S)].sum() >= top_p]
    smallest = min(len(S) for S in feasible)
    assert len(kept) == smallest
    assert p[list(kept)].sum() >= top_p
    # among the smallest feasible sets it has the largest mass, i.e. it is the top-m prefix
    assert p[list(kept)].sum() == pytest.approx(max(p[list(S)].sum() for S in feasible if len(S) == smallest))


@pytest.mark.parametrize("k", [1, 3, 7, 20])
def test_top_k_keeps_exactly_the_k_largest(k: int) -> None:
    p = random_distribution(1, 20)
    q = tp.top_k_filter(p, k)
    kept = np.flatnonzero(q)
    dropped = np.flatnonzero(q == 0)
    assert len(kept) == k
    if len(dropped):
        assert p[kept].min() > p[dropped].max()


@pytest.mark.parametrize("seed", range(5))
def test_filtered_distributions_sum_to_one_and_keep_the_ratios(seed: int) -> None:
    p = random_distribution(seed, 50)
    for q in (tp.top_k_filter(p, 10), tp.top_p_filter(p, 0.9)):
        kept = q > 0
        assert q.sum() == pytest.approx(1.0, abs=1e-12)
        np.testing.assert_allclose(q[kept], p[kept] / p[kept].sum(), rtol=1e-12)   # ratios unchanged


def test_distortion_is_the_dropped_mass_and_top_p_bounds_it() -> None:
    for seed in range(20):
        p = random_distribution(seed, 100)
        for q, bound in ((tp.top_p_filter(p, 0.9), 0.1), (tp.top_k_filter(p, 5), None)):
            tv = 0.5 * np.abs(p - q).sum()
            assert tv == pytest.approx(1.0 - p[q > 0].sum(), abs=1e-12)    # TV(p, q) = 1 - kept mass
            if bound is not None:
                assert tv <= bound + 1e-12


def test_top_p_adapts_to_shape_on_closed_form_cases() -> None:
    V = 50
    uniform = np.full(V, 1.0 / V)
    assert np.count_nonzero(tp.top_p_filter(uniform, 0.91)) == 46        # ceil(0.91 * 50)
    peaked = np.r_[0.95, np.full(V - 1, 0.05 / (V - 1))]
    assert np.count_nonzero(tp.top_p_filter(peaked, 0.91)) == 1
    assert np.count_nonzero(tp.top_k_filter(uniform, 5)) == np.count_nonzero(tp.top_k_filter(peaked, 5)) == 5


def test_edge_settings_reduce_to_greedy_and_to_full_sampling() -> None:
    p = random_distribution(3, 30)
    greedy = np.zeros(30)
    greedy[np.argmax(p)] = 1.0
    np.testing.assert_array_equal(tp.top_k_filter(p, 1), greedy)
    np.testing.assert_array_equal(tp.top_p_filter(p, 1e-9), greedy)
    np.testing.assert_allclose(tp.top_p_filter(p, 1.0), p, rtol=1e-12)     # p = 1 keeps everything


def test_softmax_matches_scipy_at_any_temperature() -> None:
    logits = np.random.default_rng(0).normal(scale=3.0, size=40)
    for T in (0.3, 1.0, 2.5):
        np.testing.assert_allclose(tp.softmax(logits, T), scipy_softmax(logits / T), rtol=1e-12)


def test_temperature_changes_the_nucleus_but_not_the_top_k_set() -> None:
    logits = np.random.default_rng(1).normal(scale=2.0, size=200)
    sizes = [np.count_nonzero(tp.top_p_filter(tp.softmax(logits, T), 0.9)) for T in (0.5, 1.0, 2.0)]
    assert sizes[0] < sizes[1] < sizes[2]
    sets = [set(np.flatnonzero(tp.top_k_filter(tp.softmax(logits, T), 10))) for T in (0.5, 1.0, 2.0)]
    assert sets[0] == sets[1] == sets[2]


@pytest.mark.parametrize("which", ["top_k", "top_p"])
def test_sampling_frequencies_match_the_renormalised_probabilities(which: str) -> None:
    p = random_distribution(4, 30, concentration=1.0)
    q = tp.top_k_filter(p, 6) if which == "top_k" else tp.top_p_filter(p, 0.8)
    N = 200_000
    counts = np.bincount(tp.sample(q, np.random.default_rng(0), size=N), minlength=len(q))
    assert counts[q == 0].sum() == 0                                        # a dropped token never appears
    kept = q > 0
    sd = np.sqrt(N * q[kept] * (1 - q[kept]))                               # binomial standard deviation
    assert np.all(np.abs(counts[kept] - N * q[kept]) <= 4 * sd)


@pytest.mark.parametrize("seed", range(10))
def test_top_p_after_top_k_keeps_a_prefix_no_longer_than_either(seed: int) -> None:
    p = random_distribution(seed, 40, concentration=1.0)
    k, top_p = 8, 0.7
    both = tp.top_p_filter(tp.top_k_filter(p, k), top_p)
    m_star = np.count_nonzero(tp.top_p_filter(p, top_p))
    kept = np.flatnonzero(both)
    assert len(kept) <= min(k, m_star)
    assert set(kept) <= set(np.flatnonzero(tp.top_k_filter(p, k)))


@pytest.mark.parametrize("seed", range(10))
def test_mask_form_keep_if_mass_before_is_below_p_gives_the_same_set(seed: int) -> None:
    p = random_distribution(seed, 60)
    top_p = 0.85
    order = np.argsort(-p)
    mass_before = np.cumsum(p[order]) - p[order]           # P_{r-1} for the token at rank r
    keep_sorted = mass_before < top_p
    mask = np.zeros(len(p), dtype=bool)
    mask[order[keep_sorted]] = True
    np.testing.assert_array_equal(mask, tp.top_p_filter(p, top_p) > 0)


@pytest.mark.parametrize("seed", range(10))
def test_nucleus_size_never_shrinks_as_temperature_rises(seed: int) -> None:
    logits = np.random.default_rng(seed).normal(scale=3.0, size=100)
    Ts = np.geomspace(0.1, 10.0, 40)
    sizes = [np.count_nonzero(tp.top_p_filter(tp.softmax(logits, T), 0.9)) for T in Ts]
    assert np.all(np.diff(sizes) >= 0)
    assert sizes[0] < sizes[-1]
