package io.marquee.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What the stack runs and where.
 *
 * @param apiJar the API's executable jar
 * @param indexerJar the indexer's executable jar
 * @param data files or directories the indexer loads at start (the sample)
 * @param port the API's HTTP port
 * @param stateDir where the stack writes what {@code make load} needs to find it
 * @param apiArguments further arguments for the API (settings, e.g. {@code --marquee.api.cache.ttl=60s})
 * @param loadTimeout how long the data may take to be indexed and ranked before the stack gives up
 * @param elasticsearchHeap Elasticsearch's heap, e.g. {@code 1g}
 */
record StackOptions(Path apiJar, Path indexerJar, List<Path> data, int port, Path stateDir, List<String> apiArguments, Duration loadTimeout,
        String elasticsearchHeap) {

    static final Duration LOAD_TIMEOUT = Duration.ofMinutes(5);
    static final String ELASTICSEARCH_HEAP = "1g";

    StackOptions(Path apiJar, Path indexerJar, List<Path> data, int port, Path stateDir) {
        this(apiJar, indexerJar, data, port, stateDir, List.of());
    }

    StackOptions(Path apiJar, Path indexerJar, List<Path> data, int port, Path stateDir, List<String> apiArguments) {
        this(apiJar, indexerJar, data, port, stateDir, apiArguments, LOAD_TIMEOUT, ELASTICSEARCH_HEAP);
    }

    static StackOptions parse(String[] args) {
        Path api = Path.of("api/target/api-exec.jar");
        Path indexer = Path.of("indexer/target/indexer-exec.jar");
        List<Path> data = List.of(Path.of("sample/movies-sample.json"));
        int port = 8080;
        Path state = Path.of(".local");
        Duration loadTimeout = LOAD_TIMEOUT;
        String heap = ELASTICSEARCH_HEAP;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--api-jar" -> api = Path.of(required(args[i], value));
                case "--indexer-jar" -> indexer = Path.of(required(args[i], value));
                case "--data" -> data = List.of(Path.of(required(args[i], value)));
                case "--port" -> port = Integer.parseInt(required(args[i], value));
                case "--state-dir" -> state = Path.of(required(args[i], value));
                case "--load-minutes" -> loadTimeout = Duration.ofMinutes(Long.parseLong(required(args[i], value)));
                case "--es-heap" -> heap = required(args[i], value);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + " (options: --api-jar, --indexer-jar, --data, --port, --state-dir, --load-minutes, --es-heap)");
            }
            i++;
        }
        return new StackOptions(api, indexer, data, port, state, List.of(), loadTimeout, heap);
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
