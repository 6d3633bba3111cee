#!/usr/bin/env bash
# Smoke test of a deployed Marquee: ready, finds a well-known movie by a misspelt title, suggests as one types, and
# answers a bad request with a problem document. The pipeline runs it after every deploy and rolls back on failure;
# it runs as well against `make run` (http://localhost:8080).
# Usage: deploy/smoke-test.sh <base-url> [api-key]
# SMOKE_CURL_ARGS adds curl options, e.g. "--connect-to api.example.com:443:<one region's load balancer>:443" to test
# one region behind the shared name (the name, its certificate and Host header kept).
set -euo pipefail
base=${1:?usage: smoke-test.sh <base-url> [api-key]}
key=${2:-}
read -r -a extra <<< "${SMOKE_CURL_ARGS:-}"
headers=(-H "X-Request-Id: smoke-$(date +%s)" "${extra[@]}")
[ -n "$key" ] && headers+=(-H "X-Api-Key: $key")
failures=0

check() {
  local what=$1 path=$2 status=$3 contains=$4
  local body code
  body=$(mktemp)
  code=$(curl -sS -o "$body" -w '%{http_code}' --max-time 10 "${headers[@]}" "$base$path" || echo 000)
  if [ "$code" = "$status" ] && grep -q -- "$contains" "$body"; then
    echo "ok   $what ($code)"
  else
    echo "FAIL $what: expected $status containing '$contains', got $code: $(head -c 300 "$body")"
    failures=$((failures + 1))
  fi
  rm -f "$body"
}

check "ready" "/actuator/health/readiness" 200 '"status"'
check "typo-tolerant title search" "/v1/movies?q=jurasic%20park&size=5" 200 'Jurassic Park'
check "typeahead" "/v1/suggest?q=jura&size=5" 200 'Jurassic'
check "bad request as a problem document" "/v1/movies?year=99999" 400 '"title"'
check "unknown movie" "/v1/movies/does-not-exist" 404 '"status":404'

if [ "$failures" -gt 0 ]; then
  echo "$failures smoke check(s) failed against $base"
  exit 1
fi
echo "all smoke checks passed against $base"
