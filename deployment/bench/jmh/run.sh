#!/usr/bin/env bash
# Micro-benchmarks of the gateway's hot-path pieces with JMH: what a refused call costs before any I/O, one local
# bucket decision, and what one Mutiny operator costs per call (the reason RpcPipeline merges steps without I/O).
#
#   deployment/bench/jmh/run.sh                 all benchmarks, JMH defaults of each (a few minutes)
#   deployment/bench/jmh/run.sh Operators -f 1  any JMH arguments: a name filter, forks, iterations, -prof gc, ...
#
# Numbers move with the machine's other load: compare benchmarks of one run, not runs of different days.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
HERE="$ROOT/deployment/bench/jmh"
(cd "$ROOT" && ./mvnw -q -B install -DskipTests)
(cd "$HERE" && "$ROOT/mvnw" -q -B package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt)
exec java -cp "$HERE/target/classes:$(cat "$HERE/target/classpath.txt")" org.openjdk.jmh.Main "$@"
