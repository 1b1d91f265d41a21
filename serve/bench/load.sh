#!/usr/bin/env bash
# Load test of the translation server over loopback with a fake engine (see LoadGenerator):
# batching off vs on at 32 clients. Arguments go to LoadGenerator, e.g. --clients 64 --seconds 20.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -o -pl serve -am test-compile -DskipTests
mvn -B -q -o -pl serve dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/load-classpath.txt
java -cp "serve/target/test-classes:serve/target/classes:$(cat serve/target/load-classpath.txt)" \
  dev.attento.serve.bench.LoadGenerator "$@"
