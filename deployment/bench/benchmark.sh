#!/usr/bin/env bash
# The benchmark: on this machine, in one run, builds the gateway, starts it in prod mode on loopback against a
# fresh database, provisions accounts through the admin API, warms it up and measures
#   1. RegisterMedia throughput (10 new files per request, accounts spread so nothing is throttled) and its
#      p50/p99 latency at half that throughput, against pgbench running the hot path's own SQL with as many
#      connections as the gateway's pool; CPU and bytes allocated per call;
#   2. throttled-request throughput of one hot account against a trivial endpoint on the same server;
#   3. GetVideoInfo against pgbench running sql/media/find-one.sql;
#   4. RegisterMedia against a verified storage location (S3Proxy on loopback) beside an unverified one;
#   5. RegisterMedia with a template group (a transcode job per file) with the outbox relay publishing to RabbitMQ,
#      beside a second gateway with the relay off;
#   6. resident memory, and throughput beside a second gateway with REFERENCE_JAVA_OPTS (-Xmx512m);
#   7. start-up: JVM launch to /q/health/ready, with and without the AppCDS archive.
# Every phase is bounded in time, and the only target is 127.0.0.1. Usage: deployment/bench/benchmark.sh, or e.g.
# PHASES="4 5" deployment/bench/benchmark.sh for phases 4 and 5 alone (with the setup they need).
# Settings (environment): see the README section "Load tests and benchmark".
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${BENCH_WORK:-$ROOT/target/bench}
DURATION=${DURATION:-15}            # seconds per measured phase
ROUNDS=${ROUNDS:-3}                 # the two sides of ratios 1 and 2 alternate, each run ROUNDS times for DURATION s
WARMUP=${WARMUP:-30}                # seconds of RegisterMedia load before measuring (JIT, pools, caches)
WARMUP_MAX=${WARMUP_MAX:-150}       # then 14 s rounds of all phases, up to this many seconds in all, until the JIT is quiet
JIT_QUIET=${JIT_QUIET:-3}           # quiet: the JIT compiler threads used under this % of the gateway's CPU in a round
CONCURRENCY=${CONCURRENCY:-64}      # HTTP connections for the maximum-throughput phases
ACCOUNTS=${ACCOUNTS:-32}            # accounts the RegisterMedia load is spread over
HOT_LIMIT=${HOT_LIMIT:-50}          # rateLimitPerSecond of the hot account
FILES=${FILES:-10}                  # files per RegisterMedia request
DB_POOL_SIZE=${DB_POOL_SIZE:-16}    # the gateway's pool, and pgbench's connection count
PGBENCH_THREADS=${PGBENCH_THREADS:-2}
BENCH_DB=${BENCH_DB:-vod_bench}
# The JVM settings the deployment files use (deployment/jvm-options, read by Dockerfile.jvm, compose and k8s)
GATEWAY_JAVA_OPTS=${GATEWAY_JAVA_OPTS:-$(grep -v '^#' "$ROOT/deployment/jvm-options" | xargs)}
REFERENCE_JAVA_OPTS=${REFERENCE_JAVA_OPTS:--Xmx512m}  # phase 6 compares the chosen settings with these
VERIFIED_ACCOUNTS=${VERIFIED_ACCOUNTS:-8}           # accounts whose storage location has a connection (phase 4)
RELAY_OPTS=${RELAY_OPTS:-}                          # phase 5: extra JVM options of the relay-on gateway (e.g. -Dvod.transcode.relay.batch-size=100)
STARTS=${STARTS:-3}                                 # start-up measurements per variant (phase 7); the median counts
PROFILE=${PROFILE:-0}                               # 1: a JFR recording (settings=profile) of the gateway per phase
NMT=${NMT:-0}                                       # 1: native memory tracking in the main gateway, summary after phase 6
PHASES=${PHASES:-1 2 3 4 5 6 7}                     # which numbered phases run, e.g. "4 5"; setup and report follow
# shellcheck source=lib.sh
source "$ROOT/deployment/bench/lib.sh"

# The phases run in their numbered order whatever the order (or commas) in PHASES; the report shows only theirs.
PHASES_GIVEN=$PHASES
PHASES=$(tr -s ', ' '\n' <<<"$PHASES" | sed '/^$/d' | sort -nu | paste -sd' ')
[[ "$PHASES" =~ ^[1-7]( [1-7])*$ ]] || die "PHASES must list phases 1 to 7, e.g. PHASES=\"4 5\": got \"$PHASES_GIVEN\""
want() { [[ " $PHASES " == *" $1 "* ]]; } # phase -> whether it runs
want_any() { local n; for n in "$@"; do want "$n" && return 0; done; return 1; } # phases -> whether one of them runs

mkdir -p "$WORK"
RUN_ID=$(date +%s)
RSS_SAMPLES="$WORK/rss.samples"

cleanup() {
  [[ -n "${SAMPLER_PID:-}" ]] && kill "$SAMPLER_PID" 2>/dev/null || true
  [[ -n "${REF_SAMPLER_PID:-}" ]] && kill "$REF_SAMPLER_PID" 2>/dev/null || true
  [[ -n "${PHASE6_SAMPLER_PID:-}" ]] && kill "$PHASE6_SAMPLER_PID" 2>/dev/null || true
  for other in ref chosen on off; do use_gateway "$other" 2>/dev/null && stop_gateway; done
  use_gateway MAIN 2>/dev/null || true
  stop_gateway
  [[ -n "${S3_PID:-}" ]] && kill "$S3_PID" 2>/dev/null || true
  [[ "${KEEP_DB:-0}" == 1 ]] || rm -rf "$WORK/s3"
  for queue in "$BENCH_QUEUE" vod.bench.results vod.bench.results.dead; do
    rabbitmqctl delete_queue "$queue" >/dev/null 2>&1 || true
  done
  drop_database
  for db in "${BENCH_DB}_ref" "${BENCH_DB}_chosen" "${BENCH_DB}_on" "${BENCH_DB}_off"; do
    psql_admin -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  done
}
trap cleanup EXIT

# One load-generator run; prints its RESULT line. Arguments: KEY=VALUE settings of LoadGenerator.
# The generator shares the CPU with the gateway and PostgreSQL, so it runs as lean as it can: C1 only (the C2
# compiler cost it more CPU over a phase than the requests themselves), serial GC, a small heap.
load() {
  local line
  line=$(env GATEWAY_URL="$GATEWAY_URL" KEYS="$WORK/keys.csv" HOT_KEYS="$WORK/hot.csv" FILES="$FILES" "$@" \
    java -XX:TieredStopAtLevel=1 -Xms128m -Xmx256m -XX:+UseSerialGC -cp "$(cat "$WORK/loadtest.classpath")" \
    io.openvod.loadtest.bench.LoadGenerator 2>>"$WORK/loadgen.log" | tee -a "$WORK/loadgen.log" | grep '^RESULT') \
    || die "load generator failed (log: $WORK/loadgen.log)"
  log "$line"
  echo "$line"
}

field() { # RESULT-line key -> value
  sed -nE "s/.* $2=([^ ]+).*/\1/p" <<<"$1"
}

# Machine-wide CPU busy share since a /proc/stat snapshot: shows how shared the machine was.
cpu_snapshot() { awk '/^cpu /{print $2+$3+$4+$6+$7+$8, $5}' /proc/stat; }
cpu_delta() { # "busy idle" snapshot -> "busy idle" jiffies since
  local now
  now=$(cpu_snapshot)
  awk -v a="$1" -v b="$now" 'BEGIN{split(a,x," ");split(b,y," ");print y[1]-x[1], y[2]-x[2]}'
}
percent() { awk -v part="$1" -v whole="$2" 'BEGIN{printf "%.0f", (whole > 0 ? 100 * part / whole : 0)}'; }
busy_percent() { percent "$1" $(($1 + $2)); } # busy-jiffies idle-jiffies -> percent busy
cpu_busy_since() { busy_percent $(cpu_delta "$1"); } # "busy idle" snapshot -> percent busy since

# CPU time of the gateway process, in clock ticks: CPU per request is the figure the shared machine distorts least.
CLK_TCK=$(getconf CLK_TCK)
gateway_ticks() { awk '{print $14 + $15}' "/proc/$GATEWAY_PID/stat"; }

