package io.marquee.api.hits;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;

/**
 * Which requests may be answered on the connection, and recorded to be: an HTTP/1.1 GET without a body whose headers
 * are all ones whose effect on the answer is known, each once, in printable ASCII. The others change the answer in ways
 * only the stack works out (conditional requests get 304 or 412 there), carry a body, or are ones the stack's firewall
 * could refuse; all go on to the stack, as does a repeated header, since the stack may read another of its values.
 */
final class HitRequests {

    /** Headers read by {@link HitKey}, identity or access, read as their first value: each may come once. */
    private static final List<AsciiString> READ = names("host", "accept", "origin", "x-api-key", "authorization", "x-request-id");
    /**
     * Headers nothing in the API reads (no sessions or cookies, no language-dependent answers, no forwarded-header
     * handling, and no compression: with it on, nothing is answered on the connection), as browsers, proxies and HTTP
     * clients send them; and {@code X-Forwarded-For}, which identity reads whole, and {@code Connection}, which the
     * handler honours.
     */
    private static final List<AsciiString> IGNORED = names("user-agent", "connection", "accept-encoding", "x-forwarded-for", "accept-language",
            "referer", "cache-control", "pragma", "dnt", "priority", "sec-fetch-dest", "sec-fetch-mode", "sec-fetch-site", "sec-fetch-user",
            "sec-ch-ua", "sec-ch-ua-mobile", "sec-ch-ua-platform", "x-forwarded-proto", "x-forwarded-port", "x-amzn-trace-id");

    private HitRequests() {
    }

    /**
     * Whether a request can be answered on the connection.
     *
     * @param headers its headers, in order
     */
    static boolean answerable(HttpMethod method, HttpVersion version, Iterator<Map.Entry<CharSequence, CharSequence>> headers) {
        if (!HttpMethod.GET.equals(method) || !HttpVersion.HTTP_1_1.equals(version)) {
            return false;
        }
        int seen = 0;
        while (headers.hasNext()) {
            Map.Entry<CharSequence, CharSequence> header = headers.next();
            CharSequence name = header.getKey();
            int read = indexOf(READ, name);
            if (read >= 0) {
                if ((seen & 1 << read) != 0) {
                    return false;
                }
                seen |= 1 << read;
            }
            else if (indexOf(IGNORED, name) < 0) {
                return false;
            }
            if (!printable(header.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static List<AsciiString> names(String... names) {
        return java.util.Arrays.stream(names).map(AsciiString::cached).toList();
    }

    private static int indexOf(List<AsciiString> names, CharSequence name) {
        for (int i = 0; i < names.size(); i++) {
            AsciiString known = names.get(i);
            if (known.length() == name.length() && known.contentEqualsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean printable(CharSequence value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 || c > 0x7e) && c != '\t') {
                return false;
            }
        }
        return true;
    }
}
