package io.marquee.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonFile;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * Open-loop load, one target after another at each rate: nginx serving each query's very answer bytes (and, for
 * comparison, one file whatever the query), Elasticsearch asked the API's own
 * bodies, the API with its cache off (cold) and the API with it on and warmed (warm). Every request is named
 * {@code <target>@<rate>}, which is how the report finds it. Arrivals do not wait for answers (open model), over shared
 * keep-alive connections as a service calling the API would use. Each run's response times (milliseconds, as Gatling
 * measures them) go to {@link RunResults}, written as JSON when the simulation ends for the report to read.
 */
public class SearchSimulation extends Simulation {

    private final String mix = System.getProperty("bench.mix");
    private final Map<String, String> targets = new LinkedHashMap<>();
    private final int[] rates = Arrays.stream(System.getProperty("bench.rates", "200,1000,3000").split(",")).mapToInt(Integer::parseInt).toArray();
    private final Duration duration = Duration.ofSeconds(Long.getLong("bench.duration", 20));
    private final Duration warmUp = Duration.ofSeconds(Long.getLong("bench.warmup", 20));
    private final RunResults results = new RunResults();
    private int settles;

    {
        // The order the runs of one rate go in: those that keep up first. A target overloaded at 3,000/s (Elasticsearch,
        // the API with its cache off) leaves queues, connections by the thousand and a busy machine behind it, and the
        // run after it measured that rather than its own target.
        targets.put("nginx", System.getProperty("bench.static"));
        targets.put("nginx-one-file", System.getProperty("bench.static"));
        targets.put("api-warm", System.getProperty("bench.api.warm"));
        targets.put("api-cold", System.getProperty("bench.api.cold"));
        targets.put("elasticsearch", System.getProperty("bench.es"));

        HttpProtocolBuilder protocol = http.shareConnections().disableUrlEncoding().disableCaching().disableWarmUp()
                .acceptHeader("application/json");
        List<PopulationBuilder> runs = new ArrayList<>();
        targets.keySet().forEach(target -> runs.add(run(target, 300, warmUp, "warm-up " + target)));
        for (int rate : rates) {
            targets.keySet().forEach(target -> {
                // A pause lets the previous run's queues drain (an overloaded Elasticsearch works on for seconds), and a
                // short settling run brings the target back to its steady state: for api-warm, every answer cached.
                runs.add(settle(target));
                runs.add(run(target, rate, duration, target + "@" + rate));
            });
        }
        PopulationBuilder sequence = runs.get(runs.size() - 1);
        for (int i = runs.size() - 2; i >= 0; i--) {
            sequence = runs.get(i).andThen(sequence);
        }
        setUp(sequence).protocols(protocol);
    }

    @Override
    public void after() {
        results.write(Path.of(System.getProperty("bench.out")), duration);
    }

    private PopulationBuilder run(String target, int rate, Duration length, String name) {
        return scenario(name).feed(jsonFile(mix).random()).exec(request(target, name))
                .exec(session -> {
                    int millis = session.isFailed() || !session.contains("rt") ? -1 : session.getInt("rt");
                    results.record(name, millis);
                    // And by query type, for the report's breakdown (typeahead's figures among them).
                    results.record(name + Report.KIND + session.getString("kind"), millis);
                    return session.remove("rt").markAsSucceeded();
                })
                .injectOpen(constantUsersPerSec(rate).during(length));
    }

    private PopulationBuilder settle(String target) {
        String name = "settle " + target + " " + (++settles);
        return scenario(name).feed(jsonFile(mix).random()).exec(request(target, name))
                .injectOpen(nothingFor(Duration.ofSeconds(5)), constantUsersPerSec(300).during(Duration.ofSeconds(5)));
    }

    private ChainBuilder request(String target, String name) {
        String base = targets.get(target);
        HttpRequestActionBuilder request = switch (target) {
            case "nginx" -> http(name).get(base + "#{staticPath}");
            case "nginx-one-file" -> http(name).get(base + "/response.json");
            case "elasticsearch" -> http(name).post(base + "#{esPath}").body(StringBody("#{esBody}")).asJson();
            default -> http(name).get(base + "#{apiPath}");
        };
        return exec(request.check(responseTimeInMillis().saveAs("rt")));
    }
}
