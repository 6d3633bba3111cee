package io.marquee.api.identity;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class CallersTests {

    private final Callers callers = new Callers(new IdentityProperties(List.of("10.0.0.0/8", "fd00::/8")));

    @Test
    void keepsTheCallersRequestIdWhenPlausible() {
        assertThat(callers.of(request("10.1.2.3").header("X-Request-Id", "trace-42:a.b_c").build()).requestId()).isEqualTo("trace-42:a.b_c");
    }

    @Test
    void replacesAnImplausibleRequestId() {
        for (String given : List.of("", "two words", "<script>", "x".repeat(65))) {
            String id = callers.of(request("10.1.2.3").header("X-Request-Id", given).build()).requestId();
            assertThat(id).as(given).matches("[0-9a-f]{16}");
        }
        assertThat(callers.of(request("10.1.2.3").build()).requestId()).matches("[0-9a-f]{16}")
                .isNotEqualTo(callers.of(request("10.1.2.3").build()).requestId());
    }

    @Test
    void ignoresForwardedForFromAPeerNotTrusted() {
        Caller caller = callers.of(request("198.51.100.9").header("X-Forwarded-For", "203.0.113.7").build());

        assertThat(caller.source()).isEqualTo("198.51.100.9");
        assertThat(caller.clientId()).isEqualTo(Caller.ANONYMOUS);
    }

    @Test
    void followsForwardedForPastTrustedProxiesToTheClient() {
        assertThat(callers.of(request("10.0.0.5").header("X-Forwarded-For", "192.0.2.1, 203.0.113.7, 10.0.0.9").build()).source())
                .as("the client the outermost trusted proxy saw, not what the client wrote further left").isEqualTo("203.0.113.7");
        assertThat(callers.of(request("10.0.0.5").header("X-Forwarded-For", "192.0.2.1").header("X-Forwarded-For", "10.0.0.9").build())
                .source()).isEqualTo("192.0.2.1");
        assertThat(callers.of(request("fd00::1").header("X-Forwarded-For", "2001:db8::7").build()).source()).isEqualTo("2001:db8:0:0:0:0:0:7");
    }

    @Test
    void stopsAtAHopThatIsNotAnAddress() {
        assertThat(callers.of(request("10.0.0.5").header("X-Forwarded-For", "203.0.113.7, attacker.example").build()).source())
                .isEqualTo("10.0.0.5");
    }

    private static MockServerHttpRequest.BaseBuilder<?> request(String peer) {
        return MockServerHttpRequest.get("/v1/movies").remoteAddress(new InetSocketAddress(peer, 40_000));
    }
}
