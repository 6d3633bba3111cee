package io.marquee.indexer.pipeline;

/** Acts on one S3 event of a message: what the consumer hands each event to. */
interface EventHandler {

    /**
     * @throws TransientFailure when the event should be tried again later
     */
    ObjectIngest.Result process(ObjectEvent event);
}
