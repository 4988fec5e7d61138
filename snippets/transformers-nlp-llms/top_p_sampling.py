"""Temperature, top-k and top-p (nucleus) filtering of a next-token distribution, and sampling from it.

Each filter keeps a prefix of the tokens sorted by probability and renormalises it. Top-k fixes the
length of the prefix; top-p fixes its probability mass, so its length follows the shape of the
distribution.
"""

from __future__ import annotations

import numpy as np


# --8<-- [start:softmax]
def softmax(logits: np.ndarray, T: float = 1.0) -> np.ndarray:
    """Next-token probabilities at temperature T (T < 1 sharpens, T > 1 flattens)."""
    z = np.asarray(logits, dtype=float) / T
    e = np.exp(z - z.max())                       # shift for numerical stability
    return e / e.sum()
# --8<-- [end:softmax]


# --8<-- [start:filters]
def top_k_filter(p: np.ndarray, k: int) -> np.ndarray:
    """Keep the k most probable tokens, zero the rest, renormalise."""
    keep = np.argsort(-p, kind="stable")[:k]
    q = np.zeros_like(p)
    q[keep] = p[keep]
    return q / q.sum()


def top_p_filter(p: np.ndarray, top_p: float) -> np.ndarray:
    """Keep the smallest set of most probable tokens whose mass reaches top_p, renormalise."""
    order = np.argsort(-p, kind="stable")
    cum = np.cumsum(p[order])
    m = min(int(np.searchsorted(cum, top_p)) + 1, len(p))   # first m with cum[m-1] >= top_p
    q = np.zeros_like(p)
    q[order[:m]] = p[order[:m]]
    return q / q.sum()


def sample(q: np.ndarray, rng: np.random.Generator, size: int = 1) -> np.ndarray:
    """Draw token ids from the filtered distribution q."""
    return rng.choice(len(q), size=size, p=q)
# --8<-- [end:filters]
