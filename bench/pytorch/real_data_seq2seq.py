"""PyTorch twin of Attento's real-data BPE model (examples/real-data/libreoffice-en-it-bpe.json).

Issue 14: the same architecture, tokens and hyper-parameters as Attento, trained for the same
number of steps on the same data, so that the two BLEU scores and wall times can be compared.
The tokens are the same because this script reads files of BPE pieces written by
`attento data bpe apply` with the merges of an Attento run, and that run's vocabularies
(`source.vocab.json`, `target.vocab.json`), so the embedding tables have the same rows.

Architecture, as Attento's seq2seq/model (Encoder, LayerStack, AttentionDecoder, Translator)
builds it:
  encoder  : embedding E (init uniform +-0.1) -> 2-layer LSTM H, dropout p on the input of
             layer 2 only (LayerStack: none on the embeddings); padded steps masked (packed).
  decoder  : state initialised from the encoder's final (h, c) of each layer; h~_0 = 0.
             x_t = [emb(y_{t-1}); h~_{t-1}] (input feeding), 2 LSTM cells, dropout p on the
             input of layer 2; Luong 'general' score h_t . (W_a hbar_s), W_a without bias,
             padding masked; c_t = sum_s a_s hbar_s; h~_t = tanh(W_c [c_t; h_t] + b_c) (Luong
             eq. 5); logits = dropout(h~_t) E_tgt^T + b (tied target embedding / output layer).
  init     : LSTM weight_ih Xavier-uniform, weight_hh orthogonal per gate block, biases 0 but
             the forget gate's input bias 1.0; W_a, W_c uniform +-1/sqrt(fan_in); biases 0.
  training : Adam (0.9, 0.999, 1e-8) lr 0.002 constant, global gradient-norm clip 1.0,
             label-smoothed cross-entropy 0.1 (mean over target tokens), batches of 64 drawn
             as Attento's 'bucketed' plan: every epoch shuffle, cut into pools of 50 batches,
             sort each pool by source length, cut into batches, shuffle the batches.
             Pairs with more than 40 pieces on either side are dropped.
  decoding : greedy, at most 3 * source length + 20 pieces, <unk> never emitted (Attento's
             forbidUnknown for a subword target).
Output: one line of space-separated target pieces per input line (dev, test), to be turned into
text with `attento data bpe decode` and scored with `attento eval --hyp --ref`; and a JSON line
with the timings (wall, CPU, target tokens/s).

Usage: real_data_seq2seq.py --train train.pieces.tsv --src-vocab source.vocab.json
       --tgt-vocab target.vocab.json --steps 1000 --seed 1 --decode dev.pieces.en:dev.hyp ...
"""
import argparse
import json
import random
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

PAD, BOS, EOS, UNK = 0, 1, 2, 3
POOL_BATCHES = 50


# ----------------------------------------------------------------------------- data
def load_vocab(path):
    with open(path, encoding="utf-8") as f:
        tokens = json.load(f)["tokens"]
    if tokens[:4] != ["<pad>", "<s>", "</s>", "<unk>"]:
        raise SystemExit(f"{path}: expected <pad> <s> </s> <unk> first, got {tokens[:4]}")
    return tokens, {t: i for i, t in enumerate(tokens)}


def ids(line, index):
    return [index.get(p, UNK) for p in line.split()]


def read_pairs(path, src_index, tgt_index, max_len):
    pairs, dropped = [], 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            src, tgt = line.rstrip("\n").split("\t")[:2]
            s, t = ids(src, src_index), ids(tgt, tgt_index)
            if not s or not t or len(s) > max_len or len(t) > max_len:
                dropped += 1
                continue
            pairs.append((s, t))
    return pairs, dropped


def bucketed_batches(pairs, batch_size, rng):
    """One epoch of batches, drawn as Attento's BatchPlan BUCKETED does (with Python's RNG)."""
    order = list(range(len(pairs)))
    rng.shuffle(order)
    pool = min(len(order), batch_size * POOL_BATCHES)
    batches = []
    for start in range(0, len(order), pool):
        p = sorted(order[start:start + pool], key=lambda i: (len(pairs[i][0]), i))
        batches.extend(p[i:i + batch_size] for i in range(0, len(p), batch_size))
    rng.shuffle(batches)
    return batches


def tensors(pairs, rows):
    src = [pairs[i][0] for i in rows]
    tgt = [pairs[i][1] for i in rows]
    S, T = max(map(len, src)), max(map(len, tgt)) + 1
    s = torch.full((len(rows), S), PAD, dtype=torch.long)
    ti = torch.full((len(rows), T), PAD, dtype=torch.long)
    to = torch.full((len(rows), T), PAD, dtype=torch.long)
    for r, (a, b) in enumerate(zip(src, tgt)):
        s[r, :len(a)] = torch.tensor(a)
        ti[r, 0] = BOS
        ti[r, 1:len(b) + 1] = torch.tensor(b)
        to[r, :len(b)] = torch.tensor(b)
        to[r, len(b)] = EOS
    return s, torch.tensor([len(a) for a in src]), ti, to


