#!/usr/bin/env bash
# JMH micro-benchmarks of the kernels (core/src/test/java/.../GemmBenchmark.java), one fork
# per kernel and shape. Extra arguments go to JMH, e.g.
#   bench/jmh.sh -p shape=64x320x1024 -p layout=NT      # one shape
#   bench/jmh.sh -rf json -rff /tmp/gemm.json             # machine-readable results
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
mvn -B -q -ntp -pl testkit,core -am test-compile -Dstyle.color=never >&2
CP_FILE="$(mktemp)"
trap 'rm -f "$CP_FILE"' EXIT
mvn -B -q -ntp -pl core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" \
  -Dstyle.color=never >&2
# As the launcher: 512-bit vectors where the CPU has AVX-512 (the forks get it too).
AVX=()
if grep -qw avx512f /proc/cpuinfo 2>/dev/null; then
  AVX=(-jvmArgsAppend -XX:UseAVX=3)
fi
java --add-modules=jdk.incubator.vector -cp "core/target/test-classes:core/target/classes:$(cat "$CP_FILE")" \
  org.openjdk.jmh.Main "${AVX[@]}" GemmBenchmark "$@"
