package io.marquee.api.access;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class AccessRoutesTests {

    @Test
    void letsAnyoneProbeHealthAndReadTheApiDocs() {
        assertThat(AccessFilter.needed(MockServerHttpRequest.get("/actuator/health/readiness").build())).isEmpty();
        assertThat(AccessFilter.needed(MockServerHttpRequest.get("/v3/api-docs").build())).isEmpty();
    }

    @Test
    void needsSearchForReadsWriteForWritesAndHistoryAdminForOperations() {
        assertThat(AccessFilter.needed(MockServerHttpRequest.get("/v1/movies?q=heat").build())).isEqualTo(EnumSet.of(Scope.SEARCH, Scope.ADMIN));
        assertThat(AccessFilter.needed(MockServerHttpRequest.get("/movies/year/1995").build())).isEqualTo(EnumSet.of(Scope.SEARCH, Scope.ADMIN));
        assertThat(AccessFilter.needed(MockServerHttpRequest.post("/v1/movies").build())).isEqualTo(EnumSet.of(Scope.WRITE, Scope.ADMIN));
        assertThat(AccessFilter.needed(MockServerHttpRequest.get("/v1/movies/heat-1995-x/history").build()))
                .isEqualTo(EnumSet.of(Scope.WRITE, Scope.ADMIN));
        assertThat(AccessFilter.needed(MockServerHttpRequest.get("/actuator/prometheus").build())).isEqualTo(EnumSet.of(Scope.ADMIN));
    }
}