# ----------------------------------------------------------------------------- model
def init_lstm(weight_ih, weight_hh, bias_ih, bias_hh, hidden):
    nn.init.xavier_uniform_(weight_ih)
    for g in range(4):
        nn.init.orthogonal_(weight_hh.data[g * hidden:(g + 1) * hidden])
    nn.init.zeros_(bias_ih)
    nn.init.zeros_(bias_hh)
    bias_ih.data[hidden:2 * hidden] = 1.0  # gates i, f, g, o: forget bias 1.0


def linear_uniform(weight):
    bound = 1.0 / weight.size(1) ** 0.5
    nn.init.uniform_(weight, -bound, bound)


class Model(nn.Module):
    def __init__(self, src_vocab, tgt_vocab, emb, hid, layers, dropout):
        super().__init__()
        if emb != hid:
            raise SystemExit("tied embeddings need embedding == hidden")
        self.hid, self.layers, self.p = hid, layers, dropout
        self.src_emb = nn.Embedding(src_vocab, emb)
        self.tgt_emb = nn.Embedding(tgt_vocab, emb)
        nn.init.uniform_(self.src_emb.weight, -0.1, 0.1)
        nn.init.uniform_(self.tgt_emb.weight, -0.1, 0.1)
        self.encoder = nn.LSTM(emb, hid, num_layers=layers, dropout=dropout, batch_first=True)
        for l in range(layers):
            init_lstm(*(getattr(self.encoder, f"{n}_l{l}") for n in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")),
                      hid)
        self.cells = nn.ModuleList(nn.LSTMCell(emb + hid if l == 0 else hid, hid) for l in range(layers))
        for c in self.cells:
            init_lstm(c.weight_ih, c.weight_hh, c.bias_ih, c.bias_hh, hid)
        self.W_a = nn.Linear(hid, hid, bias=False)
        self.W_c = nn.Linear(2 * hid, hid)
        linear_uniform(self.W_a.weight)
        linear_uniform(self.W_c.weight)
        nn.init.zeros_(self.W_c.bias)
        self.out_bias = nn.Parameter(torch.zeros(tgt_vocab))

    def encode(self, src, src_len):
        packed = pack_padded_sequence(self.src_emb(src), src_len, batch_first=True, enforce_sorted=False)
        out, (h, c) = self.encoder(packed)
        out, _ = pad_packed_sequence(out, batch_first=True, total_length=src.size(1))
        state = [(h[l], c[l]) for l in range(self.layers)]
        return {"state": state, "feed": out.new_zeros(src.size(0), self.hid), "keys": self.W_a(out),
                "values": out, "pad": src == PAD}

    def step(self, y_prev, st):
        x = torch.cat([self.tgt_emb(y_prev), st["feed"]], 1)
        state = []
        for l, cell in enumerate(self.cells):
            if l > 0:
                x = F.dropout(x, self.p, self.training)
            h, c = cell(x, st["state"][l])
            state.append((h, c))
            x = h
        scores = torch.bmm(st["keys"], x.unsqueeze(2)).squeeze(2).masked_fill(st["pad"], float("-inf"))
        ctx = torch.bmm(torch.softmax(scores, 1).unsqueeze(1), st["values"]).squeeze(1)
        h_tilde = torch.tanh(self.W_c(torch.cat([ctx, x], 1)))
        return h_tilde, dict(st, state=state, feed=h_tilde)

    def logits(self, h_tilde):
        return F.linear(F.dropout(h_tilde, self.p, self.training), self.tgt_emb.weight, self.out_bias)

    def loss(self, src, src_len, tgt_in, tgt_out, smoothing):
        st = self.encode(src, src_len)
        outputs = []
        for t in range(tgt_in.size(1)):
            h_tilde, st = self.step(tgt_in[:, t], st)
            outputs.append(h_tilde)
        # One projection over all steps: the same maths as per step, without T small matmuls.
        logits = self.logits(torch.stack(outputs, 1))
        return F.cross_entropy(logits.reshape(-1, logits.size(-1)), tgt_out.reshape(-1), ignore_index=PAD,
                               label_smoothing=smoothing)

    @torch.no_grad()
    def greedy(self, src, src_len, ratio, extra):
        st = self.encode(src, src_len)
        B = src.size(0)
        limit = (src_len.double() * ratio).floor().long() + extra
        y = torch.full((B,), BOS, dtype=torch.long)
        done = torch.zeros(B, dtype=torch.bool)
        outs = []
        for t in range(int(limit.max())):
            h_tilde, st = self.step(y, st)
            lg = self.logits(h_tilde)
            lg[:, [PAD, BOS, UNK]] = float("-inf")
            y = lg.argmax(1)
            outs.append(y.masked_fill(done, PAD))
            done = done | (y == EOS) | (limit <= t + 1)
            if bool(done.all()):
                break
        return torch.stack(outs, 1)


# ----------------------------------------------------------------------------- main
def decode_file(model, path_in, path_out, src_index, tgt_tokens, args):
    with open(path_in, encoding="utf-8") as f:
        lines = [ids(line.split("\t")[0], src_index) or [EOS] for line in f.read().splitlines()]
    order = sorted(range(len(lines)), key=lambda i: len(lines[i]))
    hyps = [None] * len(lines)
    for k in range(0, len(order), args.batch_size):
        rows = order[k:k + args.batch_size]
        S = max(len(lines[i]) for i in rows)
        src = torch.full((len(rows), S), PAD, dtype=torch.long)
        for r, i in enumerate(rows):
            src[r, :len(lines[i])] = torch.tensor(lines[i])
        out = model.greedy(src, torch.tensor([len(lines[i]) for i in rows]), args.max_length_ratio,
                           args.max_length_extra)
        for r, i in enumerate(rows):
            pieces = []
            for y in out[r].tolist():
                if y in (EOS, PAD):
                    break
                pieces.append(tgt_tokens[y])
            hyps[i] = " ".join(pieces)
    with open(path_out, "w", encoding="utf-8") as f:
        f.write("".join(h + "\n" for h in hyps))
    return len(hyps)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--train", required=True, help="TSV of BPE pieces (source<TAB>target)")
    ap.add_argument("--src-vocab", required=True)
    ap.add_argument("--tgt-vocab", required=True)
    ap.add_argument("--decode", action="append", default=[], metavar="IN:OUT",
                    help="after training, translate the first column of IN (pieces) into OUT (pieces)")
    ap.add_argument("--steps", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--max-length", type=int, default=40)
    ap.add_argument("--embedding", type=int, default=128)
    ap.add_argument("--hidden", type=int, default=128)
    ap.add_argument("--layers", type=int, default=2)
    ap.add_argument("--dropout", type=float, default=0.3)
    ap.add_argument("--lr", type=float, default=0.002)
    ap.add_argument("--clip", type=float, default=1.0)
    ap.add_argument("--label-smoothing", type=float, default=0.1)
    ap.add_argument("--max-length-ratio", type=float, default=3.0)
    ap.add_argument("--max-length-extra", type=int, default=20)
    ap.add_argument("--log-every", type=int, default=100)
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    wall0, cpu0 = time.perf_counter(), time.process_time()
    src_tokens, src_index = load_vocab(args.src_vocab)
    tgt_tokens, tgt_index = load_vocab(args.tgt_vocab)
    pairs, dropped = read_pairs(args.train, src_index, tgt_index, args.max_length)
    model = Model(len(src_tokens), len(tgt_tokens), args.embedding, args.hidden, args.layers, args.dropout)
    n_params = sum(p.numel() for p in model.parameters())
    print(f"data: {len(pairs)} train pairs kept ({dropped} longer than {args.max_length} pieces dropped); "
          f"vocabularies {len(src_tokens)} / {len(tgt_tokens)}; model: {n_params:,} parameters", flush=True)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr, betas=(0.9, 0.999), eps=1e-8)

    batches, step_rates, tokens, train_wall = [], [], 0, 0.0
    model.train()
    for step in range(1, args.steps + 1):
        if not batches:
            batches = bucketed_batches(pairs, args.batch_size, rng)
        src, src_len, tgt_in, tgt_out = tensors(pairs, batches.pop(0))
        t0 = time.perf_counter()
        opt.zero_grad()
        loss = model.loss(src, src_len, tgt_in, tgt_out, args.label_smoothing)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), args.clip)
        opt.step()
        dt = time.perf_counter() - t0
        n = int((tgt_out != PAD).sum())
        tokens, train_wall = tokens + n, train_wall + dt
        step_rates.append(n / dt)
        if step % args.log_every == 0 or step == args.steps:
            print(f"step {step}/{args.steps}  loss {loss.item():.3f} | {n / dt:.0f} tok/s", flush=True)
    train_cpu = time.process_time() - cpu0

    model.eval()
    for spec in args.decode:
        path_in, path_out = spec.split(":")
        n = decode_file(model, path_in, path_out, src_index, tgt_tokens, args)
        print(f"translated {n} lines of {path_in} into {path_out}", flush=True)
    print(json.dumps({
        "steps": args.steps, "seed": args.seed, "threads": args.threads, "parameters": n_params,
        "train_target_tokens": tokens, "train_step_seconds": round(train_wall, 2),
        "target_tokens_per_s_total": round(tokens / train_wall, 1),
        "target_tokens_per_s_median_step": round(float(np.median(step_rates[3:] or step_rates)), 1),
        "train_cpu_seconds": round(train_cpu, 1),
        "wall_seconds": round(time.perf_counter() - wall0, 1), "cpu_seconds": round(time.process_time() - cpu0, 1),
        "torch": torch.__version__}), flush=True)


if __name__ == "__main__":
    main()
