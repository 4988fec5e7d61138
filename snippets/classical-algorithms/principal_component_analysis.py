"""PCA from scratch, two ways: eigenvectors of the sample covariance, and the SVD of the centred data.

Both give the same axes (up to sign) and the same eigenvalues lambda_j = s_j^2 / (n - 1). The SVD route
is the one to use in practice: it never forms X^T X, so it does not square the condition number.
"""

from __future__ import annotations

import numpy as np


# --8<-- [start:pca]
def pca(X: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Top-k principal axes from the thin SVD of the centred data.

    Returns the mean mu (d,), the axes W (d, k) with orthonormal columns, the variances along them
    lam (k,) (covariance eigenvalues, largest first) and their share of the total variance (k,).
    """
    mu = X.mean(axis=0)
    Xc = X - mu                                   # centring is not optional
    U, s, Vt = np.linalg.svd(Xc, full_matrices=False)
    lam = s**2 / (len(X) - 1)                     # eigenvalues of S = Xc^T Xc / (n - 1)
    W = Vt[:k].T
    return mu, W, lam[:k], lam[:k] / lam.sum()


def transform(X: np.ndarray, mu: np.ndarray, W: np.ndarray) -> np.ndarray:
    """Scores: coordinates of each centred row along the axes, (n, k)."""
    return (X - mu) @ W


def reconstruct(Z: np.ndarray, mu: np.ndarray, W: np.ndarray) -> np.ndarray:
    """Map scores back to the original space: the best rank-k approximation of X."""
    return Z @ W.T + mu
# --8<-- [end:pca]


# --8<-- [start:pca_eig]
def pca_eig(X: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The textbook route: eigen-decompose the d x d sample covariance. Returns (W, lam)."""
    Xc = X - X.mean(axis=0)
    S = Xc.T @ Xc / (len(X) - 1)
    lam, V = np.linalg.eigh(S)                    # ascending order for a symmetric matrix
    order = np.argsort(lam)[::-1][:k]
    return V[:, order], lam[order]
# --8<-- [end:pca_eig]
