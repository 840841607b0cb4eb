"""The Gramian family as replay strategies: each plan() calls reference/gramian_methods.py (written
from the papers, independently of src/core/strategies/gramian/*) and adds what a training step needs
besides c: head coefficients, shown weights and state across steps.

The methods in gramian_methods.py take the gradient rows J. Every one of them depends on the
gradients only through G = J J^T, so the replay hands them a K x K factor with the same Gramian
(the Cholesky factor of the measured G, in float64): exact, and it keeps the host arithmetic on the
observation the core's strategy sees.

Heads follow docs/step-semantics.md: unit weights for the methods that overwrite the shared gradient
(MGDA, IMTL-G, CAGrad, Aligned-MTL, UPGrad, DualProj, GradVac), c_k for those that backpropagate
sum_k c_k L_k (Nash-MTL, FairGrad, RLW, FAMO, GLS, STCH).
"""
import numpy as np
import torch

import gramian_methods as gm
from random_source import Mulberry32


def normalise_to_sum(values):
    s = sum(values)
    if not s > 0:
        return [1.0 / len(values)] * len(values)
    return [v / s for v in values]


def factor(gramian):
    return np.linalg.cholesky(np.array(gramian, dtype=np.float64))


class GramianStrategy:
    """A method with a coefficient function of (J, losses); heads 'unit' or 'coefficients'."""

    def __init__(self, k, coefficients, heads, uses_gradients=True):
        self.k = k
        self.coefficients = coefficients
        self.heads = heads
        self.uses_gradients = uses_gradients
        self.task_losses = ["mse"] + ["crossEntropy"] * (k - 1)

    def plan(self, step, losses, gramian, last_norms):
        J = factor(gramian) if self.uses_gradients else None
        result = self.coefficients(J, losses)
        c, weights = (result if isinstance(result, tuple) else (result, None))
        c = [float(x) for x in c]
        return {
            "sharedCoefficients": c,
            "headCoefficients": [1.0] * self.k if self.heads == "unit" else list(c),
            "weights": [float(w) for w in weights] if weights is not None else normalise_to_sum(c),
        }


def gradvac(hyper, k):
    random = Mulberry32(int(hyper.get("seed", 0)))
    beta = hyper.get("beta", 0.01)
    if hyper.get("targetUpdate", "everyPair") != "everyPair":
        raise ValueError("the reference replays GradVac's paper target update only")
    targets = [[0.0] * k for _ in range(k)]
    return GramianStrategy(k, lambda J, L: gm.gradvac_step(J, targets, random, beta), "unit")


def rlw(hyper, k):
    normals = gm.BoxMuller(int(hyper.get("seed", 0)))

    def coefficients(J, L):
        c = gm.rlw(k, normals)
        return c, c

    return GramianStrategy(k, coefficients, "coefficients", uses_gradients=False)


def famo_next_batch(hyper, k):
    """FAMO's delta from consecutive steps' losses: the previous batch before the step, this batch after it."""
    famo = gm.Famo(k, lr=hyper.get("learningRate", 0.025), gamma=hyper.get("weightDecay", 0.001))
    previous = []

    def coefficients(J, L):
        if previous:
            famo.update(previous[-1], L)
        previous.append(list(L))
        return famo.coefficients(L), torch.softmax(famo.xi.detach(), 0).tolist()

    return GramianStrategy(k, coefficients, "coefficients", uses_gradients=False)


def stch(hyper, k):
    mu, warmup = hyper.get("mu", 1.0), int(hyper.get("warmupSteps", 100))
    seen = []

    def coefficients(J, L):
        seen.append(list(L))
        if len(seen) <= warmup:
            # The warm-up objective is sum_k log L_k.
            return gm.autograd_coefficients(lambda t: torch.log(t).sum(), L), None
        nadir = torch.tensor(np.mean(seen[:warmup], axis=0) if warmup > 0 else seen[0], dtype=torch.float64)
        shares = torch.softmax(torch.log(torch.tensor(L, dtype=torch.float64) / nadir + 1e-20) / mu, 0).tolist()
        return gm.stch(L, nadir, mu), shares

    return GramianStrategy(k, coefficients, "coefficients", uses_gradients=False)


def gls(k):
    def coefficients(J, L):
        c = gm.gls(L)
        return c, normalise_to_sum(c)

    return GramianStrategy(k, coefficients, "coefficients", uses_gradients=False)


def create_gramian_strategy(name, hyper, k):
    """The strategy for a Gramian-family name, or None when the name is not one of them."""
    by_gradients = {
        "mgda": (lambda J: gm.mgda(J), "unit"),
        "imtlG": (lambda J: gm.imtl_g(J), "unit"),
        "cagrad": (lambda J: gm.cagrad(J, hyper.get("kappa", 0.4), hyper.get("rescale", "none") == "libmtl"), "unit"),
        "nashMtl": (lambda J: gm.alpha_fair(J, 1.0), "coefficients"),
        "fairGrad": (lambda J: gm.alpha_fair(J, hyper.get("alpha", 2.0)), "coefficients"),
        "alignedMtl": (lambda J: gm.aligned_mtl(J), "unit"),
        "upgrad": (lambda J: gm.upgrad(J), "unit"),
        "dualProj": (lambda J: gm.dualproj(J), "unit"),
    }
    if name in by_gradients:
        method, heads = by_gradients[name]
        return GramianStrategy(k, lambda J, L: method(J), heads)
    builders = {
        "gradVac": lambda: gradvac(hyper, k),
        "rlw": lambda: rlw(hyper, k),
        "famoNextBatch": lambda: famo_next_batch(hyper, k),
        "gls": lambda: gls(k),
        "stch": lambda: stch(hyper, k),
    }
    return builders[name]() if name in builders else None
