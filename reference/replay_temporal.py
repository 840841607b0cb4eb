#!/usr/bin/python3
"""PyTorch replay of the temporal-backbone scenario (reference/make-temporal-scenario.ts):

    /usr/bin/python3 reference/replay_temporal.py reference/temporal/scenario.json reference/temporal/fixture.json

The step is replay.py's (step.measure, apply_plan, record, the same strategies); only the network
differs: torch's nn.Conv1d with the scenario's weights (temporal_network.py). Float32, CPU, 1 thread.
"""
import json
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from step import apply_plan, check_finite, make_optimiser, measure, record  # noqa: E402
from strategies import create_strategy  # noqa: E402
from temporal_network import TemporalNetwork  # noqa: E402


def replay(scenario):
    config = scenario["model"]
    data = scenario["data"]
    x = torch.tensor(data["x"], dtype=torch.float32)
    rul = torch.tensor(data["rul"], dtype=torch.float32)
    health = torch.tensor(data["health"], dtype=torch.int64)
    pool, batch = x.shape[0], data["batchSize"]
    net = TemporalNetwork(config, scenario["parameters"]["values"])
    strategy = create_strategy(scenario["strategy"], len(config["headSizes"]), scenario["optimiser"])
    optimiser = make_optimiser(scenario["optimiser"], net.all_params)
    records = []
    for step in range(1, scenario["steps"] + 1):
        rows = torch.tensor([((step - 1) * batch + i) % pool for i in range(batch)])
        losses, shared_grads, head_grads, gramian, last_norms = measure(net, strategy, x[rows], [rul[rows], health[rows]])
        check_finite(step, losses, gramian, last_norms)
        plan = strategy.plan(step, losses, gramian, last_norms)
        apply_plan(net, optimiser, plan, shared_grads, head_grads)
        records.append(record(step, losses, gramian, last_norms, plan, net))
    return {
        "scenario": scenario["name"],
        "generator": f"reference/replay_temporal.py, torch {torch.__version__} nn.Conv1d, float32, CPU, 1 thread",
        "steps": records,
        "finalParameters": net.export(),
    }


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    torch.set_num_threads(1)
    with open(argv[0]) as f:
        fixture = replay(json.load(f))
    with open(argv[1], "w") as f:
        json.dump(fixture, f, separators=(",", ":"))
        f.write("\n")
    last = fixture["steps"][-1]
    print(f"{argv[1]}: {len(fixture['steps'])} steps, final losses {last['losses']}, weights {last['weights']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
