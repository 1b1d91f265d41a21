#!/usr/bin/env bash
# Runs Attento's and PyTorch's benchmarks on this machine, interleaved over several rounds,
# and prints medians and the median of the per-round ratios Attento / PyTorch. Only ratios
# measured side by side mean anything: machines differ, and a shared machine's load drifts,
# which interleaving spreads over both sides alike.
# Installs Debian's python3-torch and unpacks OpenBLAS (without installing it) if missing.
#   bench/compare-with-pytorch.sh                     # 3 rounds (~15 minutes)
#   ROUNDS=1 STEPS=100 bench/compare-with-pytorch.sh  # one quick round
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
OUT="${OUT:-$ROOT/runs/bench-$(date +%Y%m%d-%H%M%S)}"
STEPS="${STEPS:-200}"
ROUNDS="${ROUNDS:-3}"
PY=/usr/bin/python3
mkdir -p "$OUT"

if ! "$PY" -c 'import torch' 2>/dev/null; then
  echo "installing Debian's python3-torch..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch >&2
fi
OBO=/tmp/openblas-omp/usr/lib/x86_64-linux-gnu/openblas-openmp
[ -e "$OBO/libblas.so.3" ] || sh "$HERE/pytorch/setup_openblas.sh" /tmp/openblas-omp >&2
TORCH_ENV=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "LD_LIBRARY_PATH=$OBO")
"$ROOT/attento" --version >/dev/null # build the jar before timing anything

for r in $(seq 1 "$ROUNDS"); do
  # One JVM per variant, as PyTorch runs one process per variant: peak RSS is then each one's own.
  for v in lstm:fixed lstm:attention gru:fixed gru:attention; do
    echo ">>> round $r/$ROUNDS: attento bench $v" >&2
    "$ROOT/attento" bench --json --variants "$v" --skip gemm,decode --steps "$STEPS" --warmup 20 \
      > "$OUT/attento.$r.${v/:/-}.json"
  done
  # Decoding in JVMs of its own with untrained weights, as greedy_decode.py runs. After training
  # in the same JVM, C2's profiles include the training paths and decoding ran ~1.5x slower;
  # after batch-1 decoding, batch 64 often ran at half speed. So batch 64 gets a fresh JVM too
  # (PyTorch, without a JIT, has no such history; a user's translate or eval starts fresh).
  echo ">>> round $r/$ROUNDS: attento bench decode" >&2
  "$ROOT/attento" bench --json --variants lstm:attention --skip train,gemm --decode 300 > "$OUT/attento.$r.decode.json"
  "$ROOT/attento" bench --json --variants lstm:attention --skip train,gemm --decode 0 > "$OUT/attento.$r.decode64.json"
  "$ROOT/attento" bench --json --skip train,decode > "$OUT/attento.$r.gemm.json"
  echo ">>> round $r/$ROUNDS: pytorch gemm" >&2
  "${TORCH_ENV[@]}" "$PY" "$HERE/pytorch/gemm.py" --no-measure \
    --shapes 64x320x1024,64x256x1024,64x1024x256,1024x1024x1024,1x320x1024 > "$OUT/torch_gemm.$r.json" 2> "$OUT/torch_gemm.$r.log"
  echo ">>> round $r/$ROUNDS: pytorch train" >&2
  "${TORCH_ENV[@]}" "$PY" "$HERE/pytorch/seq2seq_train.py" --steps "$STEPS" --warmup 20 \
    --variants lstm:fixed_fast,lstm:attn_loop,gru:fixed_fast,gru:attn_loop > "$OUT/torch_train.$r.json" 2> "$OUT/torch_train.$r.log"
  echo ">>> round $r/$ROUNDS: pytorch decode" >&2
  "${TORCH_ENV[@]}" "$PY" "$HERE/pytorch/greedy_decode.py" > "$OUT/torch_decode.$r.json" 2> "$OUT/torch_decode.$r.log"
done

"$PY" - "$OUT" "$ROUNDS" <<'PYEOF'
import json, os, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])
def last_json(name):
    lines = [l for l in open(os.path.join(out, name)) if l.strip().startswith("{")]
    return json.loads(lines[-1])
names = {"lstm:fixed": "lstm:fixed_fast", "lstm:attention": "lstm:attn_loop",
         "gru:fixed": "gru:fixed_fast", "gru:attention": "gru:attn_loop"}
rows = {}  # metric -> list of (attento, pytorch) per round
def add(key, a, t):
    if a is not None and t:
        rows.setdefault(key, []).append((a, t))
cpu = kernel = java = ""
for r in range(1, rounds + 1):
    a = json.load(open(os.path.join(out, f"attento.{r}.gemm.json")))
    kernel, java = a["kernel"], a["java"]
    a["variants"] = [json.load(open(os.path.join(out, f"attento.{r}.{v}.json")))["variants"][0]
                     for v in ("lstm-fixed", "lstm-attention", "gru-fixed", "gru-attention")]
    decode = json.load(open(os.path.join(out, f"attento.{r}.decode.json")))["variants"][0]
    decode64 = json.load(open(os.path.join(out, f"attento.{r}.decode64.json")))["variants"][0]
    for v in a["variants"]:
        if v["variant"] == "lstm:attention":
            v.update({k: x for k, x in decode.items() if k.startswith("decode_batch1_")})
            v.update({k: x for k, x in decode64.items() if k.startswith("decode_batch64_")})
    tt = {x["variant"]: x for x in last_json(f"torch_train.{r}.json")["results"]}
    td = {(x["batch"], x["mode"]): x for x in last_json(f"torch_decode.{r}.json")["results"]}
    tg = last_json(f"torch_gemm.{r}.json")
    cpu = tg.get("cpu", {}).get("model_name", "?")
    for v in a["variants"]:
        t = tt.get(names.get(v["variant"], ""), {})
        add(f"train {v['variant']} tok/s", v.get("train_tokens_per_s"), t.get("tgt_tokens_per_s"))
        add(f"train {v['variant']} peak RSS MB (lower is better)", v.get("peak_rss_mb"), t.get("peak_rss_mb"))
        if v["variant"] == "lstm:attention":
            for b in (1, 64):
                add(f"greedy decode batch {b} sent/s (lstm + attention, 30 steps)",
                    v.get(f"decode_batch{b}_sentences_per_s"), td.get((b, "fixed30"), {}).get("sent_per_s"))
    torch_gemm = {(g.get("M"), g.get("K"), g.get("N")): g for g in tg.get("results", [])}
    for g in a.get("gemm", []):
        t = torch_gemm.get((g["m"], g["k"], g["n"]))
        if t:
            add(f"GEMM {g['m']}x{g['k']}x{g['n']} {g['layout']} GFLOP/s", g["gflops"],
                t["linear"]["gflops"] if g["layout"] != "A·B" else t["mm"]["gflops"])
print(f"machine: {cpu}; attento: {kernel}, Java {java}; {rounds} interleaved round(s), medians")
print("| measure | Attento | PyTorch | ratio (median of rounds) | ratios per round |")
print("|---|---|---|---|---|")
for key, vals in rows.items():
    ratios = [x / y for x, y in vals]
    print(f"| {key} | {statistics.median(x for x, _ in vals):g} | {statistics.median(y for _, y in vals):g} | "
          f"{statistics.median(ratios):.2f} | {' '.join(f'{q:.2f}' for q in ratios)} |")
PYEOF
echo "raw results in $OUT" >&2
