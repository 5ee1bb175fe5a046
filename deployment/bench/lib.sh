# Shared by deployment/bench/benchmark.sh and deployment/load-tests/run.sh: build, start a throw-away gateway
# on loopback against a fresh database, provision accounts through the admin API, tear everything down.
# Source it; it expects ROOT (the repository) and WORK (a scratch directory) to be set.

PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}
PG_USER=${PG_USER:-postgres}
LOADTEST_POM="$ROOT/deployment/load-tests/pom.xml"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

psql_admin() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

# A TCP port nobody listens on, from a random start so parallel runs rarely race for the same one.
free_port() {
  local port=$((20000 + RANDOM % 20000))
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

build_gateway() {
  if [[ "${SKIP_BUILD:-0}" == 1 && -f "$ROOT/target/quarkus-app/quarkus-run.jar" ]]; then
    log "SKIP_BUILD=1: using the existing target/quarkus-app"
  else
    log "building the gateway (./mvnw -B -q package -DskipTests)"
    (cd "$ROOT" && ./mvnw -B -q package -DskipTests) || die "gateway build failed"
  fi
}

# Compiles the load-test project and writes its runtime classpath to $WORK/loadtest.classpath.
build_load_tests() {
  log "building the load generator (deployment/load-tests)"
  (cd "$ROOT" && ./mvnw -B -q -f "$LOADTEST_POM" package -DskipTests \
      dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile="$WORK/deps.classpath") \
    || die "load-test build failed"
  echo "$ROOT/deployment/load-tests/target/classes:$(cat "$WORK/deps.classpath")" > "$WORK/loadtest.classpath"
}

create_database() {
  [[ "$BENCH_DB" =~ ^[a-z_][a-z0-9_]*$ ]] || die "BENCH_DB must be a plain lower-case identifier: $BENCH_DB"
  log "creating a fresh database $BENCH_DB"
  psql_admin -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" -c "CREATE DATABASE $BENCH_DB" \
    || die "cannot create database $BENCH_DB"
}

drop_database() {
  if [[ "${KEEP_DB:-0}" == 1 ]]; then
    log "KEEP_DB=1: leaving database $BENCH_DB"
  else
    psql_admin -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" >/dev/null 2>&1 || true
  fi
}

# Starts the prod-mode jar on loopback; sets GATEWAY_PID, GATEWAY_URL, MANAGEMENT_URL, ADMIN_TOKEN and READY_MS
# (milliseconds from launching the JVM until /q/health/ready answers 200, polled every 50 ms).
# Optional: GATEWAY_DB (default BENCH_DB), GATEWAY_LOG (default $WORK/gateway.log), GATEWAY_EXTRA_OPTS (more JVM
# options, after GATEWAY_JAVA_OPTS), GATEWAY_SECRET_KEY (default: a new random key, right for a fresh database).
start_gateway() {
  local http_port management_port log=${GATEWAY_LOG:-$WORK/gateway.log} started code
  http_port=$(free_port)
  management_port=$(free_port)
  [[ "$management_port" == "$http_port" ]] && management_port=$((http_port + 1))
  ADMIN_TOKEN=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
  GATEWAY_URL="http://127.0.0.1:$http_port"
  MANAGEMENT_URL="http://127.0.0.1:$management_port"
  GATEWAY_SECRET_KEY=${GATEWAY_SECRET_KEY:-$(head -c 32 /dev/urandom | base64)}
  log "starting the gateway on $GATEWAY_URL (management $MANAGEMENT_URL), DB_POOL_SIZE=$DB_POOL_SIZE, database ${GATEWAY_DB:-$BENCH_DB}, JVM options $GATEWAY_JAVA_OPTS ${GATEWAY_EXTRA_OPTS:-}"
  started=$(date +%s%N)
  # shellcheck disable=SC2086 # GATEWAY_JAVA_OPTS and GATEWAY_EXTRA_OPTS are lists of JVM options
  DB_HOST="$PG_HOST" DB_PORT="$PG_PORT" DB_USER="$PG_USER" DB_NAME="${GATEWAY_DB:-$BENCH_DB}" DB_POOL_SIZE="$DB_POOL_SIZE" \
    PORT="$http_port" VOD_SECRET_ENCRYPTION_KEY="$GATEWAY_SECRET_KEY" VOD_ADMIN_TOKEN="$ADMIN_TOKEN" \
    java $GATEWAY_JAVA_OPTS ${GATEWAY_EXTRA_OPTS:-} -Dquarkus.http.host=127.0.0.1 -Dquarkus.management.host=127.0.0.1 \
      -Dquarkus.management.port="$management_port" -Dvod.account.demo.enabled="${DEMO_FALLBACK:-false}" \
      -jar "$ROOT/target/quarkus-app/quarkus-run.jar" >"$log" 2>&1 &
  GATEWAY_PID=$!
  for _ in $(seq 1 1200); do
    if ! kill -0 "$GATEWAY_PID" 2>/dev/null; then
      tail -30 "$log" >&2
      die "the gateway exited during startup (log: $log)"
    fi
    code=$(curl -s -o /dev/null -w '%{http_code}' "$MANAGEMENT_URL/q/health/ready" 2>/dev/null || true)
    if [[ "$code" == 200 ]]; then
      READY_MS=$((($(date +%s%N) - started) / 1000000))
      log "ready after $READY_MS ms"
      return 0
    fi
    sleep 0.05
  done
  die "the gateway was not ready within 60 s (log: $log)"
}

stop_gateway() {
  if [[ -n "${GATEWAY_PID:-}" ]] && kill -0 "$GATEWAY_PID" 2>/dev/null; then
    kill "$GATEWAY_PID" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$GATEWAY_PID" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$GATEWAY_PID" 2>/dev/null || true
  fi
  GATEWAY_PID=
}

# Where the admin API answers: the management interface if it is enabled, else the main port.
admin_base() {
  local base code
  for base in "$MANAGEMENT_URL" "$GATEWAY_URL"; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $ADMIN_TOKEN" \
      -H 'Content-Type: application/json' -X POST -d '{' "$base/admin/accounts" 2>/dev/null || true)
    # The front door answers unknown paths with 404 InvalidAction.NotFound; anything else is the admin API.
    if [[ "$code" != 000 && "$code" != 404 ]]; then
      echo "$base"
      return 0
    fi
  done
  return 1
}

admin_post() { # path json -> body (fails unless 2xx)
  curl -sf -X POST -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
    -d "$2" "$ADMIN_BASE$1"
}

json_field() { # name -> first string or number value of "name" in the JSON on stdin
  sed -nE "s/.*\"$1\"[[:space:]]*:[[:space:]]*\"?([^\",}]*)\"?.*/\1/p" | head -1
}

# provision_accounts COUNT RATE_LIMIT PREFIX FILE: COUNT accounts, each with one access key and its own bucket
# host, written as accessKeyId,accessKeySecret,storageHost lines. Needs ADMIN_BASE.
provision_accounts() {
  local count=$1 limit=$2 prefix=$3 file=$4 i id body key secret host
  : >"$file"
  for i in $(seq 1 "$count"); do
    body=$(admin_post /admin/accounts "{\"name\":\"$prefix-$i\",\"rateLimitPerSecond\":$limit}") \
      || die "POST /admin/accounts failed"
    id=$(json_field id <<<"$body")
    body=$(admin_post "/admin/accounts/$id/access-keys" '{}') || die "POST access-keys failed"
    key=$(json_field accessKeyId <<<"$body")
    secret=$(json_field accessKeySecret <<<"$body")
    host="$prefix-$i.oss-cn-shanghai.aliyuncs.com"
    admin_post "/admin/accounts/$id/storage-locations" "{\"host\":\"$host\"}" >/dev/null \
      || die "POST storage-locations failed"
    [[ -n "$id" && -n "$key" && -n "$secret" ]] || die "unexpected admin API answer: $body"
    echo "$key,$secret,$host" >>"$file"
  done
}

# Accounts for a run: $WORK/keys.csv (COUNT accounts with a limit no load reaches) and $WORK/hot.csv (one
# account at HOT_LIMIT). Without the admin API, falls back to the dev demo account for both (warns).
provision_or_demo() {
  local count=$1 run_id=$2
  if ADMIN_BASE=$(admin_base); then
    log "provisioning $count accounts and one hot account through $ADMIN_BASE/admin"
    provision_accounts "$count" 1000000 "bench-$run_id" "$WORK/keys.csv"
    provision_accounts 1 "$HOT_LIMIT" "hot-$run_id" "$WORK/hot.csv"
    ACCOUNTS_NOTE="$count accounts (rateLimitPerSecond=1000000) + 1 hot account (rateLimitPerSecond=$HOT_LIMIT)"
  else
    log "WARNING: no admin API answers; restarting with the dev demo account as the only account"
    stop_gateway
    DEMO_FALLBACK=true start_gateway
    echo "demoAccessKeyId,demoAccessKeySecret,demo-bucket.oss-cn-shanghai.aliyuncs.com" >"$WORK/keys.csv"
    cp "$WORK/keys.csv" "$WORK/hot.csv"
    ACCOUNTS_NOTE="no admin API: the demo account for every scenario"
  fi
}

# Starts S3Proxy (the jar the build copies to target/s3proxy) on a filesystem store under $WORK/s3 with one bucket,
# "bench", path-style, with signature checking on; sets S3_PID, S3_PORT, S3_KEY, S3_SECRET. Objects are files, so
# they are created fast (benchmark phase 4, head-cost.sh). The caller stops it.
start_s3() {
  S3_PORT=$(free_port); S3_KEY="bench${RUN_ID:-$$}"; S3_SECRET=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  rm -rf "$WORK/s3"; mkdir -p "$WORK/s3/bench"
  cat >"$WORK/s3proxy.properties" <<PROPS
s3proxy.endpoint=http://127.0.0.1:$S3_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$S3_KEY
s3proxy.credential=$S3_SECRET
jclouds.provider=filesystem
jclouds.filesystem.basedir=$WORK/s3
jclouds.identity=$S3_KEY
jclouds.credential=$S3_SECRET
PROPS
  java -Xmx256m -jar "$ROOT/target/s3proxy/s3proxy.jar" --properties "$WORK/s3proxy.properties" >"$WORK/s3proxy.log" 2>&1 &
  S3_PID=$!
  for _ in $(seq 1 600); do
    (exec 3<>"/dev/tcp/127.0.0.1/$S3_PORT") 2>/dev/null && { log "S3Proxy on 127.0.0.1:$S3_PORT"; return 0; }
    kill -0 "$S3_PID" 2>/dev/null || die "S3Proxy exited (log: $WORK/s3proxy.log)"
    sleep 0.1
  done
  die "S3Proxy did not listen within 60 s"
}
