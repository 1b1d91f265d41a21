#!/usr/bin/env bash
# Runs Attento's and PyTorch's benchmarks one after the other on this machine and prints the
# ratios Attento / PyTorch (only ratios measured in one sitting mean anything: machines differ).
# Installs Debian's python3-torch and unpacks OpenBLAS (without installing it) if missing.
#   bench/compare-with-pytorch.sh            # everything (~10 minutes)
#   STEPS=100 bench/compare-with-pytorch.sh  # training steps per variant on both sides
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
OUT="${OUT:-$ROOT/runs/bench-$(date +%Y%m%d-%H%M%S)}"
STEPS="${STEPS:-200}"
PY=/usr/bin/python3
mkdir -p "$OUT"

if ! "$PY" -c 'import torch' 2>/dev/null; then
  echo "installing Debian's python3-torch..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch >&2
fi
OBO=/tmp/openblas-omp/usr/lib/x86_64-linux-gnu/openblas-openmp
[ -e "$OBO/libblas.so.3" ] || sh "$HERE/pytorch/setup_openblas.sh" /tmp/openblas-omp >&2
TORCH_ENV=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "LD_LIBRARY_PATH=$OBO")

echo ">>> attento bench" >&2
"$ROOT/attento" bench --json --steps "$STEPS" --warmup 20 --decode 300 > "$OUT/attento.json"
echo ">>> pytorch gemm" >&2
"${TORCH_ENV[@]}" "$PY" "$HERE/pytorch/gemm.py" --no-measure --shapes 64x320x1024,64x256x1024,64x1024x256,1024x1024x1024,1x320x1024 > "$OUT/torch_gemm.json" 2> "$OUT/torch_gemm.log"
echo ">>> pytorch train" >&2
"${TORCH_ENV[@]}" "$PY" "$HERE/pytorch/seq2seq_train.py" --steps "$STEPS" --warmup 20 \
  --variants lstm:fixed_fast,lstm:attn_loop,gru:fixed_fast,gru:attn_loop > "$OUT/torch_train.json" 2> "$OUT/torch_train.log"
echo ">>> pytorch decode" >&2
"${TORCH_ENV[@]}" "$PY" "$HERE/pytorch/greedy_decode.py" > "$OUT/torch_decode.json" 2> "$OUT/torch_decode.log"

"$PY" - "$OUT" <<'PYEOF'
import json, sys, os
out = sys.argv[1]
a = json.load(open(os.path.join(out, "attento.json")))
def last_json(name):
    lines = [l for l in open(os.path.join(out, name)) if l.strip().startswith("{")]
    return json.loads(lines[-1])
tt, td, tg = last_json("torch_train.json"), last_json("torch_decode.json"), last_json("torch_gemm.json")
names = {"lstm:fixed": "lstm:fixed_fast", "lstm:attention": "lstm:attn_loop", "gru:fixed": "gru:fixed_fast", "gru:attention": "gru:attn_loop"}
torch_train = {r["variant"]: r for r in tt["results"]}
print(f"machine: {tg.get('cpu', {}).get('model_name', '?')}; attento kernel: {a['kernel']}, Java {a['java']}")
print("| variant | Attento tok/s | PyTorch tok/s | ratio | Attento ms/step | PyTorch ms/step | Attento RSS MB | PyTorch RSS MB |")
print("|---|---|---|---|---|---|---|---|")
for v in a["variants"]:
    t = torch_train.get(names.get(v["variant"], ""), {})
    ratio = v.get("train_tokens_per_s", 0) / t["tgt_tokens_per_s"] if t else float("nan")
    print(f"| {v['variant']} | {v.get('train_tokens_per_s')} | {t.get('tgt_tokens_per_s')} | {ratio:.2f} | "
          f"{v.get('train_ms_per_step_median')} | {t.get('ms_per_step_median')} | {v.get('peak_rss_mb')} | {t.get('peak_rss_mb')} |")
dec = {(r["batch"], r["mode"]): r for r in td["results"]}
att = next((v for v in a["variants"] if v["variant"] == "lstm:attention"), None)
if att:
    print("\n| greedy decoding (lstm + attention, 30 steps) | Attento sent/s | PyTorch sent/s | ratio |\n|---|---|---|---|")
    for b in (1, 64):
        t = dec.get((b, "fixed30"), {}).get("sent_per_s")
        mine = att.get(f"decode_batch{b}_sentences_per_s")
        print(f"| batch {b} | {mine} | {t} | {mine / t if t else float('nan'):.2f} |")
print("\n| GEMM (M x K x N) | Attento GFLOP/s | PyTorch+OpenBLAS GFLOP/s | ratio |\n|---|---|---|---|")
torch_gemm = {}
for r in tg.get("results", []):
    key = (r.get("M"), r.get("K"), r.get("N"))
    torch_gemm.setdefault(key, r)
for g in a.get("gemm", []):
    r = torch_gemm.get((g["m"], g["k"], g["n"]))
    t = None
    if r:
        t = r["linear"]["gflops"] if g["layout"] != "A·B" else r["mm"]["gflops"]
    print(f"| {g['m']}x{g['k']}x{g['n']} {g['layout']} | {g['gflops']} | {t} | {g['gflops'] / t if t else float('nan'):.2f} |")
PYEOF
echo "raw results in $OUT" >&2
