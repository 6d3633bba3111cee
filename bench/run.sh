#!/usr/bin/env bash
# make bench: the full dataset on the local stack, then the query mix against nginx (static baseline), Elasticsearch
# (the API's own bodies), the API with its cache off and the API warm: Gatling at fixed open-loop rates, then wrk at
# peak. Writes bench/results/<date>.md; Gatling's HTML report stays under bench/target/gatling.
set -euo pipefail
cd "$(dirname "$0")/.."

DATA=${DATA:-../shared/data/wikipedia-movie-data}
RATES=${RATES:-200,1000,3000}
DURATION=${DURATION:-20}
PEAK_SECONDS=${PEAK_SECONDS:-15}
CONNECTIONS=${CONNECTIONS:-32}
# The local stack's indexer serves its metrics on the warm API's port + 1: the other ports stay clear of it.
WARM_PORT=${WARM_PORT:-18080}
COLD_PORT=${COLD_PORT:-18090}
STATIC_PORT=${STATIC_PORT:-18091}
RUN=$PWD/bench/target/run
RESULT=${RESULT:-bench/results/$(date -u +%F).md}

for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null || { echo "make bench needs $tool: sudo apt-get install -y wrk nginx curl"; exit 1; }
done
[ -d "$DATA" ] || [ -f "$DATA" ] || { echo "No dataset at $DATA: set DATA=<file-or-directory>"; exit 1; }

rm -rf "$RUN" && mkdir -p "$RUN/nginx/logs"
# What is measured is what is built now: note the commit, and whether the tree differs from it, before building.
BUILT_FROM="$(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' with uncommitted changes')"
./mvnw -B -q install -DskipTests
./mvnw -B -q -Pbench -pl bench package -DskipTests

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

await() { # what, url, seconds
  for _ in $(seq "$3"); do
    curl -sf -o /dev/null "$2" && return 0
    sleep 1
  done
  echo "$1 did not come up at $2; see $RUN/*.log"; exit 1
}

# The load generator is one anonymous client at one address: lift its rate limit, or the limit is what gets measured.
export MARQUEE_ANONYMOUS_RATE=10000000 MARQUEE_ANONYMOUS_BURST=10000000
echo "Starting the local stack with $DATA (loading it through S3 and SQS takes a minute or two)"
java -jar local-stack/target/local-stack-exec.jar --data "$DATA" --port "$WARM_PORT" --state-dir "$RUN/stack" > "$RUN/stack.log" 2>&1 &
pids+=($!)
await "The stack's API" "http://localhost:$WARM_PORT/actuator/health/readiness" 900
# shellcheck disable=SC1091
source "$RUN/stack/stack.env"

java -jar api/target/api-exec.jar --server.port="$COLD_PORT" --spring.elasticsearch.uris="$ES_URL" \
  --marquee.api.cache.max-entries=0 --spring.profiles.active=plain-logs > "$RUN/api-cold.log" 2>&1 &
pids+=($!)

java -jar bench/target/bench-exec.jar prepare "http://localhost:$WARM_PORT" "$ES_URL" "$RUN/mix"
cat > "$RUN/nginx/nginx.conf" <<CONF
worker_processes auto;
error_log $RUN/nginx/logs/error.log;
pid $RUN/nginx/nginx.pid;
events { worker_connections 4096; }
http {
  access_log off;
  default_type application/json;
  keepalive_requests 1000000;
  client_body_temp_path $RUN/nginx/tmp;
  proxy_temp_path $RUN/nginx/tmp;
  fastcgi_temp_path $RUN/nginx/tmp;
  uwsgi_temp_path $RUN/nginx/tmp;
  scgi_temp_path $RUN/nginx/tmp;
  server {
    listen 127.0.0.1:$STATIC_PORT;
    root $RUN/mix/static;
  }
}
CONF
chmod -R a+rX "$RUN/mix/static"
nginx -p "$RUN/nginx" -c "$RUN/nginx/nginx.conf" -g 'daemon off;' 2> "$RUN/nginx.log" &
pids+=($!)
# A search, not a health probe: any Spring Boot process answers those, and one on the wrong port once passed for the API.
await "The cache-off API" "http://localhost:$COLD_PORT/v1/movies?q=heat&size=1" 120
await "nginx" "http://localhost:$STATIC_PORT/response.json" 30

{
  echo "# Benchmark, $(date -u '+%F %H:%M') UTC"
  echo
  echo "Built from $BUILT_FROM; $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"
  echo "$(free -g | awk '/Mem:/ {print $2}') GB; $(java -version 2>&1 | head -1); dataset $DATA ($(curl -s "$ES_URL/movies/_count" | sed 's/.*"count":\([0-9]*\).*/\1/') movies)."
  echo "Everything on this one machine: Elasticsearch (1 node), the indexer, both APIs, nginx and the load generator share the cores."
  echo
  echo "Targets: **nginx** serves each query's API answer, the very bytes, as a file of its own (the floor for the same answers here);"
  echo "**nginx-one-file** serves one file the size of the median answer whatever the query (the old floor, for comparison);"
  echo "**elasticsearch** is sent the very bodies the API sends (built by the API's code; request_cache and preference as the API sets them);"
  echo "**api-cold** is the API with its response cache off (marquee.api.cache.max-entries=0); **api-warm** the API as configured, its"
  echo "cache warmed by one pass over the mix. Rates: $RATES requests/s for ${DURATION}s each, after a 20 s warm-up of every target at 300/s (JIT compilation);"
  echo "before each run a 5 s pause (the previous run's queues drain) and 5 s at 300/s (api-warm: every answer cached again)."
} > "$RUN/header.md"

