#!/usr/bin/env bash
# Training speed of a cell plugin on the public fast path (examples/fused-cells: fused-lstm,
# fused-gru, loaded from its jar like any plugin) against the built-in cell: builds both jars,
# then runs bench/probes/TrainingAbProbe.java, which trains the two models in one JVM in
# alternating blocks of steps and prints each round's CPU ms/step and the speed ratio
# plugin/built-in.
#   bench/fused-vs-builtin.sh                       # lstm, fixed context, 16 rounds of 10 steps
#   bench/fused-vs-builtin.sh gru attention 8 10    # CELL VARIANT ROUNDS STEPS
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
CELL="${1:-lstm}"
VARIANT="${2:-fixed}"
ROUNDS="${3:-16}"
STEPS="${4:-10}"
mvn -B -q -ntp -Dstyle.color=never -DskipTests -Dmaven.javadoc.skip -Dmaven.source.skip \
  -pl cli,examples/fused-cells -am package >&2
PLUGINS="$(mktemp -d)"
trap 'rm -rf "$PLUGINS"' EXIT
cp examples/fused-cells/target/attento-example-fused-cells-*[0-9T].jar "$PLUGINS/"
JVM=(-XX:+UseSerialGC -Xss8m --add-modules=jdk.incubator.vector)
grep -qw avx512f /proc/cpuinfo 2>/dev/null && JVM+=(-XX:UseAVX=3)
java "${JVM[@]}" bench/probes/TrainingAbProbe.java cli/target/attento.jar "$CELL" cli/target/attento.jar \
  "fused-$CELL" "$PLUGINS" "$ROUNDS" "$STEPS" "$VARIANT" 2>/dev/null
