#!/usr/bin/python3
"""PyTorch reference for the core's training step (docs/step-semantics.md).

    /usr/bin/python3 reference/replay.py SCENARIO_DIR FIXTURE_DIR   # one fixture per scenario
    /usr/bin/python3 reference/replay.py --bench [--steps N] [--repeats R]

Float32 on the CPU with one thread, so the numbers do not depend on the machine's core count.
Written from the step contract, not from the TypeScript trainer: per-task gradients come from
torch.autograd.grad, the update is handed to torch.optim as the parameters' .grad.
"""
import json
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import run_bench  # noqa: E402
from step import (  # noqa: E402
    DEFAULT_ADAM, DEFAULT_MODEL, Network, apply_plan, check_finite, make_optimiser, measure, record, seeded_values,
)
from strategies import create_strategy  # noqa: E402

def replay(scenario):
    config = {**DEFAULT_MODEL, **(scenario.get("model") or {})}
    parameters = scenario["parameters"]
    values = parameters["values"] if "values" in parameters else seeded_values(config, parameters["seed"])
    data = scenario["data"]
    if data["kind"] != "explicit":
        raise ValueError("the reference replays explicit data pools only (synthetic data is generated in TS)")
    x = torch.tensor(data["x"], dtype=torch.float32)
    rul = torch.tensor(data["rul"], dtype=torch.float32)
    health = torch.tensor(data["health"], dtype=torch.int64)
    pool, batch = x.shape[0], data["batchSize"]
    optimiser_config = scenario.get("optimiser") or DEFAULT_ADAM
    task_count = len(config["headSizes"])
    net = Network(config, values)
    strategy = create_strategy(scenario["strategy"], task_count, optimiser_config)
    optimiser = make_optimiser(optimiser_config, net.all_params)
    records = []
    for step in range(1, scenario["steps"] + 1):
        rows = torch.tensor([((step - 1) * batch + i) % pool for i in range(batch)])
        targets = [rul[rows]] + [health[rows]] * (task_count - 1)
        losses, shared_grads, head_grads, gramian, last_norms = measure(net, strategy, x[rows], targets)
        check_finite(step, losses, gramian, last_norms)
        plan = strategy.plan(step, losses, gramian, last_norms)
        apply_plan(net, optimiser, plan, shared_grads, head_grads)
        records.append(record(step, losses, gramian, last_norms, plan, net))
    return {
        "scenario": scenario.get("name"),
        "generator": f"reference/replay.py, torch {torch.__version__}, float32, CPU, 1 thread",
        "steps": records,
        "finalParameters": net.export(),
    }


def replay_folder(scenario_dir, fixture_dir):
    os.makedirs(fixture_dir, exist_ok=True)
    for name in sorted(os.listdir(scenario_dir)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(scenario_dir, name)) as f:
            scenario = json.load(f)
        fixture = replay(scenario)
        with open(os.path.join(fixture_dir, name), "w") as f:
            json.dump(fixture, f, separators=(",", ":"))
            f.write("\n")
        last = fixture["steps"][-1]
        print(f"{name}: {len(fixture['steps'])} steps, final losses {last['losses']}, weights {last['weights']}")


def main(argv):
    torch.set_num_threads(1)
    if "--bench" in argv:
        option = lambda flag, default: int(argv[argv.index(flag) + 1]) if flag in argv else default
        result = run_bench(steps=option("--steps", 300), repeats=option("--repeats", 7))
        print(json.dumps(result))
        return 0
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    replay_folder(argv[0], argv[1])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
