"""Checks of the inductive-bias demonstrations: exact counts of consistent Boolean functions, Find-S
correctness, and the finite-hypothesis sample bounds quoted on the page."""

from __future__ import annotations

import numpy as np
import pytest

import inductive_bias as ib


def test_unrestricted_learner_splits_evenly_on_every_unseen_input() -> None:
    """n = 3: 256 functions. After 5 labelled inputs, 2^(8-5) = 8 survive, and exactly half of them
    predict 1 on each of the 3 unseen inputs, whatever the labels were."""
    rng = np.random.default_rng(0)
    seen = np.array([0, 2, 3, 5, 6])
    for _ in range(10):
        labels = rng.integers(0, 2, seen.size)
        count, votes = ib.unrestricted_votes(3, seen, labels)
        assert count == 8
        np.testing.assert_array_equal(votes[seen], labels)
        np.testing.assert_array_equal(np.delete(votes, seen), [0.5, 0.5, 0.5])


def test_find_s_recovers_a_conjunction_and_never_false_alarms() -> None:
    """Find-S keeps a superset of the target's literals, so it is never positive where the target is
    negative; with enough positives it is exact on all 2^n inputs."""
    n = 10
    X_all = ib.all_inputs(n)
    target = (X_all[:, 0] == 1) & (X_all[:, 3] == 0) & (X_all[:, 7] == 1)
    rng = np.random.default_rng(1)
    for m in (20, 60, 400):
        idx = rng.choice(len(X_all), m, replace=False)
        pred = ib.predict_conjunction(ib.find_s(X_all[idx], target[idx].astype(np.int8)), X_all)
        assert not np.any(pred & ~target)                            # no false positives ever
    assert np.array_equal(pred.astype(bool), target)                 # m = 400: exact


def test_find_s_with_the_wrong_bias_fails_on_parity() -> None:
    """Parity of three bits is no conjunction: positives disagree on every relevant bit, Find-S drops
    all literals and predicts 1 everywhere, an error of 0.5."""
    X_all = ib.all_inputs(10)
    target = (X_all[:, 0] ^ X_all[:, 1] ^ X_all[:, 2]).astype(np.int8)
    idx = np.random.default_rng(2).choice(len(X_all), 200, replace=False)
    pred = ib.predict_conjunction(ib.find_s(X_all[idx], target[idx]), X_all)
    assert np.mean(pred != target) == pytest.approx(0.5)


def test_lookup_table_error_is_base_rate_times_unseen_fraction() -> None:
    """Memorising a conjunction with positive rate 1/8 and predicting 0 off the table: the error over
    all inputs is exactly (1/8 on the unseen inputs) x (unseen fraction) in expectation."""
    X_all = ib.all_inputs(10)
    target = ((X_all[:, 0] == 1) & (X_all[:, 1] == 1) & (X_all[:, 2] == 1)).astype(np.int8)
    errs = []
    for seed in range(200):
        idx = np.random.default_rng(seed).choice(len(X_all), 256, replace=False)
        errs.append(np.mean(ib.lookup_table(X_all[idx], target[idx], X_all) != target))
    assert np.mean(errs) == pytest.approx(0.125 * (1 - 256 / 1024), rel=0.05)


def test_hypothesis_counts_and_pac_bounds_quoted_on_the_page() -> None:
    """n = 12: ln|conjunctions| = 12 ln 3 = 13.18 and ln|all| = 4096 ln 2 = 2839.1. With eps = delta = 0.05
    a consistent learner needs 324 examples in the first space and 56,843 in the second, more than
    the 4,096 distinct inputs that exist."""
    conj, every = ib.log_hypothesis_count(12, "conjunctions"), ib.log_hypothesis_count(12, "all")
    assert conj == pytest.approx(13.18, abs=0.01) and every == pytest.approx(2839.1, abs=0.1)
    assert ib.pac_sample_size(conj, 0.05, 0.05) == 324
    assert ib.pac_sample_size(every, 0.05, 0.05) == 56_843
    assert len(ib.all_inputs(12)) == 4096


def test_gradient_descent_from_zero_picks_the_minimum_norm_interpolant() -> None:
    """Implicit preference bias: with more parameters than examples, infinitely many w fit exactly;
    gradient descent started at w = 0 stays in the row space of X and lands on the pseudo-inverse
    (minimum L2 norm) solution."""
    rng = np.random.default_rng(3)
    X, y = rng.normal(size=(10, 40)), rng.normal(size=10)
    w = np.zeros(40)
    lr = 1.0 / np.linalg.norm(X, 2) ** 2
    for _ in range(20_000):
        w -= lr * X.T @ (X @ w - y)
    np.testing.assert_allclose(X @ w, y, atol=1e-8)
    np.testing.assert_allclose(w, np.linalg.pinv(X) @ y, atol=1e-8)
