#!/usr/bin/env bash
# make bench: the full dataset on the local stack, then the query mix against nginx (static baseline), Elasticsearch
# (the API's own requests, recorded), the API with its cache off and the API warm: Gatling at fixed open-loop rates, then wrk at
# peak. Writes bench/results/<date>.md; Gatling's HTML report stays under bench/target/gatling.
set -euo pipefail
cd "$(dirname "$0")/.."
# make bench SCALE=<movies>: the scale curve instead (bench/scale.sh).
if [ -n "${SCALE:-}" ]; then exec bench/scale.sh; fi

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

# shellcheck source=bench/lib.sh
source bench/lib.sh
trap cleanup EXIT
require_tools
[ -d "$DATA" ] || [ -f "$DATA" ] || { echo "No dataset at $DATA: set DATA=<file-or-directory>"; exit 1; }

rm -rf "$RUN" && mkdir -p "$RUN"
# What is measured is what is built now: note the commit, and whether the tree differs from it, before building.
BUILT_FROM="$(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' with uncommitted changes')"
build

echo "Starting the local stack with $DATA (loading it through S3 and SQS takes a minute or two)"
start_stack "$DATA" "$RUN/stack" "$RUN/stack.log" 900
start_cold_api "$RUN/api-cold.log"
java -jar bench/target/bench-exec.jar prepare "http://localhost:$WARM_PORT" "$ES_URL" api/target/api-exec.jar "$RUN/mix"
start_nginx "$RUN/mix"

{
  echo "# Benchmark, $(date -u '+%F %H:%M') UTC"
  echo
  echo "Built from $BUILT_FROM; $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"
  echo "$(free -g | awk '/Mem:/ {print $2}') GB; $(java -version 2>&1 | head -1); dataset $DATA ($(curl -s "$ES_URL/movies/_count" | sed 's/.*"count":\([0-9]*\).*/\1/') movies)."
  echo "Everything on this one machine: Elasticsearch (1 node), the indexer, both APIs, nginx and the load generator share the cores."
  echo
  echo "Targets: **nginx** serves each query's API answer, the very bytes, as a file of its own (the floor for the same answers here);"
  echo "**nginx-one-file** serves one file the size of the median answer whatever the query (the old floor, for comparison);"
  echo "**elasticsearch** is sent the very requests the API sends (recorded from an API of the same build; typeahead's two searches as one _msearch);"
  echo "**api-cold** is the API with its response cache off (marquee.api.cache.max-entries=0); **api-warm** the API as configured, its"
  echo "cache warmed by one pass over the mix. Rates: $RATES requests/s for ${DURATION}s each, after a 20 s warm-up of every target at 300/s (JIT compilation);"
  echo "before each run a 5 s pause (the previous run's queues drain) and 5 s at 300/s (api-warm: every answer cached again)."
} > "$RUN/header.md"

warm_all "$RUN/mix"

echo "Gatling: open-loop runs at $RATES requests/s"
gatling "$RUN/mix" "$RATES" "$DURATION"

echo "wrk -t2 -c$CONNECTIONS -d${PEAK_SECONDS}s, each connection sending the next query of the mix as soon as the last is answered." > "$RUN/wrk-settings.txt"
declare -A bases=([nginx]="http://localhost:$STATIC_PORT" [nginx-one-file]="http://localhost:$STATIC_PORT" [elasticsearch]="$ES_URL"
  [api-cold]="http://localhost:$COLD_PORT" [api-warm]="http://localhost:$WARM_PORT")
declare -A lines=([nginx]="$RUN/mix/wrk-nginx.txt" [nginx-one-file]="$RUN/mix/wrk-nginx-one-file.txt" [elasticsearch]="$RUN/mix/wrk-es.txt"
  [api-cold]="$RUN/mix/wrk-api.txt" [api-warm]="$RUN/mix/wrk-api.txt")
for target in nginx nginx-one-file elasticsearch api-cold api-warm; do
  echo "wrk: peak against $target"
  wrk -t2 -c"$CONNECTIONS" -d"${PEAK_SECONDS}s" --timeout 10s -s bench/wrk/mix.lua "${bases[$target]}" -- "${lines[$target]}" > "$RUN/wrk-$target.txt"
done

# Where a request's CPU goes: a JFR recording of each API under wrk's peak load, shared out over the request path.
echo "Profiling api-warm and api-cold under peak load"
profile_at_peak "$WARM_PORT" "$RUN/mix/wrk-api.txt" "$RUN/profile.md"
profile_at_peak "$COLD_PORT" "$RUN/mix/wrk-api.txt" "$RUN/profile-cold.md"

java -jar bench/target/bench-exec.jar report "$RUN" "$RESULT"
echo "Written to $RESULT; Gatling's HTML report: $(ls -td bench/target/gatling/searchsimulation-*/index.html | head -1)"
