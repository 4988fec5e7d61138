"""Rank-based (Mann-Whitney) AUC: agrees with brute force, SciPy, scikit-learn and the ROC sweep."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.stats import mannwhitneyu, rankdata
from sklearn.metrics import roc_auc_score

import implement_roc_auc as ira
import roc_curve_auc


def _data(seed: int, ties: bool, n: int = 250) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    y = (rng.random(n) < 0.4).astype(int)
    s = rng.normal(size=n) + y
    return y, (np.round(s) if ties else s)  # rounding to integers gives heavy ties


def _pairwise_probability(y: np.ndarray, s: np.ndarray) -> float:
    """The definition, O(n_pos * n_neg): a win counts 1 and a tie 1/2."""
    wins = 0.0
    for sp in s[y == 1]:
        for sn in s[y == 0]:
            wins += 1.0 if sp > sn else 0.5 if sp == sn else 0.0
    return wins / ((y == 1).sum() * (y == 0).sum())


@pytest.mark.parametrize("ties", [False, True])
@pytest.mark.parametrize("seed", range(4))
def test_rank_formula_equals_pairwise_probability(seed: int, ties: bool) -> None:
    y, s = _data(seed, ties)
    assert ira.roc_auc(y, s) == pytest.approx(_pairwise_probability(y, s), abs=1e-12)


@pytest.mark.parametrize("ties", [False, True])
@pytest.mark.parametrize("seed", range(4))
def test_matches_sklearn_roc_auc_score(seed: int, ties: bool) -> None:
    y, s = _data(seed, ties)
    assert ira.roc_auc(y, s) == pytest.approx(roc_auc_score(y, s), abs=1e-12)


@pytest.mark.parametrize("seed", range(3))
def test_average_ranks_match_scipy_rankdata(seed: int) -> None:
    s = np.random.default_rng(seed).integers(0, 20, size=200).astype(float)
    np.testing.assert_allclose(ira.average_ranks(s), rankdata(s, method="average"))


def test_auc_is_mann_whitney_u_over_pair_count() -> None:
    y, s = _data(5, ties=True)
    U = mannwhitneyu(s[y == 1], s[y == 0]).statistic  # U of the first sample, ties as 1/2
    assert ira.roc_auc(y, s) == pytest.approx(U / ((y == 1).sum() * (y == 0).sum()), abs=1e-12)


def test_rank_auc_equals_trapezoid_area_of_swept_curve() -> None:
    """The two pages' methods give the same number, ties included."""
    y, s = _data(6, ties=True)
    fpr, tpr, _ = roc_curve_auc.roc_curve(y, s)
    assert ira.roc_auc(y, s) == pytest.approx(roc_curve_auc.auc_trapezoid(fpr, tpr), abs=1e-12)


def test_invariant_to_strictly_increasing_transform() -> None:
    y, s = _data(7, ties=True)
    assert ira.roc_auc(y, np.exp(3 * s) - 2) == pytest.approx(ira.roc_auc(y, s), abs=1e-12)


@pytest.mark.parametrize("y", [np.zeros(6, dtype=int), np.ones(6, dtype=int)])
def test_single_class_raises_value_error(y: np.ndarray) -> None:
    with pytest.raises(ValueError, match="only one class"):
        ira.roc_auc(y, np.arange(6.0))


def test_bad_labels_and_shapes_raise() -> None:
    with pytest.raises(ValueError, match="0 or 1"):
        ira.roc_auc(np.array([0, 1, 2]), np.array([0.1, 0.2, 0.3]))
    with pytest.raises(ValueError, match="same length"):
        ira.roc_auc(np.array([0, 1]), np.array([0.1, 0.2, 0.3]))


def test_ordinal_ranks_without_averaging_depend_on_row_order() -> None:
    """The pitfall on the page: with all scores equal, argsort ranks give 0 or 1, averaging gives 0.5."""
    s = np.zeros(6)

    def ordinal_auc(y: np.ndarray) -> float:
        r = np.argsort(np.argsort(s, kind="mergesort")) + 1.0
        n_pos = y.sum()
        return (r[y == 1].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * (y.size - n_pos))

    assert ordinal_auc(np.array([0, 0, 0, 1, 1, 1])) == 1.0
    assert ordinal_auc(np.array([1, 1, 1, 0, 0, 0])) == 0.0
    assert ira.roc_auc(np.array([1, 1, 1, 0, 0, 0]), s) == 0.5


def test_worked_example_on_page() -> None:
    """The table in the page's 'See it' section: 8 scores, ties in two places."""
    y = np.array([1, 1, 0, 1, 0, 1, 0, 0])
    s = np.array([0.9, 0.8, 0.8, 0.7, 0.6, 0.6, 0.6, 0.2])
    np.testing.assert_allclose(ira.average_ranks(s), [8, 6.5, 6.5, 5, 3, 3, 3, 1])
    R_pos = ira.average_ranks(s)[y == 1].sum()
    assert R_pos == 22.5
    assert R_pos - 4 * 5 / 2 == 12.5
    assert ira.roc_auc(y, s) == 12.5 / 16 == 0.78125
    assert _pairwise_probability(y, s) == 0.78125
    # wins of each positive (0.9, 0.8, 0.7, 0.6) over the four negatives, ties as 1/2
    wins = [np.sum(sp > s[y == 0]) + 0.5 * np.sum(sp == s[y == 0]) for sp in s[y == 1]]
    assert wins == [4, 3.5, 3, 2]
