"""A generative and a discriminative route to the same kind of linear classifier.

Gaussian naive Bayes and LDA model p(x | y) p(y) and classify with Bayes' rule; logistic regression
models p(y | x) directly. Their decision rules are all linear in x here, so comparing them isolates
the real difference: which likelihood the parameters are fitted to.
Binary labels y in {0, 1}.
"""

from __future__ import annotations

import numpy as np


# --8<-- [start:generative]
def fit_gaussian_nb(X: np.ndarray, y: np.ndarray) -> dict[str, np.ndarray]:
    """Maximum-likelihood fit of p(y) and p(x_j | y) = N(mu_yj, var_yj), features independent given y.

    The joint likelihood splits into one closed-form estimate per class and feature: counts,
    means and variances. No optimisation is needed.
    """
    classes = np.array([0, 1])
    return {
        "log_prior": np.log(np.array([np.mean(y == c) for c in classes])),
        "mu": np.array([X[y == c].mean(axis=0) for c in classes]),
        "var": np.array([X[y == c].var(axis=0) for c in classes]),   # MLE: divisor n_c
    }


def nb_log_odds(params: dict[str, np.ndarray], X: np.ndarray) -> np.ndarray:
    """log p(y=1 | x) - log p(y=0 | x) via Bayes' rule: log p(x | y) + log p(y), per class."""
    mu, var = params["mu"], params["var"]
    log_joint = params["log_prior"][:, None] - 0.5 * np.sum(
        np.log(2 * np.pi * var)[:, None, :] + (X[None] - mu[:, None, :]) ** 2 / var[:, None, :], axis=2
    )
    return log_joint[1] - log_joint[0]


def fit_lda(X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """Gaussian classes with a shared covariance, fitted by maximum joint likelihood.

    Returns (w, b) of the exact posterior log-odds w @ x + b derived on the page:
    w = Sigma^-1 (mu1 - mu0), b = -(mu1 + mu0) @ w / 2 + log(pi1 / pi0).
    """
    mu0, mu1 = X[y == 0].mean(axis=0), X[y == 1].mean(axis=0)
    R = np.where((y == 1)[:, None], X - mu1, X - mu0)       # residuals from each point's class mean
    Sigma = R.T @ R / len(y)                                 # pooled MLE covariance
    w = np.linalg.solve(Sigma, mu1 - mu0)
    pi1 = np.mean(y)
    b = -0.5 * (mu1 + mu0) @ w + np.log(pi1 / (1 - pi1))
    return w, float(b)
# --8<-- [end:generative]


# --8<-- [start:discriminative]
def fit_logistic(X: np.ndarray, y: np.ndarray, lam: float = 0.0, n_iter: int = 50) -> tuple[np.ndarray, float]:
    """Maximise the conditional log-likelihood sum log p(y_i | x_i) by Newton's method.

    Objective: sum of log-losses + lam/2 ||w||^2 (intercept not penalised). No closed form,
    but the objective is convex, so Newton converges in a handful of steps.
    """
    n, d = X.shape
    A = np.hstack([X, np.ones((n, 1))])                       # last column: intercept
    theta = np.zeros(d + 1)
    P = lam * np.eye(d + 1)
    P[d, d] = 0.0
    for _ in range(n_iter):
        p = 1.0 / (1.0 + np.exp(-A @ theta))
        grad = A.T @ (p - y) + P @ theta
        H = (A * (p * (1 - p))[:, None]).T @ A + P
        step = np.linalg.solve(H, grad)
        theta -= step
        if np.max(np.abs(step)) < 1e-10:
            break
    return theta[:d], float(theta[d])
# --8<-- [end:discriminative]


def sample_correlated_classes(
    n: int, mu: np.ndarray, rho: float, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """Balanced labels; x | y ~ N(+-mu, Sigma) with unit variances and correlation rho between all features.

    Naive Bayes' independence assumption is wrong here (rho > 0), mildly when rho is small.
    """
    d = mu.size
    Sigma = (1 - rho) * np.eye(d) + rho * np.ones((d, d))
    y = rng.integers(0, 2, n)
    X = rng.standard_normal((n, d)) @ np.linalg.cholesky(Sigma).T + np.outer(2 * y - 1, mu)
    return X, y
