"""Writes reference/fixtures/gramian/fixture.json: random gradient systems (K = 2..5) with their Gramian
and losses, and every Gramian-family method's coefficients from gramian_methods.py, plus short
sequences for the stateful methods (GradVac, RLW, FAMO, STCH).
Run: /usr/bin/python3 reference/make_gramian_fixture.py [output path]"""
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
import gramian_methods as gm  # noqa: E402
from random_source import Mulberry32  # noqa: E402


def system(rng, k):
    J = rng.normal(size=(k, k + 3))
    J[0] *= 3.0  # unequal norms, as in the book (RUL's gradient is the loud one)
    return J


def floats(values):
    return [float(v) for v in values]


def static_case(seed, k):
    rng = np.random.RandomState(seed)
    J = system(rng, k)
    losses = rng.uniform(0.2, 3.0, size=k)
    G = J @ J.T
    nash = gm.alpha_fair(J, 1.0)
    assert np.max(np.abs(nash * (G @ nash) - 1)) < 1e-10, "Nash-MTL reference did not converge"
    fair = gm.alpha_fair(J, 2.0)
    assert np.max(np.abs(G @ fair * np.sqrt(fair) - 1)) < 1e-10, "FairGrad reference did not converge"
    expected = {
        "mgda": gm.mgda(J),
        "imtlG": gm.imtl_g(J),
        "cagrad": gm.cagrad(J, 0.4),
        "cagradLibmtl": gm.cagrad(J, 0.5, rescale=True),
        "nashMtl": nash,
        "fairGrad": fair,
        "alignedMtl": gm.aligned_mtl(J),
        "upgrad": gm.upgrad(J),
        "dualProj": gm.dualproj(J),
        "gls": gm.gls(list(losses)),
    }
    return {
        "seed": seed,
        "taskCount": k,
        "gramian": [floats(row) for row in G],
        "losses": floats(losses),
        "expected": {name: floats(c) for name, c in expected.items()},
    }


def gradvac_sequence(seed, k, steps, beta):
    rng = np.random.RandomState(seed)
    random = Mulberry32(seed)
    targets = [[0.0] * k for _ in range(k)]
    out = []
    for _ in range(steps):
        J = system(rng, k)
        # Correlated steps, so the targets drift away from 0 and matter.
        J[1:] += 0.8 * J[0] / 3.0
        c = gm.gradvac_step(J, targets, random, beta)
        out.append({"gramian": [floats(r) for r in J @ J.T], "coefficients": floats(c)})
    return {"seed": seed, "taskCount": k, "beta": beta, "steps": out}


def rlw_sequence(seed, k, steps):
    normals = gm.BoxMuller(seed)
    return {"seed": seed, "taskCount": k, "steps": [gm.rlw(k, normals) for _ in range(steps)]}


def famo_sequence(seed, k, steps):
    rng = np.random.RandomState(seed)
    famo = gm.Famo(k)
    losses = rng.uniform(0.5, 2.0, size=k)
    out = []
    for _ in range(steps):
        after = losses * rng.uniform(0.7, 1.05, size=k)
        out.append({"losses": floats(losses), "lossesAfter": floats(after), "coefficients": floats(famo.coefficients(list(losses)))})
        famo.update(list(losses), list(after))
        losses = after * rng.uniform(0.95, 1.05, size=k)  # the next batch
    return {"seed": seed, "taskCount": k, "steps": out}


def stch_sequence(seed, k, steps, warmup, mu):
    rng = np.random.RandomState(seed)
    history = [floats(rng.uniform(0.3, 2.0, size=k)) for _ in range(steps)]
    nadir = np.mean(history[:warmup], axis=0)
    out = []
    for step, losses in enumerate(history, start=1):
        c = [1 / v for v in losses] if step <= warmup else gm.stch(losses, gm.torch.tensor(nadir), mu)
        out.append({"losses": losses, "coefficients": floats(c)})
    return {"seed": seed, "taskCount": k, "warmupSteps": warmup, "mu": mu, "steps": out}


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "fixtures", "gramian", "fixture.json")
    fixture = {
        "about": "Gramian-family coefficients from reference/gramian_methods.py; update d = sum_k c_k g_k.",
        "cases": [static_case(100 * k + s, k) for k in (2, 3, 4, 5) for s in range(3)],
        "gradvac": gradvac_sequence(7, 3, 6, 0.5),
        "rlw": rlw_sequence(11, 3, 5),
        "famo": famo_sequence(13, 3, 6),
        "stch": stch_sequence(17, 3, 6, 2, 0.5),
    }
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump(fixture, f, indent=1)
    print(f"wrote {path}: {len(fixture['cases'])} static cases")


if __name__ == "__main__":
    main()
