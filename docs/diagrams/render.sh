#!/usr/bin/env bash
# Renders every docs/diagrams/*.mmd to SVG beside it with mermaid-cli, driving the machine's Chromium
# (apt-get install chromium); nothing is downloaded but the pinned npm package.
# Usage: docs/diagrams/render.sh
set -euo pipefail
cd "$(dirname "$0")"
tools=$(mktemp -d)
trap 'rm -rf "$tools"' EXIT
PUPPETEER_SKIP_DOWNLOAD=1 npm install --prefix "$tools" --no-audit --no-fund --loglevel=error @mermaid-js/mermaid-cli@11.17.0 >/dev/null
cat > "$tools/puppeteer.json" <<'JSON'
{"executablePath": "/usr/bin/chromium", "args": ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"]}
JSON
for source in *.mmd; do
  "$tools/node_modules/.bin/mmdc" --quiet -p "$tools/puppeteer.json" -i "$source" -o "${source%.mmd}.svg"
  echo "rendered ${source%.mmd}.svg"
done
