#!/usr/bin/env bash
# Training speed of a cell plugin on the public fast path (examples/fused-cells: fused-lstm,
# fused-gru, loaded from its jar like any plugin) against the built-in cell, on `attento bench`'s
# training workload, interleaved round by round (built-in, plugin, built-in, plugin, ...) so a
# shared machine's drifting load falls on both alike. Prints each round's figures and the
# median of the per-round ratios plugin/built-in.
#   bench/fused-vs-builtin.sh                     # lstm, 4 rounds, fixed context, 1 thread
#   CELL=gru ROUNDS=6 VARIANT=attention bench/fused-vs-builtin.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
CELL="${CELL:-lstm}"
ROUNDS="${ROUNDS:-4}"
VARIANT="${VARIANT:-fixed}"
STEPS="${STEPS:-40}"
THREADS="${THREADS:-1}"
mvn -B -q -ntp -Dstyle.color=never -DskipTests -pl cli,examples/fused-cells -am package >&2
PLUGINS="$(mktemp -d)"
trap 'rm -rf "$PLUGINS"' EXIT
cp examples/fused-cells/target/attento-example-fused-cells-*.jar "$PLUGINS/"
JVM=(-XX:+UseSerialGC -Xss8m -Xmx512m --add-modules=jdk.incubator.vector)
grep -qw avx512f /proc/cpuinfo 2>/dev/null && JVM+=(-XX:UseAVX=3)
run() { # cell
  java "${JVM[@]}" -jar cli/target/attento.jar bench --json --variants "$1:$VARIANT" --skip decode,gemm \
    --steps "$STEPS" --warmup 15 --threads "$THREADS" --plugins "$PLUGINS" 2>/dev/null
}
OUT="$(mktemp -d)"
for r in $(seq 1 "$ROUNDS"); do
  run "$CELL" > "$OUT/builtin.$r.json"
  run "fused-$CELL" > "$OUT/plugin.$r.json"
done
python3 - "$OUT" "$ROUNDS" "$CELL" "$VARIANT" "$THREADS" <<'PYEOF'
import json, statistics, sys
out, rounds, cell, variant, threads = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
def row(tag, r):
    return json.load(open(f"{out}/{tag}.{r}.json"))["variants"][0]
print(f"{cell}:{variant}, {threads} thread(s)")
print("| round | built-in tok/s | fused-%s tok/s | ratio | built-in CPU ms/step | plugin CPU ms/step | ratio |" % cell)
print("|---|---|---|---|---|---|---|")
tok, cpu = [], []
for r in range(1, rounds + 1):
    a, b = row("builtin", r), row("plugin", r)
    t = b["train_tokens_per_s"] / a["train_tokens_per_s"]
    c = a["train_main_thread_cpu_ms_per_step_median"] / b["train_main_thread_cpu_ms_per_step_median"]
    tok.append(t); cpu.append(c)
    print(f"| {r} | {a['train_tokens_per_s']} | {b['train_tokens_per_s']} | {t:.3f} | "
          f"{a['train_main_thread_cpu_ms_per_step_median']} | {b['train_main_thread_cpu_ms_per_step_median']} | {c:.3f} |")
print(f"| median | | | {statistics.median(tok):.3f} | | | {statistics.median(cpu):.3f} |")
PYEOF
rm -rf "$OUT"
