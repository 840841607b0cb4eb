"""Weighting strategies on plain Python floats (float64), written independently from
docs/step-semantics.md and the choices src/core/strategies/* documents where the doc leaves room.

Each strategy has `task_losses` (one loss kind per task) and `plan(step, losses, gramian,
last_layer_norms)` returning a dict with sharedCoefficients, headCoefficients, weights and, for
PCGrad, projections. The host-side arithmetic is float64 in both implementations, so only the
float32 device numbers (losses, Gramian) feed differences into the comparison.
"""
import math

from gramian_strategies import create_gramian_strategy
from random_source import Mulberry32, shuffled_indices


def uniform(k):
    return [1.0 / k] * k


def normalise_to_sum(values, total=1.0):
    s = sum(values)
    if not s > 0:
        return [w * total for w in uniform(len(values))]
    return [v * total / s for v in values]


def losses_for(k, rul_loss):
    return [rul_loss if i == 0 else "crossEntropy" for i in range(k)]


class ScalarOptimiser:
    """Adam (PyTorch's bias-corrected form) or SGD on a few host-side scalars, in float64."""

    def __init__(self, config, size):
        self.config = config
        self.count = 0
        self.m = [0.0] * size
        self.v = [0.0] * size

    def step(self, params, grad):
        c = self.config
        self.count += 1
        if c["kind"] != "adam":
            return [p - c["learningRate"] * g for p, g in zip(params, grad)]
        b1, b2 = c["beta1"], c["beta2"]
        self.m = [b1 * m + (1 - b1) * g for m, g in zip(self.m, grad)]
        self.v = [b2 * v + (1 - b2) * g * g for v, g in zip(self.v, grad)]
        c1 = 1 - b1 ** self.count
        c2 = 1 - b2 ** self.count
        return [
            p - c["learningRate"] * (m / c1) / (math.sqrt(v / c2) + c["epsilon"])
            for p, m, v in zip(params, self.m, self.v)
        ]


def same(c):
    return {"sharedCoefficients": list(c), "headCoefficients": list(c)}


class Fixed:
    def __init__(self, hyper, k, rul_loss="mse"):
        self.w = list(hyper.get("weights", uniform(k)))
        self.task_losses = losses_for(k, rul_loss)

    def plan(self, step, losses, gramian, last_norms):
        return {**same(self.w), "weights": list(self.w)}


class AmnlNormalised:
    def __init__(self, hyper, k):
        self.w = list(hyper.get("weights", uniform(k)))
        self.floors = list(hyper.get("floors", [1.0 if i == 0 else 0.1 for i in range(k)]))
        self.task_losses = losses_for(k, "weightedMse")

    def plan(self, step, losses, gramian, last_norms):
        c = [w / max(l, f) for w, l, f in zip(self.w, losses, self.floors)]
        return {**same(c), "weights": normalise_to_sum(c)}


class Uncertainty:
    def __init__(self, hyper, k, optimiser):
        self.form = hyper.get("form", "paper")
        self.s = [float(hyper.get("initialLogVariance", 0.0))] * k
        self.task_losses = losses_for(k, "mse")
        self.opt = ScalarOptimiser(optimiser, k)

    def plan(self, step, losses, gramian, last_norms):
        f = []
        for kind, s in zip(self.task_losses, self.s):
            scale = 1.0 if (kind == "crossEntropy" and self.form == "paper") else 0.5
            f.append(scale * math.exp(-s))
        grad = [-fk * lk + 0.5 for fk, lk in zip(f, losses)]
        self.s = self.opt.step(self.s, grad)
        return {**same(f), "weights": list(f)}


class GradNorm:
    def __init__(self, hyper, k, optimiser):
        self.alpha = hyper.get("alpha", 1.5)
        lr = hyper.get("weightLr")
        lr = optimiser["learningRate"] if lr is None else lr
        self.opt = ScalarOptimiser({**optimiser, "learningRate": lr}, k)
        self.w = [1.0] * k
        self.initial = None
        self.task_losses = losses_for(k, "mse")

    def plan(self, step, losses, gramian, last_norms):
        k = len(self.w)
        if self.initial is None:
            self.initial = list(losses)
        used = list(self.w)
        weighted = [w * n for w, n in zip(used, last_norms)]
        mean_norm = sum(weighted) / k
        ratios = [l / l0 if l0 > 0 else 1.0 for l, l0 in zip(losses, self.initial)]
        mean_ratio = sum(ratios) / k
        rates = [r / mean_ratio if mean_ratio > 0 else 1.0 for r in ratios]
        targets = [mean_norm * r ** self.alpha for r in rates]
        sign = lambda x: (x > 0) - (x < 0)
        grad = [sign(g - t) * n for g, t, n in zip(weighted, targets, last_norms)]
        # Cut at 0 before renormalising (as the TS core): a negative weight would climb that loss.
        self.w = normalise_to_sum([max(0.0, w) for w in self.opt.step(used, grad)], k)
        return {**same(used), "weights": [w / k for w in used]}


