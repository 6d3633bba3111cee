/**
 * A real Elasticsearch on loopback for the local stack and the tests: the core-only 8.19 distribution that the build
 * unpacks, started as child processes on free ports (one node or a cluster of three, optionally secured), run as an
 * unprivileged user when the JVM is root, and stopped with its data deleted.
 */
package io.marquee.localservers.elasticsearch;
