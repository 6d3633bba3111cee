package io.marquee.api.identity;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.UnaryOperator;
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
public class Callers {

    /** The header a request's id comes in and goes out in. */
    public static final String REQUEST_ID = "X-Request-Id";
    private static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final Pattern PLAUSIBLE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final List<AddressRange> trustedProxies;

    Callers(IdentityProperties properties) {
        this.trustedProxies = properties.trustedProxies().stream().filter(proxy -> !proxy.isBlank()).map(AddressRange::parse).toList();
    }

    Caller of(ServerHttpRequest request) {
        return identify(request.getHeaders()::getFirst, request.getHeaders()::getOrEmpty, request.getRemoteAddress());
    }

    /**
     * Who sent a request, from what identifies it: for requests answered before there is an exchange (the cache hits
     * answered on the connection), which must be identified as every other request is.
     *
     * @param first a request header's first value, or null
     * @param all a request header's values, in order
     * @param remote the connection's peer
     */
    public Caller identify(UnaryOperator<String> first, Function<String, List<String>> all, InetSocketAddress remote) {
        String given = first.apply(REQUEST_ID);
        String requestId = given != null && PLAUSIBLE_ID.matcher(given).matches() ? given : newRequestId();
        return new Caller(requestId, Caller.ANONYMOUS, source(remote, all.apply(FORWARDED_FOR)));
    }

    private String source(InetSocketAddress remote, List<String> forwardedFor) {
        if (remote == null || remote.getAddress() == null) {
            return "unknown";
        }
        InetAddress current = remote.getAddress();
        List<String> hops = hops(forwardedFor);
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

    private static List<String> hops(List<String> forwardedFor) {
        if (forwardedFor.isEmpty()) {
            return List.of();
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
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
        // Not String.format: a profile of cache hits found its parsing among the costliest frames of a request.
        long bits = ThreadLocalRandom.current().nextLong();
        char[] id = new char[16];
        for (int i = 15; i >= 0; i--) {
            id[i] = HEX[(int) (bits & 0xf)];
            bits >>>= 4;
        }
        return new String(id);
    }
}
