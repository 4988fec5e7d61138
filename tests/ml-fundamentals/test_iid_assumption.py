"""Correlated samples: the design effect by simulation, and leaky random splits versus grouped splits."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.model_selection import GroupKFold, KFold, cross_val_score
from sklearn.neighbors import KNeighborsRegressor

from iid_assumption import cv_mse, design_effect, fold_ids, grouped_sample, make_grouped_regression, one_nn_predict


@pytest.mark.parametrize("m, rho", [(1, 0.5), (5, 0.2), (10, 0.5), (20, 0.05)])
def test_variance_of_the_mean_matches_the_design_effect(m: int, rho: float) -> None:
    """Monte Carlo Var(mean) of G groups of m correlated samples = (1 / (G m)) (1 + (m - 1) rho)."""
    rng = np.random.default_rng(0)
    G = 30
    means = np.array([grouped_sample(G, m, rho, rng).mean() for _ in range(20000)])
    assert means.var() == pytest.approx(design_effect(m, rho) / (G * m), rel=0.04)


def test_samples_have_unit_variance_and_within_group_correlation_rho() -> None:
    Y = grouped_sample(200000, 2, 0.3, np.random.default_rng(1))
    assert Y.var() == pytest.approx(1.0, rel=0.01)
    assert np.corrcoef(Y[:, 0], Y[:, 1])[0, 1] == pytest.approx(0.3, abs=0.01)


def test_page_numbers_for_the_design_effect() -> None:
    """m = 10, rho = 0.5: variance 5.5 times the iid formula, standard error 2.35 times, 1,000 rows worth 182."""
    assert design_effect(10, 0.5) == 5.5
    assert np.sqrt(design_effect(10, 0.5)) == pytest.approx(2.345, abs=1e-3)
    assert round(1000 / design_effect(10, 0.5)) == 182


def test_one_nn_matches_sklearn() -> None:
    rng = np.random.default_rng(2)
    X, y = rng.normal(size=(50, 3)), rng.normal(size=50)
    X_new = rng.normal(size=(20, 3))
    ref = KNeighborsRegressor(n_neighbors=1).fit(X, y).predict(X_new)
    assert one_nn_predict(X, y, X_new) == pytest.approx(ref)


def test_grouped_cv_is_honest_and_random_cv_is_optimistic() -> None:
    """Random folds put a sibling of each test row in training; 1-NN copies its group offset. Grouped folds
    estimate the error on new groups; random folds underestimate it several times over."""
    rng = np.random.default_rng(3)
    X, y, groups = make_grouped_regression(G=60, m=10, rng=rng)
    random_cv = cv_mse(X, y, groups, 5, by_group=False, rng=rng)
    grouped_cv = cv_mse(X, y, groups, 5, by_group=True, rng=rng)
    X_new, y_new, _ = make_grouped_regression(G=400, m=10, rng=rng)   # unseen groups
    fresh = float(np.mean((one_nn_predict(X, y, X_new) - y_new) ** 2))
    assert grouped_cv == pytest.approx(fresh, rel=0.25)
    assert random_cv < fresh / 4


def test_sklearn_shows_the_same_gap_between_kfold_and_groupkfold() -> None:
    X, y, groups = make_grouped_regression(G=60, m=10, rng=np.random.default_rng(4))
    model = KNeighborsRegressor(n_neighbors=1)
    rand = -cross_val_score(model, X, y, cv=KFold(5, shuffle=True, random_state=0),
                            scoring="neg_mean_squared_error").mean()
    grp = -cross_val_score(model, X, y, cv=GroupKFold(5), groups=groups, scoring="neg_mean_squared_error").mean()
    assert grp > 4 * rand
    ours_rand = cv_mse(X, y, groups, 5, by_group=False, rng=np.random.default_rng(5))
    ours_grp = cv_mse(X, y, groups, 5, by_group=True, rng=np.random.default_rng(5))
    assert ours_rand == pytest.approx(rand, rel=0.3)
    assert ours_grp == pytest.approx(grp, rel=0.3)


def test_grouped_folds_never_share_a_group_and_random_folds_do() -> None:
    rng = np.random.default_rng(6)
    groups = np.repeat(np.arange(23), 7)
    grouped = fold_ids(groups, 5, by_group=True, rng=rng)
    assert all(len(set(grouped[groups == g])) == 1 for g in range(23))
    assert sorted(set(grouped)) == [0, 1, 2, 3, 4]
    rows = fold_ids(groups, 5, by_group=False, rng=rng)
    assert sum(len(set(rows[groups == g])) > 1 for g in range(23)) > 20