# CPU time of PostgreSQL, in clock ticks: its live processes, plus what the postmaster has collected from backends
# that exited (pgbench's connections end with its run). 0 when PostgreSQL runs on another machine.
pg_ticks() {
  local pid total=0 postmaster
  for pid in $(pgrep -x postgres || true); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  postmaster=$(pgrep -o -x postgres || true)
  [[ -n "$postmaster" ]] && total=$((total + $(awk '{print $16 + $17}' "/proc/$postmaster/stat" 2>/dev/null || echo 0)))
  echo "$total"
}
# RabbitMQ's CPU (its Erlang VM), in clock ticks: phase 5 reports what the relay's publishing costs the broker
mq_ticks() {
  local pid total=0
  for pid in $(pgrep -f beam.smp || true); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
us_per() { # ticks count -> microseconds of CPU per unit ("n/a" without ticks)
  awk -v t="$1" -v n="$2" -v hz="$CLK_TCK" 'BEGIN{if (t > 0 && n > 0) printf "%.0f", t/hz*1e6/n; else printf "n/a"}'
}

# The gateway's own view of a phase: its request-duration histogram of successful RegisterMedia calls, read from
# /q/metrics before and after. Its p99 leaves out what happens before the pipeline starts (reading the request,
# the event loop's queue) and after it (writing the answer), and the load generator's own scheduling.
scrape_histogram() { # -> "le count" lines
  curl -s "$MANAGEMENT_URL/q/metrics" 2>/dev/null \
    | sed -nE 's/^vod_rpc_request_duration_seconds_bucket\{action="RegisterMedia",outcome="success",le="([^"]+)"\} ([0-9.E+-]+)$/\1 \2/p'
}
histogram_p99_ms() { # file-before file-after -> upper bound of the bucket holding the p99, in ms
  awk 'NR == FNR {before[$1] = $2; next}
       {n[$1] = $2 - before[$1]; order[++k] = $1}
       END {
         total = n["+Inf"]
         if (total <= 0) { print "n/a"; exit }
         for (i = 1; i <= k; i++) if (order[i] != "+Inf" && n[order[i]] >= 0.99 * total) { printf "≤ %.1f", order[i] * 1000; exit }
         print "above the largest bucket"
       }' "$1" "$2"
}

# One RESULT line for the slices of a phase: counts, seconds and generator CPU summed, throughput recomputed,
# p50 the mean of the slices' p50s, p99 and max the largest of theirs.
combine() { # RESULT lines on stdin -> RESULT line
  awk '/^RESULT/ {
         delete v; for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
         n++; label = v["label"]; mode = v["mode"]; conn = v["connections"]; rate = v["target_rate"]
         req += v["requests"]; ok += v["ok"]; thr += v["throttled"]; un += v["unexpected"]; fa += v["failed"]
         ns += v["not_sent"]; sec += v["seconds"]; gen += v["generator_cpu_s"]; p50 += v["p50_ms"]
         if (v["p99_ms"] + 0 > p99) p99 = v["p99_ms"] + 0
         if (v["max_ms"] + 0 > mx) mx = v["max_ms"] + 0
       }
       END {
         sub(/-[0-9]+$/, "", label)
         printf "RESULT label=%s mode=%s connections=%s target_rate=%s requests=%d ok=%d throttled=%d unexpected=%d failed=%d not_sent=%d seconds=%.2f throughput=%.1f p50_ms=%.3f p99_ms=%.3f max_ms=%.3f generator_cpu_s=%.2f slices=%d\n",
           label, mode, conn, rate, req, ok, thr, un, fa, ns, sec, (sec > 0 ? req / sec : 0), (n ? p50 / n : 0), p99, mx, gen, n
       }'
}

# CPU time of the gateway's JIT compiler threads, in clock ticks. A JVM compiles for a minute or more under load on
# two slow cores; measuring before it is done charges the compiler's CPU to the gateway's throughput.
jit_ticks() {
  local task total=0
  for task in /proc/"$GATEWAY_PID"/task/*; do
    case "$(cat "$task/comm" 2>/dev/null)" in
      C1\ Compiler*|C2\ Compiler*) total=$((total + $(awk '{print $14 + $15}' "$task/stat" 2>/dev/null || echo 0))) ;;
    esac
  done
  echo "$total"
}
jit_share() { # jit-ticks-before gateway-ticks-before -> percent of the gateway's CPU the JIT compilers used since
  percent $(($(jit_ticks) - $1)) $(($(gateway_ticks) - $2))
}

# Resident memory of a process (kB), sampled every 250 ms into a file until it exits; prints the sampler's pid.
rss_sampler() { # pid file
  (while kill -0 "$1" 2>/dev/null; do
     awk '/^VmRSS/{print $2}' "/proc/$1/status" >>"$2" 2>/dev/null || true
     sleep 0.25
   done) >/dev/null 2>&1 &
  echo $!
}
peak_mb() { sort -n "$1" | tail -1 | awk '{printf "%.0f", $1/1024}'; }

# Several gateways run in phases 5 and 6; each is remembered under a name, and use_gateway makes one current.
save_gateway() { # NAME
  printf -v "${1}_PID" %s "$GATEWAY_PID"; printf -v "${1}_URL" %s "$GATEWAY_URL"
  printf -v "${1}_MGMT" %s "$MANAGEMENT_URL"; printf -v "${1}_TOKEN" %s "$ADMIN_TOKEN"; printf -v "${1}_ADMIN" %s "${ADMIN_BASE:-}"
}
use_gateway() { # NAME
  local pid="${1}_PID" url="${1}_URL" mgmt="${1}_MGMT" token="${1}_TOKEN" admin="${1}_ADMIN"
  [[ -n "${!pid:-}" ]] || return 1
  GATEWAY_PID=${!pid}; GATEWAY_URL=${!url}; MANAGEMENT_URL=${!mgmt}; ADMIN_TOKEN=${!token}; ADMIN_BASE=${!admin}
}

# One counter or gauge of the current gateway's /q/metrics (sum of its series), 0 if absent.
metric() { # name-with-labels-prefix
  curl -s "$MANAGEMENT_URL/q/metrics" 2>/dev/null | awk -v m="$1" 'index($0, m) == 1 && $0 !~ /^#/ {s += $NF} END {printf "%.0f", s}'
}
metric_value() { # exact series -> its value as printed ("n/a" if absent)
  curl -s "$MANAGEMENT_URL/q/metrics" 2>/dev/null | awk -v m="$1" 'index($0, m " ") == 1 {print $NF; found = 1} END {if (!found) print "n/a"}'
}
# Bytes the JVM allocated: Micrometer's jvm.gc.memory.allocated, the growth of the young generation between
# collections. It moves at each young collection, so a phase must span many of them (it does: several per second).
allocated_bytes() { metric jvm_gc_memory_allocated_bytes_total; }
# PROFILE=1: a JFR recording of the current gateway around a phase, $WORK/profile-<name>.jfr. Read it with the
# JDK's jfr tool, e.g. `jfr view hot-methods`, `jfr view allocation-by-site`, `jfr view gc-pauses` (JDK 21+).
profile_start() { [[ "$PROFILE" == 1 ]] && jcmd "$GATEWAY_PID" JFR.start name="$1" settings=profile >/dev/null || true; }
profile_stop() {
  [[ "$PROFILE" == 1 ]] && jcmd "$GATEWAY_PID" JFR.stop name="$1" filename="$WORK/profile-$1.jfr" >/dev/null \
    && log "JFR recording: $WORK/profile-$1.jfr" || true
}

# Warms up the current gateway with one load until its JIT compilers are quiet (as the main gateway's warm-up):
# a second gateway compared with a warm one must be as warm, or the comparison measures the JIT.
warm_until_quiet() { # load-args...
  local warmed=0 j0 t0 share
  load "$@" DURATION="$WARMUP" LABEL=warmup-second >/dev/null; warmed=$WARMUP
  while :; do
    j0=$(jit_ticks); t0=$(gateway_ticks)
    load "$@" DURATION=10 LABEL=warmup-second-round >/dev/null; warmed=$((warmed + 10))
    share=$(jit_share "$j0" "$t0")
    log "warm-up of the gateway on $GATEWAY_URL: ${warmed}s; JIT ${share}% of its CPU in the last round"
    if (( share < JIT_QUIET || warmed + 10 > WARMUP_MAX )); then break; fi
  done
}

per_call() { awk -v b="$1" -v n="$2" 'BEGIN{printf "%.0f", (n > 0 ? b / n : 0)}'; }

# CPU ticks of any process
proc_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }

# Runs ROUNDS alternating slices of two loads; sets <A>_LINE/<B>_LINE (combined RESULT lines), <A>_T/<B>_T
# (gateway CPU ticks of the gateway each side ran on), <A>_ALLOC/<B>_ALLOC (bytes allocated by it).
# Each side is "NAME GATEWAY load-args..." given as a string; the gateway is a name saved with save_gateway.
alternate() { # sideA sideB
  local round side name gw args lines t a p m j
  for name in A B; do
    printf -v "ALT_${name}_LINES" %s ""
    for total in T ALLOC PG MQ JIT; do printf -v "ALT_${name}_${total}" %s 0; done
  done
  for round in $(seq 1 "$ROUNDS"); do
    for side in A B; do
      if [[ $side == A ]]; then read -r gw args <<<"$1"; else read -r gw args <<<"$2"; fi
      args=${args//\{round\}/$round}
      use_gateway "$gw"
      t=$(gateway_ticks); a=$(allocated_bytes); p=$(pg_ticks); m=$(mq_ticks); j=$(jit_ticks)
      # shellcheck disable=SC2086 # args is a list of KEY=VALUE settings
      lines="$(load $args LABEL="alt-$side-$round")"
      name="ALT_${side}_LINES"; printf -v "$name" %s "${!name}${lines}"$'\n'
      name="ALT_${side}_T"; printf -v "$name" %s $((${!name} + $(gateway_ticks) - t))
      name="ALT_${side}_ALLOC"; printf -v "$name" %s $((${!name} + $(allocated_bytes) - a))
      name="ALT_${side}_PG"; printf -v "$name" %s $((${!name} + $(pg_ticks) - p))
      name="ALT_${side}_MQ"; printf -v "$name" %s $((${!name} + $(mq_ticks) - m))
      name="ALT_${side}_JIT"; printf -v "$name" %s $((${!name} + $(jit_ticks) - j))
    done
  done
  use_gateway MAIN
  ALT_A=$(combine <<<"$ALT_A_LINES"); ALT_B=$(combine <<<"$ALT_B_LINES")
  log "$ALT_A"; log "$ALT_B"
}

# What a plain registration binds besides the keys, URLs and titles: no description, tags, cover or category
# ($9-$12), an unchecked location ($14) and no object facts ($15-$18), as arrays of NULL, one per file.
pgbench_nulls() {
  echo -D p9="$NULLS" -D p10="$NULLS" -D p11="$NULLS" -D p12="$NULLS" -D p14=false \
    -D p15="$NULLS" -D p16="$NULLS" -D p17="$NULLS" -D p18="$NULLS"
}

pgbench_tps() { # script [seconds] -> tps
  (cd "$WORK" && pgbench -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -n -M prepared -c "$DB_POOL_SIZE" \
    -j "$PGBENCH_THREADS" -T "${2:-$DURATION}" -f "$1" -D p1="$PG_ACCOUNT_ID" -D p2="$PG_HOST_NAME" -D files="$FILES" \
    -D p5='{}' $(pgbench_nulls) "$BENCH_DB" >"$WORK/$1.out" 2>&1) \
    || { cat "$WORK/$1.out" >&2; die "pgbench $1 failed"; }
  sed -nE 's/^tps = ([0-9.]+).*/\1/p' "$WORK/$1.out" | awk '{printf "%.1f", $1}'
}

