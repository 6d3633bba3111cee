package io.marquee.api.identity;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Works out who sent a request. The request id is the caller's when it is a plausible id (so one id follows a request
 * through the services it crosses), ours otherwise. The source is the connection's peer; only when that peer is a
 * trusted proxy is {@code X-Forwarded-For} read, right to left, past every trusted proxy, to the first address none of
 * ours added.
 */
@Component
class Callers {

    static final String REQUEST_ID = "X-Request-Id";
    private static final Pattern PLAUSIBLE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final List<AddressRange> trustedProxies;

    Callers(IdentityProperties properties) {
        this.trustedProxies = properties.trustedProxies().stream().filter(proxy -> !proxy.isBlank()).map(AddressRange::parse).toList();
    }

    Caller of(ServerHttpRequest request) {
        String given = request.getHeaders().getFirst(REQUEST_ID);
        String requestId = given != null && PLAUSIBLE_ID.matcher(given).matches() ? given : newRequestId();
        return new Caller(requestId, Caller.ANONYMOUS, source(request));
    }

    private String source(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            return "unknown";
        }
        InetAddress current = remote.getAddress();
        List<String> hops = forwardedFor(request);
        for (int i = hops.size() - 1; i >= 0 && trusted(current); i--) {
            Optional<InetAddress> hop = AddressRange.literal(hops.get(i));
            if (hop.isEmpty()) {
                // Not an address: whatever is further left was written by someone we cannot vouch for.
                break;
            }
            current = hop.get();
        }
        return current.getHostAddress();
    }

    private static List<String> forwardedFor(ServerHttpRequest request) {
        List<String> hops = new ArrayList<>();
        for (String header : request.getHeaders().getOrEmpty("X-Forwarded-For")) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        return hops;
    }

    private boolean trusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(range -> range.contains(address));
    }

    /** 64 random bits as hex: unique enough to find a request's log lines, and no SecureRandom read on the event loop. */
    private static String newRequestId() {
        return String.format("%016x", ThreadLocalRandom.current().nextLong());
    }
}
