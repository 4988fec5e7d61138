"""IoU, GIoU and NMS checked against hand-worked values and a brute-force pixel count."""

from __future__ import annotations

import numpy as np
import pytest

from iou_object_detection import giou, nms, pairwise_iou


def raster(box: np.ndarray, size: int) -> np.ndarray:
    """Boolean mask of the unit pixels [c, c+1) x [r, r+1) inside an integer box."""
    M = np.zeros((size, size), dtype=bool)
    x1, y1, x2, y2 = box.astype(int)
    M[y1:y2, x1:x2] = True
    return M


def random_int_boxes(rng: np.random.Generator, n: int, size: int) -> np.ndarray:
    x = np.sort(rng.integers(0, size, size=(n, 2)), axis=1)
    y = np.sort(rng.integers(0, size, size=(n, 2)), axis=1)
    x[:, 1] += 1   # at least one pixel wide and tall, and still inside the size x size grid
    y[:, 1] += 1
    return np.stack([x[:, 0], y[:, 0], x[:, 1], y[:, 1]], axis=1).astype(float)


def test_hand_worked_values_from_the_page() -> None:
    """Shifting a 10x10 box by 2 along x gives 80/120; by 2 along x and y gives 64/136; 100x100 by 2 and 2
    gives 9604/10396; disjoint boxes give 0; identical boxes give 1."""
    A = np.array([[0, 0, 10, 10]], float)
    B = np.array([[2, 0, 12, 10], [2, 2, 12, 12], [20, 20, 30, 30], [0, 0, 10, 10]], float)
    assert pairwise_iou(A, B)[0] == pytest.approx([80 / 120, 64 / 136, 0.0, 1.0])
    assert 64 / 136 < 0.5 < 80 / 120
    big = pairwise_iou(np.array([[0, 0, 100, 100]], float), np.array([[2, 2, 102, 102]], float))[0, 0]
    assert big == pytest.approx(9604 / 10396)
    assert big > 0.92


def test_iou_matches_brute_force_pixel_count() -> None:
    """On integer boxes the formula equals |A and B| / |A or B| counted pixel by pixel."""
    rng = np.random.default_rng(0)
    A, B = random_int_boxes(rng, 30, 24), random_int_boxes(rng, 20, 24)
    J = pairwise_iou(A, B)
    for i, a in enumerate(A):
        Ma = raster(a, 24)
        for j, b in enumerate(B):
            Mb = raster(b, 24)
            expected = np.logical_and(Ma, Mb).sum() / np.logical_or(Ma, Mb).sum()
            assert J[i, j] == pytest.approx(expected)


def test_giou_matches_brute_force_and_goes_negative_when_disjoint() -> None:
    """GIoU = IoU - |C minus union| / |C| by pixel count; it ranks disjoint pairs by distance where IoU is 0."""
    rng = np.random.default_rng(1)
    A, B = random_int_boxes(rng, 40, 20), random_int_boxes(rng, 40, 20)
    for a, b in zip(A, B):
        Ma, Mb = raster(a, 20), raster(b, 20)
        union = np.logical_or(Ma, Mb).sum()
        C = (max(a[2], b[2]) - min(a[0], b[0])) * (max(a[3], b[3]) - min(a[1], b[1]))
        expected = np.logical_and(Ma, Mb).sum() / union - (C - union) / C
        assert giou(a, b) == pytest.approx(expected)
    a = np.array([0, 0, 1, 1], float)
    near, far = np.array([2, 0, 3, 1], float), np.array([9, 0, 10, 1], float)
    assert pairwise_iou(a[None], np.stack([near, far]))[0] == pytest.approx([0, 0])
    assert giou(a, near) == pytest.approx(2 / 3 - 1)     # C = 3, union = 2
    assert giou(a, far) == pytest.approx(2 / 10 - 1)     # C = 10, union = 2
    assert -1 < giou(a, far) < giou(a, near) < 0


def test_iou_is_symmetric_bounded_and_scale_invariant() -> None:
    rng = np.random.default_rng(2)
    A, B = random_int_boxes(rng, 15, 50), random_int_boxes(rng, 15, 50)
    J = pairwise_iou(A, B)
    assert np.allclose(J, pairwise_iou(B, A).T)
    assert np.all((J >= 0) & (J <= 1))
    assert np.allclose(pairwise_iou(3.5 * A + 7, 3.5 * B + 7), J)


def test_nms_keeps_a_set_with_low_overlap_that_covers_every_dropped_box() -> None:
    """Kept boxes overlap each other by at most tau; each dropped box overlaps a better-scored kept box by more."""
    rng = np.random.default_rng(3)
    boxes = random_int_boxes(rng, 60, 40)
    scores = rng.random(60)
    tau = 0.4
    keep = nms(boxes, scores, tau)
    J = pairwise_iou(boxes, boxes)
    K = J[np.ix_(keep, keep)]
    assert np.all(K[~np.eye(len(keep), dtype=bool)] <= tau)
    for d in set(range(60)) - set(keep):
        assert any(J[d, k] > tau and scores[k] > scores[d] for k in keep)
    assert keep[0] == int(np.argmax(scores))
    assert list(scores[keep]) == sorted(scores[keep], reverse=True)
