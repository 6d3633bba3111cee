package io.marquee.indexer.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.marquee.records.MovieFileFormat;
import io.marquee.records.MovieValidator;
import io.marquee.records.RecordResult;
import io.marquee.records.RejectionCode;

/**
 * Reads a {@code data.zip} bundle in the Kaggle "The Movies Dataset" layout: {@code movies_metadata.csv}, with
 * optional {@code credits.csv} (cast, joined by {@code id}) and {@code ratings.csv} (averaged per {@code movieId}).
 * Entries are streamed, never unpacked to disk. The first pass checks the whole bundle (no path traversal, no
 * nested archives, no decompression bomb by total size or compression ratio) and gathers credits and ratings;
 * only a bundle that passes yields movies, in a second pass over {@code movies_metadata.csv}.
 */
final class ZipBundleReader implements FormatReader {

    static final String METADATA = "movies_metadata.csv";
    static final String CREDITS = "credits.csv";
    static final String RATINGS = "ratings.csv";
    private static final Pattern NESTED = Pattern.compile(".*\\.(zip|gz|tgz|tar|jar|7z|rar|bz2|xz)$");

    private final ObjectMapper json;
    private final IngestLimits limits;
    private final CsvMapper csv = new CsvMapper();

    ZipBundleReader(ObjectMapper json, IngestLimits limits) {
        this.json = json;
        this.limits = limits;
        // No CSV cell may be longer than a record may be.
        csv.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength((int) Math.min(Integer.MAX_VALUE, limits.maxRecordBytes().toBytes())).build());
    }

    @Override
    public MovieFileFormat format() {
        return MovieFileFormat.ZIP;
    }

    /** Reads the bundle in two passes over {@code file}: the checks and lookups, then the movies. */
    void read(MovieFile file, Consumer<RecordResult> results) throws IOException {
        Lookups lookups = new Lookups(limits.maxBundleLookupBytes().toBytes());
        String problem = inspect(file, lookups);
        if (problem != null) {
            results.accept(new RecordResult.Rejected(0, 0, RejectionCode.BUNDLE_REFUSED, "bundle rejected: " + problem + "; nothing was indexed"));
            return;
        }
        try (ZipInputStream zip = new ZipInputStream(file.open())) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (baseName(entry.getName()).equals(METADATA)) {
                    movies(zip, lookups, results);
                    return;
                }
            }
        }
    }

    /** The first pass: returns why the bundle is refused, or null, having collected credits and ratings. */
    private String inspect(MovieFile file, Lookups lookups) throws IOException {
        boolean metadata = false;
        try (LimitedInputStream raw = LimitedInputStream.counting(file.open()); ZipInputStream zip = new ZipInputStream(raw)) {
            long total = 0;
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                if (name.startsWith("/") || name.contains("\\") || List.of(name.split("/")).contains("..")) {
                    return "entry '" + name + "' has an unsafe path";
                }
                if (NESTED.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
                    return "entry '" + name + "' is a nested archive";
                }
                long before = raw.count();
                String tooLarge = "it expands beyond " + limits.maxFileBytes().toBytes() + " bytes";
                LimitedInputStream entryBytes = new LimitedInputStream(new Unclosable(zip), limits.maxFileBytes().toBytes() - total, tooLarge);
                String base = baseName(name);
                try {
                    if (base.equals(CREDITS)) {
                        credits(entryBytes, lookups);
                    }
                    else if (base.equals(RATINGS)) {
                        ratings(entryBytes, lookups);
                    }
                    else {
                        metadata |= base.equals(METADATA);
                        entryBytes.transferTo(OutputStreamSink.INSTANCE);
                    }
                }
                catch (JsonProcessingException ex) {
                    return base + " is not valid CSV (" + ex.getOriginalMessage() + ")";
                }
                catch (LimitedInputStream.LimitExceeded ex) {
                    return ex.getMessage();
                }
                total += entryBytes.count();
                long compressed = Math.max(1, raw.count() - before);
                if (entryBytes.count() > limits.minBytesForRatioCheck().toBytes() && entryBytes.count() / compressed > limits.maxCompressionRatio()) {
                    return "entry '" + name + "' expands more than " + limits.maxCompressionRatio() + " times (a decompression bomb?)";
                }
            }
        }
        return metadata ? null : "it has no " + METADATA;
    }

    private void movies(InputStream metadata, Lookups lookups, Consumer<RecordResult> results) throws IOException {
        long position = 0;
        try (MappingIterator<Map<String, String>> rows = rows(new Unclosable(metadata))) {
            while (rows.hasNext()) {
                position++;
                Map<String, String> row;
                try {
                    row = rows.next();
                }
                catch (RuntimeException ex) {
                    results.accept(new RecordResult.Rejected(position, position + 1, RejectionCode.MALFORMED, "malformed CSV row: " + ex.getMessage()));
                    continue;
                }
                results.accept(MovieValidator.validate(record(row, lookups), position, position + 1));
            }
        }
    }

    private ObjectNode record(Map<String, String> row, Lookups lookups) {
        ObjectNode record = json.createObjectNode();
        String id = blankToNull(row.get("id"));
        putText(record, "title", row.get("title"));
        String date = blankToNull(row.get("release_date"));
        if (date != null && date.length() >= 4 && date.substring(0, 4).chars().allMatch(Character::isDigit)) {
            record.put("year", Integer.parseInt(date.substring(0, 4)));
        }
        var genres = record.putArray("genres");
        names(row.get("genres")).forEach(genres::add);
        var cast = record.putArray("cast");
        lookups.credits.getOrDefault(id, List.of()).forEach(cast::add);
        putText(record, "extract", row.get("overview"));
        putText(record, "href", blankToNull(row.get("imdb_id")) == null ? null : "https://www.imdb.com/title/" + row.get("imdb_id").strip());
        String poster = blankToNull(row.get("poster_path"));
        putText(record, "thumbnail", poster == null ? null : "https://image.tmdb.org/t/p/w185" + poster);
        double[] rated = lookups.ratings.get(id);
        if (rated != null && rated[1] > 0) {
            record.putObject("rating").put("average", Math.round(rated[0] / rated[1] * 100) / 100.0).put("count", (long) rated[1]);
        }
        else if (blankToNull(row.get("vote_count")) != null && blankToNull(row.get("vote_average")) != null) {
            try {
                long votes = (long) Double.parseDouble(row.get("vote_count"));
                if (votes > 0) {
                    record.putObject("rating").put("average", Double.parseDouble(row.get("vote_average"))).put("count", votes);
                }
            }
            catch (NumberFormatException ignored) {
                // A rating that cannot be read is left out; the movie still counts.
            }
        }
        return record;
    }

    private void credits(InputStream in, Lookups lookups) throws IOException {
        try (MappingIterator<Map<String, String>> rows = rows(in)) {
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                String id = blankToNull(row.get("id"));
                if (id != null) {
                    lookups.credit(id, names(row.get("cast")).stream().limit(limits.maxCastPerBundleMovie()).toList());
                }
            }
        }
    }

    private void ratings(InputStream in, Lookups lookups) throws IOException {
        try (MappingIterator<Map<String, String>> rows = rows(in)) {
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                double rating;
                String movie = blankToNull(row.get("movieId"));
                try {
                    rating = Double.parseDouble(row.get("rating"));
                }
                catch (RuntimeException ignored) {
                    // A rating row that cannot be read adds nothing to the average.
                    continue;
                }
                if (movie != null) {
                    lookups.rate(movie.strip(), rating);
                }
            }
        }
    }

    private MappingIterator<Map<String, String>> rows(InputStream in) throws IOException {
        return csv.readerFor(Map.class).with(CsvSchema.emptySchema().withHeader()).with(CsvParser.Feature.SKIP_EMPTY_LINES)
                .readValues(in);
    }

    /**
     * Names from a JSON-like list as the dataset writes it: {@code [{'id': 18, 'name': 'Drama'}, …]}. A single scan
     * with no backtracking, so no input can overflow the stack: each quoted string is read once, and a string is a
     * name when it follows a {@code 'name':} key.
     */
    static List<String> names(String list) {
        List<String> names = new ArrayList<>();
        if (list == null) {
            return names;
        }
        boolean keyIsName = false;
        boolean valueIsName = false;
        int i = 0;
        while (i < list.length()) {
            char c = list.charAt(i);
            if (c == '\'' || c == '"') {
                StringBuilder text = new StringBuilder();
                int end = quoted(list, i, text);
                if (end < 0) {
                    break;
                }
                if (valueIsName) {
                    names.add(text.toString());
                }
                keyIsName = !valueIsName && text.toString().equals("name");
                valueIsName = false;
                i = end;
            }
            else {
                if (c == ':') {
                    valueIsName = keyIsName;
                    keyIsName = false;
                }
                else if (!Character.isWhitespace(c)) {
                    keyIsName = false;
                    valueIsName = false;
                }
                i++;
            }
        }
        return names;
    }

    /** Reads the string quoted at {@code start} into {@code text}; returns the index after its closing quote, or -1. */
    private static int quoted(String list, int start, StringBuilder text) {
        char quote = list.charAt(start);
        int i = start + 1;
        while (i < list.length()) {
            char c = list.charAt(i);
            if (c == quote) {
                return i + 1;
            }
            if (c == '\\' && i + 1 < list.length()) {
                char next = list.charAt(i + 1);
                // Python's repr escapes only the quotes (and the backslash itself); anything else stays as written.
                if (next == '\'' || next == '"' || next == '\\') {
                    text.append(next);
                }
                else {
                    text.append(c).append(next);
                }
                i += 2;
                continue;
            }
            text.append(c);
            i++;
        }
        return -1;
    }

    private static void putText(ObjectNode record, String field, String value) {
        String text = blankToNull(value);
        if (text != null) {
            record.put(field, text.strip());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String baseName(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    /**
     * The credits and ratings a bundle's movies are joined to, held while it is read, and bounded by an estimate of
     * the heap they take (characters twice over, plus the map entry), before each is added.
     */
    private static final class Lookups {

        private static final int ENTRY_BYTES = 96;

        final Map<String, List<String>> credits = new HashMap<>();
        final Map<String, double[]> ratings = new HashMap<>();
        private final long maxBytes;
        private long bytes;

        Lookups(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        void credit(String id, List<String> cast) throws LimitedInputStream.LimitExceeded {
            long size = ENTRY_BYTES + 2L * id.length();
            for (String name : cast) {
                size += 48 + 2L * name.length();
            }
            take(size);
            // A repeated id replaces its cast; what the old one took is not given back, which errs on the safe side.
            credits.put(id, cast);
        }

        void rate(String movie, double rating) throws LimitedInputStream.LimitExceeded {
            double[] sum = ratings.get(movie);
            if (sum == null) {
                take(ENTRY_BYTES + 2L * movie.length());
                sum = new double[2];
                ratings.put(movie, sum);
            }
            sum[0] += rating;
            sum[1]++;
        }

        private void take(long size) throws LimitedInputStream.LimitExceeded {
            bytes += size;
            if (bytes > maxBytes) {
                throw new LimitedInputStream.LimitExceeded("its credits and ratings take more than " + maxBytes
                        + " bytes to hold while its movies are joined to them");
            }
        }
    }

    /** Keeps a CSV reader from closing the zip stream it reads one entry of. */
    private static final class Unclosable extends FilterInputStream {

        Unclosable(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // The zip stream outlives its entries.
        }
    }

    /** Discards what it is given. */
    private static final class OutputStreamSink extends java.io.OutputStream {

        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
            // Discarded: only the byte count matters.
        }

        @Override
        public void write(byte[] b, int off, int len) {
            // Discarded: only the byte count matters.
        }
    }
}
