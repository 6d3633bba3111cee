package io.marquee.api.access;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import io.marquee.api.ApiTestSupport;
import io.marquee.api.web.PageAssets;
import io.marquee.testsupport.elasticsearch.ElasticsearchTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules against what the server really maps: every handler mapping (the controllers, Springdoc's, the actuator's
 * endpoints) and the search page has a rule of its own, not the final deny; and the protected paths, however they
 * are spelt (encoded, with matrix parameters, doubled or trailing slashes, dot segments, other case), never answer
 * without a key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@ElasticsearchTest
class AccessRulesIntegrationTests {

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry registry) {
        ApiTestSupport.register(registry, AccessRulesIntegrationTests.class);
    }

    @BeforeAll
    static void loadSample() {
        ApiTestSupport.loadSample(AccessRulesIntegrationTests.class);
    }

    @LocalServerPort
    int port;

    private final WebTestClient http;
    private final List<RequestMappingInfoHandlerMapping> mappings;

    AccessRulesIntegrationTests(WebTestClient http, List<RequestMappingInfoHandlerMapping> mappings) {
        this.http = http;
        this.mappings = mappings;
    }

    @Test
    void everyMappedRouteHasARuleOfItsOwn() {
        List<String> routes = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping mapping : mappings) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
                    for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                        routes.add(method + " " + pattern.getPatternString());
                    }
                }
            }
        }
        PageAssets.PATTERNS.forEach(pattern -> routes.add("GET " + pattern));
        routes.add("GET /ui/app.js");

        assertThat(routes).as("mapped routes").hasSizeGreaterThan(15)
                .anySatisfy(route -> assertThat(route).isEqualTo("GET /actuator/prometheus"))
                .anySatisfy(route -> assertThat(route).isEqualTo("GET /v1/movies/{id}/history"));
        assertThat(routes).as("routes with no rule of their own (denied by the last rule)").allSatisfy(route -> {
            String[] parts = route.split(" ", 2);
            assertThat(AccessRules.ruleFor(HttpMethod.valueOf(parts[0]), PathContainer.parsePath(concrete(parts[1])))).as(route).isPresent();
        });
    }

    @Test
    void protectedPathsNeverAnswerWithoutAKeyHoweverTheyAreSpelt() {
        String id = "jurassic-park-1993-adf18851";
        List<String> variants = List.of(
                "/actuator", "/actuator/", "/actuator/prometheus", "/%61ctuator/prometheus", "/actuator;a=b/prometheus",
                "/actuator/prometheus;a=b", "/actuator//prometheus", "//actuator/prometheus", "/ACTUATOR/prometheus", "/Actuator/Prometheus",
                "/actuator/prometheus/", "/actuator/./prometheus", "/actuator/%2e/prometheus", "/actuator/x/../prometheus",
                "/actuator%2Fprometheus", "/actuator/prometheus%00", "/actuator/info", "/actuator/metrics",
                "/v1/movies/" + id + "/history", "/v1/movies/" + id + "/history;x=1", "/v1/movies/" + id + "/histor%79",
                "/v1/movies/" + id + "/%68istory", "/v1/movies/" + id + "/history/", "/v1/movies/" + id + "//history",
                "/v1/movies/" + id + "/HISTORY", "/v1/movies/" + id + "%2Fhistory", "/v1/movies/" + id + "/./history",
                "/v1/movies;x=1/" + id + "/history", "/v1/%6Dovies/" + id + "/history");
        for (String variant : variants) {
            var answer = http.get().uri(URI.create("http://localhost:" + port + variant)).exchange().expectBody().returnResult();
            assertThat(answer.getStatus().value()).as(variant).isIn(400, 401);
            assertThat(answer.getResponseHeaders().getContentType()).as(variant).hasToString("application/problem+json");
        }
        for (String write : List.of("/v1/movies", "/movie", "/v1/movies/", "/v1/%6Dovies", "/v1/movies;x=1", "/MOVIE")) {
            int status = http.post().uri(URI.create("http://localhost:" + port + write)).header("Content-Type", "application/json")
                    .bodyValue("{}").exchange().expectBody().returnResult().getStatus().value();
            assertThat(status).as("POST " + write).isIn(400, 401);
        }
    }

    @Test
    void answersTheSameRoutesWithTheRightKey() {
        http.get().uri("/actuator/prometheus").header("X-Api-Key", ApiTestSupport.ADMIN_KEY).exchange().expectStatus().isOk();
        http.get().uri(URI.create("http://localhost:" + port + "/%61ctuator/prometheus")).header("X-Api-Key", ApiTestSupport.ADMIN_KEY)
                .exchange().expectStatus().isOk();
        http.get().uri("/actuator/prometheus").header("X-Api-Key", ApiTestSupport.SEARCH_KEY).exchange().expectStatus().isForbidden();
        http.get().uri("/v1/movies/jurassic-park-1993-adf18851/history").header("X-Api-Key", ApiTestSupport.WRITER_KEY).exchange()
                .expectStatus().isOk();
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        http.get().uri("/").exchange().expectStatus().isOk();
    }

    @Test
    void refusesWhatTheFirewallRefusesWithAProblem() {
        http.get().uri(URI.create("http://localhost:" + port + "/v1/movies;x=1?q=heat")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://marquee.example/problems/rejected-request");
        http.get().uri(URI.create("http://localhost:" + port + "/v1/movies%2F?q=heat")).exchange().expectStatus().isBadRequest();
        http.get().uri(URI.create("http://localhost:" + port + "//v1/movies?q=heat")).exchange().expectStatus().isBadRequest();
    }

    /** A path of the pattern, its variables and wildcards filled in. */
    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{\\*[^}]+}", "x/y").replaceAll("\\{[^}]+}", "x").replace("/**", "/x/y").replace("*", "x");
    }
}
