package io.marquee.indexer.reindex;


/** Another indexer holds the reindex lease; nothing was changed. */
public class LeaseHeldException extends RuntimeException {

    private final LeaseRecord holder;

    LeaseHeldException(LeaseRecord holder) {
        super("Refused: " + holder.operation() + " (target " + holder.target() + ") is in progress on " + holder.owner() + " since "
                + holder.acquiredAt() + "; its lease expires at " + holder.expiresAt() + " unless renewed. Run 'indexer status' to watch it.");
        this.holder = holder;
    }

    public LeaseRecord holder() {
        return holder;
    }
}
