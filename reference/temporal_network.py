"""The temporal backbone of docs/step-semantics.md ("Temporal model") in PyTorch, with torch's own
nn.Conv1d: the core writes a convolution as a dense layer W[j·C_in + c][o] over time patches; here the
same numbers sit in Conv1d's weight[o][c][j]. Same interface as step.Network, so step.measure,
apply_plan and record work on it unchanged."""
import torch

from step import ACTIVATIONS, linear_from, sign_signature


def conv_from(weight_patch_out, bias, in_channels, kernel, stride):
    """nn.Conv1d from the core's layout: row j·C_in + c of W is tap j of input channel c."""
    w = torch.tensor(weight_patch_out, dtype=torch.float32)  # [k·C_in, C_out]
    out_channels = w.shape[1]
    layer = torch.nn.Conv1d(in_channels, out_channels, kernel, stride=stride)
    with torch.no_grad():
        layer.weight.copy_(w.reshape(kernel, in_channels, out_channels).permute(2, 1, 0))
        layer.bias.copy_(torch.tensor(bias, dtype=torch.float32))
    return layer


def conv_export(layer):
    """Back to the core's [k·C_in][C_out] layout."""
    out_channels, in_channels, kernel = layer.weight.shape
    w = layer.weight.detach().permute(2, 1, 0).reshape(kernel * in_channels, out_channels)
    return {"weight": w.tolist(), "bias": layer.bias.detach().tolist()}


class TemporalNetwork:
    def __init__(self, config, values):
        self.activation = ACTIVATIONS[config.get("activation", "relu")]
        temporal = config["temporal"]
        self.window_length = temporal["windowLength"]
        self.input_size = config["inputSize"]
        convs = temporal["convolutions"]
        channels = [self.input_size] + [c["channels"] for c in convs]
        self.convs = [
            conv_from(values["shared"][i]["weight"], values["shared"][i]["bias"], channels[i], c["kernel"], c["stride"])
            for i, c in enumerate(convs)
        ]
        self.dense = [linear_from(l["weight"], l["bias"]) for l in values["shared"][len(convs):]]
        self.heads = [linear_from(l["weight"], l["bias"]) for l in values["heads"]]
        self.shared = self.convs + self.dense
        self.shared_params = [p for l in self.shared for p in (l.weight, l.bias)]
        self.head_params = [[h.weight, h.bias] for h in self.heads]
        self.all_params = self.shared_params + [p for ps in self.head_params for p in ps]

    def forward(self, x):
        # Rows are windows, time-major: [B, T·F] → [B, T, F] → Conv1d's [B, channels, time].
        h = x.reshape(x.shape[0], self.window_length, self.input_size).transpose(1, 2)
        smallest, signatures = float("inf"), []

        def through(layer, h):
            nonlocal smallest
            z = layer(h)
            smallest = min(smallest, float(z.detach().abs().min()))
            # Signatures in the core's row-major order of pre-activations: [B, time, channels] for convs.
            signatures.append(sign_signature(z.detach().transpose(1, 2) if z.dim() == 3 else z.detach()))
            return self.activation(z)

        for conv in self.convs:
            h = through(conv, h)
        h = h.mean(dim=2)
        for layer in self.dense:
            h = through(layer, h)
        self.min_abs_pre_activation = smallest
        self.sign_signatures = signatures
        return [head(h) for head in self.heads]

    def export(self):
        as_layer = lambda l: {"weight": l.weight.detach().t().tolist(), "bias": l.bias.detach().tolist()}
        return {
            "shared": [conv_export(c) for c in self.convs] + [as_layer(l) for l in self.dense],
            "heads": [as_layer(h) for h in self.heads],
        }
