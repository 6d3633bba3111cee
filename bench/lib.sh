#!/usr/bin/env bash
# What bench/run.sh (make bench) and bench/scale.sh (make bench SCALE=…) share: starting the targets, warming them,
# Gatling's open-loop runs, and measuring a JVM's heap. Sourced, with RUN, CONNECTIONS and the ports set.

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  pids=()
}

require_tools() {
  for tool in wrk nginx curl jcmd; do
    command -v "$tool" >/dev/null || { echo "make bench needs $tool: sudo apt-get install -y wrk nginx curl openjdk-17-jdk-headless"; exit 1; }
  done
}

build() {
  ./mvnw -B -q install -DskipTests
  ./mvnw -B -q -Pbench -pl bench package -DskipTests
}

await() { # what, url, seconds
  for _ in $(seq "$3"); do
    curl -sf -o /dev/null "$2" && return 0
    sleep 1
  done
  echo "$1 did not come up at $2; see $RUN/*.log"; exit 1
}

start_stack() { # data, state dir, log, seconds to wait for it; STACK_ARGS: more of the stack's options
  # The load generator is one anonymous client at one address: lift its rate limit, or the limit is what gets measured.
  # shellcheck disable=SC2086
  MARQUEE_ANONYMOUS_RATE=10000000 MARQUEE_ANONYMOUS_BURST=10000000 \
    java -jar local-stack/target/local-stack-exec.jar --data "$1" --port "$WARM_PORT" --state-dir "$2" ${STACK_ARGS:-} > "$3" 2>&1 &
  pids+=($!)
  await "The stack's API" "http://localhost:$WARM_PORT/actuator/health/readiness" "$4"
  # shellcheck disable=SC1091
  source "$2/stack.env"
}

start_cold_api() { # log
  MARQUEE_ANONYMOUS_RATE=10000000 MARQUEE_ANONYMOUS_BURST=10000000 \
    java -jar api/target/api-exec.jar --server.port="$COLD_PORT" --spring.elasticsearch.uris="$ES_URL" \
    --marquee.api.cache.max-entries=0 --spring.profiles.active=plain-logs > "$1" 2>&1 &
  pids+=($!)
  # A search, not a health probe: any Spring Boot process answers those, and one on the wrong port once passed for the API.
  await "The cache-off API" "http://localhost:$COLD_PORT/v1/movies?q=heat&size=1" 120
}

start_nginx() { # the directory of the mix (its static/ files are served)
  mkdir -p "$RUN/nginx/logs"
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
    root $1/static;
  }
}
CONF
  chmod -R a+rX "$1/static"
  nginx -p "$RUN/nginx" -c "$RUN/nginx/nginx.conf" -g 'daemon off;' 2> "$RUN/nginx.log" &
  pids+=($!)
  await "nginx" "http://localhost:$STATIC_PORT/response.json" 30
}

# Warm a target until its throughput stops rising (JIT compilation, caches): wrk rounds of 5 s over the mix until a
# round is less than 5% above the one before (at most 3 minutes), recording how long that took in $RUN/warmup.md.
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

warm_all() { # the mix directory
  {
    echo "Each JVM target (and Elasticsearch) was sent the mix by wrk in rounds of 5 s until a round's throughput was less than"
    echo "5% above the round before: requests/s by round, and the seconds until throughput stopped rising."
    echo
    echo "| target | requests/s, round by round | seconds |"
    echo "|---|---|---|"
  } > "$RUN/warmup.md"
  warm elasticsearch "$ES_URL" "$1/wrk-es.txt"
  warm api-cold "http://localhost:$COLD_PORT" "$1/wrk-api.txt"
  warm api-warm "http://localhost:$WARM_PORT" "$1/wrk-api.txt"
}

gatling() { # the mix directory, rates, seconds
  # An overloaded target makes Gatling open a connection per waiting request: thousands, past the default descriptor limit.
  ulimit -n 1048576 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
  ./mvnw -B -q -Pbench -pl bench gatling:test -Dbench.out="$RUN/gatling-results.json" -Dbench.mix="$1/mix.json" \
    -Dbench.static="http://localhost:$STATIC_PORT" -Dbench.es="$ES_URL" -Dbench.api.cold="http://localhost:$COLD_PORT" \
    -Dbench.api.warm="http://localhost:$WARM_PORT" -Dbench.rates="$2" -Dbench.duration="$3" > "$RUN/gatling.log" 2>&1 \
    || { tail -50 "$RUN/gatling.log"; exit 1; }
}

api_pid() { # port
  pgrep -f "api-exec.jar.*--server.port=$1" | head -1
}

profile_at_peak() { # port, lines, out: a JFR recording of the API on that port under wrk's peak load, shared out (bench profile)
  local pid cpu_before cpu_after requests cpu_seconds
  pid=$(api_pid "$1")
  jcmd "$pid" JFR.start name=peak settings=profile filename="$RUN/api-$1.jfr" > /dev/null
  cpu_before=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  wrk -t2 -c"$CONNECTIONS" -d15s --timeout 10s -s bench/wrk/mix.lua "http://localhost:$1" -- "$2" > "$RUN/wrk-profile-$1.txt"
  cpu_after=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  jcmd "$pid" JFR.stop name=peak > /dev/null
  requests=$(sed -n 's/^RESULT {"requests":\([0-9]*\).*/\1/p' "$RUN/wrk-profile-$1.txt")
  cpu_seconds=$(awk -v t="$(getconf CLK_TCK)" -v a="$cpu_after" -v b="$cpu_before" 'BEGIN {printf "%.2f", (a - b) / t}')
  java -jar bench/target/bench-exec.jar profile "$RUN/api-$1.jfr" "$requests" "$cpu_seconds" "$3" > /dev/null
}

heap_after_gc() { # pid: the bytes of heap in use after a full GC
  jcmd "$1" GC.run > /dev/null
  jcmd "$1" GC.heap_info | sed -n 's/.*total [0-9]*K, used \([0-9]*\)K.*/\1/p' | head -1 | awk '{printf "%d", $1 * 1024}'
}
