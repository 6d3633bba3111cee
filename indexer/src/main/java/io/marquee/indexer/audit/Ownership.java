package io.marquee.indexer.audit;

import java.util.Optional;
import java.util.Set;

/**
 * Who may change which movie: a movie belongs to the provider whose delivery created it, and only that provider may
 * update or delete it, unless configuration names the changing provider trusted (an editorial desk, say). A movie
 * that is deleted belongs to nobody: whoever delivers it next creates it anew. A trusted provider's change keeps
 * the movie with its owner. The one statement of the rule, for the consumer and for a replay from S3 alike.
 */
public final class Ownership {

    private final Set<String> trusted;

    public Ownership(Set<String> trusted) {
        this.trusted = Set.copyOf(trusted);
    }

    /** Why {@code provider} may not change movie {@code id} owned by {@code owner} (null: nobody), if it may not. */
    public Optional<String> refusal(String provider, String owner, String id) {
        if (owner == null || owner.equals(provider) || trusted.contains(provider)) {
            return Optional.empty();
        }
        return Optional.of("movie " + id + " belongs to provider " + owner + "; provider " + provider + " may not change or delete it");
    }
}
