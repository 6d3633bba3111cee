package io.marquee.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The judged files of the relevance measures: tab-separated rows, {@code #} comments, and their Markdown reports. */
final class TabSeparated {

    private TabSeparated() {
    }

    /** The cells of every row of a classpath resource that is neither blank nor a comment. */
    static List<String[]> rows(String resource) {
        try (InputStream in = TabSeparated.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No judged file at " + resource);
            }
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t"));
                }
            }
            return rows;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Writes a report where the build keeps its reports, and returns it. */
    static String report(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text);
            return text;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
