/**
 * The benchmark behind {@code make bench}: builds the query mix (with the API's own request bodies for the direct
 * Elasticsearch runs) and turns Gatling's and wrk's figures into one results table.
 */
package io.marquee.bench;
