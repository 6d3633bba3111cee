package io.marquee.api.web;

import java.util.List;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Where the search page and its assets live: anyone may load them, and they carry the page's own content policy;
 * the API calls the page makes are checked like any other. One list of path patterns serves both.
 */
public final class PageAssets {

    public static final List<String> PATTERNS = List.of("/", "/index.html", "/ui/**");
    private static final List<PathPattern> PARSED = PATTERNS.stream().map(PathPatternParser.defaultInstance::parse).toList();

    private PageAssets() {
    }

    /** Whether a path (decoded, without matrix parameters, as the router sees it) is the page's. */
    public static boolean isPagePath(PathContainer path) {
        return PARSED.stream().anyMatch(pattern -> pattern.matches(path));
    }
}
