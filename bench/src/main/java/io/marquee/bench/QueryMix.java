package io.marquee.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;


/**
 * The benchmark's query mix: the four lookups of the original contract, fuzzy title, fuzzy cast, typeahead and a
 * faceted search, {@value #PER_KIND} of each, taken from the loaded catalogue so every one finds something. Each query's
 * Elasticsearch request is the one the API itself sends for it, recorded on the way ({@link RecordingApi}).
 */
final class QueryMix {

    static final int PER_KIND = 25;
    private static final String ALIAS = "movies";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    private QueryMix() {
    }

    /** Writes the mix to {@code out}; {@code apiJar} is the API's executable jar, run once more to record its searches. */
    static void prepare(URI api, URI elasticsearch, Path apiJar, Path out) throws IOException, InterruptedException {
        new QueryMix().write(api, elasticsearch, apiJar, out);
    }

    private void write(URI api, URI elasticsearch, Path apiJar, Path out) throws IOException, InterruptedException {
        List<JsonNode> movies = sample(elasticsearch);
        List<MixEntry> mix = new ArrayList<>();
        List<String> titles = movies.stream().map(m -> m.get("title").asText()).filter(t -> longestWord(t).length() >= 6).distinct()
                .limit(PER_KIND).toList();
        List<String> names = movies.stream().flatMap(m -> texts(m.get("cast")).stream()).filter(n -> n.contains(" ") && lastWord(n).length() >= 5)
                .distinct().limit(PER_KIND).toList();
        List<String> genres = movies.stream().flatMap(m -> texts(m.get("genres")).stream())
                .collect(Collectors.groupingBy(g -> g, LinkedHashMap::new, Collectors.counting())).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).map(Map.Entry::getKey).limit(PER_KIND).toList();
        for (int i = 0; i < PER_KIND; i++) {
            int year = 1950 + i * 3;
            mix.add(entry("year", "/movies/year/" + year));
            String title = titles.get(i % titles.size());
            mix.add(entry("name", "/movies/name/" + segment(title)));
            String name = names.get(i % names.size());
            mix.add(entry("castmember", "/movies/castmember/" + segment(name)));
            String genre = genres.get(i % genres.size());
            mix.add(entry("genre", "/movies/genre/" + segment(genre)));
            mix.add(search("fuzzy title", Map.of("title", typo(title, longestWord(title)))));
            mix.add(search("fuzzy cast", Map.of("cast", typo(name, lastWord(name)))));
            mix.add(suggest(typed(title)));
            mix.add(search("faceted", Map.of("q", longestWord(title), "facets", "genres,decade,year")));
        }
        Files.createDirectories(out.resolve("static/q"));
        mix = recorded(mix, elasticsearch, apiJar, out.resolve("recording-api.log"));
        Map<String, List<Integer>> sizes = new LinkedHashMap<>();
        List<MixEntry> served = new ArrayList<>();
        for (MixEntry entry : mix) {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(api.resolve(entry.apiPath())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(entry.apiPath() + " answered " + response.statusCode() + ": the catalogue is not loaded");
            }
            sizes.computeIfAbsent(entry.kind(), k -> new ArrayList<>()).add(response.body().length);
            // The fair floor: nginx serves this query's answer, byte for byte, so that × nginx compares like with like.
            String path = "/q/" + served.size() + ".json";
            Files.write(out.resolve("static" + path), response.body());
            served.add(entry.servedAt(path));
        }
        mix = served;
        json.writerWithDefaultPrettyPrinter().writeValue(out.resolve("mix.json").toFile(), mix);
        Files.write(out.resolve("wrk-api.txt"), mix.stream().map(MixEntry::apiPath).toList());
        // One line a query: an _msearch body's newlines are written as \n, which mix.lua turns back (no body holds a backslash).
        Files.write(out.resolve("wrk-es.txt"), mix.stream().map(e -> e.esPath() + "\t" + e.esBody().replace("\n", "\\n")).toList());
        int median = median(sizes.values().stream().flatMap(List::stream).toList());
        Files.write(out.resolve("wrk-nginx.txt"), mix.stream().map(MixEntry::staticPath).toList());
        // The old floor, kept for comparison and labelled as what it is: one file the size of the median answer.
        Files.writeString(out.resolve("static/response.json"), staticResponse(median));
        Files.writeString(out.resolve("wrk-nginx-one-file.txt"), "/response.json\n");
        StringBuilder summary = new StringBuilder("| query type | queries | median response bytes |\n|---|---|---|\n");
        sizes.forEach((kind, list) -> summary.append("| ").append(kind).append(" | ").append(list.size()).append(" | ")
                .append(median(list)).append(" |\n"));
        summary.append("\n**nginx** serves each query's API answer, the very bytes, as a file of its own (`static/q/<n>.json`); ")
                .append("**nginx-one-file** serves one file of ").append(median).append(" bytes (the median answer) whatever the query.\n");
        Files.writeString(out.resolve("mix.md"), summary);
        System.out.println("mix of " + mix.size() + " queries written to " + out + "; API warmed with one pass");
    }

    /** A deterministic spread of movies from 1950 on, with their titles, cast and genres. */
    private List<JsonNode> sample(URI elasticsearch) throws IOException, InterruptedException {
        String body = "{\"size\":600,\"query\":{\"bool\":{\"filter\":[{\"range\":{\"year\":{\"gte\":1950}}},{\"exists\":{\"field\":\"cast\"}}]}},"
                + "\"sort\":[{\"id\":\"asc\"}],\"_source\":[\"title\",\"year\",\"cast\",\"genres\"]}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(elasticsearch.resolve("/" + ALIAS + "/_search"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("sampling the catalogue failed: " + response.statusCode() + " " + response.body());
        }
        List<JsonNode> movies = new ArrayList<>();
        json.readTree(response.body()).path("hits").path("hits").forEach(hit -> movies.add(hit.get("_source")));
        if (movies.size() < PER_KIND) {
            throw new IllegalStateException("only " + movies.size() + " movies from 1950 on with a cast: load the full dataset first");
        }
        return movies;
    }

    private static MixEntry search(String kind, Map<String, String> params) {
        return entry(kind, "/v1/movies?" + params.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&")));
    }

    private static MixEntry suggest(String typed) {
        return entry("typeahead", "/v1/suggest?q=" + URLEncoder.encode(typed, StandardCharsets.UTF_8));
    }

    private static MixEntry entry(String kind, String apiPath) {
        return new MixEntry(kind, apiPath, null, null, null);
    }

    /** The mix with each query's Elasticsearch request, as an API of the same build sent it. */
    private static List<MixEntry> recorded(List<MixEntry> mix, URI elasticsearch, Path apiJar, Path log) throws IOException, InterruptedException {
        List<MixEntry> recorded = new ArrayList<>();
        try (RecordingApi api = new RecordingApi(apiJar, elasticsearch, log)) {
            for (MixEntry entry : mix) {
                recorded.add(entry.sending(api.searchesFor(entry.apiPath())));
            }
        }
        return recorded;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(value -> values.add(value.asText()));
        }
        return values;
    }

    private static String longestWord(String text) {
        return List.of(text.split("[^\\p{L}\\p{N}]+")).stream().max(Comparator.comparingInt(String::length)).orElse(text);
    }

    private static String lastWord(String text) {
        String[] words = text.strip().split("\\s+");
        return words[words.length - 1];
    }

    /** One letter of the word replaced by its neighbour in the alphabet: the single typo people make. */
    private static String typo(String text, String word) {
        int at = word.length() / 2;
        char c = Character.toLowerCase(word.charAt(at));
        char replaced = c == 'z' ? 'y' : (char) (c + 1);
        String typoed = word.substring(0, at) + replaced + word.substring(at + 1);
        return text.replace(word, typoed);
    }

    /** What someone has typed halfway: the first word and two letters of the next, or the first four letters. */
    private static String typed(String title) {
        String[] words = title.toLowerCase(Locale.ROOT).split("\\s+");
        if (words.length > 1 && words[1].length() >= 2) {
            return words[0] + " " + words[1].substring(0, 2);
        }
        return words[0].substring(0, Math.min(4, words[0].length()));
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static int median(List<Integer> values) {
        List<Integer> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** A JSON array of exactly {@code bytes} bytes: a response the size of the API's, with nothing to compute. */
    private static String staticResponse(int bytes) {
        StringBuilder body = new StringBuilder("[\"");
        while (body.length() < bytes - 2) {
            body.append('x');
        }
        return body.append("\"]").toString();
    }
}
