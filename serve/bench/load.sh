#!/usr/bin/env bash
# Load test of the translation server over loopback with a fake engine, or a trained run with
# --run DIR (see LoadGenerator): batching off vs on at 32 clients. Arguments go to LoadGenerator,
# e.g. --clients 64 --seconds 20, or --run runs/numbers-luong-general.
set -euo pipefail
cd "$(dirname "$0")/../.."
# One reactor build, so the classpath names the sibling modules' fresh classes, not installed jars.
mvn -B -q -o -pl serve -am test-compile dependency:build-classpath -DskipTests -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/load-classpath.txt
java --add-modules=jdk.incubator.vector -XX:+UseSerialGC -cp "serve/target/test-classes:serve/target/classes:$(cat serve/target/load-classpath.txt)" \
  dev.attento.serve.bench.LoadGenerator "$@"