# pgbench at a constant rate -> p99 latency in ms, measured from each transaction's scheduled start (so, like the
# load generator's open model, it counts queueing); the first 2 s, fresh backends filling their caches, are left out.
pgbench_p99_at() { # rate script
  rm -f "$WORK"/pgbench-latency.*
  (cd "$WORK" && pgbench -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -n -M prepared -c "$DB_POOL_SIZE" \
    -j "$PGBENCH_THREADS" -T "$((DURATION + 2))" -R "$1" -l --log-prefix="$WORK/pgbench-latency" -f "$2" \
    -D p1="$PG_ACCOUNT_ID" -D p2="$PG_HOST_NAME" -D files="$FILES" -D p5='{}' $(pgbench_nulls) "$BENCH_DB" >"$WORK/$2.rate.out" 2>&1) \
    || { cat "$WORK/$2.rate.out" >&2; die "pgbench -R $1 $2 failed"; }
  cat "$WORK"/pgbench-latency.* | awk '{printf "%d.%06d %d\n", $5, $6, $3}' | sort -n \
    | awk 'NR == 1 {t0 = $1} $1 >= t0 + 2 {print $2}' | sort -n \
    | awk '{v[NR] = $1} END {printf "%.3f", (NR > 0 ? v[int(NR * 0.99) > 0 ? int(NR * 0.99) : 1] / 1000 : 0)}'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", (b>0 ? a/b : 0)}'; }

# The objects one verified slice registers: loadtest/new/<tag>/<seq>-<i>.mp4 (RegisterBatches' naming with RUN_TAG)
create_objects() { # tag requests
  python3 - "$WORK/s3/bench/loadtest/new/$1" "$2" "$FILES" <<'PY'
import os, sys
base, requests, files = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(base, exist_ok=True)
body = b"\0" * 1024
for seq in range(1, requests + 1):
    for i in range(files):
        with open(f"{base}/{seq}-{i}.mp4", "wb") as f:
            f.write(body)
PY
}

account_id_of() { # access-key-id [database] -> account id
  psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "${2:-$BENCH_DB}" -qAt -c "SELECT account_id FROM access_key WHERE id = '$1'"
}

# --- build, start, provision -----------------------------------------------------------------------------
: >"$WORK/loadgen.log"
build_gateway
# The AppCDS archive phase 7 compares with: Quarkus stops after its static init when quarkus.appcds.generate is set,
# and the JVM writes the classes loaded so far (as the training run in Dockerfile.jvm does)
if want 7; then
  rm -f "$ROOT/target/quarkus-app/app-cds.jsa"
  java $GATEWAY_JAVA_OPTS -XX:ArchiveClassesAtExit="$ROOT/target/quarkus-app/app-cds.jsa" -Dquarkus.appcds.generate=true \
    -jar "$ROOT/target/quarkus-app/quarkus-run.jar" >"$WORK/appcds.log" 2>&1 || log "no AppCDS archive (log: $WORK/appcds.log)"
fi
# The load generator: every phase but 7 loads a gateway
if want_any 1 2 3 4 5 6; then build_load_tests; fi
create_database
BENCH_QUEUE="vod.bench.jobs.$RUN_ID"
# The relay publishes to a queue of this run's own, deleted at the end (nothing consumes it during the run).
BROKER_OPTS="-Dvod.transcode.broker.exchange=vod.bench -Dvod.transcode.broker.job-queue=$BENCH_QUEUE -Dvod.transcode.broker.routing-key=$BENCH_QUEUE -Dvod.transcode.broker.result-queue=vod.bench.results -Dvod.transcode.broker.dead-letter-queue=vod.bench.results.dead"
NMT_OPTS=; [[ "$NMT" == 1 ]] && NMT_OPTS="-XX:NativeMemoryTracking=summary"
GATEWAY_EXTRA_OPTS="$BROKER_OPTS $NMT_OPTS" start_gateway
FIRST_READY_MS=$READY_MS
provision_or_demo "$ACCOUNTS" "$RUN_ID"
save_gateway MAIN
# S3Proxy, and accounts whose storage location (the S3 server, path-style) has a connection, so every new file is
# checked: phase 4's alone
if want 4; then
  start_s3
  : >"$WORK/verified.csv"
  for i in $(seq 1 "$VERIFIED_ACCOUNTS"); do
    provision_accounts 1 1000000 "verified-$RUN_ID-$i" "$WORK/one.csv"
    IFS=, read -r key secret _ <"$WORK/one.csv"
    id=$(account_id_of "$key")
    admin_post "/admin/accounts/$id/storage-locations" "{\"host\":\"127.0.0.1:$S3_PORT\"}" >/dev/null || die "verified location"
    curl -sf -X PUT -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
      -d "{\"endpoint\":\"http://127.0.0.1:$S3_PORT\",\"region\":\"us-east-1\",\"bucket\":\"bench\",\"addressingStyle\":\"path\",\"accessKeyId\":\"$S3_KEY\",\"accessKeySecret\":\"$S3_SECRET\"}" \
      "$ADMIN_BASE/admin/accounts/$id/storage-locations/127.0.0.1:$S3_PORT/connection" >/dev/null || die "storage connection"
    echo "$key,$secret,127.0.0.1:$S3_PORT/bench" >>"$WORK/verified.csv"
  done
fi
# --- optionally wait for the machine to quieten (a shared machine's other work distorts every figure) -------
if [[ -n "${QUIET_LOAD:-}" ]]; then
  for _ in $(seq 1 $(( ${QUIET_WAIT:-300} / 5 ))); do
    awk -v q="$QUIET_LOAD" '{exit !($1 < q)}' /proc/loadavg && break
    log "load average $(cut -d' ' -f1 /proc/loadavg) >= QUIET_LOAD=$QUIET_LOAD; waiting"
    sleep 5
  done
fi

LOADAVG_START=$(cut -d' ' -f1-3 /proc/loadavg)
: >"$RSS_SAMPLES"
SAMPLER_PID=$(rss_sampler "$GATEWAY_PID" "$RSS_SAMPLES")
# --- warm-up ----------------------------------------------------------------------------------------------
# Of the main gateway, which phases 1-4 load: 5 and 6 warm gateways of their own, 7 only starts one.
if want_any 1 2 3 4; then
  log "warming up for ${WARMUP}s"
  load KIND=register-new MODE=closed CONNECTIONS="$CONCURRENCY" DURATION="$WARMUP" LABEL=warmup >/dev/null
  # Rounds of every phase's load, so the compiled code has seen all three paths (switching paths later would make
  # the JIT throw away and redo code in the middle of a measurement), until the compilers are quiet.
  WARMED=$WARMUP
  while :; do
    j0=$(jit_ticks); t0=$(gateway_ticks)
    load KIND=register-new MODE=closed CONNECTIONS="$CONCURRENCY" DURATION=8 LABEL=warmup-round >/dev/null
    load KIND=register-hot MODE=closed CONNECTIONS="$CONCURRENCY" DURATION=3 LABEL=warmup-round-hot >/dev/null
    load KIND=trivial MODE=closed CONNECTIONS="$CONCURRENCY" DURATION=3 LABEL=warmup-round-trivial >/dev/null
    WARMED=$((WARMED + 14)); JIT_LAST=$(jit_share "$j0" "$t0")
    log "warm-up: ${WARMED}s; the JIT compilers used ${JIT_LAST}% of the gateway's CPU in the last round"
    if (( JIT_LAST < JIT_QUIET || WARMED + 14 > WARMUP_MAX )); then break; fi
  done
fi

# pgbench's scripts: the hot path's own SQL, read out of the repository at run time (phases 1 and 3 run pgbench)
if want_any 1 3; then
  java -cp "$(cat "$WORK/loadtest.classpath")" io.openvod.loadtest.bench.HotPathSql \
    "$ROOT/src/main/resources/sql" "$WORK"
  IFS=, read -r _ _ PG_HOST_NAME <"$WORK/keys.csv"
  PG_ACCOUNT_ID=$(psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$BENCH_DB" -qAt \
    -c "SELECT account_id FROM storage_location WHERE host = '$PG_HOST_NAME'")
  NULLS="{$(printf 'NULL,%.0s' $(seq 2 "$FILES"))NULL}"
fi

# The two sides of each ratio alternate, each run ROUNDS times for DURATION seconds, so that the shared machine's
# drift over a run (other tenants, PostgreSQL's checkpoints) falls on both sides alike. Not shorter slices: pgbench
# runs of 5 s made 15-25 % fewer transactions per second than runs of 15 s, back to back on the same database.
SLICE=$DURATION

# --- 1. RegisterMedia at its maximum, alternating with pgbench running the same SQL with the gateway idle ------
if want 1; then
  log "1. RegisterMedia maximum vs pgbench (src/main/resources/sql/register/insert-new.sql, $DB_POOL_SIZE connections): $ROUNDS rounds of ${SLICE}s each"
  profile_start register-max
  MAX_LINES=""; PG_TPS_LIST=""
  GW_T=0; GW_J=0; GW_A=0; MAX_PG_T=0; MAX_B=0; MAX_I=0; PG_TX=0; PGB_PG_T=0; PGB_B=0; PGB_I=0
  for round in $(seq 1 "$ROUNDS"); do
    c0=$(cpu_snapshot); t0=$(gateway_ticks); j0=$(jit_ticks); p0=$(pg_ticks); a0=$(allocated_bytes)
    MAX_LINES+="$(load KIND=register-new MODE=closed CONNECTIONS="$CONCURRENCY" DURATION="$SLICE" LABEL="register-max-$round")"$'\n'
    read -r b i <<<"$(cpu_delta "$c0")"; MAX_B=$((MAX_B + b)); MAX_I=$((MAX_I + i))
    GW_T=$((GW_T + $(gateway_ticks) - t0)); GW_J=$((GW_J + $(jit_ticks) - j0)); MAX_PG_T=$((MAX_PG_T + $(pg_ticks) - p0))
    GW_A=$((GW_A + $(allocated_bytes) - a0))
    c0=$(cpu_snapshot); p0=$(pg_ticks)
    PG_TPS_LIST+="$(pgbench_tps pgbench-register-new.sql "$SLICE") "
    read -r b i <<<"$(cpu_delta "$c0")"; PGB_B=$((PGB_B + b)); PGB_I=$((PGB_I + i)); PGB_PG_T=$((PGB_PG_T + $(pg_ticks) - p0))
    PG_TX=$((PG_TX + $(sed -nE 's/^number of transactions actually processed: ([0-9]+).*/\1/p' "$WORK/pgbench-register-new.sql.out")))
  done
  profile_stop register-max
  MAX=$(combine <<<"$MAX_LINES"); log "$MAX"
  MAX_RPS=$(field "$MAX" throughput)
  MAX_REQUESTS=$(field "$MAX" requests)
  MAX_BUSY=$(busy_percent "$MAX_B" "$MAX_I"); MAX_CPU=$(us_per "$GW_T" "$MAX_REQUESTS")
  MAX_JIT=$(percent "$GW_J" "$GW_T")
  MAX_ALLOC=$(per_call "$GW_A" "$MAX_REQUESTS")
  MAX_PG_US=$(us_per "$MAX_PG_T" "$MAX_REQUESTS")
  MAX_GEN_US=$(awk -v s="$(field "$MAX" generator_cpu_s)" -v n="$MAX_REQUESTS" 'BEGIN{printf "%.0f", (n>0 ? s*1e6/n : 0)}')
  # The three parts, not the machine's busy time: that would also count the start of each slice's generator JVM.
  MAX_PARTS_US=$(awk -v a="$MAX_PG_US" -v b="$MAX_CPU" -v c="$MAX_GEN_US" 'BEGIN{if (a == "n/a") print "n/a"; else printf "%.0f", a + b + c}')
  PG_FULL=$(awk -v l="$PG_TPS_LIST" 'BEGIN{n = split(l, t, " "); for (k = 1; k <= n; k++) s += t[k]; printf "%.1f", (n ? s / n : 0)}')
  PG_BUSY=$(busy_percent "$PGB_B" "$PGB_I")
  PGBENCH_PG_US=$(us_per "$PGB_PG_T" "$PG_TX"); PGBENCH_MACHINE_US=$(us_per "$PGB_B" "$PG_TX")
  PG_GEN=$(pgbench_tps pgbench-generate.sql)
  # pgbench cannot make strings itself, so each transaction first asks PostgreSQL for its new FileURLs. That query
  # is timed on its own and taken out, which only raises the ceiling (a stricter ratio).
  PG_CEILING=$(awk -v f="$PG_FULL" -v g="$PG_GEN" 'BEGIN{printf "%.1f", ((g>f && f>0) ? 1/(1/f-1/g) : f)}')
  # The database's own latency at the half rate the gateway is held to below: the floor under the gateway's p99.
  HALF_RATE=$(awk -v r="$MAX_RPS" 'BEGIN{printf "%.0f", r/2}')
  PG_HALF_P99=$(pgbench_p99_at "$HALF_RATE" pgbench-register-new.sql)

  profile_start register-half
  cpu0=$(cpu_snapshot)
  scrape_histogram >"$WORK/histogram.before"
  HALF=$(load KIND=register-new MODE=open RATE="$HALF_RATE" CONNECTIONS="$CONCURRENCY" DURATION="$DURATION" LABEL=register-half)
  HALF_BUSY=$(cpu_busy_since "$cpu0")
  scrape_histogram >"$WORK/histogram.after"
  HALF_SERVER_P99=$(histogram_p99_ms "$WORK/histogram.before" "$WORK/histogram.after")
  profile_stop register-half
fi

# --- 2. one hot account over its limit vs a trivial endpoint, alternating ------------------------------------
if want 2; then
  log "2. hot account vs trivial endpoint"
  profile_start hot-trivial
  HOT_LINES=""; TRIVIAL_LINES=""
  HOT_T=0; HOT_J=0; HOT_A=0; HOT_B=0; HOT_I=0; TRIVIAL_T=0; TRIVIAL_J=0; TRIVIAL_A=0; TRIVIAL_B=0; TRIVIAL_I=0
  for round in $(seq 1 "$ROUNDS"); do
    c0=$(cpu_snapshot); t0=$(gateway_ticks); j0=$(jit_ticks); a0=$(allocated_bytes)
    HOT_LINES+="$(load KIND=register-hot MODE=closed CONNECTIONS="$CONCURRENCY" DURATION="$SLICE" LABEL="hot-account-$round")"$'\n'
    read -r b i <<<"$(cpu_delta "$c0")"; HOT_B=$((HOT_B + b)); HOT_I=$((HOT_I + i))
    HOT_T=$((HOT_T + $(gateway_ticks) - t0)); HOT_J=$((HOT_J + $(jit_ticks) - j0)); HOT_A=$((HOT_A + $(allocated_bytes) - a0))
    c0=$(cpu_snapshot); t0=$(gateway_ticks); j0=$(jit_ticks); a0=$(allocated_bytes)
    TRIVIAL_LINES+="$(load KIND=trivial MODE=closed CONNECTIONS="$CONCURRENCY" DURATION="$SLICE" LABEL="trivial-$round")"$'\n'
    read -r b i <<<"$(cpu_delta "$c0")"; TRIVIAL_B=$((TRIVIAL_B + b)); TRIVIAL_I=$((TRIVIAL_I + i))
    TRIVIAL_T=$((TRIVIAL_T + $(gateway_ticks) - t0)); TRIVIAL_J=$((TRIVIAL_J + $(jit_ticks) - j0)); TRIVIAL_A=$((TRIVIAL_A + $(allocated_bytes) - a0))
  done
  profile_stop hot-trivial
  HOT=$(combine <<<"$HOT_LINES"); log "$HOT"
  TRIVIAL=$(combine <<<"$TRIVIAL_LINES"); log "$TRIVIAL"
  HOT_BUSY=$(busy_percent "$HOT_B" "$HOT_I"); HOT_CPU=$(us_per "$HOT_T" "$(field "$HOT" requests)")
  HOT_JIT=$(percent "$HOT_J" "$HOT_T"); HOT_ALLOC=$(per_call "$HOT_A" "$(field "$HOT" requests)")
  TRIVIAL_BUSY=$(busy_percent "$TRIVIAL_B" "$TRIVIAL_I"); TRIVIAL_CPU=$(us_per "$TRIVIAL_T" "$(field "$TRIVIAL" requests)")
  TRIVIAL_JIT=$(percent "$TRIVIAL_J" "$TRIVIAL_T"); TRIVIAL_ALLOC=$(per_call "$TRIVIAL_A" "$(field "$TRIVIAL" requests)")
fi

# --- 3. GetVideoInfo vs pgbench running sql/media/find-one.sql ------------------------------------------------
if want 3; then
  # The media registered so far by the spread accounts, in random order, with the key of their account: what both
  # sides read.
  log "3. GetVideoInfo vs pgbench (src/main/resources/sql/media/find-one.sql)"
  # Without phase 1 only the warm-up has registered media of the spread accounts: register more, as phase 1 would.
  want 1 || load KIND=register-new MODE=closed CONNECTIONS="$CONCURRENCY" DURATION="$DURATION" LABEL=register-for-get >/dev/null
  SPREAD_KEYS=$(cut -d, -f1 "$WORK/keys.csv" | sed "s/.*/'&'/" | paste -sd,)
  psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$BENCH_DB" -qAt -v ON_ERROR_STOP=1 >/dev/null <<SQL
CREATE TABLE bench_ids AS
  SELECT row_number() OVER () AS n, m.account_id, m.media_id, k.id AS access_key_id
  FROM (SELECT account_id, media_id FROM media
        WHERE account_id IN (SELECT account_id FROM access_key WHERE id IN ($SPREAD_KEYS))
        ORDER BY random() LIMIT 20000) m
  JOIN access_key k ON k.account_id = m.account_id;
CREATE UNIQUE INDEX ON bench_ids (n);
ANALYZE bench_ids;
\copy (SELECT access_key_id, media_id FROM bench_ids ORDER BY n) TO '$WORK/video-ids.csv' CSV
SQL
  ID_COUNT=$(wc -l <"$WORK/video-ids.csv")
  # pgbench takes the same statement, $1/$2 bound from a random row of bench_ids (that lookup is timed alone below)
  { echo "\\set n random(1, $ID_COUNT)"
    echo 'SELECT account_id AS p1, media_id AS p2 FROM bench_ids WHERE n = :n \gset'
    sed -e 's/\$1/:p1/g; s/\$2/:p2/g' "$ROOT/src/main/resources/sql/media/find-one.sql"; echo ';'; } >"$WORK/pgbench-find-one.sql"
  { echo "\\set n random(1, $ID_COUNT)"
    echo 'SELECT account_id AS p1, media_id AS p2 FROM bench_ids WHERE n = :n \gset'; } >"$WORK/pgbench-find-one-ids.sql"
  load KIND=get-video-info VIDEO_IDS="$WORK/video-ids.csv" MODE=closed CONNECTIONS="$CONCURRENCY" DURATION=10 LABEL=warmup-get >/dev/null
  profile_start get-video-info
  GET_LINES=""; GET_TPS_LIST=""; GET_T=0; GET_PG_T=0; GET_A=0; GETPG_PG_T=0; GETPG_TX=0
  for round in $(seq 1 "$ROUNDS"); do
    t0=$(gateway_ticks); p0=$(pg_ticks); a0=$(allocated_bytes)
    GET_LINES+="$(load KIND=get-video-info VIDEO_IDS="$WORK/video-ids.csv" MODE=closed CONNECTIONS="$CONCURRENCY" DURATION="$SLICE" LABEL="get-video-info-$round")"$'\n'
    GET_T=$((GET_T + $(gateway_ticks) - t0)); GET_PG_T=$((GET_PG_T + $(pg_ticks) - p0)); GET_A=$((GET_A + $(allocated_bytes) - a0))
    p0=$(pg_ticks)
    GET_TPS_LIST+="$(pgbench_tps pgbench-find-one.sql "$SLICE") "
    GETPG_PG_T=$((GETPG_PG_T + $(pg_ticks) - p0))
    GETPG_TX=$((GETPG_TX + $(sed -nE 's/^number of transactions actually processed: ([0-9]+).*/\1/p' "$WORK/pgbench-find-one.sql.out")))
  done
  profile_stop get-video-info
  GET=$(combine <<<"$GET_LINES"); log "$GET"
  GET_RPS=$(field "$GET" throughput)
  GET_CPU=$(us_per "$GET_T" "$(field "$GET" requests)"); GET_PG_US=$(us_per "$GET_PG_T" "$(field "$GET" requests)")
  GET_ALLOC=$(per_call "$GET_A" "$(field "$GET" requests)")
  GETPG_US=$(us_per "$GETPG_PG_T" "$GETPG_TX")
  GETPG_FULL=$(awk -v l="$GET_TPS_LIST" 'BEGIN{n = split(l, t, " "); for (k = 1; k <= n; k++) s += t[k]; printf "%.1f", (n ? s / n : 0)}')
  GETPG_IDS=$(pgbench_tps pgbench-find-one-ids.sql)
  GETPG_CEILING=$(awk -v f="$GETPG_FULL" -v g="$GETPG_IDS" 'BEGIN{printf "%.1f", ((g>f && f>0) ? 1/(1/f-1/g) : f)}')
  R3=$(ratio "$GET_RPS" "$GETPG_CEILING")
fi

# --- 4. a verified storage location (every new file checked with a HEAD in S3Proxy) vs an unverified one -----
if want 4; then
  log "4. RegisterMedia, verified location vs unverified"
  # Objects for each verified slice, named as RegisterBatches names them with RUN_TAG: more than the fastest
  # unverified rate could register in a slice, so no verified call runs out of objects. That rate is phase 1's
  # maximum; without phase 1, one closed-model slice of the same load measures it.
  if want 1; then
    UNVER_MAX_RPS=$MAX_RPS
  else
    PROBE=$(load KIND=register-new MODE=closed CONNECTIONS="$CONCURRENCY" DURATION="$SLICE" LABEL=rate-probe)
    UNVER_MAX_RPS=$(field "$PROBE" throughput)
  fi
  OBJECTS=$(awk -v r="$UNVER_MAX_RPS" -v s="$SLICE" 'BEGIN{printf "%.0f", r * s * 1.5 + 100}')
  # The checks run the S3 client's code, which the warm-up so far never ran: warm it until the JIT is quiet, each
  # round with new objects of its own (repeats are never checked). The first round's objects are sized for the
  # unverified rate; then for twice the rate the checks reached.
  VOBJECTS=$OBJECTS
  for tag in w1 w2 w3 w4 w5 w6 w7 w8; do
    create_objects "v$tag" "$VOBJECTS"
    j0=$(jit_ticks); t0=$(gateway_ticks)
    line=$(load KIND=register-new KEYS="$WORK/verified.csv" RUN_TAG="v$tag" MODE=closed CONNECTIONS="$CONCURRENCY" DURATION="$SLICE" LABEL=warmup-verified)
    # and the unverified load the measurement alternates with: code both paths share (the insert's binds, the
    # answer) is compiled for both, or the JIT recompiles it at every switch
    load KIND=register-new MODE=closed CONNECTIONS="$CONCURRENCY" DURATION=5 LABEL=warmup-unverified >/dev/null
    VOBJECTS=$(awk -v r="$(field "$line" throughput)" -v s="$SLICE" 'BEGIN{printf "%.0f", r * s * 2 + 200}')
    VERIFIED_JIT=$(jit_share "$j0" "$t0"); log "warm-up of the checks: the JIT used ${VERIFIED_JIT}% of the gateway's CPU"
    (( VERIFIED_JIT < JIT_QUIET )) && break
  done
  # The measured slices may run faster than the warm-up did (S3Proxy's own JIT warms too): objects for the larger of
  # the two estimates, so that no verified call runs out of them
  VOBJECTS=$(( VOBJECTS > OBJECTS ? VOBJECTS : OBJECTS ))
  for round in $(seq 1 "$ROUNDS"); do create_objects "v$round" "$VOBJECTS"; done
  s0=$(proc_ticks "$S3_PID"); j0=$(jit_ticks); t0=$(gateway_ticks)
  profile_start verified
  alternate "MAIN KIND=register-new KEYS=$WORK/verified.csv RUN_TAG=v{round} MODE=closed CONNECTIONS=$CONCURRENCY DURATION=$SLICE" \
            "MAIN KIND=register-new MODE=closed CONNECTIONS=$CONCURRENCY DURATION=$SLICE"
  S3_T=$(($(proc_ticks "$S3_PID") - s0)); VERIFIED_JIT=$(jit_share "$j0" "$t0")
  profile_stop verified
  VER=$ALT_A; UNVER=$ALT_B
  VER_CPU=$(us_per "$ALT_A_T" "$(field "$VER" requests)"); UNVER_CPU=$(us_per "$ALT_B_T" "$(field "$UNVER" requests)")
  # The same without the JIT compilers' threads: compiling is a cost of warming up, which a long-running gateway pays
  # once; on this machine it did not settle within the phase (it recompiles code both loads share at each switch)
  VER_CPU_NOJIT=$(us_per $((ALT_A_T - ALT_A_JIT)) "$(field "$VER" requests)")
  UNVER_CPU_NOJIT=$(us_per $((ALT_B_T - ALT_B_JIT)) "$(field "$UNVER" requests)")
  R4_CPU_NOJIT=$(ratio "$VER_CPU_NOJIT" "$UNVER_CPU_NOJIT")
  S3_CPU=$(us_per "$S3_T" "$(field "$VER" requests)")
  R4_CPU=$(ratio "$VER_CPU" "$UNVER_CPU"); R4_RPS=$(ratio "$(field "$VER" throughput)" "$(field "$UNVER" throughput)")
fi

# --- 5. the relay publishing every job to RabbitMQ vs the relay off: two fresh gateways, alternating -----------
if want 5; then
  # Both fresh, each on a fresh database with one account and a template group: the main gateway's database has grown
  # by every phase before, which would slow its registrations whether the relay runs or not.
  log "5. RegisterMedia with a template group: relay on vs relay off (two fresh gateways, own databases)"
  relay_gateway() { # NAME extra-JVM-options -> started, provisioned ($WORK/transcode-NAME.csv), warm, saved under NAME
    psql_admin -c "DROP DATABASE IF EXISTS ${BENCH_DB}_$1 WITH (FORCE)" -c "CREATE DATABASE ${BENCH_DB}_$1" >/dev/null
    GATEWAY_DB="${BENCH_DB}_$1" GATEWAY_LOG="$WORK/gateway-relay-$1.log" GATEWAY_EXTRA_OPTS="$BROKER_OPTS $2" start_gateway
    ADMIN_BASE=$(admin_base) || die "no admin API on gateway $1"
    provision_accounts 1 1000000 "transcode-$1-$RUN_ID" "$WORK/transcode-$1.csv"
    admin_post "/admin/accounts/$(account_id_of "$(cut -d, -f1 "$WORK/transcode-$1.csv")" "${BENCH_DB}_$1")/template-groups" \
      '{"id":"bench-tg","name":"benchmark"}' >/dev/null || die "template group"
    warm_until_quiet KIND=register-template KEYS="$WORK/transcode-$1.csv" MODE=closed CONNECTIONS="$CONCURRENCY"
    save_gateway "$1"
  }
  relay_gateway on "$RELAY_OPTS"
  relay_gateway off "-Dvod.transcode.relay.enabled=false"
  use_gateway on
  PUBLISHED0=$(metric vod_transcode_relay_published_total)
  RELAY_T0=$(date +%s.%N)
  profile_start relay-on  # the relay-on gateway only: it is idle while the other side runs
  alternate "on KIND=register-template KEYS=$WORK/transcode-on.csv MODE=closed CONNECTIONS=$CONCURRENCY DURATION=$SLICE" \
            "off KIND=register-template KEYS=$WORK/transcode-off.csv MODE=closed CONNECTIONS=$CONCURRENCY DURATION=$SLICE"
  use_gateway on
  profile_stop relay-on
  RELAY_ON=$ALT_A; RELAY_OFF=$ALT_B
  RELAY_ON_CPU=$(us_per "$ALT_A_T" "$(field "$RELAY_ON" requests)"); RELAY_OFF_CPU=$(us_per "$ALT_B_T" "$(field "$RELAY_OFF" requests)")
  RELAY_ON_PG=$(us_per "$ALT_A_PG" "$(field "$RELAY_ON" requests)"); RELAY_OFF_PG=$(us_per "$ALT_B_PG" "$(field "$RELAY_OFF" requests)")
  RELAY_ON_MQ=$(us_per "$ALT_A_MQ" "$(field "$RELAY_ON" requests)"); RELAY_OFF_MQ=$(us_per "$ALT_B_MQ" "$(field "$RELAY_OFF" requests)")
  R5=$(ratio "$(field "$RELAY_ON" throughput)" "$(field "$RELAY_OFF" throughput)")
  use_gateway off; stop_gateway; use_gateway on; off_PID=
  drain_relay() { for _ in $(seq 1 120); do [[ $(metric vod_transcode_backlog_jobs) == 0 ]] && break; sleep 1; done; }
  # The relay's lag from the jobs themselves: created (by the registration) to dispatched (marked after the broker's
  # confirms), p99 and max in ms over the jobs created since a time
  relay_lag() { # epoch-seconds -> "p99 max jobs"
    psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "${BENCH_DB}_on" -qAt -F' ' -c "SELECT
      round(1000 * percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM dispatched_at - created_at))),
      round(1000 * max(extract(epoch FROM dispatched_at - created_at))), count(*)
      FROM transcode_job WHERE created_at >= to_timestamp($1) AND dispatched_at IS NOT NULL"
  }
  drain_relay
  read -r RELAY_MAX_LAG_P99 RELAY_MAX_LAG_MAX RELAY_MAX_JOBS <<<"$(relay_lag "$RELAY_T0")"
  # At the maximum the machine has no CPU to spare, so the backlog grows while the load lasts; at half the rate a
  # relay that keeps up shows its own lag
  RELAY_HALF_RATE=$(awk -v r="$(field "$RELAY_ON" throughput)" 'BEGIN{printf "%.0f", r/2}')
  RELAY_T1=$(date +%s.%N)
  RELAY_HALF=$(load KIND=register-template KEYS="$WORK/transcode-on.csv" MODE=open RATE="$RELAY_HALF_RATE" CONNECTIONS="$CONCURRENCY" DURATION="$DURATION" LABEL=relay-half)
  drain_relay
  RELAY_BACKLOG=$(metric vod_transcode_backlog_jobs)
  RELAY_PUBLISHED=$(($(metric vod_transcode_relay_published_total) - PUBLISHED0))
  read -r RELAY_LAG_P99_MS RELAY_LAG_MAX_MS RELAY_HALF_JOBS <<<"$(relay_lag "$RELAY_T1")"
  stop_gateway; on_PID=
