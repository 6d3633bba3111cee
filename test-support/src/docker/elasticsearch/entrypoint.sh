#!/bin/bash
# As the official image's entrypoint does: every environment variable whose name is a setting (lowercase, with a dot,
# such as discovery.type) becomes an -E option, so Testcontainers' ElasticsearchContainer configures this image as it
# configures that one.
set -eu
settings=""
for name in $(env | sed -n 's/^\([a-z0-9_]*\.[a-z0-9_.]*\)=.*/\1/p'); do
  value=$(printenv "$name")
  settings="$settings -E $name=$value"
done
# Listen beyond loopback: the container's port is mapped.
# shellcheck disable=SC2086
exec /usr/share/elasticsearch/bin/elasticsearch -E network.host=0.0.0.0 $settings "$@"
