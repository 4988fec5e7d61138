"""Checks of the perplexity snippet against independent computations and closed forms."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.special import log_softmax
from scipy.stats import entropy
from sklearn.metrics import log_loss

import perplexity as pp


def test_perplexity_equals_exp_of_sklearn_log_loss() -> None:
    """log_loss is the mean negative log-likelihood of the true labels; its exp is perplexity."""
    rng = np.random.default_rng(0)
    V, N = 12, 400
    logits = rng.normal(0, 2, size=(N, V))
    targets = rng.integers(0, V, size=N)
    probs = np.exp(log_softmax(logits, axis=1))
    expected = math.exp(log_loss(targets, probs, labels=np.arange(V)))
    assert pp.perplexity(pp.token_log_probs(logits, targets)) == pytest.approx(expected, rel=1e-9)


def test_perplexity_is_the_inverse_geometric_mean_of_token_probabilities() -> None:
    p = np.array([0.5, 0.1, 0.9, 0.02, 0.3])
    assert pp.perplexity(np.log(p)) == pytest.approx(np.prod(p) ** (-1 / p.size))


@pytest.mark.parametrize("V", [2, 50, 50_257])
def test_uniform_model_over_V_tokens_has_perplexity_V(V: int) -> None:
    rng = np.random.default_rng(1)
    targets = rng.integers(0, V, size=64)
    logits = np.zeros((64, V))
    assert pp.perplexity(pp.token_log_probs(logits, targets)) == pytest.approx(V)


def test_log_probs_are_stable_for_huge_logits() -> None:
    logits = np.array([[1000.0, 0.0], [0.0, -1000.0]])
    lp = pp.token_log_probs(logits, np.array([0, 0]))
    assert np.all(np.isfinite(lp)) and lp == pytest.approx([0.0, 0.0])


def test_worked_example_table() -> None:
    """The page's table: data drawn i.i.d. from p over 4 tokens, scored by three models."""
    p = np.array([0.5, 0.25, 0.125, 0.125])
    uniform = np.full(4, 0.25)
    reversed_q = p[::-1]
    assert entropy(p, base=2) == pytest.approx(1.75)
    assert pp.cross_entropy_bits(p, p) == pytest.approx(1.75)
    assert 2 ** pp.cross_entropy_bits(p, p) == pytest.approx(3.364, abs=1e-3)
    assert 2 ** pp.cross_entropy_bits(p, uniform) == pytest.approx(4.0)
    assert pp.cross_entropy_bits(p, reversed_q) == pytest.approx(2.625)
    assert 2 ** pp.cross_entropy_bits(p, reversed_q) == pytest.approx(6.169, abs=1e-3)


def test_sampled_perplexity_converges_to_two_to_the_cross_entropy() -> None:
    """On a long i.i.d. sample, exp(mean NLL) approaches 2^H(p, q) (law of large numbers)."""
    p = np.array([0.5, 0.25, 0.125, 0.125])
    q = np.array([0.4, 0.3, 0.2, 0.1])
    x = np.random.default_rng(2).choice(4, size=200_000, p=p)
    assert pp.perplexity(np.log(q[x])) == pytest.approx(2 ** pp.cross_entropy_bits(p, q), rel=0.01)


def test_bits_and_nats_give_the_same_perplexity() -> None:
    lp = np.log(np.array([0.2, 0.7, 0.05]))
    h_bits = -np.mean(lp) / math.log(2)
    assert 2**h_bits == pytest.approx(pp.perplexity(lp))


def test_true_distribution_minimises_perplexity() -> None:
    """H(p, q) = H(p) + KL(p || q) >= H(p), so no model beats the data's own distribution."""
    p = np.array([0.6, 0.3, 0.1])
    rng = np.random.default_rng(3)
    for _ in range(200):
        q = rng.dirichlet(np.ones(3))
        assert pp.cross_entropy_bits(p, q) == pytest.approx(entropy(p, base=2) + entropy(p, q, base=2))
        assert pp.cross_entropy_bits(p, q) >= entropy(p, base=2) - 1e-12


def test_two_tokenizations_same_text_probability_differ_in_ppl_not_in_bits_per_byte() -> None:
    """A text of 12 bytes with probability 2^-18, scored as 12 character tokens or as 3 word tokens."""
    text = "the cat sat."
    n_bytes = len(text.encode("utf-8"))
    total_log_p = -18 * math.log(2)
    chars = np.full(12, total_log_p / 12)
    words = np.full(3, total_log_p / 3)
    assert pp.perplexity(chars) == pytest.approx(2 ** 1.5)      # 2^(18/12)
    assert pp.perplexity(words) == pytest.approx(2 ** 6)        # 2^(18/3) = 64
    assert pp.bits_per_byte(chars, n_bytes) == pytest.approx(1.5)
    assert pp.bits_per_byte(words, n_bytes) == pytest.approx(1.5)


def test_one_confident_miss_dominates_perplexity() -> None:
    """99 tokens at p = 0.5 and one at p = 1e-6: perplexity rises from 2 to about 2.28."""
    lp = np.log(np.r_[np.full(99, 0.5), 1e-6])
    assert pp.perplexity(np.log(np.full(100, 0.5))) == pytest.approx(2.0)
    assert pp.perplexity(lp) == pytest.approx(2 ** 0.99 * 1e6 ** 0.01)
    assert pp.perplexity(lp) == pytest.approx(2.280, abs=1e-3)
