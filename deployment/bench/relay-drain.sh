#!/usr/bin/env bash
# How fast one gateway's outbox relay empties a backlog: a fresh database gets JOBS Pending transcode jobs (written by
# SQL, no registration load at the same time), a gateway starts, and the script times until none is Pending. RabbitMQ
# must be running; the jobs go to a queue of this run's own, deleted at the end.
#
# Usage: deployment/bench/relay-drain.sh          JOBS (default 30000), BATCH_SIZES (default "100 1000")
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${BENCH_WORK:-$ROOT/target/bench-relay}
JOBS=${JOBS:-30000}
BATCH_SIZES=${BATCH_SIZES:-100 1000}
DB_POOL_SIZE=${DB_POOL_SIZE:-16}
BENCH_DB=${BENCH_DB:-vod_bench_relay}
GATEWAY_JAVA_OPTS=${GATEWAY_JAVA_OPTS:-$(grep -v '^#' "$ROOT/deployment/jvm-options" | xargs)}
QUEUE="vod.bench.drain.$(date +%s)"
# shellcheck source=lib.sh
source "$ROOT/deployment/bench/lib.sh"

mkdir -p "$WORK"
trap 'stop_gateway; drop_database; rabbitmqctl delete_queue "$QUEUE" >/dev/null 2>&1 || true' EXIT
sql() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$BENCH_DB" -v ON_ERROR_STOP=1 -qAt "$@"; }

build_gateway
create_database
for batch in $BATCH_SIZES; do
  GATEWAY_EXTRA_OPTS="-Dvod.transcode.relay.enabled=false" start_gateway   # migrates the schema, relays nothing
  stop_gateway
  sql -c "TRUNCATE transcode_job, media CASCADE" -c "DELETE FROM account WHERE name = 'relay-drain'" \
    -c "INSERT INTO account (name) VALUES ('relay-drain')" \
    -c "INSERT INTO media (account_id, file_url, storage_location, title, template_group_id, object_key)
        SELECT a.id, 'https://drain.example.com/r/' || g || '.mp4', 'drain.example.com', 't', 'tg', 'r/' || g || '.mp4'
        FROM account a, generate_series(1, $JOBS) g WHERE a.name = 'relay-drain'" \
    -c "INSERT INTO transcode_job (media_id, account_id, template_group_id) SELECT media_id, account_id, 'tg' FROM media"
  started=$(date +%s%N)
  GATEWAY_EXTRA_OPTS="-Dvod.transcode.relay.batch-size=$batch -Dvod.transcode.broker.exchange=vod.bench.drain -Dvod.transcode.broker.job-queue=$QUEUE -Dvod.transcode.broker.routing-key=$QUEUE" \
    start_gateway
  until [[ $(sql -c "SELECT count(*) FROM transcode_job WHERE status = 'Pending'") == 0 ]]; do sleep 0.2; done
  total_ms=$((($(date +%s%N) - started) / 1000000))
  span=$(sql -c "SELECT round(1000 * extract(epoch FROM max(dispatched_at) - min(dispatched_at))) FROM transcode_job")
  echo "batch-size $batch: $JOBS jobs dispatched in $span ms from the first to the last ($(awk -v n="$JOBS" -v ms="$span" 'BEGIN{printf "%.0f", n * 1000 / ms}') jobs/s); $total_ms ms from launching the JVM (ready after $READY_MS ms)"
  stop_gateway
done
