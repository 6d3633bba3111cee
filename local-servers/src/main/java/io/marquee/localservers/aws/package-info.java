/**
 * S3 and SQS on loopback for the local stack and the tests: S3Proxy over a directory, ElasticMQ, the S3 event
 * notifications neither sends, and a versioning front for what S3Proxy lacks. They speak the real protocols, so the
 * AWS SDK clients the indexer uses in production talk to them unchanged.
 */
package io.marquee.localservers.aws;
