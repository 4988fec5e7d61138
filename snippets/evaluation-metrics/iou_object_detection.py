"""Intersection over Union for axis-aligned boxes, its generalised form (GIoU), and greedy NMS.

Boxes are rows (x1, y1, x2, y2) in continuous coordinates with x1 <= x2 and y1 <= y2, so a box's area is
(x2 - x1) * (y2 - y1) with no +1 pixel convention.
"""

from __future__ import annotations

import numpy as np


# --8<-- [start:iou]
def pairwise_iou(A: np.ndarray, B: np.ndarray) -> np.ndarray:
    """(n, m) matrix of IoU between boxes A (n, 4) and B (m, 4).

    The overlap's width and height are clamped at zero, so disjoint boxes give 0 instead of a
    spurious positive product of two negative lengths.
    """
    w = np.minimum(A[:, None, 2], B[None, :, 2]) - np.maximum(A[:, None, 0], B[None, :, 0])
    h = np.minimum(A[:, None, 3], B[None, :, 3]) - np.maximum(A[:, None, 1], B[None, :, 1])
    inter = np.clip(w, 0, None) * np.clip(h, 0, None)
    area_A = (A[:, 2] - A[:, 0]) * (A[:, 3] - A[:, 1])
    area_B = (B[:, 2] - B[:, 0]) * (B[:, 3] - B[:, 1])
    return inter / (area_A[:, None] + area_B[None, :] - inter)
# --8<-- [end:iou]


# --8<-- [start:giou]
def giou(a: np.ndarray, b: np.ndarray) -> float:
    """Generalised IoU of two boxes: IoU - |C minus (a union b)| / |C|, C the smallest enclosing box.

    Unlike IoU it keeps falling as disjoint boxes move apart, so 1 - GIoU has a useful gradient there.
    """
    inter = max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    C = (max(a[2], b[2]) - min(a[0], b[0])) * (max(a[3], b[3]) - min(a[1], b[1]))
    return float(inter / union - (C - union) / C)
# --8<-- [end:giou]


# --8<-- [start:nms]
def nms(boxes: np.ndarray, scores: np.ndarray, tau: float = 0.5) -> list[int]:
    """Greedy non-maximum suppression: keep the best box, drop boxes with IoU > tau to it, repeat."""
    order = list(np.argsort(-scores, kind="stable"))
    keep: list[int] = []
    while order:
        i = order.pop(0)
        keep.append(int(i))
        if order:
            overlap = pairwise_iou(boxes[[i]], boxes[order])[0]
            order = [k for k, o in zip(order, overlap) if o <= tau]
    return keep
# --8<-- [end:nms]
