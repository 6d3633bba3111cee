package io.marquee.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;

import io.marquee.api.catalog.MovieView;
import io.marquee.api.search.SearchResults;
import io.marquee.api.search.SearchText;
import io.marquee.text.TextFolding;

/**
 * Judged queries: a search and what people mean by it, which must come within a given rank. Read from a
 * tab-separated resource ({@code query}, {@code meant}, {@code rank}, and optionally {@code kind}, {@code why} and
 * why it is a known failure); run through the API; scored by precision at 1 and mean reciprocal rank (over the first
 * 10 results), in all and by kind. What is meant is a movie ({@code Title (year)}), people ({@code cast:Name+Name}:
 * the movie at that rank has them all), or a re-spelling ({@code suggest:words}: nothing matches and the page offers
 * those words).
 */
public final class RelevanceSuite {

    private static final String CAST = "cast:";
    private static final String SUGGEST = "suggest:";
    private final List<Judged> queries;

    private RelevanceSuite(List<Judged> queries) {
        this.queries = queries;
    }

    public static RelevanceSuite load(String resource) {
        return new RelevanceSuite(TabSeparated.rows(resource).stream().map(cells -> new Judged(cells[0], cells[1],
                Integer.parseInt(cells[2].strip()), cell(cells, 3, "unlabelled"), cell(cells, 4, ""), cell(cells, 5, null))).toList());
    }

    private static String cell(String[] cells, int index, String fallback) {
        return cells.length > index && !cells[index].isBlank() ? cells[index] : fallback;
    }

    public List<Judged> queries() {
        return queries;
    }

    /** Runs every query and returns where what was meant came. */
    public Results run(WebTestClient http) {
        List<Result> results = new ArrayList<>();
        for (Judged judged : queries) {
            SearchResults page = http.get().uri("/v1/movies?size=10&" + judged.query()).exchange().expectStatus().isOk()
                    .expectBody(SearchResults.class).returnResult().getResponseBody();
            List<String> found = page.items().stream().map(RelevanceSuite::label).toList();
            results.add(new Result(judged, rank(judged, page), found, exactBelowTypos(judged, page.items())));
        }
        return new Results(results);
    }

    private static int rank(Judged judged, SearchResults page) {
        if (judged.meant().startsWith(SUGGEST)) {
            return page.items().isEmpty() && judged.meant().substring(SUGGEST.length()).equals(page.didYouMean()) ? 1 : 0;
        }
        for (int i = 0; i < page.items().size(); i++) {
            MovieView movie = page.items().get(i);
            boolean meant = judged.meant().startsWith(CAST)
                    ? Arrays.stream(judged.meant().substring(CAST.length()).split("\\+")).map(TextFolding::fold)
                            .allMatch(name -> movie.cast() != null && movie.cast().stream().map(TextFolding::fold).anyMatch(name::equals))
                    : label(movie).equals(judged.meant());
            if (meant) {
                return i + 1;
            }
        }
        return 0;
    }

    /**
     * The first result that matches every word of {@code q} exactly (whole, in its title or cast) but comes after one
     * that needed a typo for some word (neither whole nor the start of a word there); null when there is none.
     */
    private static String exactBelowTypos(Judged judged, List<MovieView> items) {
        String q = UriComponentsBuilder.fromPath("/").query(judged.query()).build().getQueryParams().getFirst("q");
        if (q == null || judged.query().contains("fuzzy=false")) {
            return null;
        }
        SearchText text = SearchText.parse(q);
        List<String> words = new ArrayList<>(text.wordsBesideTheYear());
        text.phrases().forEach(p -> words.addAll(List.of(p.split(" "))));
        boolean typoAbove = false;
        for (MovieView movie : items) {
            Set<String> movieWords = words(movie);
            boolean exact = words.stream().allMatch(w -> movieWords.contains(w) || joinedWith(words, w, movieWords));
            boolean needsTypo = words.stream().anyMatch(w -> !movieWords.contains(w) && !joinedWith(words, w, movieWords)
                    && movieWords.stream().noneMatch(m -> w.length() >= 2 && m.startsWith(w)));
            if (exact && typoAbove) {
                return label(movie);
            }
            typoAbove |= needsTypo;
        }
        return null;
    }

