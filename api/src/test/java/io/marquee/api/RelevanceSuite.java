package io.marquee.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.test.web.reactive.server.WebTestClient;

import io.marquee.api.catalog.MovieView;
import io.marquee.api.search.SearchPage;

/**
 * Golden queries: a search and the movie people mean by it, which must come within a given rank. Read from a
 * tab-separated resource ({@code query}, {@code Title (year)}, {@code rank}, {@code why}); run through the API;
 * scored by precision at 1 and mean reciprocal rank (over the first 10 results).
 */
public final class RelevanceSuite {

    private final List<Golden> queries;

    private RelevanceSuite(List<Golden> queries) {
        this.queries = queries;
    }

    public static RelevanceSuite load(String resource) {
        try (InputStream in = RelevanceSuite.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No relevance suite at " + resource);
            }
            List<Golden> queries = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                queries.add(new Golden(cells[0], cells[1], Integer.parseInt(cells[2].strip()), cells.length > 3 ? cells[3] : ""));
            }
            return new RelevanceSuite(queries);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public List<Golden> queries() {
        return queries;
    }

    /** Runs every query and returns where its movie came. */
    public Results run(WebTestClient http) {
        List<Result> results = new ArrayList<>();
        for (Golden golden : queries) {
            SearchPage page = http.get().uri("/v1/movies?size=10&" + golden.query()).exchange().expectStatus().isOk()
                    .expectBody(SearchPage.class).returnResult().getResponseBody();
            List<String> found = page.items().stream().map(RelevanceSuite::label).toList();
            results.add(new Result(golden, found.indexOf(golden.expected()) + 1, found));
        }
        return new Results(results);
    }

    private static String label(MovieView movie) {
        return movie.title() + " (" + movie.year() + ")";
    }

    /** A query, the movie meant ({@code Title (year)}), the worst rank acceptable, and what it tests. */
    public record Golden(String query, String expected, int maxRank, String why) {
    }

    /** Where the meant movie came (0: not in the first 10), and what came instead. */
    public record Result(Golden golden, int rank, List<String> found) {

        public boolean passed() {
            return rank >= 1 && rank <= golden.maxRank();
        }
    }

    /** The results of a run, and its scores. */
    public record Results(List<Result> results) {

        public double precisionAtOne() {
            return results.stream().filter(r -> r.rank() == 1).count() / (double) results.size();
        }

        public double meanReciprocalRank() {
            return results.stream().mapToDouble(r -> r.rank() == 0 ? 0 : 1.0 / r.rank()).average().orElse(0);
        }

        public List<Result> failures() {
            return results.stream().filter(r -> !r.passed()).toList();
        }

        /** A Markdown report, written where the build keeps its reports. */
        public String report(String title, Path file) {
            StringBuilder out = new StringBuilder("# Relevance: " + title + "\n\n");
            out.append(String.format(Locale.ROOT, "%d queries: precision@1 %.3f, MRR %.3f, %d outside their rank.%n%n", results.size(),
                    precisionAtOne(), meanReciprocalRank(), failures().size()));
            out.append("| query | meant | rank | within | first result | why |\n|---|---|---|---|---|---|\n");
            for (Result r : results) {
                out.append(String.format("| `%s` | %s | %s | %d | %s | %s |%n", r.golden().query(), r.golden().expected(),
                        r.rank() == 0 ? "—" : Integer.toString(r.rank()), r.golden().maxRank(), r.found().isEmpty() ? "" : r.found().get(0),
                        r.golden().why()));
            }
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, out.toString());
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            return out.toString();
        }
    }
}
