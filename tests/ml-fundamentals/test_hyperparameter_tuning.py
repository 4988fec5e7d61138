"""Checks of grid search, random search and successive halving against scikit-learn, SciPy and closed forms."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats
from sklearn.linear_model import Ridge
from sklearn.model_selection import GridSearchCV, KFold, cross_val_score

import hyperparameter_tuning as ht


def test_grid_search_matches_gridsearchcv() -> None:
    """Same grid, same folds, same scores: the chosen alpha and every mean CV score agree with GridSearchCV."""
    rng = np.random.default_rng(0)
    X = rng.normal(size=(80, 12))
    y = X[:, :3] @ np.array([1.0, -1.0, 0.5]) + rng.normal(scale=1.0, size=80)
    alphas = [0.01, 0.1, 1.0, 10.0, 30.0, 100.0, 1000.0]
    folds = KFold(5)

    def cv_mse(params: dict) -> float:
        return -cross_val_score(Ridge(alpha=params["alpha"]), X, y, cv=folds, scoring="neg_mean_squared_error").mean()

    best, results = ht.grid_search(cv_mse, {"alpha": alphas})
    ref = GridSearchCV(Ridge(), {"alpha": alphas}, cv=folds, scoring="neg_mean_squared_error").fit(X, y)
    assert best == ref.best_params_
    np.testing.assert_allclose([s for s, _ in results], -ref.cv_results_["mean_test_score"], rtol=1e-12)


def test_grid_cost_is_the_product_of_the_list_lengths() -> None:
    calls = []
    ht.grid_search(lambda p: calls.append(p) or 0.0, {"a": [1, 2, 3], "b": [1, 2], "c": [1, 2, 3, 4]})
    assert len(calls) == 24 and len({tuple(p.values()) for p in calls}) == 24


def test_log_scale_samples_follow_scipy_loguniform() -> None:
    """Samples on a 'log' axis are log-uniform (Kolmogorov-Smirnov against scipy.stats.loguniform)."""
    rng = np.random.default_rng(1)
    draws = np.array([ht.sample_params({"lr": (1e-5, 1e-1, "log")}, rng)["lr"] for _ in range(4000)])
    assert stats.kstest(draws, stats.loguniform(1e-5, 1e-1).cdf).pvalue > 0.01
    assert stats.kstest(draws, stats.uniform(1e-5, 1e-1 - 1e-5).cdf).pvalue < 1e-6   # not linear-uniform
    # A decade at the bottom gets the same share of trials as a decade at the top.
    assert np.mean(draws < 1e-4) == pytest.approx(0.25, abs=0.03)


def low_effective_dimension(params: dict) -> float:
    """Cheap objective where only x matters much: (x - 0.37)^2 plus a weak term in z."""
    return (params["x"] - 0.37) ** 2 + 0.001 * (params["z"] - 0.5) ** 2


def test_random_search_beats_grid_when_one_dimension_dominates() -> None:
    """With 9 trials, a 3 x 3 grid tries 3 values of x; random search tries 9 and wins on average."""
    grid_axis = [1 / 6, 1 / 2, 5 / 6]               # cell centres of a 3 x 3 grid on the unit square
    grid_best, _ = ht.grid_search(low_effective_dimension, {"x": grid_axis, "z": grid_axis})
    grid_value = low_effective_dimension(grid_best)
    space = {"x": (0.0, 1.0, "linear"), "z": (0.0, 1.0, "linear")}
    random_values = [
        low_effective_dimension(ht.random_search(low_effective_dimension, space, 9, np.random.default_rng(s))[0])
        for s in range(400)
    ]
    assert np.mean(random_values) < 0.5 * grid_value
    assert np.mean(np.array(random_values) < grid_value) > 0.75
    # Closed form: the best of 9 uniform draws lies within d of 0.37 with probability 1 - (1 - 2d)^9
    # (for d <= 0.37); the grid's best |x - 0.37| is 0.37 - 1/6.
    d = 0.37 - 1 / 6
    within = np.mean([abs(ht.random_search(low_effective_dimension, space, 9, np.random.default_rng(s))[0]["x"] - 0.37) < d
                      for s in range(400)])
    assert within == pytest.approx(1 - (1 - 2 * d) ** 9, abs=0.03)


def test_successive_halving_finds_the_best_config_at_a_fraction_of_the_cost() -> None:
    """When early losses rank configs like final ones, halving keeps the best; its cost has a closed form."""
    rng = np.random.default_rng(2)
    final = rng.uniform(0.1, 1.0, size=27)
    configs = [{"id": float(i)} for i in range(27)]

    def loss(params: dict, budget: float) -> float:
        return final[int(params["id"])] + 1.0 / budget        # learning curve: same offset for everyone

    best, spent = ht.successive_halving(loss, configs, min_budget=1.0, eta=3)
    assert int(best["id"]) == int(np.argmin(final))
    assert spent == 27 * 1 + 9 * 3 + 3 * 9                    # n * r per rung, log_3(27) = 3 rungs
    assert spent < 27 * 27                                    # vs training all 27 to the full budget of 27


def test_successive_halving_can_drop_a_late_bloomer() -> None:
    """If curves cross, the config that is best at full budget can be cut in the first rung."""
    def loss(params: dict, budget: float) -> float:
        slow = params["id"] == 0.0
        return (0.1 + 5.0 / budget) if slow else (0.5 + 0.1 / budget)   # id 0 wins only when trained long

    configs = [{"id": float(i)} for i in range(9)]
    assert loss(configs[0], 81.0) < loss(configs[1], 81.0)
    best, _ = ht.successive_halving(loss, configs, min_budget=1.0, eta=3)
    assert best["id"] != 0.0


def test_sixty_random_trials_hit_the_top_five_percent_with_probability_095() -> None:
    """P(at least one of T trials in the best fraction q) = 1 - (1 - q)^T, about 0.954 for q = 0.05, T = 60."""
    space = {"x": (0.0, 1.0, "linear"), "z": (1e-5, 1e-1, "log")}
    hits = [
        ht.random_search(lambda p: p["x"], space, 60, np.random.default_rng(100 + s))[0]["x"] < 0.05 for s in range(2000)
    ]
    assert 1 - 0.95**60 == pytest.approx(0.954, abs=1e-3)
    assert np.mean(hits) == pytest.approx(1 - 0.95**60, abs=0.015)


def test_linear_sampling_spends_ninety_percent_of_trials_in_the_top_decade() -> None:
    """Uniform on [1e-5, 1e-1] puts about 90% of draws above 1e-2; log-uniform puts 25% there."""
    rng = np.random.default_rng(3)
    lin = np.array([ht.sample_params({"lr": (1e-5, 1e-1, "linear")}, rng)["lr"] for _ in range(20000)])
    log = np.array([ht.sample_params({"lr": (1e-5, 1e-1, "log")}, rng)["lr"] for _ in range(20000)])
    assert np.mean(lin > 1e-2) == pytest.approx(0.90, abs=0.01)      # 5 standard errors
    assert np.mean(log > 1e-2) == pytest.approx(0.25, abs=0.015)
