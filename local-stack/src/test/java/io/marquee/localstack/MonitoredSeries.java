package io.marquee.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric names a Prometheus text exposition holds, and those the chart's alert rules and dashboard select. */
final class MonitoredSeries {

    // A selector: a metric name directly followed by its label matchers (every query in those files selects so).
    private static final Pattern SELECTED = Pattern.compile("(?<![A-Za-z0-9_:$])([a-zA-Z_][a-zA-Z0-9_]*)\\{");

    private MonitoredSeries() {
    }

    static Set<String> exported(String exposition) {
        Set<String> names = new TreeSet<>();
        exposition.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
        return names;
    }

    static Set<String> readBy(Path... files) throws IOException {
        Set<String> names = new TreeSet<>();
        for (Path file : files) {
            Matcher matcher = SELECTED.matcher(Files.readString(file));
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }
}