fi

# --- 6. memory and throughput: these JVM settings vs REFERENCE_JAVA_OPTS, two fresh gateways, alternating -------
if want 6; then
  # Both fresh, on fresh databases, under the same load: the main gateway has run every phase (the S3 client, the
  # media reads) on a database grown by them, so it is compared with neither.
  log "6. RegisterMedia with GATEWAY_JAVA_OPTS ($GATEWAY_JAVA_OPTS) vs REFERENCE_JAVA_OPTS ($REFERENCE_JAVA_OPTS)"
  use_gateway MAIN
  kill "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=
  RSS_PEAK_MB=$(peak_mb "$RSS_SAMPLES")
  [[ "$NMT" == 1 ]] && jcmd "$GATEWAY_PID" VM.native_memory summary >"$WORK/nmt.txt" 2>&1 && log "native memory: $WORK/nmt.txt"
  fresh_gateway() { # NAME java-options -> started, provisioned ($WORK/keys-NAME.csv), warm, saved under NAME
    psql_admin -c "DROP DATABASE IF EXISTS ${BENCH_DB}_$1 WITH (FORCE)" -c "CREATE DATABASE ${BENCH_DB}_$1" >/dev/null
    GATEWAY_JAVA_OPTS="$2" GATEWAY_DB="${BENCH_DB}_$1" GATEWAY_LOG="$WORK/gateway-$1.log" GATEWAY_EXTRA_OPTS="$BROKER_OPTS" \
      start_gateway
    ADMIN_BASE=$(admin_base) || die "no admin API on gateway $1"
    provision_accounts "$ACCOUNTS" 1000000 "$1-$RUN_ID" "$WORK/keys-$1.csv"
    warm_until_quiet KIND=register-new KEYS="$WORK/keys-$1.csv" MODE=closed CONNECTIONS="$CONCURRENCY"
    save_gateway "$1"
  }
  use_gateway MAIN; stop_gateway
  fresh_gateway chosen "$GATEWAY_JAVA_OPTS"
  fresh_gateway ref "$REFERENCE_JAVA_OPTS"
  : >"$WORK/rss-chosen.samples"; : >"$WORK/rss-reference.samples"
  PHASE6_SAMPLER_PID=$(rss_sampler "$chosen_PID" "$WORK/rss-chosen.samples")
  REF_SAMPLER_PID=$(rss_sampler "$ref_PID" "$WORK/rss-reference.samples")
  alternate "chosen KIND=register-new KEYS=$WORK/keys-chosen.csv MODE=closed CONNECTIONS=$CONCURRENCY DURATION=$SLICE" \
            "ref KIND=register-new KEYS=$WORK/keys-ref.csv MODE=closed CONNECTIONS=$CONCURRENCY DURATION=$SLICE"
  R6=$(ratio "$(field "$ALT_A" throughput)" "$(field "$ALT_B" throughput)")
  MEM_CHOSEN=$ALT_A; MEM_REF=$ALT_B
  MEM_CHOSEN_CPU=$(us_per "$ALT_A_T" "$(field "$ALT_A" requests)"); MEM_REF_CPU=$(us_per "$ALT_B_T" "$(field "$ALT_B" requests)")
  kill "$REF_SAMPLER_PID" "$PHASE6_SAMPLER_PID" 2>/dev/null || true; REF_SAMPLER_PID=; PHASE6_SAMPLER_PID=
  PHASE6_RSS_MB=$(peak_mb "$WORK/rss-chosen.samples"); REF_RSS_PEAK_MB=$(peak_mb "$WORK/rss-reference.samples")
  for name in chosen ref; do use_gateway "$name"; stop_gateway; done
  chosen_PID=; ref_PID=
