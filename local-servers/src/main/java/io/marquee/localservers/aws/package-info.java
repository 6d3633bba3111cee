/**
 * S3 and SQS on loopback for tests and the local stack: S3Proxy over a directory, and ElasticMQ. Both speak
 * the real protocols, so the AWS SDK clients the indexer uses in production talk to them unchanged.
 */
package io.marquee.localservers.aws;
