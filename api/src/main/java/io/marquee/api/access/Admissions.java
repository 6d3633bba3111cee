package io.marquee.api.access;

import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import io.marquee.api.identity.Caller;

/**
 * Access control for a request answered before the security chain sees it: a cache hit answered on the connection.
 * Such a request repeats, byte for byte, the target of one the chain has let through, so its route, and the rule
 * the chain matched it to on the decoded path, are the same; what can differ is its credentials, its source's
 * tokens and the keys configured since. A {@link Gate} decides those as the chain does, with the same rule, keys,
 * scopes and buckets, and takes the request's token; whatever it would not let through is left to the chain, to be
 * refused there with its problem.
 */
@Component
public class Admissions {

    /** The response headers of an admission: they differ from one request to the next. */
    public static final Set<String> HEADERS = Set.of(TokenBucket.Outcome.LIMIT, TokenBucket.Outcome.REMAINING, TokenBucket.Outcome.RESET);

    private final ApiKeys keys;
    private final ClientBuckets buckets;
    private final AccessProperties.Anonymous anonymous;

    Admissions(ApiKeys keys, ClientBuckets buckets, AccessProperties properties) {
        this.keys = keys;
        this.buckets = buckets;
        this.anonymous = properties.anonymous();
    }

    /** The gate of the rule the chain matched this exchange's route to; empty for a route no rule names (denied). */
    public Optional<Gate> gateFor(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        return AccessRules.ruleFor(request.getMethod(), request.getPath().pathWithinApplication()).map(rule -> new Gate(rule.access()));
    }

    /** Access to one route, decided per request. */
    public final class Gate {

        private final AccessRules.Access access;

        private Gate(AccessRules.Access access) {
            this.access = access;
        }

        /**
         * Admits a request as the chain would, taking a token from its client's bucket; empty when the chain would
         * refuse it (an unknown key, a key without the scope, no key where one is needed, no token left).
         *
         * @param header a request header's first value, or null
         * @param source the address it came from ({@link Caller#source()})
         */
        public Optional<Admitted> admit(UnaryOperator<String> header, String source) {
            if (access == AccessRules.Access.OPEN) {
                return Optional.of(new Admitted(Caller.ANONYMOUS, null));
            }
            String presented = ApiKeys.presented(header);
            String client;
            TokenBucket bucket;
            if (presented != null) {
                Optional<AccessProperties.Key> key = keys.lookUp(presented);
                if (key.isEmpty() || !access.permits(key.get().scopes())) {
                    return Optional.empty();
                }
                client = key.get().clientId();
                bucket = buckets.forKey(key.get());
            }
            else {
                if (!access.permitsAnonymous(anonymous)) {
                    return Optional.empty();
                }
                client = Caller.ANONYMOUS;
                bucket = buckets.forSource(source);
            }
            // A refused take takes nothing: the chain, taking again, refuses it with its 429 and counts it once.
            TokenBucket.Outcome outcome = bucket.take();
            return outcome.allowed() ? Optional.of(new Admitted(client, outcome)) : Optional.empty();
        }
    }

    /** A request let through: for whom, and what its limit now is (none on open routes). */
    public static final class Admitted {

        private final String clientId;
        private final TokenBucket.Outcome limit;

        private Admitted(String clientId, TokenBucket.Outcome limit) {
            this.clientId = clientId;
            this.limit = limit;
        }

        public String clientId() {
            return clientId;
        }

        /** The response headers saying what is left of the client's limit, as the chain's answers carry them. */
        public void headers(BiConsumer<String, String> header) {
            if (limit != null) {
                limit.headers(header);
            }
        }
    }
}
