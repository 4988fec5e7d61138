"""Grid search, random search with log-uniform sampling, and successive halving, from scratch.

The page compares the three on budget: grid search spends trials on every combination, random search
tries a new value of every hyperparameter on every trial, and successive halving spends little on
configurations that look bad early. Each function takes a score to minimise, so any model and any
validation scheme (cross-validation, a holdout) can sit behind it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

import numpy as np

Params = dict[str, float]


# --8<-- [start:grid]
def grid_search(score: Callable[[Params], float], grid: dict[str, Sequence[float]]) -> tuple[Params, list]:
    """Evaluate every combination of the listed values; return the best and all results.

    Cost is the product of the list lengths: it grows exponentially with the number of
    hyperparameters.
    """
    names = list(grid)
    results = []
    for values in itertools.product(*(grid[name] for name in names)):
        params = dict(zip(names, values))
        results.append((score(params), params))
    best = min(results, key=lambda r: r[0])[1]
    return best, results
# --8<-- [end:grid]


# --8<-- [start:random]
def sample_params(space: dict[str, tuple[float, float, str]], rng: np.random.Generator) -> Params:
    """Draw one configuration. space[name] = (low, high, 'log' or 'linear').

    Scale-type hyperparameters (learning rate, penalty strength) are drawn uniformly in log space,
    so 1e-4..1e-3 gets as many trials as 1e-1..1.
    """
    params = {}
    for name, (low, high, scale) in space.items():
        if scale == "log":
            params[name] = float(np.exp(rng.uniform(np.log(low), np.log(high))))
        else:
            params[name] = float(rng.uniform(low, high))
    return params


def random_search(
    score: Callable[[Params], float], space: dict[str, tuple[float, float, str]], n_trials: int, rng: np.random.Generator
) -> tuple[Params, list]:
    """Evaluate n_trials independent random configurations; return the best and all results."""
    results = [(score(p), p) for p in (sample_params(space, rng) for _ in range(n_trials))]
    best = min(results, key=lambda r: r[0])[1]
    return best, results
# --8<-- [end:random]


# --8<-- [start:halving]
def successive_halving(
    loss: Callable[[Params, float], float], configs: list[Params], min_budget: float, eta: int = 3
) -> tuple[Params, float]:
    """Train all configs on a small budget, keep the best 1/eta, multiply the budget by eta, repeat.

    loss(params, budget) is the validation loss after training with that budget (epochs, samples).
    Returns the survivor and the total budget spent.
    """
    alive, budget, spent = list(configs), min_budget, 0.0
    while len(alive) > 1:
        losses = [loss(p, budget) for p in alive]
        spent += budget * len(alive)
        keep = max(1, len(alive) // eta)
        alive = [alive[i] for i in np.argsort(losses, kind="stable")[:keep]]
        budget *= eta
    return alive[0], spent
# --8<-- [end:halving]
