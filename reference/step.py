"""The training step of docs/step-semantics.md in PyTorch: model, losses, per-task gradients,
Gramian, the strategy's combination handed to torch.optim as .grad. Shared by replay.py (fixtures)
and bench.py (timings)."""
import math

import torch

from random_source import Mulberry32

DEFAULT_MODEL = {"inputSize": 14, "hidden": [32, 32], "activation": "relu", "headSizes": [1, 3]}
DEFAULT_ADAM = {"kind": "adam", "learningRate": 1e-3, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8}
# The activations ModelConfig allows; tfjs and torch both use α = 1 for ELU.
ACTIVATIONS = {"relu": torch.relu, "tanh": torch.tanh, "elu": torch.nn.functional.elu}


class NonFiniteError(RuntimeError):
    pass


def linear_from(weight_in_out, bias):
    """nn.Linear from the tfjs layout: W is [in][out], torch stores [out][in]."""
    w = torch.tensor(weight_in_out, dtype=torch.float32)
    layer = torch.nn.Linear(w.shape[0], w.shape[1])
    with torch.no_grad():
        layer.weight.copy_(w.t())
        layer.bias.copy_(torch.tensor(bias, dtype=torch.float32))
    return layer


def seeded_values(config, seed):
    """The doc's initialisation order: shared W (row-major [in][out]), b, ..., head V, c, ..."""
    random = Mulberry32(seed)
    sizes = [config["inputSize"], *config["hidden"]]

    def layer(fan_in, fan_out):
        bound = 1 / math.sqrt(fan_in)
        w = [[random.uniform(-bound, bound) for _ in range(fan_out)] for _ in range(fan_in)]
        return {"weight": w, "bias": [random.uniform(-bound, bound) for _ in range(fan_out)]}

    shared = [layer(a, b) for a, b in zip(sizes[:-1], sizes[1:])]
    heads = [layer(sizes[-1], out) for out in config["headSizes"]]
    return {"shared": shared, "heads": heads}


def sign_signature(pre_activation):
    """[count of z > 0, Σ (i + 1) over flat row-major indices i with z > 0]: which side of the ReLU
    kink every input is on, in two exact integers. One input changing side changes the count."""
    positive = (pre_activation.reshape(-1) > 0).to(torch.int64)
    index = torch.arange(1, positive.numel() + 1, dtype=torch.int64)
    return [int(positive.sum()), int((positive * index).sum())]


class Network:
    def __init__(self, config, values):
        self.activation = ACTIVATIONS[config.get("activation", "relu")]
        self.shared = [linear_from(l["weight"], l["bias"]) for l in values["shared"]]
        self.heads = [linear_from(l["weight"], l["bias"]) for l in values["heads"]]
        self.shared_params = [p for l in self.shared for p in (l.weight, l.bias)]
        self.head_params = [[h.weight, h.bias] for h in self.heads]
        self.all_params = self.shared_params + [p for ps in self.head_params for p in ps]

    def forward(self, x):
        h = x
        smallest, signatures = float("inf"), []
        for layer in self.shared:
            z = layer(h)
            smallest = min(smallest, float(z.detach().abs().min()))
            signatures.append(sign_signature(z.detach()))
            h = self.activation(z)
        # Where an activation input sits near its kink, float32 rounding can put it on the other side in
        # another implementation, and the gradient (not the loss) jumps: the tests need to see that.
        self.min_abs_pre_activation = smallest
        self.sign_signatures = signatures
        return [head(h) for head in self.heads]

    def export(self):
        as_layer = lambda l: {"weight": l.weight.detach().t().tolist(), "bias": l.bias.detach().tolist()}
        return {"shared": [as_layer(l) for l in self.shared], "heads": [as_layer(h) for h in self.heads]}


def task_loss(kind, output, target):
    if kind == "crossEntropy":
        picked = output.gather(1, target.long().unsqueeze(1)).squeeze(1)
        return (torch.logsumexp(output, dim=1) - picked).mean()
    prediction = output.squeeze(1)
    squared = (prediction - target) ** 2
    if kind == "mse":
        return squared.mean()
    # AMNL: w(y) = 2 − min(y, 125)/125, plain mean over the batch.
    weights = 2.0 - torch.clamp(target, max=125.0) * (1.0 / 125.0)
    return (weights * squared).mean()


def make_optimiser(config, params):
    if config["kind"] == "adam":
        betas = (config["beta1"], config["beta2"])
        return torch.optim.Adam(params, lr=config["learningRate"], betas=betas, eps=config["epsilon"])
    return torch.optim.SGD(params, lr=config["learningRate"])


def measure(net, strategy, x, targets):
    """Forward once; per-task losses, shared and head gradients, Gramian, last-layer norms."""
    outputs = net.forward(x)
    losses = [task_loss(kind, outputs[k], targets[k]) for k, kind in enumerate(strategy.task_losses)]
    n_shared = len(net.shared_params)
    shared_grads, head_grads = [], []
    for k, loss in enumerate(losses):
        grads = torch.autograd.grad(loss, net.shared_params + net.head_params[k], retain_graph=True)
        shared_grads.append(grads[:n_shared])
        head_grads.append(grads[n_shared:])
    flat = torch.stack([torch.cat([g.reshape(-1) for g in gs]) for gs in shared_grads])
    gramian = (flat @ flat.t()).tolist()
    last_w = n_shared - 2  # the last shared layer's W (its bias is last)
    last_norms = [float(torch.linalg.norm(gs[last_w])) for gs in shared_grads]
    return [float(l) for l in losses], shared_grads, head_grads, gramian, last_norms


def check_finite(step, losses, gramian, last_norms):
    for k, value in enumerate(losses):
        if not math.isfinite(value):
            raise NonFiniteError(f"step {step}: loss of task {k} is {value}")
    if not all(math.isfinite(v) for row in gramian for v in row) or not all(map(math.isfinite, last_norms)):
        raise NonFiniteError(f"step {step}: non-finite gradient")


def apply_plan(net, optimiser, plan, shared_grads, head_grads):
    c, h = plan["sharedCoefficients"], plan["headCoefficients"]
    for i, p in enumerate(net.shared_params):
        p.grad = sum(c[k] * shared_grads[k][i] for k in range(len(c)))
    for k, params in enumerate(net.head_params):
        for p, g in zip(params, head_grads[k]):
            p.grad = h[k] * g
    optimiser.step()


def record(step, losses, gramian, last_norms, plan, net):
    k = len(losses)
    norms = [math.sqrt(max(gramian[i][i], 0.0)) for i in range(k)]
    denominator = math.sqrt(max(gramian[0][0], 0.0) * max(gramian[1][1], 0.0))
    entry = {
        "step": step,
        "losses": losses,
        "gradNorms": norms,
        "cosine": gramian[0][1] / denominator if denominator > 0 else 0.0,
        "weights": list(plan["weights"]),
        "sharedCoefficients": list(plan["sharedCoefficients"]),
        "headCoefficients": list(plan["headCoefficients"]),
        # Not part of the core's StepRecord: kept so a test can replay the strategy alone on the
        # exact observations the reference saw (GradNorm's input).
        "lastLayerNorms": last_norms,
        # The smallest |input| of any shared activation over the batch (see Network.forward).
        "minAbsPreActivation": net.min_abs_pre_activation,
        # Per shared layer, sign_signature of its activation inputs at this step.
        "signSignatures": net.sign_signatures,
    }
    if "projections" in plan:
        entry["projections"] = plan["projections"]
    return entry
