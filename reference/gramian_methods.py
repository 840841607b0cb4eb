"""The Gramian family, written from the papers on the gradient vectors themselves (rows of J, K x P),
independently of src/core/strategies/gramian/*. The TypeScript works on G = J J^T with an active-set
QP, damped Newton on a convex potential and Jacobi rotations; here the quadratic programmes are
solved by enumerating every support (exact for the small K of the fixtures), projections are taken
in parameter space, Aligned-MTL uses an SVD of J, and the loss-based methods use torch autograd and
torch.optim.Adam. Every method returns coefficients c with update d = sum_k c_k g_k; when a method
builds d as a vector, c is recovered by least squares on J^T c = d (J has full row rank here).
"""
import itertools
import math

import numpy as np
import torch

from random_source import Mulberry32, shuffled_indices


def coefficients_of(J, d):
    return np.linalg.lstsq(J.T, d, rcond=None)[0]


def subsets(k):
    for size in range(1, k + 1):
        yield from itertools.combinations(range(k), size)


def simplex_qp_by_supports(Q, p):
    """min 1/2 w^T Q w + p^T w on the simplex: the minimiser is the equality-constrained minimiser on
    its own support, so the best non-negative such point over all supports is the answer."""
    k = len(p)
    best, best_value = None, math.inf
    for support in subsets(k):
        s = list(support)
        n = len(s)
        kkt = np.zeros((n + 1, n + 1))
        kkt[:n, :n] = Q[np.ix_(s, s)]
        kkt[:n, n] = 1
        kkt[n, :n] = 1
        rhs = np.concatenate([-p[s], [1.0]])
        sol = np.linalg.lstsq(kkt, rhs, rcond=None)[0]
        if np.any(sol[:n] < -1e-12):
            continue
        w = np.zeros(k)
        w[s] = np.maximum(sol[:n], 0)
        w /= w.sum()
        value = 0.5 * w @ Q @ w + p @ w
        if value < best_value - 1e-15:
            best, best_value = w, value
    return best


def project_dual_cone(J, y):
    """Closest x to y with J x >= 0: x is y projected onto {J_A x = 0} for its active set A."""
    k = J.shape[0]
    best, best_distance = y.copy(), math.inf
    if np.all(J @ y >= -1e-12):
        return y.copy()
    for active in subsets(k):
        A = J[list(active)]
        x = y - A.T @ np.linalg.solve(A @ A.T, A @ y)
        if np.all(J @ x >= -1e-10) and np.linalg.norm(x - y) < best_distance:
            best, best_distance = x, np.linalg.norm(x - y)
    return best


def mgda(J):
    return simplex_qp_by_supports(J @ J.T, np.zeros(J.shape[0]))


def imtl_g(J):
    """Liu et al. 2021, eq. for alpha: D = g_1 - g_k, U = u_1 - u_k rows; alpha = g_1 U^T (D U^T)^-1."""
    U_rows = J / np.linalg.norm(J, axis=1, keepdims=True)
    D = J[0:1] - J[1:]
    U = U_rows[0:1] - U_rows[1:]
    alpha = (J[0] @ U.T) @ np.linalg.inv(D @ U.T)
    return np.concatenate([[1 - alpha.sum()], alpha])


def cagrad(J, kappa=0.4, rescale=False):
    """Dual min_w g_w.g0 + kappa |g0| |g_w|; |g_w| = min_t (|g_w|^2/t + t)/2, and the optimal t solves
    t = |g_{w(t)}|, found by bisection (|g_{w(t)}|/t is non-increasing in t)."""
    k = J.shape[0]
    G = J @ J.T
    g0 = J.mean(axis=0)
    r = kappa * np.linalg.norm(g0)
    a = J @ g0

    def w_of(t):
        return simplex_qp_by_supports(G * r / t, a)

    lo, hi = 1e-12, np.linalg.norm(J, axis=1).max() * 2
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if np.linalg.norm(w_of(mid) @ J) > mid:
            lo = mid
        else:
            hi = mid
    w = w_of(0.5 * (lo + hi))
    gw = w @ J
    d = g0 + r * gw / np.linalg.norm(gw)
    if rescale:
        d = d / (1 + kappa ** 2)
    return coefficients_of(J, d)