fi

# --- 7. start-up: JVM launch to ready, on the benchmark's (migrated) database, with and without AppCDS ---------
if want 7; then
  log "7. start-up, $STARTS times each"
  use_gateway MAIN; stop_gateway
  median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{v[NR] = $1} END {print (NR ? v[int((NR + 1) / 2)] : "n/a")}'; }
  STARTUP_LIST=""
  for _ in $(seq 1 "$STARTS"); do
    GATEWAY_LOG="$WORK/gateway-start.log" GATEWAY_EXTRA_OPTS="$BROKER_OPTS" start_gateway; stop_gateway
    STARTUP_LIST+="$READY_MS "
  done
  STARTUP_MS=$(median <<<"$STARTUP_LIST")
  CDS_ARCHIVE="$ROOT/target/quarkus-app/app-cds.jsa"
  if [[ -f "$CDS_ARCHIVE" ]]; then
    CDS_LIST=""
    for _ in $(seq 1 "$STARTS"); do
      GATEWAY_LOG="$WORK/gateway-start-cds.log" GATEWAY_EXTRA_OPTS="$BROKER_OPTS -XX:SharedArchiveFile=$CDS_ARCHIVE" start_gateway; stop_gateway
      CDS_LIST+="$READY_MS "
    done
    STARTUP_CDS_MS=$(median <<<"$CDS_LIST")
  else
    CDS_LIST="no archive (see $WORK/appcds.log)"; STARTUP_CDS_MS=n/a
  fi
  STARTUP_BEST=$(awk -v a="$STARTUP_MS" -v b="$STARTUP_CDS_MS" 'BEGIN{print (b != "n/a" && b + 0 < a + 0) ? b : a}')
