"""Average precision for one class of an object detector, and mAP over classes and IoU thresholds.

Detections and ground-truth boxes are (x1, y1, x2, y2) rows, each tagged with the id of its image.
Matching is greedy in order of confidence, as in PASCAL VOC and COCO; a detection may only match a
ground-truth box in its own image.
"""

from __future__ import annotations

import numpy as np

from iou_object_detection import pairwise_iou


# --8<-- [start:match]
def match_detections(
    boxes: np.ndarray, scores: np.ndarray, image_ids: np.ndarray,
    gt_boxes: np.ndarray, gt_image_ids: np.ndarray, tau: float = 0.5,
) -> np.ndarray:
    """TP flags (1 or 0) of the detections, in order of decreasing score.

    Each detection takes the unmatched ground-truth box in its image with the highest IoU, if that
    IoU is at least tau. A second detection of an already matched object finds nothing left and is
    a false positive, so duplicates cost precision.
    """
    order = np.argsort(-scores, kind="stable")
    taken = np.zeros(len(gt_boxes), dtype=bool)
    tp = np.zeros(len(order), dtype=int)
    for rank, i in enumerate(order):
        same = np.flatnonzero((gt_image_ids == image_ids[i]) & ~taken)
        if same.size == 0:
            continue
        overlaps = pairwise_iou(boxes[[i]], gt_boxes[same])[0]
        best = int(np.argmax(overlaps))
        if overlaps[best] >= tau:
            taken[same[best]] = True
            tp[rank] = 1
    return tp
# --8<-- [end:match]


# --8<-- [start:ap]
def precision_recall(tp: np.ndarray, n_gt: int) -> tuple[np.ndarray, np.ndarray]:
    """Precision and recall after each rank. Recall divides by every ground-truth box, found or not."""
    hits = np.cumsum(tp)
    return hits / np.arange(1, len(tp) + 1), hits / n_gt


def average_precision(tp: np.ndarray, n_gt: int, n_points: int | None = None) -> float:
    """Area under the interpolated PR curve.

    n_points=None: all-point (VOC2010+); 11: VOC2007; 101: COCO. The interpolated precision at
    recall r is the best precision at any recall >= r, which makes the curve non-increasing.
    """
    precision, recall = precision_recall(tp, n_gt)
    envelope = np.maximum.accumulate(precision[::-1])[::-1]
    if n_points is None:                          # rectangles at each rise in recall
        steps = np.diff(np.concatenate([[0.0], recall]))
        return float(np.sum(steps * envelope))
    r_grid = np.arange(n_points) / (n_points - 1)  # k / (n - 1): exact for grid points like 0.6
    first = np.searchsorted(recall, r_grid, side="left")   # first rank with recall >= r
    padded = np.concatenate([envelope, [0.0]])             # recall never reached -> precision 0
    return float(np.mean(padded[first]))
# --8<-- [end:ap]


# --8<-- [start:map]
def mean_average_precision(
    per_class: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]],
    taus: tuple[float, ...] = (0.5,), n_points: int | None = None,
) -> float:
    """Mean of AP over classes and IoU thresholds.

    per_class maps a class to (boxes, scores, image_ids, gt_boxes, gt_image_ids). taus=[0.5] gives
    VOC mAP; taus = 0.50, 0.55, ..., 0.95 with n_points=101 gives COCO's AP.
    """
    aps = [
        average_precision(match_detections(b, s, i, g, gi, tau), len(g), n_points)
        for (b, s, i, g, gi) in per_class.values()
        for tau in taus
    ]
    return float(np.mean(aps))
# --8<-- [end:map]
