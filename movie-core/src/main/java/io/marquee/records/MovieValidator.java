package io.marquee.records;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.marquee.movie.MovieDocument;
import io.marquee.movie.MovieIds;

/**
 * Validates one record in the wikipedia-movie-data shape. A record is rejected with the first reason found;
 * junk list entries (blank, or without a letter or digit, such as {@code ")"}) are dropped and counted, not
 * rejected, because the rest of the record is good.
 */
public final class MovieValidator {

    public static final int MIN_YEAR = 1870;
    public static final int MAX_YEAR = 2100;
    public static final int MAX_TITLE_LENGTH = 512;
    static final int MAX_NAME_LENGTH = 256;
    static final int MAX_TEXT_LENGTH = 100_000;
    static final int MAX_RAW_LENGTH = 10_000;
    /** Entries a cast list may have; the catalogue's longest has 59. */
    public static final int MAX_CAST_ENTRIES = 500;
    /** Entries a genre list may have; the catalogue's longest has 7. */
    public static final int MAX_GENRE_ENTRIES = 50;

    private static final Pattern HAS_WORD_CHARACTER = Pattern.compile("[\\p{L}\\p{N}]");

    private MovieValidator() {
    }

    public static RecordResult validate(JsonNode record, long position, long line) {
        try {
            return validated(record, position, line);
        }
        catch (InvalidRecord invalid) {
            String raw = record.toString();
            return new RecordResult.Rejected(position, line, invalid.code, invalid.field, invalid.getMessage(),
                    raw.length() <= MAX_RAW_LENGTH ? raw : raw.substring(0, MAX_RAW_LENGTH));
        }
    }