fi

# --- report: the rows and lines of the phases that ran ---------------------------------------------------
verdict() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN{ok=((op=="ge") ? (v>=t) : (v<=t)); print (ok ? "met" : "**NOT met**")}'; }
joined() { local all; all=$(printf '%s, ' "$@"); printf '%s' "${all%, }"; } # items -> "a, b, c"
if want 1; then
  R1=$(ratio "$MAX_RPS" "$PG_CEILING")
  P99_HALF=$(field "$HALF" p99_ms)
  P99_RATIO=$(ratio "$P99_HALF" "$PG_HALF_P99")
  CPU_RATIO=$(ratio "$MAX_CPU" "$MAX_PG_US")
fi
if want 2; then
  R2=$(ratio "$(field "$HOT" throughput)" "$(field "$TRIVIAL" throughput)")
  THROTTLE_RATIO=$(ratio "$HOT_CPU" "$TRIVIAL_CPU")
fi
COMMAND=deployment/bench/benchmark.sh; [[ "$PHASES" == "1 2 3 4 5 6 7" ]] || COMMAND="PHASES=\"$PHASES\" $COMMAND"
if want_any 1 2 3 4; then
  WARMUP_NOTE="WARMUP=${WARMUP}s (warmed ${WARMED}s until the JIT used ${JIT_LAST}% < JIT_QUIET=${JIT_QUIET}% of the gateway's CPU, or WARMUP_MAX=${WARMUP_MAX}s)"
