/**
 * The local stack behind {@code make run}: a real Elasticsearch node, the templates and aliases, the bundled
 * sample loaded by the real indexer, and the API, all in the foreground and all stopped by Ctrl-C.
 */
package io.marquee.localstack;
