#!/usr/bin/env bash
# Compares JVM settings for the gateway under the same RegisterMedia load, one after the other in one run: for each
# candidate, a fresh database and gateway, a warm-up, then the maximum throughput (closed model), the p99 at a fixed
# open-model rate, the gateway's CPU per call, its peak resident memory and its GC time. It is how the collector and
# heap in deployment/jvm-options were chosen (docs/benchmarks.md, "JVM settings").
#
# Usage: deployment/bench/jvm-compare.sh
#   CANDIDATES  settings separated by '|' (default: Serial, Parallel and G1 at 128 MiB, and G1 at 512 MiB)
#   JAVA_BIN    the java of the gateway (default: java on PATH); e.g. a JDK 25 for generational ZGC
#   RATE        open-model rate for the p99 (default 200 req/s); DURATION, WARMUP, CONCURRENCY as in benchmark.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${BENCH_WORK:-$ROOT/target/bench-jvm}
CANDIDATES=${CANDIDATES:-"-XX:+UseSerialGC -Xms128m -Xmx128m|-XX:+UseParallelGC -Xms128m -Xmx128m|-XX:+UseG1GC -Xms128m -Xmx128m|-XX:+UseG1GC -Xmx512m"}
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-60}
RATE=${RATE:-200}
CONCURRENCY=${CONCURRENCY:-64}
ACCOUNTS=${ACCOUNTS:-32}
HOT_LIMIT=${HOT_LIMIT:-50}
FILES=${FILES:-10}
DB_POOL_SIZE=${DB_POOL_SIZE:-16}
BENCH_DB=${BENCH_DB:-vod_bench_jvm}
# shellcheck source=lib.sh
source "$ROOT/deployment/bench/lib.sh"

mkdir -p "$WORK"
trap 'stop_gateway; drop_database' EXIT

load() { # KEY=VALUE settings of LoadGenerator -> its RESULT line
  env GATEWAY_URL="$GATEWAY_URL" KEYS="$WORK/keys.csv" HOT_KEYS="$WORK/hot.csv" FILES="$FILES" "$@" \
    java -XX:TieredStopAtLevel=1 -Xms128m -Xmx256m -XX:+UseSerialGC -cp "$(cat "$WORK/loadtest.classpath")" \
    io.openvod.loadtest.bench.LoadGenerator 2>>"$WORK/loadgen.log" | grep '^RESULT'
}
field() { sed -nE "s/.* $2=([^ ]+).*/\1/p" <<<"$1"; }
ticks() { awk '{print $14 + $15}' "/proc/$GATEWAY_PID/stat"; }
gc_seconds() { # the gateway's GC pause time so far (Micrometer's jvm.gc.pause)
  curl -s "$MANAGEMENT_URL/q/metrics" | awk '/^jvm_gc_pause_seconds_sum/ {s += $NF} END {printf "%.3f", s}'
}

build_gateway
build_load_tests
JAVA_CMD=${JAVA_BIN:-java}
echo "| JVM settings | max req/s | gateway CPU/call | p99 at $RATE req/s | GC pause s per 1000 calls | peak RSS |"
echo "|---|---|---|---|---|---|"
IFS='|' read -r -a OPTIONS <<<"$CANDIDATES"
for opts in "${OPTIONS[@]}"; do
  create_database
  GATEWAY_SECRET_KEY=
  # shellcheck disable=SC2034 # read by start_gateway
  GATEWAY_JAVA_OPTS="$opts"
  PATH_BEFORE=$PATH
  [[ -n "${JAVA_BIN:-}" ]] && PATH="$(dirname "$JAVA_CMD"):$PATH"
  start_gateway
  PATH=$PATH_BEFORE
  provision_or_demo "$ACCOUNTS" "$(date +%s)"
  : >"$WORK/rss.samples"
  (while kill -0 "$GATEWAY_PID" 2>/dev/null; do awk '/^VmRSS/{print $2}' "/proc/$GATEWAY_PID/status" >>"$WORK/rss.samples" 2>/dev/null; sleep 0.25; done) &
  sampler=$!
  load KIND=register-new MODE=closed CONNECTIONS="$CONCURRENCY" DURATION="$WARMUP" LABEL=warmup >/dev/null
  t0=$(ticks); g0=$(gc_seconds)
  max=$(load KIND=register-new MODE=closed CONNECTIONS="$CONCURRENCY" DURATION="$DURATION" LABEL=max)
  cpu=$(awk -v t=$(($(ticks) - t0)) -v n="$(field "$max" requests)" -v hz="$(getconf CLK_TCK)" 'BEGIN{printf "%.0f", t/hz*1e6/n}')
  gc=$(awk -v a="$g0" -v b="$(gc_seconds)" -v n="$(field "$max" requests)" 'BEGIN{printf "%.3f", (b-a)*1000/n}')
  half=$(load KIND=register-new MODE=open RATE="$RATE" CONNECTIONS="$CONCURRENCY" DURATION="$DURATION" LABEL=rate)
  kill "$sampler" 2>/dev/null || true
  rss=$(sort -n "$WORK/rss.samples" | tail -1 | awk '{printf "%.0f", $1/1024}')
  echo "| \`$opts\` ($("$JAVA_CMD" -version 2>&1 | head -1 | cut -d'"' -f2)) | $(field "$max" throughput) | $cpu µs | $(field "$half" p99_ms) ms | $gc | $rss MiB |"
  stop_gateway
done