def alpha_fair(J, alpha):
    """Gc = c^(-1/alpha) by Newton on the residual itself, backtracking on its norm (Nash: alpha = 1)."""
    G = J @ J.T
    c = np.ones(G.shape[0])

    def residual(c):
        return G @ c - c ** (-1.0 / alpha)

    for _ in range(200):
        f = residual(c)
        if np.max(np.abs(f * c ** (1.0 / alpha))) < 1e-14:
            break
        jac = G + np.diag(c ** (-1.0 / alpha - 1) / alpha)
        step = np.linalg.solve(jac, -f)
        t = 1.0
        while np.any(c + t * step <= 0) or np.linalg.norm(residual(c + t * step)) > np.linalg.norm(f) * (1 - 1e-4 * t):
            t *= 0.5
            if t < 1e-14:
                break
        c = c + t * step
    return c


def aligned_mtl(J):
    """Senushkin et al. 2023: J = U S V^T, aligned system sigma_min U V^T, update its mean."""
    U, S, Vt = np.linalg.svd(J, full_matrices=False)
    aligned = S.min() * U @ Vt
    return coefficients_of(J, aligned.mean(axis=0))


def upgrad(J):
    return coefficients_of(J, np.mean([project_dual_cone(J, g) for g in J], axis=0))


def dualproj(J):
    return coefficients_of(J, project_dual_cone(J, J.mean(axis=0)))


def projection_orders(k, random):
    orders = []
    for task in range(k):
        others = [j for j in range(k) if j != task]
        orders.append([others[i] for i in shuffled_indices(k - 1, random)])
    return orders


def gradvac_step(J, targets, random, beta):
    """Wang et al. 2021: lift cos(v_i, g_j) to the EMA target; targets updated with the measured cosine."""
    total = np.zeros(J.shape[1])
    for i, order in enumerate(projection_orders(J.shape[0], random)):
        v = J[i].copy()
        for j in order:
            rho = v @ J[j] / (np.linalg.norm(v) * np.linalg.norm(J[j]))
            phi = targets[i][j]
            if rho < phi:
                v = v + J[j] * np.linalg.norm(v) * (phi * math.sqrt(1 - rho ** 2) - rho * math.sqrt(1 - phi ** 2)) / (
                    np.linalg.norm(J[j]) * math.sqrt(1 - phi ** 2))
            targets[i][j] = (1 - beta) * phi + beta * rho
        total += v
    return coefficients_of(J, total)


class BoxMuller:
    """Standard normals exactly as random.ts draws them: cosine first, the sine kept for the next call."""

    def __init__(self, seed):
        self.random = Mulberry32(seed)
        self.spare = None

    def normal(self):
        if self.spare is not None:
            value, self.spare = self.spare, None
            return value
        radius = math.sqrt(-2 * math.log(1 - self.random.next()))
        angle = 2 * math.pi * self.random.next()
        self.spare = radius * math.sin(angle)
        return radius * math.cos(angle)


def rlw(k, normals):
    return torch.softmax(torch.tensor([normals.normal() for _ in range(k)], dtype=torch.float64), 0).tolist()


def autograd_coefficients(objective, losses):
    L = torch.tensor(losses, dtype=torch.float64, requires_grad=True)
    objective(L).backward()
    return L.grad.tolist()


def gls(losses):
    return autograd_coefficients(lambda L: L.prod() ** (1.0 / len(losses)), losses)


def stch(losses, nadir, mu):
    k = len(losses)
    return autograd_coefficients(lambda L: mu * torch.logsumexp(torch.log(L / nadir + 1e-20) / mu, 0) * k, losses)


class Famo:
    """Liu et al. 2023 with torch's own Adam (coupled weight decay) on the logits."""

    def __init__(self, k, lr=0.025, gamma=0.001):
        self.xi = torch.zeros(k, dtype=torch.float64, requires_grad=True)
        self.opt = torch.optim.Adam([self.xi], lr=lr, weight_decay=gamma)

    def coefficients(self, losses):
        z = torch.softmax(self.xi.detach(), 0)
        return autograd_coefficients(lambda L: (torch.log(L + 1e-8) * z).sum() / (z / (L.detach() + 1e-8)).sum(), losses)

    def update(self, before, after):
        delta = torch.log(torch.tensor(before, dtype=torch.float64) + 1e-8) - torch.log(torch.tensor(after, dtype=torch.float64) + 1e-8)
        self.opt.zero_grad()
        self.xi.grad = torch.autograd.grad(torch.softmax(self.xi, 0), self.xi, grad_outputs=delta)[0]
        self.opt.step()
