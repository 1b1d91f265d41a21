#!/usr/bin/env bash
# Training parallel efficiency of one or more jars, side by side: per round and jar,
# `taskset -c 0 … bench --threads 1` then `bench --threads 2`, with the launcher's JVM flags.
# Efficiency = tok/s on 2 cores / (2 × tok/s on 1 core).
#   bench/parallel-efficiency.sh ROUNDS JAR [JAR…]
#   STEPS=50 VARIANTS="lstm:attention gru:fixed" bench/parallel-efficiency.sh 2 before.jar cli/target/attento.jar
# WARMUP=N sets the untimed warm-up steps (bench's default: 15; C2 is still compiling then).
# PROFILE=1 adds `bench --profile`: after each run, where the steps' time went, in thread CPU
# time (the jar must have --profile).
set -euo pipefail
rounds=${1:?usage: parallel-efficiency.sh ROUNDS JAR [JAR...]}
shift
heap=${HEAPFLAGS:--Xms256m -XX:MaxRAMPercentage=50 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:MaxNewSize=96m}
avx=()
grep -qw avx512f /proc/cpuinfo && avx=(-XX:UseAVX=3)
for r in $(seq "$rounds"); do
  for v in ${VARIANTS:-lstm:attention gru:fixed}; do
    for jar in "$@"; do
      for t in 1 2; do
        pin=()
        [[ $t == 1 ]] && pin=(taskset -c 0)
        # shellcheck disable=SC2086
        output=$("${pin[@]}" java -XX:+UseSerialGC -Xss8m $heap --add-modules=jdk.incubator.vector "${avx[@]}" \
          -jar "$jar" bench --threads "$t" --variants "$v" --skip gemm,decode --steps "${STEPS:-60}" \
          ${WARMUP:+--warmup "$WARMUP"} \
          ${PROFILE:+--profile} 2>/dev/null)
        line=$(grep "tok/s" <<<"$output")
        echo "$(date +%H:%M:%S) round $r $v $(basename "$jar") threads $t: $(awk '{print $3, "tok/s, peak RSS", $(NF-1), "MB"}' <<<"$line")"
        [[ -z ${PROFILE:-} ]] || grep -E "^(profile|  )" <<<"$output"
      done
    done
  done
done