class Dwa:
    def __init__(self, hyper, k):
        self.temperature = hyper.get("temperature", 2.0)
        self.block_size = hyper.get("blockSize", 50)
        self.k = k
        self.block_losses = {}  # block index -> list of per-step loss vectors
        self.task_losses = losses_for(k, "mse")

    def _mean(self, block):
        rows = self.block_losses.get(block)
        if not rows:
            return None
        return [sum(r[i] for r in rows) / len(rows) for i in range(self.k)]

    def plan(self, step, losses, gramian, last_norms):
        block = (step - 1) // self.block_size
        prev, before = self._mean(block - 1), self._mean(block - 2)
        if block < 2 or prev is None or before is None:
            w = [1.0] * self.k
        else:
            # A zero mean loss in the older block counts as descent rate 1 (as the TS core does).
            scaled = [(p / b if b > 0 else 1.0) / self.temperature for p, b in zip(prev, before)]
            top = max(scaled)
            e = [math.exp(v - top) for v in scaled]
            w = [self.k * x / sum(e) for x in e]
        self.block_losses.setdefault(block, []).append(list(losses))
        return {**same(w), "weights": [x / self.k for x in w]}


class PcGrad:
    def __init__(self, hyper, k):
        self.random = Mulberry32(int(hyper.get("seed", 0)))
        self.k = k
        self.task_losses = losses_for(k, "mse")

    def plan(self, step, losses, gramian, last_norms):
        k = self.k
        orders = []
        for task in range(k):
            others = [j for j in range(k) if j != task]
            orders.append([others[i] for i in shuffled_indices(len(others), self.random)])
        coefficients = [0.0] * k
        projections = 0
        for task in range(k):
            a = [0.0] * k
            a[task] = 1.0
            for j in orders[task]:
                along = sum(a[i] * gramian[i][j] for i in range(k))
                if along < 0 and gramian[j][j] > 0:
                    a[j] -= along / gramian[j][j]
                    projections += 1
            coefficients = [c + x for c, x in zip(coefficients, a)]
        return {
            "sharedCoefficients": coefficients,
            "headCoefficients": [1.0] * k,
            "weights": uniform(k),
            "projections": projections,
        }


class Gaba:
    def __init__(self, hyper, k, rule="paper", rul_loss="mse"):
        self.beta = hyper.get("beta", 0.99)
        self.warmup = hyper.get("warmupSteps", 100)
        self.floor = hyper.get("minWeight", 0.05)
        self.eps = hyper.get("epsilon", 1e-12)
        self.rule = rule
        self.k = k
        self.count = 0
        self.ema = uniform(k)
        self.task_losses = losses_for(k, rul_loss)

    def raw(self, norms):
        k = self.k
        if self.rule == "paper":
            total = sum(norms) + self.eps
            if not total > 0:
                return uniform(k)
            return [(total - n) / ((k - 1) * total) for n in norms]
        if any(n + self.eps == 0 for n in norms):
            return normalise_to_sum([1.0 if n + self.eps == 0 else 0.0 for n in norms])
        return normalise_to_sum([1.0 / (n + self.eps) for n in norms])

    def plan(self, step, losses, gramian, last_norms):
        self.count += 1
        norms = [math.sqrt(max(gramian[i][i], 0.0)) for i in range(self.k)]
        raw = self.raw(norms)
        if self.count <= self.warmup:
            w = uniform(self.k)
        else:
            self.ema = [self.beta * e + (1 - self.beta) * r for e, r in zip(self.ema, raw)]
            w = normalise_to_sum([max(e, self.floor) for e in self.ema])
        return {**same(w), "weights": list(w)}


def create_strategy(spec, k, optimiser):
    name = spec["name"]
    hyper = spec.get("hyper") or {}
    if name == "fixed":
        return Fixed(hyper, k)
    if name == "amnl":
        return Fixed(hyper, k, "weightedMse")
    if name == "amnlNormalised":
        return AmnlNormalised(hyper, k)
    if name == "uncertainty":
        return Uncertainty(hyper, k, optimiser)
    if name == "gradnorm":
        return GradNorm(hyper, k, optimiser)
    if name == "dwa":
        return Dwa(hyper, k)
    if name == "pcgrad":
        return PcGrad(hyper, k)
    if name == "gaba":
        return Gaba(hyper, k)
    if name == "gabaInverseNorm":
        return Gaba(hyper, k, rule="inverseNorm")
    if name == "grace":
        return Gaba(hyper, k, rul_loss="weightedMse")
    gramian_family = create_gramian_strategy(name, hyper, k)
    if gramian_family is not None:
        return gramian_family
    raise ValueError(f"unknown strategy {name!r}")
