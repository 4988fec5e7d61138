"""The decision boundary of a linear classifier as a level set of its score surface.

For logistic regression the surface is p(x) = sigmoid(w @ x + b) over the input plane, and the
boundary at threshold t is the set where p(x) = t, i.e. the line w @ x + b = logit(t). These helpers
compute that line and each point's signed distance to it, so the notebook and the tests can check the
picture against a fitted model.
"""

from __future__ import annotations

import numpy as np


# --8<-- [start:boundary]
def linear_boundary_x2(w: np.ndarray, b: float, x1: np.ndarray, threshold: float = 0.5) -> np.ndarray:
    """x2 on the boundary {x : sigmoid(w @ x + b) = threshold} in 2-D (requires w[1] != 0).

    A threshold other than 0.5 moves the line parallel to itself: only the offset logit(t) changes.
    """
    logit_t = np.log(threshold / (1.0 - threshold))
    return (logit_t - b - w[0] * x1) / w[1]


def signed_distance(w: np.ndarray, b: float, X: np.ndarray) -> np.ndarray:
    """Signed Euclidean distance from each row of X to the hyperplane w @ x + b = 0.

    w is the boundary's normal; the sign says which side (which predicted class) a point is on.
    """
    return (X @ w + b) / np.linalg.norm(w)
# --8<-- [end:boundary]
