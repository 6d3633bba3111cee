/**
 * A real Elasticsearch for tests and the local stack: the core-only 8.19 distribution that the build
 * unpacks, started as child processes on free loopback ports (one node or a cluster of three), run as an
 * unprivileged user when the JVM is root, and stopped with its data deleted. Where {@code ES_URL} is set,
 * that cluster is used instead.
 */
package io.marquee.localservers.elasticsearch;
