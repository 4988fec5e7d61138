"""PCA from scratch against scikit-learn, and the derivation's claims checked numerically."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.decomposition import PCA

import principal_component_analysis as pc


def correlated(seed: int, n: int = 300, d: int = 6) -> np.ndarray:
    """Gaussian data with a random full-rank covariance and a non-zero mean."""
    rng = np.random.default_rng(seed)
    A = rng.normal(size=(d, d)) * rng.uniform(0.2, 3.0, size=d)   # unequal scales per direction
    return rng.normal(size=(n, d)) @ A.T + rng.normal(scale=5.0, size=d)


def align_signs(W: np.ndarray, W_ref: np.ndarray) -> np.ndarray:
    """Flip each column of W to point the same way as W_ref (eigenvectors are defined up to sign)."""
    return W * np.sign((W * W_ref).sum(axis=0))


@pytest.mark.parametrize("seed, k", [(0, 2), (1, 4), (2, 6)])
def test_components_match_sklearn_up_to_sign(seed: int, k: int) -> None:
    X = correlated(seed)
    mu, W, lam, ratio = pc.pca(X, k)
    ref = PCA(n_components=k, svd_solver="full").fit(X)
    np.testing.assert_allclose(align_signs(W, ref.components_.T), ref.components_.T, atol=1e-10)
    np.testing.assert_allclose(mu, ref.mean_, rtol=1e-12)


@pytest.mark.parametrize("seed, k", [(0, 2), (1, 4), (2, 6)])
def test_explained_variance_and_ratio_match_sklearn(seed: int, k: int) -> None:
    X = correlated(seed)
    _, _, lam, ratio = pc.pca(X, k)
    ref = PCA(n_components=k, svd_solver="full").fit(X)
    np.testing.assert_allclose(lam, ref.explained_variance_, rtol=1e-10)
    np.testing.assert_allclose(ratio, ref.explained_variance_ratio_, rtol=1e-10)


def test_scores_match_sklearn_transform_up_to_sign() -> None:
    X = correlated(3)
    mu, W, _, _ = pc.pca(X, 3)
    ref = PCA(n_components=3, svd_solver="full").fit(X)
    Z = pc.transform(X, mu, align_signs(W, ref.components_.T))
    np.testing.assert_allclose(Z, ref.transform(X), atol=1e-9)


def test_eigh_route_matches_svd_route() -> None:
    X = correlated(4)
    _, W, lam, _ = pc.pca(X, 6)
    W_eig, lam_eig = pc.pca_eig(X, 6)
    np.testing.assert_allclose(lam_eig, lam, rtol=1e-9)
    np.testing.assert_allclose(align_signs(W_eig, W), W, atol=1e-8)


def test_axes_solve_the_eigenproblem_and_scores_are_uncorrelated() -> None:
    X = correlated(5)
    mu, W, lam, _ = pc.pca(X, 6)
    S = np.cov(X, rowvar=False)
    np.testing.assert_allclose(S @ W, W * lam, atol=1e-9)              # S w = lambda w
    np.testing.assert_allclose(W.T @ W, np.eye(6), atol=1e-12)          # orthonormal axes
    np.testing.assert_allclose(np.cov(pc.transform(X, mu, W), rowvar=False), np.diag(lam), atol=1e-9)


def test_first_axis_beats_every_random_unit_direction() -> None:
    X = correlated(6)
    _, W, lam, _ = pc.pca(X, 1)
    S = np.cov(X, rowvar=False)
    rng = np.random.default_rng(0)
    U = rng.normal(size=(10_000, 6))
    U /= np.linalg.norm(U, axis=1, keepdims=True)
    projected_var = np.einsum("ij,jk,ik->i", U, S, U)                  # u^T S u for each row u
    assert projected_var.max() <= lam[0] + 1e-9
    assert W[:, 0] @ S @ W[:, 0] == pytest.approx(lam[0], rel=1e-12)


@pytest.mark.parametrize("k", [0, 1, 2, 3, 5, 6])
def test_reconstruction_error_equals_sum_of_discarded_eigenvalues(k: int) -> None:
    X = correlated(7)
    n = len(X)
    mu, W, _, _ = pc.pca(X, k)
    _, _, lam_all, _ = pc.pca(X, X.shape[1])
    X_hat = pc.reconstruct(pc.transform(X, mu, W), mu, W)
    per_sample = ((X - X_hat) ** 2).sum() / (n - 1)
    assert per_sample == pytest.approx(lam_all[k:].sum(), rel=1e-9, abs=1e-9)


def test_ratio_is_the_eigenvalue_share_of_the_trace() -> None:
    X = correlated(8)
    _, _, lam, ratio = pc.pca(X, 6)
    total_variance = np.trace(np.cov(X, rowvar=False))
    assert lam.sum() == pytest.approx(total_variance, rel=1e-12)
    np.testing.assert_allclose(ratio, lam / total_variance, rtol=1e-12)
    assert ratio.sum() == pytest.approx(1.0)


def test_a_feature_in_small_units_takes_over_the_first_axis_unless_standardised() -> None:
    X = correlated(9, d=4)
    X_big = X.copy()
    X_big[:, 2] *= 1000.0                         # same quantity, recorded in much smaller units
    _, W_raw, _, ratio_raw = pc.pca(X_big, 1)
    assert abs(W_raw[2, 0]) > 0.999 and ratio_raw[0] > 0.999
    Z = (X_big - X_big.mean(axis=0)) / X_big.std(axis=0, ddof=1)
    _, W_std, lam_std, _ = pc.pca(Z, 4)
    assert abs(W_std[2, 0]) < 0.9
    lam_corr = np.sort(np.linalg.eigvalsh(np.corrcoef(X, rowvar=False)))[::-1]
    np.testing.assert_allclose(lam_std, lam_corr, rtol=1e-10)          # PCA on the correlation matrix