else
  WARMUP_NOTE="WARMUP=${WARMUP}s (the main gateway not warmed up: none of phases 1–4 ran)"
fi
VERIFIED_NOTE=; want 4 && VERIFIED_NOTE="; $VERIFIED_ACCOUNTS with a verified location"
# The main gateway's resident memory was sampled over the phases of 1-4 that ran (phase 6 reads it)
MAIN_PHASES=; for n in 1 2 3 4; do if want "$n"; then MAIN_PHASES+="${MAIN_PHASES:+ }$n"; fi; done
case "$MAIN_PHASES" in
  "1 2 3 4") RSS_SCOPE="over phases 1–4 (every feature but the relay used)" ;;
  "") RSS_SCOPE="with the main gateway idle (none of phases 1–4 ran)" ;;
  *) RSS_SCOPE="over phases $MAIN_PHASES only" ;;
esac
# The lines that gather figures of several phases: those of the phases that ran, in the same order
GW_CPU=(); GW_JIT=(); GEN_CPU=(); GEN_S=(); BUSY=(); ALLOC=(); UNIT=
if want 1; then
  GW_CPU+=("RegisterMedia ${MAX_CPU} µs"); GW_JIT+=("${MAX_JIT}%"); BUSY+=("max-throughput ${MAX_BUSY}%" "half-rate ${HALF_BUSY}%")
  GEN_CPU+=("$(field "$MAX" generator_cpu_s) s for the RegisterMedia maximum"); GEN_S+=("$(field "$MAX" seconds) s")
  UNIT+=" one RegisterMedia call at the maximum: PostgreSQL ${MAX_PG_US} + gateway ${MAX_CPU} + load generator ${MAX_GEN_US} = ${MAX_PARTS_US}; one pgbench transaction (with its FileURL query): PostgreSQL ${PGBENCH_PG_US}, whole machine ${PGBENCH_MACHINE_US}."
fi
if want 2; then
  GW_CPU+=("hot account ${HOT_CPU} µs" "trivial ${TRIVIAL_CPU} µs"); GW_JIT+=("${HOT_JIT}%" "${TRIVIAL_JIT}%")
  BUSY+=("hot account ${HOT_BUSY}%" "trivial ${TRIVIAL_BUSY}%"); ALLOC+=("throttled call $HOT_ALLOC B" "trivial $TRIVIAL_ALLOC B")
  GEN_CPU+=("$(field "$HOT" generator_cpu_s) s hot account" "$(field "$TRIVIAL" generator_cpu_s) s trivial")
  GEN_S+=("$(field "$HOT" seconds) s" "$(field "$TRIVIAL" seconds) s")
fi
if want 3; then
  GW_CPU+=("GetVideoInfo ${GET_CPU} µs"); ALLOC+=("GetVideoInfo $GET_ALLOC B")
  UNIT+=" GetVideoInfo: PostgreSQL ${GET_PG_US} per call; pgbench find-one (with its id lookup) ${GETPG_US} per transaction."
