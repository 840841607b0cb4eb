"""Timing of the toy GABA step in PyTorch eager mode (CPU, float32, one thread), for bench/core.ts.

Model 14 → 32 → 32 (ReLU), heads 1 and 3, batch 64, Adam with PyTorch's defaults, GABA defaults.
fused: one forward, torch.autograd.grad per task (retain_graph), Gramian and losses read back in one
go, the combination written to .grad, optimiser step.
naive: per task a forward and backward (for the norms), then a third forward and backward on
Σ_k c_k L_k: the textbook way, three backward passes.
Both read the same numbers back to the host per step, as the tfjs trainer does.
"""
import statistics
import time

import torch

from step import DEFAULT_ADAM, DEFAULT_MODEL, Network, make_optimiser, seeded_values, task_loss
from strategies import create_strategy

BATCH = 64


def toy_batch():
    generator = torch.Generator().manual_seed(0)
    x = torch.randn(BATCH, DEFAULT_MODEL["inputSize"], generator=generator)
    rul = torch.rand(BATCH, generator=generator) * 125
    # Health from the capped RUL with the book's thresholds: 0 normal > 80, 1 degrading > 30, 2 critical.
    health = (rul <= 80).long() + (rul <= 30).long()
    return x, [rul, health]


def fused_step(net, strategy, optimiser, x, targets):
    outputs = net.forward(x)
    losses = [task_loss(kind, outputs[k], targets[k]) for k, kind in enumerate(strategy.task_losses)]
    n_shared = len(net.shared_params)
    grads = [
        torch.autograd.grad(loss, net.shared_params + net.head_params[k], retain_graph=(k < len(losses) - 1))
        for k, loss in enumerate(losses)
    ]
    flat = torch.stack([torch.cat([g.reshape(-1) for g in gs[:n_shared]]) for gs in grads])
    summary = torch.cat([torch.stack(losses), (flat @ flat.t()).reshape(-1)]).tolist()  # one readback
    k = len(losses)
    gramian = [summary[k + i * k: k + (i + 1) * k] for i in range(k)]
    plan = strategy.plan(0, summary[:k], gramian, [])
    c, h = plan["sharedCoefficients"], plan["headCoefficients"]
    for i, p in enumerate(net.shared_params):
        p.grad = sum(c[j] * grads[j][i] for j in range(k))
    for j, params in enumerate(net.head_params):
        for p, g in zip(params, grads[j][n_shared:]):
            p.grad = h[j] * g
    optimiser.step()


def naive_step(net, strategy, optimiser, x, targets):
    k = len(strategy.task_losses)
    flats, losses = [], []
    for j, kind in enumerate(strategy.task_losses):
        optimiser.zero_grad(set_to_none=True)
        loss = task_loss(kind, net.forward(x)[j], targets[j])
        loss.backward()
        flats.append(torch.cat([p.grad.reshape(-1) for p in net.shared_params]))
        losses.append(loss.detach())
    flat = torch.stack(flats)
    summary = torch.cat([torch.stack(losses), (flat @ flat.t()).reshape(-1)]).tolist()
    gramian = [summary[k + i * k: k + (i + 1) * k] for i in range(k)]
    plan = strategy.plan(0, summary[:k], gramian, [])
    # GABA uses the same coefficient for shared parameters and heads, so one weighted loss does it.
    optimiser.zero_grad(set_to_none=True)
    outputs = net.forward(x)
    total = sum(plan["sharedCoefficients"][j] * task_loss(kind, outputs[j], targets[j])
                for j, kind in enumerate(strategy.task_losses))
    total.backward()
    optimiser.step()


def time_path(step_fn, steps, repeats, warmup=100):
    net = Network(DEFAULT_MODEL, seeded_values(DEFAULT_MODEL, 1))
    strategy = create_strategy({"name": "gaba"}, 2, DEFAULT_ADAM)
    optimiser = make_optimiser(DEFAULT_ADAM, net.all_params)
    x, targets = toy_batch()
    for _ in range(warmup):
        step_fn(net, strategy, optimiser, x, targets)
    rates = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(steps):
            step_fn(net, strategy, optimiser, x, targets)
        rates.append(steps / (time.perf_counter() - start))
    return {"medianStepsPerSecond": statistics.median(rates), "runs": rates}


def run_bench(steps=300, repeats=7):
    return {
        "implementation": "PyTorch eager, CPU, float32",
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "batch": BATCH,
        "stepsPerRepeat": steps,
        "repeats": repeats,
        "fused": time_path(fused_step, steps, repeats),
        "naive": time_path(naive_step, steps, repeats),
    }
