#!/usr/bin/python3
"""Reference outputs and gradients of PyTorch's nn.RNN / nn.LSTM / nn.GRU, for Attento's
interop tests (cells/src/test/java/.../PyTorchInteropTest).

Run with Debian's PyTorch (apt-get install python3-torch):

    /usr/bin/python3 cells/src/test/resources/pytorch/make_fixtures.py

For each case it writes <case>.weights.safetensors (state_dict names weight_ih_l0, ...),
<case>.input.safetensors (input [batch, time, features] and grad_output), and
<case>.expected.safetensors (output, h_n, c_n for LSTM, grad_input and grad_<weight name>).
The safetensors files are written by hand (8-byte little-endian header length, JSON header,
raw little-endian float32), so no extra Python package is needed.
"""
import json
import os
import struct
import zlib

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
BATCH, TIME, FEATURES, HIDDEN = 3, 5, 4, 6


def write_safetensors(path, tensors):
    header, blobs, offset = {}, [], 0
    for name in sorted(tensors):
        t = tensors[name].detach().contiguous().to(torch.float32)
        data = t.numpy().astype("<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for b in blobs:
            f.write(b)


def case(name, module, with_cell_state=False):
    torch.manual_seed(zlib.crc32(name.encode()))
    x = torch.randn(BATCH, TIME, FEATURES, requires_grad=True)
    grad_out = torch.randn(BATCH, TIME, HIDDEN)
    output, state = module(x)
    output.backward(grad_out)
    weights = {k: v for k, v in module.state_dict().items()}
    expected = {"output": output, "grad_input": x.grad}
    if with_cell_state:
        expected["h_n"], expected["c_n"] = state[0][0], state[1][0]
    else:
        expected["h_n"] = state[0]
    for k, p in module.named_parameters():
        expected["grad_" + k] = p.grad
    write_safetensors(os.path.join(HERE, name + ".weights.safetensors"), weights)
    write_safetensors(os.path.join(HERE, name + ".input.safetensors"), {"input": x, "grad_output": grad_out})
    write_safetensors(os.path.join(HERE, name + ".expected.safetensors"), expected)


if __name__ == "__main__":
    torch.manual_seed(0)
    case("rnn_tanh", torch.nn.RNN(FEATURES, HIDDEN, nonlinearity="tanh", batch_first=True))
    case("rnn_relu", torch.nn.RNN(FEATURES, HIDDEN, nonlinearity="relu", batch_first=True))
    case("lstm", torch.nn.LSTM(FEATURES, HIDDEN, batch_first=True), with_cell_state=True)
    case("gru", torch.nn.GRU(FEATURES, HIDDEN, batch_first=True))
    print("torch", torch.__version__, "fixtures written to", HERE)
