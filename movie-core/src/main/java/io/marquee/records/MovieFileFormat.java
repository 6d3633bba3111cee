package io.marquee.records;

import java.util.Locale;
import java.util.Optional;

/**
 * The formats a movie file may have, told from its name (an S3 key or a file name; a trailing {@code .gz} means
 * gzipped and is looked through). The one place that knows the names: which files a directory load picks up,
 * which a provider may deliver, and how the reader reads each.
 */
public enum MovieFileFormat {

    /** A JSON array of movie objects, or a single movie object. */
    JSON("json", ".json"),
    /** One movie object per line. */
    NDJSON("ndjson", ".ndjson", ".jsonl"),
    /** A zip bundle in the Kaggle "The Movies Dataset" layout. */
    ZIP("zip", ".zip");

    private final String id;
    private final String[] extensions;

    MovieFileFormat(String id, String... extensions) {
        this.id = id;
        this.extensions = extensions;
    }

    /** How configuration names the format ({@code json}, {@code ndjson}, {@code zip}). */
    public String id() {
        return id;
    }

    /** The format of a file by its name or key (the last path segment counts), if it has one of the known extensions. */
    public static Optional<MovieFileFormat> of(String nameOrKey) {
        String name = nameOrKey.substring(nameOrKey.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - ".gz".length());
        }
        for (MovieFileFormat format : values()) {
            for (String extension : format.extensions) {
                if (name.endsWith(extension) && name.length() > extension.length()) {
                    return Optional.of(format);
                }
            }
        }
        return Optional.empty();
    }
}
