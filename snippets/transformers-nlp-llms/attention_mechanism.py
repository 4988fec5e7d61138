"""Scaled dot-product attention and multi-head attention in NumPy.

Shapes follow the page: Q is (n_q, d_k), K is (n_k, d_k), V is (n_k, d_v); any leading batch axes
broadcast through. The functions return the attention weights as well as the output, because the
weights are what the tests and the figure inspect.
"""

from __future__ import annotations

import numpy as np


# --8<-- [start:softmax]
def softmax(S: np.ndarray, axis: int = -1) -> np.ndarray:
    """Softmax along `axis`, shifted by the row maximum so exp never overflows.

    Entries equal to -inf (masked positions) get weight exactly 0.
    """
    S = S - S.max(axis=axis, keepdims=True)
    E = np.exp(S)
    return E / E.sum(axis=axis, keepdims=True)
# --8<-- [end:softmax]


# --8<-- [start:attention]
def causal_mask(n: int) -> np.ndarray:
    """(n, n) boolean mask: True where query i may look at key j (j <= i)."""
    return np.tril(np.ones((n, n), dtype=bool))


def scaled_dot_product_attention(
    Q: np.ndarray,
    K: np.ndarray,
    V: np.ndarray,
    causal: bool = False,
    scale: float | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Return (A @ V, A) where A = softmax(Q K^T * scale) are the weights.

    `scale` defaults to 1 / sqrt(d_k), which keeps the scores at unit variance.
    """
    d_k = Q.shape[-1]
    if scale is None:
        scale = 1.0 / np.sqrt(d_k)
    S = (Q @ np.swapaxes(K, -1, -2)) * scale      # scores, (..., n_q, n_k)
    if causal:                                    # self-attention: n_q == n_k
        S = np.where(causal_mask(S.shape[-1]), S, -np.inf)
    A = softmax(S, axis=-1)                       # rows sum to 1 over the keys
    return A @ V, A                               # weighted sum of the values
# --8<-- [end:attention]


# --8<-- [start:multihead]
def multi_head_attention(
    X: np.ndarray,
    W_q: np.ndarray,
    W_k: np.ndarray,
    W_v: np.ndarray,
    W_o: np.ndarray,
    h: int,
    causal: bool = False,
) -> tuple[np.ndarray, np.ndarray]:
    """Self-attention with h heads; X is (n, d_model), each W is square.

    Each head works in its own subspace of size d_k = d_model / h; the heads are
    concatenated and mixed by W_o. Returns the output (n, d_model) and the
    weights of every head (h, n, n).
    """
    n, d_model = X.shape
    d_k = d_model // h

    def split(M: np.ndarray) -> np.ndarray:       # (n, d_model) -> (h, n, d_k)
        return M.reshape(n, h, d_k).transpose(1, 0, 2)

    Q, K, V = split(X @ W_q), split(X @ W_k), split(X @ W_v)
    O, A = scaled_dot_product_attention(Q, K, V, causal=causal)  # (h, n, d_k)
    O = O.transpose(1, 0, 2).reshape(n, d_model)  # concatenate the heads
    return O @ W_o, A
# --8<-- [end:multihead]


def init_weights(d_model: int, rng: np.random.Generator) -> tuple[np.ndarray, ...]:
    """Random W_q, W_k, W_v, W_o with variance 1 / d_model: projections keep unit scale."""
    return tuple(rng.standard_normal((d_model, d_model)) / np.sqrt(d_model) for _ in range(4))
