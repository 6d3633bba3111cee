package io.marquee.api.hits;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HitRequestsTests {

    @Test
    void answersAPlainGetWithTheHeadersBrowsersAndClientsSend() {
        HttpHeaders headers = new DefaultHttpHeaders().add("Host", "api.marquee.example").add("accept", "application/json")
                .add("User-Agent", "curl/8").add("X-Api-Key", "k").add("x-forwarded-for", "203.0.113.7").add("X-Forwarded-For", "10.0.0.1")
                .add("Accept-Encoding", "gzip").add("Sec-Fetch-Mode", "cors").add("X-Request-Id", "trace-1");

        assertThat(answerable(HttpMethod.GET, HttpVersion.HTTP_1_1, headers)).isTrue();
    }

    @Test
    void leavesOtherMethodsAndVersionsToTheStack() {
        HttpHeaders headers = new DefaultHttpHeaders().add("Host", "h");
        assertThat(answerable(HttpMethod.HEAD, HttpVersion.HTTP_1_1, headers)).isFalse();
        assertThat(answerable(HttpMethod.POST, HttpVersion.HTTP_1_1, headers)).isFalse();
        assertThat(answerable(HttpMethod.GET, HttpVersion.HTTP_1_0, headers)).isFalse();
    }

    @Test
    void leavesHeadersItDoesNotKnowToTheStack() {
        for (String name : new String[] {"If-None-Match", "If-Match", "If-Modified-Since", "Range", "Content-Length", "Transfer-Encoding",
            "Expect", "Upgrade", "Cookie", "Forwarded", "X-Anything"}) {
            HttpHeaders headers = new DefaultHttpHeaders(false).add("Host", "h").add(name, "1");
            assertThat(answerable(HttpMethod.GET, HttpVersion.HTTP_1_1, headers)).as(name).isFalse();
        }
    }

    @Test
    void leavesRepeatedReadHeadersToTheStack() {
        for (String name : new String[] {"Host", "Accept", "Origin", "X-Api-Key", "Authorization", "X-Request-Id"}) {
            HttpHeaders headers = new DefaultHttpHeaders(false).add(name, "a").add(name.toLowerCase(java.util.Locale.ROOT), "b");
            assertThat(answerable(HttpMethod.GET, HttpVersion.HTTP_1_1, headers)).as(name).isFalse();
        }
    }

    @Test
    void leavesValuesOutsidePrintableAsciiToTheStack() {
        for (String value : new String[] {"caf\u00e9", "a\u0000b", "a\u007fb", "\u2028"}) {
            HttpHeaders headers = new DefaultHttpHeaders(false).add("Host", "h").add("User-Agent", value);
            assertThat(answerable(HttpMethod.GET, HttpVersion.HTTP_1_1, headers)).as(value).isFalse();
        }
        assertThat(answerable(HttpMethod.GET, HttpVersion.HTTP_1_1, new DefaultHttpHeaders(false).add("User-Agent", "a\tb c"))).isTrue();
    }

    private static boolean answerable(HttpMethod method, HttpVersion version, HttpHeaders headers) {
        return HitRequests.answerable(method, version, headers.iteratorCharSequence());
    }
}
