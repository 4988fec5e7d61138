"""Evaluation helpers for face blurring: IoU, Dice, coverage, matching, audit sizes.

Boxes are rows (x1, y1, x2, y2) in pixels with x1 < x2 and y1 < y2. Pixel (r, c) covers
the unit square [c, c + 1) x [r, r + 1), so a box with integer corners covers
(x2 - x1) * (y2 - y1) pixels.
"""

from __future__ import annotations

import math

import numpy as np


# --8<-- [start:iou]
def box_area(B: np.ndarray) -> np.ndarray:
    """Areas of boxes B (n, 4)."""
    return (B[:, 2] - B[:, 0]) * (B[:, 3] - B[:, 1])


def intersection(P: np.ndarray, G: np.ndarray) -> np.ndarray:
    """(n, m) intersection areas between boxes P (n, 4) and G (m, 4)."""
    x1 = np.maximum(P[:, None, 0], G[None, :, 0])
    y1 = np.maximum(P[:, None, 1], G[None, :, 1])
    x2 = np.minimum(P[:, None, 2], G[None, :, 2])
    y2 = np.minimum(P[:, None, 3], G[None, :, 3])
    return np.clip(x2 - x1, 0, None) * np.clip(y2 - y1, 0, None)


def iou(P: np.ndarray, G: np.ndarray) -> np.ndarray:
    """(n, m) IoU matrix: |P and G| / |P or G|."""
    inter = intersection(P, G)
    return inter / (box_area(P)[:, None] + box_area(G)[None, :] - inter)


def coverage(P: np.ndarray, G: np.ndarray) -> np.ndarray:
    """(n, m) share of face G[j] inside box P[i]: what privacy cares about."""
    return intersection(P, G) / box_area(G)[None, :]
# --8<-- [end:iou]


# --8<-- [start:dice]
def dice(M_pred: np.ndarray, M_true: np.ndarray) -> float:
    """2 |P and G| / (|P| + |G|) for boolean masks; 1.0 if both are empty."""
    total = M_pred.sum() + M_true.sum()
    if total == 0:
        return 1.0
    return 2.0 * np.logical_and(M_pred, M_true).sum() / total
# --8<-- [end:dice]


# --8<-- [start:match]
def match(
    P: np.ndarray, scores: np.ndarray, G: np.ndarray, tau: float = 0.5
) -> tuple[int, int, int]:
    """Greedy matching at IoU >= tau; returns (TP, FP, FN).

    Predictions go in order of decreasing score; each takes the unmatched face
    with the highest IoU if that IoU reaches tau. A second detection of a face
    that is already matched is a false positive (PASCAL VOC and COCO do this).
    """
    if len(P) == 0 or len(G) == 0:
        return 0, len(P), len(G)
    O = iou(P, G)
    taken = np.zeros(len(G), dtype=bool)
    tp = 0
    for i in np.argsort(-scores, kind="stable"):
        candidates = np.where(taken, -1.0, O[i])
        j = int(np.argmax(candidates))
        if candidates[j] >= tau:
            taken[j] = True
            tp += 1
    return tp, len(P) - tp, len(G) - tp
# --8<-- [end:match]


# --8<-- [start:blur_mask]
def blur_mask(
    P: np.ndarray, shape: tuple[int, int], margin: float = 0.0
) -> np.ndarray:
    """(H, W) mask of the pixels touched by each box grown by `margin` per side.

    `margin` is a fraction of the box's own width and height.
    """
    H, W = shape
    M = np.zeros((H, W), dtype=bool)
    for x1, y1, x2, y2 in P:
        dx, dy = margin * (x2 - x1), margin * (y2 - y1)
        c1, r1 = max(0, math.floor(x1 - dx)), max(0, math.floor(y1 - dy))
        c2, r2 = min(W, math.ceil(x2 + dx)), min(H, math.ceil(y2 + dy))
        M[r1:r2, c1:c2] = True
    return M


def face_coverage(M: np.ndarray, G: np.ndarray) -> np.ndarray:
    """Share of the pixels of each integer face box G[j] that mask M hides."""
    boxes = G.astype(int)
    return np.array([M[y1:y2, x1:x2].mean() for x1, y1, x2, y2 in boxes])
# --8<-- [end:blur_mask]


# --8<-- [start:sample_size]
def faces_for_recall_estimate(
    recall: float, half_width: float, z: float = 1.96
) -> int:
    """Faces needed for a normal-approximation CI on recall of +- half_width.

    z = 1.96 gives 95% confidence.
    """
    return math.ceil(z**2 * recall * (1 - recall) / half_width**2)


def faces_for_zero_miss_audit(
    max_miss_rate: float, confidence: float = 0.95
) -> int:
    """Audit size N such that zero misses in N faces bounds the miss rate.

    P(zero misses) = (1 - p)^N; making it at most 1 - confidence at
    p = max_miss_rate gives N >= ln(1 - confidence) / ln(1 - p), about 3 / p
    at 95% (the rule of three).
    """
    return math.ceil(math.log(1 - confidence) / math.log(1 - max_miss_rate))
# --8<-- [end:sample_size]
