"""Properties of scaled dot-product and multi-head attention, checked against independent computations."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.special import softmax as scipy_softmax

from attention_mechanism import (
    causal_mask,
    init_weights,
    multi_head_attention,
    scaled_dot_product_attention,
    softmax,
)


def random_qkv(rng: np.random.Generator, n_q: int, n_k: int, d_k: int, d_v: int):
    return (
        rng.standard_normal((n_q, d_k)),
        rng.standard_normal((n_k, d_k)),
        rng.standard_normal((n_k, d_v)),
    )


@pytest.mark.parametrize("causal", [False, True])
def test_attention_weight_rows_sum_to_one(causal: bool) -> None:
    rng = np.random.default_rng(0)
    Q, K, V = random_qkv(rng, 7, 7, 16, 5)
    _, A = scaled_dot_product_attention(Q, K, V, causal=causal)
    assert A.shape == (7, 7)
    assert np.all(A >= 0)
    np.testing.assert_allclose(A.sum(axis=-1), np.ones(7), rtol=0, atol=1e-12)


def test_causal_mask_gives_zero_weight_to_future_tokens() -> None:
    rng = np.random.default_rng(1)
    n = 6
    Q, K, V = random_qkv(rng, n, n, 8, 4)
    out, A = scaled_dot_product_attention(Q, K, V, causal=True)
    future = np.triu(np.ones((n, n), dtype=bool), k=1)
    assert np.all(A[future] == 0.0)
    assert np.all(A[~future] > 0.0)
    np.testing.assert_allclose(out[0], V[0])  # the first token can only see itself


def test_causal_output_does_not_change_when_the_future_changes() -> None:
    rng = np.random.default_rng(2)
    n, t = 8, 4
    Q, K, V = random_qkv(rng, n, n, 8, 3)
    out, _ = scaled_dot_product_attention(Q, K, V, causal=True)
    K2, V2 = K.copy(), V.copy()
    K2[t + 1 :] = rng.standard_normal(K2[t + 1 :].shape)
    V2[t + 1 :] = rng.standard_normal(V2[t + 1 :].shape)
    out2, _ = scaled_dot_product_attention(Q, K2, V2, causal=True)
    np.testing.assert_allclose(out2[: t + 1], out[: t + 1], rtol=0, atol=1e-12)
    assert not np.allclose(out2[t + 1 :], out[t + 1 :])


def loop_attention(Q: np.ndarray, K: np.ndarray, V: np.ndarray, causal: bool) -> np.ndarray:
    """Reference written with plain Python loops and math.exp, one query at a time."""
    n_q, d_k = Q.shape
    n_k, d_v = V.shape
    out = np.zeros((n_q, d_v))
    for i in range(n_q):
        keys = range(i + 1) if causal else range(n_k)
        scores = [sum(Q[i, t] * K[j, t] for t in range(d_k)) / math.sqrt(d_k) for j in keys]
        top = max(scores)
        e = [math.exp(s - top) for s in scores]
        z = sum(e)
        for j, w in zip(keys, e):
            out[i] += (w / z) * V[j]
    return out


@pytest.mark.parametrize(("n_q", "n_k", "causal"), [(5, 9, False), (6, 6, False), (6, 6, True)])
def test_attention_matches_loop_reference(n_q: int, n_k: int, causal: bool) -> None:
    rng = np.random.default_rng(3)
    Q, K, V = random_qkv(rng, n_q, n_k, 12, 4)
    out, _ = scaled_dot_product_attention(Q, K, V, causal=causal)
    np.testing.assert_allclose(out, loop_attention(Q, K, V, causal), rtol=1e-10, atol=1e-12)


def test_attention_matches_scipy_softmax_formula() -> None:
    rng = np.random.default_rng(4)
    Q, K, V = random_qkv(rng, 5, 8, 32, 6)
    out, A = scaled_dot_product_attention(Q, K, V)
    A_ref = scipy_softmax(Q @ K.T / np.sqrt(32), axis=1)
    np.testing.assert_allclose(A, A_ref, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(out, A_ref @ V, rtol=1e-12, atol=1e-14)


def test_softmax_matches_scipy_even_for_huge_scores() -> None:
    S = np.array([[1000.0, 999.0, -1000.0], [0.0, 0.0, 0.0]])
    np.testing.assert_allclose(softmax(S), scipy_softmax(S, axis=-1), rtol=1e-12)
    assert np.all(np.isfinite(softmax(S)))


def test_multi_head_matches_per_head_scipy_computation() -> None:
    rng = np.random.default_rng(5)
    n, d_model, h = 6, 12, 3
    d_k = d_model // h
    X = rng.standard_normal((n, d_model))
    W_q, W_k, W_v, W_o = init_weights(d_model, rng)
    out, A = multi_head_attention(X, W_q, W_k, W_v, W_o, h=h, causal=True)

    heads = []
    for i in range(h):
        cols = slice(i * d_k, (i + 1) * d_k)
        Qi, Ki, Vi = X @ W_q[:, cols], X @ W_k[:, cols], X @ W_v[:, cols]
        S = Qi @ Ki.T / np.sqrt(d_k) + np.where(causal_mask(n), 0.0, -np.inf)
        Ai = scipy_softmax(S, axis=1)
        np.testing.assert_allclose(A[i], Ai, rtol=1e-12, atol=1e-15)
        heads.append(Ai @ Vi)
    np.testing.assert_allclose(out, np.concatenate(heads, axis=1) @ W_o, rtol=1e-10, atol=1e-12)


def test_one_head_is_single_attention_followed_by_output_projection() -> None:
    rng = np.random.default_rng(6)
    X = rng.standard_normal((5, 8))
    W_q, W_k, W_v, W_o = init_weights(8, rng)
    out, _ = multi_head_attention(X, W_q, W_k, W_v, W_o, h=1)
    single, _ = scaled_dot_product_attention(X @ W_q, X @ W_k, X @ W_v)
    np.testing.assert_allclose(out, single @ W_o, rtol=1e-12)


def test_self_attention_without_positions_is_permutation_equivariant() -> None:
    rng = np.random.default_rng(7)
    n, d_model = 7, 16
    X = rng.standard_normal((n, d_model))
    W = init_weights(d_model, rng)
    perm = rng.permutation(n)
    out, A = multi_head_attention(X, *W, h=4)
    out_perm, A_perm = multi_head_attention(X[perm], *W, h=4)
    np.testing.assert_allclose(out_perm, out[perm], rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(A_perm, A[:, perm][:, :, perm], rtol=1e-10, atol=1e-14)


def test_causal_self_attention_is_not_permutation_equivariant() -> None:
    """The mask encodes order, so shuffling tokens changes more than the row order."""
    rng = np.random.default_rng(8)
    X = rng.standard_normal((6, 8))
    W = init_weights(8, rng)
    perm = np.array([5, 4, 3, 2, 1, 0])
    out, _ = multi_head_attention(X, *W, h=2, causal=True)
    out_perm, _ = multi_head_attention(X[perm], *W, h=2, causal=True)
    assert not np.allclose(out_perm, out[perm])


@pytest.mark.parametrize("d_k", [16, 64, 256, 1024])
def test_score_variance_is_d_k_unscaled_and_one_scaled(d_k: int) -> None:
    """q . k over d_k independent unit-variance components has variance d_k; / sqrt(d_k) makes it 1."""
    rng = np.random.default_rng(d_k)
    m = 20_000
    q = rng.standard_normal((m, d_k))
    k = rng.standard_normal((m, d_k))
    s = np.einsum("md,md->m", q, k)
    assert abs(s.var() / d_k - 1.0) < 0.05
    assert abs((s / np.sqrt(d_k)).var() - 1.0) < 0.05


def test_unscaled_scores_saturate_the_softmax() -> None:
    """At d_k = 512 the unscaled weights are close to one-hot; the scaled ones are not."""
    rng = np.random.default_rng(9)
    d_k, n_k, trials = 512, 16, 2_000
    q = rng.standard_normal((trials, 1, d_k))
    K = rng.standard_normal((trials, n_k, d_k))
    V = np.zeros((trials, n_k, 1))
    _, A_raw = scaled_dot_product_attention(q, K, V, scale=1.0)
    _, A = scaled_dot_product_attention(q, K, V)
    assert A_raw.max(axis=-1).mean() > 0.9
    assert A.max(axis=-1).mean() < 0.5