    /** Whether the word, written together with a neighbour ({@code di caprio}), is a word of the movie. */
    private static boolean joinedWith(List<String> words, String word, Set<String> movieWords) {
        int i = words.indexOf(word);
        return (i > 0 && movieWords.contains(words.get(i - 1) + word)) || (i + 1 < words.size() && movieWords.contains(word + words.get(i + 1)));
    }

    private static Set<String> words(MovieView movie) {
        Set<String> words = new HashSet<>(List.of(TextFolding.fold(movie.title()).split(" ")));
        if (movie.cast() != null) {
            movie.cast().forEach(c -> words.addAll(List.of(TextFolding.fold(c).split(" "))));
        }
        return words;
    }

    private static String label(MovieView movie) {
        return movie.title() + " (" + movie.year() + ")";
    }

    /**
     * A query, what it means, the worst rank acceptable, its kind, what it tests, and, for a known failure, why it still
     * fails (null otherwise).
     */
    public record Judged(String query, String meant, int maxRank, String kind, String why, String knownFailure) {
    }

    /**
     * Where what was meant came (0: not in the first 10), what came instead, and the first exact match found below a
     * match that needed a typo (null when none was).
     */
    public record Result(Judged judged, int rank, List<String> found, String exactBelowTypos) {

        public boolean passed() {
            return rank >= 1 && rank <= judged.maxRank();
        }
    }

    /** The results of a run, and its scores. */
    public record Results(List<Result> results) {

        public double precisionAtOne() {
            return precisionAtOne(results);
        }

        public double meanReciprocalRank() {
            return meanReciprocalRank(results);
        }

        /** Queries whose meaning came lower than allowed, known failures aside. */
        public List<Result> failures() {
            return results.stream().filter(r -> !r.passed() && r.judged().knownFailure() == null).toList();
        }

        public List<Result> knownFailures() {
            return results.stream().filter(r -> r.judged().knownFailure() != null).toList();
        }

        /** Queries where an exact match came after a match that needed a typo. */
        public List<Result> exactBelowTypos() {
            return results.stream().filter(r -> r.exactBelowTypos() != null).toList();
        }

        public Map<String, List<Result>> byKind() {
            Map<String, List<Result>> kinds = new LinkedHashMap<>();
            results.forEach(r -> kinds.computeIfAbsent(r.judged().kind(), k -> new ArrayList<>()).add(r));
            return kinds;
        }

        private static double precisionAtOne(List<Result> results) {
            return results.stream().filter(r -> r.rank() == 1).count() / (double) results.size();
        }

        private static double meanReciprocalRank(List<Result> results) {
            return results.stream().mapToDouble(r -> r.rank() == 0 ? 0 : 1.0 / r.rank()).average().orElse(0);
        }

        /** A Markdown report, written where the build keeps its reports. */
        public String report(String title, Path file) {
            StringBuilder out = new StringBuilder("# Relevance: " + title + "\n\n");
            out.append(String.format(Locale.ROOT, "%d queries: precision@1 %.3f, MRR %.3f, %d outside their rank, %d known failures, "
                    + "%d with an exact match under a typo match.%n%n", results.size(), precisionAtOne(), meanReciprocalRank(),
                    failures().size(), knownFailures().size(), exactBelowTypos().size()));
            out.append("| kind | queries | P@1 | MRR |\n|---|---|---|---|\n");
            byKind().forEach((kind, list) -> out.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f |%n", kind, list.size(),
                    precisionAtOne(list), meanReciprocalRank(list))));
            out.append("\n| query | kind | meant | rank | within | first result | why |\n|---|---|---|---|---|---|---|\n");
            for (Result r : results) {
                out.append(String.format("| `%s` | %s | %s | %s | %d | %s | %s%s |%n", r.judged().query(), r.judged().kind(), r.judged().meant(),
                        r.rank() == 0 ? "—" : Integer.toString(r.rank()), r.judged().maxRank(), r.found().isEmpty() ? "" : r.found().get(0),
                        r.judged().why(), r.judged().knownFailure() == null ? "" : " (known failure: " + r.judged().knownFailure() + ")"));
            }
            return TabSeparated.report(file, out.toString());
        }
    }
}
