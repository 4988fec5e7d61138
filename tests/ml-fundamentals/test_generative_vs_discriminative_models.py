"""Checks of the generative and discriminative classifiers against scikit-learn, SciPy and closed forms."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.special import expit
from scipy.stats import multivariate_normal, norm
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis
from sklearn.linear_model import LogisticRegression
from sklearn.naive_bayes import GaussianNB

import generative_vs_discriminative_models as gd

MU = np.r_[np.full(15, 0.2), np.zeros(15)]    # the page's experiment: d = 30, half the features informative
RHO = 0.1


def data(n: int, seed: int, d: int = 4) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    return gd.sample_correlated_classes(n, np.linspace(0.2, 0.8, d), 0.4, rng)


def test_naive_bayes_matches_sklearn_gaussian_nb() -> None:
    X, y = data(300, 0)
    ours = expit(gd.nb_log_odds(gd.fit_gaussian_nb(X, y), X))
    ref = GaussianNB(var_smoothing=0.0).fit(X, y).predict_proba(X)[:, 1]
    np.testing.assert_allclose(ours, ref, rtol=1e-9, atol=1e-12)


def test_lda_matches_sklearn_linear_discriminant_analysis() -> None:
    X, y = data(300, 1)
    w, b = gd.fit_lda(X, y)
    ref = LinearDiscriminantAnalysis(solver="lsqr").fit(X, y)
    np.testing.assert_allclose(expit(X @ w + b), ref.predict_proba(X)[:, 1], rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(w, ref.coef_[0], rtol=1e-9)


def test_lda_log_odds_equal_bayes_rule_on_gaussian_densities() -> None:
    """w @ x + b is exactly log p(x|1) p(1) - log p(x|0) p(0) with the fitted Gaussians."""
    X, y = data(200, 2)
    w, b = gd.fit_lda(X, y)
    mu0, mu1 = X[y == 0].mean(0), X[y == 1].mean(0)
    R = np.where((y == 1)[:, None], X - mu1, X - mu0)
    S = R.T @ R / len(y)
    pi1 = y.mean()
    bayes = (multivariate_normal(mu1, S).logpdf(X) + np.log(pi1)) - (multivariate_normal(mu0, S).logpdf(X) + np.log(1 - pi1))
    np.testing.assert_allclose(X @ w + b, bayes, rtol=1e-9, atol=1e-9)


def test_logistic_matches_sklearn_unpenalised() -> None:
    X, y = data(400, 3)
    w, b = gd.fit_logistic(X, y)
    ref = LogisticRegression(C=np.inf, tol=1e-12, max_iter=10_000).fit(X, y)
    np.testing.assert_allclose(w, ref.coef_[0], rtol=1e-5)
    assert b == pytest.approx(ref.intercept_[0], rel=1e-5, abs=1e-7)


def test_logistic_matches_sklearn_with_l2_penalty() -> None:
    """Our lam / 2 ||w||^2 corresponds to sklearn's C = 1 / lam."""
    X, y = data(60, 4)
    w, b = gd.fit_logistic(X, y, lam=2.0)
    ref = LogisticRegression(C=0.5, tol=1e-12, max_iter=10_000).fit(X, y)
    np.testing.assert_allclose(w, ref.coef_[0], rtol=1e-5)
    assert b == pytest.approx(ref.intercept_[0], rel=1e-5, abs=1e-7)


def test_lda_and_logistic_agree_when_the_gaussian_model_is_right() -> None:
    """Same hypothesis class and a correct generative model: with lots of data both find the same boundary."""
    X, y = data(200_000, 5)
    w_lda, b_lda = gd.fit_lda(X, y)
    w_lr, b_lr = gd.fit_logistic(X, y)
    np.testing.assert_allclose(w_lr, w_lda, rtol=0.05, atol=0.02)
    assert b_lr == pytest.approx(b_lda, abs=0.02)


def error_of_linear_rule(w: np.ndarray, mu: np.ndarray, rho: float) -> float:
    """Exact error of sign(w @ x) when x | y ~ N(+-mu, Sigma) and classes are balanced."""
    Sigma = (1 - rho) * np.eye(mu.size) + rho * np.ones((mu.size, mu.size))
    return float(norm.cdf(-(w @ mu) / np.sqrt(w @ Sigma @ w)))


def test_asymptotes_match_closed_forms() -> None:
    """With n large, logistic regression reaches the Bayes error; naive Bayes stalls at the error of
    its own direction w = mu1 - mu0, which ignores the correlation."""
    Sigma = (1 - RHO) * np.eye(MU.size) + RHO * np.ones((MU.size, MU.size))
    bayes = error_of_linear_rule(np.linalg.solve(Sigma, MU), MU, RHO)
    naive = error_of_linear_rule(MU, MU, RHO)
    assert bayes == pytest.approx(0.261, abs=5e-4)
    assert naive == pytest.approx(0.309, abs=5e-4)
    rng = np.random.default_rng(6)
    X, y = gd.sample_correlated_classes(200_000, MU, RHO, rng)
    w_lr, b_lr = gd.fit_logistic(X, y)
    w_nb = gd.fit_gaussian_nb(X, y)
    Xt, yt = gd.sample_correlated_classes(200_000, MU, RHO, rng)
    assert np.mean((Xt @ w_lr + b_lr > 0) != yt) == pytest.approx(bayes, abs=0.004)
    assert np.mean((gd.nb_log_odds(w_nb, Xt) > 0) != yt) == pytest.approx(naive, abs=0.004)


def test_naive_bayes_wins_small_samples_and_logistic_wins_large() -> None:
    """The learning curves cross (mildly wrong generative model, the Ng-Jordan pattern)."""
    rng = np.random.default_rng(7)
    Xt, yt = gd.sample_correlated_classes(10_000, MU, RHO, rng)

    def mean_errors(n: int, reps: int) -> tuple[float, float]:
        e_nb, e_lr = [], []
        for _ in range(reps):
            X, y = gd.sample_correlated_classes(n, MU, RHO, rng)
            e_nb.append(np.mean((gd.nb_log_odds(gd.fit_gaussian_nb(X, y), Xt) > 0) != yt))
            w, b = gd.fit_logistic(X, y, lam=1e-2)
            e_lr.append(np.mean((Xt @ w + b > 0) != yt))
        return float(np.mean(e_nb)), float(np.mean(e_lr))

    nb_small, lr_small = mean_errors(60, 40)
    nb_large, lr_large = mean_errors(2000, 10)
    assert nb_small < lr_small - 0.01
    assert lr_large < nb_large - 0.03
