#!/usr/bin/env bash
# The benchmark: on this machine, in one run, builds the gateway, starts it in prod mode on loopback against a
# fresh database, provisions accounts through the admin API, warms it up and measures
#   1. RegisterMedia throughput (10 new files per request, accounts spread so nothing is throttled) and its
#      p50/p99 latency at half that throughput, against pgbench running the hot path's own SQL with as many
#      connections as the gateway's pool;
#   2. throttled-request throughput of one hot account against a trivial endpoint on the same server;
#   3. the gateway's resident memory under load.
# Every phase is bounded in time, and the only target is 127.0.0.1. Usage: deployment/bench/benchmark.sh
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
GATEWAY_JAVA_OPTS=${GATEWAY_JAVA_OPTS:--Xmx512m}
# shellcheck source=lib.sh
source "$ROOT/deployment/bench/lib.sh"

mkdir -p "$WORK"
RUN_ID=$(date +%s)
RSS_SAMPLES="$WORK/rss.samples"

cleanup() {
  [[ -n "${SAMPLER_PID:-}" ]] && kill "$SAMPLER_PID" 2>/dev/null || true
  stop_gateway
  drop_database
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

# Resident memory of the gateway (kB), sampled every 250 ms while a phase runs.
start_rss_sampler() {
  (while kill -0 "$GATEWAY_PID" 2>/dev/null; do
     awk '/^VmRSS/{print $2}' "/proc/$GATEWAY_PID/status" >>"$RSS_SAMPLES" 2>/dev/null || true
     sleep 0.25
   done) &
  SAMPLER_PID=$!
}
stop_rss_sampler() { kill "$SAMPLER_PID" 2>/dev/null || true; wait "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=; }

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

# --- build, start, provision -----------------------------------------------------------------------------
: >"$WORK/loadgen.log"
build_gateway
build_load_tests
create_database
start_gateway
provision_or_demo "$ACCOUNTS" "$RUN_ID"

# --- optionally wait for the machine to quieten (a shared machine's other work distorts every figure) -------
if [[ -n "${QUIET_LOAD:-}" ]]; then
  for _ in $(seq 1 $(( ${QUIET_WAIT:-300} / 5 ))); do
    awk -v q="$QUIET_LOAD" '{exit !($1 < q)}' /proc/loadavg && break
    log "load average $(cut -d' ' -f1 /proc/loadavg) >= QUIET_LOAD=$QUIET_LOAD; waiting"
    sleep 5
  done
fi

LOADAVG_START=$(cut -d' ' -f1-3 /proc/loadavg)
# --- warm-up ----------------------------------------------------------------------------------------------
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

# --- 1. RegisterMedia: maximum throughput, then latency at half of it ----------------------------------------
# The two sides of each ratio alternate, each run ROUNDS times for DURATION seconds, so that the shared machine's
# drift over a run (other tenants, PostgreSQL's checkpoints) falls on both sides alike. Not shorter slices: pgbench
# runs of 5 s made 15-25 % fewer transactions per second than runs of 15 s, back to back on the same database.
SLICE=$DURATION

# pgbench's scripts: the hot path's own SQL, read out of the repository at run time
java -cp "$(cat "$WORK/loadtest.classpath")" io.openvod.loadtest.bench.HotPathSql \
  "$ROOT/src/main/resources/sql" "$WORK"
IFS=, read -r _ _ PG_HOST_NAME <"$WORK/keys.csv"
PG_ACCOUNT_ID=$(psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$BENCH_DB" -qAt \
  -c "SELECT account_id FROM storage_location WHERE host = '$PG_HOST_NAME'")
NULLS="{$(printf 'NULL,%.0s' $(seq 2 "$FILES"))NULL}"

# --- 1. RegisterMedia at its maximum, alternating with pgbench running the same SQL with the gateway idle ------
log "RegisterMedia maximum vs pgbench (the SQL of src/main/resources/sql/register/insert-new.sql, $DB_POOL_SIZE connections): $ROUNDS rounds of ${SLICE}s each"
: >"$RSS_SAMPLES"
MAX_LINES=""; PG_TPS_LIST=""
GW_T=0; GW_J=0; MAX_PG_T=0; MAX_B=0; MAX_I=0; PG_TX=0; PGB_PG_T=0; PGB_B=0; PGB_I=0
for round in $(seq 1 "$ROUNDS"); do
  start_rss_sampler
  c0=$(cpu_snapshot); t0=$(gateway_ticks); j0=$(jit_ticks); p0=$(pg_ticks)
  MAX_LINES+="$(load KIND=register-new MODE=closed CONNECTIONS="$CONCURRENCY" DURATION="$SLICE" LABEL="register-max-$round")"$'\n'
  read -r b i <<<"$(cpu_delta "$c0")"; MAX_B=$((MAX_B + b)); MAX_I=$((MAX_I + i))
  GW_T=$((GW_T + $(gateway_ticks) - t0)); GW_J=$((GW_J + $(jit_ticks) - j0)); MAX_PG_T=$((MAX_PG_T + $(pg_ticks) - p0))
  stop_rss_sampler
  c0=$(cpu_snapshot); p0=$(pg_ticks)
  PG_TPS_LIST+="$(pgbench_tps pgbench-register-new.sql "$SLICE") "
  read -r b i <<<"$(cpu_delta "$c0")"; PGB_B=$((PGB_B + b)); PGB_I=$((PGB_I + i)); PGB_PG_T=$((PGB_PG_T + $(pg_ticks) - p0))
  PG_TX=$((PG_TX + $(sed -nE 's/^number of transactions actually processed: ([0-9]+).*/\1/p' "$WORK/pgbench-register-new.sql.out")))
done
MAX=$(combine <<<"$MAX_LINES"); log "$MAX"
MAX_RPS=$(field "$MAX" throughput)
MAX_REQUESTS=$(field "$MAX" requests)
MAX_BUSY=$(busy_percent "$MAX_B" "$MAX_I"); MAX_CPU=$(us_per "$GW_T" "$MAX_REQUESTS")
MAX_JIT=$(percent "$GW_J" "$GW_T")
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

start_rss_sampler
cpu0=$(cpu_snapshot)
scrape_histogram >"$WORK/histogram.before"
HALF=$(load KIND=register-new MODE=open RATE="$HALF_RATE" CONNECTIONS="$CONCURRENCY" DURATION="$DURATION" LABEL=register-half)
HALF_BUSY=$(cpu_busy_since "$cpu0")
scrape_histogram >"$WORK/histogram.after"
HALF_SERVER_P99=$(histogram_p99_ms "$WORK/histogram.before" "$WORK/histogram.after")
stop_rss_sampler
RSS_PEAK_MB=$(sort -n "$RSS_SAMPLES" | tail -1 | awk '{printf "%.0f", $1/1024}')
RSS_END_MB=$(tail -1 "$RSS_SAMPLES" | awk '{printf "%.0f", $1/1024}')

# --- 2. one hot account over its limit vs a trivial endpoint, alternating ------------------------------------
HOT_LINES=""; TRIVIAL_LINES=""
HOT_T=0; HOT_J=0; HOT_B=0; HOT_I=0; TRIVIAL_T=0; TRIVIAL_J=0; TRIVIAL_B=0; TRIVIAL_I=0
for round in $(seq 1 "$ROUNDS"); do
  c0=$(cpu_snapshot); t0=$(gateway_ticks); j0=$(jit_ticks)
  HOT_LINES+="$(load KIND=register-hot MODE=closed CONNECTIONS="$CONCURRENCY" DURATION="$SLICE" LABEL="hot-account-$round")"$'\n'
  read -r b i <<<"$(cpu_delta "$c0")"; HOT_B=$((HOT_B + b)); HOT_I=$((HOT_I + i))
  HOT_T=$((HOT_T + $(gateway_ticks) - t0)); HOT_J=$((HOT_J + $(jit_ticks) - j0))
  c0=$(cpu_snapshot); t0=$(gateway_ticks); j0=$(jit_ticks)
  TRIVIAL_LINES+="$(load KIND=trivial MODE=closed CONNECTIONS="$CONCURRENCY" DURATION="$SLICE" LABEL="trivial-$round")"$'\n'
  read -r b i <<<"$(cpu_delta "$c0")"; TRIVIAL_B=$((TRIVIAL_B + b)); TRIVIAL_I=$((TRIVIAL_I + i))
  TRIVIAL_T=$((TRIVIAL_T + $(gateway_ticks) - t0)); TRIVIAL_J=$((TRIVIAL_J + $(jit_ticks) - j0))
done
HOT=$(combine <<<"$HOT_LINES"); log "$HOT"
TRIVIAL=$(combine <<<"$TRIVIAL_LINES"); log "$TRIVIAL"
HOT_BUSY=$(busy_percent "$HOT_B" "$HOT_I"); HOT_CPU=$(us_per "$HOT_T" "$(field "$HOT" requests)")
HOT_JIT=$(percent "$HOT_J" "$HOT_T")
TRIVIAL_BUSY=$(busy_percent "$TRIVIAL_B" "$TRIVIAL_I"); TRIVIAL_CPU=$(us_per "$TRIVIAL_T" "$(field "$TRIVIAL" requests)")
TRIVIAL_JIT=$(percent "$TRIVIAL_J" "$TRIVIAL_T")

# --- report ----------------------------------------------------------------------------------------------
R1=$(ratio "$MAX_RPS" "$PG_CEILING")
R2=$(ratio "$(field "$HOT" throughput)" "$(field "$TRIVIAL" throughput)")
P99_HALF=$(field "$HALF" p99_ms)
verdict() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN{ok=((op=="ge") ? (v>=t) : (v<=t)); print (ok ? "met" : "NOT met")}'; }
SUMMARY="$WORK/summary.md"
{
  echo "### Benchmark run $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo
  echo "Command: \`deployment/bench/benchmark.sh\` (DURATION=${DURATION}s per phase, the two sides of ratios 1 and 2 alternating ROUNDS=${ROUNDS} times, WARMUP=${WARMUP}s (warmed ${WARMED}s until the JIT used ${JIT_LAST}% < JIT_QUIET=${JIT_QUIET}% of the gateway's CPU, or WARMUP_MAX=${WARMUP_MAX}s), CONCURRENCY=$CONCURRENCY, FILES=$FILES, DB_POOL_SIZE=$DB_POOL_SIZE, GATEWAY_JAVA_OPTS=\"$GATEWAY_JAVA_OPTS\")"
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1); PostgreSQL $(psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -qAt -c 'SHOW server_version') (synchronous_commit=$(psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -qAt -c 'SHOW synchronous_commit')); gateway commit $(cd "$ROOT" && git rev-parse --short HEAD)$(cd "$ROOT" && git diff --quiet HEAD -- src pom.xml || echo '+local changes')"
  echo "Accounts: $ACCOUNTS_NOTE"
  echo
  echo "| # | measure | result | reference | ratio | target |"
  echo "|---|---|---|---|---|---|"
  echo "| 1 | RegisterMedia, $FILES new files/request, closed model, $CONCURRENCY connections | $(field "$MAX" throughput) req/s (p50 $(field "$MAX" p50_ms) ms, p99 $(field "$MAX" p99_ms) ms over the slices; unexpected $(field "$MAX" unexpected), throttled $(field "$MAX" throttled)) | pgbench, same SQL, $DB_POOL_SIZE connections, in the slices between: $PG_CEILING tx/s (raw $PG_FULL, per slice ${PG_TPS_LIST% }; URL-generating query alone $PG_GEN) | **$R1** | ≥ 0.8: $(verdict "$R1" 0.8 ge) |"
  echo "| 1b | RegisterMedia at half of that, open model ${HALF_RATE} req/s | $(field "$HALF" throughput) req/s, p50 $(field "$HALF" p50_ms) ms, **p99 $P99_HALF ms** (max $(field "$HALF" max_ms) ms; unexpected $(field "$HALF" unexpected); the gateway's own histogram: p99 $HALF_SERVER_P99 ms) | pgbench, same SQL, $DB_POOL_SIZE connections, at the same rate: p99 $PG_HALF_P99 ms | | p99 ≤ 20 ms: $(verdict "$P99_HALF" 20 le) |"
  echo "| 2 | one hot account (limit $HOT_LIMIT/s), closed model, $CONCURRENCY connections | $(field "$HOT" throughput) req/s ($(field "$HOT" throttled) throttled, $(field "$HOT" ok) accepted, $(field "$HOT" unexpected) unexpected; p99 $(field "$HOT" p99_ms) ms) | trivial endpoint \`GET /\` (MissingAction): $(field "$TRIVIAL" throughput) req/s (p99 $(field "$TRIVIAL" p99_ms) ms) | **$R2** | ≥ 0.8: $(verdict "$R2" 0.8 ge) |"
  echo "| 3 | gateway resident memory under RegisterMedia load | peak **${RSS_PEAK_MB} MiB**, ${RSS_END_MB} MiB at the end | | | |"
  echo
  echo "Gateway CPU per answered request: RegisterMedia ${MAX_CPU} µs, hot account ${HOT_CPU} µs, trivial ${TRIVIAL_CPU} µs (of which the JIT compilers: ${MAX_JIT}%, ${HOT_JIT}%, ${TRIVIAL_JIT}%). Load generator CPU: $(field "$MAX" generator_cpu_s) s for the RegisterMedia maximum, $(field "$HOT" generator_cpu_s) s hot account, $(field "$TRIVIAL" generator_cpu_s) s trivial (each over $(field "$MAX" seconds) s, $(field "$HOT" seconds) s, $(field "$TRIVIAL" seconds) s)."
  echo "CPU per unit of work, in µs: one RegisterMedia call at the maximum: PostgreSQL ${MAX_PG_US} + gateway ${MAX_CPU} + load generator ${MAX_GEN_US} = ${MAX_PARTS_US}; one pgbench transaction (with its FileURL query): PostgreSQL ${PGBENCH_PG_US}, whole machine (PostgreSQL, the pgbench client, anything else) ${PGBENCH_MACHINE_US}."
  echo "Load average (1/5/15 min) at the start: $LOADAVG_START; at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Machine CPU busy (all processes, all cores) during: max-throughput ${MAX_BUSY}%, half-rate ${HALF_BUSY}%, hot account ${HOT_BUSY}%, trivial ${TRIVIAL_BUSY}%, pgbench ${PG_BUSY}%."
} >"$SUMMARY"
echo
cat "$SUMMARY"
