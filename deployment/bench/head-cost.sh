#!/usr/bin/env bash
# What one object-store HEAD costs a client process, the gateway's way (storage/S3Heads: Vert.x's HTTP client, the AWS
# SDK's signer) against the AWS SDK's own S3AsyncClient on its Netty client: each client in a JVM of its own sends
# ROUNDS rounds of REQUESTS HEADs, 64 at a time, to S3Proxy (a filesystem store on loopback, one process for both),
# and prints HEADs/s and µs of its own CPU per HEAD per round. The last rounds are the warm figures.
#
# Usage: deployment/bench/head-cost.sh          OBJECTS (default 2000), REQUESTS (default 20000), ROUNDS (default 10)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${BENCH_WORK:-$ROOT/target/bench-head}
OBJECTS=${OBJECTS:-2000}
REQUESTS=${REQUESTS:-20000}
ROUNDS=${ROUNDS:-10}
# shellcheck source=lib.sh
source "$ROOT/deployment/bench/lib.sh"

mkdir -p "$WORK"
S3_PID=
trap '[[ -n "$S3_PID" ]] && kill "$S3_PID" 2>/dev/null || true' EXIT

log "compiling the gateway and its tests (./mvnw -B -q test-compile)"
(cd "$ROOT" && ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$WORK/test.classpath") || die "build failed"
CLASSPATH="$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$WORK/test.classpath")"

start_s3
python3 - "$WORK/s3/bench/obj" "$OBJECTS" <<'PY'
import os, sys
base, objects = sys.argv[1], int(sys.argv[2])
os.makedirs(base, exist_ok=True)
for n in range(objects):
    with open(f"{base}/{n}.mp4", "wb") as f:
        f.write(b"\0" * 1024)
PY
for client in vertx sdk; do
  log "$client: $ROUNDS rounds of $REQUESTS HEADs"
  java -XX:+UseParallelGC -Xmx128m -cp "$CLASSPATH" io.openvod.gateway.storage.HeadCost "$client" \
    "http://127.0.0.1:$S3_PORT" bench "$S3_KEY" "$S3_SECRET" "$OBJECTS" "$REQUESTS" "$ROUNDS" 2>>"$WORK/head-cost.log" \
    | grep '^RESULT'
done
