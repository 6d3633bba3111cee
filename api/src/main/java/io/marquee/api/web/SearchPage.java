package io.marquee.api.web;

/**
 * Where the search page and its assets live: anyone may load them, and they carry the page's own content policy;
 * the API calls the page makes are checked like any other.
 */
public final class SearchPage {

    private SearchPage() {
    }

    public static boolean isPagePath(String path) {
        return path.equals("/") || path.equals("/index.html") || path.startsWith("/ui/");
    }
}