fi
if want 1; then BUSY+=("pgbench ${PG_BUSY}%"); fi
GW_LINE="Gateway CPU per answered request: $(joined "${GW_CPU[@]}")"
if (( ${#GW_JIT[@]} )); then GW_LINE+=" (of which the JIT compilers: $(joined "${GW_JIT[@]}"))"; fi
GW_LINE+="."
if (( ${#GEN_CPU[@]} )); then GW_LINE+=" Load generator CPU: $(joined "${GEN_CPU[@]}") (each over $(joined "${GEN_S[@]}"))."; fi
ALLOC_MORE=; if (( ${#ALLOC[@]} )); then ALLOC_MORE=" ($(joined "${ALLOC[@]}"))"; fi
SUMMARY="$WORK/summary.md"
{
  echo "### Benchmark run $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo
  echo "Command: \`$COMMAND\` (DURATION=${DURATION}s per slice, the two sides of each ratio alternating ROUNDS=${ROUNDS} times, $WARMUP_NOTE, CONCURRENCY=$CONCURRENCY, FILES=$FILES, DB_POOL_SIZE=$DB_POOL_SIZE, GATEWAY_JAVA_OPTS=\"$GATEWAY_JAVA_OPTS\", REFERENCE_JAVA_OPTS=\"$REFERENCE_JAVA_OPTS\")"
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1); PostgreSQL $(psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -qAt -c 'SHOW server_version') (synchronous_commit=$(psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -qAt -c 'SHOW synchronous_commit')); gateway commit $(cd "$ROOT" && git rev-parse --short HEAD)$(cd "$ROOT" && git diff --quiet HEAD -- src pom.xml || echo '+local changes')"
  echo "Accounts: $ACCOUNTS_NOTE$VERIFIED_NOTE; phases 5 and 6 on fresh gateways and databases of their own"
  echo
  echo "**The targets** (issues 14, 15, 16, 18):"
  echo
  echo "| figure | measured | target |"
  echo "|---|---|---|"
  if want 1; then
    echo "| RegisterMedia throughput ÷ pgbench on the same SQL (ratio 1) | $MAX_RPS ÷ $PG_CEILING = **$R1** | ≥ 0.85: $(verdict "$R1" 0.85 ge) |"
    echo "| p99 at half that rate (load generator) ÷ pgbench's p99 at the same rate | $P99_HALF ms ÷ $PG_HALF_P99 ms = **$P99_RATIO** (the gateway's own histogram: p99 $HALF_SERVER_P99 ms) | ≤ 3: $(verdict "$P99_RATIO" 3 le) |"
    echo "| gateway CPU per RegisterMedia call ÷ PostgreSQL CPU per call | $MAX_CPU µs ÷ $MAX_PG_US µs = **$CPU_RATIO** | ≤ 0.25: $(verdict "$CPU_RATIO" 0.25 le) |"
  fi
  if want 2; then
    echo "| gateway CPU per throttled call ÷ per trivial call | $HOT_CPU µs ÷ $TRIVIAL_CPU µs = **$THROTTLE_RATIO** | ≤ 1.2: $(verdict "$THROTTLE_RATIO" 1.2 le) |"
    echo "| hot-account throughput ÷ trivial throughput (ratio 2) | $(field "$HOT" throughput) ÷ $(field "$TRIVIAL" throughput) = **$R2** | ≥ 0.8: $(verdict "$R2" 0.8 ge) |"
  fi
  if want 6; then
    echo "| resident memory, peak (GATEWAY_JAVA_OPTS) | **$RSS_PEAK_MB MiB** $RSS_SCOPE; **$PHASE6_RSS_MB MiB** in phase 6 (RegisterMedia only; REFERENCE_JAVA_OPTS under the same load: $REF_RSS_PEAK_MB MiB) | ≤ 256: $(verdict "$RSS_PEAK_MB" 256 le) |"
    echo "| … its RegisterMedia throughput ÷ REFERENCE_JAVA_OPTS's (two fresh gateways, alternating) | $(field "$MEM_CHOSEN" throughput) ÷ $(field "$MEM_REF" throughput) = **$R6** (gateway CPU per call $MEM_CHOSEN_CPU µs vs $MEM_REF_CPU µs) | ≥ 0.95: $(verdict "$R6" 0.95 ge) |"
  fi
  if want 7; then
    echo "| JVM start to ready (\`/q/health/ready\`), median of $STARTS | **$STARTUP_BEST ms** (without AppCDS: $STARTUP_MS ms, runs ${STARTUP_LIST% }; with: $STARTUP_CDS_MS ms, ${CDS_LIST% }; first start on the empty database, migrations included: $FIRST_READY_MS ms) | ≤ 1500: $(verdict "$STARTUP_BEST" 1500 le) |"
  fi
  if want 1; then
    echo "| bytes allocated per RegisterMedia call | **$MAX_ALLOC B**$ALLOC_MORE | halved from the first measurement |"
  fi
  if want 3; then
    echo "| GetVideoInfo throughput ÷ pgbench on sql/media/find-one.sql | $GET_RPS ÷ $GETPG_CEILING = **$R3** (pgbench raw $GETPG_FULL, per slice ${GET_TPS_LIST% }; the id lookup alone $GETPG_IDS) | ≥ 0.8: $(verdict "$R3" 0.8 ge) |"
  fi
  if want 4; then
    echo "| gateway CPU per call, verified location ÷ unverified | $VER_CPU µs ÷ $UNVER_CPU µs = **$R4_CPU**; without the JIT compilers' CPU: $VER_CPU_NOJIT µs ÷ $UNVER_CPU_NOJIT µs = **$R4_CPU_NOJIT** (S3Proxy: $S3_CPU µs per call, apart; throughput $(field "$VER" throughput) ÷ $(field "$UNVER" throughput) = $R4_RPS; the JIT: ${VERIFIED_JIT}% of the gateway's CPU in this phase) | ≤ 1.5: $(verdict "$R4_CPU" 1.5 le) |"
  fi
  if want 5; then
    echo "| registration throughput, relay on ÷ relay off (template group, a job per file) | $(field "$RELAY_ON" throughput) ÷ $(field "$RELAY_OFF" throughput) = **$R5** (CPU per call, on vs off: gateway $RELAY_ON_CPU vs $RELAY_OFF_CPU µs, PostgreSQL $RELAY_ON_PG vs $RELAY_OFF_PG µs, RabbitMQ $RELAY_ON_MQ vs $RELAY_OFF_MQ µs) | ≥ 0.9: $(verdict "$R5" 0.9 ge) |"
    echo "| relay lag p99 (job created → marked Dispatched after the broker's confirms), at half the relay-on maximum (open model, $RELAY_HALF_RATE req/s, $(field "$RELAY_HALF" throughput) achieved) | **$RELAY_LAG_P99_MS ms** (max $RELAY_LAG_MAX_MS ms, $RELAY_HALF_JOBS jobs; at the maximum, where the backlog grows for as long as the load lasts: p99 $RELAY_MAX_LAG_P99 ms over $RELAY_MAX_JOBS jobs; $RELAY_PUBLISHED jobs published in phase 5, backlog at the end $RELAY_BACKLOG) | ≤ 1000: $(verdict "$RELAY_LAG_P99_MS" 1000 le) |"
  fi
  if want_any 1 2 3 4 5 6; then
    echo
    echo "**The phases:**"
    echo
    echo "| # | measure | result | reference |"
    echo "|---|---|---|---|"
  fi
  if want 1; then
    echo "| 1 | RegisterMedia, $FILES new files/request, closed model, $CONCURRENCY connections | $(field "$MAX" throughput) req/s (p50 $(field "$MAX" p50_ms) ms, p99 $(field "$MAX" p99_ms) ms over the slices; unexpected $(field "$MAX" unexpected), throttled $(field "$MAX" throttled)) | pgbench, same SQL, $DB_POOL_SIZE connections, in the slices between: $PG_CEILING tx/s (raw $PG_FULL, per slice ${PG_TPS_LIST% }; URL-generating query alone $PG_GEN) |"
    echo "| 1b | RegisterMedia at half of that, open model ${HALF_RATE} req/s | $(field "$HALF" throughput) req/s, p50 $(field "$HALF" p50_ms) ms, p99 $P99_HALF ms (max $(field "$HALF" max_ms) ms; unexpected $(field "$HALF" unexpected)) | pgbench at the same rate: p99 $PG_HALF_P99 ms |"
  fi
  if want 2; then
    echo "| 2 | one hot account (limit $HOT_LIMIT/s), closed model | $(field "$HOT" throughput) req/s ($(field "$HOT" throttled) throttled, $(field "$HOT" ok) accepted, $(field "$HOT" unexpected) unexpected; p99 $(field "$HOT" p99_ms) ms) | trivial \`GET /\` (MissingAction): $(field "$TRIVIAL" throughput) req/s (p99 $(field "$TRIVIAL" p99_ms) ms) |"
  fi
  if want 3; then
    echo "| 3 | GetVideoInfo of $ID_COUNT registered media, random order, closed model | $GET_RPS req/s (p99 $(field "$GET" p99_ms) ms, unexpected $(field "$GET" unexpected)) | pgbench find-one.sql: $GETPG_CEILING tx/s |"
  fi
  if want 4; then
    echo "| 4 | RegisterMedia, verified location ($VERIFIED_ACCOUNTS accounts, S3Proxy filesystem store) | $(field "$VER" throughput) req/s (p99 $(field "$VER" p99_ms) ms, unexpected $(field "$VER" unexpected)) | unverified: $(field "$UNVER" throughput) req/s (p99 $(field "$UNVER" p99_ms) ms) |"
  fi
  if want 5; then
    echo "| 5 | RegisterMedia with TemplateGroupId, relay on | $(field "$RELAY_ON" throughput) req/s (p99 $(field "$RELAY_ON" p99_ms) ms, unexpected $(field "$RELAY_ON" unexpected)) | relay off: $(field "$RELAY_OFF" throughput) req/s (p99 $(field "$RELAY_OFF" p99_ms) ms, unexpected $(field "$RELAY_OFF" unexpected)) |"
  fi
  if want 6; then
    echo "| 6 | RegisterMedia, GATEWAY_JAVA_OPTS | $(field "$MEM_CHOSEN" throughput) req/s (p99 $(field "$MEM_CHOSEN" p99_ms) ms) | REFERENCE_JAVA_OPTS: $(field "$MEM_REF" throughput) req/s (p99 $(field "$MEM_REF" p99_ms) ms) |"
  fi
  echo
  if want_any 1 2 3; then echo "$GW_LINE"; fi
  if want_any 1 3; then echo "CPU per unit of work, in µs:$UNIT"; fi
  echo "Load average (1/5/15 min) at the start: $LOADAVG_START; at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  if want_any 1 2; then echo "Machine CPU busy (all processes, all cores) during: $(joined "${BUSY[@]}")."; fi
} >"$SUMMARY"
echo
cat "$SUMMARY"
