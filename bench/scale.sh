#!/usr/bin/env bash
# make bench SCALE=<movies>: how cost grows with the catalogue. For the real set, ten times it, and SCALE movies (a
# generated catalogue with the real set's shape, seeded: bench generate), each on a fresh local stack: ingest through S3
# and SQS against raw _bulk of the same documents, the index on disk, the heaps of Elasticsearch and the APIs, and the
# mix's p50 / p99 by query type, cold and warm. Writes bench/results/<date>-scale.md.
set -euo pipefail
cd "$(dirname "$0")/.."

SOURCE=${DATA:-../shared/data/wikipedia-movie-data}
SEED=${SEED:-1}
RATES=${SCALE_RATE:-200}
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-32}
WARM_PORT=${WARM_PORT:-18080}
COLD_PORT=${COLD_PORT:-18090}
STATIC_PORT=${STATIC_PORT:-18091}
ROOT=$PWD/bench/target/scale
CATALOGUES=$PWD/bench/target/catalogues
RESULT=${RESULT:-bench/results/$(date -u +%F)-scale.md}
# One heap for every size, so that what each size needs shows; and time for a million movies to load and be ranked.
STACK_ARGS="--es-heap ${ES_HEAP:-2g} --load-minutes 120"

# shellcheck source=bench/lib.sh
source bench/lib.sh
trap cleanup EXIT
require_tools
[ -d "$SOURCE" ] || { echo "No dataset at $SOURCE: set DATA=<directory of the real set>"; exit 1; }
[ "$SCALE" -gt 0 ] 2>/dev/null || { echo "SCALE must be a number of movies, e.g. SCALE=1000000"; exit 2; }

BUILT_FROM="$(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' with uncommitted changes')"
build
mkdir -p "$ROOT" "$CATALOGUES"

REAL=$(java -jar bench/target/bench-exec.jar generate "$SOURCE" 0 "$SEED" "$CATALOGUES/real" | sed -n 's/^\([0-9]*\) movies.*/\1/p')
sizes=("$REAL")
[ $((REAL * 10)) -lt "$SCALE" ] && sizes+=($((REAL * 10)))
[ "$SCALE" -gt "$REAL" ] && sizes+=("$SCALE")
# SIZES="362730 1000000": only those sizes, e.g. to measure one again.
if [ -n "${SIZES:-}" ]; then read -r -a sizes <<< "$SIZES"; fi

runs=()
for size in "${sizes[@]}"; do
  RUN=$ROOT/$size
  rm -rf "$RUN" && mkdir -p "$RUN"
  data=$CATALOGUES/$size-seed$SEED
  if [ ! -f "$data/.complete" ]; then
    rm -rf "$data"
    java -jar bench/target/bench-exec.jar generate "$SOURCE" "$size" "$SEED" "$data"
    touch "$data/.complete"
  fi
  echo "$size movies: starting the local stack (a million take about a quarter of an hour to load through S3 and SQS)"
  start_stack "$data" "$RUN/stack" "$RUN/stack.log" 7200
  start_cold_api "$RUN/api-cold.log"
  {
    java -jar bench/target/bench-exec.jar ingest "$RUN/stack.log"
    curl -s "$ES_URL/_cat/indices/movies-v*?bytes=b&h=docs.count,docs.deleted,store.size" \
      | awk '{d += $1; x += $2; b += $3} END {printf "index.docs=%.0f\nindex.deleted=%.0f\nindex.bytes=%.0f\n", d, x, b}'
    curl -s "$ES_URL/_cat/indices/movies-audit-*?bytes=b&h=store.size" | awk '{b += $1} END {printf "audit.bytes=%.0f\n", b}'
    curl -s "$ES_URL/_nodes/stats/jvm" | java -jar bench/target/bench-exec.jar esheap
  } > "$RUN/facts.txt"
  echo "$size movies: raw _bulk of the same documents"
  java -jar bench/target/bench-exec.jar rawbulk "$ES_URL" "$RUN/raw" >> "$RUN/facts.txt"
  java -jar bench/target/bench-exec.jar prepare "http://localhost:$WARM_PORT" "$ES_URL" api/target/api-exec.jar "$RUN/mix"
  start_nginx "$RUN/mix"
  warm_all "$RUN/mix"
  echo "$size movies: Gatling at $RATES requests/s"
  gatling "$RUN/mix" "$RATES" "$DURATION"
  echo "warm.heapBytes=$(heap_after_gc "$(api_pid "$WARM_PORT")")" >> "$RUN/facts.txt"
  echo "cold.heapBytes=$(heap_after_gc "$(api_pid "$COLD_PORT")")" >> "$RUN/facts.txt"
  cat "$RUN/facts.txt"
  cleanup
  runs+=("$RUN")
done

{
  echo "# Scale benchmark, $(date -u '+%F %H:%M') UTC"
  echo
  echo "Built from $BUILT_FROM; $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GB;"
  echo "$(java -version 2>&1 | head -1). Catalogues: the real set ($SOURCE), then the real set and generated movies with its shape"
  echo "(bench generate, seed $SEED) up to ${sizes[*]} movies, each loaded on a fresh local stack (Elasticsearch 1 node, the indexer,"
  echo "the API warm, the API cache-off, nginx and the load generator on this one machine)."
} > "$ROOT/header.md"
java -jar bench/target/bench-exec.jar curve "$ROOT/header.md" "$RESULT" "${runs[@]}" > /dev/null
echo "Written to $RESULT"
