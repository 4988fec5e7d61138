"""Perplexity of a language model from per-token log-probabilities.

The page defines perplexity as the exponential of the mean negative log-likelihood per token and shows
why it is comparable only under one tokenizer. This module computes it from the log-probabilities a
model assigns to the observed tokens, and converts the same total log-likelihood to bits per byte,
which does not depend on how the text was cut into tokens.
"""

from __future__ import annotations

import math

import numpy as np


# --8<-- [start:perplexity]
def perplexity(log_probs: np.ndarray) -> float:
    """exp of the mean negative log-likelihood per token.

    log_probs[i] = ln p(x_i | x_<i), natural log, one entry per scored token of the held-out text
    (padding excluded, the end-of-sequence token included if the model must predict it).
    """
    nll = -np.mean(log_probs)          # cross-entropy in nats per token
    return float(np.exp(nll))


def token_log_probs(logits: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """ln softmax(logits)[i, targets[i]] for each position, computed stably (log-sum-exp)."""
    z = logits - logits.max(axis=1, keepdims=True)
    log_softmax = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return log_softmax[np.arange(targets.size), targets]


def bits_per_byte(log_probs: np.ndarray, n_bytes: int) -> float:
    """Total negative log-likelihood of the text in bits, divided by its length in UTF-8 bytes."""
    return float(-np.sum(log_probs) / (n_bytes * math.log(2)))
# --8<-- [end:perplexity]


def cross_entropy_bits(p: np.ndarray, q: np.ndarray) -> float:
    """H(p, q) = -sum p log2 q: the bits per token a model q pays on data drawn from p."""
    return float(-np.sum(p * np.log2(q)))
