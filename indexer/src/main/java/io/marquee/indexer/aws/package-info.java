/**
 * The AWS clients: real S3 and SQS through the default credentials chain in production, or any S3/SQS-compatible
 * endpoint (the local stack's S3Proxy and ElasticMQ) when an endpoint is configured. Only configuration differs.
 */
package io.marquee.indexer.aws;
