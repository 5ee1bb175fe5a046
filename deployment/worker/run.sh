#!/usr/bin/env bash
# Runs the reference worker (Worker.java, a single-file Java program) with the gateway's own RabbitMQ client and
# Jackson from the Maven build. Environment: see the top of Worker.java.
set -euo pipefail
cd "$(dirname "$0")/../.."
classpath=target/worker.classpath
if [[ ! -s $classpath ]]; then
  ./mvnw -q dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$classpath"
fi
exec java -cp "$(cat "$classpath")" deployment/worker/Worker.java "$@"
