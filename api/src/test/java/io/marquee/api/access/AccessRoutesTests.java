package io.marquee.api.access;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;

import static org.assertj.core.api.Assertions.assertThat;

class AccessRoutesTests {

    @Test
    void letsAnyoneProbeHealthReadTheApiDocsAndLoadThePage() {
        assertThat(access(HttpMethod.GET, "/actuator/health/readiness")).contains(AccessRules.Access.OPEN);
        assertThat(access(HttpMethod.GET, "/v3/api-docs")).contains(AccessRules.Access.OPEN);
        assertThat(access(HttpMethod.GET, "/ui/app.js")).contains(AccessRules.Access.OPEN);
    }

    @Test
    void needsSearchForReadsWriteForWritesAndHistoryAdminForOperations() {
        assertThat(access(HttpMethod.GET, "/v1/movies")).contains(AccessRules.Access.SEARCH);
        assertThat(access(HttpMethod.GET, "/movies/year/1995")).contains(AccessRules.Access.SEARCH);
        assertThat(access(HttpMethod.POST, "/v1/movies")).contains(AccessRules.Access.WRITE);
        assertThat(access(HttpMethod.GET, "/v1/movies/heat-1995-x/history")).contains(AccessRules.Access.WRITE);
        assertThat(access(HttpMethod.GET, "/actuator/prometheus")).contains(AccessRules.Access.ADMIN);
        assertThat(access(HttpMethod.GET, "/actuator")).contains(AccessRules.Access.ADMIN);
    }

    @Test
    void decidesOnThePathTheRouterSeesAndDeniesTheRest() {
        // Decoded and without matrix parameters, as WebFlux routes them: the history stays a write.
        assertThat(access(HttpMethod.GET, "/v1/movies/heat/histor%79")).contains(AccessRules.Access.WRITE);
        assertThat(access(HttpMethod.GET, "/v1/movies/heat/history;x=1")).contains(AccessRules.Access.WRITE);
        assertThat(access(HttpMethod.GET, "/%61ctuator/prometheus")).contains(AccessRules.Access.ADMIN);
        assertThat(access(HttpMethod.DELETE, "/v1/movies/heat")).isEmpty();
        assertThat(access(HttpMethod.GET, "/elsewhere")).isEmpty();
    }

    private static Optional<AccessRules.Access> access(HttpMethod method, String path) {
        return AccessRules.ruleFor(method, PathContainer.parsePath(path)).map(AccessRules.Rule::access);
    }
}