    private static RecordResult validated(JsonNode record, long position, long line) {
        if (!record.isObject()) {
            throw new InvalidRecord(RejectionCode.NOT_AN_OBJECT, null, "record is not a JSON object but " + describe(record));
        }
        JsonNode deleted = record.get("deleted");
        if (deleted != null && !deleted.isNull() && !deleted.isBoolean()) {
            throw new InvalidRecord(RejectionCode.WRONG_TYPE, "deleted", "deleted must be true or false, not " + describe(deleted));
        }
        if (deleted != null && deleted.booleanValue()) {
            return deletion(record, position, line);
        }
        String title = requiredText(record, "title");
        if (title.length() > MAX_TITLE_LENGTH) {
            throw new InvalidRecord(RejectionCode.TOO_LONG, "title", "title is longer than " + MAX_TITLE_LENGTH + " characters");
        }
        JsonNode yearNode = record.get("year");
        if (yearNode == null || yearNode.isNull()) {
            throw new InvalidRecord(RejectionCode.MISSING, "year", "year is missing");
        }
        if (!yearNode.isIntegralNumber() || !yearNode.canConvertToInt()) {
            throw new InvalidRecord(RejectionCode.WRONG_TYPE, "year", "year must be an integer, not " + describe(yearNode));
        }
        int year = yearNode.intValue();
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new InvalidRecord(RejectionCode.OUT_OF_RANGE, "year", "year " + year + " is outside " + MIN_YEAR + "–" + MAX_YEAR);
        }
        int[] dropped = {0};
        List<String> cast = names(record, "cast", MAX_CAST_ENTRIES, dropped);
        List<String> genres = names(record, "genres", MAX_GENRE_ENTRIES, dropped);
        MovieDocument.Facts facts = new MovieDocument.Facts(title, year, cast, genres,
                optionalText(record, "extract", MAX_TEXT_LENGTH), optionalText(record, "href", MAX_TITLE_LENGTH * 2),
                optionalText(record, "thumbnail", 2048),
                optionalDimension(record, "thumbnail_width"), optionalDimension(record, "thumbnail_height"), optionalRating(record));
        return new RecordResult.Valid(position, line, facts, dropped[0]);
    }

    private static RecordResult deletion(JsonNode record, long position, long line) {
        if (record.hasNonNull("id")) {
            String id = requiredText(record, "id");
            if (id.length() > MAX_TITLE_LENGTH) {
                throw new InvalidRecord(RejectionCode.TOO_LONG, "id", "id is longer than " + MAX_TITLE_LENGTH + " characters");
            }
            return new RecordResult.Delete(position, line, id);
        }
        if (!record.hasNonNull("title") || !record.hasNonNull("year")) {
            throw new InvalidRecord(RejectionCode.INVALID_DELETE, null, "a deletion needs an id, or a title and a year");
        }
        RecordResult identity = validated(withoutDeleted(record), position, line);
        MovieDocument.Facts facts = ((RecordResult.Valid) identity).facts();
        return new RecordResult.Delete(position, line, MovieIds.of(facts.title(), facts.year(), facts.href()));
    }

    private static JsonNode withoutDeleted(JsonNode record) {
        ObjectNode copy = ((ObjectNode) record).deepCopy();
        copy.remove("deleted");
        return copy;
    }

    private static String requiredText(JsonNode record, String field) {
        JsonNode node = record.get(field);
        if (node == null || node.isNull()) {
            throw new InvalidRecord(RejectionCode.MISSING, field, field + " is missing");
        }
        if (!node.isTextual()) {
            throw new InvalidRecord(RejectionCode.WRONG_TYPE, field, field + " must be a string, not " + describe(node));
        }
        String text = node.textValue().strip();
        if (text.isEmpty()) {
            throw new InvalidRecord(RejectionCode.BLANK, field, field + " is blank");
        }
        return text;
    }

    private static String optionalText(JsonNode record, String field, int maxLength) {
        JsonNode node = record.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidRecord(RejectionCode.WRONG_TYPE, field, field + " must be a string, not " + describe(node));
        }
        String text = node.textValue().strip();
        if (text.length() > maxLength) {
            throw new InvalidRecord(RejectionCode.TOO_LONG, field, field + " is longer than " + maxLength + " characters");
        }
        return text.isEmpty() ? null : text;
    }

    private static Integer optionalDimension(JsonNode record, String field) {
        JsonNode node = record.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0) {
            throw new InvalidRecord(RejectionCode.WRONG_TYPE, field, field + " must be a non-negative integer, not " + describe(node));
        }
        return node.intValue();
    }

    private static MovieDocument.Rating optionalRating(JsonNode record) {
        JsonNode node = record.get("rating");
        if (node == null || node.isNull()) {
            return null;
        }
        JsonNode average = node.get("average");
        JsonNode count = node.get("count");
        if (!node.isObject() || average == null || !average.isNumber() || count == null || !count.isIntegralNumber()
                || count.longValue() < 0 || average.doubleValue() < 0 || average.doubleValue() > 10) {
            throw new InvalidRecord(RejectionCode.WRONG_TYPE, "rating",
                    "rating must be {\"average\": 0–10, \"count\": a non-negative integer}, not " + describe(node));
        }
        return new MovieDocument.Rating(average.doubleValue(), count.longValue());
    }

    private static List<String> names(JsonNode record, String field, int maxEntries, int[] dropped) {
        JsonNode node = record.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidRecord(RejectionCode.WRONG_TYPE, field, field + " must be an array of strings, not " + describe(node));
        }
        if (node.size() > maxEntries) {
            throw new InvalidRecord(RejectionCode.TOO_MANY_ENTRIES, field,
                    field + " has " + node.size() + " entries, more than the " + maxEntries + " allowed");
        }
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                throw new InvalidRecord(RejectionCode.WRONG_TYPE, field, field + " must contain only strings, not " + describe(element));
            }
            String name = element.textValue().strip().replaceAll("\\s+", " ");
            if (name.isEmpty() || !HAS_WORD_CHARACTER.matcher(name).find() || name.length() > MAX_NAME_LENGTH) {
                dropped[0]++;
            }
            else {
                names.add(name);
            }
        }
        return new ArrayList<>(names);
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case BOOLEAN -> "a boolean";
            case NUMBER -> "the number " + abbreviate(node.asText());
            case STRING -> "the string \"" + abbreviate(node.textValue()) + "\"";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    /** Why a record is invalid; never leaves this class. */
    private static final class InvalidRecord extends RuntimeException {

        private final RejectionCode code;
        private final String field;

        InvalidRecord(RejectionCode code, String field, String reason) {
            super(reason, null, false, false);
            this.code = code;
            this.field = field;
        }
    }
}
