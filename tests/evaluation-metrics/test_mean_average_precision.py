"""Average precision checked on the page's hand-worked list, by brute-force integration, and against sklearn."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import average_precision_score

from mean_average_precision import average_precision, match_detections, mean_average_precision, precision_recall

PAGE_TP = np.array([1, 0, 1, 1, 0, 1])   # the ranked list worked on the page; 5 objects, one never found
PAGE_N_GT = 5


def test_page_example_by_hand() -> None:
    precision, recall = precision_recall(PAGE_TP, PAGE_N_GT)
    assert precision == pytest.approx([1, 1 / 2, 2 / 3, 3 / 4, 3 / 5, 2 / 3])
    assert recall == pytest.approx([0.2, 0.2, 0.4, 0.6, 0.6, 0.8])
    assert average_precision(PAGE_TP, PAGE_N_GT) == pytest.approx(0.2 * (1 + 3 / 4 + 3 / 4 + 2 / 3))  # 19/30
    assert average_precision(PAGE_TP, PAGE_N_GT) == pytest.approx(19 / 30)
    assert average_precision(PAGE_TP, PAGE_N_GT, 11) == pytest.approx((3 * 1 + 4 * 3 / 4 + 2 * 2 / 3) / 11)
    assert average_precision(PAGE_TP, PAGE_N_GT, 11) == pytest.approx(2 / 3)
    assert average_precision(PAGE_TP, PAGE_N_GT, 101) == pytest.approx((21 + 40 * 3 / 4 + 20 * 2 / 3) / 101)
    raw = 0.2 * (1 + 2 / 3 + 3 / 4 + 2 / 3)   # no interpolation: precision at each rise in recall
    assert raw == pytest.approx(37 / 60)
    assert average_precision(PAGE_TP, PAGE_N_GT) > raw


def brute_force_interpolated_area(tp: np.ndarray, n_gt: int) -> float:
    """Integrate p_interp(r) = max{precision_k : recall_k >= r} over r in (0, 1], straight from the definition.

    p_interp is constant on each interval ((k - 1) / n_gt, k / n_gt], so its midpoint value is exact.
    """
    precision, recall = precision_recall(tp, n_gt)
    total = 0.0
    for k in range(1, n_gt + 1):
        r = (k - 0.5) / n_gt
        reached = precision[recall >= r]
        total += (reached.max() if reached.size else 0.0) / n_gt
    return total


@pytest.mark.parametrize("seed", range(20))
def test_all_point_ap_equals_area_under_the_interpolated_curve(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n_gt = int(rng.integers(1, 12))
    tp = (rng.random(int(rng.integers(1, 25))) < 0.5).astype(int)
    tp = tp if tp.sum() <= n_gt else np.where(np.cumsum(tp) > n_gt, 0, tp)   # cannot find more than n_gt
    assert average_precision(tp, n_gt) == pytest.approx(brute_force_interpolated_area(tp, n_gt))


@pytest.mark.parametrize("seed", range(20))
def test_interpolation_only_raises_sklearn_ap_when_every_object_is_found(seed: int) -> None:
    """With recall reaching 1, sklearn's non-interpolated AP is a lower bound, reached when precision at
    each true positive is already non-increasing."""
    rng = np.random.default_rng(100 + seed)
    tp = (rng.random(15) < 0.6).astype(int)
    tp[0] = 1
    scores = np.linspace(1.0, 0.1, tp.size)   # distinct, decreasing: the list is already ranked
    reference = average_precision_score(tp, scores)
    ours = average_precision(tp, int(tp.sum()))
    assert ours >= reference - 1e-12
    precision, _ = precision_recall(tp, int(tp.sum()))
    at_hits = precision[tp == 1]
    if np.all(np.diff(at_hits) <= 0):
        assert ours == pytest.approx(reference)


def test_monotone_example_agrees_with_sklearn_exactly() -> None:
    tp = np.array([1, 1, 0, 1, 0, 0, 1])
    scores = np.arange(7, 0, -1) / 7
    assert average_precision(tp, 4) == pytest.approx(average_precision_score(tp, scores))
    assert average_precision(tp, 4) == pytest.approx((1 + 1 + 3 / 4 + 4 / 7) / 4)


def test_matching_counts_duplicates_wrong_images_and_loose_boxes_as_false_positives() -> None:
    gt = np.array([[0, 0, 10, 10], [20, 20, 30, 30], [0, 0, 10, 10]], float)
    gt_img = np.array([0, 0, 1])
    boxes = np.array([
        [0, 0, 10, 10],     # 0.9: exact hit on image 0, object 0
        [1, 0, 11, 10],     # 0.8: duplicate of object 0 (IoU 0.82), object 0 already taken -> FP
        [25, 25, 35, 35],   # 0.7: IoU 25 / 175 with object 1 -> FP at 0.5
        [0, 0, 9, 10],      # 0.6: image 1, IoU 0.9 -> TP
        [20, 20, 30, 30],   # 0.5: would hit object 1, but it is on image 0 and this detection on image 1 -> FP
    ], float)
    scores = np.array([0.9, 0.8, 0.7, 0.6, 0.5])
    img = np.array([0, 0, 0, 1, 1])
    assert list(match_detections(boxes, scores, img, gt, gt_img, 0.5)) == [1, 0, 0, 1, 0]
    assert list(match_detections(boxes, scores, img, gt, gt_img, 0.1)) == [1, 0, 1, 1, 0]
    shuffled = np.array([4, 2, 0, 3, 1])       # input order must not matter, only the scores
    assert list(match_detections(boxes[shuffled], scores[shuffled], img[shuffled], gt, gt_img, 0.5)) == [1, 0, 0, 1, 0]


def test_coco_style_map_averages_ap_over_iou_thresholds_and_classes() -> None:
    """A single detection with IoU 78/122 = 0.64 is a hit at 0.50, 0.55, 0.60 only: AP = 3/10 over COCO's taus.
    A perfect class scores 1 at every threshold, so mAP over both classes is (0.3 + 1) / 2."""
    taus = tuple(np.linspace(0.5, 0.95, 10))
    g = np.array([[0, 0, 10, 10]], float)
    loose = (np.array([[2.2, 0, 12.2, 10]]), np.array([0.9]), np.array([0]), g, np.array([0]))
    exact = (g.copy(), np.array([0.9]), np.array([0]), g, np.array([0]))
    assert mean_average_precision({"a": loose}, taus, 101) == pytest.approx(0.3)
    assert mean_average_precision({"a": loose, "b": exact}, taus, 101) == pytest.approx(0.65)
    assert mean_average_precision({"a": loose}, (0.5,)) == pytest.approx(1.0)


def test_missed_objects_cap_recall_and_ap() -> None:
    """Perfect precision on 3 of 4 objects: recall stops at 0.75 and so does all-point AP."""
    assert average_precision(np.array([1, 1, 1]), 4) == pytest.approx(0.75)
    assert average_precision(np.array([], dtype=int), 4) == 0.0


@pytest.mark.parametrize("seed", range(10))
def test_appending_lower_scored_detections_never_lowers_all_point_ap(seed: int) -> None:
    """The envelope is a max over later ranks, so extra detections at the bottom can only raise it."""
    rng = np.random.default_rng(200 + seed)
    n_gt = 10
    tp = np.zeros(30, dtype=int)
    tp[rng.choice(30, size=10, replace=False)] = 1
    aps = [average_precision(tp[:k], n_gt) for k in range(1, 31)]
    assert np.all(np.diff(aps) >= -1e-12)
    assert aps[-1] == pytest.approx(average_precision(tp, n_gt))
