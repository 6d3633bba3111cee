package io.marquee.records;

/**
 * Why a record was rejected, as a code: what a load report groups rejections by and a reader of it can count on. The
 * rejection's reason says the same in words, with the values.
 */
public enum RejectionCode {

    /** The record is not a JSON object. */
    NOT_AN_OBJECT,
    /** A required field is absent. */
    MISSING,
    /** A field has the wrong JSON type. */
    WRONG_TYPE,
    /** A required text field is blank. */
    BLANK,
    /** A text field is longer than allowed. */
    TOO_LONG,
    /** A number is outside its range. */
    OUT_OF_RANGE,
    /** A list has more entries than allowed. */
    TOO_MANY_ENTRIES,
    /** A deletion names no movie. */
    INVALID_DELETE,
    /** The record is larger than a record may be. */
    TOO_LARGE,
    /** The file is not JSON, or a part of it cannot be parsed. */
    MALFORMED,
    /** The file is empty. */
    EMPTY_FILE,
    /** The file ends inside a record or an array. */
    TRUNCATED,
    /** A zip bundle refused whole. */
    BUNDLE_REFUSED,
    /** A valid record its provider may not apply (the movie is another provider's). */
    NOT_PERMITTED;

    /** As reports show it: {@code out-of-range}. */
    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
