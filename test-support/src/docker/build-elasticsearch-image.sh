#!/usr/bin/env bash
# Builds marquee/elasticsearch:<version>, the tests' Elasticsearch image where no registry is reachable, once per
# machine: a Debian bookworm base with openjdk-17-jre-headless made by debootstrap from Debian's packages and imported,
# then the Elasticsearch distribution from Maven Central (the one the launcher runs) on it. Needs root, debootstrap
# and a running Docker engine. Does nothing when the image exists.
set -euo pipefail
cd "$(dirname "$0")/../../.."
version=$(sed -n 's:.*<elasticsearch.distribution.version>\(.*\)</elasticsearch.distribution.version>.*:\1:p' pom.xml | head -1)
image="marquee/elasticsearch:$version"
base="marquee/debian-jre17:bookworm"
if docker image inspect "$image" >/dev/null 2>&1; then
  echo "$image exists"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if ! docker image inspect "$base" >/dev/null 2>&1; then
  debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$work/rootfs" http://deb.debian.org/debian >"$work/debootstrap.log" \
    || { tail -20 "$work/debootstrap.log"; exit 1; }
  rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb
  tar -C "$work/rootfs" -c . | docker import - "$base"
  rm -rf "$work/rootfs"
fi
# The distribution as the build resolves it (local-servers unpacks it into target/).
./mvnw -B -q -pl local-servers generate-resources
cp -r "local-servers/target/elasticsearch/elasticsearch-$version" "$work/"
cp test-support/src/docker/elasticsearch/Dockerfile test-support/src/docker/elasticsearch/entrypoint.sh "$work/"
docker build -q --build-arg BASE="$base" --build-arg VERSION="$version" -t "$image" "$work"
echo "built $image"
