/**
 * The tests' Elasticsearch: one shared cluster a JVM, from {@code ES_URL}, a Testcontainers container or the launcher
 * ({@link io.marquee.testsupport.elasticsearch.ElasticsearchEngine}), a JUnit extension that gives each test class
 * its own index prefix and cleans it, and clients for tests that set up or inspect data directly.
 */
package io.marquee.testsupport.elasticsearch;