# Warm every JVM target until its throughput stops rising (JIT compilation, caches): wrk rounds of 5 s over the mix until a
# round is less than 5% above the one before (at most 3 minutes), recording how long that took.
warm() { # target, base, lines
  local previous=0 rounds=0 rate
  local record="| $1 |"
  while [ "$rounds" -lt 36 ]; do
    rounds=$((rounds + 1))
    rate=$(wrk -t2 -c"$CONNECTIONS" -d5s --timeout 10s -s bench/wrk/mix.lua "$2" -- "$3" | sed -n 's/^RESULT .*"requests":\([0-9]*\),"durationMicros":\([0-9]*\).*/\1 \2/p' \
      | awk '{printf "%d", $1 * 1000000 / $2}')
    record="$record $rate"
    if [ "$previous" -gt 0 ] && [ "$rate" -lt $((previous * 105 / 100)) ]; then break; fi
    previous=$rate
  done
  echo "$record | $((rounds * 5)) |" >> "$RUN/warmup.md"
}
{
  echo "Each JVM target (and Elasticsearch) was sent the mix by wrk in rounds of 5 s until a round's throughput was less than"
  echo "5% above the round before: requests/s by round, and the seconds until throughput stopped rising."
  echo
  echo "| target | requests/s, round by round | seconds |"
  echo "|---|---|---|"
} > "$RUN/warmup.md"
warm elasticsearch "$ES_URL" "$RUN/mix/wrk-es.txt"
warm api-cold "http://localhost:$COLD_PORT" "$RUN/mix/wrk-api.txt"
warm api-warm "http://localhost:$WARM_PORT" "$RUN/mix/wrk-api.txt"

echo "Gatling: open-loop runs at $RATES requests/s"
./mvnw -B -q -Pbench -pl bench gatling:test -Dbench.out="$RUN/gatling-results.json" -Dbench.mix="$RUN/mix/mix.json" \
  -Dbench.static="http://localhost:$STATIC_PORT" -Dbench.es="$ES_URL" -Dbench.api.cold="http://localhost:$COLD_PORT" \
  -Dbench.api.warm="http://localhost:$WARM_PORT" -Dbench.rates="$RATES" -Dbench.duration="$DURATION" > "$RUN/gatling.log" 2>&1 \
  || { tail -50 "$RUN/gatling.log"; exit 1; }

echo "wrk -t2 -c$CONNECTIONS -d${PEAK_SECONDS}s, each connection sending the next query of the mix as soon as the last is answered." > "$RUN/wrk-settings.txt"
declare -A bases=([nginx]="http://localhost:$STATIC_PORT" [nginx-one-file]="http://localhost:$STATIC_PORT" [elasticsearch]="$ES_URL"
  [api-cold]="http://localhost:$COLD_PORT" [api-warm]="http://localhost:$WARM_PORT")
declare -A lines=([nginx]="$RUN/mix/wrk-nginx.txt" [nginx-one-file]="$RUN/mix/wrk-nginx-one-file.txt" [elasticsearch]="$RUN/mix/wrk-es.txt"
  [api-cold]="$RUN/mix/wrk-api.txt" [api-warm]="$RUN/mix/wrk-api.txt")
for target in nginx nginx-one-file elasticsearch api-cold api-warm; do
  echo "wrk: peak against $target"
  wrk -t2 -c"$CONNECTIONS" -d"${PEAK_SECONDS}s" --timeout 10s -s bench/wrk/mix.lua "${bases[$target]}" -- "${lines[$target]}" > "$RUN/wrk-$target.txt"
done

# Where a cache hit's CPU goes: a JFR recording of api-warm under wrk's peak load, shared out over the request path.
WARM_PID=$(pgrep -f "api-exec.jar.*--server.port=$WARM_PORT" | head -1)
if [ -n "$WARM_PID" ] && command -v jcmd >/dev/null; then
  echo "Profiling api-warm (pid $WARM_PID) under peak load"
  jcmd "$WARM_PID" JFR.start name=hit settings=profile filename="$RUN/api-warm.jfr" > /dev/null
  cpu_before=$(awk '{print $14 + $15}' "/proc/$WARM_PID/stat")
  wrk -t2 -c"$CONNECTIONS" -d15s --timeout 10s -s bench/wrk/mix.lua "http://localhost:$WARM_PORT" -- "$RUN/mix/wrk-api.txt" > "$RUN/wrk-profile.txt"
  cpu_after=$(awk '{print $14 + $15}' "/proc/$WARM_PID/stat")
  jcmd "$WARM_PID" JFR.stop name=hit > /dev/null
  requests=$(sed -n 's/^RESULT {"requests":\([0-9]*\).*/\1/p' "$RUN/wrk-profile.txt")
  cpu_seconds=$(awk -v t="$(getconf CLK_TCK)" -v a="$cpu_after" -v b="$cpu_before" 'BEGIN {printf "%.2f", (a - b) / t}')
  java -jar bench/target/bench-exec.jar profile "$RUN/api-warm.jfr" "$requests" "$cpu_seconds" "$RUN/profile.md" > /dev/null
fi

java -jar bench/target/bench-exec.jar report "$RUN" "$RESULT"
echo "Written to $RESULT; Gatling's HTML report: $(ls -td bench/target/gatling/searchsimulation-*/index.html | head -1)"
