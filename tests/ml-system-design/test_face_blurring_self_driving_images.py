"""IoU, Dice, coverage and matching checked against closed forms, pixel counts and optimal matching."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.optimize import linear_sum_assignment
from scipy.stats import beta, norm

from face_blurring_self_driving_images import (
    blur_mask,
    coverage,
    dice,
    face_coverage,
    faces_for_recall_estimate,
    faces_for_zero_miss_audit,
    iou,
    match,
)


def boxes(*rows: tuple[float, float, float, float]) -> np.ndarray:
    return np.array(rows, dtype=float)


def rasterise(b: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """Pixel mask of one integer box, by testing every pixel centre (independent of the slicing code)."""
    rr, cc = np.mgrid[0 : shape[0], 0 : shape[1]] + 0.5
    return (cc > b[0]) & (cc < b[2]) & (rr > b[1]) & (rr < b[3])


def random_int_boxes(rng: np.random.Generator, n: int, size: int = 20) -> np.ndarray:
    a = rng.integers(0, size, (n, 2, 2))
    lo, hi = a.min(axis=1), a.max(axis=1) + 1  # at least one pixel wide
    return np.column_stack([lo[:, 0], lo[:, 1], hi[:, 0], hi[:, 1]]).astype(float)


# ---- IoU ----------------------------------------------------------------------------------------

def test_iou_closed_form_cases() -> None:
    A = boxes((0, 0, 2, 2))
    assert iou(A, A)[0, 0] == 1.0
    assert iou(A, boxes((5, 5, 6, 6)))[0, 0] == 0.0           # disjoint
    assert iou(A, boxes((2, 0, 4, 2)))[0, 0] == 0.0           # sharing an edge only
    assert iou(A, boxes((1, 0, 3, 2)))[0, 0] == pytest.approx(2 / 6)  # half shifted: 2 / (4 + 4 - 2)
    assert iou(boxes((0, 0, 4, 4)), boxes((1, 1, 3, 3)))[0, 0] == pytest.approx(4 / 16)  # nested


def test_iou_is_symmetric() -> None:
    rng = np.random.default_rng(0)
    P, G = random_int_boxes(rng, 7), random_int_boxes(rng, 5)
    np.testing.assert_allclose(iou(P, G), iou(G, P).T)


def test_iou_matches_brute_force_pixel_count() -> None:
    rng = np.random.default_rng(1)
    P, G = random_int_boxes(rng, 30), random_int_boxes(rng, 30)
    O = iou(P, G)
    for i in range(len(P)):
        for j in range(len(G)):
            a, b = rasterise(P[i], (20, 20)), rasterise(G[j], (20, 20))
            assert O[i, j] == pytest.approx((a & b).sum() / (a | b).sum())


def test_same_iou_can_hide_all_or_half_of_a_face() -> None:
    """IoU 0.5 from a box twice the face covers it fully; IoU 0.5 from half the face leaves half visible."""
    face = boxes((0, 0, 4, 4))
    too_big = boxes((0, 0, 8, 4))
    too_small = boxes((0, 0, 2, 4))
    assert iou(too_big, face)[0, 0] == pytest.approx(0.5)
    assert iou(too_small, face)[0, 0] == pytest.approx(0.5)
    assert coverage(too_big, face)[0, 0] == 1.0
    assert coverage(too_small, face)[0, 0] == 0.5


# ---- Dice ---------------------------------------------------------------------------------------

def test_dice_closed_form_cases() -> None:
    M = np.zeros((4, 4), dtype=bool)
    M[:2] = True
    assert dice(M, M) == 1.0
    assert dice(M, ~M) == 0.0
    assert dice(np.zeros_like(M), np.zeros_like(M)) == 1.0
    half = np.zeros_like(M)
    half[:1] = True
    assert dice(half, M) == pytest.approx(2 * 4 / (4 + 8))


def test_dice_equals_2iou_over_1_plus_iou_on_box_masks() -> None:
    rng = np.random.default_rng(2)
    P, G = random_int_boxes(rng, 40), random_int_boxes(rng, 40)
    for p, g in zip(P, G):
        J = iou(p[None], g[None])[0, 0]
        assert dice(rasterise(p, (20, 20)), rasterise(g, (20, 20))) == pytest.approx(2 * J / (1 + J))


# ---- matching, precision and recall --------------------------------------------------------------

def test_match_closed_form_cases() -> None:
    G = boxes((0, 0, 10, 10), (20, 0, 30, 10))
    assert match(G.copy(), np.array([0.9, 0.8]), G) == (2, 0, 0)               # perfect
    dup = boxes((0, 0, 10, 10), (0, 0, 10, 11))
    assert match(dup, np.array([0.9, 0.8]), G) == (1, 1, 1)                    # duplicate detection
    off = boxes((0, 0, 10, 10), (25, 0, 35, 10))                               # IoU 5/15 = 1/3
    assert match(off, np.array([0.9, 0.8]), G, tau=0.5) == (1, 1, 1)
    assert match(off, np.array([0.9, 0.8]), G, tau=0.3) == (2, 0, 0)
    assert match(boxes(), np.array([]), G) == (0, 0, 2)
    assert match(G, np.array([0.9, 0.8]), boxes()) == (0, 2, 0)


def test_match_lets_the_higher_score_choose_first_and_is_not_always_optimal() -> None:
    """Two overlapping faces. The sharp box prefers face 0; the loose box can only match face 0."""
    G = boxes((0, 0, 10, 10), (2, 0, 12, 10))
    P = boxes((0.5, 0, 10.5, 10), (-3, 0, 7, 10))   # IoUs: (0.905, 0.739) and (0.538, 0.333)
    assert match(P, np.array([0.9, 0.1]), G) == (1, 1, 1)   # sharp box takes face 0, loose one is left
    assert match(P, np.array([0.1, 0.9]), G) == (2, 0, 0)   # loose box first, sharp box takes face 1
    assert max_matching(P, G, 0.5) == 2


def max_matching(P: np.ndarray, G: np.ndarray, tau: float) -> int:
    """Largest number of disjoint pairs with IoU >= tau (optimal bipartite matching)."""
    if len(P) == 0 or len(G) == 0:
        return 0
    ok = (iou(P, G) >= tau).astype(float)
    r, c = linear_sum_assignment(-ok)
    return int(ok[r, c].sum())


def test_match_counts_are_consistent_and_bounded_by_optimal_matching() -> None:
    rng = np.random.default_rng(3)
    for _ in range(300):
        P, G = random_int_boxes(rng, rng.integers(0, 6)), random_int_boxes(rng, rng.integers(0, 6))
        tp, fp, fn = match(P, rng.random(len(P)), G, tau=0.5)
        assert tp + fp == len(P) and tp + fn == len(G)
        assert tp <= max_matching(P, G, 0.5)


def test_match_is_optimal_when_every_face_has_at_most_one_candidate() -> None:
    rng = np.random.default_rng(4)
    G = boxes(*[(30 * k, 0, 30 * k + 10, 10) for k in range(6)])   # faces far apart
    P = G + rng.uniform(-3, 3, G.shape)
    scores = rng.random(len(P))
    assert match(P, scores, G, tau=0.5)[0] == max_matching(P, G, 0.5)


# ---- blur mask and coverage -----------------------------------------------------------------------

def test_face_coverage_matches_brute_force_pixel_count() -> None:
    rng = np.random.default_rng(5)
    for _ in range(50):
        P, G = random_int_boxes(rng, 3), random_int_boxes(rng, 4)
        M = blur_mask(P, (20, 20))
        union = np.zeros((20, 20), dtype=bool)
        for p in P:
            union |= rasterise(p, (20, 20))
        np.testing.assert_array_equal(M, union)
        expected = [(union & rasterise(g, (20, 20))).sum() / rasterise(g, (20, 20)).sum() for g in G]
        np.testing.assert_allclose(face_coverage(M, G), expected)


def test_margin_recovers_a_face_that_the_box_half_covers() -> None:
    face = boxes((10, 10, 20, 20))
    shifted = boxes((15, 10, 25, 20))                       # IoU 1/3, covers half the face
    assert face_coverage(blur_mask(shifted, (40, 40)), face)[0] == 0.5
    assert face_coverage(blur_mask(shifted, (40, 40), margin=0.5), face)[0] == 1.0


# ---- how many faces to label and audit --------------------------------------------------------------

def test_recall_sample_size_gives_the_requested_interval() -> None:
    n = faces_for_recall_estimate(0.99, 0.005)
    assert n == 1522
    half_width = norm.ppf(0.975) * math.sqrt(0.99 * 0.01 / n)
    assert half_width <= 0.005 < norm.ppf(0.975) * math.sqrt(0.99 * 0.01 / (n - 1))


def test_zero_miss_audit_matches_clopper_pearson_and_rule_of_three() -> None:
    for p in (0.01, 0.001):
        N = faces_for_zero_miss_audit(p)
        # The exact one-sided 95% upper bound after 0 misses in N is the Beta(1, N) 95% quantile.
        assert beta.ppf(0.95, 1, N) <= p < beta.ppf(0.95, 1, N - 1)
        assert N == pytest.approx(3 / p, rel=0.01)
    assert faces_for_zero_miss_audit(0.001) == 2995
