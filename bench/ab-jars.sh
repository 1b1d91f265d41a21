#!/usr/bin/env bash
# A/B of two builds of the command-line jar on the same machine, interleaved round by round so
# that a shared machine's drifting load falls on both alike; prints each metric's median per jar
# and the median of the per-round ratios B/A. Only such side-by-side ratios mean anything.
#   bench/ab-jars.sh OLD.jar NEW.jar            # 2 rounds
#   ROUNDS=3 STEPS=100 bench/ab-jars.sh A.jar B.jar
# Extra arguments for every `bench` call can be given in BENCH_ARGS (e.g. "--threads 2").
set -euo pipefail
A="$1"; B="$2"
ROUNDS="${ROUNDS:-2}"
STEPS="${STEPS:-60}"
OUT="${OUT:-$(mktemp -d)}"
mkdir -p "$OUT"
JVM=(-XX:+UseSerialGC -Xss8m -Xmx256m --add-modules=jdk.incubator.vector)
grep -qw avx512f /proc/cpuinfo 2>/dev/null && JVM+=(-XX:UseAVX=3)
run() { # jar tag round
  for v in lstm:fixed lstm:attention gru:fixed gru:attention; do
    java "${JVM[@]}" -jar "$1" bench --json --variants "$v" --skip gemm,decode --steps "$STEPS" --warmup 15 \
      ${BENCH_ARGS:-} 2>/dev/null > "$OUT/$2.$3.${v/:/-}.json"
  done
  java "${JVM[@]}" -jar "$1" bench --json --variants lstm:attention --skip train,gemm --decode 300 ${BENCH_ARGS:-} \
    2>/dev/null > "$OUT/$2.$3.decode.json"
  java "${JVM[@]}" -jar "$1" bench --json --variants lstm:attention --skip train,gemm --decode 0 ${BENCH_ARGS:-} \
    2>/dev/null > "$OUT/$2.$3.decode64.json"
}
for r in $(seq 1 "$ROUNDS"); do
  echo ">>> round $r/$ROUNDS" >&2
  run "$A" a "$r"
  run "$B" b "$r"
done
python3 - "$OUT" "$ROUNDS" <<'PYEOF'
import glob, json, os, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])
def metrics(tag, r):
    m = {}
    for f in glob.glob(os.path.join(out, f"{tag}.{r}.*.json")):
        doc = json.loads(open(f).read())
        for row in doc["variants"]:
            for k, v in row.items():
                # batch 64 is measured in a JVM of its own (decode64); the run after batch 1 is not used
                if f.endswith(".decode.json") and "batch64" in k:
                    continue
                if k.endswith("_per_s") and v:
                    m[f"{row['variant']} {k}"] = v
    return m
keys = sorted(set(metrics("a", 1)) & set(metrics("b", 1)))
print(f"{'metric':60s} {'A':>10s} {'B':>10s} {'B/A':>6s}")
for k in keys:
    a = [metrics("a", r)[k] for r in range(1, rounds + 1)]
    b = [metrics("b", r)[k] for r in range(1, rounds + 1)]
    ratio = statistics.median(y / x for x, y in zip(a, b))
    print(f"{k:60s} {statistics.median(a):10.0f} {statistics.median(b):10.0f} {ratio:6.2f}")
print(f"(results in {out})")
PYEOF
