#!/usr/bin/env bash
# The load-test suite (Gatling, open model): new registrations, repeated registrations, one hot account over
# its limit, many accounts. Writes Gatling's HTML report (latency percentiles, throughput, errors).
#
#   deployment/load-tests/run.sh
#       builds the gateway, starts it on loopback against a fresh database, provisions accounts through the
#       admin API, runs the suite, stops everything;
#   GATEWAY_URL=http://127.0.0.1:8080 KEYS=keys.csv [HOT_KEYS=hot.csv] deployment/load-tests/run.sh
#       runs the suite against a gateway that is already running (KEYS: accessKeyId,accessKeySecret,storageHost
#       lines; without KEYS the dev-mode demo account is used, or ACCESS_KEY_ID/ACCESS_KEY_SECRET/STORAGE_HOST).
#
# Other settings: SCENARIOS (warmup,new,repeat,hot,many), DURATION (s per scenario, 20), WARMUP_DURATION (10),
# WARMUP_RATE (50), NEW_RATE (20), REPEAT_RATE
# (20), HOT_RATE (200), MANY_RATE (100) requests/s, FILES (10), ACCOUNTS (10), HOT_LIMIT (50).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${LOADTEST_WORK:-$ROOT/target/load-tests}
BENCH_DB=${LOADTEST_DB:-vod_loadtest}
ACCOUNTS=${ACCOUNTS:-10}
HOT_LIMIT=${HOT_LIMIT:-50}
DB_POOL_SIZE=${DB_POOL_SIZE:-16}
GATEWAY_JAVA_OPTS=${GATEWAY_JAVA_OPTS:--Xmx512m}
# shellcheck source=../bench/lib.sh
source "$ROOT/deployment/bench/lib.sh"
mkdir -p "$WORK"

if [[ -z "${GATEWAY_URL:-}" ]]; then
  trap 'stop_gateway; drop_database' EXIT
  build_gateway
  create_database
  start_gateway
  provision_or_demo "$ACCOUNTS" "$(date +%s)"
  export KEYS="$WORK/keys.csv" HOT_KEYS="$WORK/hot.csv"
  log "accounts: $ACCOUNTS_NOTE"
fi
export GATEWAY_URL

log "running the Gatling suite against $GATEWAY_URL"
status=0
(cd "$ROOT" && ./mvnw -B -f "$LOADTEST_POM" gatling:test) | tee "$WORK/gatling.out" || status=$?
report=$(sed -nE 's#.*file://(.*/index\.html).*#\1#p' "$WORK/gatling.out" | tail -1)
[[ -n "$report" ]] && log "HTML report: $report"
exit "$status"
