#!/usr/bin/env bash
# Issue 14: Attento against a PyTorch model of the same architecture, tokens and
# hyper-parameters (bench/pytorch/real_data_seq2seq.py) on the LibreOffice en-it corpus with
# joint BPE 8000 (examples/real-data/libreoffice-en-it-bpe.json), the same steps and seeds.
# Per seed: Attento trains with the config; its run's BPE merges encode the corpus into pieces
# (`attento data bpe apply`) and its vocabularies give PyTorch the same embedding rows; PyTorch
# trains on those pieces; both greedy-decode dev and test, and `attento eval --hyp --ref`
# scores both outputs as text against the raw references. Prints a Markdown table.
#   bench/pytorch-real-data.sh                       # 1000 steps, seeds 1 and 2
#   STEPS=20 SEEDS=1 bench/pytorch-real-data.sh      # a quick check of the plumbing
#   THREADS=1 STEPS=5000 taskset -c 1 bench/pytorch-real-data.sh   # both on one core
# CORPUS (default corpora/libreoffice-it) holds train.tsv, dev.tsv, test.tsv; OUT receives
# the runs, pieces, hypotheses, logs and the table.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
STEPS="${STEPS:-1000}"
THREADS="${THREADS:-2}" # computing threads of both systems
SEEDS="${SEEDS:-1 2}"
CORPUS="$(cd "${CORPUS:-corpora/libreoffice-it}" && pwd)"
OUT="${OUT:-$ROOT/runs/pytorch-real-data-$(date +%Y%m%d-%H%M%S)}"
CONFIG="$ROOT/examples/real-data/libreoffice-en-it-bpe.json"
ATTENTO="$ROOT/attento"
PY=/usr/bin/python3
OBO=/tmp/openblas-omp/usr/lib/x86_64-linux-gnu/openblas-openmp
# Debian's torch links the reference BLAS; OpenBLAS (unpacked, not installed) is ~5x faster here.
[ -e "$OBO/libblas.so.3" ] || sh "$HERE/pytorch/setup_openblas.sh" /tmp/openblas-omp >&2
TORCH_ENV=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "LD_LIBRARY_PATH=$OBO")
mkdir -p "$OUT"
cd "$OUT"
"$ATTENTO" --version >/dev/null # build the jar before timing anything
cut -f1 "$CORPUS/dev.tsv" > dev.en
cut -f2 "$CORPUS/dev.tsv" > dev.it
cut -f1 "$CORPUS/test.tsv" > test.en
cut -f2 "$CORPUS/test.tsv" > test.it

# timed LABEL CMD...: runs CMD, appends "LABEL wall user sys (seconds) peak-RSS (kB)" to times.txt.
timed() {
  local label=$1
  shift
  /usr/bin/time -o "$label.time" -f '%e %U %S %M' "$@" 2>>"$label.log" >"$label.out"
  echo "$label $(cat "$label.time")" >> times.txt
}

score() { # score HYP REF -> "bleu chrf"
  "$ATTENTO" eval --hyp "$1" --ref "$2" --json | "$PY" -c 'import json,sys; d=json.load(sys.stdin); print(d["bleu"], d["chrf"])'
}

: > results.txt
for seed in $SEEDS; do
  run="attento-s$seed"
  echo ">>> seed $seed: attento train ($STEPS steps)" >&2
  timed "$run.train" "$ATTENTO" train --config "$CONFIG" --train "$CORPUS/train.tsv" --dev "$CORPUS/dev.tsv" \
    --steps "$STEPS" --seed "$seed" --threads "$THREADS" --set training.evalEvery="$STEPS" --set training.checkpointEvery="$STEPS" \
    --name "$run"
  ckpt="runs/$run/checkpoints/$(cat "runs/$run/checkpoints/LATEST")"
  for split in dev test; do
    "$ATTENTO" translate -m "runs/$run/." --threads "$THREADS" -i "$split.en" > "$run.$split.hyp" 2>>"$run.translate.log"
  done
  # Median over steps 4.. of Attento's own per-step target tokens/s (the first 3 are JIT warm-up).
  att_tps=$("$PY" -c 'import csv,statistics,sys; r=[float(x["target_tokens_per_s"]) for x in csv.DictReader(open(sys.argv[1])) if x["kind"]=="train" and int(x["step"])>3]; print(round(statistics.median(r)))' "runs/$run/metrics.csv")

  py="pytorch-s$seed"
  for split in train dev test; do
    "$ATTENTO" data bpe apply -m "$ckpt/source.bpe" "$CORPUS/$split.tsv" > "$py.$split.pieces.tsv"
  done
  echo ">>> seed $seed: pytorch train ($STEPS steps)" >&2
  timed "$py.train" "${TORCH_ENV[@]}" "$PY" "$HERE/pytorch/real_data_seq2seq.py" --train "$py.train.pieces.tsv" \
    --src-vocab "$ckpt/source.vocab.json" --tgt-vocab "$ckpt/target.vocab.json" --steps "$STEPS" --seed "$seed" \
    --threads "$THREADS" --decode "$py.dev.pieces.tsv:$py.dev.pieces" --decode "$py.test.pieces.tsv:$py.test.pieces"
  for split in dev test; do
    "$ATTENTO" data bpe decode "$py.$split.pieces" > "$py.$split.hyp"
  done
  py_tps=$(tail -1 "$py.train.out" | "$PY" -c 'import json,sys; print(round(json.load(sys.stdin)["target_tokens_per_s_median_step"]))')

  for sys in "$run:$att_tps" "$py:$py_tps"; do
    name=${sys%%:*}
    read -r _ wall user sysc rss < <(grep "^$name.train " times.txt | tail -1)
    echo "$name $seed $(score "$name.dev.hyp" dev.it) $(score "$name.test.hyp" test.it) $wall $user $sysc ${sys##*:} $rss" \
      >> results.txt
  done
done

{
  echo "| system | seed | steps | dev BLEU | dev chrF | test BLEU | test chrF | train wall | train CPU | target tok/s (median step) | peak RSS MB |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  while read -r name seed db dc tb tc wall user sysc tps rss; do
    printf '| %s | %s | %s | %.2f | %.1f | %.2f | %.1f | %s | %s | %s | %s |\n' "${name%-s*}" "$seed" "$STEPS" "$db" "$dc" \
      "$tb" "$tc" "$("$PY" -c "s=round($wall); print(f'{s//60} min {s%60} s')")" \
      "$("$PY" -c "s=round($user+$sysc); print(f'{s//60} min {s%60} s')")" "$tps" "$((rss / 1024))"
  done < results.txt
} | tee table.md
echo "outputs in $OUT" >&2
